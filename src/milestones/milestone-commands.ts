// Chat commands for milestones, in Dutch and English, for every channel (the Assistant routes here).
// Returns null when the text is not a milestone command, so the Assistant can treat it as a question.
import type { AskContext, AssistantReply } from '../core/assistant.js';
import { reply } from '../core/prompts.js';
import type { Language } from '../core/types.js';
import { formatDay, parseDueDate } from './dutch-dates.js';
import type { Milestone } from './milestone.js';
import type { MilestoneResult, MilestoneService } from './milestone-service.js';
import { describeSource, formatDue, statusText } from './render-milestone.js';
import { timeline, toTimelineItem, type Timeline } from './timeline.js';

type Reply = Extract<AssistantReply, { kind: 'milestones' }>;
const t = (name: string, language: Language, values: Record<string, string | number> = {}) => reply(`milestones/${name}`, language, values);

const EN_WORDS = /^(milestones?|add|done|cancel|move|confirm|owner|subscribe|help)\b/i;

function clean(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, '') // Slack mentions of the bot
    .replace(/^\s*\/\S+\s+/, '') // a slash command name ('/wegwijzer mijlpalen')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]$/, '');
}

/** The reply target of the asking conversation: 'slack:C123', 'teams:<id>', or undefined elsewhere. */
export function conversationTarget(ctx: AskContext): string | undefined {
  if ((ctx.channel === 'slack' || ctx.channel === 'teams') && ctx.conversationId) return `${ctx.channel}:${ctx.conversationId}`;
  return undefined;
}

function out(language: Language, text: string, data: Record<string, unknown>): Reply {
  return { kind: 'milestones', language, text, data };
}

function listText(tl: Timeline, language: Language): string {
  const open = tl.months.map((mo) => ({ ...mo, items: mo.items.filter((i) => i.status === 'open') })).filter((mo) => mo.items.length);
  if (!open.length) return t('list-empty', language);
  const months = open
    .map((mo) =>
      [
        t('list-month', language, { month: mo.label }),
        ...mo.items.map((i) =>
          t('list-item', language, {
            id: i.id,
            title: i.title,
            due: i.dueLabel,
            owner: i.owner ? ` (${i.owner})` : '',
            flag: i.overdue ? t('flag-overdue', language) : i.state === 'proposed' ? t('flag-proposed', language, { id: i.id }) : '',
          }),
        ),
      ].join('\n'),
    )
    .join('\n');
  return t('list', language, { count: open.reduce((n, mo) => n + mo.items.length, 0), months });
}

function failure(r: Extract<MilestoneResult, { ok: false }>, language: Language): Reply {
  if (r.reason === 'not-found') return out(language, t('not-found', language, { id: r.id }), { action: 'error', reason: r.reason, id: r.id });
  return out(language, t('not-open', language, { id: r.id, status: r.milestone ? statusText(r.milestone, language) : '' }), { action: 'error', reason: r.reason, id: r.id });
}

function done(action: string, template: string, r: MilestoneResult, language: Language, service: MilestoneService, extra: Record<string, string | number> = {}): Reply {
  if (!r.ok) return failure(r, language);
  const m = r.milestone;
  const text = t(template, language, { id: m.id, title: m.title, due: formatDue(m.due, language), ...extra });
  return out(language, text, { action, milestone: toTimelineItem(m, service.today(), language) });
}

/**
 * Handle a milestone command, or return null when the text is none. Examples (nl / en):
 *   mijlpalen | milestones                       mijlpalen voorstellen | milestones proposed
 *   mijlpaal toevoegen <titel> op <datum>        milestone add <title> on <date>
 *   mijlpaal <id> klaar | klaar <id>             milestone <id> done | done <id>
 *   mijlpaal <id> schrappen                      milestone <id> cancel
 *   verplaats <id> naar <datum>                  move <id> to <date>
 *   snooze <id> 3 dagen                          snooze <id> 3 days
 *   abonneer dit kanaal [op <id>]                subscribe [this channel] [to <id>]
 *   bevestig <id>                                confirm <id>
 *   eigenaar <id> @naam                          owner <id> @name
 */
