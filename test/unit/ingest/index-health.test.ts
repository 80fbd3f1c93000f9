// A damaged index (CURRENT naming a missing build, a truncated corpus.json, a lost vector file, a
// garbled CURRENT) is detected, counts as stale, and the next ingest rebuilds it from the corpus.
// The ingest lock: a second ingest waits or is told clearly; a lock left by a dead process is taken over.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireIngestLock, checkIndexHealth, ingestCorpus, isIndexStale, loadIndexedCorpus, readLockOwner } from '../../../ingest/index.js';
import type { IngestOptions } from '../../../ingest/index.js';
import { buildSearchArtifacts, LocalEmbedder } from '../../../src/retrieval/index.js';
import { truncated } from '../../support/bad-files.js';

const external = '/work/shared/external-corpus';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-index-health-'));
const corpusDir = path.join(tmp, 'corpus');
const goodData = path.join(tmp, 'good-data');
const options = (dataDir: string): IngestOptions => ({
  corpusDirs: [corpusDir],
  dataDir,
  maxFileBytes: 5_000_000,
  parseTimeoutMs: 30_000,
  afterBuild: (corpus, dir) => buildSearchArtifacts(corpus, dir, new LocalEmbedder()),
});
let counts: { documents: number; chunks: number };

/** A copy of the healthy data dir, damaged by `damage(buildDir, dataDir)`. */
function damagedCopy(name: string, damage: (buildDir: string, dataDir: string) => void): string {
  const dataDir = path.join(tmp, name);
  fs.cpSync(goodData, dataDir, { recursive: true });
  const current = fs.readFileSync(path.join(dataDir, 'index', 'CURRENT'), 'utf8').trim();
  damage(path.join(dataDir, 'index', 'builds', current), dataDir);
  return dataDir;
}

