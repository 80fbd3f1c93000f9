// Per-key sliding-window rate limit. "Rate limited" is an expected outcome, returned as a value.
export interface RateLimiter {
  take(key: string): { allowed: true } | { allowed: false; retryAfterMs: number };
}

export function createRateLimiter(options: { perMinute: number; windowMs?: number; now?: () => number; maxKeys?: number }): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const hits = new Map<string, number[]>();
  return {
    take(key) {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((h) => t - h < windowMs);
      if (recent.length >= options.perMinute) {
        hits.set(key, recent);
        return { allowed: false, retryAfterMs: Math.max(1, windowMs - (t - recent[0]!)) };
      }
      recent.push(t);
      hits.delete(key); // re-insert so the Map's order is least-recently-used first
      hits.set(key, recent);
      if (hits.size > maxKeys) hits.delete(hits.keys().next().value!);
      return { allowed: true };
    },
  };
}
