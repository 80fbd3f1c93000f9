// Text for milestones and reminders, from the templates under prompts/milestones (nl/en).
import { reply } from '../core/prompts.js';
import type { Language } from '../core/types.js';
import { daysBetween, formatDay } from './dutch-dates.js';
import type { Milestone } from './milestone.js';
import type { ReminderMessage } from './reminder-sender.js';

const t = (name: string, language: Language, values: Record<string, string | number> = {}) => reply(`milestones/${name}`, language, values);

/** '1 juli 2019', or 'medio 2019 (1 juli 2019)' when the source was vaguer than a day. */
export function formatDue(due: Milestone['due'], language: Language): string {
  const day = formatDay(due.date, language);
  if (due.precision === 'day' || due.text.toLowerCase() === day.toLowerCase()) return day;
  return `${due.text} (${day})`;
}

export function describeSource(m: Milestone, language: Language): string {
  const s = m.source;
  if (s.kind === 'person') return t('source-person', language, { user: s.userId, channel: s.channel });
  if (s.kind === 'planning-file') {
    const file = s.file ?? 'corpus/milestones.json';
    if (s.doc && s.quote) {
      return `${t('source-planning', language, { file })}; ${t('source-document', language, { title: s.doc, section: s.section ?? '', page: pageText(s.page, language), quote: s.quote })}`;
    }
    return t('source-planning', language, { file });
  }
  return t('source-document', language, { title: s.title ?? s.doc, section: s.section || s.doc, page: pageText(s.page, language), quote: s.quote });
}

function pageText(page: number | null | undefined, language: Language): string {
  if (page == null) return '';
  return language === 'nl' ? `, p. ${page}` : `, p. ${page}`;
}

export function statusText(m: Milestone, language: Language): string {
  if (m.state === 'proposed' && m.status === 'open') return t('status-proposed', language);
  return t(`status-${m.status}`, language);
}

export function ownerText(m: Milestone, language: Language): string {
  return m.owner ?? t('owner-none', language);
}

/** The message for one reminder occurrence, delivered on `today` (YYYY-MM-DD in the policy's zone). */
export function buildReminderMessage(m: Milestone, occurrenceKey: string, today: string): ReminderMessage {
  const language = m.language;
  const daysLeft = daysBetween(today, m.due.date);
  const due = formatDue(m.due, language);
  const when =
    daysLeft > 1
      ? t('when-future', language, { due, days: daysLeft })
      : daysLeft === 1
        ? t('when-tomorrow', language, { due })
        : daysLeft === 0
          ? t('when-today', language, { due })
          : t('when-overdue', language, { due, days: -daysLeft });
  const text = t('reminder', language, { id: m.id, title: m.title, when, owner: ownerText(m, language), source: describeSource(m, language) });
  const s = m.source;
  const source: ReminderMessage['source'] =
    s.kind === 'document'
      ? { doc: s.doc, title: s.title, section: s.section, page: s.page, quote: s.quote }
      : s.kind === 'person'
        ? { addedBy: s.userId }
        : { doc: s.doc, section: s.section, page: s.page, quote: s.quote };
  const message: ReminderMessage = {
    milestoneId: m.id,
    title: m.title,
    due: m.due.date,
    dueText: m.due.text,
    precision: m.due.precision,
    daysLeft,
    overdue: daysLeft < 0,
    occurrenceKey,
    source,
    language,
    text,
    actions: ['done', 'snooze', 'move'],
  };
  if (m.owner) message.owner = m.owner;
  return message;
}
