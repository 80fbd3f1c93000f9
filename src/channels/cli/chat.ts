// Interactive chat in the terminal: follow-up questions keep the conversation's earlier turns.
import readline from 'node:readline/promises';
import { bootstrap, type Runtime } from '../../core/bootstrap.js';
import type { ConversationTurn } from '../../core/types.js';
import { renderReplyAsText } from '../../core/render-text.js';
import { createLogger } from '../../core/logger.js';
import { userMessageFor } from '../../errors/app-error.js';
import { createProgressPrinter } from '../../../ingest/index.js';

export async function runTerminalChat(runtime?: Runtime): Promise<void> {
  const rt = runtime ?? (await bootstrap({ logger: createLogger('warn'), onProgress: createProgressPrinter() }));
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const welcome = await rt.assistant.welcome('nl');
  process.stdout.write(`${welcome.kind === 'help' ? welcome.text : ''}\n\n(Ctrl+D of "stop" om te stoppen)\n`);
  const history: ConversationTurn[] = [];
  for (;;) {
    let line: string;
    try {
      line = await rl.question('\nvraag> ');
    } catch {
      break; // stdin closed
    }
    if (/^(stop|exit|quit)$/i.test(line.trim())) break;
    try {
      const reply = await rt.assistant.handle(line, { channel: 'cli', userId: 'terminal', history: history.slice(-6) });
      process.stdout.write(`\n${renderReplyAsText(reply, { quotes: true })}\n`);
      if (reply.kind === 'answer') history.push({ role: 'user', text: line }, { role: 'assistant', text: reply.answer.text });
    } catch (error) {
      rt.logger.error('chat failed', { error });
      process.stdout.write(`\n${userMessageFor(error)}\n`);
    }
  }
  rl.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runTerminalChat().catch((error) => {
    process.stderr.write(`${userMessageFor(error)}\n`);
    process.exit(1);
  });
}
