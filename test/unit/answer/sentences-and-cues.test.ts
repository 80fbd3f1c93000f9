import { describe, expect, it } from 'vitest';
import { splitSentences, splitTableRows, splitTableUnits } from '../../../src/answer/sentences.js';
import { answersContactDetail, answersHowLong, endsBeforeAskedYear, spellsOut, spellsOutAsked, asksForAmount, hasAmount, namesAskedBody, questionType, typeCue } from '../../../src/answer/question-type.js';

describe('splitSentences', () => {
  it('does not break after initials or titles', () => {
    const s = splitSentences('Tot voorzitter wordt benoemd drs. M. Sint, te Amsterdam. De taak is tijdelijk.');
    expect(s).toEqual(['Tot voorzitter wordt benoemd drs. M. Sint, te Amsterdam.', 'De taak is tijdelijk.']);
  });
});

describe('splitSentences on line structure', () => {
  it('ends a sentence at a blank line, so a letterhead is not glued to the first sentence', () => {
    const parts = splitSentences('Uw kenmerk Ons kenmerk Datum UIT/2004501 17 december 2020\n\nOp 24 september 2020 heeft het bestuur besloten.');
    expect(parts).toEqual(['Uw kenmerk Ons kenmerk Datum UIT/2004501 17 december 2020', 'Op 24 september 2020 heeft het bestuur besloten.']);
  });

  it('keeps a paragraph ending in a comma with the next one, and splits dash items', () => {
    expect(splitSentences('De secretaris, De voorzitter,\n\nC. Vermeer H. van der Linden')).toEqual(['De secretaris, De voorzitter, C. Vermeer H. van der Linden']);
    const items = splitSentences('Overwegende dat\n- zij hebben samengewerkt in de regeling;\n- de gemeente Oss als centrumgemeente is aangewezen;');
    expect(items).toHaveLength(3);
    expect(items[2]).toMatch(/^- de gemeente Oss/);
  });
});

describe('splitTableRows', () => {
  const table = [
    'Thema  Beleid  Inkoop  Leveranciersmanagement',
    'JeugdzorgPlus',
    'Bi-regionaal (ZOB)',
    'Bovenregionaal',
    '(Landsdeel',
    'Zuidoost), Roermond',
    'is penvoerder',
    'Verslavingszorg  Regionaal  Regionaal (via',
    'maatwerkcontracten',
    'Regionaal',
    'Langdurig wonen  Regionaal  Regionaal  Regionaal',
  ].join('\n');

  it('keeps each row together with the column headers', () => {
    const rows = splitTableRows(table)!;
    expect(rows).toHaveLength(3);
    // Two value cells for three columns: which is which cannot be told, so the row stays as extracted.
    expect(rows[0]).toMatch(/^Thema \| Beleid \| Inkoop \| Leveranciersmanagement: JeugdzorgPlus .*Roermond is penvoerder$/);
    // Cells told apart by runs of spaces and by lines opening with a value word: cell by cell.
    expect(rows[1]).toBe('Verslavingszorg — Beleid: Regionaal; Inkoop: Regionaal (via maatwerkcontracten; Leveranciersmanagement: Regionaal');
    expect(rows[2]).toBe('Langdurig wonen — Beleid: Regionaal; Inkoop: Regionaal; Leveranciersmanagement: Regionaal');
  });

  it('finds a table after prose, with a single-spaced header, and keeps cells broken after a linking word', () => {
    const text = [
      'Het gaat om specialistische jeugdhulp in de regio.',
      'Thema Beleid Inkoop Leveranciersmanagement',
      'Veilig Thuis  Bi-regionaal (ZOB)  Bi-regionaal (ZOB),',
      'inkoop door',
      'Eindhoven, samen met Helmond',
      'Bi-regionaal (ZOB), bij',
      'Eindhoven belegd',
      'Jeugdbescherming',
      'Bi-regionaal (ZOB)',
    ].join('\n');
    const units = splitTableUnits(text)!;
    expect(units[0]).toEqual({ text: 'Het gaat om specialistische jeugdhulp in de regio.' });
    expect(units).toHaveLength(3);
    expect(units[1]!.rowLabel).toBe('Veilig Thuis');
    expect(units[1]!.text).toBe(
      'Veilig Thuis — Beleid: Bi-regionaal (ZOB); Inkoop: Bi-regionaal (ZOB), inkoop door Eindhoven, samen met Helmond; Leveranciersmanagement: Bi-regionaal (ZOB), bij Eindhoven belegd',
    );
    expect(units[2]!.rowLabel).toBe('Jeugdbescherming');
  });

  it('joins a value word broken at its hyphen, and does not take the second half for a new cell', () => {
    const rows = splitTableRows(['Thema  Beleid  Inkoop  Leveranciersmanagement', 'Crisis', 'Bi-regionaal (ZOB)  Regionale inkoop, bi-', 'regionale', 'afstemming', 'Regionaal en bi-regionaal'].join('\n'))!;
    expect(rows).toEqual(['Crisis — Beleid: Bi-regionaal (ZOB); Inkoop: Regionale inkoop, bi-regionale afstemming; Leveranciersmanagement: Regionaal en bi-regionaal']);
  });

  it('leaves prose alone', () => {
    expect(splitTableRows('Een gewone zin. En nog een zin.\nTweede regel.')).toBeNull();
  });
});

