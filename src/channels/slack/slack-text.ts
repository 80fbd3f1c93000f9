// Slack message text to a plain question: user mentions (the bot's first) removed, links and
// entities decoded, so the Assistant sees what the person typed.
import { stripControlChars } from '../../server/safe-text.js';

export function slackTextToQuestion(text: string | undefined, botUserId?: string): string {
  let t = stripControlChars(text ?? '');
  if (botUserId) t = t.split(`<@${botUserId}>`).join(' ');
  t = t
    .replace(/<@[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label?: string) => (label ? `@${label}` : ' '))
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<(https?:[^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<!(here|channel|everyone)>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return t.replace(/\s+/g, ' ').trim();
}
