// Dutch (and a little English) date phrases -> one concrete day plus the precision that was meant.
//
// The rule for fuzzy periods (what reminders are computed against): a period maps to its LAST day,
// because a deadline stated as a period ("uiterlijk oktober 2021", "eind april", "Q3 2020",
// "najaar 2019") is met as long as that period has not ended. Two exceptions, both taken as written:
//   - 'medio' means the middle: medio <year> -> 1 July, medio <month> -> the 15th. Dutch planning
//     documents use "medio 2019" and "voor 1 juli 2019" for the same moment.
//   - 'begin' means the start: begin <year> -> 31 January, begin <month> -> the 10th, so a
//     reminder lands before the period is well under way.
// Seasons: voorjaar Mar-May (31 May), zomer Jun-Aug (31 Aug), najaar Sep-Nov (30 Nov),
// winter Dec-Feb (end of February of the next year). Halves: eerste helft -> 30 June, tweede -> 31 Dec.
// A range "januari 2021 - februari 2022" takes its end. A day phrase ('voor 1 juli 2019',
// 'per 1 januari 2020') keeps the stated day. A year alone ("in 2020") is never a due date here:
// bare years are budget years, periods and law citations far more often than deadlines.
import type { DueDate, DuePrecision } from './milestone.js';

export const dutchMonths = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
export const englishMonths = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const shortMonths: Record<string, number> = { jan: 1, feb: 2, mrt: 3, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, oct: 10, nov: 11, dec: 12 };

export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const nl = dutchMonths.indexOf(w);
  if (nl >= 0) return nl + 1;
  const en = englishMonths.indexOf(w);
  if (en >= 0) return en + 1;
  return shortMonths[w];
}

export const pad = (n: number) => String(n).padStart(2, '0');
export const isoDay = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const MONTH = '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|jan|feb|mrt|apr|jun|jul|aug|sept?|okt|oct|nov|dec)\\.?';
const YEAR = '((?:19|20)\\d{2})(?!\\d)';

/** One recognised date phrase in a text. */
export interface DateMention extends DueDate {
  index: number;
  length: number;
  /** Whether the year was written (false: inferred from the reference date). */
  explicitYear: boolean;
}

interface Pattern {
  re: RegExp;
  build(m: RegExpExecArray, refYear: number, refMonth: number): Omit<DueDate, 'text'> & { explicitYear: boolean } | undefined;
}

/** Pick the year for a phrase without one: the first such period ending on or after the reference month. */
function inferYear(month: number, refYear: number, refMonth: number): number {
  return month >= refMonth ? refYear : refYear + 1;
}

const seasonEnd: Record<string, (y: number) => string> = {
  voorjaar: (y) => isoDay(y, 5, 31),
  lente: (y) => isoDay(y, 5, 31),
  zomer: (y) => isoDay(y, 8, 31),
  najaar: (y) => isoDay(y, 11, 30),
  herfst: (y) => isoDay(y, 11, 30),
  winter: (y) => isoDay(y + 1, 2, lastDayOfMonth(y + 1, 2)),
};
const seasonLastMonth: Record<string, number> = { voorjaar: 5, lente: 5, zomer: 8, najaar: 11, herfst: 11, winter: 14 };

function monthPeriod(qualifier: string | undefined, y: number, m: number): { date: string; precision: DuePrecision } {
  const q = (qualifier ?? '').toLowerCase();
  if (q === 'medio' || q === 'mid' || q === 'half') return { date: isoDay(y, m, 15), precision: 'month' };
  if (q === 'begin' || q === 'early' || q === 'start') return { date: isoDay(y, m, 10), precision: 'month' };
  return { date: isoDay(y, m, lastDayOfMonth(y, m)), precision: 'month' };
}

