// Whether a sentence names a Dutch municipality: what a 'welke gemeente' / 'which municipality'
// question asks for. Any capitalised word passes for a name ('Open House', 'Bestuurlijk Platform'), so
// without the list such a question is "answered" by whatever body a passage happens to mention.
import fs from 'node:fs';
import { foldText } from '../retrieval/dutch-analyzer.js';
import { AppError } from '../errors/app-error.js';
import { escapeRe } from './question-type.js';

const listFile = new URL('./dutch-municipalities.json', import.meta.url);

let pattern: RegExp | undefined;
function municipalityPattern(): RegExp {
  if (pattern) return pattern;
  let names: string[];
  try {
    names = (JSON.parse(fs.readFileSync(listFile, 'utf8')) as { municipalities: string[] }).municipalities;
  } catch (e) {
    throw new AppError('CONFIG_INVALID', `cannot read the municipality list ${listFile.pathname}: ${e instanceof Error ? e.message : String(e)}`);
  }
  // Case-sensitive on purpose: 'Best', 'Goes' and 'Stein' are municipalities, 'best' is not.
  const alternatives = names.map((n) => escapeRe(plain(n))).sort((a, b) => b.length - a.length);
  pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}])`, 'gu');
  return pattern;
}

/** Accents and curly apostrophes away, case kept: '‘s-Hertogenbosch' and "'s-Hertogenbosch" compare. */
function plain(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019\u201b`´]/g, "'");
}

/** The municipalities a sentence names. */
export function municipalitiesIn(sentence: string): string[] {
  return [...plain(sentence).matchAll(municipalityPattern())].map((m) => m[0]);
}

/** 'Welke gemeente …', 'which municipalities …', 'wie is de centrumgemeente …': a municipality is asked for. */
export function asksForMunicipality(question: string): boolean {
  const q = foldText(question);
  return (
    /\b(welke|which)\s+(?:\p{L}+\s+)?(gemeente|gemeenten|municipality|municipalities|centrumgemeente)\b/u.test(q) ||
    /\b(wie|who|welke|which)\s+(is|was|wordt|are|were)\s+(de |het |the )?(centrumgemeente|central municipality|penvoerder)\b/.test(q)
  );
}

/**
 * Does some sentence name a municipality the question does not already name? Undefined when the
 * question asks for none.
 */
export function namesAskedMunicipality(question: string, sentences: string[]): boolean | undefined {
  if (!asksForMunicipality(question)) return undefined;
  const q = foldText(question);
  return sentences.some((s) => municipalitiesIn(s).some((m) => !q.includes(foldText(m))));
}
