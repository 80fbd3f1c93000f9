// npm run eval:check -- --questions FILE.jsonl [--corpus DIR]...
// Checks a question set against the indexed documents before it is used to measure anything: every
// gold passage must occur in some chunk (else no retrieval can ever support it), and every facts group
// must have an alternative in a chunk that holds a gold passage (else no quoted answer can be correct).
// Unanswerable questions must carry no gold and no facts. It looks at the documents only, never at
// the answerer, so writing a question set with it reveals nothing about how the product answers.
import fs from 'node:fs';
import path from 'node:path';
import { bootstrap } from '../core/bootstrap.js';
import { createLogger } from '../core/logger.js';
import { evalDataDir } from './run-eval.js';
import { normalizeForMatch, parseQuestions, type EvalQuestion } from './metrics.js';

export interface QuestionProblem {
  id: string;
  problem: string;
}

export function checkQuestions(questions: EvalQuestion[], chunkTexts: string[]): QuestionProblem[] {
  const chunks = chunkTexts.map(normalizeForMatch);
  const problems: QuestionProblem[] = [];
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.id)) problems.push({ id: q.id, problem: 'duplicate id' });
    seen.add(q.id);
    if (!q.question.trim()) problems.push({ id: q.id, problem: 'empty question' });
    if (q.kind === 'unanswerable') {
      if (q.gold.length || q.facts.length) problems.push({ id: q.id, problem: 'an unanswerable question has gold or facts' });
      continue;
    }
    if (!q.gold.length) problems.push({ id: q.id, problem: 'no gold passage' });
    if (!q.facts.length) problems.push({ id: q.id, problem: 'no facts' });
    const holding = chunks.filter((c) => q.gold.some((g) => c.includes(normalizeForMatch(g))));
    for (const g of q.gold) {
      if (!chunks.some((c) => c.includes(normalizeForMatch(g)))) problems.push({ id: q.id, problem: `gold not in any chunk: "${g}"` });
    }
    for (const group of q.facts) {
      if (!holding.some((c) => group.some((alt) => c.includes(normalizeForMatch(alt))))) {
        problems.push({ id: q.id, problem: `no alternative of facts group ${JSON.stringify(group)} in a chunk holding a gold passage` });
      }
    }
  }
  return problems;
}

async function main() {
  const argv = process.argv.slice(2);
  let file = '';
  const corpus: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--questions') file = argv[++i] ?? '';
    else if (argv[i] === '--corpus') corpus.push(argv[++i] ?? '');
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!file) throw new Error('--questions FILE.jsonl is required');
  const questions = parseQuestions(fs.readFileSync(file, 'utf8'), file);
  const corpusDirs = (corpus.length ? corpus : ['corpus']).map((d) => path.resolve(d));
  const runtime = await bootstrap({ corpusDirs, dataDir: evalDataDir(corpusDirs), logger: createLogger('warn') });
  const problems = checkQuestions(
    questions,
    runtime.corpus.chunks.map((c) => c.text),
  );
  for (const p of problems) process.stdout.write(`${p.id}: ${p.problem}\n`);
  const facts = questions.filter((q) => q.kind === 'fact').length;
  process.stdout.write(`${questions.length} questions (${facts} fact, ${questions.length - facts} unanswerable), ${problems.length} problem(s)\n`);
  process.exitCode = problems.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    process.stderr.write(`eval:check: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
