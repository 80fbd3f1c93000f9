// Port for milestones and their reminder outbox, with the SQLite implementation (the local default).
// Synchronous on purpose: better-sqlite3 is, and the outbox's guarantees rest on single statements
// (INSERT OR IGNORE on a unique key, a conditional UPDATE for the lease) being atomic.
import type { Milestone, MilestoneState, MilestoneStatus } from './milestone.js';
import { guardDatabase, migrate, type Db } from '../storage/database.js';

export interface MilestoneFilter {
  status?: MilestoneStatus[];
  state?: MilestoneState[];
}

export interface MilestoneStore {
  get(id: string): Milestone | undefined;
  list(filter?: MilestoneFilter): Milestone[];
  /** Insert or replace by id. */
  upsert(milestone: Milestone): void;
  /** Insert only when the id is new; returns whether it was inserted. */
  insertIfAbsent(milestone: Milestone): boolean;
  /** A short unused id with this prefix: 'm1', 'm2', ... */
  nextId(prefix: string): string;
}

export type OutboxStatus = 'pending' | 'sent' | 'superseded' | 'cancelled';

export interface OutboxRow {
  id: number;
  milestoneId: string;
  occurrenceKey: string;
  target: string;
  sendAt: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  leaseUntil: string | null;
  leaseOwner: string | null;
  externalId: string | null;
  lastError: string | null;
  sentAt: string | null;
}

export interface NewOutboxRow {
  milestoneId: string;
  occurrenceKey: string;
  target: string;
  sendAt: string;
}

/** The persistent reminder outbox: one row per (milestone, occurrence, target), inserted once. */
export interface ReminderOutbox {
  /** INSERT OR IGNORE; returns the number of new rows. */
  enqueue(rows: NewOutboxRow[], now: string): number;
  /** Pending rows of one milestone. */
  pending(milestoneId: string): OutboxRow[];
  /** Pending rows due by now (send_at <= now), whatever their backoff; oldest first. */
  duePending(now: string): OutboxRow[];
  /** Set pending, unleased rows to a final status; returns how many changed. */
  close(ids: number[], status: 'superseded' | 'cancelled', now: string): number;
  /** Claim a row for delivery: only when pending, due for an attempt and not leased by a live owner. Increments attempts. */
  claim(id: number, owner: string, now: string, leaseUntil: string): OutboxRow | undefined;
  markSent(id: number, owner: string, externalId: string | undefined, now: string): boolean;
  markFailed(id: number, owner: string, error: string, nextAttemptAt: string, now: string): boolean;
  rows(milestoneId?: string): OutboxRow[];
  /** Run fn as one unit (one commit instead of one per statement). */
  batch<T>(fn: () => T): T;
}

export type SqliteMilestoneStore = MilestoneStore & ReminderOutbox;

const migrations = [
  `CREATE TABLE milestones (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     due_date TEXT NOT NULL,
     due_precision TEXT NOT NULL,
     due_text TEXT NOT NULL,
     owner TEXT,
     channels TEXT NOT NULL DEFAULT '[]',
     status TEXT NOT NULL CHECK (status IN ('open','done','cancelled')),
     state TEXT NOT NULL CHECK (state IN ('proposed','confirmed')),
     source TEXT NOT NULL,
     language TEXT NOT NULL DEFAULT 'nl',
     snoozed_until TEXT,
     created TEXT NOT NULL,
     updated TEXT NOT NULL
   );
   CREATE INDEX milestones_due ON milestones (status, due_date);
   CREATE TABLE reminder_outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     milestone_id TEXT NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
     occurrence_key TEXT NOT NULL,
     target TEXT NOT NULL,
     send_at TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','superseded','cancelled')),
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at TEXT NOT NULL,
     lease_until TEXT,
     lease_owner TEXT,
     external_id TEXT,
     last_error TEXT,
     sent_at TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (milestone_id, occurrence_key, target)
   );
   CREATE INDEX reminder_outbox_pending ON reminder_outbox (status, send_at);`,
];

interface MilestoneRecord {
  id: string;
  title: string;
  due_date: string;
  due_precision: string;
  due_text: string;
  owner: string | null;
  channels: string;
  status: string;
  state: string;
  source: string;
  language: string;
  snoozed_until: string | null;
  created: string;
  updated: string;
}

