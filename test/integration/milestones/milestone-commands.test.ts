import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import type { AskContext } from '../../../src/core/assistant.js';
import { createMilestoneService } from '../../../src/milestones/milestone-service.js';
import { answerMilestoneQuestion, handleMilestoneCommand } from '../../../src/milestones/milestone-commands.js';
import { extractMilestones } from '../../../src/milestones/extract-milestones.js';
import { createReminderScheduler } from '../../../src/milestones/reminder-scheduler.js';
import { createRecordingReminderSender } from '../../../src/milestones/reminder-sender.js';
import { defaultReminderPolicy } from '../../../src/milestones/reminder-schedule.js';
import { timeline } from '../../../src/milestones/timeline.js';
import { loadSeedCorpus } from '../../unit/milestones/seed-corpus.js';
import { manualClock, openStore, tempDbFile } from './helpers.js';

const planningFile = path.resolve(import.meta.dirname, '../../../corpus/milestones.json');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(start = '2026-11-25T10:00:00Z') {
  const tmp = tempDbFile();
  const { db, store } = openStore(tmp.file);
  cleanups.push(() => {
    db.close();
    tmp.cleanup();
  });
  const clock = manualClock(start);
  const service = createMilestoneService({ store, clock, timeZone: 'Europe/Amsterdam', logger: silentLogger });
  return { store, clock, service, file: tmp.file };
}

const slack: AskContext = { channel: 'slack', userId: 'U42', conversationId: 'C0PROJ' };
type MReply = { kind: 'milestones'; language: string; text: string; data?: any };
const run = async (s: ReturnType<typeof setup>, text: string, ctx: AskContext = slack) => (await handleMilestoneCommand(text, ctx, s.service, s.clock.now())) as MReply | null;

