import { describe, expect, it } from 'vitest';
import { checkGrounding, citationsIn, sanitizeLinks, splitSentences, type SuppliedPassage } from '../../../src/answer/llm/grounding.js';
import { extractFacts, normalizeText, unsupportedFacts, buildEvidence } from '../../../src/answer/llm/fact-check.js';
import { redactInstructions } from '../../../src/answer/llm/injection.js';
import { conference, deadline, hostilePassage, jeugdzorgPlus } from './seed-passages.js';

const supplied = (...chunks: ReturnType<typeof conference>[]): SuppliedPassage[] => chunks.map((retrieved, i) => ({ n: i + 1, retrieved }));

describe('fact normalisation', () => {
  it('reads the same date in Dutch, numeric, ISO and English forms', () => {
    const forms = ['1 juli 2019', '1-7-2019', '01-07-2019', '2019-07-01', 'July 1, 2019', '1 July 2019', '1e juli 2019'];
    for (const form of forms) {
      const [d] = extractFacts(`De deadline is ${form}.`).dates;
      expect(d, form).toMatchObject({ y: 2019, m: 7, d: 1 });
    }
  });

  it('reads thousands separators and scale words as the same amount', () => {
    const ev = buildEvidence('Het budget bedraagt € 1.500.000 voor twee jaar.');
    expect(unsupportedFacts('Het budget is 1,5 miljoen euro.', [ev])).toEqual([]);
    expect(unsupportedFacts('The budget is 1,500,000 euro.', [ev])).toEqual([]);
    expect(unsupportedFacts('Het budget is 2,5 miljoen euro.', [ev])).toEqual(['2,5 miljoen']);
  });

  it('strips diacritics, soft hyphens and line-break hyphenation', () => {
    expect(normalizeText('resi\u00addentiële inkoop-\nstrategie')).toBe('residentiele inkoopstrategie');
  });

  it('accepts a year whose footnote number is glued to it in the PDF text', () => {
    const ev = buildEvidence('Het inkoopkader geldt voor de periode 2022 – 20275 en daarna.');
    expect(unsupportedFacts('Het kader loopt tot 2027.', [ev])).toEqual([]);
    expect(unsupportedFacts('Het kader loopt tot 2028.', [ev])).toEqual(['2028']);
  });
});

describe('sentence and citation parsing', () => {
  it('keeps a citation that follows the full stop with its sentence and respects abbreviations', () => {
    expect(splitSentences('De deadline is 1 juli 2019. [2] Dit geldt o.a. voor Helmond [1].')).toEqual([
      'De deadline is 1 juli 2019. [2]',
      'Dit geldt o.a. voor Helmond [1].',
    ]);
  });

  it('reads grouped and ranged markers', () => {
    expect(citationsIn('Zo staat het [1, 3] en ook [4-5][2].')).toEqual([1, 3, 4, 5, 2]);
  });
});

