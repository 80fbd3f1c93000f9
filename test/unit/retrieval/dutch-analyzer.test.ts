import { describe, expect, it } from 'vitest';
import { DutchAnalyzer, foldText, foldedWords, stem } from '../../../src/retrieval/dutch-analyzer.js';
import { QueryAnalyzer } from '../../../src/retrieval/query-analysis.js';
import { stemDutch } from '../../../src/retrieval/dutch-stemmer.js';

describe('stemDutch (Snowball Dutch)', () => {
  it.each([
    ['gemeenten', 'gemeent'],
    ['gemeente', 'gemeent'],
    ['afspraken', 'afsprak'],
    ['afspraak', 'afsprak'],
    ['mogelijkheden', 'mogelijk'],
    ['lichamelijke', 'licham'],
    ['contracten', 'contract'],
    ['maan', 'man'],
    ['kantjes', 'kantjes'],
  ])('%s → %s', (word, expected) => {
    expect(stemDutch(word)).toBe(expected);
  });

  it('gives singular and plural the same stem', () => {
    for (const [a, b] of [['mijlpaal', 'mijlpalen'], ['aanbieder', 'aanbieders'], ['segment', 'segmenten']]) expect(stemDutch(a!)).toBe(stemDutch(b!));
  });
});

describe('folding and tokens', () => {
  it('folds case, diacritics and Jeugdzorg+ / JZ+', () => {
    expect(foldText('Reële Prijs')).toBe('reele prijs');
    expect(foldedWords('Jeugdzorg+ en JZ+ en JeugdzorgPlus')).toEqual(['jeugdzorgplus', 'en', 'jeugdzorgplus', 'en', 'jeugdzorgplus']);
  });

  it('keeps numbers and dates and drops stopwords', () => {
    const terms = new DutchAnalyzer().analyze('Op 13 juni 2019 is de conferentie');
    expect(terms).toEqual(expect.arrayContaining(['13', 'juni', '2019', 'conferentie']));
    expect(terms).not.toContain('op');
    expect(terms).not.toContain('de');
  });

  it('splits footnote numbers glued to words', () => {
    expect(new DutchAnalyzer().analyze('programmaplan1')).toEqual(expect.arrayContaining(['programmaplan', '1']));
  });
});

describe('decompounding against the vocabulary', () => {
  const analyzer = new DutchAnalyzer(['inkoop', 'strategie', 'jeugdhulp', 'jeugd', 'hulp', 'aanbieders', 'samenwerking', 'structuur']);

  it('splits compounds into known words, with linking -s-', () => {
    expect(analyzer.decompound('inkoopstrategie')).toEqual(['inkoop', 'strategie']);
    expect(analyzer.decompound('jeugdhulpaanbieders')).toEqual(['jeugdhulp', 'aanbieders']);
    expect(analyzer.decompound('samenwerkingsstructuur')).toEqual(['samenwerking', 'structuur']);
  });

  it('leaves unknown or short words whole', () => {
    expect(analyzer.decompound('overzicht')).toBeNull();
    expect(analyzer.decompound('inkoop')).toBeNull();
  });

  it('indexes the whole word and its parts, so "inkoop" meets "inkoopstrategie"', () => {
    const terms = analyzer.analyze('inkoopstrategie');
    expect(terms).toContain(analyzer.analyze('inkoop')[0]);
    expect(terms).toContain(analyzer.analyze('strategie')[0]);
    const compound = new Set(analyzer.analyze('jeugdhulpaanbieders'));
    for (const t of analyzer.analyze('aanbieders van jeugdhulp')) expect(compound.has(t)).toBe(true);
  });
});

describe('compound heads', () => {
  it('name what a word is, not every part it contains', () => {
    const analyzer = new DutchAnalyzer(['gemeente', 'raad', 'jeugdhulp', 'regio']);
    expect(analyzer.analyze('gemeenteraad')).toContain(analyzer.analyze('gemeente')[0]);
    expect(analyzer.heads('gemeenteraad')).not.toContain(analyzer.analyze('gemeente')[0]);
    expect(analyzer.heads('gemeenteraad')).toContain(analyzer.analyze('raad')[0]);
    expect(analyzer.heads('jeugdhulpregio')).toContain(analyzer.analyze('regio')[0]);
  });
});

