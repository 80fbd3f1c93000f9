// The milestone timeline as an Adaptive Card for Teams (the reply to "mijlpalen" / "milestones"): one
// container per month, each milestone with its due day, overdue ones marked ⚠️ in the attention colour,
// recently finished ones greyed with ✅. The data comes from the milestones module's timeline().
import { reply as template } from '../../core/prompts.js';
import type { Language } from '../../core/types.js';
import { formatDay } from '../../milestones/dutch-dates.js';
import type { Timeline, TimelineItem } from '../../milestones/timeline.js';
import { adaptiveCardContentType, type CardAttachment } from './teams-cards.js';

// Teams renders long cards poorly and caps the payload (about 28 KB); the rest is summarised.
const maxItems = 60;

function itemRow(item: TimelineItem, language: Language): Record<string, unknown> {
  const done = item.status === 'done';
  const mark = done ? '✅' : item.overdue ? '⚠️' : '🗓️';
  const flag = done ? ` (${template('channels/timeline-done', language)})` : item.overdue ? ` (${template('channels/timeline-overdue', language)})` : '';
  const details = [item.owner ? template('channels/timeline-owner', language, { owner: item.owner }) : undefined, item.id].filter(Boolean).join(' · ');
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: mark }] },
      {
        type: 'Column',
        width: 'stretch',
        items: [
          { type: 'TextBlock', text: item.title, wrap: true, weight: done ? 'Default' : 'Bolder', isSubtle: done },
          { type: 'TextBlock', text: `${item.dueLabel}${flag}`, wrap: true, spacing: 'None', size: 'Small', color: item.overdue ? 'Attention' : 'Default', isSubtle: done },
          { type: 'TextBlock', text: details, wrap: true, spacing: 'None', size: 'Small', isSubtle: true },
        ],
      },
    ],
  };
}

export function renderTimelineCard(tl: Timeline): CardAttachment {
  const language = tl.language;
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: template('channels/timeline-heading', language), size: 'Large', weight: 'Bolder' },
    { type: 'TextBlock', text: template('channels/timeline-summary', language, { open: tl.openCount, overdue: tl.overdueCount, today: formatDay(tl.today, language) }), isSubtle: true, spacing: 'None', wrap: true },
  ];
  if (!tl.months.length) body.push({ type: 'TextBlock', text: template('channels/timeline-empty', language), wrap: true });
  let shown = 0;
  for (const month of tl.months) {
    if (shown >= maxItems) break;
    const items = month.items.slice(0, maxItems - shown);
    shown += items.length;
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [{ type: 'TextBlock', text: month.label, weight: 'Bolder', size: 'Medium' }, ...items.map((i) => itemRow(i, language))],
    });
  }
  const total = tl.months.reduce((n, m) => n + m.items.length, 0);
  if (shown < total) body.push({ type: 'TextBlock', text: template('channels/timeline-more', language, { count: total - shown }), wrap: true, isSubtle: true, size: 'Small' });
  return {
    contentType: adaptiveCardContentType,
    content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' }, body },
  };
}
