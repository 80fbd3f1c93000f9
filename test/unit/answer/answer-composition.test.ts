// How the extractive answerer composes an answer from the units it chose: neighbours a quoted
// sentence leans on come along, and a sentence that only repeats the asked count answers nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer, detectLanguage } from '../../../src/answer/index.js';
import { everyNameWordMentioned, isCutOff, speaksOfOtherYear, namePartMatched, preferNamingRunnerUp } from '../../../src/answer/extractive-answerer.js';
import { expansionWeights } from '../../../src/retrieval/query-analysis.js';
import { loadLearnedModels } from '../../../src/answer/unit-scorer.js';
import { LocalEmbedder, openRetriever, type HybridRetriever } from '../../../src/retrieval/index.js';
import { fixtureCorpus } from '../retrieval/helpers/fixture-corpus.js';

let dir: string;
let retriever: HybridRetriever;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-compose-'));
  const corpus = fixtureCorpus();
  const extra = (docId: string, ordinal: number, text: string, section: string) => ({ id: `${docId}#${ordinal}`, docId, ordinal, text, section, page: null });
  corpus.chunks.push(
    extra('nvo-2021', 5, 'Binnen onze regio hanteren wij een differentiatie in de bekostiging van de jeugdhulp. Daarin onderscheiden we 3 stromen, van lumpsum tot inspanningsgerichte bekostiging.', '8.2 Differentiatie'),
    extra('kader-2020', 2, 'Op 12 juli 2022 hebben twee aanbieders een klacht ingediend bij de aanbestedende dienst over de aanbesteding.', 'Planning'),
    extra('kader-2020', 3, 'Spannender is het oordeel van de Deskundigencommissie onder leiding van oud-minister Tamara van Ark. De commissie bekijkt de uitvoering van de Hervormingsagenda en de financiën.', 'Toezicht'),
    extra('kader-2020', 4, 'De wethouders jeugd van de gemeenten Helmond en Geldrop-Mierlo stelden het programmaplan voor de inkoopsamenwerking vast.', 'Bestuur'),
    extra('kader-2020', 5, 'Elk kwartaal is er een overleg over het berichtenverkeer met de aanbieders, onder voorzitterschap van de gemeente Helmond.', 'Berichtenverkeer'),
    extra('nvo-2021', 7, 'Een aantal criteria op basis waarvan bepaald kan worden of voor een functie samenwerking over de regiogrens nodig is zijn:\n- Schaal: schaarste van het aanbod in relatie tot volume en kosten\n- Personeel: beschikbaar maken en behouden van professionals in een gebied\n- Kennis: behouden van kennis over zeldzame functies', '5 Samenwerking over de regiogrens'),
    extra('kader-2020', 6, 'Met het source IP-adres van de aanvrager wordt bedoeld het IP-adres van de machine van waaruit berichten naar de ketenpartner worden verstuurd.', 'Aansluiting'),
    extra('kader-2020', 7, 'Binnen segment 2 vindt een pilot plaats met een woningcorporatie en een zorgaanbieder om tot geschikte woonruimte te komen.', 'Segment 2'),
    extra('kader-2020', 8, 'Het Bestuurlijk Platform Zuidoost stelt de NvO vast op 5 november 2021, na advies van de Adviesraad Jeugd.', 'Vaststelling'),
    extra('kader-2020', 9, 'In 2022 maken we een start door het invoeren van de Afsprakenkaart ter vervanging van het huidige administratieprotocol.', 'Administratie'),
    extra('kader-2020', 10, 'Op dat moment heeft de gemeente Best zich gemeld met het verzoek om toetreding tot de samenwerking per 1 januari 2021.', 'Toetreding'),
    extra('kader-2020', 11, 'Een aantal gemeenten vraagt de Stuurgroep Inkoop om kostenbeheersing als uitgangspunt in het inkoopkader op te nemen. Dat verzoek is in juni in het overleg besproken. De gemeente Gorinchem vindt het vreemd dat kostenbeheersing geen uitgangspunt in het inkoopkader is.', 'Zienswijzen'),
    extra('kader-2020', 12, 'De centrumgemeente voert de inkoop uit voor de regio Noord en sluit de contracten volgens de Open House-procedure.', 'Centrumregeling'),
    extra('kader-2020', 13, 'Op 13 juni 2019 organiseren we als samenwerkende gemeenten een conferentie over de transformatie van de jeugdhulp.', 'Conferentie'),
    extra('kader-2020', 14, 'Het doel was om per 1 januari 2023 over te gaan naar nieuwe overeenkomsten voor de Wmo en de jeugdhulp. Op 9 juni 2022 is de aanbesteding van de nieuwe overeenkomsten gestart. Enkele dagen voor de sluitingsdatum hebben twee aanbieders een klacht ingediend. De afhandeling van de klacht maakt dat de planning van de aanbesteding niet meer haalbaar is.', 'Vertraging'),
    extra('kader-2020', 15, "Tijdens het middagprogramma worden workshops georganiseerd. De focus van de workshops ligt op het samenspel in de uitvoering rondom het gezin. De workshops richten zich op de volgende drie thema's:\n- Samen beslissen over passende zorg\n- Tijdig de juiste hulp voor de cliënt\n- Samenwerking tussen casusregisseur en wettelijke verwijzer", 'Middagprogramma'),
    extra('nvo-2021', 8, 'Tarieven verdienen een goede onderbouwing. De aanbieder verschaft inzicht in de opbouw van de door hem gehanteerde prijs aan de hand van de kostprijselementen uit de AMvB. Daartoe worden in de AMvB de kostprijselementen opgenomen waaruit de reële prijs wordt opgebouwd.', '8.1 Reële prijs'),
    extra('nvo-2021', 9, 'In de NvO is opgenomen dat een reële prijs is gebaseerd op de volgende kostprijselementen:\n- De kosten van de beroepskracht\n- Reis- en opleidingskosten\n- De overheadkosten', '8.3 Invulling reële prijs'),
    extra('kader-2020', 16, 'De subregio werkt al jaren samen in een DVO. Door het complexe speelveld bleek het lastig om tot eenduidige inkoopafspraken te komen. Dit heeft geleid tot de conclusie van de gemeente Eindhoven dat zij zich concentreert op de eigen werkagenda. Deze conclusie betreft vooral de taken die niet wettelijk regionaal georganiseerd hoeven te worden. Het formaliseren van vier naar één inkooporganisatie is daarmee niet langer een optie.', 'Inkooporganisatie'),
    extra('kader-2020', 17, 'Aan de leden van de gemeenteraad, met deze brief van 28 januari 2025, kenmerk 278029, informeren wij u, zoals de raad vroeg, over de inkoop van jeugdbescherming in de regio Noordwest 4.', 'Inkoop jeugdbescherming'),
    extra('kader-2020', 18, '16. Motie over de herverdeling van taken onder de wethouders.\nDe fracties van de Stadspartij en GroenLinks dienen een motie in over een herverdeling van taken binnen het college van burgemeester en wethouders. De raad besluit in meerderheid (16 stemmen voor en 14 stemmen tegen) er bij het college op aan te dringen dat de niet wettelijke taken worden herverdeeld onder de wethouders.', 'Besluitenlijst raad'),
    extra('kader-2020', 19, 'De regio Zuidoost-Brabant is accounthoudende regio voor een aantal zorgaanbieders. Deze verantwoordelijkheid betekent dat de regio zicht houdt op de financiële en organisatorische ontwikkeling van deze aanbieder en daartoe periodiek overleg heeft met die aanbieder. Indien noodzakelijk roepen de accounthoudende regio’s andere regio’s bij elkaar. Elke regio stelt hiervoor een contactpersoon aan. Het overleg vindt ieder kwartaal plaats. Het accounthouderschap wordt gebaseerd op de hoeveelheid cliënten die de organisaties uit een regio bedienen. In onze regio ligt het accounthouderschap voor de GI Jeugd Veilig Verder en de Combinatie Jeugdzorg.', '4.3 Accounthouderschap'),
    extra('kader-2020', 30, 'De subregio heroverweegt de samenwerking. Eindhoven blijft bereid om de dienstverleningsovereenkomst uit te voeren voor taken die wettelijk op regionaal niveau moeten worden ingekocht.', 'Herijking'),
    extra('kader-2020', 31, 'Het gaat daarbij om de inkoop van Jeugdbescherming, Veilig Thuis en Spoedeisende zorg. De andere taken koopt elke subregio zelf in.', 'Herijking'),
    extra('kader-2020', 32, 'De secretaris en de andere leden van de Regiegroep Toegang worden door de Ministers benoemd. Zij worden benoemd voor een periode van vier jaar.', 'Regiegroep'),
    extra('kader-2020', 33, 'Twee organisaties voeren de toegang tot de jeugdhulp uit voor de regio Kempen, in opdracht van de centrumgemeente.', 'Toegang Kempen'),
    extra('kader-2020', 34, 'Op 3 maart 2023 is de samenwerking tussen negen gemeenten en de nieuwe vervoerders van het leerlingenvervoer bekrachtigd.', 'Leerlingenvervoer'),
    extra('kader-2020', 35, 'In 2021 is de dienstverleningsovereenkomst van Zuidoost Brabant verlengd tot 1 januari 2024.', 'Dienstverlening'),
    extra('kader-2020', 36, 'De regio Noord-Oost Brabant werkt met een centrumregeling.', 'Centrumregeling Noord-Oost'),
    extra('kader-2020', 37, 'Het aandeel van de gespecialiseerde pleegzorg in de uitgaven stijgt al jaren, meldt de regio Kempen.', 'Pleegzorg'),
    extra('kader-2020', 38, 'Het convenant leerlingenvervoer van de regio Kempen bestaat uit afspraken tussen 9 gemeenten over het vervoer.', 'Convenant leerlingenvervoer'),
    extra('kader-2020', 39, 'De gemeenten in de Kempen maakten zes afspraken over de vervoerders, de ritten en de klachten.', 'Convenant leerlingenvervoer'),
    extra('kader-2020', 40, 'In deze regeling wordt verstaan onder:\n\nprojectleider wijkteam jeugd: de persoon die het wijkteam jeugd leidt in een gemeente van de regio;\n\nlandelijk netwerk wijkteams: een netwerk van de projectleiders wijkteam jeugd onder leiding van de VNG;\n\nwijkteam jeugd: team in een gemeente dat ten doel heeft gezinnen met opgroeivragen snel passende hulp te bieden;', 'Artikel 1. Begrippen'),
    extra('kader-2020', 41, 'In 2015 is de centrumregeling pleegzorg Kempen aangegaan voor de duur van vier jaren.', 'Centrumregelingen pleegzorg 2015 en 2024'),
    extra('nvo-2021', 6, 'De Jeugdautoriteit onderzocht de regiovisies. Het onderzoek vond plaats in de maanden maart en april van 2022. In die periode is voor elke regio bepaald of er een regiovisie is opgesteld.', 'Onderzoek'),
  );
  retriever = await openRetriever({ corpus, indexDir: dir, embedder: new LocalEmbedder() });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['learned', loadLearnedModels()],
  ['rules', {}],
] as const)('answer composition (%s scoring)', (_mode, models) => {
  const ask = async (text: string) => new ExtractiveAnswerer(models).answer({ text, language: detectLanguage(text) }, await retriever.retrieve(text));
  const expectAbstains = async (text: string, reason: string) => {
    const a = await ask(text);
    expect(a.abstained).toBe(true);
    expect(a.abstainReason).toBe(reason);
    return a;
  };

  it('quotes the sentence that goes on about the best one ("Daarin …")', async () => {
    const a = await ask('Hanteert de regio een differentiatie in de bekostiging van de jeugdhulp?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('differentiatie in de bekostiging');
    expect(a.text).toContain('Daarin onderscheiden we 3 stromen');
    expect(a.citations).toHaveLength(1);
  });

  it('abstains when the passage only repeats the count the question asks to be named', async () => {
    const a = await expectAbstains('Welke twee aanbieders hebben een klacht ingediend over de aanbesteding?', 'count-not-named');
    expect(a.citations).toEqual([]);
  });

  it('still answers another question about the same passage', async () => {
    const a = await ask('Wanneer hebben twee aanbieders een klacht ingediend over de aanbesteding?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('12 juli 2022');
  });

  it('answers a list question from the announcement when its best unit is an item halfway down the list', async () => {
    const a = await ask('Welke criteria over personeel en professionals bepalen of samenwerking over de regiogrens nodig is?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('Een aantal criteria');
    for (const item of ['Schaal:', 'Personeel:', 'Kennis:']) expect(a.text).toContain(item);
  });

  it('answers a list question with the sentence announcing the listed things, not one sharing its other words', async () => {
    const a = await ask('What are the workshop themes in the afternoon programme?');
    expect(a.abstained).toBe(false);
    // The announcement is the answer, so it is quoted first, with its items.
    expect(a.text.replace(/^According to the documents \(quoted in Dutch\): /, '')).toMatch(/^De workshops richten zich op de volgende drie thema/);
    expect(a.text).toContain('Samen beslissen');
  });

  it('answers a list question with the announcement even when another sentence names the listed things too', async () => {
    const a = await ask('Uit welke kostprijselementen bestaat een reële prijs in de NvO?');
    expect(a.abstained).toBe(false);
    for (const item of ['beroepskracht', 'overheadkosten']) expect(a.text).toContain(item);
  });

  it('answers a why-question about a conclusion ("daarmee niet langer een optie") with the reason before it', async () => {
    const a = await ask('Waarom is het formaliseren van vier naar één inkooporganisatie niet langer een optie?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('niet langer een optie');
    expect(a.text).toContain('eigen werkagenda');
  });

  it('abstains on a count of municipalities when the passage only has a gemeenteraad and a reference number', async () => {
    await expectAbstains('Hoeveel gemeenten vallen onder de regio Noordwest 4 voor de inkoop van jeugdbescherming?', 'focus-not-answered');
  });

  it('does not answer a deadline question with the date of a letter', async () => {
    const a = await ask('Wat is de deadline voor de inkoop van jeugdbescherming in de regio Noordwest 4?');
    // Either it abstains for want of a limit, or it quotes one (the rules scorer adds a sentence that sets one).
    if (a.abstained) expect(a.abstainReason).toBe('no-deadline');
    else expect(a.text).toMatch(/deadline van de implementatie is/);
  });

  it('answers how a vote went with its outcome, not with the motion it was about', async () => {
    const a = await ask('Hoe was de stemverhouding bij de motie over de herverdeling van taken onder de wethouders?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('16 stemmen voor en 14 stemmen tegen');
  });

  it('quotes the first sentence of the next chunk when it goes on about the best one ("Het gaat daarbij om …")', async () => {
    const a = await ask('Voor welke taken blijft Eindhoven de dienstverleningsovereenkomst uitvoeren?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('Eindhoven blijft bereid');
    expect(a.text).toContain('Veilig Thuis');
    expect(a.citations.some((c) => c.text.startsWith('Het gaat daarbij om'))).toBe(true);
  });

  it('abstains when a role only a person holds is asked for and the passage names no one', async () => {
    await expectAbstains('Wie is de wethouder jeugd van de gemeente Geldrop-Mierlo?', 'no-person');
    // A chair may be a body: that question is answered by the municipality that chairs.
    const chair = await ask('Wie is voorzitter van het kwartaaloverleg over het berichtenverkeer met de aanbieders?');
    expect(chair.abstained).toBe(false);
    expect(chair.text).toContain('onder voorzitterschap van de gemeente Helmond');
  });

  it('abstains on who holds a role when the passage speaks of it but names no one, person or body', async () => {
    await expectAbstains('Wie zijn naast de secretaris de andere leden van de Regiegroep Toegang?', 'no-person');
  });

  it('abstains when the names of organisations are asked for and no sentence of the section gives one', async () => {
    await expectAbstains('Welke organisaties voeren de toegang tot de jeugdhulp uit voor de regio Kempen?', 'name-not-given');
  });

  it('abstains on a count when the number in the passage counts another thing than the one asked', async () => {
    await expectAbstains('Hoeveel vervoerders hebben de samenwerking voor het leerlingenvervoer bekrachtigd?', 'focus-not-answered');
    // The same passage does count the municipalities.
    const a = await ask('Tussen hoeveel gemeenten is de samenwerking voor het leerlingenvervoer bekrachtigd?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('negen gemeenten');
  });

  it('abstains on a date about a region of a like name ("Zuidoost Brabant" for "Noord-Oost Brabant")', async () => {
    await expectAbstains('Wanneer is de dienstverleningsovereenkomst van Noord-Oost Brabant verlengd?', 'no-new-value');
    const a = await ask('Wanneer is de dienstverleningsovereenkomst van Zuidoost Brabant verlengd?');
    expect(a.abstained).toBe(false);
  });

  it('abstains on a share asked when the passage gives no percentage or fraction', async () => {
    await expectAbstains('Wat is het aandeel van de gespecialiseerde pleegzorg in de uitgaven van de regio Kempen?', 'no-share');
  });

  it('answers a count with the number of the asked-for thing, not a number of something else beside it', async () => {
    const a = await ask('Uit hoeveel afspraken bestaat het convenant leerlingenvervoer van de regio Kempen?');
    // The learned scorer finds the counting sentence too unlikely in this tiny corpus and abstains;
    // whatever is quoted, the number of afspraken must come first.
    if (_mode === 'rules') expect(a.abstained).toBe(false);
    if (!a.abstained) expect(a.text.startsWith('De gemeenten in de Kempen maakten zes afspraken')).toBe(true);
  });

  it('answers what something is for with the line of a list of definitions that defines exactly it', async () => {
    const a = await ask('What is a wijkteam jeugd meant to do?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('wijkteam jeugd: team in een gemeente dat ten doel heeft');
  });

  it('abstains on how long something of one year ran when the passage gives the length for another year', async () => {
    await expectAbstains('Voor welke duur is de centrumregeling pleegzorg Kempen 2024 aangegaan?', 'other-year');
    const a = await ask('Voor welke duur is de centrumregeling pleegzorg Kempen in 2015 aangegaan?');
    expect(a.text).toContain('vier jaren');
  });

  it('abstains on who chairs when the passage never speaks of a chair', async () => {
    await expectAbstains('Wie is voorzitter van het Bestuurlijk Platform Zuidoost?', 'no-person');
  });

  it('abstains when an IP address is asked for and the passage only explains what one is', async () => {
    await expectAbstains('Wat is het IP-adres van de machine van de aanvrager voor berichten naar de ketenpartner?', 'no-contact-detail');
  });

  it('abstains when the name of a body is asked for and the passage speaks only of "een woningcorporatie"', async () => {
    await expectAbstains('Welke woningcorporatie doet mee aan de pilot voor geschikte woonruimte in segment 2?', 'body-not-named');
  });

  it('abstains on a how-long question when the passage gives neither a length of time nor an end', async () => {
    await expectAbstains('Hoe lang duurt het invoeren van de Afsprakenkaart ter vervanging van het administratieprotocol?', 'no-duration');
  });

  it('abstains on a why-question when the passage gives no reason or purpose', async () => {
    await expectAbstains('Waarom wilde de gemeente Best toetreden tot de samenwerking?', 'no-reason');
    // The same passage answers when it was.
    const when = await ask('Per wanneer wilde de gemeente Best toetreden tot de samenwerking?');
    expect(when.abstained).toBe(false);
    expect(when.text).toContain('1 januari 2021');
  });

  it('quotes the sentence that names the municipality a "welke gemeente" question asks for, or abstains', async () => {
    const a = await ask('Welke gemeente vraagt om kostenbeheersing als uitgangspunt in het inkoopkader?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('Gorinchem');
    await expectAbstains('Welke gemeente is de centrumgemeente die de inkoop voor de regio Noord uitvoert?', 'municipality-not-named');
  });

  it('abstains on where an event is held when the passage names no place', async () => {
    await expectAbstains('Waar vindt de conferentie over de transformatie van de jeugdhulp op 13 juni 2019 plaats?', 'no-place');
  });

  it('answers why something went wrong with the cause, not with what the plan was for', async () => {
    const a = await ask('Waarom is de aanbesteding van de nieuwe overeenkomsten voor de Wmo en de jeugdhulp vertraagd?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('klacht');
  });

  it('answers who leads a body when the question\'s other name follows in the next sentence', async () => {
    const a = await ask('Wie leidt de Deskundigencommissie die de uitvoering van de Hervormingsagenda bekijkt?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('Tamara van Ark');
  });

  it('quotes the sentence that "In die periode" points back to', async () => {
    const a = await ask('In welke periode is voor elke regio bepaald of er een regiovisie is opgesteld?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('maart en april');
  });
});

// With the hand-weighted scorer the naming sentence ranks within reach of the best one, so the rescue
// itself shows; the learned scorer ranks it too far below in this small corpus.
describe('answer composition: names a "welke organisaties" question asks for', () => {
  it('quotes the sentence of the section that names them', async () => {
    const q = 'Van welke organisaties houdt de regio Zuidoost-Brabant de financiële en organisatorische ontwikkeling in de gaten?';
    const a = await new ExtractiveAnswerer({}).answer({ text: q, language: 'nl' }, await retriever.retrieve(q));
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('Jeugd Veilig Verder');
  });
});

describe('preferNamingRunnerUp', () => {
  const units = () => [
    { text: 'De link had moeten verwijzen naar onze eigen regiovisie.', score: 0.2, passage: 0 },
    { text: 'Voor Den Helder is de Regiovisie Kop 2024-2029 van toepassing.', score: 0.19, passage: 0 },
    { text: 'In Den Helder is de raad akkoord.', score: 0.01, passage: 0 },
  ];
  const namesIn = (c: { text: string }) => ['Den', 'Helder'].filter((n) => c.text.includes(n)).length;

  it('puts a near-equal sentence naming the question\'s names before a top one naming none', () => {
    const c = units();
    preferNamingRunnerUp(c, 2, namesIn);
    expect(c[0]!.text).toContain('Regiovisie Kop');
  });

  it('leaves the order alone when the top names one, or the runner-up is far behind', () => {
    const c = units();
    preferNamingRunnerUp(c, 0, namesIn);
    expect(c[0]!.text).toContain('eigen regiovisie');
    const far = units().filter((x) => !x.text.includes('Regiovisie Kop'));
    preferNamingRunnerUp(far, 2, namesIn);
    expect(far[0]!.text).toContain('eigen regiovisie');
  });
});

describe('namePartMatched', () => {
  // 'Lekstroomgemeenten' analysed as itself and its parts 'lekstrom' (rare) and 'gemeent' (everywhere).
  const group = { source: 'lekstroomgemeenten', entity: true, terms: new Map([['lekstroomgemeent', 1], ['lekstrom', expansionWeights.compoundPart], ['gemeent', expansionWeights.compoundPart]]) };
  const df: Record<string, number> = { lekstroomgemeent: 1, lekstrom: 2, gemeent: 530 };
  const stats = { docFreq: (t: string) => df[t] ?? 0, idf: () => 1 };

  it('takes a passage naming the rare part (the name) as naming the compound', () => {
    expect(namePartMatched(group, new Set(['lekstrom', 'inkop']), stats)).toBe(true);
  });

  it('does not take the common head for the name', () => {
    expect(namePartMatched(group, new Set(['gemeent', 'inkop']), stats)).toBe(false);
  });
});

describe('everyNameWordMentioned', () => {
  const group = { source: 'noord-oost brabant', entity: true, terms: new Map([['noordoost', 1], ['oost', 1], ['brabant', 1]]) };
  const df: Record<string, number> = { noordoost: 11, noord: 11, oost: 27, brabant: 30, zuidoost: 20 };
  const u = { analyzeText: (t: string) => (t === 'noord-oost' ? ['noordoost', 'noord', 'oost'] : [t]), docFreq: (t: string) => df[t] ?? 0 };

  it('wants each word of a name by its most telling term', () => {
    expect(everyNameWordMentioned(group, new Set(['noordoost', 'brabant']), u)).toBe(true);
    // 'Zuidoost Brabant' shares 'oost' and 'brabant' only.
    expect(everyNameWordMentioned(group, new Set(['zuidoost', 'oost', 'brabant']), u)).toBe(false);
  });

  it('has nothing to check for a name of one word', () => {
    expect(everyNameWordMentioned({ ...group, source: 'brabant' }, new Set(['zuidoost']), u)).toBe(true);
  });
});

describe('isCutOff', () => {
  it('sees a sentence cut off by a chunk boundary', () => {
    expect(isCutOff('projectleider expertisecentrum jeugdhulp: de')).toBe(true);
    expect(isCutOff('De regio telt 21 gemeenten.')).toBe(false);
    expect(isCutOff('Toegang aanvragen')).toBe(false);
  });
});

describe('speaksOfOtherYear', () => {
  it('sees sentences dated by other years than the question names', () => {
    expect(speaksOfOtherYear('Wat is de looptijd van de regeling 2024?', ['Met ingang van 1 januari 2015 voor de duur van vier jaren.'])).toBe(true);
    expect(speaksOfOtherYear('Wat is de looptijd van de regeling 2024?', ['Per 1 januari 2024 voor vier jaar.'])).toBe(false);
    expect(speaksOfOtherYear('Wat is de looptijd van de regeling 2024?', ['Voor de duur van vier jaren.'])).toBe(false);
    expect(speaksOfOtherYear('Wat is de looptijd van de regeling?', ['In 2015 voor vier jaren.'])).toBe(false);
  });
});
