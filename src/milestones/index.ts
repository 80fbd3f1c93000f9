// Public surface of the milestones module.
export { createMilestones, type Milestones, type MilestonesOptions, type ReminderActionRequest } from './create-milestones.js';
export type { Milestone, DueDate, DuePrecision, MilestoneSource, MilestoneState, MilestoneStatus } from './milestone.js';
export { splitTarget } from './milestone.js';
export {
  createLogReminderSender,
  createRecordingReminderSender,
  type ReminderAction,
  type ReminderMessage,
  type ReminderSender,
  type RecordingReminderSender,
  type SendResult,
} from './reminder-sender.js';
export { createSqliteMilestoneStore, type MilestoneStore, type ReminderOutbox, type OutboxRow, type SqliteMilestoneStore } from './milestone-store.js';
export { createMilestoneService, type MilestoneService, type MilestoneResult, type AddMilestoneInput } from './milestone-service.js';
export { createReminderScheduler, idempotencyKeyFor, systemClock, type Clock, type ReminderScheduler, type TickReport } from './reminder-scheduler.js';
export { defaultReminderPolicy, planOccurrences, reminderPolicyFromConfig, type Occurrence, type ReminderPolicy } from './reminder-schedule.js';
export { extractMilestones, extractMilestonesFromChunk, toProposedMilestone, type ExtractedMilestone } from './extract-milestones.js';
export { answerMilestoneQuestion, conversationTarget, findMilestoneForQuestion, handleMilestoneCommand } from './milestone-commands.js';
export { timeline, toTimelineItem, type Timeline, type TimelineItem, type TimelineMonth } from './timeline.js';
export { readPlanningFile, syncPlanningFile, type SyncReport } from './planning-file.js';
export { findDates, parseDueDate, formatDay } from './dutch-dates.js';
export { dutchHolidays, easterSunday, isWorkingDay, previousWorkingDay } from './dutch-holidays.js';
export { zonedTimeToUtc, zonedDay } from './zoned-time.js';