describe('typeCue', () => {
  it('does not count a date or number the question already names', () => {
    const q = 'Hoeveel bezoekers trok de bijeenkomst op 13 juni 2019?';
    expect(typeCue('howMany', 'Op 13 juni 2019 organiseren we een conferentie.', [], q)).toBe(0);
    expect(typeCue('howMany', 'Er kwamen 120 bezoekers.', [], q)).toBe(1);
    expect(typeCue('when', 'Op 13 juni 2019 organiseren we een conferentie.', [], 'Wanneer is de conferentie?')).toBe(1);
    expect(typeCue('when', 'Op 13 juni 2019 organiseren we een conferentie.', [], 'Wat gebeurde er op 13 juni 2019?')).toBeLessThan(0.5);
  });

  it('answers why something went wrong best with a cause of the setback itself', () => {
    const q = 'Why did the tender in Rivierenland get delayed?';
    const setback = 'De afhandeling van de klacht maakt dat de planning van de aanbesteding niet meer haalbaar is.';
    const other = 'Omdat de huidige overeenkomsten op 31 december 2022 aflopen, is het van belang de overeenkomsten te verlengen.';
    expect(typeCue('why', setback, [], q)).toBe(1);
    expect(typeCue('why', other, [], q)).toBeGreaterThanOrEqual(0.5);
    expect(typeCue('why', other, [], q)).toBeLessThan(1);
    expect(typeCue('why', other, [], 'Waarom worden de overeenkomsten verlengd?')).toBe(1);
  });

  it('takes "derhalve", "in de verwachting" for a reason given', () => {
    const q = 'Waarom zetten de gemeenten Logeren opnieuw open?';
    expect(typeCue('why', 'De gemeenten kiezen er derhalve voor dit product opnieuw open te zetten in de verwachting nieuwe partijen te contracteren.', [], q)).toBe(1);
    expect(typeCue('why', 'De gemeenten zetten dit product opnieuw open.', [], q)).toBe(0);
  });

  it('answers "op welke datum in februari 2021" only with a day of that month', () => {
    const q = 'Op welke datum in februari 2021 vindt de regionale bijeenkomst plaats?';
    expect(typeCue('when', 'Vaststelling door het Bestuurlijk Platform: 5 november 2021', [], q)).toBeLessThan(0.5);
    expect(typeCue('when', 'De bijeenkomst is op 11 februari 2021.', [], q)).toBe(1);
  });

  it('does not take the year in a law\'s name (de Wmo 2015) for a date', () => {
    const q = 'When does the AMvB on fair prices come into force?';
    expect(typeCue('when', 'Dat is al in het Uitvoeringsbesluit Wmo 2015 geregeld.', [], q)).toBe(0);
    expect(typeCue('when', 'De AMvB treedt op 1 januari 2026 in werking.', [], q)).toBe(1);
  });

  it('does not take a norm (tenminste een half miljoen) for a count, unless the question asks for one', () => {
    const norm = "Het ministerie heeft de voorkeur voor jeugdhulpregio's met tenminste een half miljoen inwoners.";
    expect(typeCue('howMany', norm, [], 'Hoeveel inwoners heeft de regio Rijnmond?')).toBeLessThan(0.5);
    expect(typeCue('howMany', 'De regio telt 1,3 miljoen inwoners.', [], 'Hoeveel inwoners heeft de regio Rijnmond?')).toBe(1);
    expect(typeCue('howMany', norm, [], 'Hoeveel inwoners moet een jeugdhulpregio minimaal hebben?')).toBe(1);
  });

  it('finds the word each number counts, past dates, years and lengths of time', async () => {
    const { countedWords, looksPlural } = await import('../../../src/answer/question-type.js');
    const s = 'Op vrijdag 14 oktober 2022 is de samenwerking tussen twaalf gemeenten en de nieuwe jeugdzorgaanbieders bekrachtigd voor de komende zes jaar.';
    expect(countedWords(s, 'Hoeveel jeugdzorgaanbieders tekenden?')).toEqual(['gemeenten']);
    // A number the question gives counts nothing new.
    expect(countedWords(s, 'Welke twaalf gemeenten tekenden?')).toEqual([]);
    expect(countedWords("Een derde van de jeugdhulpregio's heeft nog geen regiovisie.", 'Hoeveel regio’s?')).toEqual(["jeugdhulpregio's"]);
    // A number in a name ('Een 10 voor de Jeugd') counts nothing.
    expect(countedWords('De regio Een 10 voor de jeugd, bestaande uit 11 gemeenten, beschikt over een governance.', 'How many agreements?')).toEqual(['gemeenten']);
    expect(looksPlural('gemeenten')).toBe(true);
    expect(looksPlural("regio's")).toBe(true);
    expect(looksPlural('nieuwe')).toBe(false);
    expect(looksPlural('tegen')).toBe(false);
  });

  it('does not take a length of time for a count, unless the question counts in time', () => {
    const period = 'Per juli 2021 is de procedure opengezet ter inschrijving voor een periode van 2 maanden.';
    expect(typeCue('howMany', period, [], 'Hoeveel inschrijvingen zijn er ontvangen?')).toBe(0);
    expect(typeCue('howMany', period, [], 'Hoeveel maanden stond de procedure open?')).toBe(1);
    expect(typeCue('howMany', 'Er kwamen 2 inschrijvingen binnen in 3 weken.', [], 'Hoeveel inschrijvingen zijn er ontvangen?')).toBe(1);
  });

  it('answers "tot wanneer" with an end, not with the date from which something applies', () => {
    const q = 'Tot wanneer geldt de Regeling specifieke uitkering 2021?';
    expect(typeCue('when', '[Regeling vervalt per 01-09-2025.]', [], q)).toBe(1);
    expect(typeCue('when', 'Geldend van 09-10-2021 t/m heden', [], q)).toBeLessThan(0.5);
    expect(typeCue('when', 'De regeling loopt tot 1 januari 2026.', [], q)).toBe(1);
    expect(typeCue('when', 'Geldend van 09-10-2021 t/m heden', [], 'Wanneer is de regeling in werking getreden?')).toBe(1);
    // Abolished on a date, or a last day to act: an end too.
    expect(typeCue('when', 'De Autoriteit wordt ingesteld met ingang van 1 april 2014 en wordt opgeheven per 1 april 2017.', [], 'Until when was the Autoriteit supposed to exist?')).toBe(1);
    expect(typeCue('when', 'De uiterlijke inschrijfdatum is 28 juni 2024, 12:00 uur.', [], 'Tot wanneer konden aanbieders inschrijven?')).toBe(1);
  });

  it('answers a question after a share with a percentage or a fraction only', async () => {
    const { answersShare } = await import('../../../src/answer/question-type.js');
    const q = 'What share of the youth care spending goes to specialist youth care?';
    expect(answersShare(q, ['Het beheersen van de kosten is een belangrijk uitgangspunt.'])).toBe(false);
    expect(answersShare(q, ['Ruim 60% van de uitgaven gaat naar specialistische jeugdhulp.'])).toBe(true);
    expect(answersShare('Welk aandeel heeft de regio?', ['Een derde van de regio’s heeft geen visie.'])).toBe(true);
    // 'Voor welk deel van de jeugdhulp' asks which part, not how large a share.
    expect(answersShare('Voor welk deel van de jeugdhulp doet Zeewolde mee?', ['Zeewolde doet mee voor de specialistische jeugdhulp.'])).toBeUndefined();
  });

  it('answers an age asked with an age', () => {
    const q = 'Tot welke leeftijd kan een jongvolwassene nog als jeugdige gelden?';
    expect(typeCue('list', '– jeugdige: persoon die de leeftijd van drieëntwintig jaar nog niet heeft bereikt.', [], q)).toBe(1);
    expect(typeCue('list', 'Slechts indien de ouders te kennen hebben gegeven dat zij geen gebruik wensen te maken van de mogelijkheid.', [], q)).toBe(0);
    expect(typeCue('other', 'Jongeren vanaf 18 jaar vallen onder de Wmo.', [], 'From what age does the Wmo apply?')).toBe(1);
  });

  it('takes "het aantal" for a count only where it is what the question asks', () => {
    expect(questionType('Wat is het aantal deelnemende gemeenten?')).toBe('howMany');
    expect(questionType('Aantal gemeenten in de regio?')).toBe('howMany');
    expect(questionType('Wat moet volgens Dordrecht voorop staan als er meer grip komt op het aantal aanbieders?')).not.toBe('howMany');
  });

  it('takes a relative moment (dit najaar, eind april) as a weaker answer to a when-question, below a real date', () => {
    const q = 'Wanneer wordt de besluitvorming voorgelegd?';
    expect(typeCue('when', 'De besluitvorming zal dit najaar worden voorgelegd.', [], q)).toBeGreaterThanOrEqual(0.5);
    expect(typeCue('when', 'De uitnodigingen worden uiterlijk eind april verspreid.', [], q)).toBeGreaterThanOrEqual(0.5);
    expect(typeCue('when', 'De besluitvorming zal dit najaar worden voorgelegd.', [], q)).toBeLessThan(typeCue('when', 'Dit is tijdelijk (t/m 2022).', [], q));
    expect(typeCue('when', 'De besluitvorming wordt voorgelegd.', [], q)).toBe(0);
    expect(typeCue('when', 'Het gebeurt dit najaar.', [], 'Wat gebeurt er dit najaar?')).toBe(0);
  });

  it('does not take the article "een" for a count', () => {
    expect(typeCue('howMany', 'Er is een conferentie.', [], 'Hoeveel conferenties zijn er?')).toBe(0);
  });

  it("does not take the question's own place in another spelling for a new name", () => {
    const q = 'Welke gemeente is centrumgemeente in Noordoost Brabant?';
    expect(typeCue('who', 'De gemeenten in de regio Noord-Oost Brabant werken samen.', [], q)).toBeLessThan(1);
    expect(typeCue('who', 'Daarbij is de gemeente ‘s-Hertogenbosch als centrumgemeente aangewezen.', [], q)).toBe(1);
  });

  it('sees a new name for a who-question', () => {
    expect(typeCue('who', 'Gemeente Gorinchem zegt hierover:', [], 'Welke gemeente vond dat vreemd?')).toBe(1);
    expect(typeCue('who', 'Dat is vreemd.', [], 'Welke gemeente vond dat vreemd?')).toBe(0);
  });
});

