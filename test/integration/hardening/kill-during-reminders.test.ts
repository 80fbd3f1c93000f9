// Kill -9 during reminder delivery: a child process runs the real scheduler over a real SQLite file
// and posts through the real Slack sender to a fake Slack API here (behind a proxy that holds Slack's
// answers, so a kill often lands after Slack posted but before the child recorded it). It is killed
// at random points and at exactly that bad moment, restarted, and finally left to finish. Every
// occurrence must be posted exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Milestone } from '../../../src/milestones/milestone.js';
import { confirmedMilestone } from '../milestones/helpers.js';
import { createSqliteMilestoneStore } from '../../../src/milestones/milestone-store.js';
import { idempotencyKeyFor } from '../../../src/milestones/reminder-scheduler.js';
import { openDatabase } from '../../../src/storage/database.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { repoRoot } from './stack.js';
import { startThrottlingProxy, type ThrottlingProxy } from './throttling-slack-proxy.js';

const milestones = 15;
const targets = ['slack:CTEAM', 'slack:CBESTUUR'];
const kills = 12;
const clockAt = '2026-12-07T08:05:00Z';

let dir: string;
let dbFile: string;
let slackApi: FakeSlackApi;
let proxy: ThrottlingProxy;
const clockOrigin = Date.now();

function milestone(i: number): Milestone {
  return confirmedMilestone({ id: `m-kill-${i}`, title: `Mijlpaal ${i}: inkoopdocumenten gepubliceerd`, channels: targets, source: { kind: 'person', userId: 'UANNE', channel: 'slack' } });
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  reports: Record<string, number>[];
  exited: Promise<void>;
}

function startWorker(): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/hardening/reminder-worker.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DB_FILE: dbFile, SLACK_API_URL: proxy.apiUrl, CLOCK_ORIGIN: String(clockOrigin), CLOCK_AT: clockAt },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reports: Record<string, number>[] = [];
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  let buffered = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') onReady();
      else if (line.startsWith('{')) reports.push(JSON.parse(line) as Record<string, number>);
    }
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  void exited.then(() => {
    if (stderr.trim() && child.signalCode !== 'SIGKILL') process.stderr.write(stderr);
  });
  return { child, ready, reports, exited };
}

const posts = () => slackApi.callsTo('chat.postMessage');
const keyOf = (c: { args: Record<string, unknown> }) => (c.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-kill-reminders-'));
  dbFile = path.join(dir, 'wegwijzer.db');
  const db = openDatabase(dbFile);
  const store = createSqliteMilestoneStore(db);
  for (let i = 1; i <= milestones; i++) store.upsert(milestone(i));
  db.close();
  slackApi = await startFakeSlackApi();
  proxy = await startThrottlingProxy(slackApi.apiUrl);
  proxy.slow('chat.postMessage', 120);
});

afterAll(async () => {
  await proxy?.close();
  await slackApi?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 during reminder delivery', () => {
  it('delivers every occurrence exactly once across random kills and restarts', async () => {
    let heldKills = 0;
    for (let k = 0; k < kills; k++) {
      const w = startWorker();
      await w.ready;
      if (k % 2 === 0) {
        // The bad moment: Slack has posted the reminder, the child has not recorded it yet.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 3_000);
          proxy.onHold = () => {
            clearTimeout(timer);
            heldKills += 1;
            resolve();
          };
        });
        proxy.onHold = undefined;
      } else {
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 400)));
      }
      w.child.kill('SIGKILL');
      await w.exited;
    }
    expect(heldKills).toBeGreaterThan(0);
    const postedDuringKills = posts().length;

    // A last run finishes the work.
    const last = startWorker();
    await last.ready;
    const expected = milestones * targets.length;
    await slackApi.waitFor(() => new Set(posts().map(keyOf)).size >= expected, 60_000);
    // Let it tick on a little: nothing more may be posted.
    const ticksBefore = last.reports.length;
    while (last.reports.length < ticksBefore + 10) await new Promise((r) => setTimeout(r, 50));
    last.child.kill('SIGKILL');
    await last.exited;

    const keys = posts().map(keyOf);
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
    const duplicates = [...counts].filter(([, n]) => n > 1);
    expect(duplicates).toEqual([]);
    expect(counts.size).toBe(expected);

    // The outbox agrees: every due occurrence sent, with the posted message's ts.
    const db = openDatabase(dbFile);
    const store = createSqliteMilestoneStore(db);
    for (let i = 1; i <= milestones; i++) {
      for (const target of targets) {
        const key = idempotencyKeyFor({ milestoneId: `m-kill-${i}`, occurrenceKey: '2026-12-21:d-14', target });
        expect(counts.get(key), key).toBe(1);
      }
      expect(store.pending(`m-kill-${i}`).filter((r) => Date.parse(r.sendAt) <= Date.parse(clockAt))).toEqual([]);
    }
    db.close();
    // Shown in the test output: how much of the work was interrupted.
    console.info(`kill -9 during reminders: ${kills} kills (${heldKills} right after Slack posted), ${postedDuringKills}/${expected} posted before the last run`);
  }, 180_000);
});
