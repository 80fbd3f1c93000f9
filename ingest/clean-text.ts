// Turns text laid out on paper (PDF extraction, or .txt files extracted from PDFs) into blocks:
// headings, paragraphs, list items and flattened tables, each with the page it starts on.
// The words are kept exactly; only layout artefacts go (line breaks, page furniture, footnote
// markers glued to words, odd spaces), because the eval and the users match passages verbatim.
import type { Block } from './types.js';

/** Character-level clean-up that is safe everywhere: odd spaces, soft hyphens, ligatures. */
export function normaliseCharacters(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F\u2009\u200A\u3000]/g, ' ')
    .replace(/[\u00AD\u200B\u200C\u200D\uFEFF]/g, '')
    .replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'))
    .replace(/\t/g, '  ');
}

interface Line {
  text: string;
  page: number;
  /** A real paragraph break precedes this line. */
  breakBefore: boolean;
  /** The source line ended in two or more spaces: in flattened tables this marks the end of a cell. */
  cellEnd: boolean;
}

const PAGE_NUMBER = /^(?:(?:pagina|page|pag\.?|blz\.?)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:\/|van|of)\s*\d{1,4})?$/i;

/** Lines repeated at the top or bottom of most pages (running headers/footers) and bare page numbers. */
function furnitureKeys(pages: string[][]): Set<string> {
  const keys = new Set<string>();
  if (pages.length < 3) return keys;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const nonBlank = lines.filter((l) => l.trim() !== '');
    const zone = new Set([...nonBlank.slice(0, 2), ...nonBlank.slice(-2)].map(furnitureKey));
    for (const k of zone) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const needed = Math.max(3, Math.ceil(pages.length * 0.5));
  for (const [k, n] of counts) if (n >= needed && k.length > 0) keys.add(k);
  return keys;
}

function furnitureKey(line: string): string {
  return line.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/** True when most text lines are followed by exactly one empty line (PDF-to-text double spacing). */
function isDoubleSpaced(lines: string[]): boolean {
  let text = 0;
  let followedByEmpty = 0;
  let wrapped = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    text++;
    if (lines[i + 1] === '') followedByEmpty++;
    if (t.length > 50 && !endsSentence(t)) wrapped++;
  }
  // Web pages also put an empty line after every paragraph, but their lines end in full sentences.
  return text > 10 && followedByEmpty / text > 0.6 && wrapped / text > 0.25;
}

const FOOTNOTE_DEF = /^(\d{1,2}) (\S.{2,})$/;
// A footnote marker glued to a word ("programmaplan1", "inkoopbeleid4.") or to a year ("20275").
const GLUED_TO_WORD = /([A-Za-zÀ-ÿ’')]{3,})(\d{1,2})(?=[\s.,;:)!?]|$)/g;
const GLUED_TO_YEAR = /\b((?:19|20)\d\d)(\d{1,2})\b/g;

/**
 * Footnotes are only recognised on strong evidence: a marker glued to a word or a year, followed
 * within a few pages by a line "<n> <text>" with the same number, in ascending order.
 * Returns the numbers and the indexes of the definition lines.
 */
function findFootnotes(lines: { text: string }[]): { numbers: Set<string>; definitionLines: Set<number> } {
  const numbers = new Set<string>();
  const definitionLines = new Set<number>();
  const seenMarkers = new Map<string, number>();
  let last = 0;
  lines.forEach((line, i) => {
    const def = FOOTNOTE_DEF.exec(line.text.trim());
    if (def) {
      const n = def[1]!;
      const at = seenMarkers.get(n);
      if (at !== undefined && i - at < 400 && Number(n) > last && Number(n) <= last + 3) {
        numbers.add(n);
        definitionLines.add(i);
        last = Number(n);
        return;
      }
    }
    for (const m of line.text.matchAll(GLUED_TO_WORD)) if (!seenMarkers.has(m[2]!)) seenMarkers.set(m[2]!, i);
    for (const m of line.text.matchAll(GLUED_TO_YEAR)) if (!seenMarkers.has(m[2]!)) seenMarkers.set(m[2]!, i);
  });
  return { numbers, definitionLines };
}

function stripFootnoteMarkers(text: string, numbers: Set<string>): string {
  if (numbers.size === 0) return text;
  return text
    .replace(GLUED_TO_WORD, (all, word: string, n: string) => (numbers.has(n) && !/^\d/.test(word) ? word : all))
    .replace(GLUED_TO_YEAR, (all, year: string, n: string) => (numbers.has(n) ? year : all));
}

const BULLET = /^(?:[•·▪■●◦○►‣⁃∙]|[-–—*](?=\s))\s*/;
const ENUMERATED = /^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\d{1,2}(?:\.\d{1,2})+\.|[ivx]{1,4}[.)])\s+/;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,4})\s+(\S.*)$/;
const NAMED_HEADING = /^(Mijlpaal|Hoofdstuk|Artikel|Bijlage|Paragraaf|Afdeling)\s+(\d+[a-z]?(?:\.\d+)*)(?=$|[\s:.–-])(.*)$/;
const NAMED_LEVEL: Record<string, number> = { Hoofdstuk: 1, Bijlage: 1, Mijlpaal: 1, Afdeling: 2, Paragraaf: 2, Artikel: 3 };
const TOC_LINE = /\.{5,}\s*\d+\s*$/;

