import { describe, expect, it } from 'vitest';
import { cohesiveNeighbours, goesOnAbout, isShortLeadIn, leansOnPrevious } from '../../../src/answer/cohesion.js';

const units = (...texts: string[]) => texts.map((text, index) => ({ index, text, heading: /^\d+\.\d/.test(text) }));

describe('cohesion of quoted sentences', () => {
  it('recognises a sentence that goes on about the one before with an early "daarbij"', () => {
    expect(goesOnAbout('Het gaat daarbij om de inkoop van Jeugdbescherming en Veilig Thuis.')).toBe(true);
    expect(goesOnAbout('Daarom zijn er tarieven vastgesteld.')).toBe(true);
    expect(goesOnAbout('De gemeenten werken samen in de regio en letten daarbij op de kosten.')).toBe(false);
  });

  it('recognises sentences that lean on the one before', () => {
    expect(leansOnPrevious('Daarin onderscheiden we 3 stromen:')).toBe(true);
    expect(leansOnPrevious('Daarom zijn er voor 2018 individuele tarieven vastgesteld.')).toBe(true);
    expect(leansOnPrevious('Dit kunt doen door een email te sturen naar info@justid.nl.')).toBe(true);
    expect(leansOnPrevious('Hierdoor ontstaat ruimte.')).toBe(true);
    // A word that merely starts like one ('Dienst', 'Directie', 'Ookmerk') leans on nothing.
    expect(leansOnPrevious('Dienst Gezondheid & Jeugd stelt het kader vast.')).toBe(false);
    expect(leansOnPrevious('De NvO bestaat uit acht afspraken.')).toBe(false);
  });

  it('recognises a preposition with a demonstrative as pointing back, unless it names the document', () => {
    expect(leansOnPrevious('In die periode is voor elke regio bepaald of er een regiovisie is opgesteld.')).toBe(true);
    expect(leansOnPrevious('Op dat moment heeft de gemeente zich gemeld.')).toBe(true);
    expect(leansOnPrevious('During that time every region was assessed.')).toBe(true);
    expect(leansOnPrevious('In deze brief informeren wij u over de inkoop.')).toBe(false);
    expect(leansOnPrevious('In dit hoofdstuk beschrijven we de schaalniveaus.')).toBe(false);
    expect(leansOnPrevious('In december is het kader vastgesteld.')).toBe(false);
  });

  it('treats a short clause as a lead-in, not a list item or a long sentence', () => {
    expect(isShortLeadIn('Over de motie is hoofdelijk gestemd.')).toBe(true);
    expect(isShortLeadIn('- Schaal: schaarste van het aanbod.')).toBe(false);
    expect(isShortLeadIn('Het Algemeen Bestuur heeft op 10 december 2020 het inkoopkader jeugdhulp vastgesteld, na de zienswijzen.')).toBe(false);
  });

  it('takes the next sentence when it goes on about the quoted one', () => {
    const u = units('Binnen onze regio hanteren wij een differentiatie in de bekostiging.', 'Daarin onderscheiden we 3 stromen:', 'Lumpsum voor systeemaanbieders.');
    expect(cohesiveNeighbours(u, 0).map((x) => x.text)).toEqual(['Daarin onderscheiden we 3 stromen:']);
  });

  it('takes the previous sentence when the quoted one points back to it', () => {
    const u = units('Het bleek moeilijk om uniforme tarieven voor verblijf vast te stellen.', 'Daarom zijn er voor 2018 individuele tarieven vastgesteld.', 'De gemeenten kopen samen in.');
    expect(cohesiveNeighbours(u, 1).map((x) => x.text)).toEqual(['Het bleek moeilijk om uniforme tarieven voor verblijf vast te stellen.']);
  });

  it('leaves a sentence that stands on its own alone, and never takes a heading as context', () => {
    const u = units('De NvO is op 10 juni 2020 vastgesteld.', 'De regio telt tien gemeenten.');
    expect(cohesiveNeighbours(u, 0)).toEqual([]);
    const h = units('5.3 Schaalniveaus', 'Deze tabel geeft de schaal per functie.');
    expect(cohesiveNeighbours(h, 1)).toEqual([]);
  });

  it('respects the room left for the answer', () => {
    const u = units('Over de motie is hoofdelijk gestemd.', 'De motie is aangenomen met 16 stemmen voor en 14 stemmen tegen.');
    expect(cohesiveNeighbours(u, 0).map((x) => x.index)).toEqual([1]);
    expect(cohesiveNeighbours(u, 0, 20)).toEqual([]);
  });
});
