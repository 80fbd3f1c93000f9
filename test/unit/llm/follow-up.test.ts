import { FakeListChatModel } from '@langchain/core/utils/testing';
import { describe, expect, it } from 'vitest';
import { looksLikeFollowUp, rewriteFollowUp, rewriteFollowUpHeuristic } from '../../../src/answer/llm/follow-up.js';
import type { ConversationTurn } from '../../../src/core/types.js';
import { AppError } from '../../../src/errors/app-error.js';
import type { ChatMessage, ChatModel } from '../../../src/models/chat-model.js';
import { LangChainChatModel } from '../../../src/models/langchain-chat-model.js';

const thread: ConversationTurn[] = [
  { role: 'user', text: 'Welk schaalniveau geldt voor JeugdzorgPlus?' },
  { role: 'assistant', text: 'Bovenregionaal [1].' },
];

class RecordingModel implements ChatModel {
  readonly name = 'recording';
  seen: ChatMessage[][] = [];
  constructor(private readonly replyWith: string | Error) {}
  async complete(messages: ChatMessage[]): Promise<string> {
    this.seen.push(messages);
    if (this.replyWith instanceof Error) throw this.replyWith;
    return this.replyWith;
  }
}

describe('follow-up detection and heuristic rewrite', () => {
  it('recognises elliptic and pronoun follow-ups but not full questions', () => {
    expect(looksLikeFollowUp('en voor Verblijf?')).toBe(true);
    expect(looksLikeFollowUp('What about HSB?')).toBe(true);
    expect(looksLikeFollowUp('Wanneer moet dat klaar zijn?')).toBe(true);
    expect(looksLikeFollowUp('Wanneer vindt de conferentie over de inkoopsamenwerking plaats?')).toBe(false);
  });

  it('swaps the object of the repeated preposition', () => {
    expect(rewriteFollowUpHeuristic('en voor Verblijf?', thread)).toBe('Welk schaalniveau geldt voor Verblijf?');
  });

  it('borrows the key terms of the previous question otherwise', () => {
    const rewritten = rewriteFollowUpHeuristic('What about HSB?', thread);
    expect(rewritten).toContain('HSB');
    expect(rewritten).toContain('schaalniveau');
    expect(rewritten).not.toMatch(/\bwelk\b/i);
  });

  it('leaves a standalone question alone', () => {
    const q = 'Wanneer vindt de conferentie over de inkoopsamenwerking plaats?';
    expect(rewriteFollowUpHeuristic(q, thread)).toBe(q);
  });
});

describe('rewriteFollowUp', () => {
  it('returns the question unchanged without history and does not call the model', async () => {
    const model = new RecordingModel('iets anders');
    expect(await rewriteFollowUp('en voor Verblijf?', [], model)).toBe('en voor Verblijf?');
    expect(model.seen).toHaveLength(0);
  });

  it('uses the model rewrite and sends it the thread as data', async () => {
    const model = new RecordingModel('Zelfstandige vraag: "Welk schaalniveau geldt voor Verblijf en HSB?"\n');
    const rewritten = await rewriteFollowUp('en voor Verblijf en HSB?', thread, model);
    expect(rewritten).toBe('Welk schaalniveau geldt voor Verblijf en HSB?');
    const user = model.seen[0]![1]!.content;
    expect(user).toContain('Gebruiker: Welk schaalniveau geldt voor JeugdzorgPlus?');
    expect(user).toContain('Vervolgvraag: en voor Verblijf en HSB?');
  });

  it('works through the LangChain adapter with a fake list model', async () => {
    const model = new LangChainChatModel(new FakeListChatModel({ responses: ['Which scale level applies to Verblijf?'] }), { name: 'fake', timeoutMs: 1000 });
    expect(await rewriteFollowUp('and for Verblijf?', thread, model, { language: 'en' })).toBe('Which scale level applies to Verblijf?');
  });

  it('falls back to the heuristic when the model fails or rambles', async () => {
    const down = new RecordingModel(new AppError('MODEL_UNAVAILABLE', 'down', { reason: 'connection' }));
    expect(await rewriteFollowUp('en voor Verblijf?', thread, down)).toBe('Welk schaalniveau geldt voor Verblijf?');
    const rambling = new RecordingModel('x'.repeat(1000));
    expect(await rewriteFollowUp('en voor Verblijf?', thread, rambling)).toBe('Welk schaalniveau geldt voor Verblijf?');
  });
});
