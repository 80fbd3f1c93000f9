// When a milestone's reminders go out. Pure functions of (milestone, policy, time): no I/O.
//
// Policy (config): REMINDER_OFFSETS_DAYS (default 14,7,1,0 days before the due day),
// REMINDER_OVERDUE_EVERY_DAYS (default weekly while overdue; 0 = never), REMINDER_TIME (09:00) in
// TIMEZONE (Europe/Amsterdam), BEVRIJDINGSDAG_HOLIDAY.
// A reminder whose day is a weekend or a Dutch public holiday moves to the previous working day
// (earlier rather than later: a reminder after the fact is worth less). When two reminders land on
// the same working day (a Saturday deadline pulls "on the day" back onto "1 day before"), only the
// one closest to the due day is kept.
import type { Config } from '../config/config.js';
import { addDays } from './dutch-dates.js';
import { isWorkingDay, previousWorkingDay, type HolidayOptions } from './dutch-holidays.js';
import type { Milestone } from './milestone.js';
import { zonedTimeToUtc } from './zoned-time.js';

export interface ReminderPolicy {
  /** Days before the due day, e.g. [14, 7, 1, 0]. */
  offsetsDays: number[];
  /** Repeat every N days after the due day while the milestone is open; 0 = no overdue reminders. */
  overdueEveryDays: number;
  /** HH:MM wall-clock time of delivery. */
  time: string;
  timeZone: string;
  bevrijdingsdag: boolean;
}

export const defaultReminderPolicy: ReminderPolicy = {
  offsetsDays: [14, 7, 1, 0],
  overdueEveryDays: 7,
  time: '09:00',
  timeZone: 'Europe/Amsterdam',
  bevrijdingsdag: false,
};

export function reminderPolicyFromConfig(config: Pick<Config, 'REMINDER_OFFSETS_DAYS' | 'REMINDER_OVERDUE_EVERY_DAYS' | 'REMINDER_TIME' | 'TIMEZONE' | 'BEVRIJDINGSDAG_HOLIDAY'>): ReminderPolicy {
  return {
    offsetsDays: [...config.REMINDER_OFFSETS_DAYS],
    overdueEveryDays: config.REMINDER_OVERDUE_EVERY_DAYS,
    time: config.REMINDER_TIME,
    timeZone: config.TIMEZONE,
    bevrijdingsdag: config.BEVRIJDINGSDAG_HOLIDAY,
  };
}

export interface Occurrence {
  /** Unique per milestone and stable across restarts: '<due>:d-14', '<due>:d-0', '<due>:overdue-1', '<due>:snooze-<day>'. */
  key: string;
  kind: 'before' | 'due' | 'overdue' | 'snooze';
  /** Day the policy names, before moving off weekends and holidays. */
  nominalDay: string;
  /** Working day of delivery. */
  day: string;
  /** Delivery instant (UTC). */
  sendAt: Date;
}

function holidayOptions(policy: ReminderPolicy): HolidayOptions {
  return { bevrijdingsdag: policy.bevrijdingsdag };
}

function nextWorkingDay(day: string, options: HolidayOptions): string {
  let d = day;
  while (!isWorkingDay(d, options)) d = addDays(d, 1);
  return d;
}

/**
 * Every reminder occurrence of a milestone with sendAt <= until, oldest first. Works on the due day
 * and snooze only; status and state are the scheduler's business.
 */
export function planOccurrences(milestone: Pick<Milestone, 'due' | 'snoozedUntil'>, policy: ReminderPolicy, until: Date): Occurrence[] {
  const opts = holidayOptions(policy);
  const due = milestone.due.date;
  const make = (key: string, kind: Occurrence['kind'], nominalDay: string, day: string): Occurrence => ({
    key,
    kind,
    nominalDay,
    day,
    sendAt: zonedTimeToUtc(day, policy.time, policy.timeZone),
  });

  const planned: Occurrence[] = [];
  const offsets = [...new Set(policy.offsetsDays)].sort((a, b) => b - a);
  for (const offset of offsets) {
    const nominal = addDays(due, -offset);
    planned.push(make(`${due}:d-${offset}`, offset === 0 ? 'due' : 'before', nominal, previousWorkingDay(nominal, opts)));
  }
  if (policy.overdueEveryDays > 0) {
    for (let k = 1; ; k++) {
      const nominal = addDays(due, k * policy.overdueEveryDays);
      const occ = make(`${due}:overdue-${k}`, 'overdue', nominal, previousWorkingDay(nominal, opts));
      if (occ.sendAt > until) break;
      planned.push(occ);
    }
  }

  // One reminder per working day: keep the one closest to the due day (the later in the list).
  const byDay = new Map<string, Occurrence>();
  for (const o of planned) byDay.set(o.day, o);
  let result = [...byDay.values()];

  if (milestone.snoozedUntil) {
    const snoozeDay = nextWorkingDay(milestone.snoozedUntil, opts);
    result = result.filter((o) => o.day > snoozeDay);
    result.push(make(`${due}:snooze-${milestone.snoozedUntil}`, 'snooze', milestone.snoozedUntil, snoozeDay));
  }

  return result.filter((o) => o.sendAt <= until).sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}