describe('newNames', () => {
  it('counts capitalised words after the first, and an acronym anywhere, that the question lacks', async () => {
    const { newNames } = await import('../../../src/answer/question-type.js');
    expect(newNames('AEF adviseert de contractering lokaal in te richten.', 'Welk bureau adviseerde?')).toBe(1);
    expect(newNames('Daarom adviseert het bureau de contractering lokaal in te richten.', 'Welk bureau adviseerde?')).toBe(0);
    expect(newNames('Het bureau Significant adviseerde dit.', 'Wat adviseerde Significant?')).toBe(0);
  });
});

describe('questionFocus', () => {
  it('finds what a count or identity question asks about', async () => {
    const { questionFocus } = await import('../../../src/answer/question-type.js');
    expect(questionFocus('Hoeveel bezoekers trok de bijeenkomst?')).toEqual(['bezoekers', 'trok']);
    expect(questionFocus('Who is the alderman responsible for youth care in Eindhoven?')).toEqual(['alderman']);
    expect(questionFocus('Wie is de regionale projectleider van de inkoopsamenwerking?')).toEqual(['projectleider']);
    expect(questionFocus('Bij wie is het leveranciersmanagement belegd?')).toEqual([]);
    expect(questionFocus('Wanneer vindt de conferentie plaats?')).toEqual([]);
    // A partitive names the counted thing after it, not 'van'.
    expect(questionFocus("Hoeveel van de 42 jeugdhulpregio's hadden nog geen regiovisie?")[0]).toBe("jeugdhulpregio's");
    expect(questionFocus('How many of the regions had no vision?')[0]).toBe('regions');
    // An amount has no counted thing: the verb after 'hoeveel' is not one.
    expect(questionFocus('Hoeveel bedraagt de ouderbijdrage per maand?')).toEqual([]);
    expect(questionFocus('How much does the tender cost?')).toEqual([]);
    expect(questionFocus('How many times can the contract be extended?')).toEqual([]);
    expect(questionFocus('Hoeveel keer kan het contract worden verlengd?')).toEqual([]);
  });
});

