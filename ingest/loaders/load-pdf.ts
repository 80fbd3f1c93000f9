// .pdf: text per page (pdf-parse v2 in the parse child process), so every chunk knows its page.
import { IngestError } from '../ingest-error.js';
import type { LoadedText } from '../types.js';
import { parseInChildProcess, type ParserLimits } from './run-parser.js';

export async function loadPdf(file: string, limits: ParserLimits): Promise<LoadedText> {
  const raw = await parseInChildProcess({ file, kind: 'pdf' }, limits);
  const chars = raw.pages.join('').replace(/\s+/g, '').length;
  if (raw.pages.length > 0 && chars < 20 * raw.pages.length) {
    throw new IngestError('needs-ocr', `de PDF heeft geen tekstlaag (gescand, ${raw.pages.length} pagina's): needs OCR`, 'Laat het document OCR-en (tekstherkenning) en voeg de doorzoekbare PDF toe / run OCR and add the searchable PDF');
  }
  return { format: 'layout', pages: raw.pages, paged: true, ...(raw.title ? { meta: { title: raw.title } } : {}) };
}
