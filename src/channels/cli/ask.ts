// npm run ask -- "vraag"            prints the answer with numbered sources
// npm run ask -- --json "question"  prints one JSON object (the machine interface used by the eval)
import { bootstrap } from '../../core/bootstrap.js';
import { renderReplyAsText } from '../../core/render-text.js';
import { replyToJson } from '../../core/reply-json.js';
import { userMessageFor } from '../../errors/app-error.js';
import { createLogger } from '../../core/logger.js';
import { createProgressPrinter } from '../../../ingest/index.js';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const question = argv.filter((a) => a !== '--json').join(' ');
  if (!question.trim() || argv.includes('--help')) {
    process.stderr.write('Gebruik / usage: npm run ask -- [--json] "Welk schaalniveau geldt voor JeugdzorgPlus?"\n');
    return question.trim() ? 0 : 2;
  }
  const logger = createLogger(process.env.LOG_LEVEL === undefined ? 'warn' : (process.env.LOG_LEVEL as 'info'));
  const runtime = await bootstrap({ logger, onProgress: createProgressPrinter() });
  const reply = await runtime.assistant.handle(question, { channel: 'cli', userId: 'cli' });
  process.stdout.write(json ? `${JSON.stringify(replyToJson(reply))}\n` : `${renderReplyAsText(reply, { quotes: true })}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    createLogger('error').error('ask failed', { error });
    process.stderr.write(`${userMessageFor(error)}\n`);
    process.exit(1);
  },
);
