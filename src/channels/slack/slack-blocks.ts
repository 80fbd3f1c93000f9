// Block Kit rendering of Assistant replies: the answer, the sources as a compact numbered list
// (`[1] title · date · section · p. 12`, linked where the document has a URL), and 👍/👎 buttons.
import type { types as SlackTypes } from '@slack/bolt';
import type { AssistantReply } from '../../core/assistant.js';
import { loadPrompt, reply as template } from '../../core/prompts.js';
import { renderReplyAsText } from '../../core/render-text.js';
import type { Citation, Language } from '../../core/types.js';
import { defangUrls, stripControlChars } from '../../server/safe-text.js';

export const feedbackActionIds = { up: 'wegwijzer_feedback_up', down: 'wegwijzer_feedback_down' } as const;
export const feedbackActionPattern = /^wegwijzer_feedback_(up|down)$/;

// Slack's limits: 3000 characters per section text, 50 blocks per message, 40000 for text.
const sectionLimit = 2900;

type KnownBlock = SlackTypes.KnownBlock;

/**
 * Slack mrkdwn needs only &, < and > escaped: then `<!channel>`, `<@U123>` and `<https://x|label>`
 * from a question or a document are shown as typed instead of becoming a broadcast, mention or link.
 * Control characters are dropped.
 */
export function escapeMrkdwn(s: string): string {
  return stripControlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Untrusted text for mrkdwn: escaped, and bare URLs other than the cited sources' not clickable. */
export function safeMrkdwn(s: string, sourceUrls: Iterable<string> = []): string {
  return escapeMrkdwn(defangUrls(s, sourceUrls));
}

function isUrl(s: string | undefined): s is string {
  return Boolean(s && /^https?:\/\/[^\s<>|]+$/.test(s));
}

export function citationMrkdwn(c: Citation): string {
  const title = isUrl(c.source) ? `<${c.source}|${escapeMrkdwn(c.title).replace(/\|/g, '¦')}>` : escapeMrkdwn(c.title);
  const parts = [title, c.date && escapeMrkdwn(c.date), c.section && escapeMrkdwn(c.section), c.page != null ? `p. ${c.page}` : undefined].filter(Boolean);
  return `[${c.n}] ${parts.join(' · ')}`;
}

/** Split long text on paragraph or line boundaries into pieces Slack accepts. */
export function chunkText(text: string, limit = sectionLimit): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit);
    if (cut < limit / 2) cut = limit;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest) out.push(rest);
  return out;
}

function textSections(text: string, sourceUrls: string[] = []): KnownBlock[] {
  return chunkText(safeMrkdwn(text, sourceUrls)).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } }));
}

export function feedbackBlock(answerId: string, language: Language): KnownBlock[] {
  return [
    { type: 'context', elements: [{ type: 'mrkdwn', text: loadPrompt(`channels/feedback-question.${language}.txt`) }] },
    {
      type: 'actions',
      block_id: 'wegwijzer_feedback',
      elements: [
        { type: 'button', action_id: feedbackActionIds.up, value: answerId, text: { type: 'plain_text', text: loadPrompt(`channels/feedback-up.${language}.txt`), emoji: true } },
        { type: 'button', action_id: feedbackActionIds.down, value: answerId, text: { type: 'plain_text', text: loadPrompt(`channels/feedback-down.${language}.txt`), emoji: true } },
      ],
    },
  ];
}

export interface SlackMessage {
  /** Plain-text fallback for notifications and clients without blocks. */
  text: string;
  blocks: KnownBlock[];
}

/** Render a reply; answerId is given for answers so the buttons can refer to the stored answer. */
export function renderSlackReply(r: AssistantReply, answerId?: string): SlackMessage {
  // The fallback text is mrkdwn too (notifications, old clients): escaped like the blocks.
  const sourceUrls = r.kind === 'answer' ? r.answer.citations.map((c) => c.source).filter(isUrl) : [];
  const text = safeMrkdwn(renderReplyAsText(r), sourceUrls).slice(0, 39_000);
  if (r.kind !== 'answer') return { text, blocks: textSections(r.text).slice(0, 50) };
  const a = r.answer;
  const blocks: KnownBlock[] = textSections(a.text, sourceUrls);
  if (a.note) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: safeMrkdwn(a.note, sourceUrls).slice(0, sectionLimit) }] });
  if (a.citations.length) {
    const heading = `*${escapeMrkdwn(template('replies/sources-heading', r.language))}*`;
    const lines = a.citations.map(citationMrkdwn);
    chunkText([heading, ...lines].join('\n')).forEach((t) => blocks.push({ type: 'section', text: { type: 'mrkdwn', text: t } }));
  }
  if (answerId) {
    blocks.splice(47);
    blocks.push({ type: 'divider' }, ...feedbackBlock(answerId, r.language));
  }
  return { text, blocks: blocks.slice(0, 50) };
}
