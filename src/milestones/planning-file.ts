// The version-controlled planning file (corpus/milestones.json): the milestones the region agreed on.
// Entries are confirmed by being in the file. Sync is an upsert by id where the file is the source
// for its entries, with one refinement: an entry that has not changed in the file since the last
// sync keeps what leads did in chat (done, moved, snoozed, owner), so a restart does not undo them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { findDates } from './dutch-dates.js';
import type { Milestone } from './milestone.js';
import type { MilestoneStore } from './milestone-store.js';

const dueSchema = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), precision: z.enum(['day', 'month', 'quarter', 'half', 'year', 'period']), text: z.string() }),
]);

const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  title: z.string().min(3),
  due: dueSchema,
  /** The phrase as written in the source, when 'due' is a plain date. */
  dueText: z.string().optional(),
  owner: z.string().optional(),
  channels: z.array(z.string().regex(/^[a-z]+:.+/, "'slack:C123', 'teams:<conversationId>' or 'log:<name>'")).default([]),
  status: z.enum(['open', 'done', 'cancelled']).default('open'),
  language: z.enum(['nl', 'en']).default('nl'),
  note: z.string().optional(),
  source: z.object({ doc: z.string(), section: z.string().default(''), page: z.number().int().nullable().default(null), quote: z.string() }).optional(),
});

export const planningFileSchema = z.object({ description: z.string().optional(), milestones: z.array(entrySchema) });
export type PlanningFile = z.infer<typeof planningFileSchema>;
export type PlanningEntry = z.infer<typeof entrySchema>;

export function readPlanningFile(file: string): PlanningFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError('CONFIG_INVALID', `planning file ${file} cannot be read as JSON`, { file }, { cause });
  }
  const parsed = planningFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('CONFIG_INVALID', `planning file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { file });
  }
  const ids = new Set<string>();
  for (const m of parsed.data.milestones) {
    if (ids.has(m.id)) throw new AppError('CONFIG_INVALID', `planning file ${file}: duplicate id ${m.id}`, { file });
    ids.add(m.id);
  }
  return parsed.data;
}

function dueOf(entry: PlanningEntry): Milestone['due'] {
  if (typeof entry.due !== 'string') return entry.due;
  const text = entry.dueText ?? entry.due;
  const phrase = entry.dueText ? findDates(entry.dueText, entry.due)[0] : undefined;
  return { date: entry.due, precision: phrase?.precision ?? 'day', text };
}

export interface SyncReport {
  added: string[];
  updated: string[];
  unchanged: string[];
}

/** Upsert every entry of the file into the store (see the header for the rule). */
export function syncPlanningFile(store: MilestoneStore, file: string, now: string, displayName = 'corpus/milestones.json'): SyncReport {
  const plan = readPlanningFile(file);
  const report: SyncReport = { added: [], updated: [], unchanged: [] };
  for (const entry of plan.milestones) {
    const entryHash = createHash('sha256').update(JSON.stringify(entry)).digest('hex').slice(0, 16);
    const existing = store.get(entry.id);
    if (existing && existing.source.kind === 'planning-file' && existing.source.entryHash === entryHash) {
      report.unchanged.push(entry.id);
      continue;
    }
    const m: Milestone = {
      id: entry.id,
      title: entry.title,
      due: dueOf(entry),
      channels: entry.channels,
      status: entry.status,
      state: 'confirmed',
      source: { kind: 'planning-file', file: displayName, ...(entry.source ?? {}), entryHash },
      language: entry.language,
      created: existing?.created ?? now,
      updated: now,
    };
    if (entry.owner) m.owner = entry.owner;
    store.upsert(m);
    (existing ? report.updated : report.added).push(entry.id);
  }
  return report;
}
