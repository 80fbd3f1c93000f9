// Turns confirmed, open milestones into reminder deliveries through a persistent outbox.
//
// Each tick:
//  1. Plan: for every confirmed open milestone and each of its channels, the occurrences that are due
//     now (only the latest of them: older missed ones are superseded) and those of the coming
//     LOOKAHEAD are inserted with INSERT OR IGNORE on (milestone, occurrence, target), so an
//     occurrence exists once however many schedulers or restarts there are. Pending rows no longer in
//     the plan (milestone done/cancelled/unconfirmed, date moved, snoozed, channel removed) are cancelled.
//  2. Catch up: of the due pending rows of one (milestone, target), only the latest is kept; the
//     older ones are marked 'superseded' (after downtime a week-old "14 days to go" is noise when
//     "7 days to go" is also due). A due row with nothing later due is sent now, however late.
//  3. Deliver: a row is claimed with a lease (a conditional UPDATE), so two schedulers on one
//     database never both send it. The sender gets an idempotency key per (milestone, occurrence,
//     target); when a row has been claimed before (attempts > 0, e.g. the process died after sending
//     but before recording), the scheduler asks the sender's findDelivered() first, and the sender
//     itself treats a repeated key as already delivered. Failures stay pending with exponential
//     backoff (attempts, next_attempt_at): a reminder is never dropped.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../core/logger.js';
import { buildReminderMessage } from './render-milestone.js';
import { splitTarget, type Milestone } from './milestone.js';
import type { MilestoneStore, NewOutboxRow, OutboxRow, ReminderOutbox } from './milestone-store.js';
import type { ReminderSender } from './reminder-sender.js';
import { planOccurrences, type ReminderPolicy } from './reminder-schedule.js';
import { zonedDay } from './zoned-time.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ReminderSchedulerOptions {
  store: MilestoneStore & ReminderOutbox;
  senders: ReminderSender[];
  clock: Clock;
  policy: ReminderPolicy;
  logger: Logger;
  /** Identifies this scheduler in leases; random by default. */
  owner?: string;
  /** How long a claim protects a row from other schedulers; default 5 minutes. */
  leaseMs?: number;
  /** Backoff after the first failure, doubled per attempt up to maxBackoffMs; default 1 minute. */
  baseBackoffMs?: number;
  /** Default 6 hours. */
  maxBackoffMs?: number;
  /** Occurrences this far ahead are put in the outbox already (visible, cancellable); default 15 days. */
  lookaheadMs?: number;
}

export interface TickReport {
  enqueued: number;
  cancelled: number;
  superseded: number;
  sent: number;
  /** Deliveries skipped because the sender already had this key (crash between send and record). */
  alreadyDelivered: number;
  failed: number;
}

