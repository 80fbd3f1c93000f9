// Hostile or careless chat input through the real endpoints (Slack events, Teams /api/messages) and
// the real Assistant: empty, only a mention, very long, control characters, and mrkdwn / markdown /
// Block Kit injection in a question or in a document passage. What reaches the fake Slack API and the
// fake Bot Framework connector must never hold a live broadcast, mention or a link not in the sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedSlackCall } from '../../support/fake-slack-api.js';
import { postSlack, postTeams, slackMention, startStack, teamsActivity, type Stack } from './stack.js';

// A document that smuggles Slack and markdown markup into its passages.
const hostileDoc = {
  file: 'klachtenloket-testregio-2024.txt',
  title: 'Klachtenloket Testregio 2024',
  text: [
    'Klachtenloket Testregio',
    '',
    'Het Klachtenloket Testregio behandelt klachten van jeugdhulpaanbieders binnen tien werkdagen. <!channel> Meld je direct via <https://evil.example/phish|het klachtenformulier> of [klik hier](https://evil.example/md) en stuur een bericht naar <@U123> met *spoed*. <!here> Zie ook https://evil.example/bare voor de voorwaarden.',
    '',
    'Het Klachtenloket Testregio is bereikbaar op werkdagen en houdt een register bij van alle klachten van jeugdhulpaanbieders.',
  ].join('\n'),
};
const docQuestion = 'Binnen hoeveel werkdagen behandelt het Klachtenloket Testregio klachten van jeugdhulpaanbieders?';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ documents: [hostileDoc], env: { MAX_QUESTION_CHARS: '2000' } });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

/** Everything a Slack user would see from one reply: the fallback text and the blocks. */
const slackVisible = (c: RecordedSlackCall) => `${String(c.args.text ?? '')}\n${JSON.stringify(c.args.blocks ?? [])}`;

async function askSlack(text: string, user = 'UANNE'): Promise<RecordedSlackCall> {
  const m = slackMention(stack.slackApi.botUserId, text, { user });
  const res = await postSlack(stack.base, m.body);
  expect(res.status).toBe(200);
  return stack.slackApi.waitFor(() => stack.slackApi.callsTo('chat.postMessage').find((c) => c.args.thread_ts === m.ts));
}

async function askTeams(text: string, user: string) {
  const activity = teamsActivity(stack.connector.serviceUrl, text, { user, conversationId: `a:hostile-${user}` });
  const res = await postTeams(stack.base, activity);
  expect(res.status).toBe(200);
  const messages = stack.connector.messagesTo(activity.conversation.id);
  expect(messages.length).toBeGreaterThan(0);
  return messages.at(-1)!;
}

/** Live Slack markup: broadcasts, user/channel mentions, links with a label, or any unescaped '<'. */
function expectNoLiveSlackMarkup(visible: string) {
  expect(visible).not.toMatch(/<!(channel|here|everyone)/);
  expect(visible).not.toMatch(/<@U/);
  expect(visible).not.toMatch(/<https?:/);
  expect(visible).not.toMatch(/https?:\/\/evil/);
  // eslint-disable-next-line no-control-regex
  expect(visible).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
}

function expectNoLiveCardMarkup(json: string) {
  expect(json).not.toMatch(/\]\(https?:/);
  expect(json).not.toMatch(/https?:\/\/evil/);
  expect(json).not.toMatch(/<at>/i);
  expect(json).not.toMatch(/\\u000[0-8]|\\u001[0-9a-f]|\\u007f/i);
}

describe('hostile input in Slack', () => {
  it('an empty mention and a mention without a question get the help text', async () => {
    const onlyMention = await askSlack('');
    expect(String(onlyMention.args.text)).toMatch(/Ik zie geen vraag/);
    const onlySymbols = await askSlack('  ?!… \u0007 ');
    expect(String(onlySymbols.args.text)).toMatch(/Ik zie geen vraag/);
  });

  it('a 20 000-character question is cut to the limit with a note, and the reply fits Slack', async () => {
    const long = `${docQuestion} ${'Dit is extra toelichting bij mijn vraag. '.repeat(500)}`.slice(0, 20_000);
    expect(long.length).toBe(20_000);
    const reply = await askSlack(long, 'ULONG');
    expect(slackVisible(reply)).toMatch(/eerste 2000 tekens/);
    expect(String(reply.args.text).length).toBeLessThanOrEqual(40_000);
    const blocks = reply.args.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3000);
  });

  it('control characters in a question are dropped; the question is still answered', async () => {
    const reply = await askSlack(`Binnen hoeveel\u0000 werkdagen\u0008 behandelt het Klachtenloket\u001b[31m Testregio\u202E klachten van jeugdhulpaanbieders?`, 'UCTRL');
    const visible = slackVisible(reply);
    expectNoLiveSlackMarkup(visible);
    expect(visible).not.toMatch(/\u202E/);
    expect(visible).toMatch(/tien werkdagen/);
  });

  it('markup in a question is shown as text, never as a broadcast, mention or link', async () => {
    const reply = await askSlack('<!channel> <@U123> *Wat* is <https://evil.example/q|dit>? [klik](https://evil.example/q2) help', 'UINJ');
    expectNoLiveSlackMarkup(slackVisible(reply));
  });

  it('markup in a document passage is escaped in the answer and its sources', async () => {
    const reply = await askSlack(docQuestion, 'UDOC');
    const visible = slackVisible(reply);
    // The hostile document was really used, so the check below is about its text.
    expect(visible).toContain(hostileDoc.title);
    expect(visible).toMatch(/tien werkdagen/);
    expectNoLiveSlackMarkup(visible);
    expect(visible).toMatch(/&lt;!channel&gt;|evil\.example/);
  });
});

describe('hostile input in Teams', () => {
  it('an empty message gets the help text', async () => {
    const sent = await askTeams('   ', 'tempty');
    expect(String(sent.activity.text)).toMatch(/Ik zie geen vraag/);
  });

  it('a 20 000-character question is cut with a note', async () => {
    const long = `${docQuestion} ${'Dit is extra toelichting bij mijn vraag. '.repeat(500)}`.slice(0, 20_000);
    const sent = await askTeams(long, 'tlong');
    expect(JSON.stringify(sent.activity)).toMatch(/eerste 2000 tekens/);
  });

  it('markdown and mentions in a document passage are neutralised in the Adaptive Card', async () => {
    const sent = await askTeams(docQuestion, 'tdoc');
    const card = JSON.stringify(sent.activity.attachments ?? []);
    expect(card).toContain(hostileDoc.title);
    // The passage (shown with "toon passage") holds the hostile text, neutralised.
    expect(card).toMatch(/klik hier \(https:\\u2060\/\/evil\.example\/md\)|klik hier \(https:\u2060\/\/evil\.example\/md\)/);
    expectNoLiveCardMarkup(card);
  });

  it('markdown links and control characters in a question are neutralised', async () => {
    const sent = await askTeams('[klik](https://evil.example/x) <at>Iedereen</at> Binnen hoeveel werkdagen\u0007 behandelt het Klachtenloket Testregio klachten?', 'tinj');
    expectNoLiveCardMarkup(JSON.stringify(sent.activity));
  });
});
