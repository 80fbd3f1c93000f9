// Internal vocabulary of the ingest pipeline: what loaders hand to the cleaner, what the cleaner hands
// to the chunker, and what ingestCorpus reports. Public shapes are re-exported from ingest/index.ts.
import type { IndexedCorpus } from '../src/core/types.js';
import type { Logger } from '../src/core/logger.js';

/** Bump when loaders, cleaning or chunking change: every cached parse and the index become stale. */
export const PIPELINE_VERSION = 'ingest-10';

/**
 * What a loader extracts from one file before cleaning.
 * - 'layout': text as laid out on paper (PDF, PDF-extracted .txt): lines broken mid-sentence, pages.
 * - 'markdown': structured text with '#' headings (.md, and .docx/.html converted to it).
 */
export interface LoadedText {
  format: 'layout' | 'markdown';
  /** One string per page; a single element when the source has no pages. */
  pages: string[];
  /** True when `pages` are real pages (PDF, form feeds), so chunks get page numbers. */
  paged: boolean;
  /** Metadata the file itself carries (PDF info title, web-page header). */
  meta?: { title?: string; date?: string; source?: string };
}

export type Block =
  | { kind: 'heading'; text: string; level: number; style: 'numbered' | 'named' | 'generic' | 'markdown'; page: number | null }
  | { kind: 'paragraph'; text: string; page: number | null }
  | { kind: 'list-item'; text: string; page: number | null }
  | { kind: 'table'; header: string; lines: string[]; page: number | null };

export interface IngestProgress {
  /** 1-based position of the file in this run, and the number of files. */
  index: number;
  total: number;
  file: string;
  status: 'indexed' | 'unchanged' | 'failed';
  chunks?: number;
  reason?: string;
  /** The file failed, but its last good version stays in the index. */
  keptPrevious?: boolean;
}

export interface IngestFailure {
  file: string;
  reason: string;
  /** What the user can do about it, in plain words. */
  action: string;
  /** The file was indexed before: that previous version stays searchable until it is fixed or removed. */
  keptPrevious?: boolean;
}

export interface IngestReport {
  indexDir: string;
  documents: number;
  chunks: number;
  indexed: string[];
  unchanged: string[];
  removed: string[];
  failed: IngestFailure[];
  ms: number;
  /** Set when the index in use was damaged (and therefore rebuilt): what was wrong with it. */
  damagedIndex?: string;
}

export interface IngestOptions {
  corpusDirs: string[];
  dataDir: string;
  maxFileBytes: number;
  parseTimeoutMs: number;
  /** Heap limit of the PDF/.docx parse process in MB (default 768). */
  parseMemoryMb?: number;
  /** How long to wait when another ingest holds the lock on dataDir (default 10 minutes); 0 fails at once. */
  lockWaitMs?: number;
  force?: boolean;
  onProgress?: (e: IngestProgress) => void;
  afterBuild?: (corpus: IndexedCorpus, indexDir: string) => Promise<void>;
  logger?: Logger;
}
