// One loader for every prompt and reply template under prompts/. Templates use {{name}} placeholders;
// a missing file or a placeholder without a value is an error that names the file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors/app-error.js';
import type { Language } from './types.js';

export const promptsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prompts');

const cache = new Map<string, string>();

/** Read prompts/<name> (e.g. 'replies/abstain.nl.txt'). */
export function loadPrompt(name: string, dir = promptsDir): string {
  const file = path.join(dir, name);
  const hit = cache.get(file);
  if (hit !== undefined) return hit;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('PROMPT_MISSING', `prompt template not found: ${path.relative(process.cwd(), file)}`, { file }, { cause });
  }
  // Files end with a newline by convention; templates are used without it.
  text = text.replace(/\r\n/g, '\n').replace(/\n$/, '');
  cache.set(file, text);
  return text;
}

/** Fill {{placeholders}}; every placeholder must get a value. */
export function renderTemplate(template: string, values: Record<string, string | number>, nameForErrors = 'template'): string {
  return template.replace(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) throw new AppError('PROMPT_MISSING', `placeholder {{${key}}} has no value in ${nameForErrors}`, { key, template: nameForErrors });
    return String(v);
  });
}

/** Load prompts/<base>.<lang>.<ext> and fill it. */
export function reply(base: string, language: Language, values: Record<string, string | number> = {}, ext = 'txt'): string {
  const name = `${base}.${language}.${ext}`;
  return renderTemplate(loadPrompt(name), values, name);
}

/** Every template file under prompts/, relative names; used by the test that loads them all. */
export function listPrompts(dir = promptsDir): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.startsWith('.') && e.name !== 'README.md') out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}
