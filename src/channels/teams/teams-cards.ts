// Adaptive Card rendering of Assistant replies for Teams: the answer with its [n] markers, the sources
// numbered (title · date · section · p.), each passage revealed with a toggle, a link where the
// document has a URL, and 👍/👎 buttons (Action.Submit) that come back as a message with a value.
import type { AssistantReply } from '../../core/assistant.js';
import { loadPrompt, reply as template } from '../../core/prompts.js';
import { formatCitationLine } from '../../core/render-text.js';
import type { Language } from '../../core/types.js';
import { defangUrls, stripControlChars } from '../../server/safe-text.js';

export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';
/** Marker in Action.Submit data, so a card submit is told apart from a typed message. */
export const feedbackSubmitKind = 'wegwijzer-feedback';

export interface FeedbackSubmit {
  kind: typeof feedbackSubmitKind;
  rating: 'up' | 'down';
  answerId: string;
}

export function isFeedbackSubmit(value: unknown): value is FeedbackSubmit {
  const v = value as Partial<FeedbackSubmit> | undefined;
  return !!v && v.kind === feedbackSubmitKind && (v.rating === 'up' || v.rating === 'down') && typeof v.answerId === 'string';
}

export interface CardAttachment {
  contentType: typeof adaptiveCardContentType;
  content: Record<string, unknown>;
}

const passageLimit = 1500;

/**
 * Adaptive Card TextBlocks render a markdown subset: a `[label](https://…)` from a document or a
 * question would become a live link, `<at>…</at>` looks like a mention. Links become `label (url)`
 * with the URL not clickable unless it is a cited source; mention tags and control characters go.
 */
export function neutraliseCardMarkdown(text: string, sourceUrls: Iterable<string> = []): string {
  const unlinked = stripControlChars(text)
    .replace(/<\/?at>/gi, '')
    .replace(/!?\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g, (_m, label: string, url: string) => (label.trim() ? `${label} (${url})` : url))
    .replace(/^(\s*)\[([^\]\n]+)\]:\s*(\S+)/gm, '$1$2: $3');
  return defangUrls(unlinked, sourceUrls);
}

function feedbackActions(answerId: string, language: Language) {
  return {
    type: 'ActionSet',
    spacing: 'Medium',
    actions: (['up', 'down'] as const).map((rating) => ({
      type: 'Action.Submit',
      title: loadPrompt(`channels/feedback-${rating}.${language}.txt`),
      data: { kind: feedbackSubmitKind, rating, answerId } satisfies FeedbackSubmit,
    })),
  };
}

/** The card for an answer; other reply kinds are sent as plain text (see teams-bot.ts). */
export function renderAnswerCard(r: Extract<AssistantReply, { kind: 'answer' }>, answerId: string): CardAttachment {
  const a = r.answer;
  const sourceUrls = a.citations.map((c) => c.source).filter((s): s is string => Boolean(s && /^https?:\/\//.test(s)));
  const safe = (text: string) => neutraliseCardMarkdown(text, sourceUrls);
  const body: Record<string, unknown>[] = [{ type: 'TextBlock', text: safe(a.text), wrap: true }];
  if (a.note) body.push({ type: 'TextBlock', text: safe(a.note), wrap: true, isSubtle: true, size: 'Small' });
  if (a.citations.length) {
    body.push({ type: 'TextBlock', text: template('replies/sources-heading', r.language), weight: 'Bolder', spacing: 'Medium' });
    for (const c of a.citations) {
      const passageId = `passage-${answerId.slice(0, 8)}-${c.n}`;
      const passage = c.text.length > passageLimit ? `${c.text.slice(0, passageLimit)}…` : c.text;
      const actions: Record<string, unknown>[] = [{ type: 'Action.ToggleVisibility', title: loadPrompt(`channels/show-passage.${r.language}.txt`), targetElements: [passageId] }];
      if (c.source && /^https?:\/\//.test(c.source)) actions.push({ type: 'Action.OpenUrl', title: loadPrompt(`channels/open-document.${r.language}.txt`), url: c.source });
      body.push(
        { type: 'TextBlock', text: safe(formatCitationLine(c)), wrap: true, size: 'Small', spacing: 'Small' },
        { type: 'TextBlock', id: passageId, text: safe(passage), wrap: true, isVisible: false, isSubtle: true, size: 'Small' },
        { type: 'ActionSet', actions },
      );
    }
  }
  body.push({ type: 'TextBlock', text: loadPrompt(`channels/feedback-question.${r.language}.txt`), size: 'Small', isSubtle: true, spacing: 'Medium' }, feedbackActions(answerId, r.language));
  return {
    contentType: adaptiveCardContentType,
    content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' }, body },
  };
}
