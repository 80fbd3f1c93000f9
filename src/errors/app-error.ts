// Coded errors: the user sees a helpful sentence (in their language), the log gets the detail.
// Expected outcomes ("nothing found", "rate limited") are values, not errors; see AssistantReply.
import type { Language } from '../core/types.js';

export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'INDEX_MISSING'
  | 'INDEX_CORRUPT'
  | 'INGEST_FAILED'
  | 'PROMPT_MISSING'
  | 'MODEL_UNAVAILABLE'
  | 'DATABASE'
  | 'CHANNEL'
  | 'INTERNAL';

const userMessages: Record<ErrorCode, Record<Language, string>> = {
  CONFIG_INVALID: {
    nl: 'Wegwijzer is niet goed ingesteld. Vraag de beheerder de configuratie (.env) na te kijken.',
    en: 'Wegwijzer is not configured correctly. Ask the administrator to check the configuration (.env).',
  },
  INDEX_MISSING: {
    nl: 'De documenten zijn nog niet ingelezen. Probeer het over een minuut opnieuw, of vraag de beheerder `npm run ingest` te draaien.',
    en: 'The documents have not been indexed yet. Try again in a minute, or ask the administrator to run `npm run ingest`.',
  },
  INDEX_CORRUPT: {
    nl: 'De zoekindex is beschadigd en wordt opnieuw opgebouwd. Probeer het zo opnieuw.',
    en: 'The search index is damaged and is being rebuilt. Please try again shortly.',
  },
  INGEST_FAILED: {
    nl: 'Het inlezen van de documenten is mislukt. De beheerder vindt de reden in het ingest-rapport.',
    en: 'Indexing the documents failed. The administrator will find the reason in the ingest report.',
  },
  PROMPT_MISSING: {
    nl: 'Een sjabloon van Wegwijzer ontbreekt. Vraag de beheerder de map prompts/ na te kijken.',
    en: 'A Wegwijzer template is missing. Ask the administrator to check the prompts/ folder.',
  },
  MODEL_UNAVAILABLE: {
    nl: 'Het taalmodel reageert niet. Probeer het later opnieuw.',
    en: 'The language model is not responding. Please try again later.',
  },
  DATABASE: {
    nl: 'De database van Wegwijzer is niet bereikbaar. Probeer het later opnieuw of meld het bij de beheerder.',
    en: 'The Wegwijzer database is unavailable. Try again later or tell the administrator.',
  },
  CHANNEL: {
    nl: 'Het bericht kon niet worden afgeleverd. Probeer het opnieuw.',
    en: 'The message could not be delivered. Please try again.',
  },
  INTERNAL: {
    nl: 'Er ging iets mis bij het beantwoorden. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder.',
    en: 'Something went wrong while answering. Please try again; if it keeps failing, tell the administrator.',
  },
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The one place that turns any error into what the user sees. */
export function userMessageFor(error: unknown, language: Language = 'nl'): string {
  const code: ErrorCode = isAppError(error) ? error.code : 'INTERNAL';
  return userMessages[code][language];
}
