// .txt and .md files. Form feeds are page breaks. Saved web pages start with a header block
// (URL:, TITLE:, DATE:, EXCERPT:, then '---') that is metadata, not body text.
import type { LoadedText } from '../types.js';
import { decodeText } from './decode-text.js';

const HEADER = /^(?:(?:URL|TITLE|DATE|EXCERPT|SOURCE|AUTHOR):[^\n]*\n){2,}---[ \t]*\n/;

export function parseWebHeader(text: string): { body: string; meta: LoadedText['meta'] } {
  const m = HEADER.exec(text);
  if (!m) return { body: text, meta: undefined };
  const fields: Record<string, string> = {};
  for (const line of m[0].split('\n')) {
    const f = /^([A-Z]+):\s*(.*)$/.exec(line);
    if (f) fields[f[1]!] = f[2]!.trim();
  }
  const date = fields.DATE && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(fields.DATE) ? fields.DATE : undefined;
  return {
    body: text.slice(m[0].length),
    meta: { ...(fields.TITLE ? { title: fields.TITLE } : {}), ...(date ? { date } : {}), ...(fields.URL ? { source: fields.URL } : {}) },
  };
}

export function loadText(bytes: Uint8Array, extension: string): LoadedText {
  const { text } = decodeText(bytes);
  const { body, meta } = parseWebHeader(text.replace(/\r\n?/g, '\n'));
  const pages = body.split('\f');
  return {
    format: extension === '.md' || extension === '.markdown' ? 'markdown' : 'layout',
    pages,
    paged: pages.length > 1,
    ...(meta ? { meta } : {}),
  };
}
