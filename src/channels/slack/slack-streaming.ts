// A streamed answer in Slack: the first checked partial text is posted in the thread, later partials
// edit that message with chat.update (at most once per interval, so a fast model does not hit Slack's
// rate limits), and the final checked answer with its sources and buttons replaces it. Without any
// partial (extractive answerer, commands) the final message is simply posted.
import type { App, types as SlackTypes } from '@slack/bolt';
import { reply as template } from '../../core/prompts.js';
import type { Logger } from '../../core/logger.js';
import type { Language } from '../../core/types.js';
import { chunkText, escapeMrkdwn } from './slack-blocks.js';

type WebClient = App['client'];
type KnownBlock = SlackTypes.KnownBlock;

/** Default minimum time between two edits of a streamed message. */
export const defaultStreamUpdateIntervalMs = 700;

export interface StreamedSlackMessageOptions {
  client: WebClient;
  channel: string;
  threadTs?: string;
  language: Language;
  logger: Logger;
  intervalMs?: number;
  now?: () => number;
}

function partialBlocks(text: string, language: Language): KnownBlock[] {
  const sections: KnownBlock[] = chunkText(escapeMrkdwn(text))
    .slice(0, 45)
    .map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } }));
  return [...sections, { type: 'context', elements: [{ type: 'mrkdwn', text: `_${escapeMrkdwn(template('channels/streaming', language))}_` }] }];
}

export class StreamedSlackMessage {
  private ts: string | undefined;
  /** Every Slack call goes through this chain, so posts and edits happen in order. */
  private chain: Promise<void> = Promise.resolve();
  private latest = '';
  private shown = '';
  private lastSentAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private finished = false;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: StreamedSlackMessageOptions) {
    this.intervalMs = options.intervalMs ?? defaultStreamUpdateIntervalMs;
    this.now = options.now ?? Date.now;
  }

  /** True once a partial has been posted (or is being posted). */
  get started(): boolean {
    return this.shown !== '' || this.ts !== undefined;
  }

  /** Record the checked text so far; shows it now or when the interval has passed. Never throws. */
  partial(text: string): void {
    if (this.finished || !text.trim() || text === this.latest) return;
    this.latest = text;
    const wait = this.shown === '' ? 0 : this.lastSentAt + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.finished || this.latest === this.shown) return;
    const text = this.latest;
    this.shown = text;
    this.lastSentAt = this.now();
    this.enqueue(async () => {
      const { client, channel, threadTs, language } = this.options;
      const blocks = partialBlocks(text, language);
      if (this.ts) await client.chat.update({ channel, ts: this.ts, text, blocks });
      else this.ts = (await client.chat.postMessage({ channel, thread_ts: threadTs, text, blocks, unfurl_links: false, unfurl_media: false })).ts;
    });
  }

  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain.then(step).catch((error: unknown) => this.options.logger.warn('could not show the streamed answer', { error }));
  }

  /**
   * Show the final message: replaces the streamed one when a partial was posted, posted otherwise.
   * Errors from Slack propagate (the caller reports them).
   */
  async finish(message: { text: string; blocks: KnownBlock[] }): Promise<void> {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.chain;
    const { client, channel, threadTs } = this.options;
    if (this.ts) await client.chat.update({ channel, ts: this.ts, text: message.text, blocks: message.blocks });
    else await client.chat.postMessage({ channel, thread_ts: threadTs, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
  }
}
