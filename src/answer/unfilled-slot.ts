// Near misses: the passage speaks about exactly what the question asks, but never fills in the asked
// value. "Welke twee aanbieders dienden een klacht in?" is not answered by "… hebben twee aanbieders
// een klacht ingediend": the sentence repeats the count the question already gives.
import { foldText } from '../retrieval/dutch-analyzer.js';
import { looksLikeItem } from './list-items.js';
import { newNames } from './question-type.js';

const counts: Record<string, number> = { twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8 };
const dutchCount = ['', '', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht'];
const englishCount = ['', '', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/**
 * The number of items a question asks to be named, when it gives it right after its asking words:
 * 'Welke twee aanbieders …', 'What were the three scenarios …'. Not for 'who published the seven
 * habits': there the count is part of a title, and a name is asked.
 */
export function askedCount(question: string): number | undefined {
  const q = foldText(question);
  const m = /^\s*(?:(?:in|bij|van|voor|met|uit|door|of|from|in|at|with) )?(?:welke|which|(?:wat|what) (?:zijn|waren|are|were) (?:de|het|the)|(?:noem|name) (?:de|the))\s+(twee|drie|vier|vijf|zes|zeven|acht|two|three|four|five|six|seven|eight)\s+\p{L}/u.exec(q);
  return m ? counts[m[1]!] : undefined;
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
  const echo = new RegExp(`\\b(?:${dutchCount[n]}|${englishCount[n]}|${n})\\s+\\p{L}`, 'u');
  if (!echo.test(text)) return false;
  return quoted.reduce((s, t) => s + newNames(t, question), 0) < n;
}