describe('typeCue for counts and abbreviations', () => {
  it('does not take a reference number (tabel 2, artikel 5) for a count', async () => {
    const { typeCue } = await import('../../../src/answer/question-type.js');
    const q = 'How many funding streams are there?';
    expect(typeCue('howMany', 'Zie de samenvatting in tabel 2 hieronder.', [], q)).toBe(0);
    expect(typeCue('howMany', 'Zoals bepaald in artikel 5 van de regeling.', [], q)).toBe(0);
    expect(typeCue('howMany', 'Daarin onderscheiden we 3 stromen:', [], q)).toBe(1);
  });

  it('finds the expansion of a multi-word abbreviation as the question writes it', async () => {
    const { typeCue } = await import('../../../src/answer/question-type.js');
    const s = 'De regio werkt samen in het Regionaal Expertteam (RET ZOB) voor jongeren.';
    expect(typeCue('definition', s, [], 'Waar staat de afkorting RET ZOB voor?')).toBe(1);
    expect(typeCue('definition', s, [], 'Waar staat de afkorting BEN voor?')).toBe(0);
    expect(typeCue('definition', 'StUF : Standaard Uitwisseling Formaat', [], 'Waar staat de afkorting StUF voor?')).toBe(1);
  });

  it('counts only the abbreviation the question asks about, not the one that sets the scene', () => {
    const nvo = 'Met de Norm voor Opdrachtgeverschap (NvO) zijn gemeenten verplicht om vast te leggen hoe zij samenwerken.';
    const gi = 'Dat vraagt samenwerking tussen aanbieders, Gecertificeerde Instellingen (GI) en de toegang.';
    const q = 'What does GI stand for in the NvO elaboration of Een 10 voor de Jeugd?';
    expect(typeCue('definition', nvo, ['gi', 'nvo'], q)).toBe(0);
    expect(typeCue('definition', gi, ['gi', 'nvo'], q)).toBe(1);
    // Several asked-for abbreviations all count; without asking words every abbreviation does.
    expect(typeCue('definition', gi, [], 'What do HSB and GI stand for?')).toBe(1);
    expect(typeCue('definition', nvo, [], 'Waar staat GI voor in de NvO?')).toBe(0);
    expect(typeCue('definition', nvo, [], 'Uitleg over GI en NvO graag, afkorting?')).toBe(1);
  });
});

