// Composition for the milestones module: store on the project database, service, scheduler, the
// planning file sync, the chat command handler and the reminder-button actions. The lead's bootstrap
// calls createMilestones() once and hands the pieces to the Assistant and the channels.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { AskContext, AssistantReply } from '../core/assistant.js';
import type { Logger } from '../core/logger.js';
import { reply } from '../core/prompts.js';
import type { IndexedCorpus, Language } from '../core/types.js';
import type { Db } from '../storage/database.js';
import { formatDay, parseDueDate } from './dutch-dates.js';
import { extractMilestones } from './extract-milestones.js';
import { answerMilestoneQuestion, handleMilestoneCommand } from './milestone-commands.js';
import { createMilestoneService, type MilestoneResult, type MilestoneService } from './milestone-service.js';
import { createSqliteMilestoneStore, type SqliteMilestoneStore } from './milestone-store.js';
import type { SyncReport } from './planning-file.js';
import { createReminderScheduler, systemClock, type Clock, type ReminderScheduler } from './reminder-scheduler.js';
import { createLogReminderSender, type ReminderAction, type ReminderSender } from './reminder-sender.js';
import { reminderPolicyFromConfig, type ReminderPolicy } from './reminder-schedule.js';
import { formatDue } from './render-milestone.js';

export interface MilestonesOptions {
  config: Pick<Config, 'corpusDirs' | 'REMINDER_OFFSETS_DAYS' | 'REMINDER_OVERDUE_EVERY_DAYS' | 'REMINDER_TIME' | 'TIMEZONE' | 'BEVRIJDINGSDAG_HOLIDAY'>;
  db: Db;
  logger: Logger;
  /** Chat senders (Slack, Teams); a log sender for 'log:' targets is always added. */
  senders?: ReminderSender[];
  clock?: Clock;
}

/** What a reminder button asks for (same shape as the channels' ReminderActions port). */
export interface ReminderActionRequest {
  milestoneId: string;
  action: ReminderAction;
  userId: string;
  /** For 'move': YYYY-MM-DD. */
  newDate?: string;
  /** For 'snooze': days; default 1. */
  days?: number;
}

export interface Milestones {
  store: SqliteMilestoneStore;
  service: MilestoneService;
  scheduler: ReminderScheduler;
  policy: ReminderPolicy;
  /** Sync every corpus directory's milestones.json into the store. */
  syncPlanningFiles(): SyncReport[];
  /** Store the commitments found in the corpus as proposed milestones; returns how many were new. */
  importFromCorpus(corpus: Pick<IndexedCorpus, 'documents' | 'chunks'>): number;
  /** For the Assistant's commandHandlers: (text, language, context) -> reply or null. */
  commandHandler(text: string, language: Language, context: AskContext): Promise<AssistantReply | null>;
  /** "Wanneer moet ... klaar zijn?" -> the milestone with its source, or null. */
  answerQuestion(question: string, language?: Language): AssistantReply | null;
  /** For the reminder buttons in Slack and Teams (structurally the channels' ReminderActions port). */
  actions: { apply(request: ReminderActionRequest): Promise<{ ok: boolean; text: string }> };
}

export function createMilestones(options: MilestonesOptions): Milestones {
  const clock = options.clock ?? systemClock;
  const policy = reminderPolicyFromConfig(options.config);
  const store = createSqliteMilestoneStore(options.db);
  const service = createMilestoneService({ store, clock, timeZone: policy.timeZone, logger: options.logger });
  const senders = [createLogReminderSender(options.logger), ...(options.senders ?? [])];
  const scheduler = createReminderScheduler({ store, senders, clock, policy, logger: options.logger });

  const resultText = (r: MilestoneResult, template: string, language: Language, extra: Record<string, string> = {}): { ok: boolean; text: string } => {
    if (!r.ok) {
      const lang = r.milestone?.language ?? language;
      return r.reason === 'not-found'
        ? { ok: false, text: reply('milestones/not-found', lang, { id: r.id }) }
        : { ok: false, text: reply('milestones/not-open', lang, { id: r.id, status: reply(`milestones/status-${r.milestone!.status}`, lang) }) };
    }
    const m = r.milestone;
    return { ok: true, text: reply(`milestones/${template}`, m.language, { id: m.id, title: m.title, due: formatDue(m.due, m.language), ...extra }) };
  };

  return {
    store,
    service,
    scheduler,
    policy,
    syncPlanningFiles() {
      return options.config.corpusDirs
        .map((dir) => path.join(dir, 'milestones.json'))
        .filter((file) => fs.existsSync(file))
        .map((file) => service.syncPlanningFile(file));
    },
    importFromCorpus: (corpus) => service.importProposed(extractMilestones(corpus)),
    commandHandler: (text, _language, context) => handleMilestoneCommand(text, context, service, clock.now()),
    answerQuestion: (question, language) => answerMilestoneQuestion(question, service, language),
    actions: {
      async apply(request) {
        const language = service.get(request.milestoneId)?.language ?? 'nl';
        if (request.action === 'done') return resultText(service.done(request.milestoneId), 'done', language);
        if (request.action === 'snooze') {
          const r = service.snooze(request.milestoneId, request.days ?? 1);
          return resultText(r, 'snoozed', language, { until: r.ok && r.milestone.snoozedUntil ? formatDay(r.milestone.snoozedUntil, r.milestone.language) : '' });
        }
        const due = request.newDate ? parseDueDate(request.newDate, service.today()) : undefined;
        if (!due) return { ok: false, text: reply('milestones/bad-date', language, { text: request.newDate ?? '' }) };
        return resultText(service.move(request.milestoneId, due), 'moved', language);
      },
    },
  };
}
