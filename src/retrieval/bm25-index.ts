// BM25F over analyzed terms: a chunk's text counts fully, its headings/table context and section
// somewhat, the document title a little (a document-level prior). Postings hold the precomputed
// length-normalised field-weighted term frequency, so a query is a few array walks.

export interface FieldedDoc {
  /** Analyzed terms per field. */
  fields: Record<string, string[]>;
}

export interface Bm25Options {
  k1?: number;
  /** Per field: weight and length-normalisation strength b. */
  fields?: Record<string, { weight: number; b: number }>;
}

export const defaultBm25Fields: Record<string, { weight: number; b: number }> = {
  text: { weight: 1, b: 0.75 },
  context: { weight: 0.5, b: 0.3 },
  section: { weight: 0.5, b: 0.3 },
  title: { weight: 0.2, b: 0 },
};

interface Posting {
  docs: Int32Array;
  tf: Float32Array;
}

export class Bm25Index {
  readonly size: number;
  private readonly k1: number;
  private readonly postings = new Map<string, Posting>();
  /** Terms per doc, for coverage checks by the retriever and answerer. */
  readonly docTerms: Set<string>[];

  constructor(docs: FieldedDoc[], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    const fields = options.fields ?? defaultBm25Fields;
    this.size = docs.length;
    const avg: Record<string, number> = {};
    for (const f of Object.keys(fields)) {
      const total = docs.reduce((s, d) => s + (d.fields[f]?.length ?? 0), 0);
      avg[f] = Math.max(1, total / Math.max(1, docs.length));
    }
    const lists = new Map<string, { docs: number[]; tf: number[] }>();
    this.docTerms = docs.map((d, i) => {
      const weighted = new Map<string, number>();
      for (const [f, cfg] of Object.entries(fields)) {
        const terms = d.fields[f] ?? [];
        if (!terms.length) continue;
        const norm = 1 - cfg.b + (cfg.b * terms.length) / avg[f]!;
        const counts = new Map<string, number>();
        for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
        for (const [t, c] of counts) weighted.set(t, (weighted.get(t) ?? 0) + (cfg.weight * c) / norm);
      }
      for (const [t, w] of weighted) {
        let l = lists.get(t);
        if (!l) lists.set(t, (l = { docs: [], tf: [] }));
        l.docs.push(i);
        l.tf.push(w);
      }
      return new Set(weighted.keys());
    });
    for (const [t, l] of lists) this.postings.set(t, { docs: Int32Array.from(l.docs), tf: Float32Array.from(l.tf) });
  }

  docFreq(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /** BM25 idf (always positive). Unknown terms get the idf of a term seen once. */
  idf(term: string): number {
    const df = Math.max(this.docFreq(term), 0.5);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /**
   * Score every document for weighted query terms. `allowed` (optional) masks out documents before
   * ranking. Returns a dense score array (0 = no match).
   */
  score(queryTerms: Map<string, number>, allowed?: Uint8Array): Float32Array {
    const scores = new Float32Array(this.size);
    for (const [term, qw] of queryTerms) {
      const p = this.postings.get(term);
      if (!p) continue;
      const idf = this.idf(term);
      for (let j = 0; j < p.docs.length; j++) {
        const d = p.docs[j]!;
        if (allowed && !allowed[d]) continue;
        const tf = p.tf[j]!;
        scores[d]! += qw * idf * ((tf * (this.k1 + 1)) / (tf + this.k1));
      }
    }
    return scores;
  }
}
