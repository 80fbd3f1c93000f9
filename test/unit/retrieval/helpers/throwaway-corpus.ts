// Test helper only: a crude paragraph splitter over corpus/*.txt so retrieval can be measured on the
// whole seed corpus without depending on ingest. Real chunking lives in ingest/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Chunk, DocumentMeta, IndexedCorpus } from '../../../../src/core/types.js';

const heading = /^\s*(\d+(?:\.\d+)*\.?)\s+\p{Lu}[^.]{0,80}$/u;

export function splitText(docId: string, text: string, maxChars = 900): Chunk[] {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const chunks: Chunk[] = [];
  let section = '';
  let buf: string[] = [];
  const flush = () => {
    const body = buf.join(' ').trim();
    if (body) chunks.push({ id: `${docId}#${chunks.length}`, docId, ordinal: chunks.length, text: body, section, page: null, context: section });
    buf = [];
  };
  for (const line of lines) {
    if (heading.test(line)) {
      flush();
      section = line;
      continue;
    }
    if (buf.join(' ').length + line.length > maxChars && /[.:;]$/.test(buf[buf.length - 1] ?? '')) flush();
    buf.push(line);
    if (buf.join(' ').length > maxChars * 1.5) flush();
  }
  flush();
  return chunks;
}

export function loadThrowawayCorpus(dir: string): IndexedCorpus {
  const catalog = JSON.parse(fs.readFileSync(path.join(dir, 'catalog.json'), 'utf8')) as { file: string; title: string; type?: string; date?: string; region?: string }[];
  const documents: DocumentMeta[] = [];
  const chunks: Chunk[] = [];
  for (const entry of catalog) {
    const file = path.join(dir, entry.file);
    if (!fs.existsSync(file) || !file.endsWith('.txt')) continue;
    const bytes = fs.readFileSync(file);
    const id = entry.file.replace(/\.[^.]+$/, '');
    documents.push({ id, path: file, file: entry.file, title: entry.title, type: entry.type, date: entry.date, region: entry.region, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    chunks.push(...splitText(id, bytes.toString('utf8')));
  }
  return { documents, chunks, glossary: [], builtAt: new Date(0).toISOString() };
}
