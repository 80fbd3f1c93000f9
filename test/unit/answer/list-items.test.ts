import { describe, expect, it } from 'vitest';
import { listIntro, looksLikeItem } from '../../../src/answer/list-items.js';
import { splitSentences } from '../../../src/answer/sentences.js';

describe('list introductions', () => {
  it('reads an announced count and the counted word', () => {
    expect(listIntro('Er zijn drie mijlpalen benoemd.')).toEqual({ count: 3, noun: 'mijlpalen', colon: false });
    expect(listIntro('Three milestones were named.')?.count).toBe(3);
  });
  it('takes a colon as an introduction and plain prose as none', () => {
    expect(listIntro('De prijs is gebaseerd op de volgende kostprijselementen:')).toEqual({ colon: true });
    expect(listIntro('De AMvB zal in ieder geval een verplichting tot indexatie bevatten.')).toBeNull();
  });
  it('recognises numbered headings and items', () => {
    expect(looksLikeItem('1.1. Mijlpaal 1: gezamenlijke visie')).toBe(true);
    expect(looksLikeItem('Mijlpaal 2: samenwerkingsstructuur')).toBe(true);
    expect(looksLikeItem('Daarnaast zijn er nog enkele onderwerpen.')).toBe(false);
  });
  it('splits numbered lines into separate units', () => {
    const units = splitSentences('Onderwerpen:\n1. Planning:\n1.1. Mijlpaal 1: visie op inkoop\n1.2. Mijlpaal 2: governance\n2. Protocol medische verwijsroute');
    expect(units).toContain('1.1. Mijlpaal 1: visie op inkoop');
    expect(units).toContain('1.2. Mijlpaal 2: governance');
    expect(units).toContain('2. Protocol medische verwijsroute');
  });
});