function startsLower(s: string): boolean {
  return /^[a-zà-ÿ]/.test(s);
}
function startsUpper(s: string): boolean {
  return /^[A-ZÀ-Þ]/.test(s);
}
function endsSentence(s: string): boolean {
  return /[.!?:;]["'’”)]*$/.test(s.trim());
}

/** A table header: three or more short capitalised cells separated by runs of spaces. */
function tableHeaderCells(line: string): string[] | null {
  const cells = line.trim().split(/\s{2,}/);
  if (cells.length < 3 || cells.length > 8) return null;
  const ok = cells.every((c) => c.length <= 30 && c.split(' ').length <= 3 && startsUpper(c) && !/[.,;:]$/.test(c));
  return ok ? cells : null;
}

export interface LayoutCleanOptions {
  /** Whether the pages are real pages (PDF, form feeds); otherwise blocks get page null. */
  paged: boolean;
  /** Words known to occur unhyphenated in the document (for hyphenation decisions); built when omitted. */
}

/** Clean page texts of layout-formatted documents into blocks. */
export function cleanLayoutText(pages: string[], options: LayoutCleanOptions): Block[] {
  const pageLines = pages.map((p) => normaliseCharacters(p).split('\n'));
  const furniture = options.paged ? furnitureKeys(pageLines) : new Set<string>();
  const doubleSpaced = isDoubleSpaced(pageLines.flat());

  // 1. Lines with page numbers and break flags; page furniture dropped.
  const lines: Line[] = [];
  let pendingBreak = true;
  pageLines.forEach((raw, p) => {
    // A sentence may run on across a page break; a finished one starts a new paragraph on the new page.
    const lastLine = lines[lines.length - 1];
    if (p > 0 && lastLine && endsSentence(lastLine.text)) pendingBreak = true;
    const nonBlankIdx = raw.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
    const edge = new Set([...nonBlankIdx.slice(0, 2), ...nonBlankIdx.slice(-2)]);
    for (let i = 0; i < raw.length; i++) {
      const rawLine = raw[i]!;
      const trimmed = rawLine.trim();
      if (trimmed === '') {
        // In double-spaced text one empty line after a text line is only a line break.
        const softEmpty = doubleSpaced && rawLine === '' && i > 0 && raw[i - 1]!.trim() !== '';
        if (!softEmpty) pendingBreak = true;
        continue;
      }
      if (options.paged && edge.has(i) && (furniture.has(furnitureKey(trimmed)) || PAGE_NUMBER.test(trimmed))) continue;
      lines.push({ text: trimmed.replace(/ {2,}/g, (s) => (s.length >= 2 ? '  ' : ' ')), page: p + 1, breakBefore: pendingBreak, cellEnd: / {2,}$/.test(rawLine) });
      pendingBreak = false;
    }
  });

  // 2. Footnotes: drop glued markers, move definitions out of the running text (kept at the end).
  const { numbers, definitionLines } = findFootnotes(lines);
  const footnotes: Line[] = [];
  const body: Line[] = [];
  lines.forEach((l, i) => {
    if (definitionLines.has(i)) footnotes.push(l);
    else body.push({ ...l, text: stripFootnoteMarkers(l.text, numbers) });
  });

  const vocabulary = buildVocabulary(body.map((l) => l.text));
  const blocks: Block[] = [];
  const pageOf = (l: Line): number | null => (options.paged ? l.page : null);
  let current: { kind: 'paragraph' | 'list-item'; text: string; page: number | null } | null = null;
  const flush = () => {
    if (current && current.text.trim()) blocks.push({ kind: current.kind, text: current.text.trim(), page: current.page });
    current = null;
  };
  const numbering: number[] = [];

  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    const prev = body[i - 1];
    const next = body[i + 1];
    const text = line.text;

    // Flattened table: header row of short cells, then one cell (fragment) per line.
    const headerCells = tableHeaderCells(text);
    if (headerCells) {
      flush();
      const tableLines: string[] = [];
      let j = i + 1;
      for (; j < body.length; j++) {
        const t = body[j]!.text;
        if (headingOf(body[j]!, body[j - 1], body[j + 1], numbering, { dryRun: true, prevIsHeading: false })) break;
        if (t.length > 90 && !/\s{2,}/.test(t)) break;
        // A cell wrapped after a hyphen ("bi-" / "regionale") is one word again.
        const prevLine = tableLines[tableLines.length - 1];
        if (prevLine !== undefined && /[A-Za-zÀ-ÿ]-$/.test(prevLine) && startsLower(t)) tableLines[tableLines.length - 1] = joinLines(prevLine, t, vocabulary);
        else tableLines.push(t);
      }
      blocks.push({ kind: 'table', header: headerCells.join('  '), lines: tableLines, page: pageOf(line) });
      i = j - 1;
      continue;
    }

    const prevIsHeading = blocks.length > 0 && current === null && blocks[blocks.length - 1]!.kind === 'heading';
    const heading = headingOf(line, prev, next, numbering, { dryRun: false, prevIsHeading });
    if (heading) {
      flush();
      blocks.push({ ...heading, page: pageOf(line) });
      continue;
    }

    const isItem = BULLET.test(text) || ENUMERATED.test(text) || TOC_LINE.test(text);
    if (isItem) {
      flush();
      current = { kind: 'list-item', text: text.replace(/\s{2,}/g, ' '), page: pageOf(line) };
      continue;
    }
    // A line starting in lower case continues an unfinished sentence even across a blank line.
    const lowerContinuation = current !== null && startsLower(text) && !endsSentence(current.text);
    const continues =
      current !== null &&
      (!line.breakBefore || lowerContinuation) &&
      // A list item ends where a complete sentence is followed by a capitalised line.
      !(current.kind === 'list-item' && endsSentence(current.text) && startsUpper(text));
    if (continues && current) {
      current.text = joinLines(current.text, text.replace(/\s{2,}/g, ' '), vocabulary);
    } else {
      flush();
      current = { kind: 'paragraph', text: text.replace(/\s{2,}/g, ' '), page: pageOf(line) };
    }
  }
  flush();
  if (footnotes.length) {
    blocks.push({ kind: 'heading', text: 'Voetnoten', level: 1, style: 'generic', page: pageOf(footnotes[0]!) });
    for (const f of footnotes) blocks.push({ kind: 'list-item', text: f.text, page: pageOf(f) });
  }
  return blocks;
}

