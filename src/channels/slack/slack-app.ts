// Slack channel (Bolt): mentions answered in the thread, direct messages, the slash command, 👍/👎
// feedback, onboarding, and exactly one answer per question when Slack retries an event.
// Transport by configuration: HTTP Events API (mounted on the shared server at /slack/events, signed
// with the signing secret) or Socket Mode (app token, no public URL needed).
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Config } from '../../config/config.js';
import type { Assistant, AssistantReply } from '../../core/assistant.js';
import type { Logger } from '../../core/logger.js';
import { reply as template } from '../../core/prompts.js';
import type { ConversationTurn, Language } from '../../core/types.js';
import type { FeedbackStore } from '../../feedback/feedback-store.js';
import type { Db } from '../../storage/database.js';
import { ChannelState } from '../../server/channel-state.js';
import { guessLanguage, reportError } from '../../server/errors.js';
import type { Route } from '../../server/http-server.js';
import { feedbackActionPattern, renderSlackReply, type SlackMessage } from './slack-blocks.js';
import { publishHome, timelineBlocks, timelineText, type TimelineProvider } from './slack-home.js';
import { StreamedSlackMessage } from './slack-streaming.js';
import type { Timeline } from '../../milestones/timeline.js';
import { boltLoggerFrom } from './slack-logger.js';
import { slackTextToQuestion } from './slack-text.js';

type WebClient = App['client'];

export const slackEventsPath = '/slack/events';
/** Reaction shown on the question while Wegwijzer works on it. */
export const workingReaction = 'hourglass_flowing_sand';
// A direct-message follow-up without a thread counts as the same conversation for this long.
const dmHistoryWindowMs = 30 * 60_000;

/** Extra Bolt listeners (e.g. reminder buttons) registered by other modules on the same app. */
export type SlackAppExtension = (app: App, deps: { logger: Logger }) => void;

export interface SlackChannelDeps {
  config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN' | 'SLACK_SOCKET_MODE' | 'SLACK_SLASH_COMMAND' | 'SLACK_API_URL'>;
  assistant: Assistant;
  feedback: FeedbackStore;
  db: Db;
  logger: Logger;
  extensions?: SlackAppExtension[];
  /**
   * The milestone timeline for the App Home tab; without it the Home tab is left alone. Its done /
   * remind-later menus are handled by slackHomeActions (slack-home.ts), to be given in `extensions`.
   */
  timeline?: TimelineProvider;
  /** Minimum time between two edits of a streamed answer (chat.update); default 700 ms. */
  streamUpdateIntervalMs?: number;
}

