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
  return paragraphs.flatMap((p) => p.split(/\n\s*(?=[-–]\s+\S)/)).flatMap(splitParagraph);
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
 * A flattened table (first line holds three or more cells separated by runs of spaces) split into
 * rows, each prefixed with the column headers, because a row without its headers answers nothing.
 * Returns null for text that is not a table. A line opens a new row when it starts with a
 * capitalised label: not a value word, not a continuation in lower case or inside parentheses.
 */
export function splitTableRows(text: string): string[] | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const headerCells = lines[0]?.split(/\s{2,}/) ?? [];
  if (headerCells.length < 3 || lines.length < 3) return null;
  const header = headerCells.join(' | ');
  const rows: string[][] = [];
  let depth = 0;
  for (const line of lines.slice(1)) {
    const closesParen = depth > 0 && /^[^(]*\)/.test(line);
    const continuation = !/^\p{Lu}/u.test(line) || cellValueStart.test(line) || closesParen;
    if (!continuation || !rows.length) {
      rows.push([line]);
      depth = 0;
    } else rows[rows.length - 1]!.push(line);
    for (const ch of line) depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) depth = 0;
  }
  return rows.map((r) => `${header}: ${r.join(' ').replace(/\s+/g, ' ')}`);
}
