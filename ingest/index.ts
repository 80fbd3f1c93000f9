// Public face of the ingest pipeline; other modules import from here only.
export { ingestCorpus, isIndexStale, blocksOf, discoverSources } from './ingest-corpus.js';
export { loadIndexedCorpus, currentBuildDir } from './index-store.js';
export { checkIndexHealth, type IndexHealth } from './index-health.js';
export { ensureIndex, type EnsureIndexOptions, type EnsuredIndex } from './ensure-index.js';
export { acquireIngestLock, readLockOwner, type IngestLock } from './ingest-lock.js';
export { formatIngestReport, failureLine } from './format-report.js';
export { cleanLayoutText, normaliseCharacters } from './clean-text.js';
export { splitIntoChunks, splitSentences, defaultChunking } from './split-into-chunks.js';
export { extractGlossary, readCuratedGlossary, initialsMatch } from './extract-glossary.js';
export { PIPELINE_VERSION } from './types.js';
export type { IngestOptions, IngestProgress, IngestReport, IngestFailure, Block, LoadedText } from './types.js';
export { createProgressPrinter } from './progress-printer.js';
