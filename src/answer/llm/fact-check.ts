// Facts a generated sentence states (dates, numbers, amounts, names) and whether a passage carries
// them. Both sides are normalised the same way, so '1 juli 2019', '1-7-2019' and 'July 1, 2019'
// are one date, '1.000' and '1,000' one number, and 'Sociaal Domein' matches 'sociaal domein'.

/** Lower case, diacritics and soft hyphens removed, curly quotes straightened, line-break hyphenation joined, whitespace collapsed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\u00ad/g, '')
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/(\p{Ll})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

const monthNames: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2,
  maart: 3, march: 3, mrt: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augustus: 8, august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};
// Standing alone these are ordinary words ('may', 'mar', 'dec'...), so only full names count as a month claim.
const standaloneMonths = new Set(['januari', 'january', 'februari', 'february', 'maart', 'march', 'april', 'juni', 'june', 'juli', 'july', 'augustus', 'august', 'september', 'oktober', 'october', 'november', 'december', 'mei']);
const monthAlt = Object.keys(monthNames).sort((a, b) => b.length - a.length).join('|');

export interface DateFact { y?: number; m: number; d?: number; raw: string }
export interface NumberFact { values: Set<string>; raw: string }
export interface Facts { dates: DateFact[]; numbers: NumberFact[]; names: string[] }

const numberWords: Record<string, number> = {
  twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
  dertien: 13, veertien: 14, vijftien: 15, twintig: 20, dertig: 30, veertig: 40, vijftig: 50, honderd: 100,
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
const scaleWords: Record<string, number> = {
  duizend: 1e3, thousand: 1e3, miljoen: 1e6, million: 1e6, mln: 1e6, miljard: 1e9, billion: 1e9, mld: 1e9,
};
const scaleAlt = Object.keys(scaleWords).join('|');

function year(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const n = Number(s);
  return s.length === 2 ? 2000 + n : n;
}

function validDate(d: DateFact): boolean {
  return d.m >= 1 && d.m <= 12 && (d.d === undefined || (d.d >= 1 && d.d <= 31));
}

/** Every reading of a written number: '1.000' is 1000 (Dutch) or 1.0, '1,5' is 1.5 or 15 (English thousands). */
function numberReadings(raw: string, scale = 1): Set<string> {
  const out = new Set<string>();
  const add = (v: number) => {
    if (Number.isFinite(v)) {
      out.add(String(+v.toFixed(6)));
      if (scale !== 1) out.add(String(+(v * scale).toFixed(6)));
    }
  };
  if (!/[.,]/.test(raw)) {
    add(Number(raw));
    return out;
  }
  // Separators as thousands groups (1.000.000 or 1,000,000).
  if (/^\d{1,3}([.,]\d{3})+$/.test(raw)) add(Number(raw.replace(/[.,]/g, '')));
  // Last separator as decimal mark, the others as thousands.
  const lastSep = Math.max(raw.lastIndexOf('.'), raw.lastIndexOf(','));
  add(Number(`${raw.slice(0, lastSep).replace(/[.,]/g, '')}.${raw.slice(lastSep + 1)}`));
  // Section numbers like '5.3.2' are identifiers: keep the literal form too.
  out.add(raw.replace(/,/g, '.'));
  return out;
}

