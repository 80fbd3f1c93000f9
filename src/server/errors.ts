// The one place where channel failures are handled: the log gets the detail (redacted by the logger),
// the user gets userMessageFor(error, language) in their language.
import type { Logger } from '../core/logger.js';
import type { Language } from '../core/types.js';
import { isAppError, userMessageFor } from '../errors/app-error.js';

const englishHints = /\b(the|what|which|when|who|where|how|is|are|does|do|of|for|can|you|about|please|help)\b/gi;
const dutchHints = /\b(de|het|een|wat|welke|wanneer|wie|waar|hoe|is|zijn|van|voor|kun|kan|je|jij|over|graag|afkorting)\b/gi;

/** Rough language of a message, only for choosing the language of an error message. Dutch wins ties. */
export function guessLanguage(text: string | undefined): Language {
  if (!text) return 'nl';
  const en = text.match(englishHints)?.length ?? 0;
  const nl = text.match(dutchHints)?.length ?? 0;
  return en > nl ? 'en' : 'nl';
}

/** Log a failure with where it happened; return the sentence to show the user. */
export function reportError(logger: Logger, error: unknown, where: string, language: Language = 'nl', data: Record<string, unknown> = {}): string {
  logger.error(`${where} failed`, {
    ...data,
    code: isAppError(error) ? error.code : 'INTERNAL',
    error,
    details: isAppError(error) ? error.details : undefined,
    cause: error instanceof Error ? error.cause : undefined,
  });
  return userMessageFor(error, language);
}