// Order matters: longer, more specific patterns first; matches may not overlap.
const patterns: Pattern[] = [
  // Range: 'januari 2021 – februari 2022' -> end of the range.
  {
    re: new RegExp(`\\b${MONTH}\\s+${YEAR}\\s*[–-]\\s*(?:t/m\\s+)?${MONTH}\\s+${YEAR}`, 'gi'),
    build: (m) => {
      const mo = monthNumber(m[3]!);
      const y = Number(m[4]);
      return mo ? { date: isoDay(y, mo, lastDayOfMonth(y, mo)), precision: 'period', explicitYear: true } : undefined;
    },
  },
  // Day month year: '1 juli 2019', '13 juni 2019'.
  {
    re: new RegExp(`\\b([0-3]?\\d)\\s+${MONTH}\\s+${YEAR}`, 'gi'),
    build: (m) => {
      const d = Number(m[1]);
      const mo = monthNumber(m[2]!);
      const y = Number(m[3]);
      if (!mo || d < 1 || d > lastDayOfMonth(y, mo)) return undefined;
      return { date: isoDay(y, mo, d), precision: 'day', explicitYear: true };
    },
  },
  // Numeric day: '01-07-2019', '1-7-2019'.
  {
    re: /\b([0-3]?\d)-([01]?\d)-((?:19|20)\d{2})(?!\d)/g,
    build: (m) => {
      const d = Number(m[1]);
      const mo = Number(m[2]);
      const y = Number(m[3]);
      if (mo < 1 || mo > 12 || d < 1 || d > lastDayOfMonth(y, mo)) return undefined;
      return { date: isoDay(y, mo, d), precision: 'day', explicitYear: true };
    },
  },
  // Qualified month with year: 'eind april 2019', 'medio juni 2020', 'begin maart 2021'.
  {
    re: new RegExp(`\\b(eind|einde|medio|begin|half|mid|end of|early)\\s+${MONTH}\\s+${YEAR}`, 'gi'),
    build: (m) => {
      const mo = monthNumber(m[2]!);
      return mo ? { ...monthPeriod(m[1], Number(m[3]), mo), explicitYear: true } : undefined;
    },
  },
  // Qualified year: 'medio 2019', 'eind 2020', 'begin 2021'.
  {
    re: new RegExp(`\\b(medio|eind|einde|begin|mid|end of|early)[\\s-]+${YEAR}`, 'gi'),
    build: (m) => {
      const q = m[1]!.toLowerCase();
      const y = Number(m[2]);
      if (q === 'medio' || q === 'mid') return { date: isoDay(y, 7, 1), precision: 'half', explicitYear: true };
      if (q === 'begin' || q === 'early') return { date: isoDay(y, 1, 31), precision: 'year', explicitYear: true };
      return { date: isoDay(y, 12, 31), precision: 'year', explicitYear: true };
    },
  },
  // Quarter: 'Q3 2020', 'derde kwartaal 2020', 'Q3' (year inferred).
  {
    re: new RegExp(`\\b(?:Q([1-4])|(eerste|tweede|derde|vierde|1e|2e|3e|4e)\\s+kwartaal)(?:\\s+(?:van\\s+)?${YEAR})?`, 'gi'),
    build: (m, refYear, refMonth) => {
      const words: Record<string, number> = { eerste: 1, tweede: 2, derde: 3, vierde: 4, '1e': 1, '2e': 2, '3e': 3, '4e': 4 };
      const q = m[1] ? Number(m[1]) : words[m[2]!.toLowerCase()]!;
      const lastMonth = q * 3;
      const y = m[3] ? Number(m[3]) : inferYear(lastMonth, refYear, refMonth);
      return { date: isoDay(y, lastMonth, lastDayOfMonth(y, lastMonth)), precision: 'quarter', explicitYear: Boolean(m[3]) };
    },
  },
  // Half year: 'eerste helft 2020', 'tweede helft van 2019', 'H2 2020'.
  {
    re: new RegExp(`\\b(?:(eerste|tweede)\\s+helft|H([12]))(?:\\s+(?:van\\s+)?${YEAR})`, 'gi'),
    build: (m) => {
      const second = (m[1] ?? '').toLowerCase() === 'tweede' || m[2] === '2';
      const y = Number(m[3]);
      return { date: second ? isoDay(y, 12, 31) : isoDay(y, 6, 30), precision: 'half', explicitYear: true };
    },
  },
  // Season: 'najaar 2019', 'dit najaar', 'in het voorjaar van 2018'.
  {
    re: new RegExp(`\\b(?:(dit|deze|komend|komende|het)\\s+)?(voorjaar|lente|zomer|najaar|herfst|winter)(?:\\s+(?:van\\s+)?${YEAR})?`, 'gi'),
    build: (m, refYear, refMonth) => {
      const season = m[2]!.toLowerCase();
      if (!m[3] && !m[1]) return undefined; // a bare season word is too vague to remind on
      const y = m[3] ? Number(m[3]) : inferYear(Math.min(seasonLastMonth[season]!, 12), refYear, refMonth);
      return { date: seasonEnd[season]!(y), precision: 'period', explicitYear: Boolean(m[3]) };
    },
  },
  // Month and year: 'oktober 2021', 'juni 2019'.
  {
    re: new RegExp(`\\b${MONTH}\\s+${YEAR}`, 'gi'),
    build: (m) => {
      const mo = monthNumber(m[1]!);
      return mo ? { ...monthPeriod(undefined, Number(m[2]), mo), explicitYear: true } : undefined;
    },
  },
  // Day and month without year: 'op 20 december', 'voor 1 juli'.
  {
    re: new RegExp(`\\b([0-3]?\\d)\\s+${MONTH}(?!\\s*\\d)`, 'gi'),
    build: (m, refYear, refMonth) => {
      const d = Number(m[1]);
      const mo = monthNumber(m[2]!);
      if (!mo || d < 1) return undefined;
      const y = inferYear(mo, refYear, refMonth);
      if (d > lastDayOfMonth(y, mo)) return undefined;
      return { date: isoDay(y, mo, d), precision: 'day', explicitYear: false };
    },
  },
  // Qualified month without year: 'eind april', 'medio juni'.
  {
    re: new RegExp(`\\b(eind|einde|medio|begin)\\s+${MONTH}(?!\\s*\\d)`, 'gi'),
    build: (m, refYear, refMonth) => {
      const mo = monthNumber(m[2]!);
      return mo ? { ...monthPeriod(m[1], inferYear(mo, refYear, refMonth), mo), explicitYear: false } : undefined;
    },
  },
];

