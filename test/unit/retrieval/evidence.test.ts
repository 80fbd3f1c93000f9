import { describe, expect, it } from 'vitest';
import { conceptAbsent, groupKnown, groupKnownWhole, type TermStats } from '../../../src/retrieval/evidence.js';
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

describe('whether the documents speak of an English concept', () => {
  const dps: QueryGroup = {
    source: 'dynamic purchasing system',
    terms: new Map([['dynamisch', expansionWeights.translation], ['aankoopsystem', expansionWeights.translation]]),
    entity: false,
    translations: ['dynamisch', 'aankoopsystem'],
    translationPhrases: [['dynamisch', 'aankoopsystem']],
  };

  it('takes a translation of several words as absent when one of them is missing', () => {
    expect(conceptAbsent(dps, stats({ dynamisch: 1 }))).toBe(true);
    expect(conceptAbsent(dps, stats({ dynamisch: 1, aankoopsystem: 2 }))).toBe(false);
  });

  it('takes a concept as present when any one of its translations is', () => {
    const rate: QueryGroup = { source: 'hourly rate', terms: new Map([['uurtarief', 0.7], ['uurprijs', 0.7]]), entity: false, translations: ['uurtarief', 'uurprijs'], translationPhrases: [['uurtarief'], ['uurprijs']] };
    expect(conceptAbsent(rate, stats({ uurprijs: 1 }))).toBe(false);
    expect(conceptAbsent(rate, stats({}))).toBe(true);
  });

  it('never takes a copula ("acts as") for an absent concept: the documents say what something is', () => {
    const actsAs: QueryGroup = { source: 'acts as', terms: new Map([['treedt', 0.7], ['fungeert', 0.7]]), entity: false, translations: ['treedt', 'fungeert'], translationPhrases: [['treedt'], ['fungeert']] };
    expect(conceptAbsent(actsAs, stats({}))).toBe(false);
    expect(conceptAbsent({ ...actsAs, source: 'approve' }, stats({}))).toBe(true);
  });
});
