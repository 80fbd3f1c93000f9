// Builds the LLM answerer when configured. Kept apart from bootstrap so the LangChain clients load only
// when a model is configured (the extractive default starts without them).
import type { Config } from '../config/config.js';
import { AppError } from '../errors/app-error.js';
import type { Logger } from './logger.js';
import type { Answerer } from './types.js';

export async function createLlmAnswererFromConfig(config: Config, fallback: Answerer, logger: Logger): Promise<Answerer> {
  const { createChatModel } = await import('../models/langchain-chat-model.js');
  const { LlmAnswerer } = await import('../answer/llm/index.js');
  const model = createChatModel(config);
  if (!model) throw new AppError('CONFIG_INVALID', 'ANSWERER=llm but no chat model is configured (CHAT_PROVIDER)');
  return new LlmAnswerer({ model, fallback, logger, timeoutMs: config.CHAT_TIMEOUT_MS, maxRetries: config.CHAT_MAX_RETRIES });
}
