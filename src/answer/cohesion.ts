// A quoted sentence must be readable on its own. One that opens with a word pointing back ("Daarom
// zijn er …", "Dit betekent …") needs the sentence before it, and one followed by a sentence that
// goes on about it ("Daarin onderscheiden we 3 stromen") needs the one after: the fact is often in
// the neighbour. The same holds for a short lead-in ("Over de motie is hoofdelijk gestemd.").

/** Words that open a sentence which leans on the one before it (Dutch documents, English for imports). */
const leansBack = new RegExp(
  '^[("“‘\']?(?:' +
    [
      'daar(?:om|door|mee|bij|in|voor|naast|na|uit|op|over|toe|van|aan|tegen|entegen)',
      'hier(?:door|mee|bij|in|voor|na|uit|op|over|toe|van|aan|tegen)',
      'dit|deze|dat|die|dergelijke|zo[\'’]n|zulke',
      'zij|ze|hij|hun|haar',
      'ook|tevens|bovendien|eveneens|echter|toch|maar|dus|want|immers|namelijk|zodoende|aldus|vervolgens|verder|wel|alleen',
      'this|these|that|those|therefore|however|thus|it|they|also',
    ].join('|') +
    ')\\b',
  'iu',
);

/**
 * A preposition with a demonstrative ("In die periode …", "Op dat moment …", "During that time …")
 * points back just as well, except when it names the document itself or a part still to come
 * ("In deze brief …", "In dit hoofdstuk …").
 */
const pointsBackByPhrase =
  /^[("“‘']?(?:in|op|na|voor|tijdens|vanaf|tot|sinds|gedurende|bij|met|door|naast|ondanks|at|during|after|before|since|by|from|until|for|with|despite)\s+(?:die|dat|deze|dit|diezelfde|datzelfde|dezelfde|hetzelfde|that|this|these|those|the same)\s+(\p{L}+)/iu;
const selfReference = /^(?:brief|raadsinformatiebrief|document|notitie|nota|memo|rapport|rapportage|voorstel|raadsvoorstel|hoofdstuk|paragraaf|bijlage|tabel|figuur|overzicht|letter|chapter|section|report|table|figure|annex|note)$/iu;

export function leansOnPrevious(text: string): boolean {
  const t = text.trim();
  if (leansBack.test(t)) return true;
  const m = pointsBackByPhrase.exec(t);
  return !!m && !selfReference.test(m[1]!);
}

/**
 * A sentence that goes on about the one before it: it leans on it, or says 'daarbij' early on ('Het
 * gaat daarbij om …'), which matters where the two stand in different chunks.
 */
export function goesOnAbout(text: string): boolean {
  return leansOnPrevious(text) || /^[^.;:]{0,30}\b(daarbij|hierbij|daarvan|hiervan|daaronder|hieronder|daarin|hierin)\b/i.test(text);
}

/**
 * A lead-in too short to carry a fact on its own: a clause without a number or date, not a table
 * row or list item.
 */
export function isShortLeadIn(text: string): boolean {
  const t = text.trim();
  return t.length < 70 && /[.:]$/.test(t) && !/^[-–•]/.test(t) && !/\d/.test(t);
}

export interface CohesionUnit {
  index: number;
  text: string;
  /** A heading or caption: no help as context. */
  heading: boolean;
}

/**
 * The neighbours (in the same passage) that the unit at `index` needs to be understood: the one
 * before when it leans back on it, the one after when that leans back on it or the unit is a short
 * lead-in. `units` are the passage's units in reading order; at most `maxChars` are added.
 */
export function cohesiveNeighbours<T extends CohesionUnit>(units: T[], index: number, maxChars = 450): T[] {
  const at = units.findIndex((x) => x.index === index);
  if (at < 0) return [];
  const unit = units[at]!;
  const out: T[] = [];
  let budget = maxChars;
  const prev = units[at - 1];
  if (prev && prev.index === index - 1 && !prev.heading && leansOnPrevious(unit.text) && prev.text.length <= budget) {
    out.push(prev);
    budget -= prev.text.length;
  }
  const next = units[at + 1];
  if (next && next.index === index + 1 && !next.heading && (leansOnPrevious(next.text) || isShortLeadIn(unit.text)) && next.text.length <= budget) out.push(next);
  return out;
}
