import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import { createRecordingReminderSender, type ReminderSender } from '../../../src/milestones/reminder-sender.js';
import { createReminderScheduler, idempotencyKeyFor, type Clock } from '../../../src/milestones/reminder-scheduler.js';
import { defaultReminderPolicy } from '../../../src/milestones/reminder-schedule.js';
import type { SqliteMilestoneStore } from '../../../src/milestones/milestone-store.js';
import { confirmedMilestone, manualClock, openStore, tempDbFile } from './helpers.js';
import type { Db } from '../../../src/storage/database.js';

const HOUR = 3_600_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup() {
  const tmp = tempDbFile();
  const dbs: Db[] = [];
  cleanups.push(() => {
    for (const db of dbs) db.close();
    tmp.cleanup();
  });
  const open = () => {
    const s = openStore(tmp.file);
    dbs.push(s.db);
    return s.store;
  };
  return { open, file: tmp.file };
}

function scheduler(store: SqliteMilestoneStore, senders: ReminderSender[], clock: Clock, owner?: string) {
  return createReminderScheduler({ store, senders, clock, policy: defaultReminderPolicy, logger: silentLogger, owner });
}

// Due Monday 21 December 2026: d-14 Mon 7 Dec, d-7 Mon 14 Dec, d-1 Sun 20 Dec -> Fri 18 Dec, d-0 Mon 21 Dec; 09:00 CET = 08:00 UTC.
const expectedDays = ['2026-12-07', '2026-12-14', '2026-12-18', '2026-12-21'];

