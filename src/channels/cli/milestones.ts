// `npm run milestones -- <command>`: the milestone list and its changes from the terminal, on the same
// database the server uses. Every command is the chat command of the same name (Dutch replies unless
// --en), plus the operator's extras: extract (proposals from the built index), sync (planning file),
// tick (deliver due reminders once), outbox (what is queued).
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../core/logger.js';
import type { AskContext } from '../../core/assistant.js';
import { AppError, userMessageFor } from '../../errors/app-error.js';
import { databasePath, openDatabase } from '../../storage/database.js';
import { createMilestones } from '../../milestones/create-milestones.js';
import { loadIndexedCorpus } from '../../../ingest/index.js';

const usage = `Gebruik / usage: npm run milestones -- <command> [--en]
  list                              open milestones by month
  proposed                          proposals taken from the documents
  add "<title>" <date>              e.g. add "Programma van eisen" "1 maart 2027"
  confirm <id> [target]             target like slack:C123 or teams:<conversationId>
  done <id> | cancel <id>
  move <id> <date>
  snooze <id> <days>
  subscribe <target> [id]           every open milestone, or one
  owner <id> <owner>
  extract                           store proposals found in the built index (npm run ingest first)
  sync                              read corpus/milestones.json into the database
  tick                              deliver due reminders once (log sender only)
  outbox [id]                       queued and sent reminders`;

async function main(argv: string[]): Promise<number> {
  const en = argv.includes('--en');
  const args = argv.filter((a) => a !== '--en');
  const [command, ...rest] = args;
  if (!command || command === 'help' || command === '--help') {
    console.log(usage);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const db = openDatabase(databasePath(config.dataDir));
  try {
    const milestones = createMilestones({ config, db, logger });
    milestones.syncPlanningFiles();
    const lang = en ? 'en' : 'nl';
    const ctxFor = (target?: string): AskContext => {
      if (!target) return { channel: 'cli', userId: process.env.USER ?? 'cli' };
      const i = target.indexOf(':');
      const channel = target.slice(0, i) as AskContext['channel'];
      return { channel, conversationId: target.slice(i + 1), userId: process.env.USER ?? 'cli' };
    };
    const chat = async (text: string, ctx: AskContext = ctxFor()) => {
      const r = await milestones.commandHandler(text, lang, ctx);
      if (!r) {
        console.error(usage);
        return 1;
      }
      console.log('text' in r ? r.text : '');
      return r.kind === 'milestones' && (r.data as { action?: string } | undefined)?.action === 'error' ? 1 : 0;
    };
    const nl = !en;
    switch (command) {
      case 'list':
        return chat(nl ? 'mijlpalen' : 'milestones');
      case 'proposed':
        return chat(nl ? 'mijlpalen voorstellen' : 'milestones proposed');
      case 'add':
        if (rest.length < 2) break;
        return chat(nl ? `mijlpaal toevoegen ${rest[0]} op ${rest.slice(1).join(' ')}` : `milestone add ${rest[0]} on ${rest.slice(1).join(' ')}`);
      case 'confirm':
        if (!rest[0]) break;
        return chat(nl ? `bevestig ${rest[0]}` : `confirm ${rest[0]}`, ctxFor(rest[1]));
      case 'done':
        if (!rest[0]) break;
        return chat(nl ? `mijlpaal ${rest[0]} klaar` : `milestone ${rest[0]} done`);
      case 'cancel':
        if (!rest[0]) break;
        return chat(nl ? `mijlpaal ${rest[0]} schrappen` : `milestone ${rest[0]} cancel`);
      case 'move':
        if (rest.length < 2) break;
        return chat(nl ? `verplaats ${rest[0]} naar ${rest.slice(1).join(' ')}` : `move ${rest[0]} to ${rest.slice(1).join(' ')}`);
      case 'snooze':
        if (!rest[0]) break;
        return chat(nl ? `snooze ${rest[0]} ${rest[1] ?? 1} dagen` : `snooze ${rest[0]} ${rest[1] ?? 1} days`);
      case 'subscribe':
        if (!rest[0]?.includes(':')) break;
        return chat(nl ? `abonneer dit kanaal${rest[1] ? ` op ${rest[1]}` : ''}` : `subscribe this channel${rest[1] ? ` to ${rest[1]}` : ''}`, ctxFor(rest[0]));
      case 'owner':
        if (rest.length < 2) break;
        return chat(nl ? `eigenaar ${rest[0]} ${rest.slice(1).join(' ')}` : `owner ${rest[0]} ${rest.slice(1).join(' ')}`);
      case 'extract': {
        const loaded = loadIndexedCorpus(config.dataDir);
        if (!loaded) {
          console.error(userMessageFor(new AppError('INDEX_MISSING', 'no built index'), lang));
          return 1;
        }
        const n = milestones.importFromCorpus(loaded.corpus);
        console.log(nl ? `${n} nieuwe voorgestelde mijlpalen opgeslagen.` : `${n} new proposed milestones stored.`);
        return chat(nl ? 'mijlpalen voorstellen' : 'milestones proposed');
      }
      case 'sync': {
        const reports = milestones.syncPlanningFiles();
        for (const r of reports) console.log(JSON.stringify({ added: r.added.length, updated: r.updated.length, unchanged: r.unchanged.length }));
        return 0;
      }
      case 'tick': {
        const report = await milestones.scheduler.tick();
        console.log(JSON.stringify(report));
        return 0;
      }
      case 'outbox':
        for (const r of milestones.store.rows(rest[0])) console.log(`${r.sendAt}  ${r.status.padEnd(10)} ${r.milestoneId}  ${r.occurrenceKey}  ${r.target}  attempts=${r.attempts}${r.lastError ? `  error=${r.lastError}` : ''}`);
        return 0;
    }
    console.error(usage);
    return 1;
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(userMessageFor(error, process.argv.includes('--en') ? 'en' : 'nl'));
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
