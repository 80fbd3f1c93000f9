// A damaged index found at start is rebuilt from the corpus, and the product answers as before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../../src/core/bootstrap.js';
import { silentLogger } from '../../../src/core/logger.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-damaged-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('damaged index at start', () => {
  it('rebuilds a truncated corpus.json instead of failing', async () => {
    const dataDir = path.join(dir, 'data');
    const first = await bootstrap({ dataDir, logger: silentLogger, env: { LOG_LEVEL: 'silent' } });
    const corpusJson = path.join(first.indexDir, 'corpus.json');
    const size = fs.statSync(corpusJson).size;
    fs.truncateSync(corpusJson, Math.floor(size / 3));

    await expect(bootstrap({ dataDir, logger: silentLogger, ingest: 'never', env: { LOG_LEVEL: 'silent' } })).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });

    const second = await bootstrap({ dataDir, logger: silentLogger, env: { LOG_LEVEL: 'silent' } });
    expect(second.ingestReport).toBeDefined();
    expect(second.corpus.chunks.length).toBe(first.corpus.chunks.length);
    const r = await second.assistant.handle('Wanneer is de NvO in VNG-verband vastgesteld?', { channel: 'web' });
    expect(r.kind === 'answer' && r.answer.text).toContain('10 juni 2020');
  });
});
