// Microsoft Teams channel (botbuilder CloudAdapter on POST /api/messages): personal chats and channel
// mentions (the mention is stripped), answers as an Adaptive Card with numbered sources and 👍/👎,
// a typing indicator while working, onboarding once, and stored conversation references so that
// proactive messages (reminders) reach a conversation later, also after a restart.
// Authentication: with MICROSOFT_APP_ID/PASSWORD the SDK verifies every request's token; without them
// the endpoint only runs with TEAMS_LOCAL_DEV=true (config.ts refuses otherwise).
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type Response as BotResponse,
} from 'botbuilder';
import type { ServerResponse } from 'node:http';
import type { Config } from '../../config/config.js';
import type { Assistant, AssistantReply } from '../../core/assistant.js';
import type { Logger } from '../../core/logger.js';
import { reply as template } from '../../core/prompts.js';
import type { Language } from '../../core/types.js';
import type { FeedbackStore } from '../../feedback/feedback-store.js';
import { ChannelState } from '../../server/channel-state.js';
import { guessLanguage, reportError } from '../../server/errors.js';
import type { Route } from '../../server/http-server.js';
import { readJson } from '../../server/http.js';
import type { Db } from '../../storage/database.js';
import { isFeedbackSubmit, renderAnswerCard } from './teams-cards.js';
import { TeamsConversationStore } from './teams-conversations.js';
import { renderTimelineCard } from './teams-timeline-card.js';
import type { Timeline } from '../../milestones/timeline.js';

export const teamsMessagesPath = '/api/messages';
// A personal-chat follow-up counts as the same conversation for this long.
const personalHistoryWindowMs = 30 * 60_000;
// Teams shows a typing indicator for about three seconds; a streamed answer renews it this often.
const defaultTypingIntervalMs = 2_500;

export interface TeamsChannelDeps {
  config: Pick<Config, 'MICROSOFT_APP_ID' | 'MICROSOFT_APP_PASSWORD' | 'MICROSOFT_APP_TYPE' | 'MICROSOFT_APP_TENANT_ID' | 'TEAMS_LOCAL_DEV'>;
  assistant: Assistant;
  feedback: FeedbackStore;
  db: Db;
  logger: Logger;
  /** Handles card submits that are not feedback (e.g. reminder buttons); returns true when handled. */
  submitHandlers?: TeamsSubmitHandler[];
  /** Minimum time between two typing indicators while a streamed answer grows; default 2.5 s. */
  typingIntervalMs?: number;
}

export type TeamsSubmitHandler = (value: unknown, context: TurnContext) => Promise<boolean>;

export interface TeamsChannel {
  adapter: CloudAdapter;
  conversations: TeamsConversationStore;
  routes: Route[];
  /** Send to a stored conversation outside a turn (reminders). Throws AppError-free errors from the SDK. */
  sendProactive(conversationId: string, activity: Partial<Activity>): Promise<string | undefined>;
  appId: string;
}

/** Adapts node's ServerResponse to the small interface CloudAdapter.process expects. */
function botResponse(res: ServerResponse): BotResponse {
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
      return this;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return this;
    },
    send(body: unknown) {
      if (body === undefined || body === null) return this;
      if (typeof body === 'string' || Buffer.isBuffer(body)) res.write(body);
      else {
        if (!res.headersSent) res.setHeader('content-type', 'application/json; charset=utf-8');
        res.write(JSON.stringify(body));
      }
      return this;
    },
    end(...args: unknown[]) {
      res.end(...(args as []));
      return this;
    },
  };
}

/** Teams may send leftover markup (other mentions, <p>, &nbsp;); the Assistant gets plain text. */
export function teamsTextToQuestion(text: string): string {
  return text
    .replace(/<at>([^<]*)<\/at>/g, '@$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A reply thread in a Teams channel has the id '<channel conversation id>;messageid=<root>'. Scopes,
 * milestone subscriptions and reminders belong to the channel itself; history to the thread.
 */
export function channelConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0]!;
}

