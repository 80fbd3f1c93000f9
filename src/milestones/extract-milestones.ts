// Finds dated commitments in the documents and turns them into *proposed* milestones with a citation.
// Proposed milestones are never reminded until a lead confirms them, so a wrong guess costs a click,
// not a spammed channel. The rules, in order:
//  1. Only dates with at least a month ('1 juli 2019', 'oktober 2021', 'medio 2019', 'eind april',
//     'Q3 2020', 'najaar'): bare years are budget years, periods and law citations.
//  2. Not before the document's own date: "Per 1 januari 2018 wordt gewerkt" in a 2019 newsletter
//     is history, not a commitment.
//  3. Not in a sentence told in the past ("is ... opgesteld", "heeft ... plaatsgevonden") unless it
//     also carries a forward-looking word (zal, dient, moet, uiterlijk, deadline, zodat ...).
//  4. Not a citation ("wet van 1 maart 2014", "Stb.", "kenmerk", "uw brief van"), not a start
//     ("vanaf", "sinds"), not a restatement of a deadline named before ("de deadline van 1 juli").
//  5. Something must make it a plan: a preposition right before the date (op, voor, uiterlijk, per,
//     in, rond, tot) or a forward-looking word in the sentence. A bare letterhead date is neither.
//  "Wat / Wanneer" timeline tables are read row by row: the row's text is the title, its date the due.
import { createHash } from 'node:crypto';
import type { Chunk, DocumentMeta, IndexedCorpus } from '../core/types.js';
import { findDates, type DateMention } from './dutch-dates.js';
import type { Milestone } from './milestone.js';

export interface ExtractedMilestone {
  id: string;
  title: string;
  due: Milestone['due'];
  source: Extract<Milestone['source'], { kind: 'document' }>;
  /** Why it was taken: 'table' (Wat/Wanneer row) or 'sentence'. */
  via: 'table' | 'sentence';
}

const FORWARD = /\b(zal|zullen|gaat|gaan|moet|moeten|dient|dienen|wil|willen|uiterlijk|deadline|gepland|planning|voorzien|streven|streeft|organiseren|organiseert|besluiten|besluit|vaststelling|vast te stellen|vaststellen|klaar|gereed|zodat|te zijn|wordt|worden|ligt|liggen|plaatsvinden|vindt|verwacht|beoogd|mijlpaal|stellen)\b/i;
/** Forward-looking enough to outweigh a past tense ("de deadline is op 1 juli gesteld"). */
const STRONG_FORWARD = /\b(zal|zullen|moet|moeten|dient|dienen|uiterlijk|deadline|zodat|gepland|voorzien|streefdatum)\b/i;
const PAST_AUX = /\b(is|zijn|was|waren|werd|werden|heeft|hebben|had|hadden)\b/i;
/** Told in the past without a participle: "besloot in april 2018", "heeft op 28 augustus laten weten". */
const PAST_SIMPLE = /\b(besloot|besloten|werd|werden|was|waren|kwam|kwamen|gaf|gaven|nam|namen|heeft|hebben|had|hadden|stelde|stelden|meldde|meldden|startte|startten|vond|vonden)\b/i;
const LEAD_LABEL = /^(Resultaat|Planning|Proces|Aanleiding|Risico|Doel|Toelichting|Samenvatting|Vervolg|Besluit)\s*:?\s+(?=\p{Lu})/u;
const PARTICIPLE = /\b(ge[a-zà-ÿ]{1,}(?:d|t|en|aan)|[a-z]*(?:op|vast|uit|aan|in|af|door|voor|over|toe|mee|weg|terug)ge[a-zà-ÿ]{1,}(?:d|t|en|aan)|opgesteld|opgeleverd|vastgesteld|uitgevoerd|besloten|verschenen|plaatsgevonden|aangenomen)\b/i;
const CITATION_BEFORE = /(\bwet|\bstb\.?|staatsblad|staatscourant|kenmerk|d\.d\.|brief van|besluit van|uw brief|verzonden|datum)\s*(van\s*)?(de\s*)?$/i;
const START_BEFORE = /\b(vanaf|sinds|sedert|na|met ingang van|ingaande)\s+(\p{L}+\s*[-–]\s*)?$/iu;
/** 'de brief van 5 maart 2014', 'het besluit van de Staatssecretaris van 28 maart 2014': a dated reference. */
const REFERENCE_BEFORE = /\bvan\s*$/i;
const RESTATEMENT_BEFORE = /\b(deadline|datum|termijn|streefdatum)\s+van\s*$/i;
const PREPOSITION_BEFORE = /\b(op|voor|v[oó]{2}r|uiterlijk|per|in|rond|tot|tegen|eind|medio|begin|deadline)\s*(per\s*)?$/i;
const TABLE_HEADER = /\bWat\s*\|?\s*Wanneer\b/i;