function headingOf(
  line: Line,
  prev: Line | undefined,
  next: Line | undefined,
  numbering: number[],
  mode: { dryRun: boolean; prevIsHeading: boolean },
): Extract<Block, { kind: 'heading' }> | null {
  const dryRun = mode.dryRun;
  const text = line.text.trim();
  if (text.length > 110 || /\s{2,}/.test(text)) return null;
  // A heading is a complete line: the next line does not continue its sentence.
  if (next && startsLower(next.text) && !next.breakBefore) return null;
  if (/[,;]$/.test(text)) return null;
  // A line ending in a function word is a sentence wrapped by the layout, not a title.
  if (/\s(de|het|een|en|van|voor|of|te|met|in|op|aan|die|dat|bij|tot|om|als|the|and|of|to)$/i.test(text)) return null;
  const prevEnded = !prev || line.breakBefore || endsSentence(prev.text) || mode.prevIsHeading;

  const numbered = NUMBERED_HEADING.exec(text);
  if (numbered && startsUpper(numbered[2]!) && !/\.$/.test(text) && !TOC_LINE.test(text)) {
    const parts = numbered[1]!.split('.').map(Number);
    if (acceptsNumbering(parts, numbering)) {
      if (!dryRun) numbering.splice(0, numbering.length, ...parts);
      return { kind: 'heading', text, level: parts.length, style: 'numbered', page: null };
    }
    return null;
  }
  const named = NAMED_HEADING.exec(text);
  if (named && text.length <= 100 && !/\.$/.test(text)) {
    return { kind: 'heading', text: text.replace(/:$/, ''), level: NAMED_LEVEL[named[1]!] ?? 1, style: 'named', page: null };
  }
  // Short title lines: "Aanleiding", "Resultaat:", "Herijking samenwerking". Not inside tables.
  if (dryRun) return null;
  const words = text.split(' ');
  if (
    text.length <= 60 &&
    words.length <= 7 &&
    startsUpper(text) &&
    !/[.,;!?()]/.test(text.replace(/:$/, '')) &&
    !/\d{3,}/.test(text) &&
    prevEnded &&
    next !== undefined &&
    !startsLower(next.text) &&
    // "Het protocol kent een aantal doelen" before a bullet list is a lead-in, not a title.
    !(words.length >= 3 && (BULLET.test(next.text) || ENUMERATED.test(next.text)))
  ) {
    return { kind: 'heading', text: text.replace(/\s*:$/, ''), level: 100, style: 'generic', page: null };
  }
  return null;
}