describe('names, places and persons asked for', () => {
  it('knows a question after the name of a body, and whether a sentence names one the question does not', async () => {
    const { asksForOrganisationName, newNames } = await import('../../../src/answer/question-type.js');
    expect(asksForOrganisationName('Welk extern bureau heeft de samenwerking geëvalueerd?')).toBe(true);
    expect(asksForOrganisationName('Which housing corporation is involved?')).toBe(true);
    expect(asksForOrganisationName('Welke afspraken zijn gemaakt?')).toBe(false);
    expect(newNames('De samenwerking is door een extern bureau geëvalueerd.', 'Welk bureau heeft de samenwerking geëvalueerd?')).toBe(0);
    expect(newNames('De samenwerking is door Significant geëvalueerd.', 'Welk bureau heeft de samenwerking geëvalueerd?')).toBe(1);
  });

  it('knows a question after a place, and a sentence that gives one', async () => {
    const { asksForPlace, hasPlace } = await import('../../../src/answer/question-type.js');
    expect(asksForPlace('Where is the conference held?')).toBe(true);
    expect(asksForPlace('Waar staat NvO voor?')).toBe(false);
    expect(hasPlace('Op 13 juni 2019 organiseren we een conferentie.', 'Where is the conference held?')).toBe(false);
    expect(hasPlace('De conferentie is in Helmond.', 'Where is the conference held?')).toBe(true);
  });

  it('tells a question after the venue of an event from other where-questions', async () => {
    const { asksForVenue } = await import('../../../src/answer/question-type.js');
    expect(asksForVenue('Where is the 13 June conference being held?')).toBe(true);
    expect(asksForVenue('Waar vindt de regionale bijeenkomst plaats?')).toBe(true);
    expect(asksForVenue('Where did the initiative for the conference come from?')).toBe(false);
    expect(asksForVenue('Waar moet een kind bij voorkeur worden geplaatst?')).toBe(false);
  });

  it('knows a question after a person, and a sentence that names one', async () => {
    const { asksForPerson, hasPersonName } = await import('../../../src/answer/question-type.js');
    expect(asksForPerson('Wie is de voorzitter van het platform?')).toBe(true);
    expect(asksForPerson('Welke gemeente is penvoerder?')).toBe(false);
    const { asksForPersonOnly } = await import('../../../src/answer/question-type.js');
    expect(asksForPersonOnly('Wie is de wethouder jeugd van Helmond?')).toBe(true);
    expect(asksForPersonOnly('Who is the contract manager for segment 1?')).toBe(true);
    expect(asksForPersonOnly('Who chairs the quarterly consultation?')).toBe(false);
    // Asked by name: 'what is the name of the alderman', 'hoe heet de projectleider'.
    expect(asksForPersonOnly('Wat is de naam van de wethouder jeugd van Helmond?')).toBe(true);
    expect(asksForPersonOnly('What was the name of the Eindhoven alderman who signed the letter?')).toBe(true);
    expect(asksForPerson('What is the name of the chair of the steering group?')).toBe(true);
    expect(asksForPersonOnly('What is the name of the chair of the steering group?')).toBe(false);
    expect(asksForPerson('What is the name of the new procurement platform?')).toBe(false);
    // 'Welke wethouder', 'which alderman': the role right after the asking word.
    expect(asksForPersonOnly('Welke wethouder van Den Helder heeft de brief ondertekend?')).toBe(true);
    expect(asksForPersonOnly('Which responsible alderman signed the letter?')).toBe(true);
    expect(asksForPerson('Welke gemeente levert de wethouder?')).toBe(false);
    expect(asksForPerson('Which municipality leads the cooperation in Spoed voor Jeugd?')).toBe(false);
    expect(hasPersonName('Het ontslag van de heer G.K. Visser als wethouder.')).toBe(true);
    expect(hasPersonName('… de Deskundigencommissie onder leiding van oud-minister Tamara van Ark.')).toBe(true);
    expect(hasPersonName('De wethouders jeugd van de GR Peelgemeenten.')).toBe(false);
  });

  it('sees a sentence speak of a chair or a lead', async () => {
    const { mentionsRole } = await import('../../../src/answer/question-type.js');
    expect(mentionsRole('Het overleg staat onder voorzitterschap van de gemeente Helmond.')).toBe(true);
    expect(mentionsRole('De commissie wordt geleid door de VNG.')).toBe(true);
    expect(mentionsRole('Bestuurlijke vaststelling door het Bestuurlijk Platform op 5 november 2021.')).toBe(false);
  });

  it('counts only a person the question does not already name', async () => {
    const { hasPersonName } = await import('../../../src/answer/question-type.js');
    const q = 'Who investigated the resignation of alderman Visser?';
    expect(hasPersonName('Onderzoeksvoorstel inzake het ontslag van de heer G.K.Visser als wethouder.', q)).toBe(false);
    expect(hasPersonName('Het onderzoek is gedaan door mr. A. de Boer, op verzoek van de heer G.K. Visser.', q)).toBe(true);
    expect(hasPersonName('Het onderzoek is gedaan door een extern bureau, op verzoek van wethouder Visser.', q)).toBe(false);
    expect(hasPersonName('Het onderzoek is gedaan door oud-minister Jan Smit.', q)).toBe(true);
  });
});

