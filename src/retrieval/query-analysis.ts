// Turns a question into weighted search terms, grouped per question word or phrase. Expansions
// come from the domain-term list (English ↔ Dutch, Dutch synonyms) and the glossary
// (abbreviation ↔ expansion) and weigh less than the words the user typed. Groups let the
// retriever and answerer ask "how much of the question does this passage cover?".
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors/app-error.js';
import type { GlossaryEntry } from '../core/types.js';
import { DutchAnalyzer, foldText, foldedWords, stem } from './dutch-analyzer.js';
import { isStopword } from './stopwords.js';

export interface DomainTermEntry {
  en: string[];
  nl: string[];
}

export interface DomainTerms {
  terms: DomainTermEntry[];
}

export const defaultDomainTermsPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus/domain-terms.json');

/** Read a domain-term list; a missing file is an empty list, a malformed one a coded error. */
export function loadDomainTerms(file: string = defaultDomainTermsPath): DomainTerms {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return { terms: [] };
  }
  try {
    const parsed = JSON.parse(raw) as { terms?: unknown };
    const terms = Array.isArray(parsed.terms) ? parsed.terms : [];
    return {
      terms: terms
        .filter((t): t is DomainTermEntry => Boolean(t) && Array.isArray((t as DomainTermEntry).en) && Array.isArray((t as DomainTermEntry).nl))
        .map((t) => ({ en: t.en.map(String), nl: t.nl.map(String) })),
    };
  } catch (cause) {
    throw new AppError('INDEX_CORRUPT', `domain-term list is not valid JSON: ${file}`, { file }, { cause });
  }
}

/** Weights of term kinds relative to a word the user typed. */
export const expansionWeights = {
  word: 1,
  compoundPart: 0.6,
  translation: 0.7,
  synonym: 0.45,
  glossary: 0.7,
  cognate: 0.5,
};

export interface QueryGroup {
  /** The question word(s) this group stands for (folded). */
  source: string;
  /** Index term → weight. */
  terms: Map<string, number>;
  /** A name, code or number the question is specifically about (capitalised, all-caps or digits). */
  entity: boolean;
  /**
   * Whole-word terms of the Dutch translations when the words were recognised as an English domain
   * concept ('waiting time' → wachttijd). The English words themselves then say little: they may
   * collide with Dutch stems ('care' → car, 'won').
   */
  translations?: string[];
  /** The same translations phrase by phrase ('dynamisch aankoopsysteem' → [dynamisch, aankoopsystem]). */
  translationPhrases?: string[][];
}

export interface AnalyzedQuery {
  text: string;
  groups: QueryGroup[];
  /** All terms with their highest weight across groups: the lexical query. */
  terms: Map<string, number>;
  /** The question plus expansion phrases, for embedding. */
  expandedText: string;
}

interface Phrase {
  keys: string[];
  /**
   * What the phrase expands to, with the weight kind; translation marks English → Dutch, and
   * englishWord is the uninflected English word a one-word translation comes from.
   */
  expansions: { text: string; weight: number; translation?: boolean; englishWord?: string }[];
}

