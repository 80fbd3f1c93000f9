// One typed configuration object, validated at start. Every key is documented in .env.example.
// Bad combinations are rejected here, before anything is served.
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .union([z.boolean(), z.string()])
  .transform((v) => (typeof v === 'boolean' ? v : ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase())));
const csv = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []));
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

export const configSchema = z
  .object({
    // Paths
    CORPUS_DIRS: csv.describe('Comma-separated corpus directories; default ./corpus'),
    DATA_DIR: z.string().default('data'),

    // Server and channels
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('127.0.0.1'),
    PUBLIC_BASE_URL: optionalString,
    WEB_CHAT_ENABLED: bool.default(true),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),

    SLACK_BOT_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString,
    SLACK_SOCKET_MODE: bool.default(false),
    SLACK_SLASH_COMMAND: z.string().default('/wegwijzer'),
    /** Only for tests: where Bolt's WebClient sends API calls (a local stand-in). */
    SLACK_API_URL: optionalString,

    MICROSOFT_APP_ID: optionalString,
    MICROSOFT_APP_PASSWORD: optionalString,
    MICROSOFT_APP_TENANT_ID: optionalString,
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    TEAMS_ENABLED: bool.default(false),
    /** Run the Teams endpoint without authentication. Only for local development with the Bot Framework Emulator. */
    TEAMS_LOCAL_DEV: bool.default(false),

    // Retrieval and answers
    EMBEDDER: z.enum(['local', 'ollama', 'openai', 'azure-openai']).default('local'),
    EMBEDDING_MODEL: optionalString,
    ANSWERER: z.enum(['extractive', 'llm']).default('extractive'),
    // How the extractive answerer picks sentences and decides to abstain: the models fitted by
    // npm run train:scorer (src/answer/unit-scorer-weights.json), or the hand-set rules.
    ANSWER_SCORING: z.enum(['learned', 'rules']).default('learned'),
    CHAT_PROVIDER: z.enum(['none', 'ollama', 'openai', 'azure-openai']).default('none'),
    CHAT_MODEL: optionalString,
    CHAT_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
    CHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
    CHAT_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
    OLLAMA_BASE_URL: z.string().default('http://127.0.0.1:11434'),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalString,
    AZURE_OPENAI_API_KEY: optionalString,
    AZURE_OPENAI_ENDPOINT: optionalString,
    AZURE_OPENAI_DEPLOYMENT: optionalString,
    AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT: optionalString,
    AZURE_OPENAI_API_VERSION: z.string().default('2024-10-21'),

    // Limits
    MAX_FILE_MB: z.coerce.number().positive().default(50),
    MAX_QUESTION_CHARS: z.coerce.number().int().positive().default(2000),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
    PARSE_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),

    // Milestones
    TIMEZONE: z.string().default('Europe/Amsterdam'),
    REMINDER_OFFSETS_DAYS: z
      .string()
      .default('14,7,1,0')
      .transform((v) => v.split(',').map((s) => Number(s.trim())))
      .refine((a) => a.every((n) => Number.isInteger(n) && n >= 0), 'must be whole days, e.g. 14,7,1,0'),
    REMINDER_TIME: z
      .string()
      .regex(/^\d{2}:\d{2}$/, 'must be HH:MM')
      .default('09:00'),
    REMINDER_OVERDUE_EVERY_DAYS: z.coerce.number().int().min(0).default(7),
    BEVRIJDINGSDAG_HOLIDAY: bool.default(false),
    SCHEDULER_ENABLED: bool.default(true),

    // Access scopes (hardening): JSON mapping channel/team ids to scopes
    SCOPES_FILE: optionalString,
  })
  .superRefine((c, ctx) => {
    const need = (cond: boolean, keys: string[], why: string) => {
      if (cond) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [keys[0]!], message: `${keys.join(', ')}: ${why}` });
    };
    need(Boolean(c.SLACK_BOT_TOKEN) && !c.SLACK_SOCKET_MODE && !c.SLACK_SIGNING_SECRET, ['SLACK_SIGNING_SECRET'],
      'Slack over HTTP needs the signing secret (Slack app > Basic Information > Signing Secret)');
    need(Boolean(c.SLACK_BOT_TOKEN) && c.SLACK_SOCKET_MODE && !c.SLACK_APP_TOKEN, ['SLACK_APP_TOKEN'],
      'Socket Mode needs an app-level token (xapp-...) with connections:write');
    need(!c.SLACK_BOT_TOKEN && (Boolean(c.SLACK_SIGNING_SECRET) || Boolean(c.SLACK_APP_TOKEN)), ['SLACK_BOT_TOKEN'],
      'Slack is partly configured: set the bot token (xoxb-...) too, or remove the other SLACK_ keys');
    need(Boolean(c.MICROSOFT_APP_ID) !== Boolean(c.MICROSOFT_APP_PASSWORD) && c.MICROSOFT_APP_TYPE !== 'UserAssignedMSI',
      ['MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_ID'], 'Teams needs both the app id and the client secret of the Azure Bot registration');
    need(c.TEAMS_ENABLED && !c.MICROSOFT_APP_ID && !c.TEAMS_LOCAL_DEV, ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD'],
      'the Teams endpoint needs MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or TEAMS_LOCAL_DEV=true for local development without authentication');
    need(c.MICROSOFT_APP_TYPE === 'SingleTenant' && Boolean(c.MICROSOFT_APP_ID) && !c.MICROSOFT_APP_TENANT_ID, ['MICROSOFT_APP_TENANT_ID'],
      'a SingleTenant bot needs the tenant id');
    need(c.ANSWERER === 'llm' && c.CHAT_PROVIDER === 'none', ['CHAT_PROVIDER'],
      'ANSWERER=llm needs a chat model: set CHAT_PROVIDER to ollama, openai or azure-openai');
    need((c.CHAT_PROVIDER === 'openai' || c.EMBEDDER === 'openai') && !c.OPENAI_API_KEY, ['OPENAI_API_KEY'],
      'the OpenAI provider needs an API key');
    need((c.CHAT_PROVIDER === 'azure-openai' || c.EMBEDDER === 'azure-openai') && (!c.AZURE_OPENAI_API_KEY || !c.AZURE_OPENAI_ENDPOINT),
      ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT'], 'Azure OpenAI needs the key and the endpoint');
    need(c.CHAT_PROVIDER === 'azure-openai' && !c.AZURE_OPENAI_DEPLOYMENT, ['AZURE_OPENAI_DEPLOYMENT'],
      'Azure OpenAI chat needs the deployment name');
    need(c.EMBEDDER === 'azure-openai' && !c.AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT, ['AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT'],
      'Azure OpenAI embeddings need the embeddings deployment name');
  });

export type RawConfig = z.output<typeof configSchema>;

export interface Config extends RawConfig {
  corpusDirs: string[];
  dataDir: string;
  /** True when Slack is configured (token plus secret or app token). */
  slackEnabled: boolean;
  teamsEnabled: boolean;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Configuratie ongeldig / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every key.`);
  }
}

/** Parse and validate; throws ConfigError listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`));
  }
  const c = parsed.data;
  const corpusDirs = (c.CORPUS_DIRS.length ? c.CORPUS_DIRS : ['corpus']).map((d) => path.resolve(cwd, d));
  return {
    ...c,
    corpusDirs,
    dataDir: path.resolve(cwd, c.DATA_DIR),
    slackEnabled: Boolean(c.SLACK_BOT_TOKEN),
    teamsEnabled: c.TEAMS_ENABLED || Boolean(c.MICROSOFT_APP_ID),
  };
}
