import { describe, expect, it } from 'vitest';
import { extractMilestones, extractMilestonesFromChunk } from '../../../src/milestones/extract-milestones.js';
import { findDates, parseDueDate } from '../../../src/milestones/dutch-dates.js';
import type { Chunk, DocumentMeta } from '../../../src/core/types.js';
import { loadSeedCorpus } from './seed-corpus.js';

const found = extractMilestones(loadSeedCorpus());
const byQuote = (part: string) => found.filter((m) => m.source.quote.includes(part));

describe('Dutch date phrases', () => {
  it('maps days, months and fuzzy periods to a due day by the documented rule', () => {
    const one = (text: string, ref = '2019-02') => {
      const [m] = findDates(text, ref);
      return m && [m.date, m.precision, m.text];
    };
    expect(one('voor 1 juli 2019')).toEqual(['2019-07-01', 'day', '1 juli 2019']);
    expect(one('Medio 2019 dient')).toEqual(['2019-07-01', 'half', 'Medio 2019']);
    expect(one('uiterlijk eind april aan')).toEqual(['2019-04-30', 'month', 'eind april']);
    expect(one('eind april', '2019-06')).toEqual(['2020-04-30', 'month', 'eind april']);
    expect(one('Uiterlijk oktober 2021')).toEqual(['2021-10-31', 'month', 'oktober 2021']);
    expect(one('in Q3 2020')).toEqual(['2020-09-30', 'quarter', 'Q3 2020']);
    expect(one('in Q1', '2019-06')).toEqual(['2020-03-31', 'quarter', 'Q1']);
    expect(one('het derde kwartaal van 2020')).toEqual(['2020-09-30', 'quarter', 'derde kwartaal van 2020']);
    expect(one('dit najaar', '2018-05')).toEqual(['2018-11-30', 'period', 'dit najaar']);
    expect(one('najaar 2019')).toEqual(['2019-11-30', 'period', 'najaar 2019']);
    expect(one('in de eerste helft van 2020')).toEqual(['2020-06-30', 'half', 'eerste helft van 2020']);
    expect(one('medio juni 2020')).toEqual(['2020-06-15', 'month', 'medio juni 2020']);
    expect(one('Januari 2021 – februari 2022')).toEqual(['2022-02-28', 'period', 'Januari 2021 – februari 2022']);
    expect(one('per 1-1-2020')).toEqual(['2020-01-01', 'day', '1-1-2020']);
    expect(one('in 2016 is het werkplan opgesteld')).toBeUndefined();
    expect(one('31 februari 2020')).toBeUndefined();
  });

  it('parses dates typed in commands', () => {
    expect(parseDueDate('2027-03-01', '2026-11-25')).toEqual({ date: '2027-03-01', precision: 'day', text: '2027-03-01' });
    expect(parseDueDate('1 maart 2027', '2026-11-25')?.date).toBe('2027-03-01');
    expect(parseDueDate('eind maart', '2026-11-25')?.date).toBe('2027-03-31');
    expect(parseDueDate('March 1 2027', '2026-11-25')).toBeUndefined();
    expect(parseDueDate('gisteren', '2026-11-25')).toBeUndefined();
    expect(parseDueDate('2027-02-30', '2026-11-25')).toBeUndefined();
  });
});

