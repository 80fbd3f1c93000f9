// GET /healthz: is this instance able to answer? The index on disk is whole (checkIndexHealth) and its
// age, the number of documents the Assistant knows, the database answers a trivial query, which
// channels are configured and started, and the reminder outbox (backlog, overdue, failing). Unhealthy
// (503) when the index or the database is not; a reminder backlog is reported but does not fail it.
import { checkIndexHealth, type IndexHealth } from '../../ingest/index-health.js';
import type { Db } from '../storage/database.js';

export interface HealthReport {
  ok: boolean;
  index: { ok: boolean; builtAt?: string; ageSeconds?: number; documents?: number; chunks?: number; problem?: string };
  documents: number;
  database: { ok: boolean; problem?: string };
  /** The started channels by name, as printed at start ('web', 'slack (http: /slack/events)', …). */
  channels: string[];
  channelStatus: Record<string, { configured: boolean; started: boolean; detail?: string }>;
  reminders?: { pending: number; overdue: number; failing: number; oldestOverdueAt?: string };
  [extra: string]: unknown;
}

export interface HealthDeps {
  dataDir: string;
  db: Db;
  documents: () => number;
  channels: () => string[];
  channelStatus: () => HealthReport['channelStatus'];
  now?: () => Date;
  /** checkIndexHealth reads the index manifest from disk; its result is reused this long. */
  indexCacheMs?: number;
  /** A pending reminder this late counts as overdue. */
  overdueAfterMs?: number;
}

export function createHealthCheck(deps: HealthDeps): () => HealthReport {
  const now = deps.now ?? (() => new Date());
  const cacheMs = deps.indexCacheMs ?? 1_000;
  let cached: { at: number; health: IndexHealth } | undefined;

  const index = (t: Date): HealthReport['index'] => {
    if (!cached || t.getTime() - cached.at > cacheMs || t.getTime() < cached.at) {
      let health: IndexHealth;
      try {
        health = checkIndexHealth(deps.dataDir);
      } catch (error) {
        health = { ok: false, kind: 'damaged', problem: error instanceof Error ? error.message : String(error) };
      }
      cached = { at: t.getTime(), health };
    }
    const h = cached.health;
    if (!h.ok) return { ok: false, problem: `${h.kind}: ${h.problem}` };
    return { ok: true, builtAt: h.builtAt, ageSeconds: Math.max(0, Math.round((t.getTime() - Date.parse(h.builtAt)) / 1000)), documents: h.documents, chunks: h.chunks };
  };

  const database = (): HealthReport['database'] => {
    try {
      const row = deps.db.prepare('SELECT 1 AS one').get() as { one: number } | undefined;
      return row?.one === 1 ? { ok: true } : { ok: false, problem: 'unexpected answer to SELECT 1' };
    } catch (error) {
      return { ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
  };

  const reminders = (t: Date): HealthReport['reminders'] => {
    try {
      const overdueBefore = new Date(t.getTime() - (deps.overdueAfterMs ?? 15 * 60_000)).toISOString();
      const row = deps.db
        .prepare(
          `SELECT SUM(send_at <= ?) AS pending, SUM(send_at <= ?) AS overdue, SUM(attempts > 0) AS failing, MIN(CASE WHEN send_at <= ? THEN send_at END) AS oldest
           FROM reminder_outbox WHERE status = 'pending'`,
        )
        .get(t.toISOString(), overdueBefore, overdueBefore) as { pending: number | null; overdue: number | null; failing: number | null; oldest: string | null };
      return { pending: row.pending ?? 0, overdue: row.overdue ?? 0, failing: row.failing ?? 0, ...(row.oldest ? { oldestOverdueAt: row.oldest } : {}) };
    } catch {
      return undefined; // no milestones module on this database
    }
  };

  return () => {
    const t = now();
    const idx = index(t);
    const db = database();
    const report: HealthReport = { ok: idx.ok && db.ok, index: idx, documents: deps.documents(), database: db, channels: deps.channels(), channelStatus: deps.channelStatus() };
    if (db.ok) {
      const r = reminders(t);
      if (r) report.reminders = r;
    }
    return report;
  };
}
