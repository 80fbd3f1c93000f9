// Splits a passage into sentences and list items, keeping the document's own words.

// A full stop after an initial ('M. Sint'), a title or a common abbreviation ends no sentence.
const noBreakBefore = /(?:^|[\s(])(?:\p{Lu}|drs|dr|mr|ir|ing|prof|mevr|dhr|bijv|bv|o\.a|e\.v|nr|art|jl|resp|i\.o\.m|m\.b\.t|t\.a\.v|z\.s\.m|vs|ca)\.$/iu;

export function splitSentences(text: string): string[] {
  // A blank line ends a sentence whatever its punctuation: a letterhead, salutation or heading
  // glued to the first sentence of the body would make one long 'sentence' about nothing.
  // A paragraph ending in ',' or ':' ('De secretaris, De voorzitter,') leads into the next one.
  const paragraphs: string[] = [];
  for (const p of text.split(/\n\s*\n/)) {
    const prev = paragraphs[paragraphs.length - 1];
    if (prev !== undefined && /[,:]\s*$/.test(prev)) paragraphs[paragraphs.length - 1] = `${prev}\n${p}`;
    else paragraphs.push(p);
  }
  // Dash items on their own lines ('Overwegende dat\n- zij …;\n- zij …;') are separate units.
  // So are numbered headings and items on their own lines ('1.1. Mijlpaal 1: …'), which the
  // sentence splitter would glue to the line before when that line has no full stop.
  return paragraphs.flatMap((p) => p.split(/\n\s*(?=(?:[-–]|\d{1,2}(?:\.\d{1,2})*\.)\s+\S)/)).flatMap(splitParagraph);
}

function splitParagraph(text: string): string[] {
  const raw = text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d•(“"‘'])|\s*•\s*|\s+(?=\d{1,2}\.\s+\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const pieces: string[] = [];
  for (const p of raw) {
    const prev = pieces[pieces.length - 1];
    if (prev !== undefined && noBreakBefore.test(prev) && !/^\d{1,2}\.\s/.test(p)) pieces[pieces.length - 1] = `${prev} ${p}`;
    else pieces.push(p);
  }
  // Glue fragments too short to stand alone ('1.', 'Zie ook:') to their neighbour.
  const out: string[] = [];
  for (const p of pieces) {
    if (out.length && (p.length < 12 || out[out.length - 1]!.length < 12)) out[out.length - 1] += ' ' + p;
    else out.push(p);
  }
  return out;
}

// Words that open a cell of a scale-level table (the values), never a row label.
const cellValueStart = /^(regionaal|regionale|bi-?regionaal|bi-?regionale|bovenregionaal|bovenregionale|landelijk|landelijke|lokaal|lokale|subregionaal|subregionale|nvt|n\.v\.t\.|ja|nee)\b/i;

/**
 * The header row of a flattened table: three or more short cells separated by runs of spaces
 * ('Thema  Beleid  Inkoop  Leveranciersmanagement'), or, where extraction collapsed the spacing,
 * three to six capitalised words without punctuation followed by short cell fragments.
 */
function headerCells(line: string, following: string[]): string[] | null {
  const spaced = line.split(/\s{2,}/);
  if (spaced.length >= 3 && spaced.every((c) => c.length <= 40 && !/[.,;:!?(]$/.test(c) && !cellValueStart.test(c))) return spaced;
  const words = line.split(' ');
  const short = following.slice(0, 3);
  if (
    words.length >= 3 &&
    words.length <= 6 &&
    line.length <= 60 &&
    words.every((w) => /^\p{Lu}[\p{L}-]*$/u.test(w)) &&
    short.length === 3 &&
    short.every((l) => l.length <= 60)
  )
    return words;
  return null;
}

/**
 * A flattened table split into rows, each prefixed with the column headers, because a row without
 * its headers answers nothing; prose before the table stays sentences. Returns null for text without
 * a table. A line opens a new row when it starts with a capitalised label: not a value word, not a
 * continuation in lower case or inside parentheses.
 */
export function splitTableRows(text: string): string[] | null {
  return splitTableUnits(text)?.map((u) => u.text) ?? null;
}

export interface AnswerUnitText {
  text: string;
  /** For a table row: its label (the first cell), which the question may name. */
  rowLabel?: string;
}

/** Like splitTableRows, with each row's label kept apart. */
export function splitTableUnits(text: string): AnswerUnitText[] | null {
  const raw = text.split('\n');
  const lines = raw.map((l) => l.trim());
  let h = -1;
  let cells: string[] | null = null;
  for (let i = 0; i < lines.length && !cells; i++) {
    if (!lines[i]) continue;
    const next = lines.slice(i + 1).filter(Boolean);
    if (next.length < 2) break;
    cells = headerCells(lines[i]!, next);
    if (cells) h = i;
  }
  if (!cells) return null;
  const rows: string[][] = [];
  let depth = 0;
  for (const line of lines.slice(h + 1).filter(Boolean)) {
    const closesParen = depth > 0 && /^[^(]*\)/.test(line);
    // A cell broken after a comma, full stop or a short linking word ('inkoop door' / 'Eindhoven')
    // goes on, capital or not.
    const prev = rows[rows.length - 1]?.[rows[rows.length - 1]!.length - 1] ?? '';
    const cellGoesOn = /(?:[,.(]|\b(?:bij|door|met|van|voor|op|in|en|of|de|het|een|naar|via|tot|als|te|and|by|of|the|with))\s*$/u.test(prev);
    const continuation = !/^\p{Lu}/u.test(line) || cellValueStart.test(line) || closesParen || cellGoesOn;
    if (!continuation || !rows.length) {
      rows.push([line]);
      depth = 0;
    } else rows[rows.length - 1]!.push(line);
    for (const ch of line) depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) depth = 0;
  }
  const before = raw.slice(0, h).join('\n').trim();
  return [
    ...(before ? splitSentences(before).map((t) => ({ text: t })) : []),
    ...rows.map((r) => renderRow(r, cells!)),
  ];
}

/**
 * A row cell by cell under its column names ('JeugdzorgPlus — Beleid: …; Inkoop: …') when its cells
 * can be told apart: cells on one line are separated by runs of spaces, and a line opens a new cell
 * when it starts with a value word ('Bovenregionaal', 'Regionaal') that does not finish the line
 * before ('bi-' / 'regionale'). Otherwise the row's text after the header line, as extracted.
 */
function renderRow(lines: string[], header: string[]): AnswerUnitText {
  const cells: string[] = [];
  lines.forEach((line) => {
    line.split(/\s{2,}/).map((c) => c.trim()).filter(Boolean).forEach((segment, i) => {
      const prev = cells[cells.length - 1];
      const finishesPrev = prev !== undefined && /(?:-|\b(?:bij|door|met|van|voor|op|in|en|of|de|het|een|naar|via|tot|als|te))$/iu.test(prev);
      const opens = prev === undefined || i > 0 || (cellValueStart.test(segment) && !finishesPrev);
      if (opens) cells.push(segment);
      else cells[cells.length - 1] = /-$/.test(prev!) && /^\p{Ll}/u.test(segment) ? `${prev}${segment}` : `${prev} ${segment}`;
    });
  });
  const label = lines[0]!.split(/\s{2,}/)[0]!;
  if (cells.length === header.length && cells.length > 1) {
    const values = cells.slice(1).map((v, i) => `${header[i + 1]}: ${v}`);
    return { text: `${cells[0]} — ${values.join('; ')}`, rowLabel: cells[0]! };
  }
  return { text: `${header.join(' | ')}: ${lines.join(' ').replace(/\s+/g, ' ')}`, rowLabel: label };
}
