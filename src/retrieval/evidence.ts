// How well a passage covers a question: each question group (word or phrase, with its expansions)
// counts with its rarity in the corpus, and scores the best weight of its terms present in the
// passage. Used to re-rank, to pick answer sentences and to decide when to abstain.
import { expansionWeights, type AnalyzedQuery, type QueryGroup } from './query-analysis.js';

export interface TermStats {
  idf(term: string): number;
  docFreq(term: string): number;
}

/**
 * Importance of a group: the idf of its rarest own (weight-1) term, else of its best expansion.
 * Only terms the corpus uses count: an untranslated English word has the maximal idf of an unseen
 * term, which would make every English word look like the rarest part of the question.
 */
export function groupImportance(group: QueryGroup, stats: TermStats): number {
  // A recognised English concept weighs as its Dutch translation: the English words only collide
  // with Dutch stems by accident ('care' → car), and their rarity says nothing.
  if (group.translations) {
    let best = 0;
    for (const t of group.translations) if (stats.docFreq(t) > 0) best = Math.max(best, stats.idf(t) * expansionWeights.translation);
    if (best > 0) return best;
  }
  let own = 0;
  let any = 0;
  for (const [t, w] of group.terms) {
    if (stats.docFreq(t) <= 0) continue;
    const idf = stats.idf(t);
    if (w >= 1) own = Math.max(own, idf);
    any = Math.max(any, idf * w);
  }
  return own || any;
}

/** Best term weight of the group present in the term set (0 when none). */
export function groupMatch(group: QueryGroup, terms: Set<string>): number {
  let best = 0;
  for (const [t, w] of group.terms) if (w > best && terms.has(t)) best = w;
  return best;
}

const copulaPhrase = /^(?:acts?|acting|acted|serves?|serving|served|functions?|functioning|functioned) as$/;

/**
 * A recognised English concept none of whose Dutch translations occurs in the corpus ('waiting
 * time' while no document says wachttijd): the documents do not speak of it, whatever parts or
 * look-alike stems of the words they happen to contain.
 */
export function conceptAbsent(group: QueryGroup, stats: TermStats): boolean {
  if (!group.translations?.length) return false;
  // 'Acts as', 'serves as' say only what something is: documents write 'Roermond is penvoerder'.
  if (copulaPhrase.test(group.source)) return false;
  // A translation of several words is present only with all of them: the documents saying
  // 'dynamisch' do not speak of a 'dynamisch aankoopsysteem'.
  if (group.translationPhrases?.length) return group.translationPhrases.every((phrase) => phrase.some((t) => stats.docFreq(t) <= 0));
  return group.translations.every((t) => stats.docFreq(t) <= 0);
}

/** A group is known when any of its terms occurs somewhere in the corpus. */
export function groupKnown(group: QueryGroup, stats: TermStats): boolean {
  for (const t of group.terms.keys()) if (stats.docFreq(t) > 0) return true;
  return false;
}

/**
 * Known as itself, a translation or a synonym, not only through a part of a compound: the corpus
 * speaking of 'termijn' does not make 'bezwaartermijn' a thing it knows.
 */
export function groupKnownWhole(group: QueryGroup, stats: TermStats): boolean {
  for (const [t, w] of group.terms) if (w !== expansionWeights.compoundPart && stats.docFreq(t) > 0) return true;
  return false;
}

export interface Coverage {
  /** Importance-weighted share of the question covered, 0..1. */
  coverage: number;
  /** Groups with an entity (name, code, number) not found in the term set. */
  missingEntities: string[];
}

export function coverageOf(query: AnalyzedQuery, terms: Set<string>, stats: TermStats): Coverage {
  let total = 0;
  let got = 0;
  const missingEntities: string[] = [];
  for (const g of query.groups) {
    // Words the corpus never uses are judged by the answerer's known-share gate, not here; counting
    // them would let one unusual verb sink an otherwise well-covered question.
    if (!groupKnown(g, stats)) {
      if (g.entity) missingEntities.push(g.source);
      continue;
    }
    const imp = groupImportance(g, stats);
    const m = groupMatch(g, terms);
    total += imp;
    got += imp * m;
    // A name is present only as itself (or its translation/expansion), not as a compound part:
    // 'jeugdzorgregio' does not name JeugdzorgPlus, 'Zuidoost' does not name Zuid-Holland Zuid.
    if (g.entity && m < expansionWeights.translation) missingEntities.push(g.source);
  }
  return { coverage: total > 0 ? got / total : 0, missingEntities };
}
