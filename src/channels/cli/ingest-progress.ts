// Progress of an ingest run on stderr: an updating line on a terminal, one line per file otherwise.
import type { IngestProgress } from '../../../ingest/index.js';

export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr): (e: IngestProgress) => void {
  const tty = Boolean(stream.isTTY);
  return (e) => {
    const line = describeProgress(e);
    if (!line) return;
    if (tty) stream.write(`\r\x1b[K${line}`);
    else stream.write(`${line}\n`);
    if (tty && (e as { phase?: string }).phase === 'done') stream.write('\n');
  };
}

function describeProgress(e: IngestProgress): string {
  const p = e as unknown as Record<string, unknown>;
  const parts: string[] = ['ingest'];
  if (typeof p.done === 'number' && typeof p.total === 'number') parts.push(`${p.done}/${p.total}`);
  if (typeof p.phase === 'string') parts.push(p.phase);
  if (typeof p.file === 'string') parts.push(p.file);
  if (typeof p.message === 'string') parts.push(p.message);
  return parts.join(' ');
}
