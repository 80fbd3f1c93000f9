// Port: delivers one reminder to one target. Slack and Teams implement it in their channel folders;
// this file holds the port plus two local implementations (log and recording) that need no network.
//
// Exactly-once as the user sees it: the scheduler passes the same idempotencyKey every time it tries
// the same (milestone, occurrence, target). A sender must make a repeated send with a key it has
// already delivered a no-op, or answer findDelivered() so the scheduler can skip the re-send after a
// crash between "sent" and "recorded". Suggested per channel:
//   Slack: post with metadata { event_type: 'wegwijzer_reminder', event_payload: { key } } and
//          implement findDelivered by looking for that metadata in conversations.history since the
//          occurrence time (return the message ts).
//   Teams: keep a small table key -> activity id written right after sendActivity, and look the
//          conversation up for an activity carrying channelData.wegwijzerKey before re-sending.
import type { Logger } from '../core/logger.js';
import type { Language } from '../core/types.js';
import type { DuePrecision } from './milestone.js';

export type ReminderAction = 'done' | 'snooze' | 'move';

export interface ReminderMessage {
  milestoneId: string;
  title: string;
  /** YYYY-MM-DD the reminder is computed against. */
  due: string;
  /** The phrase as written ('medio 2019'), for display. */
  dueText: string;
  precision: DuePrecision;
  owner?: string;
  /** Whole days from the delivery day to the due day; negative when overdue. */
  daysLeft: number;
  overdue: boolean;
  /** Which occurrence this is, e.g. '2019-07-01:d-14' or '2019-07-01:overdue-2'. */
  occurrenceKey: string;
  source?: { doc?: string; title?: string; section?: string; page?: number | null; quote?: string; addedBy?: string };
  language: Language;
  /** Plain text rendered from prompts/milestones; channels may render blocks/cards from the fields. */
  text: string;
  actions: ReminderAction[];
}

export type SendResult = { ok: true; externalId?: string } | { ok: false; error: string; retryAfterMs?: number };

export interface ReminderSender {
  /** The target prefix this sender handles: 'slack' handles 'slack:C123'. */
  readonly channel: string;
  /**
   * Deliver the message to target (the part after the prefix, e.g. 'C123'). Must not throw for
   * delivery failures; return { ok: false } so the scheduler retries with backoff.
   */
  send(target: string, message: ReminderMessage, idempotencyKey: string): Promise<SendResult>;
  /** Optional: the external id of an earlier delivery with this key, if the remote side has one. */
  findDelivered?(target: string, idempotencyKey: string): Promise<string | undefined>;
}

/** Writes reminders to the log; the default when no chat channel is configured ('log:<anything>'). */
export function createLogReminderSender(logger: Logger): ReminderSender {
  return {
    channel: 'log',
    async send(target, message, idempotencyKey) {
      logger.info('reminder', { target, milestoneId: message.milestoneId, occurrence: message.occurrenceKey, idempotencyKey, text: message.text });
      return { ok: true, externalId: idempotencyKey };
    },
  };
}

export interface RecordedDelivery {
  target: string;
  message: ReminderMessage;
  idempotencyKey: string;
  externalId: string;
}

export interface RecordingReminderSender extends ReminderSender {
  /** What the user would see: one entry per delivered message. */
  readonly delivered: RecordedDelivery[];
  /** Every call of send(), including refused and de-duplicated ones. */
  readonly calls: { target: string; idempotencyKey: string }[];
  /** Make the next n sends fail (simulates an API outage). */
  failNext(n: number, error?: string, retryAfterMs?: number): void;
}

/**
 * In-memory sender for tests and demos. It de-duplicates by idempotency key the way a well-behaved
 * remote API does, so tests can show that a re-send after a crash does not reach the user twice.
 * `dedupe: false` turns that off, to show what the scheduler's own guarantees are worth alone.
 */
export function createRecordingReminderSender(channel = 'log', options: { dedupe?: boolean; lookup?: boolean } = {}): RecordingReminderSender {
  const dedupe = options.dedupe ?? true;
  const delivered: RecordedDelivery[] = [];
  const calls: { target: string; idempotencyKey: string }[] = [];
  let failures: { n: number; error: string; retryAfterMs?: number } = { n: 0, error: '' };
  const sender: RecordingReminderSender = {
    channel,
    delivered,
    calls,
    failNext(n, error = 'simulated outage', retryAfterMs) {
      failures = { n, error, retryAfterMs };
    },
    async send(target, message, idempotencyKey) {
      calls.push({ target, idempotencyKey });
      if (failures.n > 0) {
        failures.n -= 1;
        return failures.retryAfterMs === undefined ? { ok: false, error: failures.error } : { ok: false, error: failures.error, retryAfterMs: failures.retryAfterMs };
      }
      const earlier = dedupe ? delivered.find((d) => d.idempotencyKey === idempotencyKey && d.target === target) : undefined;
      if (earlier) return { ok: true, externalId: earlier.externalId };
      const externalId = `${channel}-${delivered.length + 1}`;
      delivered.push({ target, message, idempotencyKey, externalId });
      return { ok: true, externalId };
    },
  };
  if (options.lookup) {
    sender.findDelivered = async (target, key) => delivered.find((d) => d.idempotencyKey === key && d.target === target)?.externalId;
  }
  return sender;
}
