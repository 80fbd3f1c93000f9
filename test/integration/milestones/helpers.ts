// Shared set-up for the milestone integration tests: a real SQLite file in a temp dir and a clock
// the test moves by hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { createSqliteMilestoneStore, type SqliteMilestoneStore } from '../../../src/milestones/milestone-store.js';
import type { Milestone } from '../../../src/milestones/milestone.js';
import type { Clock } from '../../../src/milestones/reminder-scheduler.js';

export interface ManualClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function manualClock(start: string): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso) => void (t = new Date(iso).getTime()),
    advance: (ms) => void (t += ms),
  };
}

export function tempDbFile(): { file: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-milestones-'));
  return { file: path.join(dir, 'wegwijzer.db'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A separate connection, as a second process or a restarted one would have. */
export function openStore(file: string): { db: Db; store: SqliteMilestoneStore } {
  const db = openDatabase(file);
  return { db, store: createSqliteMilestoneStore(db) };
}

export function confirmedMilestone(over: Partial<Milestone> & Pick<Milestone, 'id'>): Milestone {
  return {
    title: `Mijlpaal ${over.id}`,
    due: { date: '2026-12-21', precision: 'day', text: '21 december 2026' },
    channels: ['log:projectleiding'],
    status: 'open',
    state: 'confirmed',
    source: { kind: 'person', userId: 'U1', channel: 'cli' },
    language: 'nl',
    created: '2026-11-25T10:00:00.000Z',
    updated: '2026-11-25T10:00:00.000Z',
    ...over,
  };
}
