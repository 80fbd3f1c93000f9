// .html/.htm: visible text with its headings; scripts, styles and navigation are dropped.
import type { LoadedText } from '../types.js';
import { decodeText } from './decode-text.js';
import { htmlToMarkdown } from './html-to-markdown.js';

export function loadHtml(bytes: Uint8Array): LoadedText {
  const { text, title } = htmlToMarkdown(decodeText(bytes).text);
  return { format: 'markdown', pages: [text], paged: false, ...(title ? { meta: { title } } : {}) };
}
