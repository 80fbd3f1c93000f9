// Near misses: the passage speaks about exactly what the question asks, but never fills in the asked
// value. "Welke twee aanbieders dienden een klacht in?" is not answered by "… hebben twee aanbieders
// een klacht ingediend": the sentence repeats the count the question already gives.
import { foldText } from '../retrieval/dutch-analyzer.js';
import { looksLikeItem } from './list-items.js';
import { newNames } from './question-type.js';

const dutchCount = ['', '', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'];
const englishCount = ['', '', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const counts: Record<string, number> = Object.fromEntries([...dutchCount.entries(), ...englishCount.entries()].filter(([, w]) => w).map(([n, w]) => [w, n]));

const askedCountPattern = new RegExp(
  `^\\s*(?:(?:in|bij|van|voor|met|uit|door|of|from|in|at|with) )?(?:welke|which|(?:wat|what) (?:zijn|waren|are|were) (?:de|het|the)|(?:noem|name) (?:de|the))\\s+(${Object.keys(counts).join('|')}|\\d{1,2})\\s+\\p{L}`,
  'u',
);

/**
 * The number of items a question asks to be named, when it gives it right after its asking words:
 * 'Welke twee aanbieders …', 'What were the three scenarios …'. Not for 'who published the seven
 * habits': there the count is part of a title, and a name is asked.
 */
export function askedCount(question: string): number | undefined {
  const q = foldText(question);
  const m = askedCountPattern.exec(q);
  if (!m) return undefined;
  const n = counts[m[1]!] ?? Number(m[1]);
  return n >= 2 ? n : undefined;
}

/**
 * Do the quoted units only repeat the count the question gives ('twee aanbieders'), without naming
 * the items: no list, no announcement with ':', fewer new names than the count?
 */
export function repeatsAskedCount(question: string, quoted: string[]): boolean {
  const n = askedCount(question);
  if (!n) return false;
  if (quoted.some((t) => looksLikeItem(t) || t.includes(':'))) return false;
  const text = foldText(quoted.join(' '));
  const echo = new RegExp(`\\b(?:${dutchCount[n] ?? n}|${englishCount[n] ?? n}|${n})\\s+\\p{L}`, 'u');
  if (!echo.test(text)) return false;
  return quoted.reduce((s, t) => s + newNames(t, question), 0) < n;
}
