// Hybrid retrieval: BM25F over Dutch-analyzed terms plus HNSW vector search, fused by normalised
// score blending and re-ranked by question coverage. Scope filtering happens before ranking.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Chunk, DocumentMeta, Embedder, IndexedCorpus, RetrievedChunk, RetrieveOptions, Retriever } from '../core/types.js';
import type { Logger } from '../core/logger.js';
import { silentLogger } from '../core/logger.js';
import { Bm25Index } from './bm25-index.js';
import { DutchAnalyzer } from './dutch-analyzer.js';
import { coverageOf, type Coverage } from './evidence.js';
import { HnswVectorIndex } from './hnsw-vector-index.js';
import { isFittable, type LocalEmbedderState } from './local-embedder.js';
import { bestUnitScore, unitQuestion } from '../answer/unit-scoring.js';
import { loadDomainTerms, QueryAnalyzer, type AnalyzedQuery, type DomainTerms } from './query-analysis.js';

/** Weights of the fused score; lexical evidence leads, vectors and coverage refine. */
export interface FusionWeights {
  lexical: number;
  vector: number;
  coverage: number;
}
export const defaultFusionWeights: FusionWeights = { lexical: 0.6, vector: 0.2, coverage: 0.2 };
/** How many of the fused results the answer-unit re-rank reorders, and its weight against the fused score. */
const rerankDepth = 10;
export const defaultRerankWeight = 0.5;

const ARTIFACT_VERSION = 1;
const HNSW_FILE = 'vectors.hnsw';
const META_FILE = 'vectors.meta.json';

interface ArtifactMeta {
  version: number;
  embedder: string;
  dimensions: number;
  fingerprint: string;
  count: number;
  localEmbedder?: LocalEmbedderState;
}

/** What the answerer needs to reason about a question the same way retrieval did. */
export interface QueryUnderstanding {
  analyzeQuery(text: string): AnalyzedQuery;
  analyzeText(text: string): string[];
  /** Stems of the words and of their compound heads only, not of every compound part (see DutchAnalyzer.heads). */
  analyzeHeads?(text: string): string[];
  idf(term: string): number;
  docFreq(term: string): number;
  /** The chunk that follows this one in its document, where a list announced at a chunk's end goes on. */
  chunkAfter?(chunk: Chunk): Chunk | undefined;
}

export function embeddingText(chunk: Chunk, doc: DocumentMeta | undefined): string {
  return [doc?.title ?? '', chunk.section, chunk.context ?? '', chunk.text].filter(Boolean).join('\n');
}

/** Identity of the chunk set: vectors built for another corpus state are not reused. */
export function corpusFingerprint(corpus: IndexedCorpus): string {
  const h = crypto.createHash('sha256');
  for (const c of corpus.chunks) h.update(c.id).update('\0').update(c.text).update('\0').update(c.context ?? '').update('\u0001');
  return h.digest('hex');
}

/**
 * Identity of what the vectors were built from: the chunks and the Dutch vocabulary of the domain
 * terms, which the analyzer uses to split compounds (and so the local embedder's features).
 */
export function artifactFingerprint(corpus: IndexedCorpus, domainTerms: DomainTerms): string {
  const words = domainTerms.terms.flatMap((t) => t.nl).join('\n');
  return crypto.createHash('sha256').update(corpusFingerprint(corpus)).update('\0').update(words).digest('hex');
}

function buildAnalyzer(corpus: IndexedCorpus, domainTerms: DomainTerms): DutchAnalyzer {
  const texts = function* () {
    for (const c of corpus.chunks) {
      yield c.text;
      if (c.context) yield c.context;
      if (c.section) yield c.section;
    }
    for (const d of corpus.documents) yield d.title;
    for (const g of corpus.glossary) yield g.expansion;
  };
  return DutchAnalyzer.fromTexts(texts(), domainTerms.terms.flatMap((t) => t.nl));
}

async function embedCorpus(corpus: IndexedCorpus, embedder: Embedder, analyzer: DutchAnalyzer): Promise<number[][]> {
  const docs = new Map(corpus.documents.map((d) => [d.id, d]));
  const texts = corpus.chunks.map((c) => embeddingText(c, docs.get(c.docId)));
  if (isFittable(embedder)) embedder.fit(texts, analyzer);
  const out: number[][] = [];
  const batch = 64;
  for (let i = 0; i < texts.length; i += batch) out.push(...(await embedder.embedDocuments(texts.slice(i, i + batch))));
  return out;
}

/**
 * Build and persist the vector artifacts for a corpus (ingest's afterBuild hook). Writes
 * vectors.hnsw and vectors.meta.json into indexDir.
 */
