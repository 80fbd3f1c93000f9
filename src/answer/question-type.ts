// What kind of fact a question asks for, from its wording (Dutch and English). The answerer prefers
// sentences that carry that kind of fact: a date for 'wanneer/when', a number for 'hoeveel/how many'.
import { foldText } from '../retrieval/dutch-analyzer.js';

export type QuestionType = 'when' | 'howMany' | 'definition' | 'who' | 'level' | 'list' | 'other';

export function questionType(question: string): QuestionType {
  const q = foldText(question);
  if (/\b(wat betekent|waar staat|wat is de afkorting|waar staan|wat wordt (er )?bedoeld met|betekenis van|stand for|stands for|what does \S+ mean|meaning of|abbreviation)\b/.test(q)) return 'definition';
  if (/\b(hoeveel|how many|how much|aantal|number of)\b/.test(q)) return 'howMany';
  if (/\b(wanneer|when|op welke datum|welke datum|what date|which date|in welk jaar|what year|which year|per wanneer|deadline|hoe lang|how long|looptijd)\b/.test(q)) return 'when';
  if (/\b(schaalniveau|scale level|welk niveau|what level|which level|op welke schaal|at what scale)\b/.test(q)) return 'level';
  if (/\b(wie|who|by whom|bij wie|door wie|welke gemeente|which municipality|welke organisatie|which organisation|which organization)\b/.test(q)) return 'who';
  if (/\b(welke|which|what are|wat zijn|noem)\b/.test(q) && /\b(\w+en|\w+s)\b/.test(q)) return 'list';
  return 'other';
}

const months = '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|june|july|august|october)';
const datePattern = new RegExp(`\\b(\\d{1,2}\\s+${months}(\\s+\\d{4})?|${months}\\s+\\d{4}|medio\\s+\\d{4}|(begin|eind|half)\\s+\\d{4}|\\d{1,2}[-/]\\d{1,2}[-/]\\d{2,4}|(19|20)\\d{2})\\b`);
const numberPattern = /\b(\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|honderd)\b/;
const definitionPattern = (entity: string) =>
  new RegExp(`\\(\\s*(hierna:?\\s*)?${entity}\\s*\\)|\\b${entity}\\b[^.]{0,40}\\b(staat|staan)\\b[^.]{0,20}\\bvoor\\b|\\b${entity}\\s*[:=]|\\b${entity}\\b\\s*\\(`);
const namePattern = /\b(gemeente|gemeenten|regio|provincie|vng|ministerie|college|bestuur|raad|\p{Lu}\p{Ll}+)\b/u;
const levelPattern = /\b(lokaal|regionaal|bovenregionaal|bi-?regionaal|landelijk|subregionaal|niveau)\b/;

/** Does the sentence carry the kind of fact the question asks for? (0..1) */
export function typeCue(type: QuestionType, sentence: string, entities: string[] = []): number {
  const s = foldText(sentence);
  switch (type) {
    case 'when':
      return datePattern.test(s) ? 1 : 0;
    case 'howMany':
      return numberPattern.test(s) ? 1 : 0;
    case 'definition':
      return entities.some((e) => definitionPattern(escapeRe(foldText(e))).test(s)) ? 1 : 0;
    case 'who':
      return namePattern.test(sentence) ? 0.5 : 0;
    case 'level':
      return levelPattern.test(s) ? 1 : 0;
    default:
      return 0;
  }
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Dates and numbers in a sentence, normalised; used to see whether two passages disagree. */
export function factsIn(sentence: string): string[] {
  const s = foldText(sentence);
  const out = new Set<string>();
  for (const m of s.matchAll(new RegExp(datePattern.source, 'g'))) out.add(m[0].replace(/\s+/g, ' '));
  for (const m of s.matchAll(/\b\d+\b/g)) out.add(m[0]);
  return [...out];
}
