// Starts every configured channel on the one HTTP server: web chat (unless switched off), Slack
// (HTTP transport mounted at /slack/events, or Socket Mode), Teams (/api/messages), and GET /healthz.
import type { Config } from '../config/config.js';
import type { Assistant } from '../core/assistant.js';
import type { Logger } from '../core/logger.js';
import { FeedbackStore } from '../feedback/feedback-store.js';
import type { Db } from '../storage/database.js';
import { createSlackChannel, type SlackAppExtension, type SlackChannel } from '../channels/slack/slack-app.js';
import { createTeamsChannel, type TeamsChannel, type TeamsSubmitHandler } from '../channels/teams/teams-bot.js';
import { createWebChatRoutes } from '../channels/web/web-chat.js';
import { createHttpServer, listen, type Route, type RunningServer } from './http-server.js';
import type { ReminderSender } from '../milestones/reminder-sender.js';
import { createSlackReminderSender } from '../channels/slack/slack-reminders.js';
import { createTeamsReminderSender } from '../channels/teams/teams-reminders.js';
import type { Timeline } from '../milestones/timeline.js';
import type { Language } from '../core/types.js';

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
  teams?: TeamsChannel;
  stop(): Promise<void>;
}

export async function startChannels(deps: StartChannelsDeps, listenOn: { port?: number; host?: string } = {}): Promise<StartedChannels> {
  const { config, assistant, db, logger } = deps;
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
    routes.push(...slack.routes);
    channels.push(slack.transport === 'socket' ? 'slack (socket mode)' : 'slack (http: /slack/events)');
  }
  let teams: TeamsChannel | undefined;
  if (config.teamsEnabled) {
    teams = createTeamsChannel({ config, assistant, feedback, db, logger, submitHandlers: deps.teamsSubmitHandlers });
    routes.push(...teams.routes);
    channels.push(config.MICROSOFT_APP_ID ? 'teams (/api/messages)' : 'teams (/api/messages, local development without authentication)');
  }

  const server = createHttpServer({
    logger,
    routes,
    health: () => ({ documents: assistant.documents().length, channels, ...deps.health?.() }),
  });
  const running = await listen(server, listenOn.port ?? config.PORT, listenOn.host ?? config.HOST);
  await slack?.start();

  return {
    server: running,
    url: running.url,
    channels,
    feedback,
    slack,
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
      if (name === 'slack' && started.slack) sender = createSlackReminderSender({ client: started.slack.client, db, logger });
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
