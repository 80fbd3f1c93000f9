// Starts every configured channel on the one HTTP server: web chat (unless switched off), Slack
// (HTTP transport mounted at /slack/events, or Socket Mode), Teams (/api/messages), and GET /healthz.
import { webApi } from '@slack/bolt';
import type { Config } from '../config/config.js';
import type { Assistant } from '../core/assistant.js';
import { addSecretValues, type Logger } from '../core/logger.js';
import { FeedbackStore } from '../feedback/feedback-store.js';
import type { Db } from '../storage/database.js';
import { createSlackChannel, type SlackAppExtension, type SlackChannel } from '../channels/slack/slack-app.js';
import { createTeamsChannel, type TeamsChannel, type TeamsSubmitHandler } from '../channels/teams/teams-bot.js';
import { createWebChatRoutes } from '../channels/web/web-chat.js';
import { createHttpServer, listen, type Route, type RunningServer } from './http-server.js';
import { createHealthCheck } from './health.js';
import { sendJson } from './http.js';
import { treatTokenErrorsAsUnauthorized } from './teams-token-errors.js';
import type { ReminderSender } from '../milestones/reminder-sender.js';
import { createSlackReminderSender } from '../channels/slack/slack-reminders.js';
import { boltLoggerFrom } from '../channels/slack/slack-logger.js';
import { createTeamsReminderSender } from '../channels/teams/teams-reminders.js';
import type { Timeline } from '../milestones/timeline.js';
import type { Language } from '../core/types.js';

/** Slack's replay window: a request timestamp further than this from now, either way, is refused. */
export const slackTimestampWindowSec = 5 * 60;

/**
 * Bolt verifies the signature and refuses stale timestamps, but accepts any timestamp in the future;
 * a signed request dated ahead could be replayed for that long. Refused here before Bolt sees it.
 */
function withSlackTimestampWindow(route: Route, logger: Logger, now: () => number = Date.now): Route {
  return {
    ...route,
    handle(req, res, url) {
      const raw = req.headers['x-slack-request-timestamp'];
      const ts = typeof raw === 'string' && /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isFinite(ts) || Math.abs(now() / 1000 - ts) > slackTimestampWindowSec) {
        logger.warn('Slack request refused: timestamp missing or outside the 5-minute window', { channel: 'slack', path: url.pathname });
        req.resume();
        sendJson(res, 401, { error: 'invalid request timestamp' });
        return;
      }
      return route.handle(req, res, url);
    },
  };
}

export interface StartChannelsDeps {
  config: Config;
  assistant: Assistant;
  db: Db;
  logger: Logger;
  slackExtensions?: SlackAppExtension[];
  teamsSubmitHandlers?: TeamsSubmitHandler[];
  /** Extra health fields (e.g. index build time). */
  health?: () => Record<string, unknown>;
  /** The milestone timeline (web "Mijlpalen" panel, Slack App Home); optional. */
  timeline?: (language: Language) => Timeline;
}

export interface StartedChannels {
  server: RunningServer;
  /** Where the server listens, e.g. http://localhost:3978 */
  url: string;
  /** 'web', 'slack (http)', 'slack (socket mode)', 'teams' … as started. */
  channels: string[];
  feedback: FeedbackStore;
  slack?: SlackChannel;
  /**
   * Slack Web API client for reminders: a 429 is returned at once with its Retry-After (the outbox
   * reschedules the row, bounded by its backoff) instead of the answer client's in-call waiting and
   * up to ten retries, which would hold a scheduler tick for up to half an hour.
   */
  slackReminderClient?: SlackChannel['client'];
  teams?: TeamsChannel;
  stop(): Promise<void>;
}

