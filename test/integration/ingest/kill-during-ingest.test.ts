// kill -9 during `npm run ingest`: the real CLI runs as a child process over a temp copy of the corpus
// plus the real PDFs, and is killed with SIGKILL at chosen moments (after its first progress line,
// while a PDF is being parsed, after the last file while the index and vectors are written) and at
// random delays. After every kill the index in use must be whole and be either the previous good one
// or the new complete one; the next run (taking over the dead run's lock) completes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIndexHealth, loadIndexedCorpus } from '../../../ingest/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const external = '/work/shared/external-corpus';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-kill-ingest-'));
const corpusDir = path.join(tmp, 'corpus');
const dataDir = path.join(tmp, 'data');

interface Run {
  child: ChildProcess;
  /** Lines of stderr and stdout, as they came. */
  stderr: string[];
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when a stderr line matches. */
  waitFor(match: (line: string) => boolean): Promise<void>;
}

/** `tsx ingest/run-ingest.ts --force --corpus DIR` as its own process (the pid is the ingest itself). */
function startIngest(): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/run-ingest.ts', '--force', '--corpus', corpusDir], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, EMBEDDER: 'local', LOG_LEVEL: 'warn', WEGWIJZER_TEST_PARSER_FAULT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so a left-over parse worker can be found (and cleaned up)
  });
  const stderr: string[] = [];
  const waiters: { match: (l: string) => boolean; resolve: () => void }[] = [];
  // Progress lines come on stderr, the final report on stdout; both are watched for kill points.
  const watch = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.on('data', (d: Buffer) => {
      partial += d.toString();
      const lines = partial.split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        stderr.push(line);
        for (const w of [...waiters]) if (w.match(line)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
      }
    });
  };
  watch(child.stderr!);
  watch(child.stdout!);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    stderr,
    done,
    waitFor: (match) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.some(match)) return resolve();
        waiters.push({ match, resolve });
        void done.then(() => reject(new Error(`ingest exited before the kill point; stderr:\n${stderr.join('\n')}`)));
      }),
  };
}

function groupAlive(pgid: number): number[] {
  const ps = spawnSync('ps', ['-o', 'pid=', '-g', String(pgid)], { encoding: 'utf8' });
  return ps.stdout.split('\n').map((s) => Number(s.trim())).filter((n) => n > 0);
}

/** Document ids and consistency of the index in use. */
function inspectIndex(): { ids: string[]; chunks: number } {
  const health = checkIndexHealth(dataDir);
  expect(health, JSON.stringify(health)).toMatchObject({ ok: true });
  const loaded = loadIndexedCorpus(dataDir)!;
  const { documents, chunks } = loaded.corpus;
  const ids = new Set(documents.map((d) => d.id));
  expect(ids.size).toBe(documents.length);
  for (const c of chunks) expect(ids.has(c.docId), c.docId).toBe(true);
  for (const d of documents) expect(chunks.some((c) => c.docId === d.id), d.id).toBe(true);
  // The vector files belong to exactly these chunks (retrieval reuses them only then).
  const meta = JSON.parse(fs.readFileSync(path.join(loaded.indexDir, 'vectors.meta.json'), 'utf8')) as { count: number };
  expect(meta.count).toBe(chunks.length);
  return { ids: [...ids].sort(), chunks: chunks.length };
}

let round = 0;
/** Change the corpus so a new build differs from the one in use: a new note replaces the last one. */
function changeCorpus(): void {
  fs.rmSync(path.join(corpusDir, `notitie-${round}.txt`), { force: true });
  round++;
  fs.writeFileSync(path.join(corpusDir, `notitie-${round}.txt`), `Notitie ronde ${round}\n\nHet inkoopplan van ronde ${round} wordt in januari vastgesteld door het algemeen bestuur.\n`);
}
const expectedIds = () => fs.readdirSync(corpusDir).filter((f) => /\.(txt|pdf|md)$/.test(f) && f !== 'README.md').map((f) => f.replace(/\.[^.]+$/, '')).sort();

// A small deterministic PRNG, so a failing delay can be replayed (the seed is printed).
const seed = Number(process.env.KILL_TEST_SEED ?? Date.now() % 100_000);
let state = seed;
const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const figures: string[] = [];
let fullRunMs = 5_000;

beforeAll(async () => {
  fs.mkdirSync(corpusDir, { recursive: true });
  // Small enough to keep the test under a minute, with real PDFs so a kill can land mid-parse.
  for (const f of ['brief-inkoopkader-zhz-2020.txt', 'raadsinformatiebrief-regionale-samenwerking-2018.txt', 'reflectie-inkoopstrategie-nob-2018.txt']) fs.copyFileSync(path.join(repoRoot, 'corpus', f), path.join(corpusDir, f));
  for (const f of ['Besluitenlijst-raadsvergadering-29-juni-2015.pdf', '20180910-CORV-KTP-Informatieblad.pdf']) fs.copyFileSync(path.join(external, f), path.join(corpusDir, f));
  changeCorpus();
  const t = performance.now();
  const first = startIngest();
  const { code } = await first.done;
  expect(code, first.stderr.join('\n')).toBe(0);
  fullRunMs = Math.round(performance.now() - t);
  figures.push(`full ingest run (first, from nothing): ${fullRunMs} ms`);
}, 120_000);