export interface SlackChannel {
  app: App;
  client: WebClient;
  transport: 'http' | 'socket';
  /** Routes for the shared HTTP server (empty in Socket Mode). */
  routes: Route[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Bolt wants the API base with a trailing slash. */
function apiUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}

export function createSlackChannel(deps: SlackChannelDeps): SlackChannel {
  const { config, assistant, feedback, db } = deps;
  const logger = deps.logger.child({ channel: 'slack' });
  if (!config.SLACK_BOT_TOKEN) throw new Error('createSlackChannel needs SLACK_BOT_TOKEN (config validation should have caught this)');
  const state = new ChannelState(db, 'slack');
  const boltLogger = boltLoggerFrom(logger);
  const socket = config.SLACK_SOCKET_MODE;
  const clientOptions = config.SLACK_API_URL ? { slackApiUrl: apiUrl(config.SLACK_API_URL) } : undefined;

  let receiver: Receiver;
  let httpReceiver: HTTPReceiver | undefined;
  if (socket) {
    receiver = new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logger: boltLogger, installerOptions: clientOptions ? { clientOptions } : {} });
  } else {
    httpReceiver = new HTTPReceiver({ signingSecret: config.SLACK_SIGNING_SECRET!, endpoints: [slackEventsPath], logger: boltLogger });
    receiver = httpReceiver;
  }
  const app = new App({ token: config.SLACK_BOT_TOKEN, receiver, logger: boltLogger, clientOptions });

  // Exactly one answer per question: Slack re-sends an event it thinks was lost (X-Slack-Retry-Num),
  // and one message can arrive as both app_mention and message.im. Claim both keys in SQLite first.
  app.use(async ({ body, context, next }) => {
    const b = body as { event_id?: string; event?: { channel?: string; ts?: string; event_ts?: string; type?: string } };
    const keys: string[] = [];
    if (b.event_id) keys.push(`event:${b.event_id}`);
    if (b.event?.channel && b.event.ts && (b.event.type === 'app_mention' || b.event.type === 'message')) keys.push(`message:${b.event.channel}:${b.event.ts}`);
    for (const key of keys) {
      let first: boolean;
      try {
        first = state.claimEvent(key);
      } catch (error) {
        // Without the database a duplicate cannot be recognised; answering (or explaining the failure) beats silence.
        logger.error('could not record the Slack event', { key, error });
        first = true;
      }
      if (!first) {
        logger.info('duplicate Slack delivery ignored', { key, retryNum: context.retryNum, retryReason: context.retryReason });
        return;
      }
    }
    await next();
  });

  /** Block Kit for a reply; the milestone list ("mijlpalen") is shown as the timeline. */
  function render(r: AssistantReply, answerId?: string): SlackMessage {
    const data = r.kind === 'milestones' ? (r.data as { action?: string; timeline?: Timeline } | undefined) : undefined;
    if (data?.action === 'list' && data.timeline) return { text: timelineText(data.timeline), blocks: timelineBlocks(data.timeline) };
    return renderSlackReply(r, answerId);
  }

  /** `user`: show it only to this person (ephemeral); `asker`: whose access scopes apply besides the channel's. */
  async function welcome(client: WebClient, target: { channel: string; user?: string; asker?: string; teamId?: string }, language: Language = 'nl') {
    // With a context the introduction lists only the documents this channel (or person) may read.
    const r = await assistant.welcome(language, { channel: 'slack', conversationId: target.channel, userId: target.asker ?? target.user, teamId: target.teamId });
    const message = renderSlackReply(r);
    if (target.user) await client.chat.postEphemeral({ channel: target.channel, user: target.user, text: message.text, blocks: message.blocks });
    else await client.chat.postMessage({ channel: target.channel, text: message.text, blocks: message.blocks });
  }

  /** Answer one question where it was asked, with a reaction on the question while working. */
  async function answer(
    client: WebClient,
    q: { text: string; channel: string; ts: string; replyThreadTs?: string; userId?: string; teamId?: string; threadKey: string; historyWindowMs?: number },
  ) {
    const reacted = await client.reactions
      .add({ channel: q.channel, timestamp: q.ts, name: workingReaction })
      .then(() => true)
      .catch((error: unknown) => {
        logger.warn('could not add the working reaction', { error });
        return false;
      });
    // A streaming answerer (language model) shows its checked text as it grows: posted once, then edited.
    const stream = new StreamedSlackMessage({ client, channel: q.channel, threadTs: q.replyThreadTs, language: guessLanguage(q.text), logger, intervalMs: deps.streamUpdateIntervalMs });
    try {
      const history: ConversationTurn[] = state.history(q.threadKey, { limit: 8, maxAgeMs: q.historyWindowMs });
      const r = await assistant.handle(q.text, { channel: 'slack', userId: q.userId, conversationId: q.channel, teamId: q.teamId, history }, { onPartial: (text) => stream.partial(text) });
      const answerId = r.kind === 'answer' ? feedback.recordAnswer({ channel: 'slack', userId: q.userId, conversationId: q.channel, question: q.text, answer: r.answer }) : undefined;
      await stream.finish(render(r, answerId));
      state.addTurn(q.threadKey, { role: 'user', text: q.text });
      state.addTurn(q.threadKey, { role: 'assistant', text: r.kind === 'answer' ? r.answer.text : r.text });
    } catch (error) {
      const text = reportError(logger, error, 'slack answer', guessLanguage(q.text), { channel: q.channel, user: q.userId });
      // A half-streamed answer is replaced by the error message rather than left standing.
      await stream.finish({ text, blocks: [{ type: 'section', text: { type: 'plain_text', text } }] }).catch((e: unknown) => logger.error('could not post the error message', { error: e }));
    } finally {
      if (reacted) await client.reactions.remove({ channel: q.channel, timestamp: q.ts, name: workingReaction }).catch((error: unknown) => logger.warn('could not remove the working reaction', { error }));
    }
  }

  // Mentions in channels: answered in the thread of the question; a mention inside a thread is a
  // follow-up and gets the thread's earlier turns.
  app.event('app_mention', async ({ event, client, context }) => {
    const text = slackTextToQuestion(event.text, context.botUserId);
    const threadTs = event.thread_ts ?? event.ts;
    await answer(client, { text, channel: event.channel, ts: event.ts, replyThreadTs: threadTs, userId: event.user, teamId: context.teamId, threadKey: `${event.channel}:${threadTs}` });
  });

  // Direct messages. The first one from a person gets the introduction before the answer.
  app.message(async ({ message, client, context }) => {
    const m = message as { channel: string; channel_type?: string; ts: string; thread_ts?: string; text?: string; user?: string; subtype?: string; bot_id?: string };
    if (m.channel_type !== 'im' || m.subtype || m.bot_id || !m.user) return;
    if (state.claimWelcome(`user:${m.user}`)) {
      await welcome(client, { channel: m.channel, asker: m.user, teamId: context.teamId }, guessLanguage(m.text)).catch((error: unknown) => logger.warn('welcome failed', { error }));
    }
    const text = slackTextToQuestion(m.text, context.botUserId);
    const threadKey = m.thread_ts ? `${m.channel}:${m.thread_ts}` : m.channel;
    await answer(client, {
      text,
      channel: m.channel,
      ts: m.ts,
      replyThreadTs: m.thread_ts,
      userId: m.user,
      teamId: context.teamId,
      threadKey,
      historyWindowMs: m.thread_ts ? undefined : dmHistoryWindowMs,
    });
  });

  // `/wegwijzer <vraag>`: acknowledged at once with a "searching" note only the asker sees, then
  // answered in the channel through the command's response_url.
  app.command(config.SLACK_SLASH_COMMAND, async ({ command, ack, respond, context }) => {
    const language = guessLanguage(command.text);
    await ack({ response_type: 'ephemeral', text: template('channels/working', language) });
    try {
      const r = await assistant.handle(command.text, { channel: 'slack', userId: command.user_id, conversationId: command.channel_id, teamId: context.teamId });
      const answerId = r.kind === 'answer' ? feedback.recordAnswer({ channel: 'slack', userId: command.user_id, conversationId: command.channel_id, question: command.text, answer: r.answer }) : undefined;
      const message = render(r, answerId);
      await respond({ response_type: r.kind === 'answer' ? 'in_channel' : 'ephemeral', text: message.text, blocks: message.blocks });
    } catch (error) {
      await respond({ response_type: 'ephemeral', text: reportError(logger, error, 'slack command', language, { user: command.user_id }) });
    }
  });

  // 👍/👎: stored with the question, answer and sources; the clicker gets a private thank-you.
  app.action(feedbackActionPattern, async ({ ack, body, action, client }) => {
    await ack();
    const b = body as { user: { id: string }; channel?: { id: string }; message?: { ts?: string; thread_ts?: string } };
    const a = action as { action_id: string; value?: string };
    const rating = a.action_id.endsWith('_up') ? 'up' : 'down';
    const result = a.value ? feedback.recordFeedback({ answerId: a.value, rating, userId: b.user.id }) : ({ ok: false, reason: 'unknown-answer' } as const);
    const language = result.ok ? result.entry.answer.language : 'nl';
    if (!result.ok) logger.warn('feedback for an unknown answer', { answerId: a.value });
    else logger.info('feedback stored', { answerId: a.value, rating });
    if (!b.channel?.id) return;
    const text = result.ok ? template('channels/feedback-thanks', language, { rating: rating === 'up' ? '👍' : '👎' }) : template('channels/feedback-unknown', language);
    await client.chat
      .postEphemeral({ channel: b.channel.id, user: b.user.id, text, thread_ts: b.message?.thread_ts })
      .catch((error: unknown) => logger.warn('could not confirm feedback', { error }));
  });

  // Onboarding: when Wegwijzer itself joins a channel it introduces itself there once; a person who
  // joins a channel with Wegwijzer gets the introduction privately, once.
  app.event('member_joined_channel', async ({ event, client, context }) => {
    if (event.user === context.botUserId) {
      if (state.claimWelcome(`channel:${event.channel}`)) await welcome(client, { channel: event.channel, teamId: context.teamId });
      return;
    }
    if (state.claimWelcome(`user:${event.user}`)) await welcome(client, { channel: event.channel, user: event.user, teamId: context.teamId });
  });

  // The Home tab shows the milestone timeline, fresh each time it is opened; opening the direct chat
  // for the first time (Messages tab) gets the introduction.
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab === 'home') {
      if (deps.timeline) await publishHome(client, event.user, deps.timeline('nl'), { withActions: true });
      return;
    }
    if (event.tab !== 'messages' || !event.channel) return;
    if (state.claimWelcome(`user:${event.user}`)) await welcome(client, { channel: event.channel, asker: event.user, teamId: context.teamId });
  });

  for (const extend of deps.extensions ?? []) extend(app, { logger });

  app.error(async (error) => {
    reportError(logger, error, 'slack listener');
  });

  const routes: Route[] = httpReceiver
    ? [{ method: 'POST', path: slackEventsPath, handle: (req, res) => httpReceiver!.requestListener(req, res) }]
    : [];

  return {
    app,
    client: app.client,
    transport: socket ? 'socket' : 'http',
    routes,
    // In HTTP mode the shared server delivers requests; only Socket Mode opens its own connection.
    start: async () => {
      if (socket) await app.start();
      state.pruneEvents();
    },
    stop: async () => {
      if (socket) await app.stop();
    },
  };
}
