// The default Answerer, no language model: it quotes the 1–3 sentences of the retrieved passages that
// best answer the question, with [n] markers and citations for exactly the passages quoted. It
// abstains when the passages do not cover the question, and prefers the newest document when
// documents of different dates give different dates or numbers.
import { reply } from '../core/prompts.js';
import type { Answer, Answerer, Citation, Language, Question, RetrievedChunk } from '../core/types.js';
import { DutchAnalyzer, foldText } from '../retrieval/dutch-analyzer.js';
import { conceptAbsent, coverageOf, groupImportance, groupKnown, groupKnownWhole, groupMatch, type TermStats } from '../retrieval/evidence.js';
import { understandingFor, type QueryUnderstanding } from '../retrieval/hybrid-retriever.js';
import { expansionWeights, loadDomainTerms, QueryAnalyzer, type AnalyzedQuery, type QueryGroup } from '../retrieval/query-analysis.js';
import { cohesiveNeighbours, goesOnAbout, leansOnPrevious, type CohesionUnit } from './cohesion.js';
import { repeatsAskedCount } from './unfilled-slot.js';
import { announcesItems, listIntro, looksLikeItem, type ListIntro } from './list-items.js';
import { namesAskedMunicipality } from './municipalities.js';
import { answersContactDetail, answersDeadline, answersShare, countedWords, escapeRe, looksPlural, answersEntryIntoForce, asksForVote, answersHowLong, askedThing, asksForAmount, endsBeforeAskedYear, asksForDuration, asksForOrganisationName, asksForPerson, asksForPersonOnly, asksForPlace, asksForVenue, spellsOutAsked, yearsIn, factsIn, listedThing, hasAmount, hasPersonName, hasPlace, mentionsRole, namesAskedBody, newNames, type QuestionType } from './question-type.js';
import { scorePassageUnits, unitQuestion, type ScoredUnit, type UnitQuestion } from './unit-scoring.js';
import type { AnswerConfidence, ConfidenceFeatureName, UnitScorer } from './unit-scorer.js';

export interface AbstentionThresholds {
  /** Minimum share of the question's words (or phrases) that occur anywhere in the corpus. */
  minKnownShare: number;
  /** Minimum coverage of the question by the best passage (text plus headings). */
  minPassageCoverage: number;
}

export const defaultAbstention: AbstentionThresholds = { minKnownShare: 0.5, minPassageCoverage: 0.5 };

export interface ExtractiveAnswererOptions {
  /** The retriever (or anything that analyzes questions like it). Found from the results when omitted. */
  understanding?: QueryUnderstanding;
  maxPassages?: number;
  maxSentences?: number;
  abstention?: Partial<AbstentionThresholds>;
  /** Scores answer units from their features; the hand-weighted sum when omitted. */
  scorer?: UnitScorer;
  /** Abstains when the drafted answer's estimated chance of being right is below its threshold. */
  confidence?: AnswerConfidence;
}

export interface Evidence {
  abstain: boolean;
  reason?: 'no-terms' | 'unknown-terms' | 'unknown-entity' | 'unknown-concept' | 'weak-coverage';
  knownShare: number;
  bestCoverage: number;
}

/** How likely, next to the best, a sentence further on must be to answer a count in its stead. */
const focusRescueRatio = 0.05;
/** …and a sentence that names the organisations a 'welke organisaties' question asks for (names are strong evidence). */
const nameRescueRatio = 0.02;

/** A conclusion drawn from what was said before: 'is daarmee niet langer een optie', 'therefore'. */
const causalBackReference = /\b(daarom|daardoor|daarmee|hierdoor|hiermee|hierom|derhalve|therefore|thus|hence|as a result)\b/i;

/** How likely, next to the best, a sentence of the same passage naming most of the question's names must be to take its place. */
const namedRunnerUpRatio = 0.5;

/** How likely, next to the best, a vote outcome must be to answer how a vote went. */
const voteRescueRatio = 0.1;

/** How likely, next to the best, a sentence announcing the listed things must be to answer a list question. */
const listAnnounceRescueRatio = 0.05;
/** …and in place of a top sentence that names the listed things too, when it covers the question as well. */
const listAnnounceOverNamingRatio = 0.01;

/** Which check made the answerer abstain: for logs and for measuring the checks. */
export type AbstainReason = NonNullable<Evidence['reason']> | 'focus-unknown' | 'name-not-cited' | 'no-new-value' | 'no-amount' | 'no-share' | 'other-year' | 'ends-before-year' | 'no-expansion' | 'no-contact-detail' | 'no-duration' | 'no-deadline' | 'no-entry-into-force' | 'no-reason' | 'municipality-not-named' | 'no-place' | 'body-not-named' | 'name-not-given' | 'no-person' | 'focus-not-answered' | 'count-not-named' | 'low-confidence';

export interface Candidate extends ScoredUnit {
  /** Unit score plus the passage's rank. */
  score: number;
}

/** rankCandidates found the evidence too weak to look for sentences at all. */
export interface Refusal {
  refused: NonNullable<Evidence['reason']>;
}

export interface RankedCandidates {
  u: QueryUnderstanding;
  query: AnalyzedQuery;
  uq: UnitQuestion;
  passages: RetrievedChunk[];
  candidates: Candidate[];
  evidence: Evidence;
}

function passageText(r: RetrievedChunk): string {
  return [r.doc.title, r.chunk.section, r.chunk.context ?? '', r.chunk.text].join('\n');
}

