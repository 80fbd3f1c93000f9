// Milestone reminders in Slack: the ReminderSender (chat.postMessage with done/snooze/move controls,
// exactly once per idempotency key) and the listeners for those controls, which call the milestones
// module through the ReminderActions port and show its answer in place of the controls.
import type { App } from '@slack/bolt';
import type { types as SlackTypes } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import { loadPrompt, reply as template } from '../../core/prompts.js';
import type { ReminderAction, ReminderMessage, ReminderSender, SendResult } from '../../milestones/reminder-sender.js';
import { ChannelState } from '../../server/channel-state.js';
import { reportError } from '../../server/errors.js';
import type { ReminderActions } from '../../server/reminder-actions.js';
import type { Db } from '../../storage/database.js';
import { escapeMrkdwn } from './slack-blocks.js';
import type { SlackAppExtension } from './slack-app.js';

type KnownBlock = SlackTypes.KnownBlock;
type WebClient = App['client'];

export const reminderMetadataType = 'wegwijzer_reminder';
export const reminderActionPattern = /^wegwijzer_reminder_(done|snooze|move)$/;
const actionsBlockId = 'wegwijzer_reminder_actions';

export function reminderBlocks(message: ReminderMessage): KnownBlock[] {
  const lang = message.language;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(message.text).slice(0, 2900) } }];
  if (message.source?.quote) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `> ${escapeMrkdwn(message.source.quote).slice(0, 600)}` }] });
  const value = (action: ReminderAction) => action;
  const elements: SlackTypes.ActionsBlockElement[] = [];
  if (message.actions.includes('done')) elements.push({ type: 'button', style: 'primary', action_id: 'wegwijzer_reminder_done', value: value('done'), text: { type: 'plain_text', text: loadPrompt(`channels/reminder-done.${lang}.txt`), emoji: true } });
  if (message.actions.includes('snooze')) elements.push({ type: 'button', action_id: 'wegwijzer_reminder_snooze', value: value('snooze'), text: { type: 'plain_text', text: loadPrompt(`channels/reminder-snooze.${lang}.txt`), emoji: true } });
  if (message.actions.includes('move')) {
    elements.push({
      type: 'datepicker',
      action_id: 'wegwijzer_reminder_move',
      initial_date: message.due,
      placeholder: { type: 'plain_text', text: loadPrompt(`channels/reminder-move.${lang}.txt`) },
    });
  }
  if (elements.length) blocks.push({ type: 'actions', block_id: `${actionsBlockId}:${lang}:${message.milestoneId}`, elements });
  return blocks;
}

function slackErrorResult(error: unknown): SendResult {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
  const text = e.data?.error ?? e.message ?? String(error);
  return e.retryAfter !== undefined ? { ok: false, error: text, retryAfterMs: e.retryAfter * 1000 } : { ok: false, error: text };
}

/** Reminders to Slack targets 'slack:<channel id>'. A repeated key returns the earlier message's ts. */
export function createSlackReminderSender(deps: { client: WebClient; db: Db; logger: Logger }): ReminderSender {
  const state = new ChannelState(deps.db, 'slack');
  const logger = deps.logger.child({ channel: 'slack', module: 'reminders' });
  return {
    channel: 'slack',
    async send(target, message, idempotencyKey) {
      try {
        const externalId = await state.deliverOnce(idempotencyKey, async () => {
          const r = await deps.client.chat.postMessage({
            channel: target,
            text: escapeMrkdwn(message.text),
            blocks: reminderBlocks(message),
            unfurl_links: false,
            metadata: { event_type: reminderMetadataType, event_payload: { key: idempotencyKey, milestoneId: message.milestoneId } },
          });
          return r.ts;
        });
        return { ok: true, externalId };
      } catch (error) {
        logger.warn('reminder not delivered', { target, milestoneId: message.milestoneId, error });
        return slackErrorResult(error);
      }
    },
    // After a crash between posting and recording, the message's metadata still carries the key.
    async findDelivered(target, idempotencyKey) {
      const earlier = state.deliveredId(idempotencyKey);
      if (earlier) return earlier;
      const history = await deps.client.conversations.history({ channel: target, include_all_metadata: true, limit: 200 });
      const hit = history.messages?.find((m) => {
        const meta = (m as { metadata?: { event_type?: string; event_payload?: { key?: string } } }).metadata;
        return meta?.event_type === reminderMetadataType && meta.event_payload?.key === idempotencyKey;
      });
      if (hit?.ts) state.recordDelivery(idempotencyKey, hit.ts);
      return hit?.ts;
    },
  };
}

/** Listeners for the reminder controls; add to createSlackChannel's extensions. */
export function slackReminderActions(actions: ReminderActions): SlackAppExtension {
  return (app, { logger }) => {
    app.action(reminderActionPattern, async ({ ack, body, action, client }) => {
      await ack();
      const b = body as { user: { id: string }; channel?: { id: string }; message?: { ts: string; text?: string; blocks?: KnownBlock[] } };
      const a = action as { action_id: string; value?: string; selected_date?: string };
      const kind = reminderActionPattern.exec(a.action_id)![1] as ReminderAction;
      // The actions block id carries the milestone and its language: 'wegwijzer_reminder_actions:nl:m3'.
      const [, lang, ...idParts] = ((action as { block_id?: string }).block_id ?? '').split(':');
      const milestoneId = idParts.join(':');
      const language = lang === 'en' ? 'en' : 'nl';
      try {
        const result = await actions.apply({ milestoneId, action: kind, userId: `slack:${b.user.id}`, newDate: kind === 'move' ? a.selected_date : undefined });
        if (!b.channel?.id || !b.message?.ts) return;
        // Replace the controls with the outcome, so everyone in the channel sees it was handled.
        const outcome = template('channels/reminder-result', language, { result: result.text, user: `<@${b.user.id}>` });
        const kept = (b.message.blocks ?? []).filter((blk) => blk.type !== 'actions' || !result.ok);
        await client.chat.update({ channel: b.channel.id, ts: b.message.ts, text: b.message.text ?? result.text, blocks: [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: outcome }] }] });
      } catch (error) {
        const text = reportError(logger, error, 'slack reminder action', language, { milestoneId, action: kind });
        if (b.channel?.id) await client.chat.postEphemeral({ channel: b.channel.id, user: b.user.id, text }).catch(() => undefined);
      }
    });
  };
}