/**
 * Every date phrase in text, left to right, without overlaps. `reference` (YYYY-MM-DD or YYYY-MM,
 * usually the document date) supplies the year where the phrase has none.
 */
export function findDates(text: string, reference?: string): DateMention[] {
  const [refYear, refMonth] = parseReference(reference);
  const taken: [number, number][] = [];
  const found: DateMention[] = [];
  for (const p of patterns) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const built = p.build(m, refYear, refMonth);
      // An impossible date ('31 februari 2020') claims its span too, so no vaguer reading is made of it.
      taken.push([start, end]);
      if (!built) continue;
      found.push({ ...built, text: m[0].trim(), index: start, length: m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function parseReference(reference?: string): [number, number] {
  const m = reference?.match(/^(\d{4})(?:-(\d{2}))?/);
  if (m) return [Number(m[1]), m[2] ? Number(m[2]) : 1];
  const now = new Date();
  return [now.getUTCFullYear(), now.getUTCMonth() + 1];
}

/**
 * Parse a date a user typed in a command: '2026-12-01', '1 december 2026', '1-12-2026', 'eind maart',
 * 'Q1 2027', 'medio 2027'. Returns undefined when nothing date-like is found.
 */
export function parseDueDate(input: string, today: string): DueDate | undefined {
  const s = input.trim();
  const iso = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(y, m)) return undefined;
    return { date: s, precision: 'day', text: s };
  }
  const found = findDates(s, today);
  const first = found[0];
  if (!first) return undefined;
  return { date: first.date, precision: first.precision, text: first.text };
}

/** Add whole days to a YYYY-MM-DD day (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return isoDay(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

/** '1 juli 2019' / '1 July 2019'. */
export function formatDay(day: string, language: 'nl' | 'en'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const names = language === 'nl' ? dutchMonths : englishMonths.map((n) => n[0]!.toUpperCase() + n.slice(1));
  return `${d} ${names[m - 1]} ${y}`;
}

/** 'juli 2019' / 'July 2019'. */
export function formatMonth(month: string, language: 'nl' | 'en'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const names = language === 'nl' ? dutchMonths : englishMonths.map((n) => n[0]!.toUpperCase() + n.slice(1));
  return `${names[m - 1]} ${y}`;
}
