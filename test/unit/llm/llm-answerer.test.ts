// LlmAnswerer with LangChain's fake chat model behind the real adapter: the answer logic, the
// abstention rules, streaming and the retry policy, without any HTTP.
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { describe, expect, it } from 'vitest';
import { LlmAnswerer } from '../../../src/answer/llm/llm-answerer.js';
import { AppError } from '../../../src/errors/app-error.js';
import type { Answer, Language } from '../../../src/core/types.js';
import type { ChatMessage, ChatModel } from '../../../src/models/chat-model.js';
import { LangChainChatModel } from '../../../src/models/langchain-chat-model.js';
import { QuotingFallback, conference, deadline, jeugdzorgPlus } from './seed-passages.js';

const passages = [deadline(), conference(), jeugdzorgPlus()];
const ask = (text: string, language: Language = 'nl') => ({ text, language });

function withFake(responses: string[], opts: { sleep?: number; timeoutMs?: number } = {}) {
  const fake = new FakeListChatModel({ responses, sleep: opts.sleep });
  const model = new LangChainChatModel(fake, { name: 'fake:list', timeoutMs: opts.timeoutMs ?? 5000 });
  const fallback = new QuotingFallback();
  const answerer = new LlmAnswerer({ model, fallback, timeoutMs: opts.timeoutMs ?? 5000, maxRetries: 0, retryDelayMs: 1 });
  return { fake, answerer, fallback };
}

/** A ChatModel that fails in scripted ways, to test the retry policy at the port. */
class ScriptedModel implements ChatModel {
  readonly name = 'scripted';
  calls = 0;
  constructor(private readonly steps: Array<string | AppError>) {}
  async complete(_messages: ChatMessage[]): Promise<string> {
    const step = this.steps[Math.min(this.calls++, this.steps.length - 1)]!;
    if (step instanceof AppError) throw step;
    return step;
  }
}
const failure = (reason: string) => new AppError('MODEL_UNAVAILABLE', `scripted ${reason}`, { reason });

describe('LlmAnswerer', () => {
  it('orders citations by first use and keeps grouped markers', async () => {
    const { answerer } = withFake([
      'De 21 gemeenten werken samen aan JeugdzorgPlus [3]. De conferentie is op 13 juni 2019 [2][3]. De deadline is 1 juli 2019 [1].',
    ]);
    const answer = await answerer.answer(ask('Vat samen'), passages);
    expect(answer.text).toBe('De 21 gemeenten werken samen aan JeugdzorgPlus [1]. De conferentie is op 13 juni 2019 [2][1]. De deadline is 1 juli 2019 [3].');
    expect(answer.citations.map((c) => c.chunkId)).toEqual([jeugdzorgPlus().chunk.id, conference().chunk.id, deadline().chunk.id]);
    expect(answer.citations.map((c) => c.n)).toEqual([1, 2, 3]);
  });

  it('treats a worded "the documents do not say" without citations as an abstention', async () => {
    const { answerer, fallback } = withFake(['The documents do not answer this question.']);
    const answer: Answer = await answerer.answer(ask('Who won the 2018 World Cup?', 'en'), passages);
    expect(answer).toMatchObject({ abstained: true, citations: [], language: 'en', answerer: 'llm' });
    expect(answer.text).toMatch(/documents I know do not answer/);
    expect(fallback.calls).toBe(0);
  });

  it('ignores a stray abstain marker next to a grounded sentence', async () => {
    const { answerer } = withFake(['De deadline is 1 juli 2019 [1]. NOT_IN_DOCUMENTS']);
    const answer = await answerer.answer(ask('Wat is de deadline?'), passages);
    expect(answer).toMatchObject({ abstained: false, text: 'De deadline is 1 juli 2019 [1].' });
  });

  it('abstains without asking the model when retrieval found nothing', async () => {
    const { answerer, fake } = withFake(['De deadline is 1 juli 2019 [1].']);
    const answer = await answerer.answer(ask('Wat is de deadline?'), []);
    expect(answer).toMatchObject({ abstained: true, citations: [] });
    expect(fake.i).toBe(0);
  });

  it('falls back with reason timeout when the model is slower than the limit', async () => {
    const { answerer, fallback } = withFake(['De deadline is 1 juli 2019 [1].'], { sleep: 2000, timeoutMs: 50 });
    const answer = await answerer.answer(ask('Wat is de deadline?'), passages);
    expect(answer.answerer).toBe('llm-fallback');
    expect(answer.grounding?.fallbackReason).toBe('timeout');
    expect(fallback.calls).toBe(1);
  });

  it('streams growing, checked text from the fake model', async () => {
    const { answerer } = withFake(['De deadline is 1 juli 2019 [1]. Er komen 400 gasten [2]. De conferentie is op 13 juni 2019 [2].'], { sleep: 0 });
    const partials: string[] = [];
    let final: Answer | undefined;
    for await (const e of answerer.answerStream(ask('Wat staat er gepland?'), passages)) {
      if (e.kind === 'partial') partials.push(e.partialText);
      else final = e.answer;
    }
    expect(partials[0]).toBe('De deadline is 1 juli 2019 [1].');
    for (const p of partials) expect(p).not.toContain('400');
    for (let i = 1; i < partials.length; i++) expect(partials[i]!.startsWith(partials[i - 1]!)).toBe(true);
    expect(final?.text).toBe('De deadline is 1 juli 2019 [1]. De conferentie is op 13 juni 2019 [2].');
    expect(final?.grounding?.dropped).toHaveLength(1);
  });
});

describe('LlmAnswerer retry policy', () => {
  const make = (model: ChatModel, maxRetries: number) => {
    const fallback = new QuotingFallback();
    return { fallback, answerer: new LlmAnswerer({ model, fallback, timeoutMs: 1000, maxRetries, retryDelayMs: 1 }) };
  };

  it('retries a refused connection and uses the second reply', async () => {
    const model = new ScriptedModel([failure('connection'), 'De deadline is 1 juli 2019 [1].']);
    const { answerer } = make(model, 2);
    const answer = await answerer.answer(ask('Wat is de deadline?'), passages);
    expect(model.calls).toBe(2);
    expect(answer.answerer).toBe('llm');
  });

  it('stops after the configured number of retries', async () => {
    const model = new ScriptedModel([failure('http-5xx')]);
    const { answerer, fallback } = make(model, 2);
    const answer = await answerer.answer(ask('Wat is de deadline?'), passages);
    expect(model.calls).toBe(3);
    expect(answer.grounding?.fallbackReason).toBe('http-5xx');
    expect(fallback.calls).toBe(1);
  });

  it('does not retry a client error such as a wrong model name', async () => {
    const model = new ScriptedModel([failure('http-4xx'), 'De deadline is 1 juli 2019 [1].']);
    const { answerer } = make(model, 3);
    const answer = await answerer.answer(ask('Wat is de deadline?'), passages);
    expect(model.calls).toBe(1);
    expect(answer.answerer).toBe('llm-fallback');
  });
});
