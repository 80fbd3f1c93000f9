// The one file that imports the LangChain chat clients. Everything else sees the ChatModel port.
// Retries are switched off in the clients (maxRetries 0): LlmAnswerer owns the retry policy, so
// attempts are bounded and logged in one place instead of multiplying across layers.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOllama } from '@langchain/ollama';
import { AzureChatOpenAI, ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config/config.js';
import { AppError } from '../errors/app-error.js';
import type { ChatCallOptions, ChatMessage, ChatModel, ModelFailureReason } from './chat-model.js';

const defaultModels = { ollama: 'llama3.1:8b', openai: 'gpt-4o-mini' } as const;

export interface LangChainChatModelOptions {
  /** For logs and reports, e.g. 'ollama:llama3.1:8b'. */
  name: string;
  /** Default per-call limit when the caller gives none. */
  timeoutMs: number;
}

function toLangChain(messages: ChatMessage[]): BaseMessage[] {
  return messages.map((m) =>
    m.role === 'system' ? new SystemMessage(m.content) : m.role === 'assistant' ? new AIMessage(m.content) : new HumanMessage(m.content),
  );
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' && 'text' in p && typeof p.text === 'string' ? p.text : ''))
      .join('');
  }
  return '';
}

/** Walk an error and its causes for an HTTP status or a socket error code. */
function classify(error: unknown): ModelFailureReason {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const o = e as { status?: unknown; status_code?: unknown; code?: unknown; name?: unknown; message?: unknown; cause?: unknown; response?: { status?: unknown } };
    const status = [o.status, o.status_code, o.response?.status].find((s) => typeof s === 'number') as number | undefined;
    if (status === 429) return 'rate-limited';
    if (status !== undefined && status >= 500) return 'http-5xx';
    if (status !== undefined && status >= 400) return 'http-4xx';
    const code = typeof o.code === 'string' ? o.code : '';
    if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EPIPE|UND_ERR_SOCKET|UND_ERR_CONNECT/i.test(code)) return 'connection';
    const text = `${String(o.name ?? '')} ${String(o.message ?? '')}`;
    if (/APIConnectionTimeoutError|timed? ?out/i.test(text)) return 'timeout';
    if (/APIConnectionError|Connection error|fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|other side closed/i.test(text)) return 'connection';
    e = o.cause;
  }
  return 'unknown';
}

function modelError(reason: ModelFailureReason, name: string, cause?: unknown): AppError {
  return new AppError('MODEL_UNAVAILABLE', `chat model ${name} failed: ${reason}`, { reason, model: name }, { cause });
}

/**
 * A deadline that aborts the underlying request. `touch()` restarts it, which streaming uses so the
 * limit bounds silence between tokens rather than the length of a long, healthy answer.
 */
class Deadline {
  readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  timedOut = false;
  private readonly onOuterAbort = () => this.controller.abort(this.outer?.reason);

  constructor(private readonly ms: number, private readonly outer?: AbortSignal) {
    if (outer?.aborted) this.controller.abort(outer.reason);
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
    this.touch();
  }

  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new Error('timeout'));
    }, this.ms);
  }

  /** Rejects when the deadline passes or the caller aborts; used to race clients that ignore the signal while connecting. */
  get aborted(): Promise<never> {
    return new Promise<never>((_, reject) => {
      const fire = () => reject(new Error('aborted'));
      if (this.controller.signal.aborted) fire();
      else this.controller.signal.addEventListener('abort', fire, { once: true });
    });
  }

  reason(error: unknown): ModelFailureReason {
    if (this.timedOut) return 'timeout';
    if (this.outer?.aborted) return 'aborted';
    return classify(error);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}

// The signal of the call in progress, for fetch wrappers of clients that do not pass the caller's
// signal to fetch themselves (the Ollama client): a timed-out call then really closes its request.
const callSignal = new AsyncLocalStorage<AbortSignal>();

/** Adapts any LangChain chat model (ChatOllama, ChatOpenAI, AzureChatOpenAI, or a fake in tests) to the ChatModel port. */
export class LangChainChatModel implements ChatModel {
  readonly name: string;
  private readonly timeoutMs: number;

  constructor(private readonly model: BaseChatModel, options: LangChainChatModelOptions) {
    this.name = options.name;
    this.timeoutMs = options.timeoutMs;
  }