beforeAll(async () => {
  fs.mkdirSync(corpusDir, { recursive: true });
  fs.copyFileSync(path.join(external, 'Besluitenlijst-raadsvergadering-29-juni-2015.pdf'), path.join(corpusDir, 'besluitenlijst.pdf'));
  for (const f of ['denhelder_rib_inkoop_jbjr.txt', 'vng_nvo_jeugd.txt']) fs.copyFileSync(path.join(external, f), path.join(corpusDir, f));
  const report = await ingestCorpus(options(goodData));
  counts = { documents: report.documents, chunks: report.chunks };
}, 120_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('checkIndexHealth', () => {
  it('says "missing" before the first ingest and ok with counts after it', () => {
    expect(checkIndexHealth(path.join(tmp, 'nothing'))).toMatchObject({ ok: false, kind: 'missing' });
    const health = checkIndexHealth(goodData);
    expect(health).toMatchObject({ ok: true, documents: 3, chunks: counts.chunks });
    expect(counts.chunks).toBeGreaterThan(5);
    expect(fs.existsSync(path.join((health as { indexDir: string }).indexDir, 'vectors.hnsw'))).toBe(true);
  });

  const damages: [string, (build: string, data: string) => void, RegExp][] = [
    ['CURRENT names a build that does not exist', (build) => fs.rmSync(build, { recursive: true }), /does not exist/],
    ['corpus.json is truncated', (build) => fs.truncateSync(path.join(build, 'corpus.json'), 1000), /corpus\.json.*bytes, expected/],
    ['the vector file is missing', (build) => fs.rmSync(path.join(build, 'vectors.hnsw')), /vectors\.hnsw is missing/],
    ['CURRENT is garbage', (_b, data) => fs.writeFileSync(path.join(data, 'index', 'CURRENT'), '../../etc'), /CURRENT is unreadable/],
    ['manifest.json is gone', (build) => fs.rmSync(path.join(build, 'manifest.json')), /manifest\.json is missing/],
  ];
  for (const [what, damage, problem] of damages) {
    it(`detects a damaged index (${what}); it is stale and the next ingest rebuilds it`, async () => {
      const dataDir = damagedCopy(what.replace(/\W+/g, '-'), damage);
      const health = checkIndexHealth(dataDir);
      expect(health).toMatchObject({ ok: false, kind: 'damaged' });
      expect((health as { problem: string }).problem).toMatch(problem);
      expect(await isIndexStale([corpusDir], dataDir)).toBe(true);

      const report = await ingestCorpus(options(dataDir));
      expect(report.damagedIndex).toMatch(problem);
      expect(checkIndexHealth(dataDir)).toMatchObject({ ok: true, documents: counts.documents, chunks: counts.chunks });
      expect(loadIndexedCorpus(dataDir)!.corpus.chunks).toHaveLength(counts.chunks);
      expect(fs.existsSync(path.join(report.indexDir, 'vectors.hnsw'))).toBe(true);
      expect(await isIndexStale([corpusDir], dataDir)).toBe(false);
    }, 60_000);
  }

  it('with a damaged index, a file that became unreadable keeps its version from the older whole build', async () => {
    const dataDir = path.join(tmp, 'older-build');
    fs.cpSync(goodData, dataDir, { recursive: true });
    // A second build (a file added) so there is an older whole build beside the one in use.
    const extra = path.join(corpusDir, 'extra.txt');
    fs.writeFileSync(extra, 'Extra notitie\n\nHet inkoopplan wordt in januari vastgesteld.\n');
    try {
      await ingestCorpus(options(dataDir));
      const current = loadIndexedCorpus(dataDir)!.indexDir;
      fs.truncateSync(path.join(current, 'corpus.json'), 100);
      fs.rmSync(extra);
      const pdf = path.join(corpusDir, 'besluitenlijst.pdf');
      fs.writeFileSync(pdf, truncated(fs.readFileSync(pdf), 0.3));
      const report = await ingestCorpus(options(dataDir));
      expect(report.damagedIndex).toBeDefined();
      expect(report.failed).toEqual([expect.objectContaining({ file: 'besluitenlijst.pdf', keptPrevious: true })]);
      expect(loadIndexedCorpus(dataDir)!.corpus.chunks.filter((c) => c.docId === 'besluitenlijst').length).toBeGreaterThan(3);
    } finally {
      fs.copyFileSync(path.join(external, 'Besluitenlijst-raadsvergadering-29-juni-2015.pdf'), path.join(corpusDir, 'besluitenlijst.pdf'));
      fs.rmSync(extra, { force: true });
    }
  }, 60_000);
});

describe('ingest lock', () => {
  it('tells a second ingest that one is running (pid), and lets it wait instead', async () => {
    const dataDir = path.join(tmp, 'locked');
    const lock = await acquireIngestLock(dataDir);
    expect(readLockOwner(dataDir)?.pid).toBe(process.pid);
    await expect(ingestCorpus({ ...options(dataDir), lockWaitMs: 0 })).rejects.toThrow(new RegExp(`another ingest is running \\(pid ${process.pid}`));
    const waiting = ingestCorpus({ ...options(dataDir), lockWaitMs: 30_000 });
    setTimeout(() => lock.release(), 300);
    const report = await waiting;
    expect(report.documents).toBe(3);
    expect(readLockOwner(dataDir)).toBeNull();
  }, 60_000);

  it('serialises two ingests started together on one data dir: both finish, the index is whole', async () => {
    const dataDir = path.join(tmp, 'together');
    const [a, b] = await Promise.all([ingestCorpus(options(dataDir)), ingestCorpus(options(dataDir))]);
    expect([a.documents, b.documents]).toEqual([3, 3]);
    expect(checkIndexHealth(dataDir)).toMatchObject({ ok: true, chunks: counts.chunks });
    expect(fs.readdirSync(path.join(dataDir, 'index', 'builds')).length).toBeLessThanOrEqual(2);
  }, 60_000);

  it('takes over a lock left by a process that died (kill -9), but not one of a live process', async () => {
    const dataDir = path.join(tmp, 'stale-lock');
    fs.mkdirSync(path.join(dataDir, 'index'), { recursive: true });
    const lockPath = path.join(dataDir, 'index', 'ingest.lock');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.writeFileSync(lockPath, JSON.stringify({ pid: dead, host: os.hostname(), startedAt: '2026-11-25T00:00:00Z' }));
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (msg: string, f?: Record<string, unknown>) => warnings.push(`${msg} ${JSON.stringify(f)}`), child() { return logger; } };
    const report = await ingestCorpus({ ...options(dataDir), lockWaitMs: 0, logger: logger as never });
    expect(report.documents).toBe(3);
    expect(warnings.join('\n')).toContain(`process ${dead} is gone`);
    expect(fs.existsSync(lockPath)).toBe(false);

    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(lockPath, JSON.stringify({ pid: alive.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
      await expect(ingestCorpus({ ...options(dataDir), lockWaitMs: 0 })).rejects.toMatchObject({ code: 'INGEST_FAILED', details: expect.objectContaining({ busy: true }) });
    } finally {
      alive.kill('SIGKILL');
    }
  }, 60_000);
});
