// Splits a passage into sentences and list items, keeping the document's own words.

export function splitSentences(text: string): string[] {
  const pieces = text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d•(“"‘'])|\s*•\s*|\s+(?=\d{1,2}\.\s+\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
  // Glue fragments too short to stand alone ('1.', 'Zie ook:') to their neighbour.
  const out: string[] = [];
  for (const p of pieces) {
    if (out.length && (p.length < 12 || out[out.length - 1]!.length < 12)) out[out.length - 1] += ' ' + p;
    else out.push(p);
  }
  return out;
}
