// Bytes of a text file to a string: UTF-8 when valid, otherwise Windows-1252 (common for files saved
// by older Office versions). A file that is binary despite its extension is refused, not indexed.
import iconv from 'iconv-lite';
import { IngestError } from '../ingest-error.js';

export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  if (looksBinary(bytes)) {
    throw new IngestError('binary', 'het bestand is geen tekst (binaire inhoud) / the file is binary, not text', 'Sla het op als .txt, .docx of .pdf, of verwijder het uit de corpusmap / save it as .txt, .docx or .pdf, or remove it from the corpus folder');
  }
  let text: string;
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes), 'win1252');
    encoding = 'windows-1252';
  }
  return { text: text.replace(/^\uFEFF/, ''), encoding };
}
