// The real product for channel tests: bootstrap (ingest → retrieval → extractive answerer → Assistant)
// over the seed corpus in corpus/, with its index and database in a fresh temporary directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AskContext, Assistant, AssistantReply } from '../../../src/core/assistant.js';
import { bootstrap, type BootstrapOptions, type Runtime } from '../../../src/core/bootstrap.js';
import { silentLogger } from '../../../src/core/logger.js';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** A question from ../shared/eval/dev.jsonl (dev-04) with its fact, and the document that holds it. */
export const nvoQuestion = {
  text: 'Wanneer is de NvO in VNG-verband vastgesteld?',
  fact: '10 juni 2020',
  title: 'Uitwerking Norm voor Opdrachtgeverschap (NvO) – Een 10 voor de Jeugd',
  date: '2021-10',
  doc: 'nvo-een-10-voor-de-jeugd-2021',
};
export const unanswerableQuestion = 'Hoeveel kost een pizza op Mars?';

export interface SeedRuntime {
  runtime: Runtime;
  assistant: Assistant;
  dataDir: string;
  cleanup(): void;
}

/** `options`: extra bootstrap options such as the milestones' commandHandlers. */
export async function bootstrapSeedRuntime(env: Record<string, string> = {}, options: Pick<BootstrapOptions, 'commandHandlers' | 'milestoneAnswer'> = {}): Promise<SeedRuntime> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-channels-'));
  // Rate limiting is per user per minute; the tests ask more than a person would.
  const runtime = await bootstrap({ env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '1000', ...env }, cwd: repoRoot, logger: silentLogger, ...options });
  return { runtime, assistant: runtime.assistant, dataDir, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/** Wraps an Assistant and records what each channel passed in, to check context (history, user). */
export function recordingAssistant(inner: Assistant): Assistant & { asked: { text: string; context: AskContext; reply: AssistantReply }[] } {
  const asked: { text: string; context: AskContext; reply: AssistantReply }[] = [];
  return {
    asked,
    documents: () => inner.documents(),
    welcome: (l) => inner.welcome(l),
    async handle(text, context, options) {
      const reply = await inner.handle(text, context, options);
      asked.push({ text, context, reply });
      return reply;
    },
  };
}
