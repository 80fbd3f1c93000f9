// A local stand-in for the Bot Framework connector service (the activity's serviceUrl) on 127.0.0.1.
// It records every activity the bot sends (POST /v3/conversations/{id}/activities[/{replyToId}])
// and answers with an id, so tests can assert what a Teams user would have seen.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedActivity {
  conversationId: string;
  replyToId?: string;
  activity: { type: string; text?: string; attachments?: { contentType: string; content: unknown }[]; [key: string]: unknown };
  authorization?: string;
}

export interface FakeBotConnector {
  serviceUrl: string;
  sent: RecordedActivity[];
  messagesTo(conversationId: string): RecordedActivity[];
  waitFor<T>(pick: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const sent: RecordedActivity[] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && m) {
        const raw = Buffer.concat(chunks).toString('utf8');
        sent.push({ conversationId: decodeURIComponent(m[1]!), replyToId: m[2] ? decodeURIComponent(m[2]) : undefined, activity: JSON.parse(raw), authorization: req.headers.authorization });
        res.end(JSON.stringify({ id: `activity-${++n}` }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const connector: FakeBotConnector = {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    messagesTo: (conversationId) => sent.filter((s) => s.conversationId === conversationId && s.activity.type === 'message'),
    async waitFor(pick, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const v = pick();
        if (v) return v;
        if (Date.now() > deadline) throw new Error(`fake connector: condition not met within ${timeoutMs} ms; ${sent.length} activities recorded`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return connector;
}
