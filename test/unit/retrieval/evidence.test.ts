import { describe, expect, it } from 'vitest';
import { groupKnown, groupKnownWhole, type TermStats } from '../../../src/retrieval/evidence.js';
import { expansionWeights, type QueryGroup } from '../../../src/retrieval/query-analysis.js';

const stats = (df: Record<string, number>): TermStats => ({ docFreq: (t) => df[t] ?? 0, idf: (t) => (df[t] ? 1 : 5) });
const group = (terms: [string, number][]): QueryGroup => ({ source: 'bezwaartermijn', terms: new Map(terms), entity: false });

describe('whether the corpus knows a question word', () => {
  // 'bezwaartermijn' analysed as itself and as its parts 'bezwaar' and 'termijn'.
  const g = group([['bezwaartermijn', expansionWeights.word], ['bezwaar', expansionWeights.compoundPart], ['termijn', expansionWeights.compoundPart]]);

  it('knows it through a compound part, but not as a whole thing', () => {
    const corpus = stats({ termijn: 4 });
    expect(groupKnown(g, corpus)).toBe(true);
    expect(groupKnownWhole(g, corpus)).toBe(false);
  });

  it('knows it as a whole when the word itself or a synonym occurs', () => {
    expect(groupKnownWhole(g, stats({ bezwaartermijn: 1 }))).toBe(true);
    const withSynonym = group([['bezwaartermijn', expansionWeights.word], ['beroepstermijn', expansionWeights.synonym]]);
    expect(groupKnownWhole(withSynonym, stats({ beroepstermijn: 2 }))).toBe(true);
  });
});
