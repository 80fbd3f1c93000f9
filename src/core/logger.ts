// Minimal structured logger (JSON lines on stderr). Secrets are redacted before anything is written.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

const secretKeys = /token|secret|password|api[-_]?key|authorization|signature/i;
const secretValues = [/xox[abpr]-[A-Za-z0-9-]+/g, /xapp-[A-Za-z0-9-]+/g, /sk-[A-Za-z0-9_-]{10,}/g, /Bearer\s+[A-Za-z0-9._~+/=-]+/g];

// The configured secrets themselves (signing secret, app password, keys), redacted wherever they occur,
// also in formats the patterns above do not know.
const knownSecrets = new Set<string>();

/** Register configured secret values (at start); strings shorter than 8 characters are ignored. */
export function addSecretValues(values: (string | undefined)[]): void {
  for (const v of values) if (v && v.length >= 8) knownSecrets.add(v);
}

function redactString(value: string): string {
  let s = secretValues.reduce((acc, re) => acc.replace(re, '[redacted]'), value);
  for (const secret of knownSecrets) if (s.includes(secret)) s = s.split(secret).join('[redacted]');
  return s;
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redactString(value);
  if (value instanceof Error) return { name: value.name, message: redact(value.message), code: (value as { code?: unknown }).code, stack: redact(value.stack ?? '') };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretKeys.test(k) ? '[redacted]' : redact(v, depth + 1)]));
  }
  return value;
}

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

export function createLogger(level: LogLevel = 'info', bindings: Record<string, unknown> = {}, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const log = (lvl: Exclude<LogLevel, 'silent'>, msg: string, data?: Record<string, unknown>) => {
    if (order[lvl] < order[level]) return;
    // The serialised line is checked again: a secret can also hide in a value redact() does not walk.
    write(redactString(JSON.stringify(redact({ time: new Date().toISOString(), level: lvl, msg, ...bindings, ...data }))));
  };
  return {
    debug: (m, d) => log('debug', m, d),
    info: (m, d) => log('info', m, d),
    warn: (m, d) => log('warn', m, d),
    error: (m, d) => log('error', m, d),
    child: (b) => createLogger(level, { ...bindings, ...b }, write),
  };
}

export const silentLogger: Logger = createLogger('silent');
