// What leads do with milestones (list, add, confirm, done, cancel, move, snooze, subscribe, owner),
// over the store. Expected outcomes (unknown id, already done, bad date) are values, not errors.
import type { Logger } from '../core/logger.js';
import type { Language } from '../core/types.js';
import { addDays } from './dutch-dates.js';
import { toProposedMilestone, type ExtractedMilestone } from './extract-milestones.js';
import type { DueDate, Milestone } from './milestone.js';
import type { MilestoneStore, ReminderOutbox } from './milestone-store.js';
import { syncPlanningFile, type SyncReport } from './planning-file.js';
import type { Clock } from './reminder-scheduler.js';
import { zonedDay } from './zoned-time.js';

export type MilestoneResult = { ok: true; milestone: Milestone } | { ok: false; reason: 'not-found' | 'not-open'; id: string; milestone?: Milestone };

export interface AddMilestoneInput {
  title: string;
  due: DueDate;
  owner?: string;
  channels?: string[];
  language?: Language;
  addedBy: { userId: string; channel: string };
}

export interface MilestoneService {
  /** Today (YYYY-MM-DD) in the reminder time zone. */
  today(): string;
  get(id: string): Milestone | undefined;
  /** Confirmed open milestones, soonest first. */
  listOpen(): Milestone[];
  /** Every milestone, whatever its status or state. */
  listAll(): Milestone[];
  /** Proposed (extracted, unconfirmed) open milestones. */
  proposed(): Milestone[];
  add(input: AddMilestoneInput): Milestone;
  confirm(id: string, channel?: string): MilestoneResult;
  done(id: string): MilestoneResult;
  cancel(id: string): MilestoneResult;
  move(id: string, due: DueDate): MilestoneResult;
  /** No reminder for this milestone before today + days (the next one is pushed to that day). */
  snooze(id: string, days: number): MilestoneResult;
  /** Add a channel to one milestone, or to every open one (confirmed and proposed) when id is omitted. */
  subscribe(target: string, id?: string): { ok: true; milestones: Milestone[] } | { ok: false; reason: 'not-found'; id: string };
  setOwner(id: string, owner: string): MilestoneResult;
  syncPlanningFile(file: string): SyncReport;
  /** Store extracted milestones as proposed; existing ids are left as they are (a confirmation is never undone). */
  importProposed(found: ExtractedMilestone[]): number;
}

export interface MilestoneServiceOptions {
  store: MilestoneStore & ReminderOutbox;
  clock: Clock;
  timeZone: string;
  logger: Logger;
}

export function createMilestoneService({ store, clock, timeZone, logger }: MilestoneServiceOptions): MilestoneService {
  const log = logger.child({ module: 'milestones' });
  const nowIso = () => clock.now().toISOString();
  const today = () => zonedDay(clock.now(), timeZone);

  /** Pending reminders are cancelled at once on a change; the scheduler re-plans what is still wanted. */
  const cancelPending = (id: string) => store.close(store.pending(id).map((r) => r.id), 'cancelled', nowIso());

  const change = (id: string, mutate: (m: Milestone) => Milestone | undefined, requireOpen = true): MilestoneResult => {
    const m = store.get(id);
    if (!m) return { ok: false, reason: 'not-found', id };
    if (requireOpen && m.status !== 'open') return { ok: false, reason: 'not-open', id, milestone: m };
    const next = mutate(m);
    if (!next) return { ok: true, milestone: m };
    const saved = { ...next, updated: nowIso() };
    store.upsert(saved);
    log.info('milestone changed', { id, status: saved.status, state: saved.state, due: saved.due.date });
    return { ok: true, milestone: saved };
  };

  return {
    today,
    get: (id) => store.get(id),
    listOpen: () => store.list({ status: ['open'], state: ['confirmed'] }),
    listAll: () => store.list(),
    proposed: () => store.list({ status: ['open'], state: ['proposed'] }),
    add(input) {
      const now = nowIso();
      const m: Milestone = {
        id: store.nextId('m'),
        title: input.title.trim(),
        due: input.due,
        channels: [...new Set(input.channels ?? [])],
        status: 'open',
        state: 'confirmed',
        source: { kind: 'person', userId: input.addedBy.userId, channel: input.addedBy.channel },
        language: input.language ?? 'nl',
        created: now,
        updated: now,
      };
      if (input.owner) m.owner = input.owner;
      store.upsert(m);
      log.info('milestone added', { id: m.id, due: m.due.date });
      return m;
    },
    confirm: (id, channel) =>
      change(id, (m) => ({ ...m, state: 'confirmed', channels: channel && !m.channels.includes(channel) ? [...m.channels, channel] : m.channels })),
    done: (id) => {
      const r = change(id, (m) => ({ ...m, status: 'done' }));
      if (r.ok) cancelPending(id);
      return r;
    },
    cancel: (id) => {
      const r = change(id, (m) => ({ ...m, status: 'cancelled' }));
      if (r.ok) cancelPending(id);
      return r;
    },
    move: (id, due) => {
      const r = change(id, (m) => {
        const { snoozedUntil: _dropped, ...rest } = m;
        return { ...rest, due };
      });
      if (r.ok) cancelPending(id);
      return r;
    },
    snooze: (id, days) => {
      const r = change(id, (m) => ({ ...m, snoozedUntil: addDays(today(), Math.max(1, Math.round(days))) }));
      if (r.ok) cancelPending(id);
      return r;
    },
    subscribe(target, id) {
      if (id) {
        const r = change(id, (m) => (m.channels.includes(target) ? undefined : { ...m, channels: [...m.channels, target] }));
        return r.ok ? { ok: true, milestones: [r.milestone] } : { ok: false, reason: 'not-found', id };
      }
      const changed: Milestone[] = [];
      for (const m of store.list({ status: ['open'] })) {
        const r = change(m.id, (x) => (x.channels.includes(target) ? undefined : { ...x, channels: [...x.channels, target] }));
        if (r.ok) changed.push(r.milestone);
      }
      return { ok: true, milestones: changed };
    },
    setOwner: (id, owner) => change(id, (m) => ({ ...m, owner: owner.trim() }), false),
    syncPlanningFile: (file) => {
      const report = syncPlanningFile(store, file, nowIso());
      log.info('planning file synced', { file, added: report.added.length, updated: report.updated.length, unchanged: report.unchanged.length });
      return report;
    },
    importProposed(found) {
      const now = nowIso();
      let n = 0;
      for (const e of found) if (store.insertIfAbsent(toProposedMilestone(e, now))) n += 1;
      return n;
    },
  };
}
