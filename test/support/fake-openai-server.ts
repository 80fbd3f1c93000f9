// A stand-in for an OpenAI-compatible chat endpoint on 127.0.0.1: POST /v1/chat/completions with
// scripted replies, as one JSON body or as server-sent events when the request asks for stream: true.
// Tests reach it through the real ChatOpenAI client (configuration.baseURL).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptedReply =
  /** A normal reply; `pieces` splits it for streaming (default: words). `delayMs` waits before answering. */
  | { content: string; pieces?: string[]; delayMs?: number; pieceDelayMs?: number }
  /** An HTTP error with an OpenAI-style error body. */
  | { status: number; message?: string }
  /** Accept the request and never answer (a hung model). */
  | { hang: true };

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: { model?: string; stream?: boolean; temperature?: number; messages?: { role: string; content: string }[]; [k: string]: unknown };
}

export interface FakeChatServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  requests: RecordedRequest[];
  /** Requests the client closed before the reply was complete (a cancelled or timed-out call). */
  readonly cancelled: number;
  /** Replies used in order; when they run out the last one repeats. */
  script(...replies: ScriptedReply[]): void;
  /** Or: compute each reply from the request (for smoke runs over a whole question set). */
  respondWith(fn: (req: RecordedRequest) => ScriptedReply): void;
  close(): Promise<void>;
}

export function splitPieces(content: string): string[] {
  return content.match(/\S+\s*|\s+/g) ?? [content];
}

/** Shared by both fakes: routing, recording, scripted reply selection, clean shutdown. */
export async function startScriptedServer(
  route: string,
  respond: (reply: ScriptedReply, req: RecordedRequest, res: http.ServerResponse) => Promise<void>,
): Promise<FakeChatServer> {
  let replies: ScriptedReply[] = [];
  let used = 0;
  let replyFn: ((req: RecordedRequest) => ScriptedReply) | undefined;
  const requests: RecordedRequest[] = [];
  let cancelled = 0;
  const server = http.createServer((req, res) => {
    res.on('close', () => {
      if (!res.writableEnded) cancelled++;
    });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.startsWith(route)) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no route ${req.method} ${req.url}` }));
        return;
      }
      const recorded: RecordedRequest = { path: req.url, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') };
      requests.push(recorded);
      const reply = replyFn ? replyFn(recorded) : replies[Math.min(used++, replies.length - 1)];
      if (!reply) {
        res.writeHead(500).end('no scripted reply');
        return;
      }
      if ('hang' in reply) return;
      respond(reply, recorded, res).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    get cancelled() {
      return cancelled;
    },
    script(...r) {
      replies = r;
      used = 0;
      replyFn = undefined;
    },
    respondWith(fn) {
      replyFn = fn;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeOpenAIServer(...replies: ScriptedReply[]): Promise<FakeChatServer> {
  return startFakeOpenAICompatibleServer('/v1/chat/completions', ...replies);
}

/** Azure OpenAI speaks the same protocol under /openai/deployments/<deployment>/chat/completions?api-version=... */
export async function startFakeAzureOpenAIServer(...replies: ScriptedReply[]): Promise<FakeChatServer> {
  return startFakeOpenAICompatibleServer('/openai/deployments/', ...replies);
}

export async function startFakeOpenAICompatibleServer(route: string, ...replies: ScriptedReply[]): Promise<FakeChatServer> {
  let n = 0;
  const server = await startScriptedServer(route, async (reply, req, res) => {
    if ('status' in reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: reply.message ?? 'scripted failure', type: 'server_error', code: null } }));
      return;
    }
    if (!('content' in reply)) return;
    if (reply.delayMs) await sleep(reply.delayMs);
    const id = `chatcmpl-${++n}`;
    const created = Math.floor(Date.now() / 1000);
    const model = req.body.model ?? 'fake';
    if (!req.body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id, object: 'chat.completion', created, model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop', logprobs: null }],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (delta: Record<string, unknown>, finish: string | null) =>
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`);
    send({ role: 'assistant', content: '' }, null);
    for (const piece of reply.pieces ?? splitPieces(reply.content)) {
      if (reply.pieceDelayMs) await sleep(reply.pieceDelayMs);
      send({ content: piece }, null);
    }
    send({}, 'stop');
    res.end('data: [DONE]\n\n');
  });
  server.script(...replies);
  return server;
}