/** Section numbers must follow on from the previous ones ("3.1" after "3", "4" after "3.2.1"). */
function acceptsNumbering(parts: number[], numbering: number[]): boolean {
  if (parts.some((p) => p > 40)) return false;
  if (numbering.length === 0) return parts[0]! <= 1 && parts.slice(1).every((p) => p <= 1);
  const [first, ...rest] = parts;
  const current = numbering[0]!;
  if (first === current) {
    if (rest.length === 0) return false;
    // Child or later sibling of the current numbering.
    for (let k = 0; k < rest.length; k++) {
      const prevAtLevel = numbering[k + 1] ?? 0;
      if (rest[k]! > prevAtLevel) return rest[k]! <= prevAtLevel + 3 && rest.slice(k + 1).every((p) => p <= 2);
      if (rest[k]! < prevAtLevel) return false;
    }
    return rest.length > numbering.length - 1;
  }
  return first! > current && first! <= current + 2 && rest.every((p) => p <= 2);
}

/** Words that occur in the document; decides whether "jeugd-\nhulp" was hyphenated only by the line break. */
export function buildVocabulary(lines: string[]): Set<string> {
  const vocab = new Set<string>();
  for (const l of lines) for (const w of l.toLowerCase().match(/[a-zà-ÿ][a-zà-ÿ-]*[a-zà-ÿ]/g) ?? []) vocab.add(w);
  return vocab;
}

/**
 * Join two lines of one paragraph. A trailing hyphen is kept ("bi-" + "regionale" = "bi-regionale")
 * unless the word without the hyphen occurs elsewhere in the document and the hyphenated form does not.
 * "Kennisdeel-" + "en ..." keeps the space: that hyphen stands for a left-out word part.
 */
export function joinLines(left: string, right: string, vocabulary: Set<string>): string {
  const l = left.replace(/\s+$/, '');
  const r = right.replace(/^\s+/, '');
  const hyphen = /([A-Za-zÀ-ÿ]+)-$/.exec(l);
  if (hyphen && /^[a-zà-ÿ]/.test(r)) {
    const nextWord = /^[a-zà-ÿ][a-zà-ÿ-]*/.exec(r)![0];
    if (/^(en|of|tot|en\/of)$/.test(nextWord)) return `${l} ${r}`;
    const joined = (hyphen[1]! + nextWord).toLowerCase();
    const hyphenated = `${hyphen[1]!}-${nextWord}`.toLowerCase();
    if (vocabulary.has(joined) && !vocabulary.has(hyphenated)) return l.slice(0, -1) + r;
    return l + r;
  }
  return `${l} ${r}`;
}
