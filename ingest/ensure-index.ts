// At start: an index that is whole and current. Missing or stale → ingest; damaged (CURRENT naming a
// missing build, truncated corpus.json, lost vector file) → logged and rebuilt from the corpus folders,
// instead of failing to start. Another ingest running on the same data dir is waited for.
import type { IndexedCorpus } from '../src/core/types.js';
import type { Logger } from '../src/core/logger.js';
import { AppError } from '../src/errors/app-error.js';
import { checkIndexHealth, type IndexHealth } from './index-health.js';
import { loadIndexedCorpus } from './index-store.js';
import { ingestCorpus, isIndexStale } from './ingest-corpus.js';
import type { IngestOptions, IngestReport } from './types.js';

export interface EnsureIndexOptions extends Omit<IngestOptions, 'force'> {
  /** 'auto': ingest when missing, stale or damaged; 'force': always; 'never': fail without a whole index. */
  mode?: 'auto' | 'force' | 'never';
  logger?: Logger;
}

export interface EnsuredIndex {
  corpus: IndexedCorpus;
  indexDir: string;
  /** Health found at start, before any ingest. */
  healthAtStart: IndexHealth;
  ingestReport?: IngestReport;
}

export async function ensureIndex(options: EnsureIndexOptions): Promise<EnsuredIndex> {
  const { mode = 'auto', logger, ...ingestOptions } = options;
  const healthAtStart = checkIndexHealth(options.dataDir);
  if (!healthAtStart.ok && healthAtStart.kind === 'damaged') {
    if (mode === 'never') throw new AppError('INDEX_CORRUPT', `the index is damaged (${healthAtStart.problem}); run npm run ingest`, { dataDir: options.dataDir });
    logger?.warn('index damaged; rebuilding it from the corpus', { problem: healthAtStart.problem });
  }
  const needsIngest = mode === 'force' || !healthAtStart.ok || (mode === 'auto' && (await isIndexStale(options.corpusDirs, options.dataDir)));
  let ingestReport: IngestReport | undefined;
  if (needsIngest) {
    if (mode === 'never') throw new AppError('INDEX_MISSING', `no index in ${options.dataDir}; run npm run ingest`);
    ingestReport = await ingestCorpus({ ...ingestOptions, force: mode === 'force', ...(logger ? { logger } : {}) });
    for (const f of ingestReport.failed) {
      logger?.warn(f.keptPrevious ? 'document unreadable, previous version kept' : 'document not indexed', { file: f.file, reason: f.reason, action: f.action });
    }
  }
  const loaded = loadIndexedCorpus(options.dataDir);
  if (!loaded) throw new AppError('INDEX_MISSING', `no index in ${options.dataDir} after ingest`);
  return { ...loaded, healthAtStart, ...(ingestReport ? { ingestReport } : {}) };
}