/** Minimal understanding from the passages alone, for answerers used without a HybridRetriever. */
function understandingFromPassages(retrieved: RetrievedChunk[]): QueryUnderstanding {
  const texts = retrieved.map(passageText);
  const domainTerms = loadDomainTerms();
  const analyzer = DutchAnalyzer.fromTexts(texts, domainTerms.terms.flatMap((t) => t.nl));
  const qa = new QueryAnalyzer(analyzer, domainTerms);
  const df = new Map<string, number>();
  for (const t of texts) for (const term of new Set(analyzer.analyze(t))) df.set(term, (df.get(term) ?? 0) + 1);
  const n = Math.max(texts.length, 1);
  return {
    analyzeQuery: (q) => qa.analyze(q),
    analyzeText: (t) => analyzer.analyze(t),
    analyzeHeads: (t) => analyzer.heads(t),
    docFreq: (t) => df.get(t) ?? 0,
    idf: (t) => Math.log(1 + (n - Math.max(df.get(t) ?? 0, 0.5) + 0.5) / (Math.max(df.get(t) ?? 0, 0.5) + 0.5)),
  };
}

/**
 * A name compounded with a common noun ('Lekstroomgemeenten') is mentioned where its rarest part,
 * the name itself ('Lekstroom'), is: the head ('gemeenten') adds nothing that tells passages apart.
 */
export function namePartMatched(group: QueryGroup, terms: Set<string>, stats: TermStats): boolean {
  const parts = [...group.terms].filter(([, w]) => w === expansionWeights.compoundPart).map(([t]) => t);
  if (parts.length < 2) return false;
  const rarest = parts.reduce((a, b) => (stats.docFreq(b) < stats.docFreq(a) ? b : a));
  return terms.has(rarest);
}

/**
 * A name of several words ('Noord-Oost Brabant') is mentioned where each of its words is, by its
 * most telling term: 'Zuidoost Brabant' shares 'Brabant' and 'oost', not 'noordoost'.
 */
export function everyNameWordMentioned(group: QueryGroup, terms: Set<string>, u: Pick<QueryUnderstanding, 'analyzeText' | 'docFreq'>): boolean {
  const words = group.source.split(/\s+/);
  if (words.length < 2) return true;
  return words.every((w) => {
    const known = u.analyzeText(w).filter((t) => u.docFreq(t) > 0);
    if (!known.length) return true;
    const rarest = known.reduce((a, b) => (u.docFreq(b) < u.docFreq(a) ? b : a));
    return terms.has(rarest);
  });
}

/** How likely, next to a cut-off top sentence, a whole one must be to go before it. */
const cutOffRescueRatio = 0.05;

/** A unit that ends on an article or preposition, without punctuation: the rest is in the next chunk. */
export function isCutOff(text: string): boolean {
  return /\s(?:de|het|een|van|en|of|te|in|op|voor|met|door|die|dat|the|a|an|and|to)$/i.test(text.trim());
}

/**
 * The question names a year ('de nieuwe regeling die op 1 januari 2024 startte') and every quoted
 * sentence dates itself by other years only ('met ingang van 1 januari 2015 … de Centrumregeling
 * 2015'): they speak of another instance.
 */
export function speaksOfOtherYear(question: string, sentences: string[]): boolean {
  const asked = yearsIn(question);
  if (!asked.length) return false;
  const given = sentences.flatMap(yearsIn);
  return given.length > 0 && !given.some((y) => asked.includes(y));
}

/** Moves the candidate at `i` to the front (nothing when it is there already or missing). */
function promote<T>(candidates: T[], i: number): void {
  if (i > 0) candidates.unshift(...candidates.splice(i, 1));
}

/**
 * Puts first a near-equal runner-up of the top unit's passage that names at least half of the
 * question's `names` when the top unit names none of them ('Voor Den Helder … is de Regiovisie …
 * van toepassing' over 'De link had verwezen moeten worden naar onze eigen regiovisie').
 */
export function preferNamingRunnerUp<T extends { score: number; passage: number }>(candidates: T[], names: number, namesIn: (c: T) => number): void {
  const top = candidates[0];
  if (!names || !top || namesIn(top) > 0) return;
  const i = candidates.findIndex((c) => c.score >= top.score * namedRunnerUpRatio && c.passage === top.passage && namesIn(c) >= Math.ceil(names / 2));
  promote(candidates, i);
}

/** Should the answerer abstain? Exported so other answerers (LLM) can apply the same gate. */
export function assessEvidence(query: AnalyzedQuery, retrieved: RetrievedChunk[], u: QueryUnderstanding, thresholds: AbstentionThresholds = defaultAbstention): Evidence {
  const stats: TermStats = u;
  if (!query.groups.length || !retrieved.length) return { abstain: true, reason: 'no-terms', knownShare: 0, bestCoverage: 0 };
  let known = 0;
  for (const g of query.groups) {
    if (conceptAbsent(g, stats)) return { abstain: true, reason: 'unknown-concept', knownShare: 0, bestCoverage: 0 };
    if (groupKnown(g, stats)) known++;
    else if (g.entity) return { abstain: true, reason: 'unknown-entity', knownShare: 0, bestCoverage: 0 };
  }
  const knownShare = known / query.groups.length;
  // The thing a 'wat is de …' question asks for ('de opkomst') that no document ever mentions: the
  // passages found answer about the rest of the question, not about it.
  const asked = askedThing(query.text);
  const askedGroup = asked ? query.groups.find((g) => !g.translations && g.source.split(/\s+/).includes(asked)) : undefined;
  if (askedGroup && !groupKnownWhole(askedGroup, stats)) return { abstain: true, reason: 'unknown-concept', knownShare, bestCoverage: 0 };
  let bestCoverage = 0;
  for (const r of retrieved.slice(0, 5)) {
    const terms = new Set(u.analyzeText(passageText(r)));
    bestCoverage = Math.max(bestCoverage, coverageOf(query, terms, stats).coverage);
  }
  if (knownShare < thresholds.minKnownShare) return { abstain: true, reason: 'unknown-terms', knownShare, bestCoverage };
  if (bestCoverage < thresholds.minPassageCoverage) return { abstain: true, reason: 'weak-coverage', knownShare, bestCoverage };
  return { abstain: false, knownShare, bestCoverage };
}

/**
 * A when-question that asks for a point in time: 'wanneer'/'when' opening the question (not 'what
 * happens when …'), or a date phrase; a duration ('hoe lang', 'how long') is not a date.
 */
