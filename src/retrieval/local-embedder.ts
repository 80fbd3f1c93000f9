// The default Embedder: no model, no download. A text becomes a feature-hashed vector of its
// analyzed terms (stems and compound parts) and the character 4-grams of its words, weighted by
// an inverse document frequency per hash bucket that is fitted on the corpus and persisted with
// the index. It catches spelling variants, inflections and partial words that exact terms miss.
import type { Embedder } from '../core/types.js';
import { DutchAnalyzer, foldedWords } from './dutch-analyzer.js';
import { isStopword } from './stopwords.js';

export interface LocalEmbedderState {
  dimensions: number;
  /** idf per bucket, fitted on the corpus. */
  idf: number[];
}

/** FNV-1a 32-bit: fast, stable across runs and platforms. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class LocalEmbedder implements Embedder {
  readonly name: string;
  private idf: Float32Array | null = null;

  constructor(
    readonly dimensions = 1024,
    private analyzer: DutchAnalyzer = new DutchAnalyzer(),
  ) {
    this.name = `local-hash-${dimensions}`;
  }

  /** Sparse features (bucket → count) of a text. */
  private features(text: string): Map<number, number> {
    const out = new Map<number, number>();
    const add = (key: string, w: number) => {
      const b = hash(key) % this.dimensions;
      out.set(b, (out.get(b) ?? 0) + w);
    };
    for (const t of this.analyzer.analyze(text)) add('t:' + t, 1);
    for (const w of foldedWords(text)) {
      if (w.length < 4 || isStopword(w)) continue;
      const padded = `^${w}$`;
      for (let i = 0; i + 4 <= padded.length; i++) add('g:' + padded.slice(i, i + 4), 0.35);
    }
    return out;
  }

  /** Fit bucket idf on the corpus texts; the analyzer carries the corpus vocabulary for compounds. */
  fit(texts: string[], analyzer?: DutchAnalyzer): void {
    if (analyzer) this.analyzer = analyzer;
    const df = new Float32Array(this.dimensions);
    for (const t of texts) for (const b of this.features(t).keys()) df[b]! += 1;
    const n = texts.length;
    this.idf = df.map((d) => Math.log((n + 1) / (d + 1)) + 1);
  }

  get fitted(): boolean {
    return this.idf !== null;
  }

  state(): LocalEmbedderState {
    return { dimensions: this.dimensions, idf: Array.from(this.idf ?? []) };
  }

  restore(state: LocalEmbedderState, analyzer?: DutchAnalyzer): boolean {
    if (analyzer) this.analyzer = analyzer;
    if (state.dimensions !== this.dimensions || state.idf.length !== this.dimensions) return false;
    this.idf = Float32Array.from(state.idf);
    return true;
  }

  embedSync(text: string): number[] {
    const v = new Array<number>(this.dimensions).fill(0);
    // Sublinear counts: repeated features matter, but less than linearly.
    for (const [b, c] of this.features(text)) v[b] = (c > 1 ? 1 + Math.log(c) : c) * (this.idf ? this.idf[b]! : 1);
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    return norm > 0 ? v.map((x) => x / norm) : v;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedSync(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedSync(text);
  }
}

/** Embedders that learn corpus statistics before use (the local one); hosted ones do not. */
export function isFittable(e: Embedder): e is LocalEmbedder {
  return e instanceof LocalEmbedder;
}
