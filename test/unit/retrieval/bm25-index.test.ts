import { describe, expect, it } from 'vitest';
import { Bm25Index, type FieldedDoc } from '../../../src/retrieval/bm25-index.js';

const docs: FieldedDoc[] = [
  { fields: { text: ['inkop', 'strategie', 'jeugdhulp'] } },
  { fields: { text: ['jeugdhulp', 'jeugdhulp', 'gemeent'] } },
  { fields: { text: ['conferentie', 'juni'], section: ['inkop'] } },
];

describe('Bm25Index', () => {
  it('ranks the document with the rarer matching term first', () => {
    const s = new Bm25Index(docs).score(new Map([['strategie', 1], ['jeugdhulp', 1]]));
    expect(s[0]).toBeGreaterThan(s[1]!);
    expect(s[2]).toBe(0);
  });

  it('gives a field match less than a text match', () => {
    const s = new Bm25Index(docs).score(new Map([['inkop', 1]]));
    expect(s[0]).toBeGreaterThan(s[2]!);
    expect(s[2]).toBeGreaterThan(0);
  });

  it('honours query term weights and the allowed mask', () => {
    const index = new Bm25Index(docs);
    const full = index.score(new Map([['conferentie', 1]]));
    const half = index.score(new Map([['conferentie', 0.5]]));
    expect(half[2]).toBeCloseTo(full[2]! / 2);
    const masked = index.score(new Map([['conferentie', 1]]), Uint8Array.from([1, 1, 0]));
    expect(masked[2]).toBe(0);
  });
});
