// Regression guard on answer quality: the dev question set through the whole product (ingest of
// corpus/, hybrid retrieval, extractive answers) must stay above these floors. The floors sit a little
// under what `npm run eval` measures so that a real regression fails while noise does not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEval, type EvalRun } from '../../../src/eval/run-eval.js';
import { parseQuestions } from '../../../src/eval/metrics.js';

const questions = parseQuestions(fs.readFileSync('test/fixtures/eval/dev.jsonl', 'utf8'));
let dataDir: string;
let run: EvalRun;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-eval-'));
  run = await runEval({ questions, corpusDirs: ['corpus'], dataDir, quiet: true, env: { LOG_LEVEL: 'silent' } });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('dev question set over corpus/ (regression floors)', () => {
  it('finds a supporting passage among the first five for nearly every question', () => {
    expect(run.overall.recallAt5).toBeGreaterThanOrEqual(0.95);
    expect(run.overall.mrrAt10).toBeGreaterThanOrEqual(0.85);
  });

  it('answers correctly and cites a supporting passage', () => {
    expect(run.overall.answerAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(run.overall.citationSupport).toBeGreaterThanOrEqual(0.9);
  });

  it('abstains on what the documents do not answer, and rarely on what they do', () => {
    expect(run.overall.abstainedUnanswerable).toBeGreaterThanOrEqual(0.9);
    expect(run.overall.wrongAbstentions).toBeLessThanOrEqual(0.05);
  });

  it('writes one machine-readable result per question with the top ten passages in rank order', () => {
    expect(run.results).toHaveLength(questions.length);
    for (const r of run.results) {
      expect(r.retrieved.length).toBeLessThanOrEqual(10);
      const scores = r.retrieved.map((x) => (x as { score?: number }).score ?? 0);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      if (r.abstained) expect(r.citations).toHaveLength(0);
    }
  });
});