describe('askedThing', () => {
  it('finds the head of the noun phrase a "wat is de" question asks for', async () => {
    const { askedThing } = await import('../../../src/answer/question-type.js');
    expect(askedThing('Wat was de opkomst bij de verkiezingen?')).toBe('opkomst');
    expect(askedThing('Wat is de nieuwe datum van de start?')).toBe('datum');
    expect(askedThing('Wanneer is de start?')).toBeUndefined();
  });

  it('finds the noun a "welke" question asks for, past an adjective', async () => {
    const { askedThing } = await import('../../../src/answer/question-type.js');
    expect(askedThing('Welke bezwaartermijn geldt voor een beschikking jeugdhulp?')).toBe('bezwaartermijn');
    expect(askedThing('Welke regionale bijeenkomsten worden georganiseerd?')).toBe('bijeenkomsten');
    expect(askedThing('Voor welke gemeente geldt dit?')).toBe('gemeente');
    expect(askedThing('Op welke datum heeft het bestuur besloten?')).toBeUndefined();
  });

  it('finds the things a list question asks to have listed, in Dutch and English', async () => {
    const { listedThing, questionType } = await import('../../../src/answer/question-type.js');
    expect(listedThing('Uit welke kostprijselementen bestaat een reële prijs?')).toBe('kostprijselementen');
    expect(listedThing('What are the workshop themes in the afternoon programme?')).toBe('themes');
    expect(listedThing('What criteria are used to decide on supra-regional cooperation?')).toBe('criteria');
    expect(listedThing('Which areas of expertise must the municipality have?')).toBe('areas');
    expect(listedThing('What is the scale level of JeugdzorgPlus?')).toBeUndefined();
    expect(questionType('What criteria are used to decide on supra-regional cooperation?')).toBe('list');
  });

  it('wants an entry-into-force question answered by its entry into force, not by another date', async () => {
    const { answersEntryIntoForce } = await import('../../../src/answer/question-type.js');
    const q = 'When does the AMvB on fair prices come into force?';
    expect(answersEntryIntoForce(q, ['Eind januari 2019 heeft de Eerste Kamer het wetsvoorstel aanvaard.'])).toBe(false);
    expect(answersEntryIntoForce(q, ['De AMvB treedt op 1 januari 2026 in werking.'])).toBe(true);
    expect(answersEntryIntoForce(q, ['De regeling geldt per 1 juli 2025.'])).toBe(true);
    expect(answersEntryIntoForce('Wanneer is de AMvB aanvaard?', ['Eind januari 2019 is het wetsvoorstel aanvaard.'])).toBeUndefined();
  });

  it('wants a deadline question answered by a limit, not by any date', async () => {
    const { answersDeadline } = await import('../../../src/answer/question-type.js');
    const q = 'What is the submission deadline for the JBJR tender?';
    expect(answersDeadline(q, ['Met deze brief geven wij aanvullende informatie op de brief van 28 januari 2025.'])).toBe(false);
    expect(answersDeadline(q, ['De uiterlijke inschrijfdatum is 28 juni 2024, 12:00 uur.'])).toBe(true);
    expect(answersDeadline(q, ['Voor 1 juli 2019 stellen de gemeenten een concept visie op.'])).toBe(true);
    expect(answersDeadline('By when must the agenda be ready?', ['De definitieve agenda moet 1 februari 2022 klaar zijn.'])).toBe(true);
    expect(answersDeadline('Wanneer start de aanbesteding?', ['Op 9 juni 2022 is de aanbesteding gestart.'])).toBeUndefined();
  });

  it('takes "how big was the deficit" as a question after a sum, and "contract term" as one after a length of time', async () => {
    const { asksForAmount, asksForDuration } = await import('../../../src/answer/question-type.js');
    expect(asksForAmount('How big was the youth care budget deficit in 2020?')).toBe(true);
    expect(asksForAmount('Hoe groot was het tekort in 2020?')).toBe(true);
    expect(asksForAmount('How big is the region?')).toBe(false);
    expect(asksForAmount("Hoe groot was de begroting in euro's?")).toBe(true);
    expect(asksForAmount('What tariff does the region pay per client?')).toBe(true);
    expect(asksForAmount('What maximum fee may the institution charge?')).toBe(true);
    expect(asksForAmount('What is the total contract value of the procurement?')).toBe(true);
    expect(asksForAmount('What does the budget cover?')).toBe(false);
    expect(asksForAmount('Welke afspraken gelden voor de lumpsum?')).toBe(false);
    // A compound sum noun, 'bedraagt', 'gekost', 'what did … cost'.
    expect(asksForAmount('Hoe groot is het totale jaarlijkse jeugdhulpbudget van de tien gemeenten?')).toBe(true);
    expect(asksForAmount('Hoe hoog is de conceptbegroting voor 2019?')).toBe(true);
    expect(asksForAmount('Hoeveel bedraagt het budget van het overgangsplan?')).toBe(true);
    expect(asksForAmount('Wat heeft de evaluatie gekost?')).toBe(true);
    expect(asksForAmount('What did the evaluation by Significant cost?')).toBe(true);
    expect(asksForAmount('Wat is de begrotingsregel voor de regio?')).toBe(false);
    expect(asksForAmount('Hoe hoog is de specifieke uitkering per coördinerende gemeente?')).toBe(true);
    expect(asksForAmount('How high is the grant for each expertise centre?')).toBe(true);
    expect(asksForAmount('Hoe hoog is de kwaliteit van de zorg?')).toBe(false);
    expect(asksForDuration('What contract term will the region use?')).toBe(true);
    expect(asksForDuration('When does the contract start?')).toBe(false);
    expect(asksForDuration('Voor welke duur is de regeling aangegaan?')).toBe(true);
    expect(asksForDuration('For what duration was the arrangement entered into?')).toBe(true);
    expect(asksForDuration('What is the duration of the framework agreements?')).toBe(true);
    expect(asksForDuration('Within how many working days must the acceptance test take place?')).toBe(true);
    expect(asksForDuration('Hoeveel gemeenten doen mee?')).toBe(false);
    expect(asksForDuration('Hoe snel moet een GI een voogdijwerker aanwijzen?')).toBe(true);
  });
});

describe('why questions', () => {
  it('are recognised before an incidental "aantal" and prefer sentences giving a reason about the topic', async () => {
    const { questionType, typeCue } = await import('../../../src/answer/question-type.js');
    expect(questionType('Waarom werken jeugdregio\'s samen bij een aantal vormen van jeugdhulp?')).toBe('why');
    // A cause asked: 'what caused', 'wat is de oorzaak', 'waardoor'.
    expect(questionType('What caused the delay in the new tender in Rivierenland?')).toBe('why');
    expect(questionType('Wat is de oorzaak van de vertraging?')).toBe('why');
    expect(questionType('Waardoor liep de aanbesteding vertraging op?')).toBe('why');
    expect(questionType('What is the purpose of the protocol?')).toBe('why');
    expect(questionType('Hoeveel gemeenten werken samen?')).toBe('howMany');
    expect(typeCue('why', 'Om de continuïteit te waarborgen is er daarom samenwerking nodig.')).toBe(1);
    expect(typeCue('why', 'De samenwerking begon in 2019.')).toBe(0);
  });
});