function asksForDate(question: string): boolean {
  const q = foldText(question).trim();
  if (/\b(hoe lang|how long|looptijd|contractduur)\b/.test(q)) return false;
  return /^((tot|vanaf|sinds|per|by|until|since|from)\s+)?(wanneer|when)\b/.test(q) || /\b(welke (datum|data)|(what|which) dates?|welk jaar|(what|which) years?|welke (dag|dagen|maand|week)|(what|which) (days?|months?|weeks?))\b/.test(q);
}

export class ExtractiveAnswerer implements Answerer {
  readonly name = 'extractive';
  private readonly maxPassages: number;
  private readonly maxSentences: number;
  private readonly thresholds: AbstentionThresholds;
  private readonly scorer: UnitScorer | undefined;
  private readonly confidence: AnswerConfidence | undefined;
  private readonly softGates: boolean;

  constructor(private readonly options: ExtractiveAnswererOptions = {}) {
    this.maxPassages = options.maxPassages ?? 8;
    this.maxSentences = options.maxSentences ?? 3;
    this.thresholds = { ...defaultAbstention, ...options.abstention };
    this.scorer = options.scorer;
    this.confidence = options.confidence;
    this.softGates = Boolean(options.confidence);
  }

  /**
   * The analysed question and every answer unit of the passages, scored and sorted best first; a
   * refusal when the evidence says to abstain. Exported for the unit scorer's training, which must see the
   * candidates exactly as the answerer does.
   */
  rankCandidates(question: Question, retrieved: RetrievedChunk[], softGates = this.softGates): RankedCandidates | Refusal {
    const u = this.options.understanding ?? understandingFor(retrieved) ?? understandingFromPassages(retrieved);
    const query = u.analyzeQuery(question.text);
    const evidence = assessEvidence(query, retrieved, u, this.thresholds);
    // With soft gates weak coverage is one signal among others for the confidence model; words, names
    // or concepts the documents never use stay decisive (they rarely misfire).
    if (evidence.abstain && (!softGates || evidence.reason !== 'weak-coverage')) return { refused: evidence.reason ?? 'no-terms' };
    const uq = unitQuestion(question.text, query, u);
    const passages = retrieved.slice(0, this.maxPassages);
    const topScore = Math.max(passages[0]?.score ?? 1, 1e-9);
    const candidates: Candidate[] = [];
    passages.forEach((r, p) => {
      // Lower-ranked passages compete on their sentences, but rank still counts.
      const rankWeight = r.score / topScore;
      const siblings = passages
        .filter((x) => x !== r && x.doc.id === r.doc.id && x.chunk.section === r.chunk.section)
        .map((x) => x.chunk.text)
        .join('\n');
      for (const unit of scorePassageUnits(uq, r, p, u, siblings)) {
        unit.features.rankWeight = rankWeight;
        unit.features.rankReciprocal = 1 / (p + 1);
        const score = this.scorer ? this.scorer.score(unit.features) : unit.base + 0.3 * rankWeight;
        candidates.push({ ...unit, score });
      }
    });
    // The listwise model's logits become the probability of each unit being the answer (softmax over
    // the question's units), so the ratio tests below compare like with like.
    if (this.scorer && candidates.length) {
      const max = Math.max(...candidates.map((c) => c.score));
      const sum = candidates.reduce((s, c) => s + Math.exp(c.score - max), 0);
      for (const c of candidates) c.score = Math.exp(c.score - max) / sum;
    }
    candidates.sort((a, b) => b.score - a.score);
    // A sentence cut off by a chunk boundary ('projectleider expertisecentrum jeugdhulp: de') says
    // nothing: any whole sentence the model finds at all likely goes before it.
    if (candidates[0] && isCutOff(candidates[0].text)) promote(candidates, candidates.findIndex((c) => !isCutOff(c.text) && c.score >= candidates[0]!.score * cutOffRescueRatio));
    // What something is or is for, where a list of definitions defines exactly it ('expertisecentrum
    // jeugdhulp: centrum in een bovenregionaal gebied dat ten doel heeft …'): that line answers.
    if ((uq.type === 'other' || uq.type === 'definition') && candidates[0]) {
      const q = foldText(question.text);
      const definedHere = (c: Candidate) => {
        const head = /^([^:]{3,60}):\s+\S/.exec(c.text)?.[1];
        return head ? new RegExp(`\\b${escapeRe(foldText(head))}\\b`).test(q) : false;
      };
      const top = candidates[0];
      if (!definedHere(top)) promote(candidates, candidates.findIndex((c) => c.score >= top.score * cutOffRescueRatio && definedHere(c)));
    }
    return { u, query, uq, passages, candidates, evidence };
  }

  async answer(question: Question & { language: Language }, retrieved: RetrievedChunk[]): Promise<Answer> {
    const { answer, signals } = this.draft(question, retrieved);
    // The last gate: how likely is the drafted answer to be right, given how well it fits the question?
    if (signals && this.confidence && this.confidence.score(signals) < this.confidence.threshold) return this.abstention(question.language, 'low-confidence');
    return answer;
  }

