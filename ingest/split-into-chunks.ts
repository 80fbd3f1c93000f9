// Groups blocks into retrievable chunks along the document's structure: a chunk never spans two
// sections and never cuts a sentence; a list stays with its lead-in sentence; a flattened table is
// kept whole when small, otherwise split between rows with the column headers repeated on top.
import type { Chunk } from '../src/core/types.js';
import type { Block } from './types.js';

export interface ChunkingOptions {
  /** Preferred upper bound of a chunk's text in characters. */
  maxChars: number;
  /** A table up to this size stays in one chunk. */
  maxTableChars: number;
  /** Sections shorter than this are merged into the next section under the same parent. */
  minChars: number;
}

export const defaultChunking: ChunkingOptions = { maxChars: 1200, maxTableChars: 1600, minChars: 300 };

interface HeadingEntry {
  text: string;
  level: number;
  style: Extract<Block, { kind: 'heading' }>['style'];
}

interface Unit {
  text: string;
  page: number | null;
  /** Keep together with the following unit (a lead-in sentence before its list). */
  glueNext: boolean;
  separator: '\n' | '\n\n' | ' ';
}

interface Section {
  headings: HeadingEntry[];
  units: Unit[];
  tables: { header: string; lines: string[]; page: number | null }[];
  /** Order of content: 'u' index into units or 't' index into tables. */
  order: { kind: 'u' | 't'; i: number }[];
  headingPage: number | null;
}

const ABBREVIATIONS = /(?:\b(?:o\.a|e\.v|bijv|m\.b\.t|t\.b\.v|i\.c\.m|incl|excl|resp|nr|art|jo|z\.s\.m|d\.w\.z|m\.u\.v|c\.q|e\.d|etc|mr|dhr|mevr|drs|dr|ir|ing|prof|ca|vs|blz|pag|jl|lid|sub|mln|mld|min|max)|\b[A-Z]|\b\d{1,2})\.$/i;

