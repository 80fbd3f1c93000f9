// The milestone timeline in Slack: Block Kit for the App Home tab (published on app_home_opened) and
// for the reply to "mijlpalen" in a chat. One header per month, overdue milestones marked ⚠️, recently
// finished ones struck through. The data comes from the milestones module's timeline().
import type { App, types as SlackTypes } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import { loadPrompt, reply as template } from '../../core/prompts.js';
import type { Language } from '../../core/types.js';
import { formatDay } from '../../milestones/dutch-dates.js';
import type { Timeline, TimelineItem } from '../../milestones/timeline.js';
import { reportError } from '../../server/errors.js';
import type { ReminderActions } from '../../server/reminder-actions.js';
import { escapeMrkdwn } from './slack-blocks.js';
import type { SlackAppExtension } from './slack-app.js';

type KnownBlock = SlackTypes.KnownBlock;
type WebClient = App['client'];

/** Gives the current timeline in a language; main.ts passes one over the milestone service. */
export type TimelineProvider = (language: Language) => Timeline;

/** The ⋯ menu of a milestone on the Home tab (done / remind later); value 'done|<id>' or 'snooze|<id>'. */
export const homeItemActionId = 'wegwijzer_home_item';

// Slack allows 100 blocks in a Home tab view and 50 in a message.
export const homeBlockLimit = 100;
export const messageBlockLimit = 50;

function itemMrkdwn(item: TimelineItem, language: Language): string {
  const title = escapeMrkdwn(item.title);
  const due = escapeMrkdwn(item.dueLabel);
  const details = [item.owner ? escapeMrkdwn(template('channels/timeline-owner', language, { owner: item.owner })) : undefined, `\`${escapeMrkdwn(item.id)}\``].filter(Boolean).join(' · ');
  if (item.status === 'done') return `✅ ~${title}~ — ${due} (${template('channels/timeline-done', language)}) · ${details}`;
  if (item.overdue) return `⚠️ *${title}* — ${due} (*${template('channels/timeline-overdue', language)}*) · ${details}`;
  return `🗓️ *${title}* — ${due} · ${details}`;
}

function itemBlock(item: TimelineItem, language: Language, withActions: boolean): KnownBlock {
  const section: SlackTypes.SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: itemMrkdwn(item, language).slice(0, 2900) } };
  // Only confirmed open milestones can be finished or snoozed; proposed ones are confirmed by command.
  if (withActions && item.status === 'open' && item.state === 'confirmed') {
    section.accessory = {
      type: 'overflow',
      action_id: homeItemActionId,
      options: (['done', 'snooze'] as const).map((action) => ({
        text: { type: 'plain_text', text: loadPrompt(`channels/reminder-${action}.${language}.txt`), emoji: true },
        value: `${action}|${item.id}`.slice(0, 150),
      })),
    };
  }
  return section;
}

/**
 * The timeline as blocks, at most `limit` of them (the rest summarised in a last line). `withActions`
 * adds a done / remind-later menu to each open milestone (Home tab); `notice` is shown on top.
 */
export function timelineBlocks(tl: Timeline, limit: number = messageBlockLimit, options: { withActions?: boolean; notice?: string } = {}): KnownBlock[] {
  const language = tl.language;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: template('channels/timeline-heading', language), emoji: true } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: escapeMrkdwn(template('channels/timeline-summary', language, { open: tl.openCount, overdue: tl.overdueCount, today: formatDay(tl.today, language) })) }],
    },
  ];
  if (options.notice) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(options.notice).slice(0, 2900) } });
  if (!tl.months.length) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(template('channels/timeline-empty', language)) } });
    return blocks;
  }
  const all = tl.months.flatMap((month) => [{ month }, ...month.items.map((item) => ({ item }))]);
  // Keep room for the "and N more" line.
  const room = limit - blocks.length - 1;
  let shown = 0;
  for (const entry of all.slice(0, room)) {
    if ('month' in entry) {
      blocks.push({ type: 'divider' }, { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(entry.month.label)}*` } });
    } else {
      blocks.push(itemBlock(entry.item, language, options.withActions ?? false));
      shown++;
    }
    if (blocks.length >= limit - 2) break;
  }
  const total = tl.months.reduce((n, m) => n + m.items.length, 0);
  if (shown < total) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(template('channels/timeline-more', language, { count: total - shown })) }] });
  return blocks.slice(0, limit);
}

/** Plain-text fallback for notifications. */
export function timelineText(tl: Timeline): string {
  const language = tl.language;
  const lines = [template('channels/timeline-heading', language)];
  for (const month of tl.months) {
    lines.push('', month.label);
    for (const i of month.items) lines.push(`${i.status === 'done' ? '✅' : i.overdue ? '⚠️' : '•'} ${i.title}: ${i.dueLabel}`);
  }
  if (!tl.months.length) lines.push(template('channels/timeline-empty', language));
  return lines.join('\n');
}

/** Publish the Home tab of one user with the current timeline (and the outcome of a menu choice). */
export async function publishHome(client: WebClient, userId: string, tl: Timeline, options: { withActions?: boolean; notice?: string } = {}): Promise<void> {
  await client.views.publish({ user_id: userId, view: { type: 'home', blocks: timelineBlocks(tl, homeBlockLimit, options) } });
}

/**
 * The Home tab's done / remind-later menu: applies the choice through the milestones' ReminderActions
 * port and publishes the Home tab again with the outcome on top. Add to createSlackChannel's extensions.
 */
export function slackHomeActions(actions: ReminderActions, timeline: TimelineProvider): SlackAppExtension {
  return (app, { logger }) => {
    app.action(homeItemActionId, async ({ ack, body, action, client }) => {
      await ack();
      const userId = (body as { user: { id: string } }).user.id;
      const value = (action as { selected_option?: { value?: string } }).selected_option?.value ?? '';
      const [kind, ...idParts] = value.split('|');
      const milestoneId = idParts.join('|');
      if ((kind !== 'done' && kind !== 'snooze') || !milestoneId) return;
      let notice: string;
      try {
        notice = (await actions.apply({ milestoneId, action: kind, userId: `slack:${userId}` })).text;
      } catch (error) {
        notice = reportError(logger, error, 'slack home action', 'nl', { milestoneId, action: kind });
      }
      await publishHome(client, userId, timeline('nl'), { withActions: true, notice });
    });
  };
}
