// A proxy on 127.0.0.1 in front of the fake Slack Web API that answers HTTP 429 with Retry-After for
// the first N calls to chosen methods (as Slack does when an app posts too fast), then forwards.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ThrottlingProxy {
  apiUrl: string;
  /** Every call seen, throttled or forwarded, with the time it arrived. */
  attempts: { method: string; at: number; throttled: boolean }[];
  /** Answer the next `count` calls to `method` with 429 and `Retry-After: retryAfterSec`. */
  throttle(method: string, count: number, retryAfterSec?: number): void;
  /** Hold Slack's answer to every call of `method` this long (after Slack has acted on it). */
  slow(method: string, delayMs: number): void;
  /** Called when an answer starts being held: the call reached Slack, the caller does not know yet. */
  onHold?: (method: string) => void;
  close(): Promise<void>;
}

export async function startThrottlingProxy(targetApiUrl: string): Promise<ThrottlingProxy> {
  const target = new URL(targetApiUrl);
  const pending = new Map<string, { count: number; retryAfterSec: number }>();
  const attempts: ThrottlingProxy['attempts'] = [];
  const delays = new Map<string, number>();
  // eslint-disable-next-line prefer-const
  let proxy: ThrottlingProxy;
  const server = http.createServer((req, res) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
    const rule = pending.get(method);
    if (rule && rule.count > 0) {
      rule.count -= 1;
      attempts.push({ method, at: Date.now(), throttled: true });
      req.resume();
      res.writeHead(429, { 'retry-after': String(rule.retryAfterSec), 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    attempts.push({ method, at: Date.now(), throttled: false });
    const forward = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (upstream) => {
        const delay = delays.get(method) ?? 0;
        const reply = () => {
          res.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(res);
        };
        if (delay > 0) {
          proxy.onHold?.(method);
          setTimeout(reply, delay);
        } else reply();
      },
    );
    forward.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  proxy = {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    attempts,
    throttle(method, count, retryAfterSec = 1) {
      pending.set(method, { count, retryAfterSec });
    },
    slow(method, delayMs) {
      delays.set(method, delayMs);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
