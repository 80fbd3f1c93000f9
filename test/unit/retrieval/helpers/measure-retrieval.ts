// Measurement script (not a test): recall@5 and MRR@10 of the retriever on an eval question file,
// and warm query latency. Usage: npx tsx test/unit/retrieval/helpers/measure-retrieval.ts [questions.jsonl] [corpusDir] [lexical]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRetriever } from '../../../../src/retrieval/index.js';
import { LocalEmbedder } from '../../../../src/retrieval/local-embedder.js';
import { foldText } from '../../../../src/retrieval/dutch-analyzer.js';
import { loadThrowawayCorpus } from './throwaway-corpus.js';
import { ExtractiveAnswerer, detectLanguage } from '../../../../src/answer/index.js';

const norm = (s: string) => foldText(s).replace(/["']/g, "'").replace(/\s+/g, ' ');
const questionsFile = process.argv[2] ?? '/work/shared/eval/dev.jsonl';
const corpusDir = process.argv[3] ?? 'corpus';
const lexicalOnly = process.argv[4] === 'lexical';
const verbose = process.env.VERBOSE === '1';
const questions = fs.readFileSync(questionsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; question: string; kind: string; lang: string; gold: string[] });
// INGEST=1 uses the real ingest pipeline (corpusDir may be a comma-separated list); else the throwaway splitter.
let corpus = loadThrowawayCorpus(corpusDir.split(',')[0]!);
let indexDir = path.join(os.tmpdir(), 'wegwijzer-measure');
if (process.env.INGEST === '1') {
  const { ingestCorpus, loadIndexedCorpus } = await import('../../../../ingest/index.js');
  const { buildSearchArtifacts } = await import('../../../../src/retrieval/index.js');
  const dataDir = path.join(os.tmpdir(), 'wegwijzer-measure-data-' + corpusDir.replace(/[^a-z]/gi, ''));
  const t0 = performance.now();
  await ingestCorpus({ corpusDirs: corpusDir.split(',').map((d) => path.resolve(d)), dataDir, maxFileBytes: 50e6, parseTimeoutMs: 60_000, afterBuild: (c, dir) => buildSearchArtifacts(c, dir, new LocalEmbedder()) });
  console.log(`ingest ${(performance.now() - t0).toFixed(0)}ms`);
  const loaded = loadIndexedCorpus(dataDir)!;
  corpus = loaded.corpus;
  indexDir = loaded.indexDir;
}
const t1 = performance.now();
const retriever = await openRetriever({ corpus, indexDir, embedder: new LocalEmbedder(), lexicalOnly });
console.log(`openRetriever ${(performance.now() - t1).toFixed(0)}ms`);
let r5 = 0, mrr = 0, n = 0, correct = 0, supported = 0, wrongAbstain = 0, unans = 0, unansOk = 0;
const answerer = new ExtractiveAnswerer();
type Q = (typeof questions)[number] & { facts: string[][] };
const times: number[] = [];
for (const q of questions as Q[]) {
  const t0 = performance.now();
  const res = await retriever.retrieve(q.question, { k: 10 });
  const ans = await answerer.answer({ text: q.question, language: detectLanguage(q.question) }, res);
  times.push(performance.now() - t0);
  if (q.kind !== 'fact') {
    unans++;
    if (ans.abstained && !ans.citations.length) unansOk++;
    else console.log(`${q.id} NOT ABSTAINED: ${ans.text.slice(0, 200)}`);
    continue;
  }
  const ok = q.facts.every((alts) => alts.some((a) => norm(ans.text).includes(norm(a))));
  if (ok) correct++;
  if (ans.abstained) wrongAbstain++;
  if (ans.citations.some((c) => q.gold.some((g) => norm(c.text).includes(norm(g))))) supported++;
  if (!ok || verbose) console.log(`${q.id} ${ok ? 'OK' : 'WRONG'} ${q.question}\n   => ${ans.text.slice(0, 300)}${ans.note ? '\n   note: ' + ans.note.slice(0, 150) : ''}`);
  const rank = res.findIndex((r) => q.gold.some((g) => norm(r.chunk.text).includes(norm(g))));
  n++;
  if (rank >= 0 && rank < 5) r5++;
  if (rank >= 0) mrr += 1 / (rank + 1);
  if (rank !== 0) console.log(`${q.id} rank=${rank + 1 || '-'} ${q.question}\n   top: ${res[0]?.chunk.text.slice(0, 120)}`);
}
times.sort((a, b) => a - b);
console.log(`accuracy=${(correct / n).toFixed(3)} citationSupport=${(supported / n).toFixed(3)} wronglyAbstained=${wrongAbstain}/${n} unanswerableAbstained=${unansOk}/${unans}`);
console.log(`chunks=${corpus.chunks.length} recall@5=${(r5 / n).toFixed(3)} MRR@10=${(mrr / n).toFixed(3)} p50=${times[Math.floor(n / 2)]!.toFixed(1)}ms p95=${times[Math.floor(n * 0.95)]!.toFixed(1)}ms`);