afterAll(() => {
  console.log(`kill -9 during ingest (seed ${seed}):\n  ${figures.join('\n  ')}`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('kill -9 during ingest', () => {
  it('leaves either the previous good index or the new complete one, and the next run completes', async () => {
    const t0 = performance.now();
    // Files go in name order: the two PDFs first (upper case and digits sort first), then the text files.
    const order = fs.readdirSync(corpusDir).sort();
    expect(order.slice(0, 2).every((f) => f.endsWith('.pdf'))).toBe(true);
    const killPoints: { name: string; when: (run: Run) => Promise<void> }[] = [
      { name: 'after the first progress line (the second PDF is being parsed)', when: (r) => r.waitFor((l) => /^\[1\//.test(l)) },
      { name: 'between text files (after progress line 3)', when: (r) => r.waitFor((l) => /^\[3\//.test(l)) },
      { name: 'after the last file (writing index and vectors)', when: (r) => r.waitFor((l) => /^\[(\d+)\/\1\]/.test(l)) },
      { name: 'after CURRENT was switched (report printed)', when: (r) => r.waitFor((l) => l.startsWith('Index: ')) },
      ...[0].map((i) => {
        const ms = Math.round(300 + random() * fullRunMs);
        return { name: `random delay #${i + 1} (${ms} ms)`, when: () => new Promise<void>((r) => setTimeout(r, ms)) };
      }),
    ];
    let outcomes = { previous: 0, next: 0, finished: 0 };
    for (const point of killPoints) {
      const before = inspectIndex();
      changeCorpus();
      const run = startIngest();
      let killed = false;
      try {
        await point.when(run);
        killed = run.child.kill('SIGKILL');
      } catch {
        // The run finished before the kill point came: a complete run is a valid outcome too.
      }
      const exit = await run.done;
      const working = run.stderr.some((l) => /^\[\d+\//.test(l)) && !run.stderr.some((l) => l.startsWith('Index: '));
      if (killed && exit.signal === 'SIGKILL' && working) {
        // Killed while working: its lock is left behind for the next run to take over.
        expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'index', 'ingest.lock'), 'utf8')).pid).toBe(run.child.pid);
      }
      const after = inspectIndex();
      const isPrevious = JSON.stringify(after.ids) === JSON.stringify(before.ids) && after.chunks === before.chunks;
      const isNext = JSON.stringify(after.ids) === JSON.stringify(expectedIds());
      expect(isPrevious || isNext, `${point.name}: ${after.ids.join(', ')}`).toBe(true);
      if (exit.signal !== 'SIGKILL') outcomes.finished++;
      else if (isNext) outcomes.next++;
      else outcomes.previous++;
      figures.push(`kill ${point.name}: ${exit.signal ?? `exit ${exit.code}`} → ${isNext ? 'new complete index' : 'previous index'}`);
      // A parse worker of the killed run notices the closed channel and exits.
      const deadline = Date.now() + 10_000;
      while (groupAlive(run.child.pid!).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const left = groupAlive(run.child.pid!);
      if (left.length) process.kill(-run.child.pid!, 'SIGKILL');
      expect(left, 'processes left behind by the killed ingest').toEqual([]);
    }

    // The next run takes over the stale lock and completes.
    const final = startIngest();
    const { code } = await final.done;
    expect(code, final.stderr.join('\n')).toBe(0);
    expect(inspectIndex().ids).toEqual(expectedIds());
    expect(fs.existsSync(path.join(dataDir, 'index', 'ingest.lock'))).toBe(false);
    const builds = fs.readdirSync(path.join(dataDir, 'index', 'builds'));
    expect(builds.length).toBeLessThanOrEqual(2); // half-written builds of killed runs are cleaned up
    expect(fs.readdirSync(path.join(dataDir, 'index')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    figures.push(`kill points: ${killPoints.length} (${outcomes.previous} left the previous index, ${outcomes.next} the new one, ${outcomes.finished} finished first)`);
    figures.push(`kill loop + final run: ${Math.round(performance.now() - t0)} ms`);
  }, 180_000);

  it('a second ingest while one runs is told so, clearly (exit code 3)', async () => {
    // A live process holds the lock, as a running ingest would.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(path.join(dataDir, 'index', 'ingest.lock'), JSON.stringify({ pid: holder.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/run-ingest.ts', '--corpus', corpusDir], {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: dataDir, EMBEDDER: 'local' },
        encoding: 'utf8',
      });
      expect(second.status).toBe(3);
      expect(second.stderr).toContain(`another ingest is running (pid ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
      fs.rmSync(path.join(dataDir, 'index', 'ingest.lock'), { force: true });
    }
  }, 60_000);
});
