// Port: a chat language model. The answerers talk to this, never to a vendor SDK, so the local
// default (no model) and every hosted or local provider are interchangeable by configuration.

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatCallOptions {
  /** Cancels the call; an aborted call rejects with MODEL_UNAVAILABLE (reason 'aborted'). */
  signal?: AbortSignal;
  /** Per-call limit in milliseconds; when exceeded the call rejects with MODEL_UNAVAILABLE (reason 'timeout'). */
  timeoutMs?: number;
}

export interface ChatModel {
  /** Provider and model, e.g. 'ollama:llama3.1' or 'openai:gpt-4o-mini'; for logs and eval reports. */
  readonly name: string;
  /** One complete reply. Failures reject with AppError('MODEL_UNAVAILABLE', ..., { reason }). */
  complete(messages: ChatMessage[], opts?: ChatCallOptions): Promise<string>;
  /** Token pieces as they arrive; same failure contract as complete(). Optional: not every model streams. */
  stream?(messages: ChatMessage[], opts?: ChatCallOptions): AsyncIterable<string>;
}

/** Why a model call failed; drives retry decisions and the fallback log line. */
export type ModelFailureReason = 'timeout' | 'aborted' | 'connection' | 'http-5xx' | 'rate-limited' | 'http-4xx' | 'empty-reply' | 'unknown';

/** Failures worth another attempt: the model may answer next time. */
export function isTransientModelFailure(reason: ModelFailureReason | undefined): boolean {
  return reason === 'timeout' || reason === 'connection' || reason === 'http-5xx' || reason === 'rate-limited' || reason === 'empty-reply';
}
