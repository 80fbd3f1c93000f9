// The web chat in a real browser: Debian's chromium driven by playwright-core against the real server
// on 127.0.0.1. Asks a question with the keyboard, reads the answer and a cited passage off the page,
// gives feedback, and keeps a screenshot in test-artifacts/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { createMilestones } from '../../src/milestones/create-milestones.js';
import { timeline } from '../../src/milestones/timeline.js';
import { startChannels, type StartedChannels } from '../../src/server/start-channels.js';
import { openDatabase, type Db } from '../../src/storage/database.js';
import { bootstrapSeedRuntime, nvoQuestion, type SeedRuntime } from '../integration/channels/real-assistant.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = path.resolve(import.meta.dirname, '../../test-artifacts');
const question = nvoQuestion.text;
const overdueTitle = 'Contracten Verblijf en HSB gesloten';
const futureTitle = 'Bestuurlijke vaststelling inkoopstrategie Ambulant';
const now = new Date('2026-11-25T10:00:00Z');

let browser: Browser;
let started: StartedChannels;
let db: Db;
let dir: string;
let seed: SeedRuntime;

beforeAll(async () => {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`The browser test needs Debian's chromium at ${chromiumPath} (apt-get install -y chromium; .ci/run installs it), or CHROMIUM_PATH set to another Chromium.`);
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-web-'));
  db = openDatabase(path.join(dir, 'test.db'));
  const config = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' });
  seed = await bootstrapSeedRuntime();
  // Two milestones for the Mijlpalen tab: one overdue (due before the fixed "now"), one ahead.
  const milestones = createMilestones({ config, db, logger: silentLogger, clock: { now: () => now } });
  const addedBy = { userId: 'web-test', channel: 'web' };
  milestones.service.add({ title: overdueTitle, due: { date: '2026-11-02', precision: 'day', text: '2 november 2026' }, owner: 'Anne', addedBy });
  milestones.service.add({ title: futureTitle, due: { date: '2026-12-15', precision: 'day', text: '15 december 2026' }, addedBy });
  started = await startChannels({ config, assistant: seed.assistant, db, logger: silentLogger, timeline: (language) => timeline(milestones.service, now, { language }) });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await started?.stop();
  db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  seed?.cleanup();
});

/** The chat page on a laptop-sized viewport; script errors and CSP violations are collected as console errors. */
async function openChatPage() {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(`http://127.0.0.1:${started.server.port}/`);
  return { page, consoleErrors };
}

describe('web chat in a browser', () => {
  it('answers a question typed with the keyboard, shows the cited passage on click, and stores feedback', async () => {
    const { page, consoleErrors } = await openChatPage();
    // The introduction lists the documents the assistant knows.
    await expect.poll(() => page.locator('article.msg.help').textContent()).toContain('Ik ben Wegwijzer');

    // Keyboard only: the question field has focus on load; Enter sends.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
    await page.keyboard.type(question);
    await page.keyboard.press('Enter');

    const answer = page.locator('article.msg.answer').first();
    await answer.waitFor({ timeout: 20_000 });
    const answerText = (await answer.locator('p.text').textContent()) ?? '';
    expect(answerText).toMatch(new RegExp(`${nvoQuestion.fact}.*\\[1\\]`));
    expect(await answer.locator('.sources summary').first().textContent()).toContain(`[1] ${nvoQuestion.title} · ${nvoQuestion.date}`);
    // The answer region is announced to screen readers.
    expect(await page.locator('#log').getAttribute('aria-live')).toBe('polite');
    // Focus returns to the question field for the next question.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');

    // The [1] marker reveals the cited passage.
    const passage = answer.locator('details.source[data-n="1"] blockquote');
    expect(await passage.isVisible()).toBe(false);
    await answer.locator('button.cite[data-n="1"]').focus();
    await page.keyboard.press('Enter');
    await passage.waitFor({ state: 'visible' });
    expect(await passage.textContent()).toContain(nvoQuestion.fact);

    await answer.locator('.feedback button[data-rating="up"]').click();
    await expect.poll(() => answer.locator('.feedback .thanks').textContent()).toContain('Bedankt');
    const stored = started.feedback.list();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.rating).toBe('up');
    expect(stored[0]!.answer.question).toBe(question);
    expect(stored[0]!.answer.channel).toBe('web');

    expect(consoleErrors).toEqual([]);
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'web-chat.png'), fullPage: true });
    expect(fs.statSync(path.join(artifacts, 'web-chat.png')).size).toBeGreaterThan(10_000);
  });

  it('shows the milestone timeline in the Mijlpalen tab, reached with the keyboard', async () => {
    const { page, consoleErrors } = await openChatPage();
    const panel = page.locator('#panel-milestones');
    expect(await panel.isVisible()).toBe(false);

    // Tablist pattern: focus the selected tab, the arrow key moves to (and opens) the next one.
    await page.locator('#tab-chat').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-milestones');
    expect(await page.locator('#tab-milestones').getAttribute('aria-selected')).toBe('true');
    await panel.waitFor({ state: 'visible' });
    expect(await page.locator('#panel-chat').isVisible()).toBe(false);

    const overdue = panel.locator('li.item', { hasText: overdueTitle });
    await overdue.waitFor({ timeout: 10_000 });
    expect(await overdue.getAttribute('class')).toContain('overdue');
    expect(await overdue.locator('.badge').textContent()).toBe('verlopen');
    // Grouped per month, in date order.
    const months = await panel.locator('section.month h3').allTextContents();
    expect(months.map((m) => m.toLowerCase())).toEqual(['november 2026', 'december 2026']);
    const future = panel.locator('section.month[data-month="2026-12"] li.item');
    expect(await future.locator('.title').textContent()).toBe(futureTitle);
    expect(await future.getAttribute('class')).not.toContain('overdue');
    expect(await page.locator('#timeline-summary').textContent()).toContain('2 open, waarvan 1 verlopen');

    // And back to the conversation with the other arrow key.
    await page.keyboard.press('ArrowLeft');
    await page.locator('#panel-chat').waitFor({ state: 'visible' });
    expect(await panel.isVisible()).toBe(false);

    expect(consoleErrors).toEqual([]);
    await page.locator('#tab-milestones').click();
    await overdue.waitFor();
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'web-chat-milestones.png'), fullPage: true });
  });
});