export async function handleMilestoneCommand(text: string, ctx: AskContext, service: MilestoneService, now: Date = new Date()): Promise<AssistantReply | null> {
  const s = clean(text);
  if (!s) return null;
  const lang: Language = EN_WORDS.test(s) || /^(snooze .* days?|subscribe)/i.test(s) ? 'en' : 'nl';
  let m: RegExpMatchArray | null;

  if (/^(mijlpalen|milestones)( (lijst|overzicht|list|overview))?$/i.test(s)) {
    const tl = timeline(service, now, { language: lang });
    return out(lang, listText(tl, lang), { action: 'list', timeline: tl });
  }
  if (/^(mijlpalen (voorstellen|voorgesteld|voorstel)|voorgestelde mijlpalen|milestones proposed|proposed milestones)$/i.test(s)) {
    const list = service.proposed();
    const today = service.today();
    const text = list.length
      ? t('proposed-list', lang, { count: list.length, items: list.map((p) => t('list-item', lang, { id: p.id, title: p.title, due: formatDue(p.due, lang), owner: '', flag: '' })).join('\n') })
      : t('proposed-empty', lang);
    return out(lang, text, { action: 'proposed', milestones: list.map((p) => toTimelineItem(p, today, lang)) });
  }
  if (/^(mijlpalen|mijlpaal|milestones?) (help|hulp)$/i.test(s) || /^(help|hulp) (mijlpalen|milestones)$/i.test(s)) {
    return out(lang, t('usage', lang), { action: 'help' });
  }
  if ((m = s.match(/^(?:mijlpaal toevoegen|voeg mijlpaal toe|nieuwe mijlpaal|milestone add|add milestone):?\s+(.+)\s+(?:op|per|voor|uiterlijk|on|by|due)\s+(.+)$/i))) {
    const due = parseDueDate(m[2]!, service.today());
    if (!due) return out(lang, t('bad-date', lang, { text: m[2]! }), { action: 'error', reason: 'bad-date' });
    const target = conversationTarget(ctx);
    const added = service.add({ title: m[1]!, due, language: lang, channels: target ? [target] : [], addedBy: { userId: ctx.userId ?? 'onbekend', channel: ctx.channel } });
    return out(lang, t('added', lang, { id: added.id, title: added.title, due: formatDue(added.due, lang), channels: added.channels.join(', ') || '—' }), { action: 'add', milestone: toTimelineItem(added, service.today(), lang) });
  }
  if ((m = s.match(/^(?:mijlpaal|milestone) (\S+) (klaar|afgerond|gedaan|done|finished)$/i)) || (m = s.match(/^(?:klaar|afgerond|done)(?: met)? (\S+)$/i))) {
    return done('done', 'done', service.done(m[1]!), lang, service);
  }
  if ((m = s.match(/^(?:mijlpaal|milestone) (\S+) (schrappen|annuleren|vervalt|cancel|cancelled)$/i)) || (m = s.match(/^(?:schrap|cancel) (\S+)$/i))) {
    return done('cancel', 'cancelled', service.cancel(m[1]!), lang, service);
  }
  if ((m = s.match(/^(?:verplaats|verschuif|move|reschedule) (?:mijlpaal |milestone )?(\S+) (?:naar|tot|to) (.+)$/i))) {
    const due = parseDueDate(m[2]!, service.today());
    if (!due) return out(lang, t('bad-date', lang, { text: m[2]! }), { action: 'error', reason: 'bad-date' });
    return done('move', 'moved', service.move(m[1]!, due), lang, service);
  }
  if ((m = s.match(/^(?:snooze|sluimer|stel uit) (\S+)(?: (\d{1,3}) ?(dagen|dag|days?|d))?$/i))) {
    const days = m[2] ? Number(m[2]) : 1;
    const r = service.snooze(m[1]!, days);
    return done('snooze', 'snoozed', r, lang, service, { until: r.ok && r.milestone.snoozedUntil ? formatDay(r.milestone.snoozedUntil, lang) : '' });
  }
  if ((m = s.match(/^(?:abonneer|abonneren)(?: (?:dit|op dit) kanaal)?(?: op (\S+))?$/i)) || (m = s.match(/^subscribe(?: this channel| here)?(?: to (\S+))?$/i))) {
    const target = conversationTarget(ctx);
    if (!target) return out(lang, t('no-channel', lang), { action: 'error', reason: 'no-channel' });
    const r = service.subscribe(target, m[1]);
    if (!r.ok) return out(lang, t('not-found', lang, { id: r.id }), { action: 'error', reason: r.reason, id: r.id });
    const one = m[1] ? r.milestones[0] : undefined;
    const text = one ? t('subscribed-one', lang, { id: one.id, title: one.title }) : t('subscribed', lang, { count: r.milestones.length });
    return out(lang, text, { action: 'subscribe', target, milestones: r.milestones.map((x) => x.id) });
  }
  if ((m = s.match(/^(?:bevestig|bevestigen|confirm)(?: mijlpaal| milestone)? (\S+)$/i))) {
    return done('confirm', 'confirmed', service.confirm(m[1]!, conversationTarget(ctx)), lang, service);
  }
  if ((m = s.match(/^(?:eigenaar|owner) (?:van |of )?(\S+) (?:is |=)?\s*(.+)$/i))) {
    const r = service.setOwner(m[1]!, m[2]!);
    return done('owner', 'owner-set', r, lang, service, { owner: r.ok ? r.milestone.owner ?? '' : '' });
  }
  return null;
}

