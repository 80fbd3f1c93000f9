// Splits a passage into sentences and list items, keeping the document's own words.

// A full stop after an initial ('M. Sint'), a title or a common abbreviation ends no sentence.
const noBreakBefore = /(?:^|[\s(])(?:\p{Lu}|drs|dr|mr|ir|ing|prof|mevr|dhr|bijv|bv|o\.a|e\.v|nr|art|jl|resp|i\.o\.m|m\.b\.t|t\.a\.v|z\.s\.m|vs|etc|ca)\.$/iu;

export function splitSentences(text: string): string[] {
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
