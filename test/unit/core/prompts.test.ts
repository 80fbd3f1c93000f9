import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPrompts, loadPrompt, renderTemplate, promptsDir } from '../../../src/core/prompts.js';
import { AppError } from '../../../src/errors/app-error.js';

describe('prompt loader', () => {
  it('loads every template under prompts/ and each has content', () => {
    const names = listPrompts();
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(loadPrompt(name).trim().length, name).toBeGreaterThan(0);
  });

  it('has a Dutch and an English version of every language-specific template', () => {
    const names = listPrompts();
    for (const name of names.filter((n) => /\.(nl|en)\.[a-z]+$/.test(n))) {
      const other = name.replace(/\.(nl|en)\.([a-z]+)$/, (_, l: string, ext: string) => `.${l === 'nl' ? 'en' : 'nl'}.${ext}`);
      expect(names, `${name} has no counterpart ${other}`).toContain(other);
    }
  });

  it('names the missing file in its error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompts-'));
    try {
      loadPrompt('replies/does-not-exist.nl.txt', dir);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('PROMPT_MISSING');
      expect((e as Error).message).toContain('does-not-exist.nl.txt');
    }
  });

  it('refuses a placeholder without a value, naming the template', () => {
    expect(() => renderTemplate('Hallo {{name}}', {}, 'replies/x.nl.txt')).toThrow(/\{\{name\}\}.*replies\/x\.nl\.txt/);
    expect(renderTemplate('Hallo {{ name }}!', { name: 'Ans' })).toBe('Hallo Ans!');
  });

  it('keeps prompts inside the project folder', () => {
    expect(promptsDir.endsWith(`${path.sep}prompts`)).toBe(true);
  });
});
