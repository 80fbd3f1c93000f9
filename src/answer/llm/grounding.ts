// The grounding check: nothing a model wrote is shown until every sentence is tied to a supplied
// passage that carries its facts. Sentences that fail are dropped; links and images that the cited
// passages do not contain are removed; citations are renumbered 1..k for the passages actually cited.
import type { GroundingDrop, GroundingReport, RetrievedChunk } from '../../core/types.js';
import { redactInstructions } from './injection.js';
import { buildEvidence, extractFacts, hasFacts, normalizeText, unsupportedFacts, type Evidence } from './fact-check.js';

export interface SuppliedPassage {
  /** The number the model saw, 1-based. */
  n: number;
  retrieved: RetrievedChunk;
}

export interface GroundingOptions {
  /** Text the user typed: a name the user used may be repeated without a passage carrying it. */
  question?: string;
  /** Fall back when more than this share of the checked sentences was dropped. Default 0.5. */
  maxDroppedShare?: number;
  /** Language of the reply; English replies may title-case translated common nouns. */
  language?: 'nl' | 'en';
}

export interface GroundedSentence {
  /** Sentence with citation markers renumbered to the shown numbering. */
  text: string;
  /** Original passage numbers cited. */
  cites: number[];
  line: number;
}

export interface GroundingResult {
  /** The text to show, with [k] markers numbered by first appearance; empty when nothing survived. */
  text: string;
  /** Passages cited by the shown text, in shown order: cited[k-1] is shown as [k]. */
  cited: SuppliedPassage[];
  /** Per passage, the shown sentences that cite it (for choosing a quote). */
  sentencesFor: Map<number, string[]>;
  report: GroundingReport;
  /** Set when the reply must not be shown: the caller falls back. */
  fallbackReason?: 'no-citations' | 'no-grounded-sentence' | 'mostly-ungrounded' | 'empty-reply';
}

const citationRe = /\[\s*(?:(?:passage|passages|passages?|bron|bronnen|source|sources|doc)\s*)?(\d+(?:\s*(?:[,;–-]|and|en)\s*\d+)*)\s*\]/gi;

/** Passage numbers in one marker body: '1, 3' → [1, 3]; '2-4' → [2, 3, 4]. */
function parseMarker(body: string): number[] {
  const out: number[] = [];
  for (const part of body.split(/\s*(?:[,;]|and|en)\s*/i)) {
    const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(part);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      for (let i = a; i <= b && i - a < 20; i++) out.push(i);
    } else if (/^\d+$/.test(part)) out.push(Number(part));
  }
  return out;
}

export function citationsIn(sentence: string): number[] {
  const out: number[] = [];
  for (const m of sentence.matchAll(citationRe)) for (const n of parseMarker(m[1]!)) if (!out.includes(n)) out.push(n);
  return out;
}

export function stripCitations(sentence: string): string {
  return sentence.replace(citationRe, ' ').replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}

