import { describe, expect, it } from 'vitest';
import { questionType } from '../../../src/answer/question-type.js';
import { DutchAnalyzer, foldText, stem } from '../../../src/retrieval/dutch-analyzer.js';
import { QueryAnalyzer, loadDomainTerms } from '../../../src/retrieval/query-analysis.js';

const analyzer = new QueryAnalyzer(new DutchAnalyzer());
const sources = (q: string) => analyzer.analyze(q).groups.map((g) => g.source);

describe('asked-for time units', () => {
  it('drops the unit a question asks for (welke maand, what year): it names the kind of answer, not the topic', () => {
    expect(sources('In welke maand wordt het protocol ingevoerd?')).not.toContain('maand');
    expect(sources('In what year did Helmond start the network?')).not.toContain('year');
    expect(sources('Op welke dag lichtte Significant de evaluatie toe?')).not.toContain('dag');
  });

  it('keeps a time unit that is part of the topic', () => {
    expect(sources('Hoeveel jeugdigen kregen vorig jaar hulp?')).toContain('jaar');
  });

  it('recognises welke dag / which month as date questions', () => {
    expect(questionType('Op welke dag lichtte Significant de evaluatie toe?')).toBe('when');
    expect(questionType('In which month is the protocol introduced?')).toBe('when');
  });
});

describe('everyday procurement words in English questions', () => {
  // Words the documents use often that an English question reaches only through the vocabulary.
  const translations = (q: string) => new QueryAnalyzer(new DutchAnalyzer(), loadDomainTerms()).analyze(q).groups.flatMap((g) => g.translations ?? []);
  it.each([
    ['Within what period can a parent lodge an objection?', 'bezwaar'],
    ['Which skills must the professionals have?', 'vaardigheden'],
    ['How are the bids assessed?', 'beoordeeld'],
    ['What is the legal basis for the arrangement?', 'grondslag'],
  ])('%s → %s', (q, nl) => {
    expect(translations(q)).toContain(stem(foldText(nl)));
  });
});