  /**
   * The answer before the confidence gate, with the signals that gate weighs (absent when the
   * answerer already abstained). Public for the confidence model's training.
   */
  draft(
    question: Question & { language: Language },
    retrieved: RetrievedChunk[],
    softGates = this.softGates,
  ): { answer: Answer; signals?: Record<ConfidenceFeatureName, number> } {
    const language = question.language;
    const abstain = (reason: AbstainReason) => ({ answer: this.abstention(language, reason) });
    // The checks below that rarely misfire on answerable questions abstain outright (measured over the
    // training sets); those that often do are signals the confidence model weighs.
    const flags = { noReason: 0, noDuration: 0, noPerson: 0, noName: 0, noPlace: 0 };
    const ranked = this.rankCandidates(question, retrieved, softGates);
    if ('refused' in ranked) return abstain(ranked.refused);
    if (!ranked.candidates.length) return abstain('no-terms');
    const { u, query, uq, passages, candidates, evidence } = ranked;
    const { type, focusWords, focus } = uq;
    // A text's words as words of their own or compound heads ('gemeenteraad' is a raad, no gemeente).
    const headsOf = (text: string) => new Set(u.analyzeHeads ? u.analyzeHeads(text) : u.analyzeText(text));
    // Is a counted word ('acht afspraken') the question's asked-for thing?
    const isFocus = (word: string) => focus !== undefined && groupMatch(focus, headsOf(word)) >= expansionWeights.translation;

    // A value question (how many, who, when) is answered by a sentence that carries a value of that
    // kind (about the asked-for thing): a close runner-up that does beats a top sentence that does not.
    if (type === 'howMany' || type === 'who' || type === 'when') {
      const top = candidates[0]!;
      const carries = (c: Candidate) => c.cue >= 0.5 && (!focus || groupMatch(focus, headsOf(c.text)) >= expansionWeights.translation);
      if (!carries(top)) {
        const i = candidates.findIndex((c) => c.score >= top.score * 0.3 && carries(c));
        promote(candidates, i);
      }
      // Better still, for a count, a sentence whose number counts the asked-for thing itself ('Al
      // deze acht afspraken …') over one that has it and a number for something else.
      if (type === 'howMany' && focus) {
        const counts = (c: Candidate) => countedWords(c.text, question.text).some(isFocus);
        const first = candidates[0]!;
        if (!counts(first)) promote(candidates, candidates.findIndex((c) => c.score >= first.score * 0.3 && counts(c)));
      }
    }
    // How a vote went is answered by its outcome ('in meerderheid (16 stemmen voor en 14 stemmen
    // tegen)'), ahead of the motion's heading and the sentence that tables it.
    if (asksForVote(question.text) && candidates[0]!.cue < 0.5) {
      const i = candidates.findIndex((c) => c.cue >= 0.5 && c.features.coverOwn > 0 && c.score >= candidates[0]!.score * voteRescueRatio);
      promote(candidates, i);
    }
    // The table row the question names by its label ('JeugdzorgPlus') answers with its column names,
    // ahead of prose that merely shares the question's words, when the model finds it nearly as likely.
    if (!candidates[0]!.namedRow) {
      const i = candidates.findIndex((c) => c.namedRow && c.score >= candidates[0]!.score * 0.5);
      promote(candidates, i);
    }
    // A list question ('what are the workshop themes …') is answered by the sentence announcing the
    // listed things ('De workshops richten zich op de volgende vier thema's:'), ahead of one that only
    // shares the question's other words ('Tijdens het middagprogramma worden workshops georganiseerd').
    if (type === 'list') {
      const listed = listedThing(question.text);
      const group = listed ? query.groups.find((g) => g.source.split(/\s+/).includes(listed)) : undefined;
      const names = (c: Candidate) => groupMatch(group!, new Set(u.analyzeText(c.text))) >= expansionWeights.translation;
      const top = candidates[0]!;
      if (group && groupKnown(group, u) && !announcesItems(top.text) && !looksLikeItem(top.text)) {
        // When the top sentence names the listed things too ('… aan de hand van de kostprijselementen
        // uit de AMvB'), only an announcement that covers the question at least as well takes its place.
        const i = names(top)
          ? candidates.findIndex((c) => c.score >= top.score * listAnnounceOverNamingRatio && Boolean(listIntro(c.text)?.colon) && names(c) && c.features.coverOwn >= top.features.coverOwn)
          : candidates.findIndex((c) => c.score >= top.score * listAnnounceRescueRatio && announcesItems(c.text) && names(c));
        promote(candidates, i);
      }
    }
    // A near-equal runner-up that names most of what the question is about ('Voor Den Helder … is de
    // Regiovisie … van toepassing') beats a top sentence that names none of it.
    const named = query.groups.filter((g) => g.entity && groupKnown(g, u));
    preferNamingRunnerUp(candidates, named.length, (c) => {
      const terms = new Set(u.analyzeText(c.text));
      return named.filter((g) => groupMatch(g, terms) >= expansionWeights.translation).length;
    });
    let best = candidates[0]!;
    // Newest wins: a near-equal sentence from a document of another date with other dates/numbers.
    let older: Candidate | undefined;
    const bestFacts = factsIn(best.text);
    const bestTerms = new Set(u.analyzeText(best.text));
    for (const c of candidates.slice(1)) {
      if (c.score < best.score * 0.5) break;
      // Only sentences about the same thing disagree: they must share much of their wording.
      const cTerms = new Set(u.analyzeText(c.text));
      const shared = [...cTerms].filter((t) => bestTerms.has(t)).length;
      if (shared / Math.max(1, Math.min(cTerms.size, bestTerms.size)) < 0.4) continue;
      const a = passages[best.passage]!.doc;
      const b = passages[c.passage]!.doc;
      if (a.id === b.id || !a.date || !b.date || a.date === b.date) continue;
      const cf = factsIn(c.text);
      if (!bestFacts.length || !cf.length || cf.some((f) => bestFacts.includes(f))) continue;
      if (b.date > a.date) {
        older = best;
        best = c;
      } else older = c;
      break;
    }

    // A passage's units in reading order, as the cohesion checks read them.
    const cohesionUnits = new Map<number, (CohesionUnit & { c: Candidate })[]>();
    const unitsOf = (passage: number) => {
      let units = cohesionUnits.get(passage);
      if (!units) {
        units = candidates
          .filter((c) => c.passage === passage)
          .sort((a, b) => a.index - b.index)
          .map((c) => ({ index: c.index, text: c.text, heading: c.features.headingLike > 0, c }));
        cohesionUnits.set(passage, units);
      }
      return units;
    };
    const same = unitsOf(best.passage).map((x) => x.c);
    // A list question whose best unit is an item halfway down a list ('- Personeel: …' after '-
    // Schaal: …') is answered by the whole list: start from the sentence that announces it.
    if (type === 'list' && !best.namedRow && looksLikeItem(best.text)) {
      for (const c of same.filter((x) => x.index < best.index).reverse()) {
        if (listIntro(c.text)?.colon) {
          best = c;
          break;
        }
        if (!looksLikeItem(c.text)) break;
      }
    }
    const chosen: Candidate[] = [best];
    const quotedLength = () => chosen.reduce((sum, c) => sum + c.text.length, 0);
    // A sentence that introduces a list (ends with ':', announces 'drie mijlpalen') takes its items,
    // which may go on in the next chunk of the document; a list question takes the sentences after.
    const intro = listIntro(best.text);
    const items = intro ? this.listItems(best, intro, passages, same, uq, u) : [];
    if (items.length) chosen.push(...items);
    else if (type === 'list') {
      for (const c of same) {
        if (chosen.length >= this.maxSentences || quotedLength() > 600) break;
        if (c.index > best.index && c.index < best.index + this.maxSentences) chosen.push(c);
      }
    }
    // The best sentence lacks the asked-for date/number/name but its neighbour has it ("Gemeente X
    // zegt hierover: ..."): quote the neighbour too.
    if (chosen.length === 1 && best.cue < 0.5 && (type === 'when' || type === 'howMany' || type === 'who')) {
      const neighbour = same.filter((c) => Math.abs(c.index - best.index) === 1 && c.cue >= 0.5).sort((a, b) => b.cue - a.cue)[0];
      if (neighbour) chosen.push(neighbour);
    }
    // A second sentence only when it covers part of the question the first did not; a table row the
    // question names already answers with its headers.
    if (chosen.length === 1 && !best.namedRow) {
      const covered = new Set(best.covered);
      for (const c of candidates) {
        if (chosen.length >= 2 || c.score < best.score * 0.1) break;
        // A sentence announcing a list ('… kent een aantal doelen:') says nothing without its items.
        if (c === best || c === older || c.text.trimEnd().endsWith(':')) continue;
        if ([...c.covered].some((g) => !covered.has(g) && groupImportance(query.groups[g]!, u) > 0)) {
          chosen.push(c);
          c.covered.forEach((g) => covered.add(g));
        }
      }
    }
    // A heading says what follows, not the fact: quote the sentence after it too.
    if (chosen.length === 1 && best.features.headingLike) {
      const next = same.find((c) => c.index === best.index + 1);
      if (next) chosen.push(next);
    }
    // A close call between two places: quote the runner-up too, so the reader sees both.
    if (chosen.length === 1 && !best.namedRow) {
      const close = candidates.find((c) => c !== best && c !== older && c.text !== best.text && !c.text.trimEnd().endsWith(':'));
      if (close && close.score >= best.score * 0.3) chosen.push(close);
    }
    // A quoted sentence other than the best that announces a list ('Een aantal criteria … zijn:')
    // takes its items too: the announcement alone says nothing.
    if (!items.length && !best.namedRow) {
      const announcer = chosen.find((c) => c !== best && c.passage === best.passage && listIntro(c.text)?.colon);
      if (announcer) {
        const more = this.listItems(announcer, listIntro(announcer.text)!, passages, same, uq, u).filter((c) => !chosen.some((x) => x === c || x.text === c.text));
        const at = chosen.indexOf(announcer);
        chosen.splice(at + 1, 0, ...more);
        items.push(...more);
      }
    }
    // A quoted sentence that leans on its neighbour ('Daarom zijn er …', followed by 'Daarin
    // onderscheiden we 3 stromen') takes it along: the fact is often in the neighbour.
    if (!best.namedRow && !items.length) {
      // The best passage first: its sentences get the room before a runner-up's do.
      const quoted = [...chosen].sort((a, b) => Number(b.passage === best.passage) - Number(a.passage === best.passage));
      for (const q of quoted) {
        const room = 700 - quotedLength();
        if (room <= 0) break;
        for (const n of cohesiveNeighbours(unitsOf(q.passage), q.index, Math.min(450, room))) if (!chosen.includes(n.c)) chosen.push(n.c);
      }
    }
    // A why-question answered by a conclusion ('… is daarmee niet langer een optie') takes the
    // sentence before it, where the reason it points back to stands.
    if (type === 'why') {
      for (const q of [...chosen]) {
        if (!causalBackReference.test(q.text) || leansOnPrevious(q.text)) continue;
        // Back as far as the sentences lean on each other ('Deze conclusie …' after the conclusion).
        for (let at = q.index - 1, steps = 0; steps < 3; at--, steps++) {
          const prev = unitsOf(q.passage).find((x) => x.index === at);
          const length = quotedLength();
          if (!prev || prev.heading || length + prev.text.length > 900) break;
          if (!chosen.includes(prev.c)) chosen.push(prev.c);
          if (!leansOnPrevious(prev.text)) break;
        }
      }
    }
    // The best sentence ends its chunk, and the next chunk goes on about it ('Het gaat daarbij om de
    // inkoop van Jeugdbescherming …'): quote that sentence too, from the chunk it stands in.
    if (!items.length && !best.namedRow && u.chunkAfter && unitsOf(best.passage).at(-1)?.c === best) {
      const r = passages[best.passage]!;
      const next = u.chunkAfter(r.chunk);
      // The next chunk may be among the retrieved passages already: then it is cited as that one.
      const at = next ? passages.findIndex((x) => x.chunk.id === next.id) : -1;
      const extra: RetrievedChunk | undefined = next && at < 0 ? { chunk: next, doc: r.doc, score: 0 } : undefined;
      const scored = extra ? scorePassageUnits(uq, extra, passages.length, u).find((x) => x.index === 0) : undefined;
      const first: Candidate | undefined = at >= 0 ? candidates.find((c) => c.passage === at && c.index === 0) : scored ? { ...scored, score: scored.base } : undefined;
      const length = quotedLength();
      if (first && !chosen.includes(first) && goesOnAbout(first.text) && length + first.text.length <= 900) {
        if (extra) passages.push(extra);
        chosen.push(first);
      }
    }
    // The best passage first, reading order within a passage.
    chosen.sort((a, b) => Number(b.passage === best.passage) - Number(a.passage === best.passage) || a.passage - b.passage || a.index - b.index);
    // A count or identity question whose asked-for thing (the bezoekers in "hoeveel bezoekers", the
    // alderman in "who is the alderman") the quoted sentences never mention is not answered by them.
    // A count or identity question is answered by a sentence that names the asked-for thing (the
    // bezoekers of "hoeveel bezoekers", the alderman of "who is the alderman") together with a
    // number or a name. When no quoted sentence does, or the documents never use the word, abstain.
    if (focusWords.length && !focus) return abstain('focus-unknown');
    // A name, code or number the question is about ('Gorinchem', 'versie 2.0') that the quoted
    // passages never mention, though the corpus knows it: they answer about something else.
    const termsByPassage = new Map<number, string[]>();
    const passageTerms = (p: number): string[] => {
      let terms = termsByPassage.get(p);
      if (!terms) termsByPassage.set(p, (terms = u.analyzeText(passageText(passages[p]!))));
      return terms;
    };
    // Do these words speak of every name the question asks about, each word of it by its most telling term?
    const aboutEveryName = (terms: Set<string>) =>
      query.groups.every((g) => !g.entity || !groupKnown(g, u) || (groupMatch(g, terms) >= expansionWeights.translation && everyNameWordMentioned(g, terms, u)));
    const citedTerms = new Set([...new Set(chosen.map((c) => c.passage))].flatMap(passageTerms));
    if (query.groups.some((g) => g.entity && groupKnown(g, u) && groupMatch(g, citedTerms) < expansionWeights.translation && !namePartMatched(g, citedTerms, u))) return abstain('name-not-cited');
    // A date question is answered by a sentence that carries a new date about the question's names
    // ('the council of Gorinchem'): a date about something else in the same passage answers nothing.
    // Likewise a count or identity question without a named focus ('which municipality objected …'):
    // some quoted sentence must carry a new number or name.
    if ((type === 'when' && asksForDate(question.text)) || (!focus && (type === 'howMany' || type === 'who'))) {
      const dated = chosen.some((c) => {
        if (c.cue < 0.5) return false;
        const r = passages[c.passage]!;
        // The names may come in the sentence before or go on in the one after ('… onder leiding van
        // Tamara van Ark. De commissie bekijkt de Hervormingsagenda …').
        const before = candidates.find((x) => x.passage === c.passage && x.index === c.index - 1)?.text ?? '';
        const after = candidates.find((x) => x.passage === c.passage && x.index === c.index + 1)?.text ?? '';
        return aboutEveryName(new Set(u.analyzeText(`${r.doc.title}\n${r.chunk.section}\n${r.chunk.context ?? ''}\n${before}\n${c.text}\n${after}`)));
      });
      if (!dated) return abstain('no-new-value');
    }
    // A question after a sum of money is not answered by sentences without one ('met concept
    // begroting' names a budget, not its size).
    if (asksForAmount(question.text) && !chosen.some((c) => hasAmount(c.text))) return abstain('no-amount');
    // 'What share of the spending goes to …' answered by sentences without a percentage or fraction.
    if (answersShare(question.text, chosen.map((c) => c.text)) === false) return abstain('no-share');
    // 'Wat is het IP-adres …' answered by a sentence about IP addresses that gives none.
    if (answersContactDetail(question.text, chosen.map((c) => c.text)) === false) return abstain('no-contact-detail');
    // 'Welke twee aanbieders …' answered by '… hebben twee aanbieders een klacht ingediend': the
    // sentence repeats the count the question gives and names none of them.
    if (repeatsAskedCount(question.text, chosen.map((c) => c.text))) return abstain('count-not-named');
    const sectionOf = (c: Candidate) => `${passages[c.passage]!.doc.id}\n${passages[c.passage]!.chunk.section}`;
    // When the quoted sentences lack what the question asks for, a sentence of the same section (of the
    // quoted sentences, or of the best one only) that has it and that the model finds at all likely is
    // quoted in their stead, with the sentences it leans on.
    const rescueFromSection = (has: (c: Candidate) => boolean, from: Candidate[] = chosen, ratio = focusRescueRatio): boolean => {
      const sections = new Set(from.map(sectionOf));
      const rescue = candidates.find((c) => c.score >= best.score * ratio && sections.has(sectionOf(c)) && has(c));
      if (!rescue) return false;
      best = rescue;
      chosen.splice(0, chosen.length, rescue, ...cohesiveNeighbours(unitsOf(rescue.passage), rescue.index).map((n) => n.c));
      chosen.sort((a, b) => a.index - b.index);
      return true;
    };
    // A why-question whose best passage gives no reason or purpose in the quoted sentences ('omdat', 'om … te',
    // 'heeft geleid tot', 'willen we'): the cue list grew until no right answer in the eval sets lacked
    // one, so the former soft signal (noReason, now always 0 for the confidence model) decides.
    // The rescue takes a full reason first ('… maakt dat de planning niet meer haalbaar is'), then any.
    if (type === 'why' && !chosen.some((c) => c.passage === best.passage && c.cue >= 0.5) && !rescueFromSection((c) => c.cue >= 1, [best]) && !rescueFromSection((c) => c.cue >= 0.5, [best])) return abstain('no-reason');
    // 'What is the submission deadline' answered by 'de brief van 28 januari 2025': a date, no limit.
    if (answersDeadline(question.text, chosen.map((c) => c.text)) === false) return abstain('no-deadline');
    // 'When does the AMvB come into force' answered by the date the bill was passed.
    if (answersEntryIntoForce(question.text, chosen.map((c) => c.text)) === false) return abstain('no-entry-into-force');
    // 'Hoe lang duurt de invoering' answered by 'In 2022 maken we een start': no length, no end.
    if (answersHowLong(question.text, chosen.map((c) => c.text)) === false) return abstain('no-duration');
    // 'Voor welke duur is de Centrumregeling 2024 aangegaan' answered by the term of the 2015 one. Only
    // for lengths of time: a date or a reason may well be dated by another year than the question's.
    if (asksForDuration(question.text) && speaksOfOtherYear(question.text, chosen.map((c) => c.text))) return abstain('other-year');
    // 'When does the centrumregeling of 2024 end' answered by the end of the one before it.
    if (endsBeforeAskedYear(question.text, chosen.map((c) => c.text))) return abstain('ends-before-year');
    // 'What does EHdK stand for' answered by sentences that use the abbreviation without spelling it out.
    if (spellsOutAsked(question.text, chosen.map((c) => c.text)) === false) return abstain('no-expansion');
    // Any other duration question without a length of time: a signal only, since 'voor welke periode'
    // is answered by months and years as often as by a length.
    if (asksForDuration(question.text) && !chosen.some((c) => c.cue >= 0.5)) flags.noDuration = 1;
    const namesOne = (c: Candidate) => newNames(c.text, question.text) > 0;
    if (asksForPerson(question.text) && !chosen.some((c) => hasPersonName(c.text, question.text))) {
      // A role only a person holds (an alderman, a project leader) is not answered without a name.
      if (asksForPersonOnly(question.text)) return abstain('no-person');
      // A chair may be a body, but then the sentence says who chairs ('onder voorzitterschap van de
      // gemeente Helmond'); a sentence that never speaks of the role answers nothing.
      if (!chosen.some((c) => mentionsRole(c.text))) return abstain('no-person');
      // …nor by one that speaks of the role and names nobody, person or body ('De voorzitter en de
      // andere leden worden door de Ministers benoemd').
      if (!chosen.some(namesOne)) return abstain('no-person');
      flags.noPerson = 1;
    }
    // 'Welk extern bureau …', 'which housing corporation …': a name is asked for, not the kind of body.
    // 'Van welke organisaties …' answered by sentences naming none: quote the one of the same section
    // that names them ('… voor de GI Jeugd Veilig Verder, BJ Brabant en de Combinatie Jeugdzorg'),
    // else abstain.
    let nameNotGiven = false;
    if (asksForOrganisationName(question.text) && !chosen.some(namesOne)) {
      // Only where the body noun is what 'welke' asks for ('welke (regionale) organisaties', 'which
      // youth care regions': English puts nouns before it), not a word further on ('welke zaken
      // erkennen gemeenten'): then it is a signal only.
      const bodyAsked = asksForOrganisationName(question.text, language === 'en' ? 2 : 1);
      if (!bodyAsked) flags.noName = 1;
      else if (!rescueFromSection((c) => namesOne(c) && c.features.coverOwn > 0, chosen, nameRescueRatio)) nameNotGiven = true;
    }
    if (asksForPlace(question.text) && !chosen.some((c) => hasPlace(c.text, question.text))) {
      // Where an event is held is a place or nothing; 'where did the initiative start' may be answered
      // by the people it came from, so other where-questions keep this a signal.
      if (asksForVenue(question.text)) return abstain('no-place');
      flags.noPlace = 1;
    }
    if (namesAskedBody(question.text, chosen.map((c) => c.text)) === false) return abstain('body-not-named');
    if (nameNotGiven) return abstain('name-not-given');
    // 'Welke gemeente is centrumgemeente …' answered by sentences that name no municipality at all:
    // quote one of the same section that does ('Gemeente Gorinchem zegt hierover: …'), else abstain.
    // Failing that, one of another passage about every name the question asks about ('Spoed voor
    // Jeugd … Deze samenwerking wordt getrokken door de gemeente Eindhoven'), not about a region
    // of a similar name.
    const namesMunicipality = (c: Candidate) => namesAskedMunicipality(question.text, [c.text]) === true;
    if (
      namesAskedMunicipality(question.text, chosen.map((c) => c.text)) === false &&
      !rescueFromSection(namesMunicipality) &&
      !rescueFromSection((c) => namesMunicipality(c) && aboutEveryName(new Set(passageTerms(c.passage))), candidates, nameRescueRatio)
    ) {
      return abstain('municipality-not-named');
    }
    if (focus && (type === 'howMany' || type === 'who')) {
      // The sentence before may name it ("Van de 42 jeugdhulpregio's … Daarvan hebben er 16 …").
      const answersFocus = (c: Candidate) => {
        const before = candidates.find((x) => x.passage === c.passage && x.index === c.index - 1)?.text ?? '';
        const r = passages[c.passage]!;
        const terms = new Set(u.analyzeText(`${r.chunk.section}\n${before}\n${c.text}`));
        // …and it must be about the names the question is about ('the alderman in Eindhoven' is not
        // answered by a sentence about the aldermen of other municipalities).
        // The names may have been introduced earlier in the passage or its section (other retrieved
        // passages of the same section of the same document).
        const section = passages.filter((x) => x.doc.id === r.doc.id && x.chunk.section === r.chunk.section).map((x) => x.chunk.text);
        const scope = new Set([...terms, ...u.analyzeText(`${r.doc.title}\n${r.chunk.context ?? ''}\n${section.join('\n')}`)]);
        const aboutNames = query.groups.every((g) => !g.entity || !groupKnown(g, u) || groupMatch(g, scope) >= expansionWeights.translation);
        // The counted thing as a word of its own or a compound's head: 'gemeenteraad' names a council,
        // not the gemeenten of 'how many municipalities'.
        const wordTerms = u.analyzeHeads ? new Set(u.analyzeHeads(`${r.chunk.section}\n${before}\n${c.text}`)) : terms;
        // Every number counting some other thing ('twaalf gemeenten … en de nieuwe jeugdzorgaanbieders'
        // for 'hoeveel jeugdzorgaanbieders'): the focus is named, but not counted.
        const counted = countedWords(c.text, question.text);
        const countsOther = counted.length > 0 && counted.every((w) => looksPlural(w) && !isFocus(w));
        return groupMatch(focus, wordTerms) >= expansionWeights.translation && c.cue >= 0.5 && aboutNames && !countsOther;
      };
      if (!chosen.some(answersFocus)) {
        // The count may stand further on in the same section, in a sentence that names the things
        // by another word ('De Waterweggemeenten zitten bij elkaar op 180.000 inwoners' after the
        // three names): quote that one instead, when the model finds it at all likely.
        if (!rescueFromSection(answersFocus)) return abstain('focus-not-answered');
      }
    }

    const numbers = new Map<number, number>();
    const citations: Citation[] = [];
    const cite = (c: Candidate, quote: string): number => {
      const existing = numbers.get(c.passage);
      if (existing) {
        const cit = citations[existing - 1]!;
        cit.quote = cit.quote ? `${cit.quote} ${quote}` : quote;
        return existing;
      }
      const r = passages[c.passage]!;
      const n = citations.length + 1;
      numbers.set(c.passage, n);
      citations.push({
        n,
        doc: r.doc.id,
        title: r.doc.title,
        date: r.doc.date,
        section: r.chunk.section,
        page: r.chunk.page,
        text: r.chunk.text,
        quote,
        source: r.doc.source,
        chunkId: r.chunk.id,
      });
      return n;
    };
    const body = chosen.map((c) => `${c.text} [${cite(c, c.text)}]`).join(' ');
    const text = reply('answer/answer', language, { answer: body });
    let note: string | undefined;
    if (older) {
      const doc = passages[older.passage]!.doc;
      const n = cite(older, older.text);
      note = reply('answer/older-differs', language, { title: doc.title, date: doc.date ?? '', quote: older.text, n });
    }
    // How much of the question the quoted passage covers as a whole, and whether the question's most
    // telling word (the rarest in the corpus) is missing from it: a near miss answers the rest.
    const chosenTerms = new Set(passageTerms(best.passage));
    const chosenCoverage = coverageOf(query, chosenTerms, u);
    let keyMissing = 0;
    let keyImportance = 0;
    for (const g of query.groups) {
      const imp = groupKnown(g, u) ? groupImportance(g, u) : 0;
      if (imp > keyImportance) {
        keyImportance = imp;
        keyMissing = groupMatch(g, chosenTerms) >= expansionWeights.translation ? 0 : 1;
      }
    }
    const runnerUp = candidates.find((c) => c.passage !== best.passage || c.index !== best.index);
    const signals: Record<ConfidenceFeatureName, number> = {
      bias: 1,
      unitScore: best.score,
      margin: best.score - (runnerUp?.score ?? 0),
      knownShare: evidence.knownShare,
      passageCoverage: evidence.bestCoverage,
      coverOwn: best.features.coverOwn,
      coverContext: best.features.coverContext,
      cue: best.cue,
      valueQuestion: type === 'when' || type === 'howMany' || type === 'who' || type === 'level' || type === 'definition' ? 1 : 0,
      missingEntities: best.features.missingEntities,
      groups: Math.log(1 + query.groups.length),
      english: language === 'en' ? 1 : 0,
      weakCoverage: evidence.reason === 'weak-coverage' ? 1 : 0,
      ...flags,
      chosenPassageCoverage: chosenCoverage.coverage,
      keyTermMissing: keyMissing,
    };
    return { answer: { text, abstained: false, language, citations, note, answerer: this.name }, signals };
  }