describe('explicit date questions', () => {
  it('take a relative moment for less than an answer when a date is asked for', async () => {
    const { typeCue } = await import('../../../src/answer/question-type.js');
    const s = 'Het rapport zou eind deze maand worden gepresenteerd.';
    expect(typeCue('when', s, [], 'Op welke datum is het rapport gepresenteerd?')).toBeLessThan(0.5);
    expect(typeCue('when', s, [], 'Wanneer wordt het rapport gepresenteerd?')).toBe(0.5);
  });

  it('want a day, and do not take the months an English question names for new ones', async () => {
    const { typeCue, questionType } = await import('../../../src/answer/question-type.js');
    const q = 'On what dates were the two meetings held in January and February 2019?';
    expect(questionType(q)).toBe('when');
    expect(typeCue('when', 'In januari en februari 2019 hebben er twee overleggen plaatsgevonden.', [], q)).toBeLessThan(0.5);
    expect(typeCue('when', 'Het overleg vond plaats op 14 januari 2019.', [], q)).toBe(1);
    // A month is less than a day when a date is asked for, and still an answer to 'wanneer'.
    expect(typeCue('when', 'Het overleg vond plaats in maart 2019.', [], 'Op welke datum vond het overleg plaats?')).toBeLessThan(0.5);
    expect(typeCue('when', 'Het overleg vond plaats in 2019.', [], 'Op welke datum vond het overleg plaats?')).toBeLessThan(0.5);
    expect(typeCue('when', 'Het overleg vond plaats in maart 2019.', [], 'Wanneer vond het overleg plaats?')).toBe(1);
    expect(typeCue('when', 'Het contract loopt tot 1-1-2022.', [], 'Until what date does the contract run?')).toBe(1);
  });
});

describe('duration questions', () => {
  it('want a length of time, not a date', async () => {
    const { typeCue, questionType } = await import('../../../src/answer/question-type.js');
    const q = 'Hoe lang duurde het proces?';
    expect(questionType(q)).toBe('when');
    expect(typeCue('when', 'Er is een intensief proces doorlopen van bijna twee jaar.', [], q)).toBe(1);
    expect(typeCue('when', 'In juni 2020 is het programmaplan vastgesteld.', [], q)).toBe(0);
    expect(typeCue('when', 'Deze governance is voor onbepaalde tijd vastgesteld.', [], 'For how long is the governance set?')).toBe(1);
    expect(questionType('Binnen hoeveel tijd moet de instelling beslissen?')).toBe('when');
    expect(typeCue('when', 'De instelling beslist binnen zes maanden na ontvangst.', [], 'Binnen hoeveel tijd moet de instelling beslissen?')).toBe(1);
  });
});

describe('typeCue for shares', () => {
  it('takes "een derde" and "de helft" as an answer to a how-many question, an ordinal "derde" not', () => {
    const q = 'Hoeveel regio’s hebben nog geen visie?';
    expect(typeCue('howMany', 'Een derde van de regio’s heeft nog geen visie.', [], q)).toBe(1);
    expect(typeCue('howMany', 'In de helft van de regio’s waren belanghebbenden betrokken.', [], q)).toBe(1);
    expect(typeCue('howMany', 'De derde mijlpaal gaat over verblijf.', [], q)).toBe(0);
  });
});

describe('amount questions', () => {
  it('recognises questions after a sum of money, in Dutch and English', () => {
    expect(asksForAmount('Wat is het totale budget van de inkoopsamenwerking voor 2019?')).toBe(true);
    expect(asksForAmount('What hourly rate applies to ambulant treatment?')).toBe(true);
    expect(asksForAmount('Wat kost een dag verblijf?')).toBe(true);
    expect(asksForAmount('Wat is het doel van het protocol?')).toBe(false);
    // A money verb after 'hoeveel' / 'how much'; a count of things is not a sum of money.
    expect(asksForAmount('Hoeveel geven de tien gemeenten jaarlijks uit aan jeugdhulp?')).toBe(true);
    expect(asksForAmount('How much do the municipalities pay the foundation for its tasks?')).toBe(true);
    expect(asksForAmount('Hoeveel gemeenten geven hun jeugdhulp uit handen?')).toBe(false);
    expect(asksForAmount('How much time do providers get to respond?')).toBe(false);
    expect(questionType('Wat is het totale budget voor 2019?')).toBe('howMany');
  });

  it('sees a sum of money only where one is named', () => {
    expect(hasAmount('De begroting bedraagt € 250.000.')).toBe(true);
    expect(hasAmount('Daarvoor is 1,2 miljoen beschikbaar.')).toBe(true);
    expect(hasAmount('Daarin is een programma met concept begroting voor 2019 besproken.')).toBe(false);
    expect(hasAmount('Tussen negen aanbieders en 17 gemeenten.')).toBe(false);
  });
});