function splitSentences(text: string): string[] {
  return text
    .replace(/-\n(?=\p{Ll})/gu, '') // hyphenation at a line break
    .replace(/\s*\n\s*/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9•(“"])/)
    .map((s) => s.replace(/\s+/g, ' ').trim().replace(LEAD_LABEL, ''))
    .filter(Boolean);
}

/** The earliest due day a document can still promise: its own date, or the start of its month/year. */
function notBeforeDay(date: string | undefined): string | undefined {
  const m = date?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : undefined;
}

function shorten(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim().replace(/[.;:]$/, '');
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '') + '…';
}

function idFor(docId: string, date: string, quote: string): string {
  return 'd' + createHash('sha256').update(`${docId}\u0000${date}\u0000${quote}`).digest('hex').slice(0, 6);
}

function isPast(sentence: string): boolean {
  if (STRONG_FORWARD.test(sentence)) return false;
  return (PAST_AUX.test(sentence) && PARTICIPLE.test(sentence)) || PAST_SIMPLE.test(sentence);
}

/** The clause of a sentence that holds position `index`. */
function clauseOf(sentence: string, index: number): string {
  const parts = sentence.split(/(?<=[,;:])\s+|\s+(?=(?:zodat|waarna|om vervolgens|terwijl|omdat|maar)\b)/);
  let offset = 0;
  for (const p of parts) {
    const start = sentence.indexOf(p, offset);
    if (index >= start && index < start + p.length) return p;
    offset = start + p.length;
  }
  return sentence;
}

/** A readable title: the clause that holds the date, without a leading label or conjunction. */
function titleFor(sentence: string, mentionIndex: number): string {
  let clause = clauseOf(sentence, mentionIndex);
  if (clause.length < 30 || sentence.length <= 180) clause = sentence;
  clause = clause.replace(/^(zodat|waarna|om vervolgens|en|maar)\s+/i, '').replace(/[,;:]$/, '');
  return shorten(clause.charAt(0).toUpperCase() + clause.slice(1));
}

/**
 * Rows of a 'Wat / Wanneer' table in a chunk: [title, mention, row text]. Works whether rows are one
 * a line, one cell a line, or flattened into one line: each date closes a row, and the text since the
 * previous date is that row's 'Wat'.
 */
function tableRows(chunk: Chunk, reference: string | undefined): [string, DateMention, string][] {
  const text = chunk.text;
  const header = TABLE_HEADER.exec(text);
  const inContext = !header && (TABLE_HEADER.test(chunk.context ?? '') || TABLE_HEADER.test(chunk.section));
  if (!header && !inContext) return [];
  const body = (header ? text.slice(header.index + header[0].length) : text).replace(/\s*\|\s*/g, ' ').replace(/\s+/g, ' ').trim();
  const rows: [string, DateMention, string][] = [];
  let from = 0;
  for (const mention of findDates(body, reference)) {
    const rowText = body.slice(from, mention.index + mention.length).trim();
    const title = body
      .slice(from, mention.index)
      .replace(/\b(uiterlijk|voor|op|per|in|rond)\s*$/i, '')
      .trim();
    from = mention.index + mention.length;
    // A long 'title' is running text, not a table cell; leave it to the sentence rules.
    if (title.length < 3 || title.length > 160 || /[.!?]/.test(title)) continue;
    rows.push([title, mention, rowText]);
  }
  return rows;
}

export interface ExtractOptions {
  /**
   * Document types (catalog 'type') to skip: laws, regulations and forms are full of dates in force
   * and legal terms, not the region's commitments. Default: wet, amvb, regeling, formulier, voorwaarden.
   */
  skipTypes?: string[];
}

export function extractMilestonesFromChunk(chunk: Chunk, doc: DocumentMeta): ExtractedMilestone[] {
  const reference = doc.date;
  const notBefore = notBeforeDay(reference);
  const out: ExtractedMilestone[] = [];
  const source = (quote: string): ExtractedMilestone['source'] => ({ kind: 'document', doc: doc.id, title: doc.title, section: chunk.section, page: chunk.page, quote });
  const tooEarly = (m: DateMention) => notBefore !== undefined && m.date < notBefore;

  const rows = tableRows(chunk, reference);
  const rowQuotes = new Set<string>();
  for (const [title, mention, quote] of rows) {
    if (tooEarly(mention)) continue;
    rowQuotes.add(quote);
    out.push({ id: idFor(doc.id, mention.date, quote), title: shorten(title), due: { date: mention.date, precision: mention.precision, text: mention.text }, source: source(quote), via: 'table' });
  }

  for (const sentence of splitSentences(rows.length ? chunk.text.replace(TABLE_HEADER, '\n') : chunk.text)) {
    if ([...rowQuotes].some((q) => sentence.includes(q))) continue;
    const mentions = findDates(sentence, reference);
    if (!mentions.length) continue;
    const forward = FORWARD.test(sentence);
    for (const m of mentions) {
      // Tense is judged on the clause holding the date: "..., zodat uiterlijk per 1 januari 2020 ...".
      const clause = clauseOf(sentence, m.index);
      if (isPast(clause.length < 40 ? sentence : clause)) continue;
      const before = sentence.slice(Math.max(0, m.index - 40), m.index);
      if (tooEarly(m)) continue;
      if (!m.explicitYear && !reference) continue;
      // A yearless date that only fits next year ('28 juni' in a December memo) is more often last June.
      if (!m.explicitYear && reference && m.date.slice(0, 4) > reference.slice(0, 4) && !STRONG_FORWARD.test(sentence)) continue;
      if (CITATION_BEFORE.test(before) || START_BEFORE.test(before) || RESTATEMENT_BEFORE.test(before)) continue;
      if (m.precision === 'day' && REFERENCE_BEFORE.test(before)) continue;
      if (!forward && !PREPOSITION_BEFORE.test(before)) continue;
      // Range starts ('juli-augustus 2019'): the date right after a dash belongs to a span.
      if (/[-–]\s*$/.test(before)) continue;
      out.push({ id: idFor(doc.id, m.date, sentence), title: titleFor(sentence, m.index), due: { date: m.date, precision: m.precision, text: m.text }, source: source(sentence), via: 'sentence' });
    }
  }
  return out;
}

/**
 * Proposed milestones for a whole corpus, oldest due first. One per (document, due day, phrase,
 * section): the same date written the same way further on in a section is the same commitment.
 */
export function extractMilestones(corpus: Pick<IndexedCorpus, 'documents' | 'chunks'>, options: ExtractOptions = {}): ExtractedMilestone[] {
  const skip = new Set(options.skipTypes ?? ['wet', 'amvb', 'regeling', 'formulier', 'voorwaarden']);
  const docs = new Map(corpus.documents.map((d) => [d.id, d]));
  const seen = new Set<string>();
  const out: ExtractedMilestone[] = [];
  for (const chunk of [...corpus.chunks].sort((a, b) => a.docId.localeCompare(b.docId) || a.ordinal - b.ordinal)) {
    const doc = docs.get(chunk.docId);
    if (!doc || (doc.type && skip.has(doc.type)) || /wetten\.overheid\.nl/i.test(doc.source ?? '')) continue;
    for (const e of extractMilestonesFromChunk(chunk, doc)) {
      // A yearless repeat ('voorzien op 20 december') refers back to a date given in full before.
      const yearless = !/(19|20)\d{2}/.test(e.due.text);
      const key = yearless ? `${doc.id}\u0000${e.due.date}` : `${doc.id}\u0000${e.due.date}\u0000${e.due.text.toLowerCase()}\u0000${e.source.section}`;
      if (!yearless) seen.add(`${doc.id}\u0000${e.due.date}`);
      if (seen.has(key)) continue;
      // The same plan told twice ('In februari 2021 zal ...' and later 'Zoals hierboven aangegeven zal in februari 2021 ...').
      if (out.some((o) => o.source.doc === e.source.doc && o.due.date === e.due.date && overlap(o.source.quote, e.source.quote) >= 0.6)) continue;
      seen.add(key);
      out.push(e);
    }
  }
  return out.sort((a, b) => a.due.date.localeCompare(b.due.date) || a.id.localeCompare(b.id));
}

function overlap(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));
  const wa = words(a);
  const wb = words(b);
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared / Math.max(1, Math.min(wa.size, wb.size));
}

/** As stored: proposed, open, no channels yet (a lead subscribes a channel when confirming). */
export function toProposedMilestone(e: ExtractedMilestone, now: string): Milestone {
  return { id: e.id, title: e.title, due: e.due, channels: [], status: 'open', state: 'proposed', source: e.source, language: 'nl', created: now, updated: now };
}
