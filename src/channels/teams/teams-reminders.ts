// Milestone reminders in Teams: a ReminderSender that posts an Adaptive Card proactively to a stored
// conversation (exactly once per idempotency key), and the submit handler for its done/snooze/move
// buttons, which calls the milestones module through the ReminderActions port.
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../core/logger.js';
import { loadPrompt } from '../../core/prompts.js';
import type { ReminderAction, ReminderMessage, ReminderSender } from '../../milestones/reminder-sender.js';
import { ChannelState } from '../../server/channel-state.js';
import { reportError } from '../../server/errors.js';
import type { ReminderActions } from '../../server/reminder-actions.js';
import type { Db } from '../../storage/database.js';
import { adaptiveCardContentType, neutraliseCardMarkdown, type CardAttachment } from './teams-cards.js';
import type { TeamsChannel, TeamsSubmitHandler } from './teams-bot.js';

export const reminderSubmitKind = 'wegwijzer-reminder';

interface ReminderSubmit {
  kind: typeof reminderSubmitKind;
  action: ReminderAction;
  milestoneId: string;
  lang: 'nl' | 'en';
  /** From the card's Input.Date, for 'move'. */
  newDate?: string;
}

function isReminderSubmit(v: unknown): v is ReminderSubmit {
  const r = v as Partial<ReminderSubmit> | undefined;
  return !!r && r.kind === reminderSubmitKind && typeof r.milestoneId === 'string' && (r.action === 'done' || r.action === 'snooze' || r.action === 'move');
}

export function reminderCard(message: ReminderMessage): CardAttachment {
  const lang = message.language;
  const data = (action: ReminderAction): ReminderSubmit => ({ kind: reminderSubmitKind, action, milestoneId: message.milestoneId, lang });
  const body: Record<string, unknown>[] = [{ type: 'TextBlock', text: neutraliseCardMarkdown(message.text), wrap: true }];
  if (message.source?.quote) body.push({ type: 'TextBlock', text: `“${neutraliseCardMarkdown(message.source.quote.slice(0, 600))}”`, wrap: true, isSubtle: true, size: 'Small' });
  const actions: Record<string, unknown>[] = [];
  if (message.actions.includes('done')) actions.push({ type: 'Action.Submit', title: loadPrompt(`channels/reminder-done.${lang}.txt`), style: 'positive', data: data('done') });
  if (message.actions.includes('snooze')) actions.push({ type: 'Action.Submit', title: loadPrompt(`channels/reminder-snooze.${lang}.txt`), data: data('snooze') });
  if (message.actions.includes('move')) {
    body.push({ type: 'Input.Date', id: 'newDate', label: loadPrompt(`channels/reminder-new-date.${lang}.txt`), value: message.due });
    actions.push({ type: 'Action.Submit', title: loadPrompt(`channels/reminder-move.${lang}.txt`), data: data('move') });
  }
  if (actions.length) body.push({ type: 'ActionSet', actions });
  return { contentType: adaptiveCardContentType, content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5', body } };
}

/** Reminders to Teams targets 'teams:<conversation id>' (a conversation that has talked to Wegwijzer). */
export function createTeamsReminderSender(deps: { teams: Pick<TeamsChannel, 'sendProactive' | 'conversations'>; db: Db; logger: Logger }): ReminderSender {
  const state = new ChannelState(deps.db, 'teams');
  const logger = deps.logger.child({ channel: 'teams', module: 'reminders' });
  return {
    channel: 'teams',
    async send(target, message, idempotencyKey) {
      try {
        const externalId = await state.deliverOnce(idempotencyKey, async () => {
          if (!deps.teams.conversations.get(target)) throw new Error(`Teams conversation ${target} is unknown: Wegwijzer must have been in it first`);
          return deps.teams.sendProactive(target, {
            type: 'message',
            summary: message.text.slice(0, 200),
            attachments: [reminderCard(message)],
            channelData: { wegwijzerKey: idempotencyKey },
          });
        });
        return { ok: true, externalId };
      } catch (error) {
        logger.warn('reminder not delivered', { target, milestoneId: message.milestoneId, error });
        const status = (error as { statusCode?: number }).statusCode;
        return { ok: false, error: error instanceof Error ? error.message : String(error), ...(status === 429 ? { retryAfterMs: 60_000 } : {}) };
      }
    },
    async findDelivered(_target, idempotencyKey) {
      return state.deliveredId(idempotencyKey);
    },
  };
}

/** Handles the reminder card's buttons; add to createTeamsChannel's submitHandlers. */
export function teamsReminderSubmitHandler(actions: ReminderActions, logger: Logger): TeamsSubmitHandler {
  return async (value: unknown, context: TurnContext) => {
    if (!isReminderSubmit(value)) return false;
    const from = context.activity.from;
    try {
      const result = await actions.apply({
        milestoneId: value.milestoneId,
        action: value.action,
        userId: `teams:${from?.aadObjectId ?? from?.id}`,
        newDate: value.action === 'move' && typeof value.newDate === 'string' ? value.newDate : undefined,
      });
      await context.sendActivity(result.text);
    } catch (error) {
      await context.sendActivity(reportError(logger, error, 'teams reminder action', value.lang === 'en' ? 'en' : 'nl', { milestoneId: value.milestoneId }));
    }
    return true;
  };
}
