import { describe, expect, it } from 'vitest';
import { checkQuestions } from '../../../src/eval/check-questions.js';
import type { EvalQuestion } from '../../../src/eval/metrics.js';

const chunks = ['De NvO bestaat uit acht afspraken over opdrachtgeverschap.', 'Op 13 juni 2019 organiseren we een conferentie.'];
const fact = (over: Partial<EvalQuestion>): EvalQuestion => ({ id: 'q1', question: 'Uit hoeveel afspraken bestaat de NvO?', lang: 'nl', kind: 'fact', gold: ['bestaat uit acht afspraken'], facts: [['acht', '8']], ...over });

describe('checkQuestions', () => {
  it('accepts a question whose gold and facts are in one chunk, whatever the case and diacritics', () => {
    expect(checkQuestions([fact({ gold: ['De NVO bestaat uit acht'] })], chunks)).toEqual([]);
  });

  it('reports gold that no chunk holds, and facts that are not where the gold is', () => {
    const problems = checkQuestions([fact({ gold: ['bestaat uit negen afspraken'] }), fact({ id: 'q2', facts: [['13 juni 2019']] })], chunks);
    expect(problems).toEqual([
      { id: 'q1', problem: 'gold not in any chunk: "bestaat uit negen afspraken"' },
      { id: 'q1', problem: expect.stringContaining('no alternative of facts group') },
      { id: 'q2', problem: expect.stringContaining('["13 juni 2019"]') },
    ]);
  });

  it('wants unanswerable questions bare and ids unique', () => {
    const problems = checkQuestions([fact({ kind: 'unanswerable' }), fact({})], chunks);
    expect(problems.map((p) => p.problem)).toEqual(['an unanswerable question has gold or facts', 'duplicate id']);
  });
});