describe('contact detail questions', () => {
  it('wants the shape of the detail asked for, not a sentence about it', () => {
    const ip = 'Wat is het IP-adres van de productieomgeving?';
    expect(answersContactDetail(ip, ['Met het source IP-adres wordt het adres van de machine bedoeld.'])).toBe(false);
    expect(answersContactDetail(ip, ['Uitgaand verkeer: IP Adres 159.46.196.79, poort 443.'])).toBe(true);
    const phone = "What's the phone number for questions about the test platform?";
    expect(answersContactDetail(phone, ['Stuur een e-mail naar info@justid.nl.'])).toBe(false);
    expect(answersContactDetail(phone, ['Bel ons op 070 - 370 71 00.'])).toBe(true);
    expect(answersContactDetail('Wat is het e-mailadres van de helpdesk?', ['Mail naar helpdesk@regio.nl.'])).toBe(true);
  });

  it('has nothing to check when no contact detail is asked for', () => {
    expect(answersContactDetail('Hoe vraag je toegang aan tot het testplatform?', ['Stuur een e-mail.'])).toBeUndefined();
  });
});

describe('questions after the name of a body', () => {
  it('are not answered by a sentence that speaks of the body only as a kind', () => {
    const q = 'Welk extern bureau heeft in 2022 de samenwerking geëvalueerd?';
    expect(namesAskedBody(q, ['- de samenwerking is door een extern bureau geëvalueerd in 2022;'])).toBe(false);
    expect(namesAskedBody(q, ['De samenwerking is door een extern bureau, Significant, geëvalueerd.'])).toBe(true);
    const corp = 'Which housing corporation takes part in the pilot?';
    expect(namesAskedBody(corp, ['Er loopt een pilot met een woningcorporatie en een zorgaanbieder.', 'Middels de woningcorporatie wordt de drempel verlaagd.'])).toBe(false);
    expect(namesAskedBody('Met welke aanbieders is de systematiek ontwikkeld?', ['De systematiek is met de betreffende aanbieders ontwikkeld.'])).toBe(false);
  });

  it('have nothing to check when the body is named or not spoken of as a kind', () => {
    // 'de gemeente Veldhoven' names it; 'alle gemeenten' is an answer, not a kind.
    expect(namesAskedBody('Welke gemeente vroeg om toetreding?', ['Toen heeft de gemeente Veldhoven zich gemeld.'])).toBeUndefined();
    expect(namesAskedBody('Welke gemeenten doen mee?', ['Alle gemeenten in de regio doen mee.'])).toBeUndefined();
    expect(namesAskedBody('Wat is het doel van de pilot?', ['Er loopt een pilot met een woningcorporatie.'])).toBeUndefined();
  });
});

describe('how-long questions', () => {
  it('are answered by a length of time or the end it runs to', () => {
    const q = 'Hoe lang duurt de invoering van de Afsprakenkaart?';
    expect(answersHowLong(q, ['In 2022 maken we een start door het invoeren van de Afsprakenkaart.'])).toBe(false);
    expect(answersHowLong(q, ['De invoering duurt twee jaar.'])).toBe(true);
    expect(answersHowLong('How long will the transition plan run?', ['Er komt een overgangsplan met een looptijd tot eind dit jaar.'])).toBe(true);
    expect(answersHowLong('How long does the strategy apply?', ['De inkoopstrategie voor de periode 2020-2024.'])).toBe(true);
    // A length asked by its noun: 'behandelduur', 'looptijd'.
    expect(answersHowLong('Wat is de gemiddelde behandelduur in de jeugd-ggz?', ['Er wordt gezocht naar een zo thuis mogelijke oplossing.'])).toBe(false);
    // A named term: 'opzegtermijn', 'notice period'.
    expect(answersHowLong('What notice period applies when a municipality leaves?', ['De regeling wordt in alle gemeenten bekendgemaakt.'])).toBe(false);
    expect(answersHowLong('Welke opzegtermijn geldt?', ['De opzegtermijn bedraagt zes maanden.'])).toBe(true);
    // Asked in units: a template's blank is no number of working days.
    const days = 'Within how many working days must the acceptance test take place?';
    expect(answersHowLong(days, ['1.2 De Acceptatietest vindt binnen <AANTAL uitgeschreven> Werkdagen plaats na de oplevering.'])).toBe(false);
    expect(answersHowLong(days, ['De Acceptatietest vindt binnen tien werkdagen plaats na de oplevering.'])).toBe(true);
    expect(answersHowLong('Wat is de initiële looptijd van de contracten?', ['De contracten hebben een looptijd van zes jaar.'])).toBe(true);
  });

  it('leave period questions alone: the months something fell in answer those', () => {
    expect(answersHowLong('In welke periode deed de Jeugdautoriteit haar onderzoek?', ['Het onderzoek vond plaats in maart en april 2022.'])).toBeUndefined();
  });
});

