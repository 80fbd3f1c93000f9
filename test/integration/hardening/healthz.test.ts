// GET /healthz on the real server: index age and document count, database status, channel status and
// the reminder outbox; 503 when the index on disk is damaged or the database does not answer.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteMilestoneStore } from '../../../src/milestones/milestone-store.js';
import { startStack, type Stack } from './stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  createSqliteMilestoneStore(stack.db); // the milestones module's tables, as in npm start
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function health() {
  const res = await fetch(`${stack.base}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GET /healthz', () => {
  it('reports index age, documents, database, channels and reminders', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.index.ok).toBe(true);
    expect(body.index.builtAt).toBe(stack.runtime.corpus.builtAt);
    expect(body.index.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(body.index.ageSeconds).toBeLessThan(3600);
    expect(body.documents).toBe(stack.runtime.assistant.documents().length);
    expect(body.index.documents).toBe(stack.runtime.corpus.documents.length);
    expect(body.database).toEqual({ ok: true });
    expect(body.channelStatus.slack).toMatchObject({ configured: true, started: true });
    expect(body.channelStatus.teams).toMatchObject({ configured: true, started: true });
    expect(body.channelStatus.web).toMatchObject({ configured: false, started: false });
    expect(body.reminders).toEqual({ pending: 0, overdue: 0, failing: 0 });
    // Nothing secret in it.
    expect(JSON.stringify(body)).not.toMatch(/xoxb-|signing-secret/);
  });

  it('is 503 when the index in use is damaged, and healthy again when it is restored', async () => {
    const dataDir = stack.runtime.config.dataDir;
    const current = fs.readdirSync(dataDir, { recursive: true }).map(String).find((f) => path.basename(f) === 'CURRENT');
    expect(current).toBeDefined();
    const file = path.join(dataDir, current!);
    const saved = fs.readFileSync(file);
    fs.writeFileSync(file, 'build-that-does-not-exist\n');
    try {
      await wait(1_100); // past the health check's index cache
      const { status, body } = await health();
      expect(status).toBe(503);
      expect(body.ok).toBe(false);
      expect(body.index.ok).toBe(false);
      expect(body.index.problem).toMatch(/damaged|missing/);
      expect(body.database.ok).toBe(true);
    } finally {
      fs.writeFileSync(file, saved);
    }
    await wait(1_100);
    expect((await health()).status).toBe(200);
  });

  it('is 503 when the database does not answer', async () => {
    stack.db.close();
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.database.ok).toBe(false);
    expect(body.index.ok).toBe(true);
  });
});
