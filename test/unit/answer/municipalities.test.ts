import { describe, expect, it } from 'vitest';
import { asksForMunicipality, municipalitiesIn, namesAskedMunicipality } from '../../../src/answer/municipalities.js';

describe('municipality names', () => {
  it('are found with their own spelling, and only as names', () => {
    expect(municipalitiesIn('De gemeente ‘s-Hertogenbosch is als centrumgemeente aangewezen.')).toEqual(["'s-Hertogenbosch"]);
    expect(municipalitiesIn('Gemeente Gorinchem zegt hierover: het is vreemd.')).toEqual(['Gorinchem']);
    expect(municipalitiesIn('De gemeenten Best en Geldrop-Mierlo doen mee.')).toEqual(['Best', 'Geldrop-Mierlo']);
    // 'best' is a word, 'Helmond-Peel' is not Helmond, 'Open House' no municipality.
    expect(municipalitiesIn('Wij doen ons best in de Helmond-Peel regio met de Open House-procedure.')).toEqual([]);
  });

  it('tell the questions that ask for a municipality', () => {
    expect(asksForMunicipality('Welke gemeente is centrumgemeente in Noord-Oost Brabant?')).toBe(true);
    expect(asksForMunicipality('Which municipalities were going to form the new region?')).toBe(true);
    expect(asksForMunicipality('Wie is de centrumgemeente voor Zuid-Limburg?')).toBe(true);
    expect(asksForMunicipality('Hoeveel gemeenten werken samen?')).toBe(false);
  });

  it('want a municipality the question does not already name', () => {
    const q = 'Welke gemeente vroeg naast Helmond om toetreding?';
    expect(namesAskedMunicipality(q, ['Helmond en de Peelgemeenten stelden het plan vast.'])).toBe(false);
    expect(namesAskedMunicipality(q, ['Toen heeft de gemeente Veldhoven zich gemeld.'])).toBe(true);
    expect(namesAskedMunicipality('Wat is het doel van het plan?', ['Geen naam.'])).toBeUndefined();
  });
});
