// Composition root: configuration → index (built or refreshed when missing or stale) → retriever →
// answerer → assistant. Every entry point (npm start, ask, chat, eval, bench, tests) starts here, so
// they all run the same product.
import { loadConfig, type Config } from '../config/config.js';
import { ensureIndex, type IngestProgress, type IngestReport } from '../../ingest/index.js';
import { createEmbedder, buildSearchArtifacts, openRetriever } from '../retrieval/index.js';
import { ExtractiveAnswerer, detectLanguage } from '../answer/index.js';
import { loadLearnedModels } from '../answer/unit-scorer.js';
import { createAssistant, type AssistantDeps, type CommandHandler } from './create-assistant.js';
import type { Assistant } from './assistant.js';
import { createLogger, type Logger } from './logger.js';
import type { Answerer, Embedder, IndexedCorpus, Retriever } from './types.js';
import { loadScopePolicy } from './access-scopes.js';
import { createChatModelFromConfig, createLlmAnswerer } from './llm-answerer-from-config.js';
import { rewriteFollowUp } from '../answer/llm/follow-up.js';

export interface BootstrapOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Overrides config.corpusDirs (eval, tests). */
  corpusDirs?: string[];
  /** Overrides config.dataDir (eval, tests). */
  dataDir?: string;
  /** 'auto' (default): ingest when the index is missing or stale; 'force': always; 'never': fail without an index. */
  ingest?: 'auto' | 'force' | 'never';
  onProgress?: (e: IngestProgress) => void;
  logger?: Logger;
  /** Overrides config.ANSWERER. */
  answerer?: 'extractive' | 'llm';
  commandHandlers?: CommandHandler[];
  milestoneAnswer?: AssistantDeps['milestoneAnswer'];
}

export interface Runtime {
  config: Config;
  logger: Logger;
  corpus: IndexedCorpus;
  indexDir: string;
  embedder: Embedder;
  retriever: Retriever;
  answerer: Answerer;
  extractive: Answerer;
  assistant: Assistant;
  /** The report of the ingest run at start, when one ran. */
  ingestReport?: IngestReport;
}

export async function bootstrap(options: BootstrapOptions = {}): Promise<Runtime> {
  const base = loadConfig(options.env ?? process.env, options.cwd);
  const config: Config = {
    ...base,
    corpusDirs: options.corpusDirs ?? base.corpusDirs,
    dataDir: options.dataDir ?? base.dataDir,
    ANSWERER: options.answerer ?? base.ANSWERER,
  };
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const embedder = createEmbedder(config);

  // Builds a missing index, refreshes a stale one, rebuilds a damaged one; waits for another ingest's lock.
  const { corpus, indexDir, ingestReport } = await ensureIndex({
    corpusDirs: config.corpusDirs,
    dataDir: config.dataDir,
    mode: options.ingest ?? 'auto',
    maxFileBytes: config.MAX_FILE_MB * 1024 * 1024,
    parseTimeoutMs: config.PARSE_TIMEOUT_MS,
    onProgress: options.onProgress,
    afterBuild: (built, dir) => buildSearchArtifacts(built, dir, embedder),
    logger,
  });

  const retriever = await openRetriever({ corpus, indexDir, embedder });
  const extractive = new ExtractiveAnswerer(config.ANSWER_SCORING === 'learned' ? loadLearnedModels() : {});
  const chatModel = await createChatModelFromConfig(config);
  const answerer = config.ANSWERER === 'llm' ? await createLlmAnswerer(config, chatModel, extractive, logger) : extractive;

  const assistant = createAssistant({
    corpus,
    retriever,
    answerer,
    detectLanguage,
    logger,
    maxQuestionChars: config.MAX_QUESTION_CHARS,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    commandHandlers: options.commandHandlers,
    scopePolicy: loadScopePolicy(config.SCOPES_FILE),
    milestoneAnswer: options.milestoneAnswer,
    // With a model the follow-up is rewritten by it; without one, by a deterministic rule.
    rewriteFollowUp: (question, history) => rewriteFollowUp(question, history, chatModel, { logger, timeoutMs: config.CHAT_TIMEOUT_MS }),
  });
  return { config, logger, corpus, indexDir, embedder, retriever, answerer, extractive, assistant, ingestReport };
}