describe('reasons and purposes', () => {
  it('are seen in the ways documents give them', () => {
    const q = 'Waarom werken de gemeenten samen aan het protocol?';
    expect(typeCue('why', 'Dit heeft geleid tot de conclusie dat er geen ruimte is.', [], q)).toBe(1);
    expect(typeCue('why', 'Met dit protocol willen we meer zicht krijgen op de verwijsroute.', [], q)).toBe(1);
    expect(typeCue('why', 'Een duidelijk kader en tijdige afstemming dragen bij aan de juiste zorginzet.', [], q)).toBe(1);
    expect(typeCue('why', 'Op dat moment heeft Veldhoven zich gemeld met het verzoek om toetreding.', [], q)).toBe(0);
  });

  it('want a cause, not a purpose, when the question asks why something went wrong', () => {
    const q = 'Why did the tender get delayed?';
    expect(typeCue('why', 'Het doel was om per 1 januari 2023 over te gaan naar nieuwe overeenkomsten.', [], q)).toBeLessThan(0.5);
    expect(typeCue('why', 'De afhandeling van de klacht maakt dat de planning niet meer haalbaar is.', [], q)).toBe(1);
    expect(typeCue('why', 'Het doel was om per 1 januari 2023 over te gaan naar nieuwe overeenkomsten.', [], 'Why was the tender started?')).toBe(1);
  });
});

describe('questions about a vote', () => {
  it('are answered by its outcome, not by the sentence that names the motion', () => {
    const q = 'How did the council vote on the motion to redistribute tasks among the aldermen?';
    expect(typeCue(questionType(q), 'De raad besluit in meerderheid (16 stemmen voor en 14 stemmen tegen) aan te dringen op herverdeling.', [], q)).toBe(1);
    expect(typeCue(questionType(q), '16. Motie met betrekking tot de herverdeling van taken onder de wethouders.', [], q)).toBe(0);
    expect(typeCue('when', 'De motie is unaniem aangenomen.', [], 'Wanneer is de motie ingediend?')).toBe(0);
  });
});

describe('the end of something of a given year', () => {
  const q = 'When does the Noordoost Brabant centrumregeling of 2024 end?';
  it('is not given by an end date before that year: that is the end of an earlier one', () => {
    expect(endsBeforeAskedYear(q, ['- deze centrumregeling is verlengd tot 1 januari 2020 en er vervolgens een nieuwe centrumregeling is aangegaan;'])).toBe(true);
    expect(endsBeforeAskedYear('Tot welk jaar loopt de centrumregeling van 2019?', ['de huidige centrumregeling afloopt op 31 december 2018;'])).toBe(true);
  });
  it('may be given by any date from that year on, or by a sentence without one', () => {
    expect(endsBeforeAskedYear(q, ['Deze regeling eindigt op 1 januari 2028.'])).toBe(false);
    expect(endsBeforeAskedYear(q, ['Deze regeling wordt aangegaan voor onbepaalde tijd.'])).toBe(false);
  });
  it('leaves deadlines alone: registration for a tender of 2024 may close in 2023', () => {
    expect(endsBeforeAskedYear('Until when could providers register for the 2024 tender?', ['De uiterlijke inschrijfdatum is 28 juni 2023.'])).toBe(false);
  });
});

describe('what an abbreviation stands for', () => {
  it('is given by the words its letters begin, small words between them skipped', () => {
    expect(spellsOut('HSB', 'Mijlpaal 3: Inkoopstrategie Verblijf en Hoog Specialistische Behandeling')).toBe(true);
    expect(spellsOut('NvO', 'de Norm voor Opdrachtgeverschap')).toBe(true);
    expect(spellsOut('GI’s', 'Gecertificeerde Instellingen voeren de maatregelen uit.')).toBe(true);
    expect(spellsOut('EHdK', 'EHdK is een adviesbureau, gecontracteerd door VWS.')).toBe(false);
  });
  it('is not given by a sentence that only uses the abbreviation', () => {
    expect(spellsOutAsked('What does EHdK stand for?', ['EHdK is een adviesbureau, gecontracteerd door VWS.'])).toBe(false);
    expect(spellsOutAsked('Waar staat de afkorting BOV voor?', ['… de reeds bestaande inkoopregio Eindhoven, BOV, de Kempengemeenten en de A2-gemeenten.'])).toBe(false);
  });
  it('is given by a definition of two-word abbreviations too, and other questions are left alone', () => {
    expect(spellsOutAsked('Waar staat de afkorting RET ZOB voor?', ['De regio werkt samen in het Regionaal Expertteam (RET ZOB) voor jongeren.'])).toBe(true);
    expect(spellsOutAsked('Wat doet EHdK?', ['EHdK is een adviesbureau.'])).toBeUndefined();
  });
});
