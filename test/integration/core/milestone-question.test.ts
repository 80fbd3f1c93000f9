// "Wanneer moet … klaar zijn?" is answered from the documents and the tracked milestone together.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap, type Runtime } from '../../../src/core/bootstrap.js';
import { loadConfig } from '../../../src/config/config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createMilestones } from '../../../src/milestones/create-milestones.js';
import { openDatabase, type Db } from '../../../src/storage/database.js';

let dir: string;
let db: Db;
let runtime: Runtime;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-mq-'));
  const env = { LOG_LEVEL: 'silent', DATA_DIR: path.join(dir, 'data') };
  db = openDatabase(path.join(dir, 'wegwijzer.db'));
  const milestones = createMilestones({ config: loadConfig(env), db, logger: silentLogger });
  milestones.syncPlanningFiles();
  runtime = await bootstrap({ env, logger: silentLogger, commandHandlers: [milestones.commandHandler], milestoneAnswer: milestones.answerQuestion });
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('milestone questions', () => {
  it('answers from the document and adds the tracked milestone with its status', async () => {
    const r = await runtime.assistant.handle('Wanneer moet de inkoopstrategie Verblijf en HSB klaar zijn?', { channel: 'web' });
    expect(r.kind).toBe('answer');
    if (r.kind !== 'answer') return;
    expect(r.answer.abstained).toBe(false);
    expect(r.answer.citations.length).toBeGreaterThan(0);
    expect(r.answer.note ?? '').toMatch(/Verblijf/);
    expect(r.answer.note ?? '').toMatch(/2019/);
  });

  it('leaves other questions without a milestone note', async () => {
    const r = await runtime.assistant.handle('Uit hoeveel afspraken bestaat de NvO?', { channel: 'web' });
    expect(r.kind === 'answer' && r.answer.note).toBeFalsy();
  });
});
