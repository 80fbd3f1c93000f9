// Turns stored feedback into a question set in the ../shared/eval format (JSON lines), so reviewers can
// add the facts and fold the questions users actually asked into the eval. Gold passages are the
// cited passages' key sentences; facts stay empty because only a person can say what a right answer
// must contain. Review fields (feedback_*) say why the question is in the set.
import type { FeedbackEntry } from './feedback-store.js';

export interface FeedbackEvalQuestion {
  id: string;
  question: string;
  lang: 'nl' | 'en';
  kind: 'fact' | 'unanswerable';
  doc?: string;
  gold: string[];
  facts: string[][];
  feedback_rating: 'up' | 'down';
  feedback_channel: string;
  feedback_at: string;
  feedback_answer: string;
  feedback_comment?: string;
  /** 'confirmed' when the user liked a cited answer; 'needed' otherwise. */
  review: 'confirmed' | 'needed';
}

/** A short passage that occurs verbatim in the chunk: the quote when known, else its first sentence. */
function goldPassage(text: string, quote?: string): string {
  const base = (quote ?? text).replace(/\s+/g, ' ').trim();
  const sentence = base.split(/(?<=[.!?])\s/)[0] ?? base;
  return sentence.length > 160 ? sentence.slice(0, 160).replace(/\s\S*$/, '') : sentence;
}

export function feedbackToEvalSet(entries: FeedbackEntry[]): FeedbackEvalQuestion[] {
  return entries.map((e, i) => {
    const a = e.answer;
    // A liked abstention means the documents really do not answer; anything else is a fact question
    // whose gold the reviewer confirms (👍) or must find (👎).
    const kind = a.abstained && e.rating === 'up' ? 'unanswerable' : 'fact';
    const gold = kind === 'fact' && e.rating === 'up' ? [...new Set(a.sources.map((s) => goldPassage(s.text, s.quote)).filter(Boolean))] : [];
    return {
      id: `feedback-${String(i + 1).padStart(3, '0')}-${a.id.slice(0, 8)}`,
      question: a.question,
      lang: a.language,
      kind,
      doc: kind === 'fact' && a.sources[0] ? a.sources[0].doc : undefined,
      gold,
      facts: [],
      feedback_rating: e.rating,
      feedback_channel: a.channel,
      feedback_at: e.createdAt,
      feedback_answer: a.answerText,
      feedback_comment: e.comment,
      review: e.rating === 'up' && (kind === 'unanswerable' || gold.length > 0) ? 'confirmed' : 'needed',
    };
  });
}

export function toJsonLines(rows: object[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}
