// `npm start`: builds or refreshes the index when needed, then serves every configured channel on one
// port (with no keys at all: the web chat on http://localhost:3978) and runs the reminder scheduler.
import { createProgressPrinter } from '../ingest/index.js';
import { slackHomeActions } from './channels/slack/slack-home.js';
import { slackReminderActions } from './channels/slack/slack-reminders.js';
import { teamsReminderSubmitHandler } from './channels/teams/teams-reminders.js';
import { ConfigError, loadConfig } from './config/config.js';
import { bootstrap } from './core/bootstrap.js';
import { createLogger } from './core/logger.js';
import { userMessageFor } from './errors/app-error.js';
import { createMilestones } from './milestones/create-milestones.js';
import { timeline } from './milestones/timeline.js';
import { channelReminderSenders, startChannels, type StartedChannels } from './server/start-channels.js';
import { databasePath, openDatabase } from './storage/database.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = openDatabase(databasePath(config.dataDir));

  // Milestones first: the Assistant needs their chat commands; reminders reach the channels once started.
  let started: StartedChannels | undefined;
  const milestones = createMilestones({ config, db, logger, senders: channelReminderSenders(() => started, db, logger) });

  // A fresh clone has no index yet: the first start builds it and shows its progress.
  const runtime = await bootstrap({ logger, onProgress: createProgressPrinter(), commandHandlers: [milestones.commandHandler], milestoneAnswer: milestones.answerQuestion });
  const { assistant } = runtime;
  for (const report of milestones.syncPlanningFiles()) logger.info('planning file synced', { ...report });
  const proposed = milestones.importFromCorpus(runtime.corpus);
  if (proposed) logger.info('milestones proposed from the documents', { count: proposed });

  const milestoneTimeline = (language: 'nl' | 'en') => timeline(milestones.service, new Date(), { language });
  started = await startChannels({
    config: runtime.config,
    assistant,
    db,
    logger,
    slackExtensions: [slackReminderActions(milestones.actions), slackHomeActions(milestones.actions, milestoneTimeline)],
    teamsSubmitHandlers: [teamsReminderSubmitHandler(milestones.actions, logger)],
    timeline: milestoneTimeline,
    health: () => ({ indexBuiltAt: runtime.corpus.builtAt, openMilestones: milestones.service.listOpen().length }),
  });
  if (config.SCHEDULER_ENABLED) milestones.scheduler.start();

  process.stdout.write(
    `Wegwijzer draait op ${started.url}\n` +
      `  kanalen: ${started.channels.join(', ') || '(geen: zet WEB_CHAT_ENABLED=true of configureer Slack/Teams)'}\n` +
      `  documenten: ${assistant.documents().length}\n` +
      (started.channels.includes('web') ? `  open ${started.url} in je browser\n` : ''),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    await milestones.scheduler.stop().catch((error: unknown) => logger.error('scheduler stop failed', { error }));
    await started?.stop().catch((error: unknown) => logger.error('stop failed', { error }));
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    const code = (error as { code?: string }).code;
    process.stderr.write(`Wegwijzer kon niet starten${code ? ` (${code})` : ''}: ${error instanceof Error ? error.message : String(error)}\n${userMessageFor(error, 'nl')}\n`);
  }
  process.exit(1);
});
