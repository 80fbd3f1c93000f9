// Sentences that announce a list ('… de volgende kostprijselementen:', 'Er zijn drie mijlpalen
// benoemd.') and the units that are its items. A list question is answered by the items, not by
// the announcement alone.
import { foldText } from '../retrieval/dutch-analyzer.js';

export interface ListIntro {
  /** The announced number of items ('drie mijlpalen' → 3), when the sentence gives one. */
  count?: number;
  /** The word naming the items ('mijlpalen'), for a count announcement. */
  noun?: string;
  /** Ends with ':', so the units right after it are its items. */
  colon: boolean;
}

const numberWords: Record<string, number> = { twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
// 'drie mijlpalen benoemd', 'vier thema's onderscheiden', 'three milestones were named'.
const countAnnouncement = new RegExp(
  `\\b(${Object.keys(numberWords).join('|')}|[2-9])\\s+(?:\\p{L}+\\s+)?([\\p{L}'’-]{4,})\\b[^.;]{0,40}?\\b(benoemd|genoemd|onderscheiden|vastgesteld|geformuleerd|gedefinieerd|opgesteld|geïdentificeerd|afgesproken|named|identified|defined|distinguished|set)\\b`,
  'u',
);
const announcingPhrase = /\b(de volgende|het volgende|bestaat uit|bestaan uit|als volgt|the following|consists of|consist of|as follows)\b/;

/** Does this sentence announce items that follow it? */
export function listIntro(sentence: string): ListIntro | null {
  const s = foldText(sentence.trim());
  const colon = s.endsWith(':');
  const m = countAnnouncement.exec(s);
  if (m && sentence.length <= 160) return { count: numberWords[m[1]!] ?? Number(m[1]), noun: m[2], colon };
  if (colon) return { colon };
  return null;
}

/** Does the sentence announce items without listing them (no ':' yet a phrase like 'de volgende')? */
export function announcesItems(sentence: string): boolean {
  return listIntro(sentence) !== null || announcingPhrase.test(foldText(sentence));
}

/** A unit shaped like a list item or numbered heading ('1.1. Mijlpaal 1: …', '- …', 'Mijlpaal 2: …'). */
export function looksLikeItem(unit: string): boolean {
  return /^(?:[-–•]\s|\d{1,2}(?:\.\d{1,2})*\.?\s|\p{L}+\s+\d{1,2}\s*[:.)-]\s)/u.test(unit.trim());
}
