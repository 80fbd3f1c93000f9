// Plain-text rendering of a reply, for the terminal and as the text fallback of rich channel messages.
import type { AssistantReply } from './assistant.js';
import { loadPrompt } from './prompts.js';
import type { Citation } from './types.js';

/** "[1] Title · 2021-10 · 5.3.2 Het organiseren van aanbod · p. 12" */
export function formatCitationLine(c: Citation): string {
  const parts = [c.title, c.date, c.section || undefined, c.page != null ? `p. ${c.page}` : undefined].filter(Boolean);
  return `[${c.n}] ${parts.join(' · ')}`;
}

export function renderReplyAsText(r: AssistantReply, options: { quotes?: boolean } = {}): string {
  if (r.kind !== 'answer') return r.text;
  const { answer } = r;
  const lines = [answer.text];
  if (answer.note) lines.push('', answer.note);
  if (answer.citations.length) {
    lines.push('', `${loadPrompt(`replies/sources-heading.${r.language}.txt`)}:`);
    for (const c of answer.citations) {
      lines.push(formatCitationLine(c) + (c.source && /^https?:\/\//.test(c.source) ? ` · ${c.source}` : ''));
      if (options.quotes) lines.push(`    “${(c.quote ?? c.text).slice(0, 400)}${(c.quote ?? c.text).length > 400 ? '…' : ''}”`);
    }
  }
  return lines.join('\n');
}