describe('milestone extraction on the seed documents', () => {
  it('finds the Verblijf en HSB strategy due medio 2019 with its citation', () => {
    const [m] = byQuote('Medio 2019 dient de concrete inkoopstrategie voor Verblijf en HSB klaar te liggen');
    expect(m).toBeDefined();
    expect(m!.due).toEqual({ date: '2019-07-01', precision: 'half', text: 'Medio 2019' });
    expect(m!.source.doc).toBe('nieuwsbrief-inkoopsamenwerking-2019');
    expect(m!.source.section).toContain('Mijlpaal 3');
  });

  it('finds the dated commitments of the 2019 newsletter', () => {
    const dates = (part: string) => byQuote(part).map((m) => m.due.date);
    expect(dates('de deadline van implementatie op 1 juli 2019')).toEqual(['2019-07-01']);
    expect(dates('Op 13 juni 2019 organiseren we')).toEqual(['2019-06-13']);
    expect(dates('zodat uiterlijk per 1 januari 2020 contracten gesloten zijn')).toEqual(['2020-01-01']);
    expect(dates('Voor 1 juli 2019 stellen GR Peelgemeenten')).toEqual(['2019-07-01']);
    expect(byQuote('Voor 1 juli 2019 stellen')[0]!.source.section).toContain('Mijlpaal 1');
    expect(byQuote('uiterlijk eind april')[0]!.due).toEqual({ date: '2019-04-30', precision: 'month', text: 'eind april' });
  });

  it('finds the decision of 20 December 2018 once, and the NvO timeline table rows', () => {
    const dec = found.filter((m) => m.due.date === '2018-12-20');
    expect(dec).toHaveLength(1);
    expect(dec[0]!.source.quote).toContain('Op 20 december 2018 besluiten de regionale bestuurders');
    const nvo = found.filter((m) => m.source.doc === 'nvo-een-10-voor-de-jeugd-2021');
    const row = nvo.find((m) => m.due.date === '2021-11-05');
    expect(row?.via).toBe('table');
    expect(row?.title).toBe('Bestuurlijke vaststelling van de NvO door Bestuurlijk Platform 10vdJ');
    expect(nvo.find((m) => m.title === 'Schrijven van NvO')?.due).toEqual({ date: '2021-10-31', precision: 'month', text: 'oktober 2021' });
  });

  it('takes no past facts, dates before the document, citations or letterhead dates', () => {
    const quotes = found.map((m) => m.source.quote).join('\n');
    expect(quotes).not.toContain('In 2016 is een meerjarig regionaal werkplan');
    expect(quotes).not.toContain('Per 1 januari 2018 wordt gewerkt'); // before the newsletter's date
    expect(quotes).not.toContain('Medio 2018 heeft er een heroverweging'); // past
    expect(quotes).not.toContain('in definitieve vorm opgeleverd'); // February 2019, told in the past
    expect(quotes).not.toContain('Op 24 september 2020 heeft het Algemeen Bestuur');
    expect(quotes).not.toContain('De gestelde deadline van 1 juli 2019 is ook'); // a restatement
    expect(found.every((m) => m.due.date >= '2018-01-01')).toBe(true);
    expect(found.some((m) => m.due.date === '2020-12-17')).toBe(false); // the letter's own date line
  });

  it('rejects the text patterns that are not deadlines, in isolation', () => {
    const doc: DocumentMeta = { id: 'test', path: '/x', file: 'x.txt', title: 'Test', date: '2026-01', sha256: '' };
    const take = (text: string) => extractMilestonesFromChunk({ id: 'test#0', docId: 'test', ordinal: 0, text, section: 'S', page: 3 } as Chunk, doc).map((m) => m.due.date);
    expect(take('In 2016 is een meerjarig regionaal werkplan opgesteld.')).toEqual([]);
    expect(take('In maart 2026 is het werkplan door de colleges vastgesteld.')).toEqual([]);
    expect(take('De begroting 2027 gaat uit van een tekort.')).toEqual([]);
    expect(take('Op grond van de wet van 1 maart 2027 (Stb. 2026, 12) geldt dit.')).toEqual([]);
    expect(take('Vanaf 1 maart 2027 werken we met het nieuwe model.')).toEqual([]);
    expect(take('Het bestuur besloot in april 2026 de opdracht te verlenen.')).toEqual([]);
    expect(take('Uiterlijk 1 maart 2027 moet het programma van eisen gereed zijn.')).toEqual(['2027-03-01']);
    expect(take('Mijlpaal 2: governance vastgesteld voor 1 juli 2026.')).toEqual(['2026-07-01']);
    const [m] = extractMilestonesFromChunk({ id: 'test#0', docId: 'test', ordinal: 0, text: 'In Q3 2026 organiseren we de marktconsultatie.', section: '4.2 Planning', page: 7 }, doc);
    expect(m?.source).toMatchObject({ doc: 'test', section: '4.2 Planning', page: 7, quote: 'In Q3 2026 organiseren we de marktconsultatie.' });
    expect(m?.due).toEqual({ date: '2026-09-30', precision: 'quarter', text: 'Q3 2026' });
  });
});
