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

export interface StartChannelsDeps {
  config: Config;
  assistant: Assistant;
  db: Db;
  logger: Logger;
  slackExtensions?: SlackAppExtension[];
  teamsSubmitHandlers?: TeamsSubmitHandler[];
  /** Extra health fields (e.g. index build time). */
  health?: () => Record<string, unknown>;
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
    routes.push(...createWebChatRoutes({ assistant, feedback, logger: logger.child({ channel: 'web' }) }));
    channels.push('web');
  }
  let slack: SlackChannel | undefined;
  if (config.slackEnabled) {
    slack = createSlackChannel({ config, assistant, feedback, db, logger, extensions: deps.slackExtensions });
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
