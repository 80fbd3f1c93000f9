// Builds the messages for a grounded answer. Passages go in as quoted data between delimiter lines
// that carry a per-request random code; passage text cannot forge a delimiter because '<<<' and
// '>>>' are neutralised inside it, and it cannot guess the code.
import { randomBytes } from 'node:crypto';
import { reply } from '../../core/prompts.js';
import type { Language, RetrievedChunk } from '../../core/types.js';
import type { ChatMessage } from '../../models/chat-model.js';
import type { SuppliedPassage } from './grounding.js';
import { redactInstructions } from './injection.js';

/** What the model replies when the passages do not answer; detected by the answerer. */
export const ABSTAIN_MARKER = 'NOT_IN_DOCUMENTS';

export interface PromptLimits {
  /** Passages sent to the model, best first. Default 6. */
  maxPassages?: number;
  /** Characters of one passage; longer ones are cut. Default 2500. */
  maxPassageChars?: number;
}

function quoteAsData(text: string): string {
  return text.replace(/<{3,}/g, '‹‹‹').replace(/>{3,}/g, '›››').replace(/\r\n/g, '\n').trim();
}

function oneLine(text: string): string {
  return quoteAsData(text).replace(/\s+/g, ' ');
}

export function buildAnswerMessages(
  question: string,
  language: Language,
  retrieved: RetrievedChunk[],
  limits: PromptLimits = {},
  nonce = randomBytes(6).toString('hex'),
): { messages: ChatMessage[]; supplied: SuppliedPassage[]; instructionsRemoved: number } {
  const maxChars = limits.maxPassageChars ?? 2500;
  const supplied = retrieved.slice(0, limits.maxPassages ?? 6).map((r, i) => ({ n: i + 1, retrieved: r }));
  const unknown = language === 'en' ? 'unknown' : 'onbekend';
  let instructionsRemoved = 0;
  const passages = supplied
    .map(({ n, retrieved: { chunk, doc } }) => {
      const redacted = redactInstructions(chunk.text, language);
      instructionsRemoved += redacted.found;
      const clean = redacted.text;
      const body = clean.length > maxChars ? `${clean.slice(0, maxChars)} …` : clean;
      const context = chunk.context ? `${oneLine(chunk.context)}\n` : '';
      return reply('llm/passage', language, {
        n,
        nonce,
        title: oneLine(doc.title),
        date: oneLine(doc.date ?? unknown),
        section: oneLine(chunk.section || unknown),
        page: chunk.page === null ? unknown : chunk.page,
        text: context + quoteAsData(body),
      });
    })
    .join('\n\n');
  const messages: ChatMessage[] = [
    { role: 'system', content: reply('llm/system', language, { abstainMarker: ABSTAIN_MARKER }) },
    { role: 'user', content: reply('llm/user', language, { count: supplied.length, nonce, passages, question: oneLine(question) }) },
  ];
  return { messages, supplied, instructionsRemoved };
}
