// ensureIndex, what bootstrap calls at start: builds a missing index, leaves a current one alone,
// rebuilds a damaged one (instead of failing to start), and with mode 'never' says what is wrong.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIndex, type EnsureIndexOptions } from '../../../ingest/index.js';
import type { Logger } from '../../../src/core/logger.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-ensure-index-'));
const corpusDir = path.join(tmp, 'corpus');
const warnings: string[] = [];
const logger: Logger = { debug() {}, info() {}, error() {}, warn: (msg) => void warnings.push(msg), child: () => logger };
const options = (dataDir: string, mode?: EnsureIndexOptions['mode']): EnsureIndexOptions => ({ corpusDirs: [corpusDir], dataDir, maxFileBytes: 1_000_000, parseTimeoutMs: 30_000, logger, ...(mode ? { mode } : {}) });

beforeAll(() => {
  fs.mkdirSync(corpusDir, { recursive: true });
  fs.writeFileSync(path.join(corpusDir, 'inkoop.txt'), 'Inkoop\n\nDe regio koopt de specialistische jeugdhulp samen in met een Open House.\n');
  fs.writeFileSync(path.join(corpusDir, 'planning.md'), '# Planning\n\nDe gunning van het perceel Verblijf is gepland op 1 maart 2027.\n');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('ensureIndex', () => {
  it('builds a missing index, then leaves a current one alone', async () => {
    const dataDir = path.join(tmp, 'fresh');
    const first = await ensureIndex(options(dataDir));
    expect(first.healthAtStart).toMatchObject({ ok: false, kind: 'missing' });
    expect(first.ingestReport?.documents).toBe(2);
    expect(first.corpus.documents).toHaveLength(2);
    const second = await ensureIndex(options(dataDir));
    expect(second.healthAtStart.ok).toBe(true);
    expect(second.ingestReport).toBeUndefined();
    expect(second.indexDir).toBe(first.indexDir);
  });

  it('rebuilds a damaged index at start instead of failing, and logs why', async () => {
    const dataDir = path.join(tmp, 'damaged');
    const built = await ensureIndex(options(dataDir));
    fs.truncateSync(path.join(built.indexDir, 'corpus.json'), 50);
    warnings.length = 0;
    const repaired = await ensureIndex(options(dataDir));
    expect(repaired.healthAtStart).toMatchObject({ ok: false, kind: 'damaged' });
    expect(repaired.ingestReport?.damagedIndex).toMatch(/corpus\.json/);
    expect(repaired.indexDir).not.toBe(built.indexDir);
    expect(repaired.corpus.chunks.map((c) => c.text)).toEqual(built.corpus.chunks.map((c) => c.text));
    expect(warnings).toContain('index damaged; rebuilding it from the corpus');
  });

  it("with mode 'never' reports a missing or damaged index as an AppError", async () => {
    await expect(ensureIndex(options(path.join(tmp, 'none'), 'never'))).rejects.toMatchObject({ code: 'INDEX_MISSING' });
    const dataDir = path.join(tmp, 'damaged-never');
    const built = await ensureIndex(options(dataDir));
    fs.rmSync(built.indexDir, { recursive: true });
    await expect(ensureIndex(options(dataDir, 'never'))).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
  });
});