// Abbreviations after which a full stop does not end a sentence.
const abbreviations = /(?:^|[\s(])(?:o\.a|e\.v|e\.a|bijv|bv|d\.w\.z|m\.b\.t|i\.v\.m|t\.a\.v|e\.d|e\.g|i\.e|etc|nr|art|ca|incl|excl|vs|resp|blz|p|pp|dhr|mevr|mr|mrs|dr|prof|jl|zgn|ivm|mbt|tav|min|max|St|Jr)\.$/i;

/** Split one line into sentences; a citation that follows the full stop ('... 2019. [2]') stays with its sentence. */
export function splitSentences(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  // Markers right after the full stop ('2019. [2] Dit ...') are taken into the sentence they close.
  const re = /[.!?]+(?:\s*\[[^\]\n]*\])*(?=\s+["'“(\[]?[\p{Lu}\d[])/gu;
  for (const m of line.matchAll(re)) {
    const end = m.index! + m[0].length;
    const candidate = line.slice(start, end);
    // 'J. Jansen', 'o.a.' and list letters ('d. Het ...') do not end a sentence.
    const bare = stripCitations(candidate);
    if (abbreviations.test(bare) || /(?:^|\s)\p{L}\.$/u.test(bare)) continue;
    parts.push(candidate.trim());
    start = end;
  }
  parts.push(line.slice(start).trim());
  const merged: string[] = [];
  for (const p of parts.filter(Boolean)) {
    // A fragment of only citation markers belongs to the sentence before it.
    if (merged.length && stripCitations(p).replace(/[.\s]/g, '') === '') merged[merged.length - 1] += ` ${p}`;
    else merged.push(p);
  }
  return merged;
}

const urlRe = /\bhttps?:\/\/[^\s<>()\[\]"'`]+[^\s<>()\[\]"'`.,;:!?]/gi;
const wwwRe = /\bwww\.[^\s<>()\[\]"'`]+[^\s<>()\[\]"'`.,;:!?]/gi;

function canonicalUrl(u: string): string {
  return u.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
}

/**
 * Remove images, links and bare URLs not present in the allowed texts. A markdown or Slack link to
 * an allowed URL stays; a disallowed one is reduced to its label; a disallowed image disappears.
 */
export function sanitizeLinks(sentence: string, allowedSources: string[]): { text: string; removed: number } {
  const allowed = new Set<string>();
  for (const s of allowedSources) for (const m of s.matchAll(new RegExp(`${urlRe.source}|${wwwRe.source}`, 'gi'))) allowed.add(canonicalUrl(m[0]));
  const ok = (u: string) => allowed.has(canonicalUrl(u));
  let removed = 0;
  let text = sentence
    // Markdown images: never keep one the passages do not contain.
    .replace(/!\[([^\]]*)\]\(\s*([^)\s]+)[^)]*\)/g, (whole, _alt: string, url: string) => (ok(url) ? whole : (removed++, '')))
    // HTML images and anchors.
    .replace(/<img\b[^>]*>/gi, (whole) => {
      const src = /src\s*=\s*["']?([^"'\s>]+)/i.exec(whole)?.[1] ?? '';
      return ok(src) ? whole : (removed++, '');
    })
    .replace(/<a\b[^>]*href\s*=\s*["']?([^"'\s>]+)[^>]*>(.*?)<\/a>/gi, (whole, url: string, label: string) => (ok(url) ? whole : (removed++, label)))
    // Markdown links and Slack mrkdwn links.
    .replace(/\[([^\]]+)\]\(\s*([^)\s]+)[^)]*\)/g, (whole, label: string, url: string) => (ok(url) ? whole : (removed++, label)))
    .replace(/<((?:https?:\/\/|www\.)[^|>\s]+)\|([^>]*)>/gi, (whole, url: string, label: string) => (ok(url) ? whole : (removed++, label)))
    .replace(/<((?:https?:\/\/|www\.)[^>\s]+)>/gi, (whole, url: string) => (ok(url) ? whole : (removed++, '')));
  // Bare URLs, outside anything kept above.
  text = text.replace(new RegExp(`(\\]\\(\\s*|<|href=["']?)?(${urlRe.source}|${wwwRe.source})`, 'gi'), (whole, prefix: string | undefined, url: string) => {
    if (prefix || ok(url)) return whole;
    removed++;
    return '';
  });
  if (removed) text = text.replace(/\(\s*\)/g, '').replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
  return { text, removed };
}

function evidenceText(p: SuppliedPassage): string {
  const { chunk, doc } = p.retrieved;
  return [doc.title, doc.date ?? '', chunk.section, chunk.context ?? '', chunk.page === null ? '' : `p. ${chunk.page}`, redactInstructions(chunk.text).text].join('\n');
}

/** A framing line ('Volgens de documenten geldt:') states nothing checkable and needs no citation. */
function isFraming(sentence: string): boolean {
  const plain = stripCitations(sentence);
  return /:\s*$/.test(plain) && plain.split(/\s+/).length <= 15 && !hasFacts(plain.replace(/^\p{Lu}/u, (c) => c.toLowerCase()));
}

function normalizeMarkers(sentence: string, renumber: (n: number) => number): string {
  return sentence.replace(citationRe, (_, body: string) => parseMarker(body).map((n) => `[${renumber(n)}]`).join(''));
}

/** Check a model reply against the passages it was given. Pure: no model, no I/O. */
export function checkGrounding(reply: string, passages: SuppliedPassage[], options: GroundingOptions = {}): GroundingResult {
  const byN = new Map(passages.map((p) => [p.n, p]));
  const evidence = new Map<number, Evidence>();
  const evidenceOf = (n: number) => {
    let e = evidence.get(n);
    if (!e) evidence.set(n, (e = buildEvidence(evidenceText(byN.get(n)!))));
    return e;
  };
  const dropped: GroundingDrop[] = [];
  let linksRemoved = 0;
  let anyCitation = false;
  const kept: { line: number; sentence: string; cites: number[]; checkedAgainst: number[]; framing: boolean }[] = [];

  const lines = reply.replace(/\r\n/g, '\n').split('\n');
  lines.forEach((rawLine, lineNo) => {
    // Keep list bullets and headings as layout, check the words after them.
    const bullet = /^(\s*(?:[-*•]|\d+[.)])\s+|\s*#{1,6}\s+)/.exec(rawLine)?.[0] ?? '';
    const line = rawLine.slice(bullet.length).trim();
    if (!line) return;
    const sentences = splitSentences(line);
    const own = sentences.map(citationsIn);
    sentences.forEach((sentence, idx) => {
      const cites = own[idx]!;
      if (cites.length) anyCitation = true;
      const unsupplied = cites.filter((n) => !byN.has(n));
      if (unsupplied.length) {
        dropped.push({ reason: 'unsupplied-citation', sentence, detail: unsupplied.map((n) => `[${n}]`).join(' ') });
        return;
      }
      // 'Zin A. Zin B [1].': a citation closing a run of sentences in one paragraph covers the run,
      // and every sentence of the run is checked against that passage like a cited one.
      const next = own.slice(idx + 1).find((c) => c.length > 0) ?? [];
      const inherited = !cites.length && next.every((n) => byN.has(n)) ? next : [];
      const effective = cites.length ? cites : inherited;
      const allowedSources = effective.flatMap((n) => {
        const r = byN.get(n)!.retrieved;
        // A link inside an instruction-like sentence of a document is never vouched for.
        return [redactInstructions(r.chunk.text).text, r.doc.source ?? ''];
      });
      const links = sanitizeLinks(sentence, allowedSources);
      linksRemoved += links.removed;
      const text = links.text;
      const plain = stripCitations(text);
      if (!plain.replace(/[\s.,;:!?*_`-]/g, '')) {
        if (links.removed) dropped.push({ reason: 'unsupported-link', sentence });
        return;
      }
      // Once a link is gone, a sentence that stated nothing else only pointed at it ('Meld je aan via [3].').
      if (links.removed && !hasFacts(plain.replace(/^\p{Lu}/u, (c) => c.toLowerCase()))) {
        dropped.push({ reason: 'unsupported-link', sentence });
        return;
      }
      if (!cites.length && (isFraming(text) || !effective.length)) {
        if (isFraming(text)) kept.push({ line: lineNo, sentence: (idx === 0 ? bullet : '') + text, cites, checkedAgainst: [], framing: true });
        else dropped.push({ reason: 'no-citation', sentence });
        return;
      }
      const missing = unsupportedFacts(plain, effective.map(evidenceOf), options.question, options.language);
      if (missing.length) {
        dropped.push({ reason: 'unsupported-fact', sentence, detail: missing.join(', ') });
        return;
      }
      kept.push({ line: lineNo, sentence: (idx === 0 ? bullet : '') + text, cites, checkedAgainst: effective, framing: false });
    });
  });

  // A framing line with nothing grounded after it introduces nothing.
  const lastCited = kept.reduce((acc, k, i) => (k.framing ? acc : i), -1);
  const shown = kept.filter((k, i) => !k.framing || i < lastCited);

  const order: number[] = [];
  for (const k of shown) for (const n of k.cites) if (!order.includes(n)) order.push(n);
  const renumber = (n: number) => order.indexOf(n) + 1;
  const sentencesFor = new Map<number, string[]>();
  const outLines: string[] = [];
  let prevLine = -1;
  for (const k of shown) {
    const text = normalizeMarkers(k.sentence, renumber);
    for (const n of k.checkedAgainst) sentencesFor.set(n, [...(sentencesFor.get(n) ?? []), stripCitations(text)]);
    if (k.line === prevLine) outLines[outLines.length - 1] += ` ${text}`;
    else {
      // Keep paragraph breaks (a list after an introduction needs one in Markdown).
      if (prevLine >= 0 && lines.slice(prevLine + 1, k.line).some((l) => !l.trim())) outLines.push('');
      outLines.push(text);
    }
    prevLine = k.line;
  }

  const keptCited = shown.filter((k) => !k.framing).length;
  const checked = keptCited + dropped.length;
  const report: GroundingReport = {
    sentencesKept: keptCited,
    sentencesDropped: dropped.length,
    dropped,
    linksRemoved,
    changed: dropped.length > 0 || linksRemoved > 0,
  };
  let fallbackReason: GroundingResult['fallbackReason'];
  if (!reply.trim()) fallbackReason = 'empty-reply';
  else if (!anyCitation) fallbackReason = 'no-citations';
  else if (keptCited === 0) fallbackReason = 'no-grounded-sentence';
  else if (dropped.length / checked > (options.maxDroppedShare ?? 0.5)) fallbackReason = 'mostly-ungrounded';
  if (fallbackReason) report.fallbackReason = fallbackReason;

  return {
    text: fallbackReason ? '' : outLines.join('\n').trim(),
    cited: fallbackReason ? [] : order.map((n) => byN.get(n)!),
    sentencesFor,
    report,
    fallbackReason,
  };
}

/** The sentence of a passage that shares most words with what the answer says about it. */
export function bestQuote(passageText: string, answerSentences: string[]): string | undefined {
  const words = new Set(answerSentences.flatMap((s) => normalizeText(s).split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 3));
  let best: { s: string; score: number } | undefined;
  for (const s of passageText.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+/)) {
    const ws = normalizeText(s).split(/[^\p{L}\p{N}]+/u);
    const facts = extractFacts(s);
    const score = ws.filter((w) => words.has(w)).length + facts.dates.length * 0.1;
    if (score > 0 && (!best || score > best.score)) best = { s: s.trim(), score };
  }
  return best?.s;
}
