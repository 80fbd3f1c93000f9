// Dutch public holidays on which no reminder is delivered (the reminder moves to the previous
// working day). The list follows the Algemene termijnenwet: Nieuwjaarsdag, Tweede Paasdag,
// Koningsdag, Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag; the Sundays (Eerste
// Paas- en Pinksterdag) are weekend days anyway. Bevrijdingsdag (5 May) only when configured: it is a
// day off in some collective agreements and not in others. Goede Vrijdag is NOT a holiday here: it is
// not in the Algemene termijnenwet and most government offices are open, so reminders go out.
import { addDays, isoDay } from './dutch-dates.js';

/** Easter Sunday (YYYY-MM-DD), anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDay(year, month, day);
}

export interface HolidayOptions {
  bevrijdingsdag: boolean;
}

/** Map of YYYY-MM-DD -> Dutch name, for one year. */
export function dutchHolidays(year: number, options: HolidayOptions = { bevrijdingsdag: false }): Map<string, string> {
  const easter = easterSunday(year);
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? isoDay(year, 4, 26) : isoDay(year, 4, 27);
  const days: [string, string][] = [
    [isoDay(year, 1, 1), 'Nieuwjaarsdag'],
    [easter, 'Eerste Paasdag'],
    [addDays(easter, 1), 'Tweede Paasdag'],
    [kingsDay, 'Koningsdag'],
    [addDays(easter, 39), 'Hemelvaartsdag'],
    [addDays(easter, 49), 'Eerste Pinksterdag'],
    [addDays(easter, 50), 'Tweede Pinksterdag'],
    [isoDay(year, 12, 25), 'Eerste Kerstdag'],
    [isoDay(year, 12, 26), 'Tweede Kerstdag'],
  ];
  if (options.bevrijdingsdag) days.push([isoDay(year, 5, 5), 'Bevrijdingsdag']);
  return new Map(days);
}

const cache = new Map<string, Map<string, string>>();

export function holidayName(day: string, options: HolidayOptions): string | undefined {
  const year = Number(day.slice(0, 4));
  const key = `${year}:${options.bevrijdingsdag}`;
  let map = cache.get(key);
  if (!map) cache.set(key, (map = dutchHolidays(year, options)));
  return map.get(day);
}

export function isWeekend(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 || wd === 6;
}

export function isWorkingDay(day: string, options: HolidayOptions): boolean {
  return !isWeekend(day) && holidayName(day, options) === undefined;
}

/** The day itself when it is a working day, else the nearest earlier working day. */
export function previousWorkingDay(day: string, options: HolidayOptions): string {
  let d = day;
  while (!isWorkingDay(d, options)) d = addDays(d, -1);
  return d;
}
