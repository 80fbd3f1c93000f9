// Scores the answer units of passages (sentences, list items, table rows with their headers) for a
// question: how much of the question a unit covers, whether it carries the asked-for kind of fact,
// and whether it names what is asked about. Shared by the extractive answerer (which quotes the best
// units) and the retriever's final re-rank (which puts the passage holding the best unit first).
import type { RetrievedChunk } from '../core/types.js';
import { coverageOf, groupImportance, groupMatch, type TermStats } from '../retrieval/evidence.js';
import { expansionWeights, type AnalyzedQuery, type QueryGroup } from '../retrieval/query-analysis.js';
import { announcesItems } from './list-items.js';
import { asksForDuration, durationPattern, escapeRe, questionFocus, questionType, typeCue, type QuestionType } from './question-type.js';
import { foldText } from '../retrieval/dutch-analyzer.js';
import { splitSentences, splitTableUnits, type AnswerUnitText } from './sentences.js';

export interface UnitScoringStats extends TermStats {
  analyzeText(text: string): string[];
}

export interface UnitQuestion {
  text: string;
  query: AnalyzedQuery;
  type: QuestionType;
  entities: string[];
  focusWords: string[];
  /** The question group naming what a count or identity question asks for, when the corpus knows it. */
  focus?: QueryGroup;
}

export interface ScoredUnit {
  passage: number;
  index: number;
  text: string;
  /** Score of the unit on its own merits (no passage rank). */
  base: number;
  covered: Set<number>;
  cue: number;
  /** A table row the question names by its label: complete on its own. */
  namedRow: boolean;
  /** What the unit scorer model sees of the unit (see unitFeatureNames). */
  features: Record<UnitFeatureName, number>;
}

/**
 * The features of an answer unit for the learned unit scorer: how much of the question the unit
 * covers, whether it carries the asked-for kind of fact (per question type, since a date matters to
 * a when-question only), and where it stands. The passage features (rank) are added by the answerer.
 */
export const unitFeatureNames = [
  'bias',
  'coverOwn',
  'coverContext',
  'density',
  'cue',
  'cueWhen',
  'cueHowMany',
  'cueWho',
  'cueLevel',
  'cueDefinition',
  'cueWhy',
  'focus',
  'namedRow',
  'tableRow',
  'listAnnounce',
  'endsColon',
  'long',
  'lengthLog',
  'missingEntities',
  'firstUnit',
  'duration',
  'defines',
  'headingLike',
  'nextCue',
  'passageCoverage',
  'rankWeight',
  'rankReciprocal',
] as const;
export type UnitFeatureName = (typeof unitFeatureNames)[number];