export async function buildSearchArtifacts(corpus: IndexedCorpus, indexDir: string, embedder: Embedder, domainTerms: DomainTerms = loadDomainTerms()): Promise<void> {
  const analyzer = buildAnalyzer(corpus, domainTerms);
  const vectors = await embedCorpus(corpus, embedder, analyzer);
  const dimensions = vectors[0]?.length ?? embedder.dimensions;
  fs.mkdirSync(indexDir, { recursive: true });
  const meta: ArtifactMeta = {
    version: ARTIFACT_VERSION,
    embedder: embedder.name,
    dimensions,
    fingerprint: artifactFingerprint(corpus, domainTerms),
    count: vectors.length,
    localEmbedder: isFittable(embedder) ? embedder.state() : undefined,
  };
  if (vectors.length) await HnswVectorIndex.build(vectors, dimensions).save(path.join(indexDir, HNSW_FILE));
  fs.writeFileSync(path.join(indexDir, META_FILE), JSON.stringify(meta));
}

export interface OpenRetrieverArgs {
  corpus: IndexedCorpus;
  indexDir: string;
  embedder: Embedder;
  domainTerms?: DomainTerms;
  logger?: Logger;
  fusion?: Partial<FusionWeights>;
  /** Skip vector search entirely (diagnostics, lexical-only comparisons). */
  lexicalOnly?: boolean;
}

export class HybridRetriever implements Retriever, QueryUnderstanding {
  private readonly docsById: Map<string, DocumentMeta>;
  readonly weights: FusionWeights;
  /** Weight of the best answer unit in the final re-rank (0: fused order only). */
  rerankWeight = defaultRerankWeight;

  constructor(
    readonly corpus: IndexedCorpus,
    readonly analyzer: DutchAnalyzer,
    readonly queryAnalyzer: QueryAnalyzer,
    readonly lexical: Bm25Index,
    private readonly vectors: HnswVectorIndex | null,
    private readonly embedder: Embedder | null,
    private readonly logger: Logger = silentLogger,
    weights: Partial<FusionWeights> = {},
  ) {
    this.docsById = new Map(corpus.documents.map((d) => [d.id, d]));
    this.weights = { ...defaultFusionWeights, ...weights };
  }

  analyzeQuery(text: string): AnalyzedQuery {
    return this.queryAnalyzer.analyze(text);
  }

  analyzeText(text: string): string[] {
    return this.analyzer.analyze(text);
  }

  analyzeHeads(text: string): string[] {
    return this.analyzer.heads(text);
  }

  idf(term: string): number {
    return this.lexical.idf(term);
  }

  docFreq(term: string): number {
    return this.lexical.docFreq(term);
  }

  private chunksById?: Map<string, Chunk>;

  chunkAfter(chunk: Chunk): Chunk | undefined {
    this.chunksById ??= new Map(this.corpus.chunks.map((c) => [c.id, c]));
    const next = this.chunksById.get(`${chunk.docId}#${chunk.ordinal + 1}`);
    return next?.docId === chunk.docId ? next : undefined;
  }

  /**
   * Final re-rank of the head of the list by the best answer unit (sentence, list item, table row)
   * each chunk holds for this question: the chunk that states the asked-for fact comes before one
   * that only shares the question's words. Fused score and unit score are blended, so a much
   * weaker chunk does not jump ahead on one lucky sentence.
   */
  private rerankByAnswerUnits(question: string, aq: AnalyzedQuery, scored: { i: number; score: number }[]): void {
    const head = scored.slice(0, Math.min(scored.length, rerankDepth));
    if (head.length < 2) return;
    const uq = unitQuestion(question, aq, this);
    const top = Math.max(head[0]!.score, 1e-9);
    for (const s of head) {
      const chunk = this.corpus.chunks[s.i]!;
      const doc = this.docsById.get(chunk.docId) ?? { id: chunk.docId, path: '', file: '', title: chunk.docId, sha256: '' };
      const unit = Math.max(0, bestUnitScore(uq, { chunk, doc, score: s.score }, this));
      s.score += this.rerankWeight * unit * top;
    }
    head.sort((a, b) => b.score - a.score);
    scored.splice(0, head.length, ...head);
  }

  /** Coverage of the question by one chunk (by its position in the corpus). */
  coverage(query: AnalyzedQuery, chunkIndex: number): Coverage {
    return coverageOf(query, this.lexical.docTerms[chunkIndex]!, this);
  }

  private allowedMask(scopes: string[] | undefined): Uint8Array | undefined {
    if (!scopes) return undefined;
    const wanted = new Set(scopes);
    return Uint8Array.from(this.corpus.chunks, (c) => {
      const d = this.docsById.get(c.docId);
      return d && wanted.has(d.scope ?? d.region ?? '') ? 1 : 0;
    });
  }

