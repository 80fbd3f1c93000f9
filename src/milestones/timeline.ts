// The at-a-glance view (web chat, Slack App Home, Teams card): open milestones and recently finished
// ones, grouped by month of their due day, overdue ones flagged. Channel adapters render this data.
import type { Language } from '../core/types.js';
import { daysBetween, formatMonth } from './dutch-dates.js';
import type { DuePrecision, Milestone, MilestoneState, MilestoneStatus } from './milestone.js';
import type { MilestoneService } from './milestone-service.js';
import { describeSource, formatDue } from './render-milestone.js';

export interface TimelineItem {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  due: string;
  dueText: string;
  /** Due as shown: '1 juli 2019' or 'medio 2019 (1 juli 2019)'. */
  dueLabel: string;
  precision: DuePrecision;
  status: MilestoneStatus;
  state: MilestoneState;
  owner?: string;
  overdue: boolean;
  /** Days from today to the due day; negative when past. */
  daysLeft: number;
  source: string;
  channels: string[];
}

export interface TimelineMonth {
  /** YYYY-MM */
  month: string;
  label: string;
  items: TimelineItem[];
}

export interface Timeline {
  today: string;
  language: Language;
  months: TimelineMonth[];
  overdueCount: number;
  openCount: number;
}

export interface TimelineOptions {
  language?: Language;
  /** Done milestones changed within this many days are shown (greyed out by the channel); default 30. */
  recentDays?: number;
  /** Include proposed milestones (flagged); default false. */
  includeProposed?: boolean;
}

export function toTimelineItem(m: Milestone, today: string, language: Language): TimelineItem {
  const daysLeft = daysBetween(today, m.due.date);
  const item: TimelineItem = {
    id: m.id,
    title: m.title,
    due: m.due.date,
    dueText: m.due.text,
    dueLabel: formatDue(m.due, language),
    precision: m.due.precision,
    status: m.status,
    state: m.state,
    overdue: m.status === 'open' && daysLeft < 0,
    daysLeft,
    source: describeSource(m, language),
    channels: m.channels,
  };
  if (m.owner) item.owner = m.owner;
  return item;
}

export function timeline(service: MilestoneService, now: Date, options: TimelineOptions = {}): Timeline {
  const language = options.language ?? 'nl';
  const recentDays = options.recentDays ?? 30;
  const today = service.today();
  const cutoff = new Date(now.getTime() - recentDays * 86_400_000).toISOString();
  const shown = service
    .listAll()
    .filter((m) =>
      m.status === 'open'
        ? m.state === 'confirmed' || options.includeProposed
        : m.status === 'done' && m.updated >= cutoff,
    );
  const months = new Map<string, TimelineItem[]>();
  for (const m of shown.sort((a, b) => a.due.date.localeCompare(b.due.date) || a.id.localeCompare(b.id))) {
    const key = m.due.date.slice(0, 7);
    const list = months.get(key) ?? [];
    list.push(toTimelineItem(m, today, language));
    months.set(key, list);
  }
  const items = [...months.values()].flat();
  return {
    today,
    language,
    months: [...months.entries()].map(([month, list]) => ({ month, label: formatMonth(month, language), items: list })),
    overdueCount: items.filter((i) => i.overdue).length,
    openCount: items.filter((i) => i.status === 'open').length,
  };
}
