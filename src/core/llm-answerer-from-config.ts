// Builds the LLM answerer when configured. Kept apart from bootstrap so the LangChain clients load only
// when a model is configured (the extractive default starts without them).
import type { Config } from '../config/config.js';
import { AppError } from '../errors/app-error.js';
import type { ChatModel } from '../models/chat-model.js';
import type { Logger } from './logger.js';
import type { Answerer } from './types.js';

/** The configured chat model, or null when CHAT_PROVIDER=none. */
export async function createChatModelFromConfig(config: Config): Promise<ChatModel | null> {
  if (config.CHAT_PROVIDER === 'none') return null;
  const { createChatModel } = await import('../models/langchain-chat-model.js');
  return createChatModel(config);
}

export async function createLlmAnswerer(config: Config, model: ChatModel | null, fallback: Answerer, logger: Logger): Promise<Answerer> {
  if (!model) throw new AppError('CONFIG_INVALID', 'ANSWERER=llm but no chat model is configured (CHAT_PROVIDER)');
  const { LlmAnswerer } = await import('../answer/llm/index.js');
  return new LlmAnswerer({ model, fallback, logger, timeoutMs: config.CHAT_TIMEOUT_MS, maxRetries: config.CHAT_MAX_RETRIES });
}
