// Markdown (and .docx/.html converted to it) into blocks. Markdown already marks headings, lists and
// paragraphs, so this only strips markup and front matter and keeps page breaks (form feeds).
import { normaliseCharacters } from './clean-text.js';
import type { Block } from './types.js';

const NAMED = /^(Hoofdstuk|Afdeling|Paragraaf|Artikel|Bijlage|Mijlpaal)\s+\d/i;
const NAMED_RANK: Record<string, number> = { hoofdstuk: 1, bijlage: 1, mijlpaal: 1, afdeling: 2, paragraaf: 2, artikel: 3 };

/** Inline markup to plain text: emphasis, code, links and images, HTML tags. Words are kept. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)(.+?)(?<=\S)[*_](?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseMarkdown(pages: string[], paged: boolean): Block[] {
  const blocks: Block[] = [];
  let para: { kind: 'paragraph' | 'list-item'; text: string; page: number | null } | null = null;
  const flush = () => {
    if (para) {
      const text = stripInlineMarkdown(para.text);
      if (text) blocks.push({ kind: para.kind, text, page: para.page });
    }
    para = null;
  };
  pages.forEach((pageText, p) => {
    const page = paged ? p + 1 : null;
    let lines = normaliseCharacters(pageText).split('\n');
    // YAML front matter at the top of the file is metadata, not text.
    if (p === 0 && lines[0]?.trim() === '---') {
      const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
      if (end > 0) lines = lines.slice(end + 1);
    }
    for (const raw of lines) {
      const line = raw.trim();
      if (line === '' || /^<meta\b/i.test(line) || /^(-{3,}|\*{3,}|_{3,})$/.test(line)) {
        flush();
        continue;
      }
      const heading = /^(#{1,6})\s*(.*?)\s*#*$/.exec(line);
      if (heading && heading[2]) {
        flush();
        const text = stripInlineMarkdown(heading[2]);
        const hashes = heading[1]!.length;
        const last = blocks[blocks.length - 1];
        // "### Hoofdstuk 1" directly followed by "#### Begripsbepalingen" is one heading.
        if (last?.kind === 'heading' && last.style === 'named' && /^(hoofdstuk|afdeling|paragraaf|bijlage)\s+\S+$/i.test(last.text) && hashes > Math.floor(last.level / 10)) {
          last.text = `${last.text} ${text}`;
          continue;
        }
        const named = NAMED.exec(text);
        if (named) blocks.push({ kind: 'heading', text, level: hashes * 10 + (NAMED_RANK[named[1]!.toLowerCase()] ?? 1), style: 'named', page });
        else blocks.push({ kind: 'heading', text, level: hashes * 10, style: 'markdown', page });
        continue;
      }
      const item = /^(?:[-*+•–]|\d{1,3}[.)]|[a-z][.)])\s+/.exec(line);
      if (item || /^\|.*\|$/.test(line)) {
        flush();
        para = { kind: 'list-item', text: line.replace(/^[-*+]\s+/, '').replace(/^\|\s*|\s*\|$/g, '').replace(/\s*\|\s*/g, '  '), page };
        continue;
      }
      if (para) para.text += ` ${line}`;
      else para = { kind: 'paragraph', text: line, page };
    }
    flush();
  });
  return blocks;
}
