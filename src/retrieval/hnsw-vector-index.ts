// The one file that talks to hnswlib-node: build, persist, reopen and search a cosine HNSW index
// whose labels are chunk positions in the corpus.
import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;

export interface VectorHit {
  label: number;
  /** Cosine similarity (1 - cosine distance). */
  similarity: number;
}

export class HnswVectorIndex {
  private constructor(private readonly index: InstanceType<typeof HierarchicalNSW>) {}

  static build(vectors: number[][], dimensions: number): HnswVectorIndex {
    const index = new HierarchicalNSW('cosine', dimensions);
    index.initIndex(Math.max(1, vectors.length), 16, 200, 100);
    vectors.forEach((v, i) => index.addPoint(v, i));
    index.setEf(Math.min(Math.max(64, vectors.length), 400));
    return new HnswVectorIndex(index);
  }

  static async open(file: string, dimensions: number): Promise<HnswVectorIndex> {
    const index = new HierarchicalNSW('cosine', dimensions);
    await index.readIndex(file);
    index.setEf(Math.min(Math.max(64, index.getCurrentCount()), 400));
    return new HnswVectorIndex(index);
  }

  async save(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  search(vector: number[], k: number, allowed?: (label: number) => boolean): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n <= 0) return [];
    const res = this.index.searchKnn(vector, n, allowed);
    return res.neighbors.map((label, i) => ({ label, similarity: 1 - res.distances[i]! }));
  }
}