const matchKey = (w: string) => stem(w.replace(/'s$/, ''));
/** An English word without its inflection ('regions', 'funded', 'caring'), to compare surfaces. */
const englishBase = (w: string) => w.replace(/'s$/, '').replace(/ies$/, 'y').replace(/(?:es|s|ed|ing)$/, '');
const timeUnits = new Set(['dag', 'maand', 'jaar', 'week', 'jaartal', 'day', 'month', 'year']);
const askingWords = new Set(['welke', 'welk', 'what', 'which']);

export class QueryAnalyzer {
  private readonly phrases = new Map<string, Phrase[]>();

  constructor(
    readonly analyzer: DutchAnalyzer,
    domainTerms: DomainTerms = { terms: [] },
    glossary: GlossaryEntry[] = [],
  ) {
    for (const entry of domainTerms.terms) {
      for (const en of entry.en) {
        const words = foldedWords(en);
        const englishWord = words.length === 1 ? englishBase(words[0]!) : undefined;
        this.addPhrase(en, entry.nl.map((t) => ({ text: t, weight: expansionWeights.translation, translation: true, englishWord })));
      }
      for (const nl of entry.nl) {
        const others = entry.nl.filter((o) => o !== nl).map((t) => ({ text: t, weight: expansionWeights.synonym }));
        this.addPhrase(nl, others);
      }
    }
    for (const g of glossary) {
      if (!g.abbr || !g.expansion) continue;
      this.addPhrase(g.abbr, [{ text: g.expansion, weight: expansionWeights.glossary }]);
      this.addPhrase(g.expansion, [{ text: g.abbr, weight: expansionWeights.glossary }]);
    }
    for (const list of this.phrases.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  }

  private addPhrase(text: string, expansions: Phrase['expansions']): void {
    const keys = foldedWords(text).map(matchKey);
    if (!keys.length || !expansions.length) return;
    const list = this.phrases.get(keys[0]!) ?? [];
    const same = list.find((p) => p.keys.join(' ') === keys.join(' '));
    if (same) {
      for (const e of expansions) if (!same.expansions.some((x) => x.text === e.text)) same.expansions.push(e);
    } else list.push({ keys, expansions: [...expansions] });
    this.phrases.set(keys[0]!, list);
  }

  analyze(text: string): AnalyzedQuery {
    // Original-case words, to recognise names and codes (NvO, TAJ, Helmond, 2019).
    const tokens = [...text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*\+?/gu)];
    const raw = tokens.map((m) => m[0]);
    // Tokens that follow a sentence end within the question ('…? Give a couple.').
    const sentenceStarts = new Set<number>();
    tokens.forEach((m, i) => {
      if (i > 0 && /[.?!]\s+$/.test(text.slice(tokens[i - 1]!.index! + tokens[i - 1]![0].length, m.index))) sentenceStarts.add(i);
    });
    const words: { folded: string; entity: boolean }[] = [];
    raw.forEach((r, i) => {
      for (const f of foldedWords(r)) {
        // A capital that only opens a sentence ('… available? Give a couple.') names nothing.
        const opensSentence = i === 0 || sentenceStarts.has(i);
        // An abbreviation glossed in parentheses names a thing, whatever its case ('(pgb)').
        const m = tokens[i]!;
        const glossed = /^\p{Ll}{2,5}$/u.test(r) && text[m.index! - 1] === '(' && text[m.index! + r.length] === ')';
        const entity =
          glossed ||
          /^\p{N}+$/u.test(r) ||
          /\p{Lu}.*\p{Lu}/u.test(r) ||
          (!opensSentence && /^\p{Lu}/u.test(r)) ||
          /\+$/.test(r);
        words.push({ folded: f, entity });
      }
    });
    const keys = words.map((w) => matchKey(w.folded));
    // An inflected English word the documents never use ('evaluated', 'awarded') also matches the
    // domain term in its base form ('evaluate', 'award'); Dutch words keep their own key, since
    // stripping '-ing' or '-s' would turn 'regeling' into 'regel'.
    const baseKeys = words.map((w) => (this.analyzer.hasWord(w.folded) ? undefined : matchKey(englishBase(w.folded))));
    const keyAt = (at: number, k: string) => keys[at] === k || baseKeys[at] === k;
    const groups: QueryGroup[] = [];
    const expansionTexts: string[] = [];
    let i = 0;
    while (i < words.length) {
      let matched: Phrase[] = [];
      let len = 0;
      const base = baseKeys[i] !== keys[i] ? baseKeys[i] : undefined;
      const candidates = [...(this.phrases.get(keys[i]!) ?? []), ...(base ? (this.phrases.get(base) ?? []) : [])].sort((a, b) => b.keys.length - a.keys.length);
      for (const p of candidates) {
        if (p.keys.length < len) break;
        if (p.keys.every((k, j) => keyAt(i + j, k))) {
          if (p.keys.length > len) matched = [];
          len = p.keys.length;
          matched.push(p);
        }
      }
      // A word of the documents whose stem only collides with an English one ('wonen' and 'won',
      // 'leden' and 'led', 'openbaar' and 'opens') is not that English word: no translation.
      if (len === 1 && this.analyzer.hasWord(words[i]!.folded)) {
        const typed = englishBase(words[i]!.folded);
        matched = matched
          .map((p) => ({ ...p, expansions: p.expansions.filter((e) => !e.englishWord || e.englishWord === typed) }))
          .filter((p) => p.expansions.length);
        if (!matched.length) len = 0;
      }
      const span = words.slice(i, i + Math.max(len, 1));
      const source = span.map((w) => w.folded).join(' ');
      const terms = new Map<string, number>();
      const put = (t: string, w: number) => terms.set(t, Math.max(terms.get(t) ?? 0, w));
      // Whole-word terms of each translation, phrase by phrase; the flat list is derived from them.
      const translationPhrases: string[][] = [];
      for (const w of span) {
        for (const t of this.analyzer.wordTerms(w.folded)) {
          put(t.whole, expansionWeights.word);
          for (const p of t.parts) put(p, expansionWeights.compoundPart);
        }
      }
      for (const p of matched) {
        for (const e of p.expansions) {
          expansionTexts.push(e.text);
          if (e.translation) translationPhrases.push(foldedWords(e.text).flatMap((w) => this.analyzer.wordTerms(w).map((t) => t.whole)));
          for (const w of foldedWords(e.text)) {
            for (const t of this.analyzer.wordTerms(w)) {
              put(t.whole, e.weight);
              for (const part of t.parts) put(part, e.weight * expansionWeights.compoundPart);
            }
          }
        }
      }
      // A word the documents never use that looks like one they do ('criterion' → criterium,
      // 'certificate' → certificaat): its look-alikes stand in for it, as a weak translation.
      if (!matched.length && span.length === 1 && !span[0]!.entity && !isStopword(span[0]!.folded) && !this.analyzer.hasWord(span[0]!.folded)) {
        for (const c of this.analyzer.cognates(span[0]!.folded)) {
          expansionTexts.push(c);
          for (const t of this.analyzer.wordTerms(c)) {
            put(t.whole, expansionWeights.cognate);
            translationPhrases.push([t.whole]);
          }
        }
      }
      // 'welke maand', 'in what year', 'how long': the time unit names the kind of answer (a date, a
      // duration), not the topic; counting it would ask the passage to say 'maand', 'jaar' or 'lang'.
      const askedUnit =
        span.length === 1 &&
        i > 0 &&
        ((timeUnits.has(span[0]!.folded) && askingWords.has(words[i - 1]!.folded)) || (span[0]!.folded === 'long' && words[i - 1]!.folded === 'how'));
      const isFunctionWord = (span.length === 1 && isStopword(span[0]!.folded)) || askedUnit;
      if (terms.size && !isFunctionWord) {
        const group: QueryGroup = { source, terms, entity: span.some((w) => w.entity) };
        const phrases = translationPhrases.filter((ph) => ph.length);
        if (phrases.length) {
          group.translations = [...new Set(phrases.flat())];
          group.translationPhrases = phrases;
        }
        groups.push(group);
      }
      i += Math.max(len, 1);
    }
    const all = new Map<string, number>();
    for (const g of groups) for (const [t, w] of g.terms) all.set(t, Math.max(all.get(t) ?? 0, w));
    return { text, groups, terms: all, expandedText: [foldText(text), ...expansionTexts].join(' ') };
  }
}