  /**
   * The items a list introduction announces: for a count ('drie mijlpalen') the item-shaped units
   * that name the counted thing, else the units right after the ':'. Where the passage ends before
   * the list does, the next chunk of the document supplies the rest (added to `passages` so that it
   * is cited). At most 6 items and about 600 characters.
   */
  private listItems(best: Candidate, intro: ListIntro, passages: RetrievedChunk[], same: Candidate[], uq: UnitQuestion, u: QueryUnderstanding): Candidate[] {
    const maxItems = Math.min(6, intro.count ?? 6);
    const after = same.filter((c) => c.index > best.index);
    const nextUnits = (): Candidate[] => {
      const r = passages[best.passage]!;
      const next = u.chunkAfter?.(r.chunk);
      if (!next) return [];
      const extra: RetrievedChunk = { chunk: next, doc: r.doc, score: 0 };
      const p = passages.length;
      return scorePassageUnits(uq, extra, p, u).map((x) => ({ ...x, score: x.base, passage: p, extra }));
    };
    const take = (pool: Candidate[], out: Candidate[], fits: (c: Candidate) => boolean, consecutive: boolean): boolean => {
      for (const c of pool) {
        if (out.length >= maxItems || out.reduce((s, x) => s + x.text.length, 0) + c.text.length > 600) return false;
        if (fits(c)) out.push(c);
        else if (consecutive) return false;
      }
      return true;
    };
    const commit = (out: Candidate[]): Candidate[] => {
      for (const c of out) {
        const extra = (c as Candidate & { extra?: RetrievedChunk }).extra;
        if (extra && passages[c.passage] !== extra) passages[c.passage] = extra;
      }
      return out;
    };
    if (intro.noun) {
      const nounTerms = new Set(u.analyzeText(intro.noun));
      const names = (c: Candidate) => looksLikeItem(c.text) && !c.text.trimEnd().endsWith(':') && u.analyzeText(c.text).some((t) => nounTerms.has(t));
      const out: Candidate[] = [];
      if (take(after, out, names, false) && out.length < maxItems) take(nextUnits(), out, names, false);
      if (out.length >= 2) return commit(out);
    }
    if (!intro.colon) return [];
    const out: Candidate[] = [];
    const ranToEnd = take(after, out, () => true, true);
    // The list goes on in the next chunk: its first units when the ':' ended the passage, else as
    // long as they look like items.
    if (ranToEnd && out.length < maxItems) {
      const fresh = !out.length;
      take(nextUnits(), out, (c) => fresh || looksLikeItem(c.text), !fresh);
    }
    return commit(out);
  }

  private abstention(language: Language, reason?: AbstainReason): Answer {
    return { text: reply('replies/abstain', language), abstained: true, language, citations: [], answerer: this.name, ...(reason ? { abstainReason: reason } : {}) };
  }
}

export type { QuestionType };
