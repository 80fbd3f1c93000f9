// npm run bench [-- --corpus DIR ... --rounds N --load-seconds N (0 = skip the load test)]
// Ingest time (cold, into a fresh data directory), query latency (p50/p95, warm: after one pass) through
// the Assistant with the extractive answerer, and memory; then the load test over the real HTTP endpoints
// (50 concurrent askers through Slack events and Teams, bench/load-test.ts). Figures are printed, never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../src/core/bootstrap.js';
import { createLogger } from '../src/core/logger.js';
import { parseQuestions, percentile } from '../src/eval/metrics.js';
import { runLoadTest } from './load-test.js';

function args() {
  const a = process.argv.slice(2);
  const corpus: string[] = [];
  let rounds = 5;
  let loadSeconds = 60;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '--corpus') corpus.push(a[++i]!);
    else if (a[i] === '--rounds') rounds = Number(a[++i]);
    else if (a[i] === '--load-seconds') loadSeconds = Number(a[++i]);
  }
  return { corpus, rounds, loadSeconds };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function benchCorpus(label: string, corpusDirs: string[], rounds: number, questions: string[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-bench-'));
  try {
    const t0 = performance.now();
    const rt = await bootstrap({ corpusDirs, dataDir, ingest: 'force', answerer: 'extractive', logger: createLogger('silent'), env: { ...process.env, RATE_LIMIT_PER_MINUTE: '1000000' } });
    const ingestMs = performance.now() - t0;
    // Reopen from disk: what `npm start` pays on a warm index.
    const t1 = performance.now();
    const warm = await bootstrap({ corpusDirs, dataDir, ingest: 'never', answerer: 'extractive', logger: createLogger('silent'), env: { ...process.env, RATE_LIMIT_PER_MINUTE: '1000000' } });
    const openMs = performance.now() - t1;
    for (const q of questions) await warm.assistant.handle(q, { channel: 'eval' }); // warm-up pass
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of questions) {
        const s = performance.now();
        await warm.assistant.handle(q, { channel: 'eval' });
        times.push(performance.now() - s);
      }
    }
    const mem = process.memoryUsage();
    console.log(`${label}`);
    console.log(`  documents ${rt.corpus.documents.length}, chunks ${rt.corpus.chunks.length}, failed files ${rt.ingestReport?.failed.length ?? 0}`);
    console.log(`  ingest (cold, full)        ${ingestMs.toFixed(0)} ms`);
    console.log(`  open index (warm start)    ${openMs.toFixed(0)} ms`);
    console.log(`  query latency (warm, n=${times.length})  p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  max ${Math.max(...times).toFixed(1)} ms`);
    console.log(`  memory                     rss ${mb(mem.rss)}  heap used ${mb(mem.heapUsed)}`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const { corpus, rounds, loadSeconds } = args();
  const questions = parseQuestions(fs.readFileSync('test/fixtures/eval/dev.jsonl', 'utf8')).map((q) => q.question);
  console.log(`Wegwijzer bench · node ${process.version} · ${os.cpus().length} cores · ${new Date().toISOString()}`);
  const sets: [string, string[]][] = corpus.length
    ? [[corpus.join(' + '), corpus]]
    : [
        ['corpus/', ['corpus']],
        ['corpus/ + external corpus (PDFs included)', ['corpus', 'test/fixtures/external-corpus']],
      ];
  for (const [label, dirs] of sets) await benchCorpus(label, dirs, rounds, questions);
  if (loadSeconds > 0) {
    console.log(`load test: 50 concurrent askers for ${loadSeconds} s over the Slack events and Teams endpoints (corpus/)`);
    await runLoadTest({ seconds: loadSeconds, askers: 50 });
  }
}

// Exit once the figures are printed: a run was seen to stay alive after the load test (an idle
// connection of the HTTP clients, not root-caused), and a benchmark must end on its own.
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
