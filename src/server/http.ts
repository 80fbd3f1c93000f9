// Small helpers for the node:http server: JSON bodies with a size limit, JSON and file responses.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req) {
    const b = part as Buffer;
    size += b.length;
    if (size > limitBytes) throw new HttpError(413, 'request body too large');
    parts.push(b);
  }
  return Buffer.concat(parts);
}

export async function readJson(req: IncomingMessage, limitBytes?: number): Promise<unknown> {
  const raw = (await readBody(req, limitBytes)).toString('utf8');
  if (!raw.trim()) return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Serve one file from a directory; refuses paths that leave it. Returns false when not found. */
export function sendStatic(res: ServerResponse, dir: string, relative: string): boolean {
  const file = path.resolve(dir, '.' + path.posix.normalize('/' + relative));
  if (!file.startsWith(path.resolve(dir) + path.sep)) return false;
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return false;
  }
  const headers: Record<string, string> = {
    'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  // The page loads nothing from elsewhere (offline by design), so the policy can be strict.
  if (file.endsWith('.html')) {
    headers['content-security-policy'] = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    headers['referrer-policy'] = 'no-referrer';
  }
  res.writeHead(200, headers);
  res.end(data);
  return true;
}