describe('milestone chat commands', () => {
  it('adds, lists by month, confirms, moves, snoozes, sets the owner and marks done, in Dutch', async () => {
    const s = setup();
    const added = await run(s, 'mijlpaal toevoegen Programma van eisen Verblijf op 15 januari 2027');
    expect(added?.kind).toBe('milestones');
    expect(added?.language).toBe('nl');
    expect(added?.data.milestone).toMatchObject({ id: 'm1', title: 'Programma van eisen Verblijf', due: '2027-01-15', channels: ['slack:C0PROJ'] });
    expect(added?.text).toContain('15 januari 2027');
    await run(s, 'mijlpaal toevoegen Marktconsultatie afronden op eind december');
    await run(s, 'mijlpaal toevoegen Offertes beoordeeld op 2026-11-20');
    const withOp = await run(s, 'mijlpaal toevoegen Zicht op kosten op 1 maart 2027');
    expect(withOp?.data.milestone).toMatchObject({ title: 'Zicht op kosten', due: '2027-03-01' });
    await run(s, `mijlpaal ${withOp?.data.milestone.id} schrappen`);

    const list = await run(s, 'mijlpalen');
    expect(list?.data.timeline.months.map((m: any) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(list?.text).toMatch(/november 2026[\s\S]*Offertes beoordeeld.*verlopen[\s\S]*december 2026[\s\S]*Marktconsultatie[\s\S]*januari 2027/);
    expect(list?.data.timeline.overdueCount).toBe(1);

    const owner = await run(s, 'eigenaar m1 @anne');
    expect(s.service.get('m1')?.owner).toBe('@anne');
    expect(owner?.text).toContain('@anne');

    const moved = await run(s, 'verplaats m1 naar 1 februari 2027');
    expect(s.service.get('m1')?.due).toEqual({ date: '2027-02-01', precision: 'day', text: '1 februari 2027' });
    expect(moved?.text).toContain('1 februari 2027');

    await run(s, 'snooze m2 3 dagen');
    expect(s.service.get('m2')?.snoozedUntil).toBe('2026-11-28');

    const finished = await run(s, 'mijlpaal m3 klaar');
    expect(s.service.get('m3')?.status).toBe('done');
    expect(finished?.text).toContain('afgerond');
    const again = await run(s, 'mijlpaal m3 klaar');
    expect(again?.data.reason).toBe('not-open');
    const missing = await run(s, 'bevestig m99');
    expect(missing?.data.reason).toBe('not-found');
    const badDate = await run(s, 'verplaats m1 naar ooit');
    expect(badDate?.data.reason).toBe('bad-date');
  });

  it('answers English commands in English', async () => {
    const s = setup();
    const added = await run(s, 'milestone add Market consultation on 1 March 2027');
    expect(added?.language).toBe('en');
    expect(added?.text).toContain('1 March 2027');
    const list = await run(s, 'milestones');
    expect(list?.language).toBe('en');
    expect(list?.text).toContain('Open milestones (1)');
    const done = await run(s, 'done m1');
    expect(done?.text).toContain('is done');
  });

  it('returns null for text that is not a milestone command', async () => {
    const s = setup();
    expect(await run(s, 'Welk schaalniveau geldt voor JeugdzorgPlus?')).toBeNull();
    expect(await run(s, 'Wat is de deadline voor mijlpaal 3?')).toBeNull();
  });

  it('subscribes a channel, and refuses outside a chat channel', async () => {
    const s = setup();
    await run(s, 'mijlpaal toevoegen A op 1 maart 2027', { channel: 'cli' });
    await run(s, 'mijlpaal toevoegen B op 2 maart 2027', { channel: 'cli' });
    const r = await run(s, 'abonneer dit kanaal', { channel: 'teams', conversationId: '19:abc@thread.tacv2' });
    expect(r?.data.milestones).toEqual(['m1', 'm2']);
    expect(s.service.get('m2')?.channels).toEqual(['teams:19:abc@thread.tacv2']);
    const one = await run(s, 'subscribe this channel to m1', slack);
    expect(one?.language).toBe('en');
    expect(s.service.get('m1')?.channels).toEqual(['teams:19:abc@thread.tacv2', 'slack:C0PROJ']);
    expect((await run(s, 'abonneer dit kanaal', { channel: 'cli' }))?.data.reason).toBe('no-channel');
  });

  it('keeps extracted milestones proposed (no reminders) until confirmed in a channel', async () => {
    const s = setup('2019-02-20T10:00:00Z');
    const imported = s.service.importProposed(extractMilestones(loadSeedCorpus()));
    expect(imported).toBeGreaterThan(8);
    expect(s.service.importProposed(extractMilestones(loadSeedCorpus()))).toBe(0); // idempotent
    const proposed = await run(s, 'mijlpalen voorstellen');
    expect(proposed?.text).toContain('Medio 2019 dient de concrete inkoopstrategie');
    const medio = s.service.proposed().find((m) => m.due.text === 'Medio 2019')!;

    const sender = createRecordingReminderSender('slack');
    const scheduler = createReminderScheduler({ store: s.store, senders: [sender], clock: s.clock, policy: defaultReminderPolicy, logger: silentLogger });
    s.service.subscribe('slack:C0PROJ'); // subscribing is not confirming
    s.clock.set('2019-06-17T07:00:00Z');
    await scheduler.tick();
    expect(sender.delivered).toHaveLength(0);

    const confirmed = await run(s, `bevestig ${medio.id}`);
    expect(confirmed?.data.milestone.state).toBe('confirmed');
    await scheduler.tick();
    expect(sender.delivered.map((d) => [d.message.milestoneId, d.message.occurrenceKey])).toEqual([[medio.id, '2019-07-01:d-14']]);
    expect(sender.delivered[0]!.message.text).toContain('Medio 2019 dient de concrete inkoopstrategie');
    expect(sender.delivered[0]!.message.source).toMatchObject({ doc: 'nieuwsbrief-inkoopsamenwerking-2019' });
  });
});

describe('planning file, questions and timeline', () => {
  it('syncs corpus/milestones.json, keeps chat changes to unchanged entries, and lets an edited entry win', () => {
    const s = setup();
    const first = s.service.syncPlanningFile(planningFile);
    expect(first.added).toContain('mijlpaal-3-inkoopstrategie-verblijf-hsb');
    const m3 = s.service.get('mijlpaal-3-inkoopstrategie-verblijf-hsb')!;
    expect(m3).toMatchObject({ state: 'confirmed', due: { date: '2019-07-01', precision: 'half', text: 'medio 2019' } });
    expect(m3.source).toMatchObject({ kind: 'planning-file', doc: 'nieuwsbrief-inkoopsamenwerking-2019' });
    const contracts = s.service.get('contracten-verblijf-hsb')!;
    expect(contracts.due).toEqual({ date: '2020-01-01', precision: 'day', text: 'uiterlijk per 1 januari 2020' });

    s.service.setOwner('contracten-verblijf-hsb', '@piet');
    const second = s.service.syncPlanningFile(planningFile);
    expect(second.added).toEqual([]);
    expect(second.unchanged).toContain('contracten-verblijf-hsb');
    expect(s.service.get('contracten-verblijf-hsb')?.owner).toBe('@piet');

    const edited = path.join(path.dirname(s.file), 'milestones.json');
    const json = JSON.parse(fs.readFileSync(planningFile, 'utf8'));
    json.milestones.find((x: any) => x.id === 'contracten-verblijf-hsb').owner = '@regio';
    fs.writeFileSync(edited, JSON.stringify(json));
    expect(s.service.syncPlanningFile(edited).updated).toEqual(['contracten-verblijf-hsb']);
    expect(s.service.get('contracten-verblijf-hsb')?.owner).toBe('@regio');
  });

  it('answers "Wanneer moet de inkoopstrategie Verblijf en HSB klaar zijn?" with the milestone and its source', () => {
    const s = setup();
    s.service.syncPlanningFile(planningFile);
    s.service.importProposed(extractMilestones(loadSeedCorpus()));
    const r = answerMilestoneQuestion('Wanneer moet de inkoopstrategie Verblijf en HSB klaar zijn?', s.service) as MReply | null;
    expect(r?.language).toBe('nl');
    expect(r?.data.milestone.id).toBe('mijlpaal-3-inkoopstrategie-verblijf-hsb');
    expect(r?.text).toContain('medio 2019 (1 juli 2019)');
    expect(r?.text).toContain('Medio 2019 dient de concrete inkoopstrategie voor Verblijf en HSB klaar te liggen');
    const en = answerMilestoneQuestion('When must the contracts for Verblijf and HSB be closed?', s.service) as MReply | null;
    expect(en?.language).toBe('en');
    expect(en?.data.milestone.id).toBe('contracten-verblijf-hsb');
    expect(answerMilestoneQuestion('Welk schaalniveau geldt voor JeugdzorgPlus?', s.service)).toBeNull();
    expect(answerMilestoneQuestion('Wanneer is de gemeenteraad van Helmond opgericht?', s.service)).toBeNull();
  });

  it('builds a timeline of open and recently done milestones per month, overdue marked', () => {
    const s = setup();
    s.service.syncPlanningFile(planningFile); // historical, done long ago but synced now: recent
    const a = s.service.add({ title: 'Offertes binnen', due: { date: '2026-11-10', precision: 'day', text: '10 november 2026' }, addedBy: { userId: 'U1', channel: 'cli' } });
    s.service.add({ title: 'Gunning', due: { date: '2027-01-31', precision: 'month', text: 'eind januari 2027' }, addedBy: { userId: 'U1', channel: 'cli' } });
    const tl = timeline(s.service, s.clock.now());
    const item = tl.months.flatMap((m) => m.items).find((i) => i.id === a.id)!;
    expect(item).toMatchObject({ overdue: true, daysLeft: -15 });
    expect(tl.overdueCount).toBe(1);
    expect(tl.openCount).toBe(2);
    expect(tl.months.find((m) => m.month === '2027-01')?.label).toBe('januari 2027');
    expect(tl.months.find((m) => m.month === '2027-01')?.items[0]?.dueLabel).toBe('eind januari 2027 (31 januari 2027)');
    expect(tl.months.some((m) => m.items.some((i) => i.status === 'done'))).toBe(true);
    s.clock.advance(40 * 86_400_000);
    expect(timeline(s.service, s.clock.now()).months.flatMap((m) => m.items).some((i) => i.status === 'done')).toBe(false);
  });
});
