// The one HTTP server: web chat, Slack events (HTTP transport), Teams /api/messages and GET /healthz
// share a port. Channels contribute routes; the server only dispatches and catches what they throw.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../core/logger.js';
import { reportError } from './errors.js';
import { HttpError, sendJson } from './http.js';

export interface Route {
  method: 'GET' | 'POST';
  /** Exact path, or a prefix when it ends with '/*'. */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void>;
}

export interface HttpServerOptions {
  logger: Logger;
  routes: Route[];
  /** Body of GET /healthz; `ok: false` or a thrown error makes it 503. */
  health: () => Record<string, unknown>;
}

export interface RunningServer {
  server: http.Server;
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  port: number;
  close(): Promise<void>;
}

function matches(route: Route, method: string, pathname: string): boolean {
  if (route.method !== method) return false;
  if (route.path.endsWith('/*')) return pathname.startsWith(route.path.slice(0, -1));
  return route.path === pathname;
}

export function createHttpServer(options: HttpServerOptions): http.Server {
  const { logger, routes, health } = options;
  const all: Route[] = [
    {
      method: 'GET',
      path: '/healthz',
      handle: (_req, res) => {
        try {
          const body = { ok: true, ...health() };
          if (body.ok === false) logger.warn('health check: unhealthy', { body });
          sendJson(res, body.ok === false ? 503 : 200, body);
        } catch (error) {
          logger.warn('health check failed', { error });
          sendJson(res, 503, { ok: false });
        }
      },
    },
    ...routes,
  ];
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const route = all.find((r) => matches(r, method === 'HEAD' ? 'GET' : method, url.pathname));
    if (!route) {
      const pathKnown = all.some((r) => matches(r, r.method, url.pathname));
      sendJson(res, pathKnown ? 405 : 404, { error: pathKnown ? 'method not allowed' : 'not found' });
      return;
    }
    Promise.resolve()
      .then(() => route.handle(req, res, url))
      .catch((error: unknown) => {
        if (error instanceof HttpError) {
          if (!res.headersSent) sendJson(res, error.status, { error: error.message });
          return;
        }
        const message = reportError(logger, error, `${method} ${url.pathname}`);
        if (!res.headersSent) sendJson(res, 500, { error: message });
        else res.end();
      });
  });
}

export async function listen(server: http.Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host;
  return {
    server,
    port: address.port,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
