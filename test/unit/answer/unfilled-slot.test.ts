import { describe, expect, it } from 'vitest';
import { askedCount, repeatsAskedCount } from '../../../src/answer/unfilled-slot.js';

describe('an answer that only repeats the count the question gives', () => {
  it('finds the count a question asks to be named', () => {
    expect(askedCount('Welke twee aanbieders dienden in juli 2022 een klacht in?')).toBe(2);
    expect(askedCount('What were the three funding scenarios weighed in chapter 2?')).toBe(3);
    expect(askedCount('Which two teams have been set up at regional level?')).toBe(2);
    // Up to twelve in words, and in digits.
    expect(askedCount('Which twelve municipalities make up the region?')).toBe(12);
    expect(askedCount('Welke 10 gemeenten werken samen?')).toBe(10);
    expect(askedCount('Welke 1 aanbieder?')).toBeUndefined();
    // The count is part of a title, and a name is asked; or no count is given at all.
    expect(askedCount("Who published 'the seven good habits of procurement'?")).toBeUndefined();
    expect(askedCount('Welke aandachtspunten zijn door vier of meer gemeenten genoemd?')).toBeUndefined();
  });

  it('is found when the quoted sentence names none of the counted items', () => {
    const q = 'Welke twee aanbieders dienden in juli 2022 een klacht in over de aanbesteding?';
    expect(repeatsAskedCount(q, ['Op 12 juli 2022 hebben twee aanbieders een klacht ingediend bij de aanbestedende dienst.'])).toBe(true);
    expect(repeatsAskedCount('Which twelve municipalities make up the Holland Rijnland region?', ['In de jeugdhulpregio Holland Rijnland werken twaalf gemeenten samen.'])).toBe(true);
    expect(repeatsAskedCount('Which two youth care regions in Midden-Limburg are being merged?', ['Zo worden twee bestaande jeugdzorgregio’s in Midden-Limburg samengevoegd.'])).toBe(true);
  });

  it('is not found when the items are named, listed or announced', () => {
    const q = 'Which two teams have been set up at regional level for segment 1 and segment 2?';
    expect(repeatsAskedCount(q, ['Op regionaal niveau zijn twee teams ingericht: het Regionaal Matchingsteam en het Aanmeldteam Wonen.'])).toBe(false);
    expect(repeatsAskedCount(q, ['Er zijn twee teams ingericht, het Matchingsteam en het Aanmeldteam.'])).toBe(false);
    expect(repeatsAskedCount('Welke vier instrumenten heeft de gemeente?', ['De gemeente beschikt over vier instrumenten', '- het bekostigingsmodel', '- de contractvorm'])).toBe(false);
    // A sentence that never repeats the count may well name the items.
    expect(repeatsAskedCount(q, ['Op regionaal niveau is het Regionaal Matchingsteam Hoog Complex en het aanmeldteam Wonen ingericht.'])).toBe(false);
  });
});