describe('reminder scheduler', () => {
  it('delivers each occurrence once at 09:00 on its working day when ticking every hour', async () => {
    const { open } = setup();
    const store = open();
    store.upsert(confirmedMilestone({ id: 'm1', owner: '@anne' }));
    const clock = manualClock('2026-11-30T00:00:00Z');
    const sender = createRecordingReminderSender('log', { dedupe: false });
    const s = scheduler(store, [sender], clock);
    const sentAt: string[] = [];
    while (clock.now() < new Date('2026-12-29T00:00:00Z')) {
      const before = sender.delivered.length;
      await s.tick();
      if (sender.delivered.length > before) sentAt.push(clock.now().toISOString());
      clock.advance(HOUR);
    }
    expect(sender.delivered.map((d) => d.message.occurrenceKey)).toEqual([
      '2026-12-21:d-14', '2026-12-21:d-7', '2026-12-21:d-1', '2026-12-21:d-0', '2026-12-21:overdue-1',
    ]);
    expect(sentAt).toEqual([...expectedDays, '2026-12-28'].map((d) => `${d}T08:00:00.000Z`));
    const first = sender.delivered[0]!;
    expect(first.target).toBe('projectleiding');
    expect(first.message).toMatchObject({ milestoneId: 'm1', daysLeft: 14, overdue: false, owner: '@anne', actions: ['done', 'snooze', 'move'] });
    expect(first.message.text).toContain('nog 14 dagen');
    expect(sender.delivered[4]!.message).toMatchObject({ overdue: true, daysLeft: -7 });
    expect(store.rows('m1').filter((r) => r.status === 'sent')).toHaveLength(5);
  });

  it('sends nothing twice when a new scheduler on the same database starts in the middle of a day', async () => {
    const { open } = setup();
    const first = open();
    first.upsert(confirmedMilestone({ id: 'm1' }));
    const clock = manualClock('2026-12-07T08:05:00Z');
    const sender = createRecordingReminderSender('log', { dedupe: false });
    await scheduler(first, [sender], clock, 'morning').tick();
    expect(sender.delivered).toHaveLength(1);

    const restarted = scheduler(open(), [sender], clock, 'after-restart');
    for (const t of ['2026-12-07T08:30:00Z', '2026-12-07T13:00:00Z', '2026-12-07T22:59:00Z']) {
      clock.set(t);
      await restarted.tick();
    }
    expect(sender.delivered).toHaveLength(1);
    expect(sender.calls).toHaveLength(1);
  });

  it('does not show a second copy after a crash between sending and recording', async () => {
    const { open } = setup();
    const store = open();
    store.upsert(confirmedMilestone({ id: 'm1' }));
    const clock = manualClock('2026-12-07T08:00:00Z');
    // The chat workspace: remembers what it showed, and can be searched by key (Slack metadata lookup).
    const workspace = createRecordingReminderSender('log', { lookup: true });
    let sent!: () => void;
    const delivered = new Promise<void>((resolve) => (sent = resolve));
    const dyingSender: ReminderSender = {
      channel: 'log',
      async send(target, message, key) {
        await workspace.send(target, message, key);
        sent();
        return new Promise(() => {}); // the process dies here: the result is never recorded
      },
    };
    void scheduler(store, [dyingSender], clock, 'doomed').tick();
    await delivered;
    expect(workspace.delivered).toHaveLength(1);
    const [row] = store.rows('m1').filter((r) => r.occurrenceKey === '2026-12-21:d-14');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, leaseOwner: 'doomed' });

    // The new process starts a minute later: the lease still protects the row.
    const recovered = scheduler(open(), [workspace], clock, 'recovered');
    clock.advance(60_000);
    await recovered.tick();
    expect(workspace.calls).toHaveLength(1);

    // After the lease has run out it takes the row over, finds the earlier delivery by its key and records it.
    clock.advance(10 * 60_000);
    const report = await recovered.tick();
    expect(report).toMatchObject({ alreadyDelivered: 1, sent: 0 });
    expect(workspace.delivered).toHaveLength(1);
    expect(workspace.calls).toHaveLength(1);
    const after = store.rows('m1').find((r) => r.occurrenceKey === '2026-12-21:d-14')!;
    expect(after).toMatchObject({ status: 'sent', externalId: workspace.delivered[0]!.externalId, attempts: 2 });
    expect(workspace.delivered[0]!.idempotencyKey).toBe(idempotencyKeyFor(after));
  });

  it('relies on the idempotency key when the sender cannot look deliveries up, and shows why the key is needed', async () => {
    for (const dedupe of [true, false]) {
      const { open } = setup();
      const store = open();
      store.upsert(confirmedMilestone({ id: 'm1' }));
      const clock = manualClock('2026-12-07T08:00:00Z');
      const workspace = createRecordingReminderSender('log', { dedupe });
      let sent!: () => void;
      const delivered = new Promise<void>((resolve) => (sent = resolve));
      const dying: ReminderSender = {
        channel: 'log',
        async send(t, m, k) {
          await workspace.send(t, m, k);
          sent();
          return new Promise(() => {});
        },
      };
      void scheduler(store, [dying], clock).tick();
      await delivered;
      clock.advance(11 * 60_000);
      await scheduler(open(), [workspace], clock).tick();
      expect(workspace.calls).toHaveLength(2); // the re-send happens...
      expect(workspace.delivered).toHaveLength(dedupe ? 1 : 2); // ...and only the key keeps the user from seeing it twice
    }
  });

  it('sends each occurrence once when two schedulers tick on one database at the same time', async () => {
    const { open } = setup();
    const a = open();
    const b = open();
    for (let i = 1; i <= 6; i++) {
      a.upsert(confirmedMilestone({ id: `m${i}`, due: { date: `2026-12-${String(10 + i).padStart(2, '0')}`, precision: 'day', text: '' }, channels: ['log:one', 'log:two'] }));
    }
    const clock = manualClock('2026-11-20T00:00:00Z');
    // No de-duplication: any double send would show up here. Each send yields, so the two interleave.
    const sender = createRecordingReminderSender('log', { dedupe: false });
    const slow: ReminderSender = {
      channel: 'log',
      async send(t, m, k) {
        await new Promise((r) => setImmediate(r));
        return sender.send(t, m, k);
      },
    };
    const s1 = scheduler(a, [slow], clock, 'one');
    const s2 = scheduler(b, [slow], clock, 'two');
    while (clock.now() < new Date('2026-12-20T00:00:00Z')) {
      await Promise.all([s1.tick(), s2.tick(), s1.tick()]);
      clock.advance(4 * HOUR); // 00:00, 04:00, 08:00 UTC, ...: hits 09:00 Amsterdam every day
    }
    const keys = sender.delivered.map((d) => d.idempotencyKey);
    expect(keys.length).toBeGreaterThan(30);
    expect(new Set(keys).size).toBe(keys.length);
    const sentRows = a.rows().filter((r) => r.status === 'sent');
    expect(sentRows).toHaveLength(keys.length);
  });

  it('after a week of downtime sends only the latest of the missed reminders, and a lone missed one late', async () => {
    const { open } = setup();
    const store = open();
    store.upsert(confirmedMilestone({ id: 'm1' }));
    const clock = manualClock('2026-12-04T10:00:00Z');
    const sender = createRecordingReminderSender('log', { dedupe: false });
    const s = scheduler(store, [sender], clock);
    await s.tick();
    expect(sender.delivered).toHaveLength(0);

    // Down from Friday 4 Dec until Tuesday 15 Dec: d-14 (7 Dec) and d-7 (14 Dec) were missed.
    clock.set('2026-12-15T10:00:00Z');
    const report = await scheduler(open(), [sender], clock).tick();
    expect(report).toMatchObject({ sent: 1, superseded: 1 });
    expect(sender.delivered.map((d) => d.message.occurrenceKey)).toEqual(['2026-12-21:d-7']);
    expect(sender.delivered[0]!.message.daysLeft).toBe(6);
    expect(store.rows('m1').find((r) => r.occurrenceKey === '2026-12-21:d-14')?.status).toBe('superseded');

    // A missed reminder with no later one due yet is still useful: it goes out late.
    store.upsert(confirmedMilestone({ id: 'm2', due: { date: '2027-01-29', precision: 'day', text: '' } }));
    clock.set('2027-01-20T14:00:00Z'); // d-14 was Fri 15 Jan, d-7 is Fri 22 Jan
    await s.tick();
    expect(sender.delivered.map((d) => d.message.occurrenceKey)).toContain('2027-01-29:d-14');
  });

  it('retries a failed delivery with exponential backoff and never drops it', async () => {
    const { open } = setup();
    const store = open();
    store.upsert(confirmedMilestone({ id: 'm1' }));
    const clock = manualClock('2026-12-07T08:00:00Z');
    const sender = createRecordingReminderSender('log', { dedupe: false });
    sender.failNext(3, 'rate_limited');
    const s = scheduler(store, [sender], clock);
    const row = () => store.rows('m1').find((r) => r.occurrenceKey === '2026-12-21:d-14')!;

    await s.tick();
    expect(row()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'rate_limited', nextAttemptAt: '2026-12-07T08:01:00.000Z' });
    clock.advance(30_000);
    await s.tick();
    expect(sender.calls).toHaveLength(1); // backing off
    clock.set('2026-12-07T08:01:00Z');
    await s.tick();
    expect(row()).toMatchObject({ attempts: 2, nextAttemptAt: '2026-12-07T08:03:00.000Z' });
    clock.set('2026-12-07T08:03:00Z');
    await s.tick();
    expect(row()).toMatchObject({ attempts: 3, nextAttemptAt: '2026-12-07T08:07:00.000Z' });
    clock.set('2026-12-07T08:07:00Z');
    await s.tick();
    expect(row()).toMatchObject({ status: 'sent', attempts: 4 });
    expect(sender.delivered).toHaveLength(1);

    // A Retry-After longer than the backoff wins.
    sender.failNext(1, 'ratelimited', 30 * 60_000);
    clock.set('2026-12-14T08:00:00Z');
    await s.tick();
    const d7 = store.rows('m1').find((r) => r.occurrenceKey === '2026-12-21:d-7')!;
    expect(d7.nextAttemptAt).toBe('2026-12-14T08:30:00.000Z');
  });

  it('keeps a reminder pending while no sender exists for its channel', async () => {
    const { open } = setup();
    const store = open();
    store.upsert(confirmedMilestone({ id: 'm1', channels: ['teams:19:abc@thread.v2'] }));
    const clock = manualClock('2026-12-07T08:00:00Z');
    await scheduler(store, [createRecordingReminderSender('log')], clock).tick();
    expect(store.rows('m1').find((r) => r.occurrenceKey === '2026-12-21:d-14')).toMatchObject({ status: 'pending', attempts: 1 });
    const teams = createRecordingReminderSender('teams');
    clock.advance(HOUR);
    await scheduler(store, [teams], clock).tick();
    expect(teams.delivered.map((d) => d.target)).toEqual(['19:abc@thread.v2']);
  });

  it('cancels pending reminders when a milestone is done or unconfirmed, and regenerates them when the date moves', async () => {
    const { open } = setup();
    const store = open();
    store.upsert(confirmedMilestone({ id: 'm1' }));
    store.upsert(confirmedMilestone({ id: 'p1', state: 'proposed' }));
    const clock = manualClock('2026-12-01T10:00:00Z');
    const sender = createRecordingReminderSender('log');
    const s = scheduler(store, [sender], clock);
    await s.tick();
    expect(store.pending('m1').map((r) => r.occurrenceKey)).toEqual(['2026-12-21:d-14', '2026-12-21:d-7']);
    expect(store.rows('p1')).toHaveLength(0); // proposed: never reminded

    store.upsert({ ...store.get('m1')!, due: { date: '2027-01-11', precision: 'day', text: '11 januari 2027' } });
    clock.set('2026-12-28T10:00:00Z');
    const r1 = await s.tick();
    expect(r1.cancelled).toBeGreaterThanOrEqual(2);
    expect(store.pending('m1').map((r) => r.occurrenceKey)).toEqual(['2027-01-11:d-7', '2027-01-11:d-1', '2027-01-11:d-0']);
    expect(sender.delivered.map((d) => d.message.occurrenceKey)).toEqual(['2027-01-11:d-14']);

    store.upsert({ ...store.get('m1')!, status: 'done' });
    await s.tick();
    expect(store.pending('m1')).toHaveLength(0);
    clock.set('2027-01-20T10:00:00Z');
    await s.tick();
    expect(sender.delivered).toHaveLength(1);
  });

  it('start() runs a first tick at once and stop() waits for it', async () => {
    const { open } = setup();
    const store = open();
    store.upsert(confirmedMilestone({ id: 'm1' }));
    const sender = createRecordingReminderSender('log');
    const s = scheduler(store, [sender], manualClock('2026-12-07T08:00:00Z'));
    s.start(24 * HOUR);
    await s.stop();
    expect(sender.delivered.map((d) => d.message.occurrenceKey)).toEqual(['2026-12-21:d-14']);
  });
});
