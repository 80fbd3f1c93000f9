import { describe, expect, it } from 'vitest';
import { ABSTAIN_MARKER, buildAnswerMessages } from '../../../src/answer/llm/prompt.js';
import { conference, deadline, hostilePassage } from './seed-passages.js';

describe('buildAnswerMessages', () => {
  it('quotes every passage with title, date, section and page between nonce delimiters', () => {
    const { messages, supplied } = buildAnswerMessages('Wanneer is de conferentie?', 'nl', [deadline(), conference()], {}, 'abc123');
    expect(supplied.map((s) => s.n)).toEqual([1, 2]);
    const user = messages[1]!.content;
    expect(user).toContain('<<<PASSAGE 1 abc123>>>\nTitel: Toelichting Nieuwsbrief');
    expect(user).toContain('Sectie: Conferentie inkoopsamenwerking en transformatie jeugdhulp\nPagina: onbekend');
    expect(user).toContain('<<<EINDE PASSAGE 2 abc123>>>');
    expect(messages[0]!.content).toContain(ABSTAIN_MARKER);
    expect(messages[0]!.content).toMatch(/\[1\]/);
  });

  it('uses the English templates for an English question', () => {
    const { messages } = buildAnswerMessages('When is the conference?', 'en', [conference()], {}, 'n0nce');
    expect(messages[0]!.content).toContain('Answer in English');
    expect(messages[1]!.content).toContain('<<<PASSAGE 1 n0nce>>>\nTitle: Toelichting');
  });

  it('cannot be closed from inside a passage and drops instructions aimed at the assistant', () => {
    const { messages } = buildAnswerMessages('Wanneer is de conferentie?', 'nl', [hostilePassage()], {}, 'feed01');
    const user = messages[1]!.content;
    expect(user.match(/<<<[^\n]*>>>/g)).toEqual(['<<<PASSAGE 1 feed01>>>', '<<<EINDE PASSAGE 1 feed01>>>']);
    expect(user).toContain('[instructie in het document verwijderd]');
    expect(user).not.toContain('evil.example');
  });

  it('limits the number and length of passages', () => {
    const many = Array.from({ length: 9 }, () => conference());
    const { supplied, messages } = buildAnswerMessages('q', 'nl', many, { maxPassages: 3, maxPassageChars: 40 }, 'x');
    expect(supplied).toHaveLength(3);
    expect(messages[1]!.content).not.toContain('ochtendprogramma');
  });

  it('uses a fresh random code for every request by default', () => {
    const a = buildAnswerMessages('q', 'nl', [conference()]).messages[1]!.content.match(/PASSAGE 1 (\w+)/)![1];
    const b = buildAnswerMessages('q', 'nl', [conference()]).messages[1]!.content.match(/PASSAGE 1 (\w+)/)![1];
    expect(a).not.toBe(b);
  });
});