export async function startChannels(deps: StartChannelsDeps, listenOn: { port?: number; host?: string } = {}): Promise<StartedChannels> {
  const { config, assistant, db, logger } = deps;
  addSecretValues([config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN, config.MICROSOFT_APP_PASSWORD, config.OPENAI_API_KEY, config.AZURE_OPENAI_API_KEY]);
  const feedback = new FeedbackStore(db);
  const routes: Route[] = [];
  const channels: string[] = [];

  if (config.WEB_CHAT_ENABLED) {
    routes.push(...createWebChatRoutes({ assistant, feedback, logger: logger.child({ channel: 'web' }), timeline: deps.timeline }));
    channels.push('web');
  }
  let slack: SlackChannel | undefined;
  if (config.slackEnabled) {
    slack = createSlackChannel({ config, assistant, feedback, db, logger, extensions: deps.slackExtensions, timeline: deps.timeline });
    routes.push(...slack.routes.map((route) => withSlackTimestampWindow(route, logger)));
    channels.push(slack.transport === 'socket' ? 'slack (socket mode)' : 'slack (http: /slack/events)');
  }
  let teams: TeamsChannel | undefined;
  if (config.teamsEnabled) {
    teams = createTeamsChannel({ config, assistant, feedback, db, logger, submitHandlers: deps.teamsSubmitHandlers });
    treatTokenErrorsAsUnauthorized(teams.adapter);
    routes.push(...teams.routes);
    channels.push(config.MICROSOFT_APP_ID ? 'teams (/api/messages)' : 'teams (/api/messages, local development without authentication)');
  }

  const healthCheck = createHealthCheck({
    dataDir: config.dataDir,
    db,
    documents: () => assistant.documents().length,
    channels: () => channels,
    channelStatus: () => ({
      web: { configured: config.WEB_CHAT_ENABLED, started: channels.includes('web') },
      slack: { configured: config.slackEnabled, started: Boolean(slack) && slackStarted, ...(slack ? { detail: slack.transport === 'socket' ? 'socket mode' : 'http: /slack/events' } : {}) },
      teams: { configured: config.teamsEnabled, started: Boolean(teams), ...(teams ? { detail: config.MICROSOFT_APP_ID ? 'authenticated' : 'local development without authentication' } : {}) },
    }),
  });
  let slackStarted = false;
  const server = createHttpServer({
    logger,
    routes,
    // The callers' extra fields first, so they cannot mask the checks' verdict.
    health: () => ({ ...deps.health?.(), ...healthCheck() }),
  });
  const running = await listen(server, listenOn.port ?? config.PORT, listenOn.host ?? config.HOST);
  await slack?.start();
  slackStarted = Boolean(slack);
  const slackReminderClient = slack
    ? (new webApi.WebClient(config.SLACK_BOT_TOKEN, {
        slackApiUrl: config.SLACK_API_URL ? config.SLACK_API_URL.replace(/\/?$/, '/') : undefined,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 1, minTimeout: 500, maxTimeout: 2000 },
        logger: boltLoggerFrom(logger.child({ channel: 'slack', module: 'reminders' })),
      }) as unknown as SlackChannel['client'])
    : undefined;

  return {
    server: running,
    url: running.url,
    channels,
    feedback,
    slack,
    slackReminderClient,
    teams,
    async stop() {
      await slack?.stop();
      await running.close();
    },
  };
}

/**
 * Reminder senders for Slack and Teams, usable before the channels exist: the milestones module is
 * composed first (the Assistant needs its commands), the channels later. Until a channel is started,
 * or when it is not configured, sends fail as a value and the scheduler retries with backoff.
 */
export function channelReminderSenders(channels: () => StartedChannels | undefined, db: Db, logger: Logger): ReminderSender[] {
  const cache = new Map<string, ReminderSender>();
  const resolve = (name: 'slack' | 'teams'): ReminderSender | undefined => {
    const started = channels();
    if (!started) return undefined;
    let sender = cache.get(name);
    if (!sender) {
      if (name === 'slack' && started.slack) sender = createSlackReminderSender({ client: started.slackReminderClient ?? started.slack.client, db, logger });
      if (name === 'teams' && started.teams) sender = createTeamsReminderSender({ teams: started.teams, db, logger });
      if (sender) cache.set(name, sender);
    }
    return sender;
  };
  return (['slack', 'teams'] as const).map((name) => ({
    channel: name,
    async send(target, message, key) {
      const sender = resolve(name);
      return sender ? sender.send(target, message, key) : { ok: false, error: `${name} is not configured or not started yet` };
    },
    async findDelivered(target, key) {
      return resolve(name)?.findDelivered?.(target, key);
    },
  }));
}