interface OutboxRecord {
  id: number;
  milestone_id: string;
  occurrence_key: string;
  target: string;
  send_at: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  lease_owner: string | null;
  external_id: string | null;
  last_error: string | null;
  sent_at: string | null;
}

function toMilestone(r: MilestoneRecord): Milestone {
  const m: Milestone = {
    id: r.id,
    title: r.title,
    due: { date: r.due_date, precision: r.due_precision as Milestone['due']['precision'], text: r.due_text },
    channels: JSON.parse(r.channels) as string[],
    status: r.status as MilestoneStatus,
    state: r.state as MilestoneState,
    source: JSON.parse(r.source) as Milestone['source'],
    language: r.language === 'en' ? 'en' : 'nl',
    created: r.created,
    updated: r.updated,
  };
  if (r.owner) m.owner = r.owner;
  if (r.snoozed_until) m.snoozedUntil = r.snoozed_until;
  return m;
}

function toRow(r: OutboxRecord): OutboxRow {
  return {
    id: r.id,
    milestoneId: r.milestone_id,
    occurrenceKey: r.occurrence_key,
    target: r.target,
    sendAt: r.send_at,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    leaseUntil: r.lease_until,
    leaseOwner: r.lease_owner,
    externalId: r.external_id,
    lastError: r.last_error,
    sentAt: r.sent_at,
  };
}