/** Split a paragraph into sentences without breaking at abbreviations ("o.a.", "e.v.", "art.") or "1." */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[.!?]["'’”)]*\s+(?=["'‘“(]?[A-ZÀ-Þ0-9•])/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].trimEnd().length;
    const candidate = text.slice(start, end);
    if (ABBREVIATIONS.test(candidate.replace(/["'’”)]+$/, ''))) continue;
    out.push(candidate.trim());
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

/** The name a heading gets in a section path: markdown heading text without markers, no trailing colon. */
function headingLabel(h: HeadingEntry): string {
  return h.text.replace(/\s+/g, ' ').replace(/\s*:$/, '').trim();
}

/** Section path: the deepest numbered or named heading with the headings below it. */
export function sectionPath(headings: HeadingEntry[]): string {
  if (headings.length === 0) return '';
  let anchor = -1;
  for (let i = headings.length - 1; i >= 0; i--) {
    if (headings[i]!.style === 'numbered' || headings[i]!.style === 'named') {
      anchor = i;
      break;
    }
  }
  if (anchor === -1) anchor = Math.max(0, headings.length - 2);
  // A named part inside a numbered chapter keeps the chapter ("Hoofdstuk 2 > Artikel 2.1" in laws).
  if (anchor > 0 && headings[anchor]!.style === 'named' && headings[anchor - 1]!.style === 'named') anchor--;
  return headings.slice(anchor).map(headingLabel).join(' > ');
}

function pushHeading(stack: HeadingEntry[], h: HeadingEntry): void {
  // Generic headings ("Aanleiding") sit below the current numbered/named part.
  let level = h.level;
  if (h.style === 'generic') {
    const parent = [...stack].reverse().find((e) => e.style !== 'generic');
    level = parent ? parent.level + 50 : 100;
  }
  while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
  stack.push({ ...h, level });
}

/** Split table lines into row groups: a row starts at a capitalised line after a cell end, not a repeated value. */
function tableRows(lines: string[]): string[][] {
  const firstWords = new Map<string, number>();
  for (const l of lines) {
    const w = l.split(/[\s,(]/)[0]!.toLowerCase();
    firstWords.set(w, (firstWords.get(w) ?? 0) + 1);
  }
  const rows: string[][] = [];
  lines.forEach((l, i) => {
    const w = l.split(/[\s,(]/)[0]!.toLowerCase();
    const prev = lines[i - 1];
    const prevComplete = prev === undefined || !/[-,(]$/.test(prev.trim());
    const startsRow = i === 0 || (prevComplete && /^[A-ZÀ-Þ]/.test(l) && (firstWords.get(w) ?? 0) <= 2);
    if (startsRow || rows.length === 0) rows.push([l]);
    else rows[rows.length - 1]!.push(l);
  });
  return rows;
}

export function splitIntoChunks(docId: string, blocks: Block[], options: ChunkingOptions = defaultChunking): Chunk[] {
  // 1. Sections: maximal runs of content under one heading path.
  const sections: Section[] = [];
  const stack: HeadingEntry[] = [];
  let section: Section | null = null;
  const newSection = (page: number | null): Section => {
    const s: Section = { headings: stack.map((h) => ({ ...h })), units: [], tables: [], order: [], headingPage: page };
    sections.push(s);
    return s;
  };
  let pendingHeadingTexts: { text: string; page: number | null }[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      pushHeading(stack, { text: b.text, level: b.level, style: b.style });
      section = null;
      pendingHeadingTexts.push({ text: b.text, page: b.page });
      continue;
    }
    if (!section) {
      section = newSection(pendingHeadingTexts[0]?.page ?? b.page);
      // The heading line opens the section's text, so a chunk reads like the document.
      const last = pendingHeadingTexts[pendingHeadingTexts.length - 1];
      if (last) {
        section.units.push({ text: last.text, page: last.page ?? b.page, glueNext: true, separator: '\n' });
        section.order.push({ kind: 'u', i: section.units.length - 1 });
      }
      pendingHeadingTexts = [];
    }
    if (b.kind === 'table') {
      section.tables.push({ header: b.header, lines: b.lines, page: b.page });
      section.order.push({ kind: 't', i: section.tables.length - 1 });
      continue;
    }
    const glueNext = /:\s*$/.test(b.text);
    const sentences = b.text.length > options.maxChars * 0.6 ? splitSentences(b.text) : [b.text];
    sentences.forEach((s, k) => {
      const isLast = k === sentences.length - 1;
      section!.units.push({
        text: s,
        page: b.page,
        glueNext: isLast ? glueNext : false,
        separator: k === 0 ? (b.kind === 'list-item' ? '\n' : '\n\n') : ' ',
      });
      section!.order.push({ kind: 'u', i: section!.units.length - 1 });
    });
  }

  // 2. Pack each section's units into chunks; tables get their own chunks.
  const chunks: Chunk[] = [];
  let carry: { text: string; page: number | null; section: Section } | null = null;
  const emit = (text: string, page: number | null, s: Section, extraContext?: string) => {
    const path = sectionPath(s.headings);
    const headingContext = s.headings.map(headingLabel).join(' > ');
    const context = [headingContext, extraContext].filter(Boolean).join(' | ');
    chunks.push({ id: `${docId}#${chunks.length}`, docId, ordinal: chunks.length, text: text.trim(), section: path, page, ...(context ? { context } : {}) });
  };

  for (let si = 0; si < sections.length; si++) {
    const s = sections[si]!;
    let buf = '';
    let bufPage: number | null = null;
    // A short previous section under the same parent joins this one; the chunk then carries the parent's path.
    let bufSection: Section = s;
    if (carry) {
      buf = carry.text;
      bufPage = carry.page;
      bufSection = { ...s, headings: s.headings.filter((h) => h.style !== 'generic') };
      carry = null;
    }
    const flushBuf = () => {
      if (buf.trim()) emit(buf, bufPage, bufSection);
      bufSection = s;
      buf = '';
      bufPage = null;
    };
    for (let oi = 0; oi < s.order.length; oi++) {
      const o = s.order[oi]!;
      if (o.kind === 't') {
        const t = s.tables[o.i]!;
        // The sentence introducing a table and a heading line stay with it when small.
        let lead = '';
        let leadPage: number | null = null;
        if (buf.length > 0 && buf.length < 400) {
          lead = buf;
          leadPage = bufPage;
          buf = '';
        } else flushBuf();
        const whole = [t.header, ...t.lines].join('\n');
        if (lead.length + whole.length <= options.maxTableChars) {
          emit(lead ? `${lead}\n${whole}` : whole, leadPage ?? t.page, s, `Tabel: ${t.header}`);
        } else {
          if (lead) emit(lead, leadPage, s);
          let piece: string[] = [];
          for (const row of tableRows(t.lines)) {
            const size = [t.header, ...piece, ...row].join('\n').length;
            if (piece.length && size > options.maxChars) {
              emit([t.header, ...piece].join('\n'), t.page, s, `Tabel: ${t.header}`);
              piece = [];
            }
            piece.push(...row);
          }
          if (piece.length) emit([t.header, ...piece].join('\n'), t.page, s, `Tabel: ${t.header}`);
        }
        continue;
      }
      // Gather a group of units that must stay together (lead-in + first list item).
      const group: Unit[] = [s.units[o.i]!];
      while (group[group.length - 1]!.glueNext && s.order[oi + 1]?.kind === 'u') {
        oi++;
        group.push(s.units[s.order[oi]!.i]!);
      }
      let groupText = '';
      for (const u of group) groupText += groupText ? `${u.separator}${u.text}` : u.text;
      const sep = group[0]!.separator;
      if (buf && buf.length + sep.length + groupText.length > options.maxChars) flushBuf();
      if (!buf) bufPage = group[0]!.page;
      buf = buf ? `${buf}${sep}${groupText}` : groupText;
    }
    const next = sections[si + 1];
    if (buf.trim() && buf.length < options.minChars && next && sameParent(s, next) && next.order[0]?.kind === 'u') {
      carry = { text: buf, page: bufPage, section: s };
      continue;
    }
    flushBuf();
  }
  if (carry) emit(carry.text, carry.page, carry.section);
  return chunks.map((c, i) => ({ ...c, ordinal: i, id: `${docId}#${i}` }));
}

/** Both sections belong to the same numbered or named part (e.g. two generic subsections of "Mijlpaal 2"). */
function sameParent(a: Section, b: Section): boolean {
  const parent = (s: Section) => s.headings.filter((h) => h.style !== 'generic').map((h) => h.text).join('>');
  return a.headings.length > 0 && parent(a) === parent(b) && parent(a) !== '' && a.headings[a.headings.length - 1]!.style === 'generic';
}
