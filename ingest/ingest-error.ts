// A file-level ingest failure: the file is reported (name, reason, what to do) and the rest is indexed.
export type IngestFailureKind = 'too-large' | 'binary' | 'corrupt' | 'timeout' | 'needs-ocr' | 'zip-bomb' | 'empty' | 'unreadable' | 'encrypted';

export class IngestError extends Error {
  constructor(
    readonly kind: IngestFailureKind,
    readonly reason: string,
    readonly action: string,
  ) {
    super(reason);
    this.name = 'IngestError';
  }
}
