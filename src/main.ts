// `npm start`: builds or refreshes the index when needed, then serves every configured channel on one
// port. With no keys at all that is the web chat on http://localhost:3978.
import { createProgressPrinter } from './channels/cli/ingest-progress.js';
import { ConfigError } from './config/config.js';
import { bootstrap } from './core/bootstrap.js';
import { userMessageFor } from './errors/app-error.js';
import { startChannels } from './server/start-channels.js';
import { databasePath, openDatabase } from './storage/database.js';

async function main(): Promise<void> {
  // A fresh clone has no index yet: the first start builds it and shows its progress.
  const runtime = await bootstrap({ onProgress: createProgressPrinter() });
  const { config, logger, assistant } = runtime;
  const db = openDatabase(databasePath(config.dataDir));
  const started = await startChannels({ config, assistant, db, logger, health: () => ({ indexBuiltAt: runtime.corpus.builtAt }) });

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
    await started.stop().catch((error: unknown) => logger.error('stop failed', { error }));
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
