// SQLite state the chat channels share, each row tagged with its channel: which incoming events were
// already handled (Slack retries), who was already welcomed, and the turns of each thread (follow-up
// questions get the thread's earlier turns as history, also after a restart).
import type { ConversationTurn } from '../core/types.js';
import { guardDatabase, migrate, type Db } from '../storage/database.js';

export type StateChannel = 'slack' | 'teams';

const migrations = [
  `CREATE TABLE channel_seen_events (channel TEXT NOT NULL, key TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (channel, key));
   CREATE TABLE channel_welcomed (channel TEXT NOT NULL, key TEXT NOT NULL, welcomed_at TEXT NOT NULL, PRIMARY KEY (channel, key));
   CREATE TABLE channel_turns (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     channel TEXT NOT NULL,
     thread TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
     text TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX channel_turns_thread ON channel_turns (channel, thread, id);`,
  // Reminder deliveries by idempotency key, so a repeated send of the same occurrence is a no-op.
  `CREATE TABLE channel_deliveries (channel TEXT NOT NULL, key TEXT NOT NULL, external_id TEXT NOT NULL, delivered_at TEXT NOT NULL, PRIMARY KEY (channel, key));`,
];


export class ChannelState {
  constructor(
    private readonly db: Db,
    readonly channel: StateChannel,
    private readonly now: () => Date = () => new Date(),
  ) {
    migrate(db, 'channel-state', migrations);
  }

  /**
   * Claim an event key; true the first time, false for every repeat. Atomic in SQLite, so two
   * deliveries racing each other (or two processes) still answer once.
   */
  claimEvent(key: string): boolean {
    return guardDatabase('channel state', 'claimEvent', () => {
      const r = this.db.prepare('INSERT OR IGNORE INTO channel_seen_events (channel, key, seen_at) VALUES (?, ?, ?)').run(this.channel, key, this.now().toISOString());
      return r.changes === 1;
    });
  }

  /** True when this key is welcomed for the first time now; false when it was welcomed before. */
  claimWelcome(key: string): boolean {
    return guardDatabase('channel state', 'claimWelcome', () => {
      const r = this.db.prepare('INSERT OR IGNORE INTO channel_welcomed (channel, key, welcomed_at) VALUES (?, ?, ?)').run(this.channel, key, this.now().toISOString());
      return r.changes === 1;
    });
  }

  wasWelcomed(key: string): boolean {
    return guardDatabase('channel state', 'wasWelcomed', () => {
      return Boolean(this.db.prepare('SELECT 1 FROM channel_welcomed WHERE channel = ? AND key = ?').get(this.channel, key));
    });
  }

  addTurn(thread: string, turn: ConversationTurn): void {
    return guardDatabase('channel state', 'addTurn', () => {
      this.db.prepare('INSERT INTO channel_turns (channel, thread, role, text, at) VALUES (?, ?, ?, ?, ?)').run(this.channel, thread, turn.role, turn.text, this.now().toISOString());
    });
  }

  /** The last `limit` turns of a thread, oldest first; only turns newer than maxAgeMs when given. */
  history(thread: string, options: { limit?: number; maxAgeMs?: number } = {}): ConversationTurn[] {
    return guardDatabase('channel state', 'history', () => {
      const since = options.maxAgeMs ? new Date(this.now().getTime() - options.maxAgeMs).toISOString() : '';
      const rows = this.db
        .prepare('SELECT role, text FROM channel_turns WHERE channel = ? AND thread = ? AND at >= ? ORDER BY id DESC LIMIT ?')
        .all(this.channel, thread, since, options.limit ?? 8) as ConversationTurn[];
      return rows.reverse();
    });
  }

  /** The external id (Slack ts, Teams activity id) of an earlier delivery with this key. */
  deliveredId(key: string): string | undefined {
    return guardDatabase('channel state', 'deliveredId', () => {
      const row = this.db.prepare('SELECT external_id FROM channel_deliveries WHERE channel = ? AND key = ?').get(this.channel, key) as { external_id: string } | undefined;
      return row?.external_id;
    });
  }

  recordDelivery(key: string, externalId: string): void {
    return guardDatabase('channel state', 'recordDelivery', () => {
      this.db.prepare('INSERT OR IGNORE INTO channel_deliveries (channel, key, external_id, delivered_at) VALUES (?, ?, ?, ?)').run(this.channel, key, externalId, this.now().toISOString());
    });
  }

  /**
   * Deliver once per idempotency key: a key seen before returns the earlier message id without posting;
   * otherwise `post` runs and its id (or the key) is recorded. `post` errors propagate to the caller.
   */
  async deliverOnce(key: string, post: () => Promise<string | undefined>): Promise<string> {
    const earlier = this.deliveredId(key);
    if (earlier) return earlier;
    const externalId = (await post()) ?? key;
    this.recordDelivery(key, externalId);
    return externalId;
  }

  /** Forget handled-event keys older than the retry window; keeps the table small. */
  pruneEvents(olderThanMs = 24 * 3600_000): number {
    return guardDatabase('channel state', 'pruneEvents', () => {
      const before = new Date(this.now().getTime() - olderThanMs).toISOString();
      return this.db.prepare('DELETE FROM channel_seen_events WHERE channel = ? AND seen_at < ?').run(this.channel, before).changes;
    });
  }
}