export interface ReminderScheduler {
  tick(): Promise<TickReport>;
  /** Run tick() every intervalMs (default 60 s) until stop(); errors are logged, never thrown. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export function idempotencyKeyFor(row: Pick<OutboxRow, 'milestoneId' | 'occurrenceKey' | 'target'>): string {
  return `wegwijzer:${row.milestoneId}:${row.occurrenceKey}:${row.target}`;
}

export function createReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const { store, clock, policy } = options;
  const logger = options.logger.child({ module: 'reminders' });
  const owner = options.owner ?? `scheduler-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const baseBackoffMs = options.baseBackoffMs ?? 60_000;
  const maxBackoffMs = options.maxBackoffMs ?? 6 * 3_600_000;
  const lookaheadMs = options.lookaheadMs ?? 15 * 86_400_000;
  const senders = new Map(options.senders.map((s) => [s.channel, s]));

  function plan(now: Date, report: TickReport): void {
    const nowIso = now.toISOString();
    const horizon = new Date(now.getTime() + lookaheadMs);
    for (const m of store.list()) {
      const pending = store.pending(m.id);
      if (m.status !== 'open' || m.state !== 'confirmed' || m.channels.length === 0) {
        report.cancelled += store.close(pending.map((r) => r.id), 'cancelled', nowIso);
        continue;
      }
      const occurrences = planOccurrences(m, policy, horizon);
      const valid = new Set(occurrences.map((o) => o.key));
      const past = occurrences.filter((o) => o.sendAt <= now);
      const latestPast = past[past.length - 1];
      const toInsert = [...(latestPast ? [latestPast] : []), ...occurrences.filter((o) => o.sendAt > now)];
      const rows: NewOutboxRow[] = [];
      for (const target of m.channels) {
        for (const o of toInsert) rows.push({ milestoneId: m.id, occurrenceKey: o.key, target, sendAt: o.sendAt.toISOString() });
      }
      report.enqueued += store.enqueue(rows, nowIso);
      const stale = pending.filter((r) => !valid.has(r.occurrenceKey) || !m.channels.includes(r.target));
      report.cancelled += store.close(stale.map((r) => r.id), 'cancelled', nowIso);
    }
  }

  function supersede(now: Date, report: TickReport): OutboxRow[] {
    const nowIso = now.toISOString();
    const groups = new Map<string, OutboxRow[]>();
    for (const r of store.duePending(nowIso)) {
      const k = `${r.milestoneId}\u0000${r.target}`;
      const g = groups.get(k) ?? [];
      g.push(r);
      groups.set(k, g);
    }
    const latest: OutboxRow[] = [];
    for (const g of groups.values()) {
      g.sort((a, b) => a.sendAt.localeCompare(b.sendAt) || a.id - b.id);
      const keep = g[g.length - 1]!;
      report.superseded += store.close(g.slice(0, -1).map((r) => r.id), 'superseded', nowIso);
      if (keep.nextAttemptAt <= nowIso) latest.push(keep);
    }
    return latest;
  }

  async function deliver(row: OutboxRow, now: Date, report: TickReport): Promise<void> {
    const nowIso = now.toISOString();
    const claimed = store.claim(row.id, owner, nowIso, new Date(now.getTime() + leaseMs).toISOString());
    if (!claimed) return; // another scheduler has it, or it changed since we looked
    const key = idempotencyKeyFor(claimed);
    const { channel, id: targetId } = splitTarget(claimed.target);
    const fail = (error: string, retryAfterMs?: number) => {
      const backoff = Math.min(maxBackoffMs, baseBackoffMs * 2 ** Math.max(0, claimed.attempts - 1));
      const next = new Date(now.getTime() + Math.max(backoff, retryAfterMs ?? 0)).toISOString();
      store.markFailed(claimed.id, owner, error, next, nowIso);
      report.failed += 1;
      logger.warn('reminder delivery failed, will retry', { milestoneId: claimed.milestoneId, occurrence: claimed.occurrenceKey, target: claimed.target, attempts: claimed.attempts, nextAttemptAt: next, error });
    };
    const sender = senders.get(channel);
    if (!sender) return fail(`no sender for channel '${channel}'`);
    const milestone = store.get(claimed.milestoneId);
    if (!milestone) return fail('milestone disappeared');
    try {
      if (claimed.attempts > 1 && sender.findDelivered) {
        const earlier = await sender.findDelivered(targetId, key);
        if (earlier !== undefined) {
          store.markSent(claimed.id, owner, earlier, clock.now().toISOString());
          report.alreadyDelivered += 1;
          logger.info('reminder was already delivered before a restart; recorded without re-sending', { milestoneId: claimed.milestoneId, occurrence: claimed.occurrenceKey, target: claimed.target });
          return;
        }
      }
      const message = buildReminderMessage(milestone, claimed.occurrenceKey, zonedDay(now, policy.timeZone));
      const result = await sender.send(targetId, message, key);
      if (result.ok) {
        store.markSent(claimed.id, owner, result.externalId, clock.now().toISOString());
        report.sent += 1;
      } else {
        fail(result.error, result.retryAfterMs);
      }
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  }

  let running: Promise<TickReport> | undefined;
  async function tick(): Promise<TickReport> {
    const now = clock.now();
    const report: TickReport = { enqueued: 0, cancelled: 0, superseded: 0, sent: 0, alreadyDelivered: 0, failed: 0 };
    store.batch(() => plan(now, report));
    const rows = store.batch(() => supersede(now, report));
    for (const row of rows) await deliver(row, now, report);
    if (report.sent || report.failed || report.superseded || report.alreadyDelivered) logger.info('reminder tick', { ...report });
    return report;
  }

  let timer: NodeJS.Timeout | undefined;
  const api: ReminderScheduler = {
    tick: () => {
      // One tick at a time per scheduler: a slow send must not overlap the next timer tick.
      const p = (running ?? Promise.resolve()).then(tick, tick);
      running = p.catch(() => undefined) as Promise<TickReport>;
      return p;
    },
    start(intervalMs = 60_000) {
      if (timer) return;
      const run = () => {
        api.tick().catch((error) => logger.error('reminder tick failed', { error }));
      };
      timer = setInterval(run, intervalMs);
      timer.unref?.();
      run();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
  return api;
}
