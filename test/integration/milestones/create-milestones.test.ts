import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createMilestones } from '../../../src/milestones/create-milestones.js';
import { createRecordingReminderSender } from '../../../src/milestones/reminder-sender.js';
import { manualClock, openStore, tempDbFile } from './helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup() {
  const tmp = tempDbFile();
  const { db } = openStore(tmp.file);
  cleanups.push(() => {
    db.close();
    tmp.cleanup();
  });
  const config = loadConfig({ CORPUS_DIRS: path.resolve(import.meta.dirname, '../../../corpus') }, '/');
  const clock = manualClock('2026-11-25T10:00:00Z');
  const slack = createRecordingReminderSender('slack');
  const milestones = createMilestones({ config, db, logger: silentLogger, senders: [slack], clock });
  return { milestones, clock, slack };
}

describe('createMilestones', () => {
  it('syncs the planning file of each corpus directory and routes chat commands', async () => {
    const { milestones } = setup();
    const [report] = milestones.syncPlanningFiles();
    expect(report?.added.length).toBeGreaterThanOrEqual(5);
    const r = await milestones.commandHandler('mijlpaal toevoegen Gunning Verblijf op 1 maart 2027', 'nl', { channel: 'slack', conversationId: 'C1', userId: 'U1' });
    expect(r?.kind).toBe('milestones');
    expect(milestones.service.get('m1')?.channels).toEqual(['slack:C1']);
    expect(await milestones.commandHandler('Wat is een DVO?', 'nl', { channel: 'slack' })).toBeNull();
    expect(milestones.answerQuestion('Wanneer moet de inkoopstrategie Verblijf en HSB klaar zijn?')?.kind).toBe('milestones');
  });

  it('applies reminder-button actions and reminds through the configured sender at 09:00 Amsterdam', async () => {
    const { milestones, clock, slack } = setup();
    await milestones.commandHandler('mijlpaal toevoegen Gunning Verblijf op 14 december 2026', 'nl', { channel: 'slack', conversationId: 'C1', userId: 'U1' });
    clock.set('2026-11-30T08:00:00Z'); // Monday, d-14, 09:00 CET
    await milestones.scheduler.tick();
    expect(slack.delivered.map((d) => [d.target, d.message.daysLeft])).toEqual([['C1', 14]]);

    const snoozed = await milestones.actions.apply({ milestoneId: 'm1', action: 'snooze', userId: 'slack:U1', days: 3 });
    expect(snoozed).toEqual({ ok: true, text: expect.stringContaining('3 december 2026') });
    const moved = await milestones.actions.apply({ milestoneId: 'm1', action: 'move', userId: 'slack:U1', newDate: '2027-01-15' });
    expect(moved.ok).toBe(true);
    expect(milestones.service.get('m1')?.due.date).toBe('2027-01-15');
    const bad = await milestones.actions.apply({ milestoneId: 'm1', action: 'move', userId: 'slack:U1', newDate: 'morgen' });
    expect(bad.ok).toBe(false);
    const done = await milestones.actions.apply({ milestoneId: 'm1', action: 'done', userId: 'slack:U1' });
    expect(done).toEqual({ ok: true, text: expect.stringContaining('afgerond') });
    expect((await milestones.actions.apply({ milestoneId: 'm1', action: 'done', userId: 'slack:U1' })).ok).toBe(false);
    expect((await milestones.actions.apply({ milestoneId: 'nope', action: 'done', userId: 'slack:U1' })).ok).toBe(false);
  });
});
