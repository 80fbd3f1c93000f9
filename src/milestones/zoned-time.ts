// Wall-clock time in a named time zone <-> UTC instants, with Intl only (no date library).
// Needed because reminders go out at 09:00 Amsterdam time, which is 08:00 UTC in winter and 07:00
// UTC in summer; the switch happens on the last Sundays of March and October.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock parts of an instant in a time zone. */
export function wallClock(instant: Date, timeZone: string): { day: string; time: string; y: number; m: number; d: number; hh: number; mm: number; ss: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const y = Number(parts.year);
  const m = Number(parts.month);
  const d = Number(parts.day);
  const hh = Number(parts.hour);
  const mm = Number(parts.minute);
  const ss = Number(parts.second);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return { day: `${y}-${p2(m)}-${p2(d)}`, time: `${p2(hh)}:${p2(mm)}`, y, m, d, hh, mm, ss };
}

/** Offset of the zone from UTC at an instant, in minutes (Amsterdam: +60 in winter, +120 in summer). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.hh, w.mm, w.ss);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant at which the wall clock in timeZone shows `day` `time` (HH:MM). For a wall time
 * that does not exist (inside the spring-forward gap) the instant just after the gap is returned;
 * for one that exists twice (autumn) the first.
 */
export function zonedTimeToUtc(day: string, time: string, timeZone: string): Date {
  // The scheduler re-plans every milestone each tick; the same few days recur, so remember them.
  const key = `${day} ${time} ${timeZone}`;
  const hit = memo.get(key);
  if (hit !== undefined) return new Date(hit);
  const result = computeZonedTimeToUtc(day, time, timeZone);
  if (memo.size > 50_000) memo.clear();
  memo.set(key, result.getTime());
  return result;
}

const memo = new Map<string, number>();

function computeZonedTimeToUtc(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes converge for every real zone: guess with the offset at the naive instant, then correct.
  let guess = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
  const second = naive - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  if (second !== guess) {
    const w = wallClock(new Date(second), timeZone);
    guess = w.day === day && w.time === time ? second : Math.max(guess, second);
  }
  // Prefer the earlier of two valid instants (autumn overlap).
  const earlier = guess - 3_600_000;
  const we = wallClock(new Date(earlier), timeZone);
  if (we.day === day && we.time === time) return new Date(earlier);
  return new Date(guess);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in timeZone. */
export function zonedDay(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).day;
}