describe('past participles', () => {
  const analyzer = DutchAnalyzer.fromTexts(['evalueren contracteren vaststellen richten']);

  it('meet their infinitive when the documents use it ("geëvalueerd" meets "evalueren")', () => {
    for (const [participle, infinitive] of [['geëvalueerd', 'evalueren'], ['gecontracteerd', 'contracteren'], ['vastgesteld', 'vaststellen'], ['gericht', 'richten']]) {
      expect(analyzer.analyze(participle)).toContain(analyzer.analyze(infinitive)[0]);
    }
  });

  it('leave words alone whose infinitive the documents never use, and short ge- words', () => {
    expect(analyzer.analyze('geïnformeerd')).toEqual(['geinformeerd']);
    expect(DutchAnalyzer.fromTexts(['bieden']).analyze('gebied')).toEqual(['gebied']);
  });
});

describe('cognates', () => {
  const analyzer = DutchAnalyzer.fromTexts(['Het criterium en de criteria staan in het certificaat.', 'Structurele financiering van de certificering.']);

  it('finds the corpus spelling of a word the documents never use', () => {
    expect(analyzer.cognates('criterion')).toContain('criterium');
    expect(analyzer.cognates('certificate')).toEqual(expect.arrayContaining(['certificaat']));
    expect(analyzer.cognates('structural')).toEqual(['structurele']);
  });

  it('finds nothing for short or unrelated words', () => {
    expect(analyzer.cognates('crit')).toEqual([]);
    expect(analyzer.cognates('mandatory')).toEqual([]);
  });

  it('expands an unknown question word with its look-alikes, as a weak translation', () => {
    const q = new QueryAnalyzer(analyzer).analyze('Which criterion applies?');
    const g = q.groups.find((x) => x.source === 'criterion')!;
    expect(g.translations).toContain(stem('criterium'));
    expect(g.terms.get(stem('criterium'))).toBeLessThan(1);
  });
});

describe('English domain terms', () => {
  const analyzer = DutchAnalyzer.fromTexts(['Het aanmeldteam Wonen is ingericht. De opdracht is gegund aan twee aanbieders.']);
  const terms = { terms: [{ en: ['won', 'awarded'], nl: ['gegund'] }] };

  it('translates the English word as typed', () => {
    const g = new QueryAnalyzer(analyzer, terms).analyze('Who won the contract?').groups.find((x) => x.source === 'won')!;
    expect(g.translations).toEqual([stem('gegund')]);
  });

  it('translates an inflected English word through the base form the term list gives', () => {
    const list = { terms: [{ en: ['evaluate'], nl: ['evalueren'] }, { en: ['rule'], nl: ['regel'] }] };
    const qa = new QueryAnalyzer(DutchAnalyzer.fromTexts(['De samenwerking wordt geëvalueerd. De regeling en de regel.']), list);
    expect(qa.analyze('When was the cooperation evaluated?').groups.find((x) => x.source === 'evaluated')!.translations).toContain(stem('evalueren'));
    // A Dutch word of the documents keeps its own form: 'regeling' is not the English '-ing' of 'regel'.
    expect(qa.analyze('Wat staat in de regeling?').groups.find((x) => x.source === 'regeling')!.translations).toBeUndefined();
  });

  it('takes an abbreviation glossed in parentheses as a name, whatever its case', () => {
    const groups = new QueryAnalyzer(analyzer, terms).analyze('Mogen ouders jeugdhulp via een persoonsgebonden budget (pgb) inkopen?').groups;
    expect(groups.find((x) => x.source === 'pgb')!.entity).toBe(true);
    expect(groups.find((x) => x.source === 'budget')!.entity).toBe(false);
  });

  it('does not translate a Dutch word of the documents whose stem collides with the English one', () => {
    expect(stem('wonen')).toBe(stem('won'));
    const g = new QueryAnalyzer(analyzer, terms).analyze('Wie regelt het wonen in segment 2?').groups.find((x) => x.source === 'wonen')!;
    expect(g.translations).toBeUndefined();
    expect([...g.terms.keys()]).toEqual([stem('wonen')]);
  });
});