function isTimelineList(data: unknown): data is { action: 'list'; timeline: Timeline } {
  const d = data as { action?: string; timeline?: { months?: unknown } } | undefined;
  return !!d && d.action === 'list' && Array.isArray(d.timeline?.months);
}

function userIdOf(account: ChannelAccount | undefined): string | undefined {
  return account?.aadObjectId ?? account?.id;
}

export function createTeamsChannel(deps: TeamsChannelDeps): TeamsChannel {
  const { config, assistant, feedback, db } = deps;
  const logger = deps.logger.child({ channel: 'teams' });
  const state = new ChannelState(db, 'teams');
  const conversations = new TeamsConversationStore(db);
  const appId = config.MICROSOFT_APP_ID ?? '';
  if (!appId && !config.TEAMS_LOCAL_DEV) {
    throw new Error('createTeamsChannel needs MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or TEAMS_LOCAL_DEV=true (config validation should have caught this)');
  }
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
  });
  const adapter = new CloudAdapter(auth);

  adapter.onTurnError = async (context, error) => {
    const language = guessLanguage(context.activity.text);
    const text = reportError(logger, error, 'teams turn', language, { conversation: context.activity.conversation?.id });
    await context.sendActivity(text).catch((e: unknown) => logger.error('could not send the error message', { error: e }));
  };

  async function sendReply(context: TurnContext, r: AssistantReply, question: string) {
    if (r.kind === 'answer') {
      const from = context.activity.from;
      const answerId = feedback.recordAnswer({ channel: 'teams', userId: userIdOf(from), conversationId: context.activity.conversation.id, question, answer: r.answer });
      await context.sendActivity({ type: ActivityTypes.Message, attachments: [renderAnswerCard(r, answerId)], summary: r.answer.text.slice(0, 200) });
    } else if (r.kind === 'milestones' && isTimelineList(r.data)) {
      await context.sendActivity({ type: ActivityTypes.Message, attachments: [renderTimelineCard(r.data.timeline)], summary: r.text.slice(0, 200) });
    } else {
      await context.sendActivity({ type: ActivityTypes.Message, text: r.text, textFormat: 'plain' });
    }
  }

  /**
   * Teams cannot edit our message in this setup, so while a language model streams its (checked)
   * answer the typing indicator is renewed; the final answer arrives as the card. Sends are chained
   * and awaited before the turn ends (a turn context cannot send after it is finished).
   */
  function typingWhileStreaming(context: TurnContext) {
    const interval = deps.typingIntervalMs ?? defaultTypingIntervalMs;
    let last = Date.now();
    let chain: Promise<unknown> = Promise.resolve();
    return {
      onPartial: () => {
        if (Date.now() - last < interval) return;
        last = Date.now();
        chain = chain.then(() => context.sendActivity({ type: ActivityTypes.Typing })).catch((error: unknown) => logger.warn('could not renew the typing indicator', { error }));
      },
      done: () => chain,
    };
  }

  /** Who asks and where, as the Assistant (scopes, milestone subscriptions) needs it. */
  function askContext(context: TurnContext) {
    const activity = context.activity;
    const channelData = activity.channelData as { team?: { id?: string }; tenant?: { id?: string } } | undefined;
    return {
      channel: 'teams' as const,
      userId: userIdOf(activity.from),
      conversationId: channelConversationId(activity.conversation.id),
      teamId: channelData?.team?.id ?? activity.conversation.tenantId,
    };
  }

  async function sendWelcome(context: TurnContext, language: Language = 'nl') {
    const r = await assistant.welcome(language, askContext(context));
    await context.sendActivity({ type: ActivityTypes.Message, text: r.kind === 'answer' ? r.answer.text : r.text, textFormat: 'plain' });
  }

  async function onMessage(context: TurnContext) {
    const activity = context.activity;
    const userId = userIdOf(activity.from);
    if (isFeedbackSubmit(activity.value)) {
      const result = feedback.recordFeedback({ answerId: activity.value.answerId, rating: activity.value.rating, userId: userId ?? 'unknown' });
      const language = result.ok ? result.entry.answer.language : 'nl';
      await context.sendActivity(
        result.ok ? template('channels/feedback-thanks', language, { rating: activity.value.rating === 'up' ? '👍' : '👎' }) : template('channels/feedback-unknown', language),
      );
      return;
    }
    if (activity.value !== undefined && !activity.text) {
      for (const handle of deps.submitHandlers ?? []) if (await handle(activity.value, context)) return;
    }
    // In channels and group chats the message starts with "<at>Wegwijzer</at>"; the question is the rest.
    const text = teamsTextToQuestion(TurnContext.removeRecipientMention(activity) ?? activity.text ?? '');
    const personal = activity.conversation.conversationType === 'personal' || !activity.conversation.conversationType;
    if (personal && userId && state.claimWelcome(`user:${userId}`)) await sendWelcome(context, guessLanguage(text));
    await context.sendActivity({ type: ActivityTypes.Typing });
    const thread = activity.conversation.id;
    const history = state.history(thread, { limit: 8, maxAgeMs: personal ? personalHistoryWindowMs : undefined });
    const typing = typingWhileStreaming(context);
    const r = await assistant.handle(text, { ...askContext(context), history }, { onPartial: typing.onPartial });
    await typing.done();
    await sendReply(context, r, text);
    state.addTurn(thread, { role: 'user', text });
    state.addTurn(thread, { role: 'assistant', text: r.kind === 'answer' ? r.answer.text : r.text });
  }

  // Introduce once: in a team or group chat when Wegwijzer is added (once per conversation), to a person
  // in a personal chat, and to a person added to a conversation where Wegwijzer is (once per person).
  async function onMembersAdded(context: TurnContext) {
    const activity = context.activity;
    const personal = activity.conversation.conversationType === 'personal';
    for (const member of activity.membersAdded ?? []) {
      const isBot = member.id === activity.recipient.id;
      const key = isBot ? (personal ? `user:${userIdOf(activity.from)}` : `conversation:${activity.conversation.id}`) : `user:${userIdOf(member)}`;
      if (state.claimWelcome(key)) await sendWelcome(context);
    }
  }

  async function logic(context: TurnContext) {
    const activity = context.activity;
    const reference = TurnContext.getConversationReference(activity);
    conversations.save(reference, userIdOf(activity.from));
    // Proactive messages (reminders) to a channel go to the channel, not into one thread.
    const channelId = channelConversationId(activity.conversation.id);
    if (channelId !== activity.conversation.id) conversations.save({ ...reference, conversation: { ...reference.conversation!, id: channelId } }, userIdOf(activity.from));
    if (activity.type === ActivityTypes.Message) await onMessage(context);
    else if (activity.type === ActivityTypes.ConversationUpdate && activity.membersAdded?.length) await onMembersAdded(context);
  }

  const routes: Route[] = [
    {
      method: 'POST',
      path: teamsMessagesPath,
      handle: async (req, res) => {
        const body = (await readJson(req, 1_000_000)) as Record<string, unknown>;
        await adapter.process({ body, headers: req.headers, method: req.method }, botResponse(res), logic);
      },
    },
  ];

  return {
    adapter,
    conversations,
    routes,
    appId,
    async sendProactive(conversationId, activity) {
      const stored = conversations.get(conversationId);
      if (!stored) throw new Error(`no stored Teams conversation ${conversationId}`);
      let id: string | undefined;
      await adapter.continueConversationAsync(appId, stored.reference as ConversationReference, async (context) => {
        id = (await context.sendActivity(activity))?.id;
      });
      return id;
    },
  };
}