const nameStopwords = new Set([
  'i', 'de', 'het', 'een', 'the', 'a', 'an', 'dutch', 'english', 'nederlands', 'engels', 'nederland', 'netherlands',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/**
 * The checkable facts in one sentence (citation markers and links already removed).
 * Names are capitalised words that do not open the sentence, acronyms and mixed-case terms.
 */
export function extractFacts(sentence: string): Facts {
  let rest = sentence.replace(/\u00ad/g, '');
  const dates: DateFact[] = [];
  const numbers: NumberFact[] = [];
  const take = (re: RegExp, make: (m: RegExpExecArray) => DateFact | null) => {
    rest = rest.replace(re, (...args: unknown[]) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const d = make(m);
      if (d && validDate(d)) {
        dates.push(d);
        return ' ';
      }
      return m[0];
    });
  };
  const mon = (s: string | undefined) => (s ? monthNames[s.toLowerCase().replace(/\.$/, '')] : undefined);
  take(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, (m) => ({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), raw: m[0] }));
  take(/\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b/g, (m) => ({ y: year(m[3]), m: Number(m[2]), d: Number(m[1]), raw: m[0] }));
  take(new RegExp(`\\b(\\d{1,2})(?:e|ste|de|st|nd|rd|th)?\\s+(?:of\\s+)?(${monthAlt})\\.?(?:,?\\s+(\\d{4}))?\\b`, 'gi'), (m) => ({ y: year(m[3]), m: mon(m[2])!, d: Number(m[1]), raw: m[0] }));
  take(new RegExp(`\\b(${monthAlt})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b(?![.,]\\d)`, 'gi'), (m) =>
    m[2] && Number(m[2]) <= 31 ? { y: year(m[3]), m: mon(m[1])!, d: Number(m[2]), raw: m[0] } : null);
  take(new RegExp(`\\b(${monthAlt})\\.?\\s+(\\d{4})\\b`, 'gi'), (m) => ({ y: Number(m[2]), m: mon(m[1])!, raw: m[0] }));
  take(new RegExp(`\\b(${[...standaloneMonths].join('|')})\\b`, 'gi'), (m) => {
    // 'May' or 'mei' opening a clause is more often a verb/word than a month; only a lowercase Dutch 'mei' or a full name counts.
    if (m[1]!.toLowerCase() === 'may') return null;
    return { m: mon(m[1])!, raw: m[0] };
  });

  rest = rest.replace(new RegExp(`(?:€|eur|euro)?\\s*(\\d+(?:[.,]\\d+)*)(?:\\s*(${scaleAlt})\\b)?`, 'gi'), (whole, num: string, scale?: string) => {
    numbers.push({ values: numberReadings(num, scale ? scaleWords[scale.toLowerCase()] : 1), raw: whole.trim() });
    return ' ';
  });
  for (const m of rest.matchAll(/\b\p{L}+\b/gu)) {
    const v = numberWords[m[0].toLowerCase()];
    if (v !== undefined) numbers.push({ values: new Set([String(v)]), raw: m[0] });
  }

  const names: string[] = [];
  // The first word of the sentence (or of a list item, or after a colon) is capitalised by grammar, not because it is a name.
  const body = rest.replace(/^[\s\-–*•"'(]*(?:\d+[.)]\s*)?/, '');
  const words = [...body.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&'’+-]*/gu)];
  words.forEach((w, i) => {
    const word = w[0].replace(/['’-]+$/, '');
    const before = body.slice(0, w.index).trimEnd();
    const opensClause = i === 0 || /[:;.!?]$/.test(before) || /["'(“‘]$/.test(before);
    const upper = (word.match(/\p{Lu}/gu) ?? []).length;
    const isAcronymOrMixed = upper >= 2 || (upper === 1 && /^\p{Ll}/u.test(word));
    const isCapitalised = /^\p{Lu}/u.test(word);
    if (!isAcronymOrMixed && (!isCapitalised || opensClause)) return;
    if (nameStopwords.has(word.toLowerCase()) || monthNames[word.toLowerCase()] !== undefined) return;
    names.push(word);
  });
  return { dates, numbers, names };
}

/** What a set of passages can vouch for, precomputed once per passage. */
export interface Evidence {
  text: string;
  dates: DateFact[];
  numbers: Set<string>;
}

export function buildEvidence(raw: string): Evidence {
  const text = normalizeText(raw);
  const facts = extractFacts(raw.replace(/(\p{Ll})-\s*\n\s*(\p{Ll})/gu, '$1$2'));
  const numbers = new Set<string>();
  for (const n of facts.numbers) for (const v of n.values) numbers.add(v);
  // Date parts count as numbers too: '2019' in an answer is carried by '1 juli 2019'.
  for (const d of facts.dates) {
    if (d.y !== undefined) numbers.add(String(d.y));
    if (d.d !== undefined) numbers.add(String(d.d));
  }
  return { text, dates: facts.dates, numbers };
}

function mergeEvidence(list: Evidence[]): Evidence {
  return {
    text: list.map((e) => e.text).join(' \u0000 '),
    dates: list.flatMap((e) => e.dates),
    numbers: new Set(list.flatMap((e) => [...e.numbers])),
  };
}

function dateSupported(d: DateFact, ev: Evidence): boolean {
  return ev.dates.some(
    (p) => p.m === d.m && (d.d === undefined || p.d === d.d) && (d.y === undefined || p.y === d.y || (p.y === undefined && ev.numbers.has(String(d.y)))),
  );
}

function numberSupported(n: NumberFact, ev: Evidence): boolean {
  for (const v of n.values) {
    if (ev.numbers.has(v)) return true;
    // Footnote numbers glued to a year in PDF text: '2022 – 20275' is 2027 plus footnote 5.
    if (/^(19|20)\d{2}$/.test(v) && [...ev.numbers].some((p) => p.length > 4 && p.length <= 6 && p.startsWith(v))) return true;
  }
  return false;
}

function nameSupported(name: string, ev: Evidence, extra: string): boolean {
  const n = normalizeText(name);
  return ev.text.includes(n) || extra.includes(n);
}

// English answers over Dutch sources often title-case translated terms ('the Quarterly Consultation',
// 'the Municipality of Helmond'). Such words carry English noun endings and cannot be found in Dutch
// text, so in English answers they are not treated as names; Dutch proper names rarely end this way.
const englishNounEnding = /(?:ity|ities|tions?|sions?|ments?|ness|ings?|ances?|ences?|ships?|ery|ary|ory|ive|ous|ful|ical|als?|ures?|isms?|ists?)$/i;

/** The facts of `sentence` that none of the cited passages carries; empty means the sentence is supported. */
export function unsupportedFacts(sentence: string, cited: Evidence[], alsoAllowed = '', language?: 'nl' | 'en'): string[] {
  const ev = mergeEvidence(cited);
  const facts = extractFacts(sentence);
  const extra = normalizeText(alsoAllowed);
  const missing: string[] = [];
  for (const d of facts.dates) if (!dateSupported(d, ev)) missing.push(d.raw);
  for (const n of facts.numbers) if (!numberSupported(n, ev)) missing.push(n.raw);
  for (const name of facts.names) {
    if (nameSupported(name, ev, extra)) continue;
    const upper = (name.match(/\p{Lu}/gu) ?? []).length;
    if (language === 'en' && upper === 1 && /^\p{Lu}\p{Ll}{5,}$/u.test(name) && englishNounEnding.test(name)) continue;
    missing.push(name);
  }
  return missing;
}

/** True when the sentence states something checkable (a date, number or name). */
export function hasFacts(sentence: string): boolean {
  const f = extractFacts(sentence);
  return f.dates.length + f.numbers.length + f.names.length > 0;
}
