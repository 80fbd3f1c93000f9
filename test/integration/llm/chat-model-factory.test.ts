// createChatModel: each provider from configuration, through the real LangChain client, against
// local stand-ins. Checks what goes over the wire and how failures are reported.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { AppError } from '../../../src/errors/app-error.js';
import { createChatModel } from '../../../src/models/langchain-chat-model.js';
import { startFakeOllamaServer } from '../../support/fake-ollama-server.js';
import { startFakeAzureOpenAIServer, startFakeOpenAIServer, type FakeChatServer } from '../../support/fake-openai-server.js';

const messages = [
  { role: 'system' as const, content: 'Antwoord kort.' },
  { role: 'user' as const, content: 'Zeg hallo.' },
];

let server: FakeChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failureOf(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('createChatModel', () => {
  it('returns null when no provider is configured', () => {
    expect(createChatModel(loadConfig({}))).toBeNull();
  });

  it('openai: sends model, temperature and key to the configured base URL', async () => {
    server = await startFakeOpenAIServer({ content: 'Hallo!' });
    const model = createChatModel(
      loadConfig({ CHAT_PROVIDER: 'openai', CHAT_MODEL: 'gpt-test', CHAT_TEMPERATURE: '0.3', OPENAI_API_KEY: 'sk-local-test-key', OPENAI_BASE_URL: `${server.origin}/v1` }),
    )!;
    expect(model.name).toBe('openai:gpt-test');
    expect(await model.complete(messages)).toBe('Hallo!');
    const req = server.requests[0]!;
    expect(req.body).toMatchObject({ model: 'gpt-test', temperature: 0.3 });
    expect(req.body.messages).toEqual([
      { role: 'system', content: 'Antwoord kort.' },
      { role: 'user', content: 'Zeg hallo.' },
    ]);
    expect(req.headers.authorization).toBe('Bearer sk-local-test-key');
  });

  it('openai: streams the reply in pieces over server-sent events', async () => {
    server = await startFakeOpenAIServer({ content: 'Hallo daar, beleidsmedewerker!' });
    const model = createChatModel(loadConfig({ CHAT_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-local-test-key', OPENAI_BASE_URL: `${server.origin}/v1` }))!;
    const pieces: string[] = [];
    for await (const p of model.stream!(messages)) pieces.push(p);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('Hallo daar, beleidsmedewerker!');
    expect(server.requests[0]!.body.stream).toBe(true);
  });

  it('azure-openai: calls the deployment with the api version and key', async () => {
    server = await startFakeAzureOpenAIServer({ content: 'Hallo vanuit Azure.' });
    const model = createChatModel(
      loadConfig({
        CHAT_PROVIDER: 'azure-openai',
        AZURE_OPENAI_API_KEY: 'azure-local-test-key',
        AZURE_OPENAI_ENDPOINT: server.origin,
        AZURE_OPENAI_DEPLOYMENT: 'wegwijzer-chat',
        AZURE_OPENAI_API_VERSION: '2024-10-21',
      }),
    )!;
    expect(model.name).toBe('azure-openai:wegwijzer-chat');
    expect(await model.complete(messages)).toBe('Hallo vanuit Azure.');
    const req = server.requests[0]!;
    expect(req.path).toMatch(/^\/openai\/deployments\/wegwijzer-chat\/chat\/completions\?api-version=2024-10-21/);
    expect(req.headers['api-key']).toBe('azure-local-test-key');
  });

  it('ollama: streams NDJSON from /api/chat with the configured model and temperature', async () => {
    server = await startFakeOllamaServer({ content: 'Hallo uit Ollama, lokaal.' });
    const model = createChatModel(loadConfig({ CHAT_PROVIDER: 'ollama', CHAT_MODEL: 'llama-test', CHAT_TEMPERATURE: '0.2', OLLAMA_BASE_URL: server.origin }))!;
    expect(model.name).toBe('ollama:llama-test');
    const pieces: string[] = [];
    for await (const p of model.stream!(messages)) pieces.push(p);
    expect(pieces.join('')).toBe('Hallo uit Ollama, lokaal.');
    expect(pieces.length).toBeGreaterThan(1);
    expect(server.requests[0]!.body).toMatchObject({ model: 'llama-test', options: { temperature: 0.2 } });
  });

  it('reports an unknown model (404) as a non-transient client error', async () => {
    server = await startFakeOllamaServer({ status: 404, message: 'model "llama-test" not found, try pulling it first' });
    const model = createChatModel(loadConfig({ CHAT_PROVIDER: 'ollama', CHAT_MODEL: 'llama-test', OLLAMA_BASE_URL: server.origin }))!;
    const error = await failureOf(model.complete(messages));
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.details?.reason).toBe('http-4xx');
  });

  it('reports an empty reply and a caller abort with their own reasons', async () => {
    server = await startFakeOpenAIServer({ content: '   ' });
    const model = createChatModel(loadConfig({ CHAT_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-local-test-key', OPENAI_BASE_URL: `${server.origin}/v1` }))!;
    expect((await failureOf(model.complete(messages))).details?.reason).toBe('empty-reply');

    server.script({ hang: true });
    const controller = new AbortController();
    const pending = model.complete(messages, { signal: controller.signal, timeoutMs: 10_000 });
    setTimeout(() => controller.abort(), 20);
    expect((await failureOf(pending)).details?.reason).toBe('aborted');
  });
});
