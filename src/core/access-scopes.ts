// Access scopes: which documents a conversation may read. Each document has a scope (by default its
// region, from the catalog). A scopes file maps Slack workspaces/channels, Teams teams/conversations and
// users (for direct messages) to the scopes they may read. Without a scopes file every document is
// readable (a single-region deployment).
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import type { AskContext } from './assistant.js';

const idMap = z.record(z.string(), z.array(z.string())).default({});

export const scopesFileSchema = z
  .object({
    /** Scopes every conversation may read (e.g. national laws: "Nederland"). */
    public: z.array(z.string()).default([]),
    slack: z.object({ workspaces: idMap, channels: idMap }).partial().default({}),
    teams: z.object({ teams: idMap, conversations: idMap }).partial().default({}),
    /** Direct messages get the asker's scopes: keys like "slack:U123" or "teams:<aad object id>". */
    users: idMap,
    /** The web chat and the terminal run on the server itself; their scopes. Default: everything. */
    local: z.array(z.string()).optional(),
  })
  .strict();

export type ScopesFile = z.output<typeof scopesFileSchema>;

export interface ScopePolicy {
  /** The scopes this conversation may read; undefined = unrestricted. */
  resolve(context: AskContext): string[] | undefined;
}

export const unrestricted: ScopePolicy = { resolve: (ctx) => ctx.scopes };

export function createScopePolicy(file: ScopesFile): ScopePolicy {
  const slack = { workspaces: file.slack.workspaces ?? {}, channels: file.slack.channels ?? {} };
  const teams = { teams: file.teams.teams ?? {}, conversations: file.teams.conversations ?? {} };
  return {
    resolve(ctx) {
      if (ctx.scopes) return ctx.scopes;
      const scopes = new Set(file.public);
      const add = (list: string[] | undefined) => list?.forEach((s) => scopes.add(s));
      switch (ctx.channel) {
        case 'slack':
          add(ctx.teamId ? slack.workspaces[ctx.teamId] : undefined);
          add(ctx.conversationId ? slack.channels[ctx.conversationId] : undefined);
          break;
        case 'teams':
          add(ctx.teamId ? teams.teams[ctx.teamId] : undefined);
          add(ctx.conversationId ? teams.conversations[ctx.conversationId] : undefined);
          break;
        default:
          if (!file.local) return undefined;
          add(file.local);
      }
      // A direct message has no channel mapping of its own: the asker's scopes apply. In a mapped channel the
      // asker's own scopes are added too, since they could ask the same in a direct message.
      if (ctx.userId && (ctx.channel === 'slack' || ctx.channel === 'teams')) add(file.users[`${ctx.channel}:${ctx.userId}`]);
      return [...scopes];
    },
  };
}

export function loadScopePolicy(file: string | undefined): ScopePolicy {
  if (!file) return unrestricted;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new AppError('CONFIG_INVALID', `SCOPES_FILE ${file} cannot be read as JSON`, { file }, { cause });
  }
  const parsed = scopesFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('CONFIG_INVALID', `SCOPES_FILE ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { file });
  }
  return createScopePolicy(parsed.data);
}
