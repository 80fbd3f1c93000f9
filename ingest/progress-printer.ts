// One progress line per file on stderr: an updating line on a terminal, a line per file otherwise.
// Shared by `npm run ingest` and every entry point that builds the index on start.
import type { IngestProgress } from './types.js';

export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr): (e: IngestProgress) => void {
  const tty = Boolean(stream.isTTY);
  return (e) => {
    const mark = e.status === 'failed' ? (e.keptPrevious ? '!' : '✗') : e.status === 'unchanged' ? '=' : '✓';
    const detail = e.status === 'failed' ? ` — ${e.reason}${e.keptPrevious ? ' (previous version kept)' : ''}` : ` (${e.chunks} chunks${e.status === 'unchanged' ? ', unchanged' : ''})`;
    const line = `[${e.index}/${e.total}] ${mark} ${e.file}${detail}`;
    stream.write(tty ? `\r\x1b[2K${line}${e.status === 'failed' || e.index === e.total ? '\n' : ''}` : `${line}\n`);
  };
}
