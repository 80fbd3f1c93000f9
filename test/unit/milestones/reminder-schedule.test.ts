import { describe, expect, it } from 'vitest';
import { easterSunday, dutchHolidays, isWorkingDay, previousWorkingDay } from '../../../src/milestones/dutch-holidays.js';
import { defaultReminderPolicy, planOccurrences, reminderPolicyFromConfig } from '../../../src/milestones/reminder-schedule.js';
import { zonedTimeToUtc, wallClock } from '../../../src/milestones/zoned-time.js';
import { loadConfig } from '../../../src/config/config.js';

const far = new Date('2100-01-01T00:00:00Z');
const milestone = (date: string) => ({ due: { date, precision: 'day' as const, text: date } });
const plan = (date: string, policy = defaultReminderPolicy) =>
  planOccurrences(milestone(date), { ...policy, overdueEveryDays: 0 }, far).map((o) => [o.key.split(':')[1], o.day, o.sendAt.toISOString()]);

describe('Easter and Dutch holidays', () => {
  it('computes Easter Sunday with the Gregorian algorithm', () => {
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the holidays of 2026, with Koningsdag moved to the 26th when the 27th is a Sunday', () => {
    const h = dutchHolidays(2026);
    expect(h.get('2026-04-06')).toBe('Tweede Paasdag');
    expect(h.get('2026-04-27')).toBe('Koningsdag');
    expect(h.get('2026-05-14')).toBe('Hemelvaartsdag');
    expect(h.get('2026-05-25')).toBe('Tweede Pinksterdag');
    expect(h.get('2026-12-25')).toBe('Eerste Kerstdag');
    expect(h.get('2026-04-03')).toBeUndefined(); // Goede Vrijdag is a working day
    expect(h.get('2026-05-05')).toBeUndefined();
    expect(dutchHolidays(2026, { bevrijdingsdag: true }).get('2026-05-05')).toBe('Bevrijdingsdag');
    expect(dutchHolidays(2025).get('2025-04-26')).toBe('Koningsdag');
    expect(dutchHolidays(2025).get('2025-04-27')).toBeUndefined();
  });

  it('moves weekends and holidays to the previous working day', () => {
    expect(previousWorkingDay('2026-12-27', { bevrijdingsdag: false })).toBe('2026-12-24');
    expect(previousWorkingDay('2027-01-01', { bevrijdingsdag: false })).toBe('2026-12-31');
    expect(isWorkingDay('2026-05-05', { bevrijdingsdag: false })).toBe(true);
    expect(isWorkingDay('2026-05-05', { bevrijdingsdag: true })).toBe(false);
  });
});