  async retrieve(query: string, options: RetrieveOptions = {}): Promise<RetrievedChunk[]> {
    const k = options.k ?? 10;
    const aq = this.analyzeQuery(query);
    const allowed = this.allowedMask(options.scopes);
    const lex = this.lexical.score(aq.terms, allowed);
    const pool = Math.max(50, k * 3);

    const candidates = new Map<number, { lex: number; vec: number }>();
    const lexOrder = Array.from(lex.keys()).filter((i) => lex[i]! > 0).sort((a, b) => lex[b]! - lex[a]!).slice(0, pool);
    for (const i of lexOrder) candidates.set(i, { lex: lex[i]!, vec: 0 });

    if (this.vectors && this.embedder && this.weights.vector > 0) {
      try {
        const qv = await this.embedder.embedQuery(aq.expandedText);
        const hits = this.vectors.search(qv, pool, allowed ? (label) => allowed[label] === 1 : undefined);
        for (const h of hits) {
          const c = candidates.get(h.label);
          if (c) c.vec = h.similarity;
          else candidates.set(h.label, { lex: lex[h.label] ?? 0, vec: h.similarity });
        }
      } catch (error) {
        // A hosted embedder that is down degrades search to lexical only; answers keep flowing.
        this.logger.warn('vector search unavailable, lexical only', { error });
      }
    }
    if (!candidates.size) return [];

    const maxLex = Math.max(...[...candidates.values()].map((c) => c.lex), 1e-9);
    const maxVec = Math.max(...[...candidates.values()].map((c) => c.vec), 1e-9);
    const w = this.weights;
    const scored = [...candidates.entries()].map(([i, c]) => {
      const cov = this.coverage(aq, i).coverage;
      const score = w.lexical * (c.lex / maxLex) + w.vector * Math.max(0, c.vec / maxVec) + w.coverage * cov;
      return { i, score, lex: c.lex, vec: c.vec };
    });
    scored.sort((a, b) => b.score - a.score);
    if (this.rerankWeight > 0) this.rerankByAnswerUnits(query, aq, scored);
    const results = scored.slice(0, k).map((s) => {
      const chunk = this.corpus.chunks[s.i]!;
      return {
        chunk,
        doc: this.docsById.get(chunk.docId) ?? { id: chunk.docId, path: '', file: '', title: chunk.docId, sha256: '' },
        score: s.score,
        lexicalScore: s.lex,
        vectorScore: s.vec,
      };
    });
    return rememberProducer(results, this);
  }
}

function readMeta(indexDir: string): ArtifactMeta | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(indexDir, META_FILE), 'utf8')) as ArtifactMeta;
  } catch {
    return null;
  }
}

/**
 * Open the retriever over an indexed corpus. Reuses persisted vectors when they were built by the
 * same embedder for the same chunks; otherwise embeds in memory (and says so in the log).
 */
export async function openRetriever(args: OpenRetrieverArgs): Promise<HybridRetriever> {
  const { corpus, indexDir, embedder } = args;
  const logger = args.logger ?? silentLogger;
  const domainTerms = args.domainTerms ?? loadDomainTerms();
  const analyzer = buildAnalyzer(corpus, domainTerms);
  const queryAnalyzer = new QueryAnalyzer(analyzer, domainTerms, corpus.glossary);
  const docs = new Map(corpus.documents.map((d) => [d.id, d]));
  const lexical = new Bm25Index(
    corpus.chunks.map((c) => ({
      fields: {
        text: analyzer.analyze(c.text),
        context: analyzer.analyze(c.context ?? ''),
        section: analyzer.analyze(c.section),
        title: analyzer.analyze(docs.get(c.docId)?.title ?? ''),
      },
    })),
  );

  let vectors: HnswVectorIndex | null = null;
  if (!args.lexicalOnly && corpus.chunks.length) {
    const meta = readMeta(indexDir);
    const reusable =
      meta &&
      meta.version === ARTIFACT_VERSION &&
      meta.embedder === embedder.name &&
      meta.count === corpus.chunks.length &&
      meta.fingerprint === artifactFingerprint(corpus, domainTerms) &&
      fs.existsSync(path.join(indexDir, HNSW_FILE)) &&
      (!isFittable(embedder) || (meta.localEmbedder !== undefined && embedder.restore(meta.localEmbedder, analyzer)));
    if (reusable) {
      try {
        vectors = await HnswVectorIndex.open(path.join(indexDir, HNSW_FILE), meta.dimensions);
      } catch (error) {
        logger.warn('vector index unreadable, rebuilding in memory', { error, indexDir });
      }
    }
    if (!vectors) {
      try {
        const vs = await embedCorpus(corpus, embedder, analyzer);
        vectors = HnswVectorIndex.build(vs, vs[0]!.length);
        logger.info('vector index built in memory', { chunks: vs.length, embedder: embedder.name });
      } catch (error) {
        logger.warn('embedding the corpus failed, lexical search only', { error, embedder: embedder.name });
      }
    }
  }
  return new HybridRetriever(corpus, analyzer, queryAnalyzer, lexical, vectors, vectors ? embedder : null, logger, args.fusion);
}

// Results remember which retriever produced them, so an answerer built without explicit wiring still
// reasons about the question with the same vocabulary, expansions and statistics as retrieval did.
const producedBy = new WeakMap<RetrievedChunk, QueryUnderstanding>();

export function understandingFor(retrieved: RetrievedChunk[]): QueryUnderstanding | undefined {
  for (const r of retrieved) {
    const u = producedBy.get(r);
    if (u) return u;
  }
  return undefined;
}

export function rememberProducer(results: RetrievedChunk[], understanding: QueryUnderstanding): RetrievedChunk[] {
  for (const r of results) producedBy.set(r, understanding);
  return results;
}
