// The shared vocabulary of Wegwijzer. Every stage (ingest, retrieval, answer, milestones, channels)
// speaks in these types; none of them depends on a channel SDK or a hosted service.

export type Language = 'nl' | 'en';

/** Metadata of one source document, from the corpus catalog or derived from the file. */
export interface DocumentMeta {
  /** Stable id: the file path relative to its corpus directory, without extension, '/' separated. */
  id: string;
  /** Absolute path of the source file at ingest time. */
  path: string;
  /** File name as in the catalog. */
  file: string;
  title: string;
  /** Document type from the catalog: nieuwsbrief, raadsinformatiebrief, nvo, brief, advies, wet, ... */
  type?: string;
  /** ISO date or partial date as given ('2019-02', '2018', '2020-12-17'). */
  date?: string;
  region?: string;
  /** URL or provenance string, shown as a link where it is a URL. */
  source?: string;
  /** Access scope; by default the region. Retrieval filters on it (hardening issue). */
  scope?: string;
  /** sha256 of the file bytes; drives incremental ingest. */
  sha256: string;
  /** Number of pages for paginated formats (PDF); undefined for text. */
  pages?: number;
}

/** One retrievable passage. */
export interface Chunk {
  /** Unique and stable for identical input: `${docId}#${ordinal}`. */
  id: string;
  docId: string;
  ordinal: number;
  /** The passage as shown to users and matched by the eval: cleaned text, never rewritten. */
  text: string;
  /** Section path, e.g. '5.3.2 Het organiseren van aanbod' or 'Mijlpaal 3 > Resultaat'. Empty when unknown. */
  section: string;
  /** 1-based page of the chunk's first line; null where the format has no pages. */
  page: number | null;
  /**
   * Extra text indexed for search but not shown: the section headings above the chunk and, for
   * table rows, the column headers. Lets "schaalniveau JeugdzorgPlus" match a flattened table row.
   */
  context?: string;
}

/** An abbreviation and what it stands for, with where it was found. */
export interface GlossaryEntry {
  abbr: string;
  expansion: string;
  /** 'document' when extracted from the corpus, 'curated' when from corpus/glossary.json. */
  origin: 'document' | 'curated';
  docId?: string;
  section?: string;
  page?: number | null;
  /** The sentence the entry was taken from. */
  quote?: string;
  /** Optional explanation for onboarding (curated entries). */
  description?: string;
}

/** What ingest leaves behind and retrieval loads. */
export interface IndexedCorpus {
  documents: DocumentMeta[];
  chunks: Chunk[];
  glossary: GlossaryEntry[];
  /** ISO time the index was built. */
  builtAt: string;
}

export interface RetrievedChunk {
  chunk: Chunk;
  doc: DocumentMeta;
  /** Fused score, higher is better. Comparable within one result list only. */
  score: number;
  /** Component scores for diagnostics and abstention decisions. */
  lexicalScore?: number;
  vectorScore?: number;
}

export interface RetrieveOptions {
  /** Number of results; default 10. */
  k?: number;
  /** Only documents whose scope is in this list; undefined = no filter. */
  scopes?: string[];
}

export interface Citation {
  n: number;
  doc: string;
  title: string;
  date?: string;
  section: string;
  page: number | null;
  /** Full text of the cited chunk. */
  text: string;
  /** The sentence(s) of the chunk that carry the answer, when known. */
  quote?: string;
  source?: string;
  chunkId: string;
}

export interface Answer {
  /** The answer text with [n] markers, in the question's language. */
  text: string;
  abstained: boolean;
  language: Language;
  citations: Citation[];
  /** Optional note shown below the answer (e.g. "An older document (2018) says otherwise"). */
  note?: string;
  /** Which answerer produced it: 'extractive' | 'llm' | 'llm-fallback' | ... */
  answerer: string;
  /** Generated answers only: what the grounding check kept, dropped and why (for logs and the eval). */
  grounding?: GroundingReport;
  /** Abstentions only: which check decided ('unknown-entity', 'low-confidence', …), for logs and the eval. */
  abstainReason?: string;
}

/** One sentence of a generated reply that the grounding check did not show. */
export interface GroundingDrop {
  reason: 'unsupplied-citation' | 'no-citation' | 'unsupported-fact' | 'unsupported-link';
  sentence: string;
  /** The offending citation numbers or facts. */
  detail?: string;
}

export interface GroundingReport {
  /** Cited sentences shown. */
  sentencesKept: number;
  sentencesDropped: number;
  dropped: GroundingDrop[];
  linksRemoved: number;
  /** True when what is shown differs from the model's reply (sentence dropped or link removed). */
  changed: boolean;
  /** Set when the generated reply was replaced by the fallback answer, e.g. 'no-citations', 'timeout'. */
  fallbackReason?: string;
  /** The chat model that wrote the reply, e.g. 'ollama:llama3.1:8b'. */
  model?: string;
}

/** Streaming answers: checked text so far, then the final answer (which replaces everything shown before). */
export type AnswerStreamEvent = { kind: 'partial'; partialText: string } | { kind: 'final'; answer: Answer };

/** An Answerer that can also stream; channels that can edit a posted message use answerStream. */
export interface StreamingAnswerer extends Answerer {
  answerStream(question: Question & { language: Language }, retrieved: RetrievedChunk[]): AsyncIterable<AnswerStreamEvent>;
}

export interface ConversationTurn {
  role: 'user' | 'assistant';
  text: string;
}

export interface Question {
  text: string;
  /** Detected when not given. */
  language?: Language;
  /** Earlier turns in the same thread, oldest first, for follow-up questions. */
  history?: ConversationTurn[];
  scopes?: string[];
}

/** Port: turns text into vectors. Local default needs no network. */
export interface Embedder {
  readonly name: string;
  readonly dimensions: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

/** Port: finds the passages for a question. */
export interface Retriever {
  retrieve(query: string, options?: RetrieveOptions): Promise<RetrievedChunk[]>;
}

/** Port: turns passages into an answer with citations, or an explicit abstention. */
export interface Answerer {
  readonly name: string;
  answer(question: Question & { language: Language }, retrieved: RetrievedChunk[]): Promise<Answer>;
}
