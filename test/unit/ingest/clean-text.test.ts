import { describe, expect, it } from 'vitest';
import { cleanLayoutText, joinLines, normaliseCharacters } from '../../../ingest/clean-text.js';
import type { Block } from '../../../ingest/types.js';

const texts = (blocks: Block[]) => blocks.filter((b) => b.kind !== 'table').map((b) => (b as { text: string }).text);

describe('cleanLayoutText', () => {
  it('joins lines broken mid-sentence in double-spaced PDF text and keeps real paragraph breaks', () => {
    const raw = [
      'De ambitie van de regio is om het verschil te maken voor gezinnen en jeugdigen door goede zorg te bieden ',
      '',
      'die aansluit bij de behoeften van jeugdigen, ouders en gezin. Zorg die bovendien ook betaalbaar moet zijn voor de ',
      '',
      'gemeenten in de regio.',
      '',
      ' ',
      '',
      'Een tweede alinea begint hier en loopt door over een regel die lang genoeg is om af te breken in de ',
      '',
      'tekst van het document.',
      '',
      'Korte regel zonder punt aan het eind die ook lang genoeg moet zijn om mee te tellen als ',
      '',
      'een afgebroken regel in de telling.',
      '',
    ].join('\n');
    const blocks = cleanLayoutText([raw.repeat(2)], { paged: false });
    const paragraphs = texts(blocks);
    expect(paragraphs[0]).toBe(
      'De ambitie van de regio is om het verschil te maken voor gezinnen en jeugdigen door goede zorg te bieden die aansluit bij de behoeften van jeugdigen, ouders en gezin. Zorg die bovendien ook betaalbaar moet zijn voor de gemeenten in de regio.',
    );
    expect(paragraphs[1]).toMatch(/^Een tweede alinea begint hier/);
    expect(blocks.every((b) => b.page === null)).toBe(true);
  });

  it('keeps real hyphens at line ends ("bi-regionale") and removes line-break hyphenation only with evidence', () => {
    const vocab = new Set(['jeugdhulpaanbieders']);
    expect(joinLines('de bi-', 'regionale samenwerking', vocab)).toBe('de bi-regionale samenwerking');
    expect(joinLines('regionale jeugdhulp-', 'aanbieders en gemeenten', vocab)).toBe('regionale jeugdhulpaanbieders en gemeenten');
    expect(joinLines('de Kennisdeel-', 'en uitwisselingsfunctie', vocab)).toBe('de Kennisdeel- en uitwisselingsfunctie');
    expect(joinLines('eind van de', 'regel', vocab)).toBe('eind van de regel');
  });

  it('replaces non-breaking spaces, drops soft hyphens and zero-width characters', () => {
    expect(normaliseCharacters('10\u00A0juni\u00A02020 jeugd\u00ADhulp\u200B')).toBe('10 juni 2020 jeugdhulp');
  });

  it('removes running headers, footers and bare page numbers from paged text, and numbers pages', () => {
    const page = (n: number, body: string) => `Gemeente Voorbeeld – Jaarverslag 2024\n${body}\nPagina ${n} van 4`;
    const pages = [
      page(1, 'Het college heeft besloten de regeling te verlengen.'),
      page(2, 'De raad stemt in met het voorstel over de inkoop.'),
      page(3, 'Aanbieders worden tijdig geïnformeerd over de wijziging.'),
      page(4, 'De evaluatie volgt in het najaar van 2025.'),
    ];
    const blocks = cleanLayoutText(pages, { paged: true });
    const all = texts(blocks).join(' ');
    expect(all).not.toMatch(/Jaarverslag|Pagina/);
    const raad = blocks.find((b) => 'text' in b && b.text.includes('De raad stemt in'));
    expect(raad?.page).toBe(2);
  });

  it('removes footnote numbers glued to words or years only when the footnote itself is found', () => {
    const raw = [
      'Er is een programmaplan1 dat de belangrijkste thema’s benoemt.',
      'De strategie is vastgesteld2.',
      '1 Verwijzing naar programmaplan online',
      '2 Verwijzing naar inkoopstrategie online',
      'De uitwerking staat in de inkoopstrategie 2022 – 20273.',
      '3 Deze kunt u vinden op de website.',
      'Het DVO21 overleg blijft bestaan en artikel 2 geldt.',
    ].join('\n\n');
    const all = texts(cleanLayoutText([raw], { paged: false })).join('\n');
    expect(all).toContain('Er is een programmaplan dat de belangrijkste thema’s benoemt.');
    expect(all).toContain('De strategie is vastgesteld.');
    expect(all).toContain('inkoopstrategie 2022 – 2027.');
    // No footnote 21 exists, so "DVO21" is a name and stays.
    expect(all).toContain('Het DVO21 overleg');
    // Footnote texts are kept, after the running text.
    expect(all.indexOf('Verwijzing naar programmaplan online')).toBeGreaterThan(all.indexOf('DVO21'));
  });

  it('recognises numbered and named headings but not list items or wrapped sentences', () => {
    const raw = [
      '1 Inleiding',
      'Dit is de inleiding van het document.',
      '1.1 Achtergrond',
      'De achtergrond volgt hier.',
      '1. Eerste punt van een lijst.',
      '2. Tweede punt van een lijst.',
      'Mijlpaal 3: Inkoopstrategie Verblijf en HSB',
      'Aanleiding',
      'De aanleiding is tweeledig.',
    ].join('\n\n');
    const blocks = cleanLayoutText([raw], { paged: false });
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
    expect(headings).toEqual(['1 Inleiding', '1.1 Achtergrond', 'Mijlpaal 3: Inkoopstrategie Verblijf en HSB', 'Aanleiding']);
    expect(blocks.filter((b) => b.kind === 'list-item')).toHaveLength(2);
  });
});