export function unitQuestion(text: string, query: AnalyzedQuery, stats: TermStats): UnitQuestion {
  const focusWords = questionFocus(text);
  let focus: QueryGroup | undefined;
  for (const w of focusWords) {
    // The question group's source drops a possessive/plural 's ("jeugdhulpregio's" → jeugdhulpregio).
    const bare = w.replace(/['’]s$/, '');
    // 'Hoeveel RTA-zorgaanbieders': the capitals make the word a name, yet its lower-case head is a
    // counted thing like any other.
    const written = text.split(/[\s?!.,;:()]+/).find((t) => t.toLowerCase() === w);
    const countedCompound = written !== undefined && /-\p{Ll}{3,}$/u.test(written);
    focus = query.groups.find((x) => (!x.entity || countedCompound) && x.source.split(/\s+/).some((s) => s === w || s === bare) && groupImportance(x, stats) > 0);
    if (focus) break;
  }
  return { text, query, type: questionType(text), entities: query.groups.filter((g) => g.entity).map((g) => g.source), focusWords, focus };
}

/** A passage's answer units: table rows with their headers, else sentences and list items. */
export function answerUnits(text: string): AnswerUnitText[] {
  return splitTableUnits(text) ?? splitSentences(text).map((t) => ({ text: t }));
}

const cueWeights: Partial<Record<QuestionType, number>> = { when: 0.4, howMany: 0.4, level: 0.4, definition: 0.4, who: 0.3, why: 0.3 };

/**
 * @param surroundings text around the passage (other retrieved passages of the same section), where
 *   a name the unit itself does not repeat may have been introduced.
 */
export function scorePassageUnits(q: UnitQuestion, r: RetrievedChunk, passage: number, u: UnitScoringStats, surroundings = ''): ScoredUnit[] {
  const contextTerms = u.analyzeText([r.doc.title, r.chunk.section, r.chunk.context ?? ''].join('\n'));
  let nearbyTerms: Set<string> | undefined;
  const cueWeight = cueWeights[q.type] ?? 0;
  const units = answerUnits(r.chunk.text);
  const passageCover = coverageOf(q.query, new Set([...contextTerms, ...u.analyzeText(r.chunk.text)]), u).coverage;
  const durationAsked = asksForDuration(q.text);
  const definedThing = whatIsSubject(q.text);
  const definition = definedThing ? definitionOf(definedThing) : undefined;
  const scored = units.map(({ text, rowLabel }, index) => {
    const ownList = u.analyzeText(text);
    const own = new Set(ownList);
    const withContext = new Set([...own, ...contextTerms]);
    const covS = coverageOf(q.query, own, u).coverage;
    const covCtx = coverageOf(q.query, withContext, u);
    const covered = new Set<number>();
    q.query.groups.forEach((g, gi) => {
      for (const t of g.terms.keys()) if (own.has(t)) covered.add(gi);
    });
    // A reason counts only in a sentence about the question's topic.
    const cue = q.type === 'why' && covS === 0 ? 0 : typeCue(q.type, text, q.entities, q.text);
    const lengthPenalty = text.length > 450 ? 0.1 : 0;
    // A sentence that misses a name or number the question is about answers another question.
    // A name introduced earlier in the passage or its section ("Maassluis, Vlaardingen en Schiedam …
    // De Waterweggemeenten zitten op 180.000 inwoners") is still what the unit is about: a light penalty.
    let missing = 0;
    if (covCtx.missingEntities.length) {
      nearbyTerms ??= new Set(u.analyzeText(`${r.chunk.text}\n${surroundings}`));
      const nearby = nearbyTerms;
      for (const name of covCtx.missingEntities) {
        const g = q.query.groups.find((x) => x.source === name);
        missing += g && groupMatch(g, nearby) >= expansionWeights.translation ? 0.35 : 1;
      }
    }
    // The sentence that names what is counted or asked for ("16 gemeenten") is the answer.
    const focusBonus = q.focus && groupMatch(q.focus, own) > 0 ? 0.2 : 0;
    // The table row the question names by its label ('JeugdzorgPlus') is the answer, with its
    // headers, rather than prose that merely shares the asked-for kind of word.
    const namedRow = Boolean(rowLabel && namesRow(q, rowLabel, u));
    const rowBonus = namedRow ? 0.3 : 0;
    // A list question is answered by the sentence that announces the items (which then takes them).
    const listBonus = q.type === 'list' && index < units.length - 1 && announcesItems(text) ? 0.15 : 0;
    const base = rowBonus + focusBonus + listBonus + 0.5 * covS + 0.2 * covCtx.coverage + cueWeight * cue - lengthPenalty - 0.15 * missing;
    // Share of the unit's words that belong to the question: a short sentence about the question
    // beats a long one that mentions it in passing.
    let matched = 0;
    for (const t of ownList) if (q.query.groups.some((g) => g.terms.has(t))) matched++;
    const typed = (t: QuestionType) => (q.type === t ? cue : 0);
    const features: Record<UnitFeatureName, number> = {
      bias: 1,
      coverOwn: covS,
      coverContext: covCtx.coverage,
      density: ownList.length ? matched / ownList.length : 0,
      cue,
      cueWhen: typed('when'),
      cueHowMany: typed('howMany'),
      cueWho: typed('who'),
      cueLevel: typed('level'),
      cueDefinition: typed('definition'),
      cueWhy: typed('why'),
      focus: focusBonus > 0 ? 1 : 0,
      namedRow: namedRow ? 1 : 0,
      tableRow: rowLabel ? 1 : 0,
      listAnnounce: listBonus > 0 ? 1 : 0,
      endsColon: text.trimEnd().endsWith(':') ? 1 : 0,
      long: lengthPenalty > 0 ? 1 : 0,
      lengthLog: Math.log(1 + text.length / 100),
      missingEntities: missing,
      firstUnit: index === 0 ? 1 : 0,
      duration: durationAsked && durationPattern.test(foldText(text)) ? 1 : 0,
      defines: definition?.test(foldText(text)) ? 1 : 0,
      headingLike: isHeadingLike(text, rowLabel) ? 1 : 0,
      // Set below: whether the next unit carries the asked-for kind of fact (an announcing sentence).
      nextCue: 0,
      passageCoverage: passageCover,
      rankWeight: 0,
      rankReciprocal: 0,
    };
    return { passage, index, text, base, covered, cue, namedRow, features };
  });
  for (let i = 0; i + 1 < scored.length; i++) scored[i]!.features.nextCue = scored[i + 1]!.cue;
  return scored;
}

/** A heading or caption ('Toegang aanvragen', '16. Motie inzake …'): short, no closing punctuation. */
export function isHeadingLike(text: string, rowLabel?: string): boolean {
  const t = text.trim();
  return !rowLabel && t.length < 90 && !/[.!?:;)]$/.test(t) && !/\d{4}$/.test(t);
}

/** The X of a short 'wat is X?', 'what is X?' question: what the answer must define. */
export function whatIsSubject(question: string): string | undefined {
  const m = /^\s*(?:wat (?:is|zijn|was|betekent)|what (?:is|are|was|does)|wie (?:is|zijn)|who (?:is|are))\s+(?:de |het |een |the |an? )?(.{2,40}?)(?:\s+(?:mean|inhouden|precies|exactly))?\s*\??\s*$/u.exec(foldText(question));
  return m?.[1]?.trim();
}

/** What a unit that defines the thing says (on folded text): 'X is een …', 'X; een …', 'X: …', 'X (…)', 'onder X verstaan we …'. */
function definitionOf(thing: string): RegExp {
  const t = escapeRe(thing);
  return new RegExp(`${t}['’]?\\s*(?:is|zijn|betreft|houdt in|omvat|[;:(,–-])|onder (?:de |het )?${t}\\b[^.]{0,30}\\bverst`);
}

/** The best unit score of a passage for the question (−∞ for a passage without text). */
export function bestUnitScore(q: UnitQuestion, r: RetrievedChunk, u: UnitScoringStats): number {
  let best = -Infinity;
  for (const s of scorePassageUnits(q, r, 0, u)) best = Math.max(best, s.base);
  return best;
}

/** Does the question name this row label with one of its own (typed, not expanded) words? */
function namesRow(q: UnitQuestion, label: string, u: UnitScoringStats): boolean {
  const terms = new Set(u.analyzeText(label));
  return q.query.groups.some((g) => groupImportance(g, u) > 0 && groupMatch(g, terms) >= expansionWeights.translation);
}