// --- Questions about milestones ("Wanneer moet ... klaar zijn?") --------------------------------------

const TIMING = /\b(wanneer|deadline|uiterlijk|datum|mijlpaal|mijlpalen|when|due|date|milestone|klaar|gereed|ready)\b/i;
const STOP = new Set(
  'wanneer moet moeten de het een en van voor in op te zijn is wordt worden klaar gereed liggen dient deadline uiterlijk datum mijlpaal wat wie welke dat die dit er we wij ons onze hoe zal zullen when should must the a an of for to be is are ready due date milestone what which by does do and or has have will deze over met vindt plaats'.split(' '),
);

function tokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !STOP.has(w));
}

function matchScore(question: string[], m: Milestone): number {
  const hay = new Set(tokens(`${m.title} ${'quote' in m.source ? m.source.quote ?? '' : ''}`));
  // Shared-prefix match, so 'verblijf' finds 'verblijfs' and 'contracts' finds 'contracten'.
  const near = (a: string, b: string) => {
    if (a === b) return true;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i >= Math.max(5, Math.max(a.length, b.length) - 3);
  };
  return question.filter((q) => [...hay].some((h) => near(q, h))).length;
}

/** The milestone a question asks about, best match first; undefined when none fits well enough. */
export function findMilestoneForQuestion(question: string, service: MilestoneService): Milestone | undefined {
  if (!TIMING.test(question)) return undefined;
  const q = [...new Set(tokens(question))];
  if (!q.length) return undefined;
  let best: { m: Milestone; score: number } | undefined;
  for (const m of service.listAll()) {
    if (m.status === 'cancelled') continue;
    // Confirmed and planned entries win ties over proposals taken from text.
    const score = matchScore(q, m) + (m.state === 'confirmed' ? 0.5 : 0);
    if (!best || score > best.score) best = { m, score };
  }
  const needed = Math.max(2, Math.ceil(q.length * 0.6));
  return best && Math.floor(best.score) >= needed ? best.m : undefined;
}

/** Answer "Wanneer moet de inkoopstrategie Verblijf en HSB klaar zijn?" from the milestones, or null. */
export function answerMilestoneQuestion(question: string, service: MilestoneService, language?: Language): AssistantReply | null {
  const m = findMilestoneForQuestion(question, service);
  if (!m) return null;
  const lang: Language = language ?? (/\b(when|what|which|milestone|due|should|must)\b/i.test(question) ? 'en' : 'nl');
  const text = t('answer', lang, { id: m.id, title: m.title, due: formatDue(m.due, lang), status: statusText(m, lang), source: describeSource(m, lang) });
  return out(lang, text, { action: 'answer', milestone: toTimelineItem(m, service.today(), lang), source: m.source });
}
