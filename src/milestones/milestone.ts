// The milestone model: what a region has promised to deliver and by when, where that promise comes
// from, and who wants to be reminded. Shared by the store, the scheduler, the service and channels.
import type { Language } from '../core/types.js';

/**
 * How exact a due date is. `date` is always one concrete day (the day reminders are computed
 * against); `precision` and `text` keep what the source actually said, so a reply can show
 * "medio 2019" instead of pretending to know "1 juli 2019". See dutch-dates.ts for the mapping rule.
 */
export type DuePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year' | 'period';

export interface DueDate {
  /** YYYY-MM-DD. */
  date: string;
  precision: DuePrecision;
  /** The original phrase: 'medio 2019', 'eind april', 'Q3 2020', '1 juli 2019'. */
  text: string;
}

export type MilestoneStatus = 'open' | 'done' | 'cancelled';
/** Proposed milestones (taken from documents) are never reminded until a lead confirms them. */
export type MilestoneState = 'proposed' | 'confirmed';

export type MilestoneSource =
  | { kind: 'document'; doc: string; section: string; page: number | null; quote: string; title?: string }
  | { kind: 'person'; userId: string; channel: string }
  /** entryHash: hash of the file entry at the last sync; the file wins only when its entry changed. */
  | { kind: 'planning-file'; file?: string; doc?: string; section?: string; page?: number | null; quote?: string; entryHash?: string };

export interface Milestone {
  id: string;
  title: string;
  due: DueDate;
  owner?: string;
  /** Where reminders go: 'slack:C123', 'teams:<conversationId>', 'log:console'. */
  channels: string[];
  status: MilestoneStatus;
  state: MilestoneState;
  source: MilestoneSource;
  /** Language of reminders; Dutch unless the milestone was added in English. */
  language: Language;
  /** When set (YYYY-MM-DD), no reminder is delivered before this day; set by snooze. */
  snoozedUntil?: string;
  /** ISO times. */
  created: string;
  updated: string;
}

export type NewMilestone = Omit<Milestone, 'created' | 'updated' | 'status' | 'state' | 'channels' | 'language'> &
  Partial<Pick<Milestone, 'status' | 'state' | 'channels' | 'language'>>;

/** Channel part and id part of a target such as 'teams:19:abc@thread.v2' (split at the first colon). */
export function splitTarget(target: string): { channel: string; id: string } {
  const i = target.indexOf(':');
  return i < 0 ? { channel: target, id: '' } : { channel: target.slice(0, i), id: target.slice(i + 1) };
}
