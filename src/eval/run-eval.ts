// npm run eval -- --questions FILE.jsonl [--corpus DIR]... [--out RESULTS.jsonl] [--answerer extractive|llm]
// Indexes the given corpus directories (default corpus/) into their own data directory, asks every
// question through the same Assistant as the channels, writes one JSON object per question and prints
// the metrics of the eval README, overall and per language.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bootstrap } from '../core/bootstrap.js';
import { createLogger } from '../core/logger.js';
import { replyToJson } from '../core/reply-json.js';
import { computeMetrics, formatMetrics, parseQuestions, type EvalQuestion, type EvalResult, type Metrics } from './metrics.js';
import { createProgressPrinter } from '../../ingest/index.js';

export interface EvalRun {
  results: EvalResult[];
  overall: Metrics;
  byLanguage: Record<string, Metrics>;
}

export interface EvalOptions {
  questions: EvalQuestion[];
  corpusDirs: string[];
  dataDir?: string;
  answerer?: 'extractive' | 'llm';
  env?: Record<string, string | undefined>;
  quiet?: boolean;
}

/** Data directory per corpus set, so an eval never replaces the index that `npm start` serves. */
export function evalDataDir(corpusDirs: string[]): string {
  const key = crypto.createHash('sha1').update(corpusDirs.map((d) => path.resolve(d)).join('\n')).digest('hex').slice(0, 12);
  return path.resolve('data', 'eval', key);
}

export async function runEval(options: EvalOptions): Promise<EvalRun> {
  const corpusDirs = options.corpusDirs.map((d) => path.resolve(d));
  const runtime = await bootstrap({
    env: { ...(options.env ?? process.env), RATE_LIMIT_PER_MINUTE: '100000' },
    corpusDirs,
    dataDir: options.dataDir ?? evalDataDir(corpusDirs),
    answerer: options.answerer,
    logger: createLogger(options.quiet ? 'silent' : 'warn'),
    onProgress: options.quiet ? undefined : createProgressPrinter(),
  });
  const results: EvalResult[] = [];
  for (const q of options.questions) {
    const started = performance.now();
    const reply = await runtime.assistant.handle(q.question, { channel: 'eval' });
    results.push({ id: q.id, ...replyToJson(reply, performance.now() - started) });
  }
  const byId = new Map(results.map((r) => [r.id, r]));
  const byLanguage: Record<string, Metrics> = {};
  for (const lang of [...new Set(options.questions.map((q) => q.lang))]) {
    byLanguage[lang] = computeMetrics(options.questions.filter((q) => q.lang === lang), byId);
  }
  return { results, overall: computeMetrics(options.questions, byId), byLanguage };
}

function parseArgs(argv: string[]) {
  const out = { questions: '', corpus: [] as string[], out: '', answerer: undefined as 'extractive' | 'llm' | undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--questions') out.questions = next();
    else if (a === '--corpus') out.corpus.push(next());
    else if (a === '--out') out.out = next();
    else if (a === '--answerer') {
      const v = next();
      if (v !== 'extractive' && v !== 'llm') throw new Error('--answerer is extractive or llm');
      out.answerer = v;
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!out.questions) throw new Error('--questions FILE.jsonl is required');
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const questions = parseQuestions(fs.readFileSync(args.questions, 'utf8'), args.questions);
  const run = await runEval({ questions, corpusDirs: args.corpus.length ? args.corpus : ['corpus'], answerer: args.answerer });
  if (args.out) {
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    fs.writeFileSync(args.out, run.results.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
  process.stdout.write(`${formatMetrics(run.overall, 'all')}\n`);
  for (const [lang, m] of Object.entries(run.byLanguage)) process.stdout.write(`${formatMetrics(m, lang)}\n`);
  const misses = questions.filter((q) => q.kind === 'fact').filter((q) => {
    const r = run.results.find((x) => x.id === q.id)!;
    return r.abstained || !computeMetrics([q], new Map([[q.id, r]])).answerAccuracy;
  });
  if (misses.length) process.stdout.write(`not answered correctly: ${misses.map((q) => q.id).join(', ')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    process.stderr.write(`eval: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