export function createSqliteMilestoneStore(db: Db): SqliteMilestoneStore {
  migrate(db, 'milestones', migrations);
  const params = (m: Milestone) => ({
    id: m.id,
    title: m.title,
    due_date: m.due.date,
    due_precision: m.due.precision,
    due_text: m.due.text,
    owner: m.owner ?? null,
    channels: JSON.stringify(m.channels),
    status: m.status,
    state: m.state,
    source: JSON.stringify(m.source),
    language: m.language,
    snoozed_until: m.snoozedUntil ?? null,
    created: m.created,
    updated: m.updated,
  });
  const cols = 'id, title, due_date, due_precision, due_text, owner, channels, status, state, source, language, snoozed_until, created, updated';
  const vals = '@id, @title, @due_date, @due_precision, @due_text, @owner, @channels, @status, @state, @source, @language, @snoozed_until, @created, @updated';
  const upsertStmt = db.prepare(
    `INSERT INTO milestones (${cols}) VALUES (${vals})
     ON CONFLICT(id) DO UPDATE SET title=excluded.title, due_date=excluded.due_date, due_precision=excluded.due_precision,
       due_text=excluded.due_text, owner=excluded.owner, channels=excluded.channels, status=excluded.status, state=excluded.state,
       source=excluded.source, language=excluded.language, snoozed_until=excluded.snoozed_until, updated=excluded.updated`,
  );
  const insertStmt = db.prepare(`INSERT OR IGNORE INTO milestones (${cols}) VALUES (${vals})`);
  const getStmt = db.prepare('SELECT * FROM milestones WHERE id = ?');
  const enqueueStmt = db.prepare(
    `INSERT OR IGNORE INTO reminder_outbox (milestone_id, occurrence_key, target, send_at, next_attempt_at, created_at, updated_at)
     VALUES (@milestoneId, @occurrenceKey, @target, @sendAt, @sendAt, @now, @now)`,
  );
  const closeStmt = db.prepare(
    `UPDATE reminder_outbox SET status = @status, updated_at = @now, lease_owner = NULL, lease_until = NULL
     WHERE id = @id AND status = 'pending' AND (lease_until IS NULL OR lease_until < @now)`,
  );
  const claimStmt = db.prepare(
    `UPDATE reminder_outbox SET lease_owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1, updated_at = @now
     WHERE id = @id AND status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)`,
  );
  const rowStmt = db.prepare('SELECT * FROM reminder_outbox WHERE id = ?');
  const pendingStmt = db.prepare(`SELECT * FROM reminder_outbox WHERE milestone_id = ? AND status = 'pending' ORDER BY send_at, id`);
  const dueStmt = db.prepare(`SELECT * FROM reminder_outbox WHERE status = 'pending' AND send_at <= ? ORDER BY send_at, id`);
  const sentStmt = db.prepare(
    `UPDATE reminder_outbox SET status = 'sent', external_id = @externalId, sent_at = @now, lease_owner = NULL, lease_until = NULL,
       last_error = NULL, updated_at = @now
     WHERE id = @id AND status = 'pending' AND lease_owner = @owner`,
  );
  const failedStmt = db.prepare(
    `UPDATE reminder_outbox SET last_error = @error, next_attempt_at = @nextAttemptAt, lease_owner = NULL, lease_until = NULL, updated_at = @now
     WHERE id = @id AND status = 'pending' AND lease_owner = @owner`,
  );

  return {
    get: (id) => guardDatabase('milestone store', 'get', () => {
      const r = getStmt.get(id) as MilestoneRecord | undefined;
      return r ? toMilestone(r) : undefined;
    }),
    list: (filter = {}) => guardDatabase('milestone store', 'list', () => {
      const where: string[] = [];
      const args: string[] = [];
      if (filter.status?.length) {
        where.push(`status IN (${filter.status.map(() => '?').join(',')})`);
        args.push(...filter.status);
      }
      if (filter.state?.length) {
        where.push(`state IN (${filter.state.map(() => '?').join(',')})`);
        args.push(...filter.state);
      }
      const sql = `SELECT * FROM milestones ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY due_date, id`;
      return (db.prepare(sql).all(...args) as MilestoneRecord[]).map(toMilestone);
    }),
    upsert: (m) => guardDatabase('milestone store', 'upsert', () => void upsertStmt.run(params(m))),
    insertIfAbsent: (m) => guardDatabase('milestone store', 'insert', () => insertStmt.run(params(m)).changes === 1),
    nextId: (prefix) => guardDatabase('milestone store', 'nextId', () => {
      const rows = db.prepare('SELECT id FROM milestones WHERE id LIKE ?').all(`${prefix}%`) as { id: string }[];
      const used = rows.map((r) => Number(r.id.slice(prefix.length))).filter((n) => Number.isInteger(n));
      return `${prefix}${(used.length ? Math.max(...used) : 0) + 1}`;
    }),

    enqueue: (rows, now) => guardDatabase('milestone store', 'enqueue', () => db.transaction(() => rows.reduce((n, r) => n + enqueueStmt.run({ ...r, now }).changes, 0))()),
    pending: (milestoneId) => guardDatabase('milestone store', 'pending', () =>
      (pendingStmt.all(milestoneId) as OutboxRecord[]).map(toRow)),
    duePending: (now) => guardDatabase('milestone store', 'duePending', () =>
      (dueStmt.all(now) as OutboxRecord[]).map(toRow)),
    close: (ids, status, now) => guardDatabase('milestone store', 'close', () => db.transaction(() => ids.reduce((n, id) => n + closeStmt.run({ id, status, now }).changes, 0))()),
    claim: (id, owner, now, leaseUntil) => guardDatabase('milestone store', 'claim', () => {
      if (claimStmt.run({ id, owner, now, leaseUntil }).changes !== 1) return undefined;
      return toRow(rowStmt.get(id) as OutboxRecord);
    }),
    markSent: (id, owner, externalId, now) => guardDatabase('milestone store', 'markSent', () => sentStmt.run({ id, owner, externalId: externalId ?? null, now }).changes === 1),
    markFailed: (id, owner, error, nextAttemptAt, now) => guardDatabase('milestone store', 'markFailed', () => failedStmt.run({ id, owner, error, nextAttemptAt, now }).changes === 1),
    batch: (fn) => db.transaction(fn)(),
    rows: (milestoneId) => guardDatabase('milestone store', 'rows', () =>
      (milestoneId
        ? (db.prepare('SELECT * FROM reminder_outbox WHERE milestone_id = ? ORDER BY send_at, id').all(milestoneId) as OutboxRecord[])
        : (db.prepare('SELECT * FROM reminder_outbox ORDER BY send_at, id').all() as OutboxRecord[])
      ).map(toRow)),
  };
}