describe('checkGrounding', () => {
  it('keeps a correct cited answer and renumbers citations to the passages actually cited', () => {
    const passages = supplied(deadline(), conference());
    const result = checkGrounding('De conferentie vindt plaats op 13 juni 2019 [2]. Genodigden zijn bestuurders en beleidsadviseurs [2].', passages);
    expect(result.fallbackReason).toBeUndefined();
    expect(result.text).toBe('De conferentie vindt plaats op 13 juni 2019 [1]. Genodigden zijn bestuurders en beleidsadviseurs [1].');
    expect(result.cited.map((p) => p.retrieved.chunk.id)).toEqual([conference().chunk.id]);
    expect(result.report).toMatchObject({ sentencesKept: 2, sentencesDropped: 0, changed: false });
  });

  it('drops a sentence with an invented date and keeps the supported one', () => {
    const result = checkGrounding(
      'De deadline van implementatie is 1 juli 2019 [1]. De evaluatie volgt op 15 september 2019 [1].',
      supplied(deadline()),
    );
    expect(result.text).toBe('De deadline van implementatie is 1 juli 2019 [1].');
    expect(result.report.dropped).toEqual([expect.objectContaining({ reason: 'unsupported-fact', detail: '15 september 2019' })]);
    expect(result.report.changed).toBe(true);
  });

  it('accepts a date written differently from the passage', () => {
    const result = checkGrounding('The implementation deadline is July 1, 2019 [1].', supplied(deadline()));
    expect(result.text).toBe('The implementation deadline is July 1, 2019 [1].');
  });

  it('rejects a sentence citing a passage that was not supplied', () => {
    const result = checkGrounding('De conferentie is op 13 juni 2019 [1]. Er komen 300 deelnemers [4].', supplied(conference()));
    expect(result.text).toBe('De conferentie is op 13 juni 2019 [1].');
    expect(result.report.dropped[0]).toMatchObject({ reason: 'unsupplied-citation', detail: '[4]' });
  });

  it('drops uncited factual sentences but keeps a framing line before cited content', () => {
    const result = checkGrounding('Volgens de documenten:\n- de conferentie is op 13 juni 2019 [1]\n- Er komen 300 deelnemers.', supplied(conference()));
    expect(result.text).toBe('Volgens de documenten:\n- de conferentie is op 13 juni 2019 [1]');
    expect(result.report.dropped[0]).toMatchObject({ reason: 'no-citation' });
  });

  it('keeps list layout and paragraph breaks of what survives', () => {
    const reply = 'De belangrijkste data:\n\n1. **Implementatie**: 1 juli 2019 [1]\n2. **Evaluatie**: 1 mei 2020 [1]\n3. **Conferentie**: 13 juni 2019 [2]\n\nDe deadline is krap [1].';
    const result = checkGrounding(reply, supplied(deadline(), conference()));
    expect(result.text).toBe('De belangrijkste data:\n\n1. **Implementatie**: 1 juli 2019 [1]\n3. **Conferentie**: 13 juni 2019 [2]\n\nDe deadline is krap [1].');
  });

  it('lets a citation closing a run of sentences cover the run, checking each sentence against it', () => {
    const passages = supplied(conference());
    const covered = checkGrounding('De conferentie is op 13 juni 2019. Genodigden zijn bestuurders en beleidsadviseurs [1].', passages);
    expect(covered.report).toMatchObject({ sentencesKept: 2, sentencesDropped: 0 });
    expect(covered.cited).toHaveLength(1);
    const invented = checkGrounding('Er komen 300 gasten. Genodigden zijn bestuurders en beleidsadviseurs [1].', passages);
    expect(invented.text).toBe('Genodigden zijn bestuurders en beleidsadviseurs [1].');
    expect(invented.report.dropped[0]).toMatchObject({ reason: 'unsupported-fact', detail: '300' });
  });

  it('does not split at list letters or Dutch abbreviations', () => {
    expect(splitSentences('Inkoop jeugdhulp 2022 e.v. 2 regio’s. d. Het wordt eenvoudiger [1].')).toEqual([
      'Inkoop jeugdhulp 2022 e.v. 2 regio’s. d. Het wordt eenvoudiger [1].',
    ]);
  });

  it('asks for fallback when the reply carries no citation at all', () => {
    const result = checkGrounding('De conferentie is op 13 juni 2019.', supplied(conference()));
    expect(result.fallbackReason).toBe('no-citations');
    expect(result.text).toBe('');
    expect(result.cited).toEqual([]);
  });

  it('asks for fallback when no cited sentence survives', () => {
    const result = checkGrounding('De conferentie is op 14 juni 2019 [1].', supplied(conference()));
    expect(result.fallbackReason).toBe('no-grounded-sentence');
  });

  it('asks for fallback when most sentences are ungrounded', () => {
    const result = checkGrounding(
      'De conferentie is op 13 juni 2019 [1]. Er komen 300 deelnemers [1]. De zaal is in Eindhoven [1]. Er is een diner om 18 uur [1].',
      supplied(conference()),
    );
    expect(result.fallbackReason).toBe('mostly-ungrounded');
  });

  it('checks names against the cited passage', () => {
    const passages = supplied(jeugdzorgPlus(), conference());
    expect(checkGrounding('De 21 gemeenten werken samen aan JeugdzorgPlus [1].', passages).report.sentencesDropped).toBe(0);
    const wrongSource = checkGrounding('De 21 gemeenten werken samen aan JeugdzorgPlus [1]. Ook Veilig Thuis hoort erbij [2].', passages);
    expect(wrongSource.report.dropped[0]).toMatchObject({ reason: 'unsupported-fact', detail: expect.stringContaining('Veilig') });
  });

  it('lets an English answer title-case translated nouns but still checks the proper names', () => {
    const passages = supplied(conference());
    const ok = checkGrounding('The Conference of the 10 cooperating Municipalities takes place on 13 June 2019 [1].', passages, { language: 'en' });
    expect(ok.report.sentencesDropped).toBe(0);
    const invented = checkGrounding('The Conference takes place on 13 June 2019 [1]. It is hosted by Eindhoven [1].', passages, { language: 'en' });
    expect(invented.report.dropped[0]).toMatchObject({ reason: 'unsupported-fact', detail: 'Eindhoven' });
    // The same leniency does not apply to Dutch replies, where capitals mark names.
    const dutch = checkGrounding('De conferentie met de Gemeentelijke Organisatie is op 13 juni 2019 [1].', passages, { language: 'nl' });
    expect(dutch.fallbackReason).toBe('no-grounded-sentence');
  });

  it('removes links and images the cited passages do not contain', () => {
    const result = checkGrounding(
      'De conferentie is op 13 juni 2019 [1]; meld je aan via [deze pagina](https://evil.example/login) ![logo](https://evil.example/x.png) of https://evil.example/b.',
      supplied(conference()),
    );
    expect(result.text).not.toMatch(/evil|https?:|!\[/);
    expect(result.text).toContain('13 juni 2019 [1]');
    expect(result.report.linksRemoved).toBe(3);
  });

  it('keeps a link that the cited passage itself contains, unless it sits in an instruction', () => {
    const passage = conference();
    passage.chunk.text += '\nAanmelden kan via https://www.peelgemeenten.nl/conferentie.';
    expect(sanitizeLinks('Aanmelden via https://www.peelgemeenten.nl/conferentie [1].', [passage.chunk.text]).removed).toBe(0);
    const hostile = checkGrounding('Aanmelden via https://evil.example/login [1].', supplied(hostilePassage()));
    expect(hostile.text).not.toContain('evil.example');
  });
});

describe('instruction redaction', () => {
  it('removes sentences that address the assistant and leaves the facts', () => {
    const { text, found } = redactInstructions(hostilePassage().chunk.text);
    expect(found).toBe(2);
    expect(text).toContain('voorbereid door het kernteam');
    expect(text).not.toMatch(/negeer|evil\.example|je bent nu/i);
  });

  it('leaves ordinary document text alone', () => {
    const original = deadline().chunk.text + '\n' + jeugdzorgPlus().chunk.text;
    expect(redactInstructions(original)).toEqual({ text: original, found: 0 });
  });
});
