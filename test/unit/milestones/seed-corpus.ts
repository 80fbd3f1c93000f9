// A stand-in for ingest in the extraction tests: reads the seed .txt files from corpus/ with their
// catalog and cuts them into paragraph chunks. Sections are the nearest short heading-like line
// ('Mijlpaal 3: Inkoopstrategie Verblijf en HSB'), which is enough to check that citations carry one.
import fs from 'node:fs';
import path from 'node:path';
import type { Chunk, DocumentMeta } from '../../../src/core/types.js';

const corpusDir = path.resolve(import.meta.dirname, '../../../corpus');

function isHeading(line: string): boolean {
  const t = line.trim();
  if (/^Mijlpaal \d/.test(t)) return true;
  return t.length >= 6 && t.length <= 60 && /^[A-Z]/.test(t) && !/[.,;:]$/.test(t) && t.split(/\s+/).length >= 2 && !/\d{4}/.test(t);
}

export function loadSeedCorpus(): { documents: DocumentMeta[]; chunks: Chunk[] } {
  const catalog = JSON.parse(fs.readFileSync(path.join(corpusDir, 'catalog.json'), 'utf8')) as { file: string; title: string; type?: string; date?: string }[];
  const documents: DocumentMeta[] = [];
  const chunks: Chunk[] = [];
  for (const entry of catalog) {
    if (!entry.file.endsWith('.txt')) continue;
    const id = entry.file.replace(/\.txt$/, '');
    const text = fs.readFileSync(path.join(corpusDir, entry.file), 'utf8');
    documents.push({ id, path: path.join(corpusDir, entry.file), file: entry.file, title: entry.title, type: entry.type, date: entry.date, sha256: '' });
    let section = '';
    let ordinal = 0;
    for (const para of text.split(/\n\s*\n/)) {
      const lines = para.split('\n').filter((l) => l.trim());
      if (!lines.length) continue;
      const heading = lines.find(isHeading);
      if (heading) section = heading.trim();
      chunks.push({ id: `${id}#${ordinal}`, docId: id, ordinal: ordinal++, text: lines.join('\n'), section, page: null });
    }
  }
  return { documents, chunks };
}
