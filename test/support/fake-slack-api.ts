// A local stand-in for the Slack Web API (https://slack.com/api/<method>) on 127.0.0.1. It records
// every call with its decoded arguments and answers ok:true, so tests can assert what a Slack user
// would have seen. It also accepts POSTs to /response-url/<id> (slash-command response_url).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedSlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  /** What the fake answered. */
  result?: Record<string, unknown>;
}

export interface FakeSlackApi {
  /** Base URL for Bolt's clientOptions.slackApiUrl, e.g. http://127.0.0.1:1234/api/ */
  apiUrl: string;
  /** Base for response_url values: `${responseUrlBase}/<anything>`. */
  responseUrlBase: string;
  calls: RecordedSlackCall[];
  responses: { path: string; body: Record<string, unknown> }[];
  botUserId: string;
  callsTo(method: string): RecordedSlackCall[];
  /**
   * Socket Mode: deliver an envelope ({ type: 'events_api', payload, ... }) over the app's open
   * WebSocket and resolve with the app's acknowledgement.
   */
  sendEnvelope(envelope: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Socket Mode: resolves when the app has connected and received 'hello'. */
  socketConnected(): Promise<void>;
  /** Wait until the predicate holds over the recorded calls (polling; fails after timeoutMs). */
  waitFor<T>(pick: (api: FakeSlackApi) => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

function decodeArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The WebClient sends blocks/attachments/metadata as JSON strings inside the form.
    out[k] = /^[[{]/.test(v) ? (() => { try { return JSON.parse(v) as unknown; } catch { return v; } })() : v;
  }
  return out;
}

export async function startFakeSlackApi(options: { botUserId?: string; teamId?: string } = {}): Promise<FakeSlackApi> {
  const botUserId = options.botUserId ?? 'UWEGWIJZER';
  const teamId = options.teamId ?? 'TREGIO';
  const calls: RecordedSlackCall[] = [];
  const responses: { path: string; body: Record<string, unknown> }[] = [];
  let ts = 1_700_000_000;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      res.setHeader('content-type', 'application/json');
      if (url.pathname.startsWith('/response-url/')) {
        responses.push({ path: url.pathname, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
        res.end(JSON.stringify({ ok: true }));
        return;
      }
      const method = url.pathname.replace(/^\/api\//, '');
      const args = decodeArgs(raw, req.headers['content-type']);
      const auth = req.headers.authorization;
      calls.push({ method, args, token: auth?.replace(/^Bearer /, '') ?? (args.token as string | undefined) });
      let body: Record<string, unknown> = { ok: true };
      if (method === 'auth.test') body = { ok: true, user_id: botUserId, bot_id: 'BWEGWIJZER', team_id: teamId, team: 'Regio', user: 'wegwijzer' };
      else if (method === 'chat.postMessage') {
        ts += 1;
        body = { ok: true, channel: args.channel, ts: `${ts}.000100`, message: { text: args.text, ts: `${ts}.000100` } };
      } else if (method === 'apps.connections.open') body = { ok: true, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/socket` };
      else if (method === 'chat.postEphemeral') body = { ok: true, message_ts: `${ts}.000200` };
      else if (method === 'conversations.history') {
        // What was posted to the channel, newest first, with metadata as Slack returns it.
        const messages = calls
          .filter((c) => c.method === 'chat.postMessage' && c.args.channel === args.channel)
          .map((c) => ({ type: 'message', text: c.args.text, ts: c.result?.ts, metadata: c.args.metadata }))
          .reverse();
        body = { ok: true, messages, has_more: false };
      } else if (method === 'conversations.replies') body = { ok: true, messages: [], has_more: false };
      calls[calls.length - 1]!.result = body;
      res.end(JSON.stringify(body));
    });
  });
  // Socket Mode: the app opens a WebSocket at the URL apps.connections.open returned.
  const wss = new WebSocketServer({ server, path: '/socket' });
  let socket: WebSocket | undefined;
  let onConnected: (() => void) | undefined;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const acks = new Map<string, (ack: Record<string, unknown>) => void>();
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as Record<string, unknown>;
      const id = msg.envelope_id as string | undefined;
      if (id && acks.has(id)) {
        acks.get(id)!(msg);
        acks.delete(id);
      }
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'AWEG' } }));
    onConnected!();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const api: FakeSlackApi = {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrlBase: `http://127.0.0.1:${port}/response-url`,
    calls,
    responses,
    botUserId,
    callsTo: (method) => calls.filter((c) => c.method === method),
    socketConnected: () => connected,
    sendEnvelope(envelope) {
      if (!socket) return Promise.reject(new Error('no Socket Mode connection'));
      const ack = new Promise<Record<string, unknown>>((resolve) => acks.set(String(envelope.envelope_id), resolve));
      socket.send(JSON.stringify(envelope));
      return ack;
    },
    async waitFor(pick, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const v = pick(api);
        if (v) return v;
        if (Date.now() > deadline) throw new Error(`fake Slack API: condition not met within ${timeoutMs} ms; calls so far: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}