describe('time zone conversion', () => {
  it('puts 09:00 Amsterdam at 08:00 UTC in winter and 07:00 UTC in summer, around both DST switches', () => {
    expect(zonedTimeToUtc('2026-03-27', '09:00', 'Europe/Amsterdam').toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(zonedTimeToUtc('2026-03-30', '09:00', 'Europe/Amsterdam').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(zonedTimeToUtc('2026-10-23', '09:00', 'Europe/Amsterdam').toISOString()).toBe('2026-10-23T07:00:00.000Z');
    expect(zonedTimeToUtc('2026-10-26', '09:00', 'Europe/Amsterdam').toISOString()).toBe('2026-10-26T08:00:00.000Z');
    // On the switch days themselves.
    expect(zonedTimeToUtc('2026-03-29', '09:00', 'Europe/Amsterdam').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(zonedTimeToUtc('2026-10-25', '09:00', 'Europe/Amsterdam').toISOString()).toBe('2026-10-25T08:00:00.000Z');
    // A wall time inside the spring-forward gap lands after the gap; the doubled autumn hour takes the first.
    expect(wallClock(zonedTimeToUtc('2026-03-29', '02:30', 'Europe/Amsterdam'), 'Europe/Amsterdam').hh).toBe(3);
    expect(zonedTimeToUtc('2026-10-25', '02:30', 'Europe/Amsterdam').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('works for other zones too', () => {
    expect(zonedTimeToUtc('2026-07-01', '09:00', 'America/New_York').toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(zonedTimeToUtc('2026-07-01', '09:00', 'UTC').toISOString()).toBe('2026-07-01T09:00:00.000Z');
  });
});

describe('reminder schedule', () => {
  it('reminds 14, 7, 1 and 0 days before at 09:00 Amsterdam, across the March DST switch', () => {
    // Due Tuesday 7 April 2026: d-14 = 24 March (CET), d-7 = 31 March (CEST), d-1 = Easter Monday -> Thursday 2 April.
    expect(plan('2026-04-07')).toEqual([
      ['d-14', '2026-03-24', '2026-03-24T08:00:00.000Z'],
      ['d-7', '2026-03-31', '2026-03-31T07:00:00.000Z'],
      ['d-1', '2026-04-03', '2026-04-03T07:00:00.000Z'],
      ['d-0', '2026-04-07', '2026-04-07T07:00:00.000Z'],
    ]);
  });

  it('handles the October switch', () => {
    expect(plan('2026-11-02')).toEqual([
      ['d-14', '2026-10-19', '2026-10-19T07:00:00.000Z'],
      ['d-7', '2026-10-26', '2026-10-26T08:00:00.000Z'],
      ['d-1', '2026-10-30', '2026-10-30T08:00:00.000Z'], // Sunday 1 Nov -> Friday
      ['d-0', '2026-11-02', '2026-11-02T08:00:00.000Z'],
    ]);
  });

  it('moves Koningsdag, Hemelvaart and Pinksteren reminders to the previous working day', () => {
    // Due Thursday 21 May 2026: d-7 is Hemelvaartsdag 14 May -> Wednesday 13 May.
    expect(plan('2026-05-21').map((r) => r[1])).toEqual(['2026-05-07', '2026-05-13', '2026-05-20', '2026-05-21']);
    // Due Tuesday 26 May 2026: d-1 is Tweede Pinksterdag 25 May -> Friday 22 May.
    expect(plan('2026-05-26').find((r) => r[0] === 'd-1')?.[1]).toBe('2026-05-22');
    // Due Tuesday 28 April 2026: d-1 is Koningsdag (Monday 27 April) -> Friday 24 April.
    expect(plan('2026-04-28').find((r) => r[0] === 'd-1')?.[1]).toBe('2026-04-24');
  });

  it('crosses Christmas and the year end', () => {
    // Due Monday 4 January 2027: d-1 (Sunday 3 Jan) -> not Nieuwjaarsdag Friday 1 Jan -> Thursday 31 Dec 2026.
    expect(plan('2027-01-04')).toEqual([
      ['d-14', '2026-12-21', '2026-12-21T08:00:00.000Z'],
      ['d-7', '2026-12-28', '2026-12-28T08:00:00.000Z'],
      ['d-1', '2026-12-31', '2026-12-31T08:00:00.000Z'],
      ['d-0', '2027-01-04', '2027-01-04T08:00:00.000Z'],
    ]);
    // Due Monday 28 December 2026: d-1 (Sunday 27) -> past both Kerstdagen -> Thursday 24 December.
    expect(plan('2026-12-28').find((r) => r[0] === 'd-1')?.[1]).toBe('2026-12-24');
  });

  it('keeps one reminder per day when a weekend due day collapses onto the day before', () => {
    // Due Saturday 13 June 2026: d-0 and d-1 both land on Friday 12 June; the closer one (d-0) stays.
    expect(plan('2026-06-13').map((r) => r[0])).toEqual(['d-14', 'd-7', 'd-0']);
  });

  it('repeats weekly while overdue, and snooze replaces earlier reminders by one on the snooze day', () => {
    const m = { due: { date: '2026-06-02', precision: 'day' as const, text: '2 juni 2026' } };
    const until = new Date('2026-06-20T12:00:00Z');
    const keys = planOccurrences(m, defaultReminderPolicy, until).map((o) => o.key);
    expect(keys).toEqual(['2026-06-02:d-14', '2026-06-02:d-7', '2026-06-02:d-1', '2026-06-02:d-0', '2026-06-02:overdue-1', '2026-06-02:overdue-2']);
    const snoozed = planOccurrences({ ...m, snoozedUntil: '2026-06-04' }, defaultReminderPolicy, until).map((o) => `${o.key}@${o.day}`);
    expect(snoozed).toEqual(['2026-06-02:snooze-2026-06-04@2026-06-04', '2026-06-02:overdue-1@2026-06-09', '2026-06-02:overdue-2@2026-06-16']);
  });

  it('takes its policy from the configuration', () => {
    const policy = reminderPolicyFromConfig(loadConfig({ REMINDER_OFFSETS_DAYS: '3,0', REMINDER_TIME: '08:30', BEVRIJDINGSDAG_HOLIDAY: 'true' }, '/tmp'));
    expect(policy).toMatchObject({ offsetsDays: [3, 0], time: '08:30', timeZone: 'Europe/Amsterdam', bevrijdingsdag: true });
    // Due Wednesday 6 May 2026: d-1 is Bevrijdingsdag when configured -> Monday 4 May.
    const rows = planOccurrences(milestone('2026-05-06'), { ...policy, offsetsDays: [1] }, far);
    expect(rows[0]?.day).toBe('2026-05-04');
    expect(rows[0]?.sendAt.toISOString()).toBe('2026-05-04T06:30:00.000Z');
  });
});
