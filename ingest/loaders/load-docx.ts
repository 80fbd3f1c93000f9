// .docx through mammoth in the parse child process (headings kept as HTML headings, then markdown). Before mammoth unpacks
// anything, the zip directory is read with yauzl and refused when the declared uncompressed size or
// compression ratio is absurd (zip bomb).
import yauzl from 'yauzl';
import { IngestError } from '../ingest-error.js';
import type { LoadedText } from '../types.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import { parseInChildProcess, type ParserLimits } from './run-parser.js';

export interface ZipLimits {
  maxUncompressedBytes: number;
  maxRatio: number;
  maxEntries: number;
}

const defaultZipLimits: ZipLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxRatio: 200, maxEntries: 5000 };

/** Sum of declared uncompressed sizes; throws IngestError for a zip bomb or a broken zip. */
export async function checkZip(bytes: Buffer, limits: ZipLimits = defaultZipLimits): Promise<number> {
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, z) => (err || !z ? reject(err ?? new Error('no zip')) : resolve(z))),
    );
  } catch (cause) {
    throw new IngestError('corrupt', `geen geldig Word-bestand (zip onleesbaar: ${(cause as Error).message}) / not a valid Word file`, 'Open het bestand in Word en sla het opnieuw op als .docx / open it in Word and save it again as .docx');
  }
  return new Promise<number>((resolve, reject) => {
    let total = 0;
    let entries = 0;
    const bomb = () =>
      new IngestError('zip-bomb', `het Word-bestand pakt uit tot meer dan ${Math.round(limits.maxUncompressedBytes / 1048576)} MB of is verdacht sterk gecomprimeerd / the Word file expands to an implausible size`, 'Controleer de herkomst van het bestand; sla het opnieuw op vanuit Word / check where the file came from; save it again from Word');
    zip.on('entry', (entry: yauzl.Entry) => {
      entries++;
      total += entry.uncompressedSize;
      const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 0;
      if (entries > limits.maxEntries || total > limits.maxUncompressedBytes || (entry.uncompressedSize > 1_000_000 && ratio > limits.maxRatio)) {
        zip.close();
        reject(bomb());
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(total));
    zip.on('error', (e: Error) => reject(new IngestError('corrupt', `zip-fout: ${e.message}`, 'Sla het bestand opnieuw op als .docx / save it again as .docx')));
    zip.readEntry();
  });
}

export async function loadDocx(file: string, bytes: Buffer, limits: ParserLimits, zipLimits?: ZipLimits): Promise<LoadedText> {
  await checkZip(bytes, zipLimits);
  const raw = await parseInChildProcess({ file, kind: 'docx' }, limits);
  const { text } = htmlToMarkdown(raw.html ?? '');
  const firstHeading = /^#{1,3} (.+)$/m.exec(text)?.[1];
  return { format: 'markdown', pages: [text], paged: false, ...(firstHeading ? { meta: { title: firstHeading } } : {}) };
}