  async complete(messages: ChatMessage[], opts: ChatCallOptions = {}): Promise<string> {
    const deadline = new Deadline(opts.timeoutMs ?? this.timeoutMs, opts.signal);
    const settled = deadline.aborted;
    settled.catch(() => undefined);
    try {
      const signal = deadline.controller.signal;
      const result = await Promise.race([callSignal.run(signal, () => this.model.invoke(toLangChain(messages), { signal })), settled]);
      const text = contentText(result.content).trim();
      if (!text) throw modelError('empty-reply', this.name);
      return text;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw modelError(deadline.reason(error), this.name, error);
    } finally {
      deadline.dispose();
    }
  }

  async *stream(messages: ChatMessage[], opts: ChatCallOptions = {}): AsyncIterable<string> {
    const deadline = new Deadline(opts.timeoutMs ?? this.timeoutMs, opts.signal);
    const settled = deadline.aborted;
    settled.catch(() => undefined);
    let iterator: AsyncIterator<{ content: unknown }> | undefined;
    try {
      const signal = deadline.controller.signal;
      const stream = await Promise.race([callSignal.run(signal, () => this.model.stream(toLangChain(messages), { signal })), settled]);
      const it = (iterator = stream[Symbol.asyncIterator]());
      for (;;) {
        const next = await Promise.race([callSignal.run(signal, () => it.next()), settled]);
        if (next.done) break;
        deadline.touch();
        const piece = contentText(next.value.content);
        if (piece) yield piece;
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw modelError(deadline.reason(error), this.name, error);
    } finally {
      deadline.dispose();
      // Stop the client's read loop when we leave early (timeout, consumer break).
      void iterator?.return?.().catch(() => undefined);
    }
  }
}

export interface ChatModelFactoryOptions {
  /** Override fetch for the Ollama client (tests use the global one). */
  fetch?: typeof fetch;
}

/** The chat model the configuration asks for, or null when CHAT_PROVIDER is 'none'. */
export function createChatModel(config: Config, options: ChatModelFactoryOptions = {}): ChatModel | null {
  const timeoutMs = config.CHAT_TIMEOUT_MS;
  const temperature = config.CHAT_TEMPERATURE;
  switch (config.CHAT_PROVIDER) {
    case 'none':
      return null;
    case 'ollama': {
      const model = config.CHAT_MODEL ?? defaultModels.ollama;
      const baseFetch = options.fetch ?? fetch;
      // The Ollama client does not give fetch the caller's signal; join it in, so a call that times
      // out or is cancelled closes its HTTP request instead of leaving it running on the server.
      const boundedFetch: typeof fetch = (input, init) => {
        const signals = [init?.signal, callSignal.getStore()].filter((s): s is AbortSignal => Boolean(s));
        return baseFetch(input, { ...init, ...(signals.length ? { signal: AbortSignal.any(signals) } : {}) });
      };
      const client = new ChatOllama({ model, baseUrl: config.OLLAMA_BASE_URL, temperature, maxRetries: 0, fetch: boundedFetch });
      return new LangChainChatModel(client, { name: `ollama:${model}`, timeoutMs });
    }
    case 'openai': {
      const model = config.CHAT_MODEL ?? defaultModels.openai;
      const client = new ChatOpenAI({
        model,
        temperature,
        apiKey: config.OPENAI_API_KEY,
        timeout: timeoutMs,
        maxRetries: 0,
        configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : undefined,
      });
      return new LangChainChatModel(client, { name: `openai:${model}`, timeoutMs });
    }
    case 'azure-openai': {
      const deployment = config.AZURE_OPENAI_DEPLOYMENT!;
      const client = new AzureChatOpenAI({
        temperature,
        azureOpenAIApiKey: config.AZURE_OPENAI_API_KEY,
        azureOpenAIEndpoint: config.AZURE_OPENAI_ENDPOINT,
        azureOpenAIApiDeploymentName: deployment,
        azureOpenAIApiVersion: config.AZURE_OPENAI_API_VERSION,
        timeout: timeoutMs,
        maxRetries: 0,
      });
      return new LangChainChatModel(client, { name: `azure-openai:${config.CHAT_MODEL ?? deployment}`, timeoutMs });
    }
  }
}
