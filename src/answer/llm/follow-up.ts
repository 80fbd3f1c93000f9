// Follow-up questions in a thread ("en voor Verblijf?", "what about that deadline?") are rewritten
// into a standalone question before retrieval. With a model the model rewrites; without one (or
// when it fails) a deterministic heuristic borrows the subject of the previous question.
import { silentLogger, type Logger } from '../../core/logger.js';
import { reply } from '../../core/prompts.js';
import type { ConversationTurn, Language } from '../../core/types.js';
import type { ChatModel } from '../../models/chat-model.js';
import { detectLanguage } from '../detect-language.js';

export interface RewriteOptions {
  /** Language of the follow-up; detected from its words when not given. */
  language?: Language;
  logger?: Logger;
  timeoutMs?: number;
  /** Turns of history sent to the model, most recent last. Default 6. */
  maxTurns?: number;
}

const stopwords = new Set(
  (
    'de het een en of van voor in op aan met bij over naar om tot uit door als dan dat die dit deze wat welk welke wie waar wanneer hoe waarom ' +
    'is zijn was waren wordt worden word werd geldt gelden heeft hebben had kan kun kunnen moet moeten mag zal zullen ik je jij u we wij ze zij hij er ' +
    'nog ook al wel niet geen meer mij me ons onze mijn jouw uw the a an and or of for in on at to with by about from as than that this these those ' +
    'what which who where when how why is are was were be been does do did has have had can could should must will would it its they them there i you we ' +
    'me my our your tell vertel graag please'
  ).split(/\s+/),
);

// Openings and words that only make sense with the previous question in mind.
const followUpOpeners = /^(?:en|maar|ook|and|but|also)\b|^(?:hoe zit het met|wat (?:is|geldt) er voor|wat dacht je van|what about|how about|and what about|same for|idem)\b/i;
const pronouns = /\b(?:die|dat|deze|dit|daar|daarvan|daarbij|daarvoor|hiervan|hierbij|ervan|het zelfde|hetzelfde|it|that|this|these|those|they|them|there|its)\b/i;


/** True when the question leans on the previous turn: short, opens with 'en'/'what about', or points back with a pronoun. */
export function looksLikeFollowUp(question: string): boolean {
  const q = question.trim();
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return followUpOpeners.test(q) || words.length <= 3 || (words.length <= 8 && pronouns.test(q));
}

function keyTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of text.match(/[\p{L}\p{N}][\p{L}\p{N}+&-]*/gu) ?? []) {
    if (stopwords.has(w.toLowerCase()) || w.length < 3) continue;
    if (!out.some((o) => o.toLowerCase() === w.toLowerCase())) out.push(w);
  }
  return out;
}

/** The deterministic rewrite used without a model. */
export function rewriteFollowUpHeuristic(question: string, history: ConversationTurn[]): string {
  const previous = [...history].reverse().find((t) => t.role === 'user' && t.text.trim() && t.text.trim() !== question.trim())?.text.trim();
  if (!previous || !looksLikeFollowUp(question)) return question;
  const q = question.trim().replace(/[?!.\s]+$/, '');
  // 'en voor Verblijf?' after 'Welk schaalniveau geldt voor JeugdzorgPlus?': swap the object of the same preposition.
  const swap = /^(?:en|and|maar|but|ook|also)\s+(voor|bij|in|op|over|van|met|for|at|in|on|about|of|with)\s+(.+)$/i.exec(q);
  if (swap) {
    const prep = swap[1]!.toLowerCase();
    const prev = previous.replace(/[?!.\s]+$/, '');
    const at = prev.toLowerCase().lastIndexOf(` ${prep} `);
    if (at >= 0) return `${prev.slice(0, at)} ${prep} ${swap[2]}?`;
  }
  const subject = q.replace(followUpOpeners, '').replace(/^\s*(?:voor|bij|met|over|for|with|about)\s+/i, '').trim();
  const borrowed = keyTerms(previous).filter((t) => !subject.toLowerCase().includes(t.toLowerCase()));
  return `${subject || q} (${borrowed.join(' ')})`.replace(/\s*\(\s*\)$/, '') + '?';
}

function cleanModelRewrite(text: string, question: string): string | null {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (!line) return null;
  const cleaned = line.replace(/^(?:zelfstandige vraag|standalone question|vraag|question)\s*:\s*/i, '').replace(/^["'“”]+|["'“”]+$/g, '').trim();
  // A rewrite that balloons is not a rewrite; keep retrieval on the user's words.
  if (!cleaned || cleaned.length > Math.max(300, question.length * 4)) return null;
  return cleaned;
}

/** A standalone version of `question` given the thread so far; the question itself when it needs no context. */
export async function rewriteFollowUp(question: string, history: ConversationTurn[] | undefined, model: ChatModel | null, options: RewriteOptions = {}): Promise<string> {
  const turns = (history ?? []).filter((t) => t.text.trim());
  if (!turns.some((t) => t.role === 'user')) return question;
  if (!model) return rewriteFollowUpHeuristic(question, turns);
  const language = options.language ?? detectLanguage(question);
  const logger = options.logger ?? silentLogger;
  const recent = turns.slice(-(options.maxTurns ?? 6));
  const speaker = (t: ConversationTurn) => (t.role === 'user' ? (language === 'en' ? 'User' : 'Gebruiker') : 'Wegwijzer');
  const historyText = recent.map((t) => `${speaker(t)}: ${t.text.replace(/\s+/g, ' ').slice(0, 600)}`).join('\n');
  try {
    const text = await model.complete(
      [
        { role: 'system', content: reply('llm/rewrite-system', language) },
        { role: 'user', content: reply('llm/rewrite-user', language, { history: historyText, question: question.replace(/\s+/g, ' ') }) },
      ],
      { timeoutMs: options.timeoutMs },
    );
    const rewritten = cleanModelRewrite(text, question);
    if (rewritten) return rewritten;
    logger.info('follow-up rewrite unusable, using heuristic', { length: text.length });
  } catch (error) {
    logger.warn('follow-up rewrite failed, using heuristic', { error: error instanceof Error ? error : String(error) });
  }
  return rewriteFollowUpHeuristic(question, turns);
}
