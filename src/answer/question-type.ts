// What kind of fact a question asks for, from its wording (Dutch and English). The answerer prefers
// sentences that carry that kind of fact: a date for 'wanneer/when', a number for 'hoeveel/how many'.
import { foldText } from '../retrieval/dutch-analyzer.js';
import { dutchStopwords } from '../retrieval/stopwords.js';

export type QuestionType = 'when' | 'howMany' | 'definition' | 'who' | 'level' | 'list' | 'why' | 'other';

export function questionType(question: string): QuestionType {
  const q = foldText(question);
  if (/\b(wat betekent|waar staat|wat is de afkorting|waar staan|wat wordt (er )?bedoeld met|betekenis van|stand for|stands for|what does \S+ mean|meaning of|abbreviation)\b/.test(q)) return 'definition';
  // Asked for a reason or purpose: answered by a sentence that gives one ('omdat', 'om … te', 'zodat').
  if (/^\s*(waarom|why|om welke reden|for what reason|met welk doel|for what purpose|hoe komt het|waardoor|what caused|what causes|what was the cause|what is the cause|what were the causes|wat veroorzaakte|wat is de oorzaak|wat was de oorzaak)\b|\b(wat is het doel|wat was het doel|what is the purpose|what was the purpose|what is the aim|wat is de reden|what is the reason)\b/.test(q)) return 'why';
  // 'Binnen hoeveel tijd', 'how many years': a length of time, answered like 'hoe lang'.
  if (asksForDuration(q)) return 'when';
  // 'Het aantal aanbieders' further on is the topic ('wat moet voorop staan als er meer grip komt op
  // het aantal aanbieders'); asked for, it opens the question ('wat is het aantal', 'what number of').
  if (/\b(hoeveel|how many|how much)\b/.test(q) || /^\s*(?:(?:wat|what|welk|which) (?:is |was |zijn |are |were )?(?:het |de |the )?(?:totale |total )?)?(?:aantal|number of)\b/.test(q)) return 'howMany';
  // An amount ('wat is het budget', 'what hourly rate', 'wat kost') is answered by a number.
  if (asksForAmount(q)) return 'howMany';
  if (/\b(wanneer|when|op welke datum|welke datum|welke data|what dates?|which dates?|in welk jaar|what year|which year|welke (dag|maand|week)|(what|which) (day|month|week)|per wanneer|deadline|hoe lang|how long|looptijd)\b/.test(q)) return 'when';
  if (/\b(schaalniveau|scale level|welk niveau|what level|which level|op welke schaal|at what scale)\b/.test(q)) return 'level';
  if (/\b(wie|who|by whom|bij wie|door wie|welke gemeente|which municipality|welke organisatie|which organisation|which organization)\b/.test(q)) return 'who';
  if (/\b(welke|which|what are|wat zijn|noem)\b/.test(q) && /\b(\w+en|\w+s)\b/.test(q)) return 'list';
  // 'What criteria are used …': a plural noun right after 'what', then a verb.
  if (/^\s*what \S+(?:s|ia) (?:are|were|do|did|does|must|should|can|could|will|would|have|has)\b/.test(q)) return 'list';
  return 'other';
}

/** Does the question ask for a sum of money ('wat is het budget', 'what hourly rate', 'wat kost …')? */
export function asksForAmount(question: string): boolean {
  const q = foldText(question);
  return /\b(wat kost|wat kosten|hoeveel (geld|budget|middelen|euro|subsidie)|how much (money|funding|budget)|what does \S+ cost|hoe (groot|hoog) (is|was|wordt|werd) (het|de) (tekort|budget|begroting|bedrag|overschot|subsidie)|in euro'?s|in euros|how (big|large|high) (is|was) the (?:\S+ ){0,3}(deficit|budget|amount|shortfall|surplus))\b|\b(wat|what|welk|welke|which)\s+(is\s+|was\s+|are\s+)?(het\s+|de\s+|the\s+)?(totale\s+|total\s+)?(budget|bedrag|uurtarief|tarief|prijs|amount|price|cost|costs|hourly rate|fee|tariff)\b/.test(q) ||
    // 'Hoeveel geven de gemeenten uit …', 'how much do they pay …', 'wat heeft … gekost': a money verb.
    /\bhoeveel\s+(geven|geeft|gaf|gaven|besteden|besteedt|betalen|betaalt|kost|kosten|kostte|ontvangen|ontvangt|bedraagt|bedragen|bedroeg|bedroegen)\b|\b(wat|hoeveel)\b.*\b(gekost|kostte|kostten)\b|\bwhat (?:did|does|do|will|would) (?:\S+ ){1,6}?cost\b|\bhow much\b(?:\s+\S+){0,6}?\s+(cost|costs|spend|spends|spent|pay|pays|paid|receive|receives|received)\b/.test(q) ||
    // 'What maximum fee …', 'what is the total contract value', 'how large is the annual lump sum':
    // a sum-of-money noun a few words after the asking word.
    /\b(wat|what|welk|welke|which|hoe hoog|hoe groot|how large|how big|how high)\b(?:\s+(?:is|was|are|were|de|het|een|the|a|an|maximum|maximale|maximaal|minimum|minimale|total|totale|annual|yearly|jaarlijkse|daily|dagelijkse|hourly|monthly|maandelijkse)){0,4}\s+(fee|fees|penalty|boete|tarief|tariff|contract value|contractwaarde|prijs|price|\p{L}*budget|\p{L}*begroting|\p{L}*bedrag|amount|lump sum|lumpsum|vergoeding)\b/u.test(q) ||
    // 'Hoe hoog is de specifieke uitkering', 'how high is the grant': a height of a payment.
    /\b(hoe hoog|how high|how large|how big)\b(?:\s+\S+){0,4}?\s+(\p{L}*uitkering|\p{L}*subsidie|\p{L}*bijdrage|kosten|grant|allowance|contribution|subsidy|costs)\b/u.test(q);
}

/** Contact details and addresses a question can ask for, each with the shape that answers it. */
const contactDetails = [
  { asked: /\b(telefoonnummer|telefoonnummers|phone number|phone numbers|telephone number|bellen naar)\b/, shape: /(?:\+31|\b0)[\d\s()-]{8,}\d/ },
  { asked: /\b(ip-?adres|ip-?adressen|ip address|ip addresses)\b/, shape: /\b\d{1,3}(?:\.\d{1,3}){3}\b/ },
  { asked: /\b(e-?mailadres|e-?mailadressen|e-?mail address|email address)\b/, shape: /[\w.+-]+@[\w-]+\.[\w.]+/ },
  { asked: /\b(website|webadres|web address|url)\b/, shape: /\bhttps?:\/\/|\bwww\.|\b[\w-]+\.(?:nl|com|org|eu)\b/ },
];

/**
 * Does a sentence carry the contact detail the question asks for ('wat is het IP-adres', 'what's the
 * phone number')? Undefined when the question asks for none: then there is nothing to check.
 */
export function answersContactDetail(question: string, sentences: string[]): boolean | undefined {
  const q = foldText(question);
  const asked = contactDetails.filter((d) => d.asked.test(q));
  if (!asked.length) return undefined;
  return asked.every((d) => sentences.some((s) => d.shape.test(s)));
}

/** A sum of money in a sentence: a currency, or a number with thousands separators or 'miljoen'. */
export function hasAmount(sentence: string): boolean {
  return /€|\beur\b|\beuro\b|\b\d{1,3}(?:\.\d{3})+(?:,\d+)?\b|\b\d+(?:[.,]\d+)?\s*(?:miljoen|mln|miljard|duizend)\b/i.test(sentence);
}

// 'Within how many working days', 'hoeveel weken': a length asked in its units.
const inTimeUnitsAsked = '(?:how many|hoeveel) (?:working days|werkdagen|weeks|weken|months|maanden|days|dagen)';
const durationAsked = new RegExp(`\\b(hoe lang|how long|hoeveel tijd|how much time|binnen welke termijn|within what (time|period)|how soon|hoe snel|how quickly|how fast|looptijd|contractduur|duur van|welke duur|duration|termijn|contract term|contract period|term of the contract|for what period|what period|notice period|voor welke periode|welke periode|how many years|hoeveel jaar|${inTimeUnitsAsked})\\b`);

/** 'Hoe lang', 'how long', 'looptijd', 'for what period': asks for a length of time, not a date. */
export function asksForDuration(question: string): boolean {
  return durationAsked.test(foldText(question));
}

export const durationPattern = /\b(\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|one|two|three|four|five|six)\s+(jaar|jaren|maanden|maand|weken|week|werkdagen|dagen|dag|years?|months?|weeks?|working days|days?)\b|\bonbepaalde tijd\b|\bindefinite/;

const months = '(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|june|july|august|october)';
const englishMonths: Record<string, string> = { january: 'januari', february: 'februari', march: 'maart', may: 'mei', june: 'juni', july: 'juli', august: 'augustus', october: 'oktober' };
/** Folded text with English month names in Dutch, so that dates compare across the two languages. */
function dutchMonths(text: string): string {
  return text.replace(/\b(january|february|march|may|june|july|august|october)\b/g, (m) => englishMonths[m]!);
}
const datePattern = new RegExp(`\\b(\\d{1,2}\\s+${months}(\\s+\\d{4})?|${months}\\s+\\d{4}|medio\\s+\\d{4}|(begin|eind|half)\\s+\\d{4}|\\d{1,2}[-/]\\d{1,2}[-/]\\d{2,4}|(19|20)\\d{2})\\b`);

/**
 * 'Hoe lang duurt …', 'how long will … run', 'wat is de behandelduur / looptijd': answered by a length of time ('twee jaar') or the end it
 * runs to ('tot eind dit jaar', '2020-2024'). False when no sentence gives either; undefined for other
 * questions ('voor welke periode' may be answered by the months it fell in).
 */
export function answersHowLong(question: string, sentences: string[]): boolean | undefined {
  return someSentenceAnswers(howLongAsked, question, sentences, (s) => durationPattern.test(s) || endPoint.test(s));
}

/**
 * Undefined when the question is not one `asked` recognises; else whether some sentence (folded)
 * gives what such a question needs.
 */
function someSentenceAnswers(asked: RegExp, question: string, sentences: string[], answers: (folded: string) => boolean): boolean | undefined {
  if (!asked.test(foldText(question))) return undefined;
  return sentences.some((raw) => answers(foldText(raw)));
}

const howLongAsked = new RegExp(`\\b(hoe lang|how long|hoeveel tijd|how much time|binnen welke termijn|within what (?:time|period)|looptijd|\\p{L}*duur|duration|contract term|term of the contract|notice period|period of notice|\\p{L}+termijn|${inTimeUnitsAsked})\\b`, 'u');

/**
 * 'Wat is de deadline …', 'uiterlijke inschrijfdatum', 'submission deadline', 'by when …': answered by
 * a sentence that sets a limit ('uiterlijk 1 oktober', 'voor 1 juli 2019', 'de deadline is …', 'moet 1
 * februari klaar zijn'), not by one that merely carries a date ('de brief van 28 januari 2025').
 * Undefined for other questions.
 */
export function answersDeadline(question: string, sentences: string[]): boolean | undefined {
  return someSentenceAnswers(deadlineAsked, question, sentences, (s) => deadlineCue.test(s) || limitBeforeDate.test(s) || (/\b(moet|moeten|dient|dienen|must|should|has to|have to)\b/.test(s) && datePattern.test(s)));
}

/**
 * 'When does the AMvB come into force', 'wanneer treedt de wet in werking': answered by a sentence
 * about its entry into force ('treedt in werking', 'met ingang van', 'van kracht'), not by another
 * date in its history ('de Eerste Kamer heeft het wetsvoorstel aanvaard'). Undefined for other questions.
 */
export function answersEntryIntoForce(question: string, sentences: string[]): boolean | undefined {
  return someSentenceAnswers(entryIntoForceAsked, question, sentences, (s) => entryIntoForce.test(s) || appliesFrom.test(s));
}

/**
 * 'When does the centrumregeling of 2024 end', 'tot welk jaar loopt de regeling van 2019': the end of
 * something dated by the question's year. Sentences that give only earlier years ('verlengd tot
 * 1 januari 2020', 'de huidige regeling afloopt op 31 december 2018') tell of an earlier instance: a
 * thing does not end before the year it is of. Not for deadlines ('until when could providers
 * register for the 2024 tender' may well close in 2023).
 */
export function endsBeforeAskedYear(question: string, sentences: string[]): boolean {
  if (!endOfAsked.test(foldText(question))) return false;
  const asked = yearsIn(question);
  if (!asked.length) return false;
  const given = sentences.flatMap(yearsIn);
  return given.length > 0 && given.every((y) => y < Math.min(...asked));
}

/** The years a text names ('2015', '1 januari 2024'). */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
}

const endOfAsked =
  /\b(?:when (?:does|do|will) .{0,80} (?:end|expire|lapse|run out)|until (?:what|which) (?:date|year) (?:is|are|does|do|will) .{0,80} (?:valid|in force|run|last)|(?:how long|until when) (?:is|are|does|do|will) .{0,80} (?:valid|in force|run|last)|wanneer (?:eindigt|eindigen|vervalt|vervallen|verloopt|verlopen|stopt)|wanneer (?:loopt|lopen) .{0,80} af|tot (?:wanneer|welke datum|welk jaar) (?:loopt|lopen|geldt|gelden|is .{0,60} geldig))\b/;

/**
 * 'What does EHdK stand for', 'waar staat BOV voor': asks for what the letters spell. Answered by a
 * sentence that defines the abbreviation ('(HSB)', 'HSB staat voor', 'HSB:') or spells it out word
 * by word ('Hoog Specialistische Behandeling'), not by one that only uses it ('EHdK is een
 * adviesbureau'). Undefined for other questions, or when the question names no abbreviation.
 */
export function spellsOutAsked(question: string, sentences: string[]): boolean | undefined {
  if (!/\b(?:stand|stands) for\b|\bwaar (?:staat|staan)\b.*\bvoor\b|\bwat is de afkorting\b|\bvoluit\b|\bspelled out\b|\bfull form\b/.test(foldText(question))) return undefined;
  const written = questionAbbreviations(question);
  const asked = askedAbbreviations(question, written);
  const abbreviations = asked.length ? asked : written;
  if (!abbreviations.length) return undefined;
  return sentences.some((raw) => {
    const folded = foldText(raw);
    return abbreviations.some((a) => definesAbbreviation(a, folded) || spellsOut(a, raw));
  });
}

/** An abbreviation as a question writes it: two capitals at least, short ('StUF', 'EHdK', 'GI'). */
const abbreviationWord = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{L}\d+&-]{2,10}$/u;

/** The abbreviations a question writes, single and as pairs ('RET ZOB'). */
function questionAbbreviations(question: string): string[] {
  const words = question.split(/[\s?!.,;:()'"‘’“”]+/).filter(Boolean);
  const abbreviations: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!abbreviationWord.test(words[i]!)) continue;
    abbreviations.push(words[i]!);
    if (words[i + 1] && abbreviationWord.test(words[i + 1]!)) abbreviations.push(`${words[i]} ${words[i + 1]}`);
  }
  return abbreviations;
}

/**
 * Do consecutive words of the sentence begin with the abbreviation's letters, in order? Small
 * words between them may be skipped ('Hoog Specialistische Behandeling', 'Norm voor
 * Opdrachtgeverschap', 'Sociaal en Economische Zaken').
 */
export function spellsOut(abbreviation: string, sentence: string): boolean {
  const letters = [...foldText(abbreviation).replace(/['’]s$/, '').replace(/[^\p{L}]/gu, '')];
  if (letters.length < 2) return false;
  const words = foldText(sentence).split(/[^\p{L}]+/u).filter(Boolean);
  for (let start = 0; start < words.length; start++) {
    let i = 0;
    for (let w = start; w < words.length && i < letters.length; w++) {
      if (words[w]![0] === letters[i]) i++;
      else if (i === 0 || !/^(?:en|van|de|het|der|and|of|the)$/.test(words[w]!)) break;
    }
    if (i === letters.length) return true;
  }
  return false;
}

/**
 * 'What share of the spending …', 'welk percentage', 'hoeveel procent': answered by a percentage or a
 * fraction ('ruim 60%', 'een derde', 'de helft'). Undefined for other questions.
 */
export function answersShare(question: string, sentences: string[]): boolean | undefined {
  return someSentenceAnswers(shareAsked, question, sentences, (s) => shareGiven.test(s));
}

const shareAsked = /\b(what share|which share|what proportion|what percentage|which percentage|what fraction|welk aandeel|welk percentage|hoeveel procent|hoe groot is het aandeel|wat is het aandeel|wat is het percentage)\b/;
const shareGiven = /%|\b(procent|percent|derde|helft|kwart|vierde|vijfde|tiende|meerderheid|minderheid|merendeel|majority|half|third|quarter)\b/;
const deadlineAsked = /\b(deadline|deadlines|uiterste|uiterlijke|uiterlijk|sluitingsdatum|closing date|submission date|due date|by when|voor wanneer)\b/;
const entryIntoForceAsked = /\b(come into force|comes into force|came into force|enter into force|enters into force|take effect|takes effect|in werking (?:treden|treedt|getreden|trad)|inwerkingtreding|van kracht)\b/;
const entryIntoForce = /\b(werking|inwerkingtreding|kracht|ingang|ingaat|ingaan|gaat in|treedt|treden|getreden|trad|geldt|gelden|geldend|toepassing|into force|effect)\b/;
// 'per 1 januari 2015', 'vanaf 2022': the moment from which it applies.
const appliesFrom = new RegExp(`\\b(?:per|vanaf|from|as of)\\s+(?:\\d|${months})`);
const deadlineCue = /\b(deadline|deadlines|uiterlijk|uiterlijke|uiterste|sluitingsdatum|sluit|sluiten|closing|no later than|at the latest)\b/;
const limitBeforeDate = new RegExp(`\\b(?:voor|tot(?: en met)?|t/m|before|by|until)\\s+(?:(?:het\\s+)?(?:eind|einde|begin|medio)\\s+)?(?:\\d|${months})`);

const endPoint = new RegExp(
  `\\b(?:tot(?: en met)?|t/m|until|till|through|up to)\\s+(?:(?:het\\s+)?(?:eind|einde|begin|medio|half)\\b|\\d|${months})|\\b(?:19|20)\\d{2}\\s*[-–]\\s*(?:19|20)?\\d{2}\\b|\\b(?:zolang|as long as)\\b`,
);
const relativeTimePattern = new RegExp(
  `\\b((dit|deze|volgend|volgende|komend|komende|vorig|vorige|afgelopen)\\s+(jaar|najaar|voorjaar|zomer|winter|kwartaal|maand|week)|eind dit jaar|(begin|eind|medio|half|halverwege)\\s+${months}|(in het |het )?(voorjaar|najaar|zomer|winter)|(eerste|tweede|derde|vierde)\\s+(kwartaal|helft|halfjaar)|(this|next|last)\\s+(year|autumn|fall|spring|summer|winter|quarter|month))\\b`,
);
// 'Op welke datum in februari 2021 …': the month (and year) the asked-for day falls in.
const inMonthOf = new RegExp(`\\bin ${months}(?:\\s+(\\d{4}))?`);
const lawYear = /\b(wmo|\p{L}+wet|\p{L}+besluit|uitvoeringsregeling|\p{L}+regeling|wet \p{L}+)\s+(?:19|20)\d{2}\b/gu;
// A minimum or maximum before a number: a norm ('tenminste een half miljoen', 'maximaal 30').
const normBefore = /\b(?:tenminste|ten minste|minimaal|minstens|maximaal|hooguit|ten hoogste|at least|at most|a minimum of|a maximum of|no more than)\s+(?:een\s+|a\s+)?(?:half\s+)?/;
// Counts: digits (not a year), number words or shares ('een derde', 'de helft'); 'een' is the Dutch article far more often than a count.
const numberPattern = /\b((?:een|twee|drie)\s+(?:derde|vierde|vijfde)|(?:de\s+)?helft|kwart|\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?%?|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|twintig|dertig|honderd|duizend|miljoen)\b/g;
const timeUnits = '(?:jaar|jaren|maand|maanden|week|weken|dag|dagen|werkdagen|uur|uren|years?|months?|weeks?|days?|working days|hours?)';
const timeUnitWord = new RegExp(`\\b${timeUnits}\\b`);
const lengthOfTime = new RegExp(`\\b(\\d+(?:[.,]\\d+)?|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\\s+${timeUnits}\\b`, 'g');
// 'Een derde van de jeugdhulpregio's': a partitive counts the thing after 'van de'.
const countedWord = new RegExp(`(?:${numberPattern.source})\\s+(?:van\\s+(?:de|het|deze|alle)\\s+)?([\\p{L}'’-]+)`, 'gu');
const normedNumber = new RegExp(`${normBefore.source}(${numberPattern.source})`, 'g');
const referenceNumber = /\b(?:tabel|table|figuur|figure|bijlage|annex|artikel|article|art\.|hoofdstuk|chapter|paragraaf|section|lid|pagina|page|pag\.|p\.|stap|step|versie|version|nr\.|nummer|number|bladzijde)\s+(\d+(?:[.,]\d+)*)/g;
const definitionPattern = (entity: string) =>
  new RegExp(`\\(\\s*(hierna:?\\s*)?${entity}\\s*\\)|\\b${entity}\\b[^.]{0,40}\\b(staat|staan)\\b[^.]{0,20}\\bvoor\\b|\\b${entity}\\s*[:=]|\\b${entity}\\b\\s*\\(`);
/** Does the (folded) sentence define the abbreviation: '(HSB)', 'HSB staat voor', 'HSB:', 'HSB ('? */
const definesAbbreviation = (abbreviation: string, folded: string) => definitionPattern(escapeRe(foldText(abbreviation))).test(folded);
// Words that give a reason or purpose (Dutch and English), on folded text.
const causalCue = /\b(omdat|doordat|zodat|vanwege|daarom|daardoor|derhalve|aangezien|immers|gelet op|in de verwachting|met het oog op|in the expectation|hence|teneinde|reden|redenen|doel|doelen|met als doel|als gevolg van|maakt dat|leidt tot|leidde tot|geleid tot|hierdoor|draagt bij|dragen bij|bijdragen aan|beoogt|beogen|beoogd|bedoeld om|bedoeld voor|streeft naar|streven naar|willen we|wil de|willen de|because|in order to|so that|due to|therefore|reason|purpose|aim)\b|\bom\b[^.;]{1,80}?\bte\s+\p{L}+/u;
const causeCue = /\b(omdat|doordat|vanwege|daarom|daardoor|derhalve|aangezien|immers|hierdoor|reden|redenen|als gevolg van|maakt dat|leidt tot|leidde tot|geleid tot|because|due to|therefore|reason|as a result)\b/;
const setbackWords = /\b(vertraagd|vertraging|delayed|delay|uitgesteld|postponed|schuift|verschuift|opgeschoven|niet meer|no longer|geen ruimte|gestopt|stopped|cancelled|geannuleerd|mislukt|failed|niet haalbaar)\b/;
const voteAsked = /\b(hoe (?:is|werd|hebben|heeft)\b.*\bgestemd|stemverhouding|stemuitslag|how did\b.*\bvote|how was\b.*\bvoted|vote (?:count|result|outcome)|voting result)\b/;
const ageAsked = /\b(tot welke leeftijd|vanaf welke leeftijd|welke leeftijd|hoe oud|until what age|up to what age|from what age|what age|how old|leeftijdsgrens|age limit)\b/;
const ageGiven = /\bleeftijd van\b|\b(?:\d{1,2}|\p{L}*tien|\p{L}*tig|elf|twaalf)[ -](?:jaar|jarige|jarigen|years?)\b|\b(?:meerderjarig\p{L}*|minderjarig\p{L}*|adult|minor)\b/u;
const untilWhenAsked = /\b(tot wanneer|tot en met wanneer|until when|till when|wanneer (?:vervalt|verloopt|eindigt|stopt)|when does \S+(?: \S+){0,6} (?:expire|end|stop|lapse))\b/;
const endsAt = new RegExp(
  `\\b(?:vervalt|verloopt|vervallen|vervalt per|loopt af|lopen af|afloopt|aflopen|eindigt|eindigen|beeindigd|opgeheven|opheffing|afgeschaft|expires?|ends?|lapses?|abolished|dissolved|uiterlijk|uiterlijke|uiterste|sluitingsdatum|deadline)\\b|\\b(?:tot(?: en met)?|t/m|until|till)\\s+(?:\\d|${months}|(?:het\\s+)?(?:eind|einde))`,
);

/** Does the question ask how a vote went ('hoe was de stemverhouding', 'how did the council vote')? */
export function asksForVote(question: string): boolean {
  return voteAsked.test(foldText(question));
}
const voteOutcome = /\b(\d+ stemmen|unaniem|in meerderheid|bij acclamatie|zonder stemming|aangenomen|verworpen|stemden (?:voor|tegen)|votes? (?:for|against)|unanimously|adopted|rejected)\b/;
const levelPattern = /\b(lokaal|regionaal|bovenregionaal|bi-?regionaal|landelijk|subregionaal|niveau)\b/;
const orgWords = /\b(gemeente|gemeenten|regio|provincie|vng|ministerie|college|bestuur|raad|stichting|bureau|organisatie)\b/;

/**
 * The abbreviations a definition question asks about, from where the asking words put them: 'what
 * does X stand for / mean', 'wat betekent X', 'waar staat X voor', 'meaning of X'. Empty when the
 * wording does not single any out.
 */
function askedAbbreviations(question: string, abbreviations: string[]): string[] {
  const q = question.replace(/[?!.,;:()'"‘’“”]+/g, ' ').replace(/\s+/g, ' ').trim();
  const m =
    /\b(?:what (?:does|do) ((?:\S+ ){0,5}?\S+) (?:stand for|stands for|mean)|waar (?:staat|staan) ((?:\S+ ){0,5}?\S+) voor|wat (?:betekent|betekenen) ((?:\S+ ){0,5}?\S+)$|(?:meaning of|betekenis van|bedoeld met) ((?:\S+ ){0,5}?\S+)$)/iu.exec(q);
  if (!m) return [];
  // 'What do HSB and ZOB stand for': every abbreviation between the asking words counts.
  const span = ` ${m[1] ?? m[2] ?? m[3] ?? m[4]} `;
  return abbreviations.filter((a) => span.includes(` ${a} `));
}

/** Things of the asked-for kind in the sentence that the question does not already name. */
function newOnes(found: Iterable<string>, question: string): number {
  let n = 0;
  for (const f of found) if (!new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(f)}($|[^\\p{L}\\p{N}])`, 'u').test(question)) n++;
  return n;
}

/**
 * Does the sentence carry the kind of fact the question asks for? (0..1) A date, number or name
 * that the question itself already contains answers nothing: "Hoeveel bezoekers trok de
 * bijeenkomst van 13 juni 2019?" is not answered by a sentence whose only number is 13 juni.
 */
export function typeCue(type: QuestionType, sentence: string, entities: string[] = [], question = ''): number {
  const s = foldText(sentence);
  const q = foldText(question);
  // 'Hoe is er over de motie gestemd', 'how did the council vote': the outcome of the vote answers.
  if (voteAsked.test(q)) return voteOutcome.test(s) ? 1 : 0;
  // 'Tot welke leeftijd', 'what age': answered by an age ('de leeftijd van drieëntwintig jaar').
  if (ageAsked.test(q)) return ageGiven.test(s) ? 1 : 0;
  switch (type) {
    case 'when': {
      // 'Hoe lang loopt het contract?' is answered by a length of time ('zes jaar'), not by a date.
      if (asksForDuration(q)) return durationPattern.test(s) ? 1 : 0;
      // The year in a law's name ('de Wmo 2015', 'Aanbestedingswet 2012') dates nothing.
      const dates = [...s.replace(lawYear, '$1').matchAll(new RegExp(datePattern.source, 'g'))].map((m) => dutchMonths(m[0].replace(/\s+/g, ' ')));
      // 'On what dates … in January and February 2019' names the months the Dutch sentence repeats.
      const qd = dutchMonths(q);
      // 'Op welke datum' asks for a day: 'in maart 2021' or '2021' is a moment, not an answer to it.
      const wantsDate = /\b(welke datum|welke data|op welke dag|what date|what dates|which date|which dates|on what day|which day)\b/.test(q);
      if (!dates.length) {
        // A relative moment ('dit najaar', 'eind april', 'uiterlijk volgend jaar') answers a when
        // question too, if less exactly than a date.
        const relative = [...s.matchAll(new RegExp(relativeTimePattern.source, 'g'))].map((m) => m[0].replace(/\s+/g, ' '));
        return relative.length && newOnes(relative, q) > 0 ? (wantsDate ? 0.3 : 0.5) : 0;
      }
      const fresh = dates.filter((d) => newOnes([d], qd) > 0);
      if (!fresh.length) return 0.2;
      // 'Tot wanneer geldt de regeling?' asks for an end ('vervalt per 01-09-2025'), not for when it
      // started to apply ('Geldend van 09-10-2021 t/m heden').
      if (untilWhenAsked.test(q)) return endsAt.test(s) ? 1 : 0.3;
      const bareYear = (d: string) => /^(19|20)\d{2}$/.test(d);
      // A day opens with its number ('28 augustus', '1-1-2022'); a bare year does too, and is none.
      // 'Op welke datum in februari 2021 …' is answered by a day of that month.
      const within = inMonthOf.exec(qd);
      const inAskedMonth = (d: string) => !within || (d.includes(within[1]!) && (!within[2] || d.includes(within[2])));
      if (wantsDate) return fresh.some((d) => /^\d/.test(d) && !bareYear(d) && inAskedMonth(d)) ? 1 : 0.4;
      // A day or month is more of an answer than a bare year.
      return fresh.some((d) => !bareYear(d)) ? 1 : 0.6;
    }
    case 'howMany': {
      // 'Regio's met tenminste een half miljoen inwoners' states a norm, not how many there are.
      const norms = new Set([...s.matchAll(normedNumber)].map((m) => m[1]!));
      // A length of time counts when the question asks in such units ('hoeveel weken', 'how many months').
      const uncounted = uncountedNumbers(s, timeUnitWord.test(q));
      const nums = [...s.matchAll(numberPattern)].map((m) => m[0]).filter((n) => !uncounted.has(n));
      if (!nums.length) return 0;
      if (nums.every((n) => norms.has(n)) && !/\b(minimaal|minimum|maximaal|maximum|ten ?minste|at least|at most)\b/.test(q)) return 0.3;
      return newOnes(nums, q) > 0 ? 1 : 0.3;
    }
    case 'definition': {
      // The abbreviation as the question writes it ('RET ZOB'), besides the names the analyzer found.
      // Mixed case too ('StUF', 'JeugdzorgPlus' not: an abbreviation has two capitals and is short).
      const abbreviations = questionAbbreviations(question);
      // 'What does GI stand for in the NvO …' asks about GI: a sentence spelling out NvO defines
      // the wrong thing. When the question marks the asked-for abbreviation, only it counts.
      const asked = askedAbbreviations(question, abbreviations);
      const defined = asked.length ? asked : [...entities, ...abbreviations];
      return defined.some((e) => definesAbbreviation(e, s)) ? 1 : 0;
    }
    case 'who': {
      // Capitalised words after the first word that the question does not contain: a name ('s-Hertogenbosch too).
      const names = [...sentence.matchAll(/(?<=\S\s+)(?:['‘’]s-)?\p{Lu}[\p{L}.]+/gu)].map((m) => foldText(m[0]).replace(/\.$/, ''));
      // 'Noord-Oost' is the question's 'Noordoost' in another spelling, not a new name.
      const compact = (x: string) => x.replace(/[^\p{L}\p{N}]/gu, '');
      const qc = compact(q);
      if (names.some((n) => !qc.includes(compact(n))) && newOnes(names, q) > 0) return 1;
      return orgWords.test(s) ? 0.3 : 0;
    }
    case 'why':
      if (!causalCue.test(s)) return 0;
      // Why something went wrong ('why was the tender delayed') is answered by a cause, not by what
      // the plan was for ('Het doel was om …').
      if (setbackWords.test(q) && !causeCue.test(s)) return 0.3;
      // …and best by a cause of the setback itself ('de afhandeling van de klacht maakt dat de planning
      // niet meer haalbaar is'), ahead of a cause of something else in the story.
      if (setbackWords.test(q) && !setbackWords.test(s)) return 0.6;
      return 1;
    case 'level':
      return levelPattern.test(s) ? 1 : 0;
    default:
      return 0;
  }
}

/**
 * Numbers of a folded sentence that count nothing: years, parts of dates, references ('tabel 2',
 * 'artikel 5') and lengths of time ('voor een periode van 2 maanden'), unless `lengthsCount`.
 */
function uncountedNumbers(s: string, lengthsCount = false): Set<string> {
  return new Set([
    ...[...s.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => m[0]),
    ...[...s.matchAll(new RegExp(datePattern.source, 'g'))].flatMap((m) => m[0].split(/\s+/)),
    ...[...s.matchAll(referenceNumber)].map((m) => m[1]!),
    ...(lengthsCount ? [] : [...s.matchAll(lengthOfTime)].map((m) => m[1]!)),
  ]);
}

/**
 * The word right after each number that counts something ('twaalf gemeenten', '42 jeugdhulpregio's'),
 * for numbers the question does not give; years, dates, references and lengths of time count nothing.
 */
export function countedWords(sentence: string, question: string): string[] {
  const s = foldText(sentence);
  const q = foldText(question);
  const skip = uncountedNumbers(s);
  const out: string[] = [];
  for (const m of s.matchAll(countedWord)) {
    const n = /^\S+/.exec(m[0])![0];
    // 'Een 10 voor de Jeugd': a number before a function word is part of a name, and counts nothing.
    const next = m[m.length - 1]!;
    if (!skip.has(n) && newOnes([n], q) > 0 && !dutchStopwords.has(next)) out.push(next);
  }
  return out;
}

/** A Dutch plural noun, as far as its ending tells: 'gemeenten', 'aanbieders', 'regio's'. */
export function looksPlural(word: string): boolean {
  return word.length > 3 && /(?:en|ers|s|'s|’s)$/.test(word) && !/^(?:een|geen|tegen|boven|onder|tussen|binnen|buiten|volgens|eens|zijn|hebben|worden|waren|werden|moeten|kunnen|zullen|gemeentelijke)$/.test(word);
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Dates and numbers in a sentence, normalised; used to see whether two passages disagree. */
export function factsIn(sentence: string): string[] {
  const s = foldText(sentence);
  const out = new Set<string>();
  for (const m of s.matchAll(new RegExp(datePattern.source, 'g'))) out.add(m[0].replace(/\s+/g, ' '));
  for (const m of s.matchAll(/\b\d+\b/g)) out.add(m[0]);
  return [...out];
}

/**
 * The words that may name what a count or identity question asks about: the one or two words right
 * after "hoeveel", "how many" ("Hoeveel bezoekers…", "Na hoeveel mislukte acceptatietests…"), or the
 * head of the noun phrase after a question-opening "wie is de", "who is the" ("Who is the alderman
 * responsible…" → alderman). Empty for other questions.
 */
export function questionFocus(question: string): string[] {
  const q = foldText(question);
  // 'Hoeveel van de 42 jeugdhulpregio's …': the counted thing comes after the partitive.
  const count = /\b(?:hoeveel|how many|how much)\s+(?:(?:van|of)\s+(?:de|het|deze|die|the|these|those)?\s*(?:\d+\s+)?)?([\p{L}\p{N}'’+-]+)(?:\s+([\p{L}\p{N}'’+-]+))?/u.exec(q);
  // 'Hoeveel bedraagt de ouderbijdrage', 'how much does it cost', 'how many times': an amount or a
  // frequency is asked, no counted thing.
  if (count && /^(times|keer|maal|bedraagt|bedragen|bedroeg|bedroegen|kost|kosten|kostte|kostten|is|zijn|was|waren|wordt|worden|werd|werden|heeft|hebben|had|hadden|are|is|was|were|do|does|did|has|have|had|will|would|can|could|cost|costs)$/.test(count[1]!)) return [];
  if (count) return [count[1]!, count[2]].filter((w): w is string => Boolean(w));
  const who = /^\s*(?:wie (?:is|was|zijn|waren) (?:de|het)|who (?:is|was|are|were) the)\s+([\p{L}\p{N}'’+ -]+)/u.exec(q);
  if (!who) return [];
  const phrase: string[] = [];
  for (const w of who[1]!.split(/\s+/)) {
    if (/^(van|voor|in|bij|binnen|op|die|dat|namens|of|for|at|on|within|who|that|responsible|verantwoordelijk)$/.test(w)) break;
    phrase.push(w);
  }
  return phrase.length ? [phrase[phrase.length - 1]!] : [];
}

/**
 * The thing a Dutch 'wat is de …' or 'welke …' question asks for: the head of the noun phrase
 * ("Wat was de opkomst bij …" → opkomst, "Wat is de nieuwe datum van …" → datum, "Welke
 * bezwaartermijn geldt …" → bezwaartermijn). Undefined for other questions.
 */
export function askedThing(question: string): string | undefined {
  const q = foldText(question);
  // 'Welke bezwaartermijn geldt …', 'Voor welk bedrag …': the noun after welke/welk, past an
  // adjective ('welke regionale bijeenkomsten').
  const which = /^\s*(?:(?:voor|bij|in|op|aan|met|van|uit|door|tot) )?welke? ([\p{L}\p{N}'’-]+)(?: ([\p{L}\p{N}'’-]+))?/u.exec(q);
  if (which) {
    const [, first, second] = which;
    const head = second && /(?:ale|ele|ige|ische|lijke|bare|ste|nieuwe|grote|kleine|eerste|andere|lokale|regionale)$/.test(first!) ? second : first!;
    // 'Op welke datum', 'in welk jaar': the kind of answer, which documents give as a value, not a word.
    return /^(datum|data|dag|dagen|jaar|jaren|maand|week|periode|moment|tijdstip|manier|wijze|reden|redenen|aantal|mate|niveau|schaal|schaalniveau)$/.test(head) ? undefined : head;
  }
  const m = /^\s*wat (?:is|was|zijn|waren) (?:de|het)\s+([\p{L}\p{N}'’ -]+)/u.exec(q);
  if (!m) return undefined;
  const phrase: string[] = [];
  for (const w of m[1]!.split(/\s+/)) {
    if (!w || /^(van|voor|in|bij|binnen|op|met|die|dat|om|per|tussen|onder|over|na|tot|is|was|zijn|waren|wordt|werd|en|of|als|volgens|aan|uit)$/.test(w)) break;
    phrase.push(w);
  }
  return phrase[phrase.length - 1];
}

/**
 * The things a list question asks to have listed: the head noun of 'welke verwijzers …', 'wat zijn
 * de kostprijselementen …', 'what are the workshop themes in …', 'what criteria are used …',
 * 'which areas of expertise …' (verwijzers, kostprijselementen, themes, criteria, areas).
 */
export function listedThing(question: string): string | undefined {
  const q = foldText(question);
  // Dutch names the head right after 'welke' or 'wat zijn de', as askedThing reads it.
  const dutch = askedThing(question);
  if (dutch) return dutch;
  // 'What criteria are used …': 'what' straight before a plural noun and a verb.
  const bare = /^\s*what ([\p{L}'’-]+(?:s|ia)) (?:are|were|do|did|does|must|should|can|could|will|would|have|has)\b/u.exec(q);
  if (bare) return bare[1];
  // 'Which areas of expertise …', 'which providers won …': the noun after 'which'.
  const which = /^\s*(?:(?:from|for|in|on|of|to|with|by|at) )?which ([\p{L}'’-]+)/u.exec(q);
  if (which) return which[1];
  // 'What are the workshop themes in …': the last noun before a preposition or verb.
  const m = /^\s*(?:what are|what were|name) (?:the |all )?(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+|main|most important|key) )?([\p{L}'’ -]+)/u.exec(q);
  if (!m) return undefined;
  const phrase: string[] = [];
  for (const w of m[1]!.split(/\s+/)) {
    if (!w || /^(in|of|for|on|at|to|from|with|by|that|which|who|under|within|during|between|about|is|are|was|were|do|does|did|must|should|can|will|have|has|and|or|the|a|an)$/.test(w) || /ed$/.test(w)) break;
    phrase.push(w);
  }
  return phrase.length ? phrase[phrase.length - 1] : undefined;
}

// Roles only a person holds, and roles a body may hold too ('onder voorzitterschap van de gemeente
// Helmond'): both make a 'wie/who' question one after a person.
const personOnlyRoles =
  'wethouder|wethouders|burgemeester|directeur|projectleider|programmamanager|manager|minister|staatssecretaris|ambtenaar|contactpersoon|alderman|mayor|director|project leader|programme manager|program manager|contact person';
const personOrBodyRoles = 'voorzitter|secretaris|leider|chair|chairs|chairman|chairperson|leads|secretary';
// 'Wie', 'who', and 'wat is de naam van', 'what is the name of', 'hoe heet': asks who holds a role.
const whoAsked = '(?:wie|who|naam van|namen van|name of|names of|hoe heet|hoe heten)';
// 'Welke wethouder', 'which alderman': the role right after the asking word, past one adjective.
const whichRole = (roles: string) => `\\b(?:welke?|which)\\s+(?:[a-z-]+\\s+)?(?:${roles})\\b`;
// Nouns only: 'which municipality leads …' asks for a municipality.
const asksForRole = new RegExp(`\\b${whoAsked}\\b.*\\b(${personOnlyRoles}|${personOrBodyRoles})\\b|${whichRole(`${personOnlyRoles}|voorzitter|secretaris|chair|chairman|chairperson|secretary`)}`);
// 'contractmanager' and 'aldermen' are not roles asksForPerson knows: they count here only when the
// question also names one it does.
const asksForPersonOnlyRole = new RegExp(`\\b${whoAsked}\\b.*\\b(${personOnlyRoles}|contractmanager|aldermen)\\b|${whichRole(personOnlyRoles)}`);

/** 'Wie is de wethouder …', 'who chairs …': a question after a person, answered by a person's name. */
export function asksForPerson(question: string): boolean {
  return asksForRole.test(foldText(question));
}

/**
 * 'Wie is de wethouder …', 'who is the contract manager …': a role only a person holds. A chair or a
 * lead may be a body ('onder voorzitterschap van de gemeente Helmond'); an alderman never is.
 */
export function asksForPersonOnly(question: string): boolean {
  return asksForPerson(question) && asksForPersonOnlyRole.test(foldText(question));
}

/** A sentence that speaks of a chair, lead or secretary: 'onder voorzitterschap van', 'geleid door'. */
export function mentionsRole(sentence: string): boolean {
  return /\b(voorzitter\p{L}*|vice-voorzitter|chair\p{L}*|leiding|geleid|leidt|leider\p{L}*|secretaris\p{L}*|trekker\p{L}*|trekt|lead\p{L}*|led by)\b/iu.test(sentence);
}

/** A role right before a first name and surname: 'oud-minister Tamara van Ark', 'wethouder Jan Jansen'. */
const roleBeforeName =
  /\b(?:(?:oud-)?(?:minister|staatssecretaris|wethouder|burgemeester|gedeputeerde|voorzitter|directeur|projectleider|programmamanager|kwartiermaker|former minister|alderman|mayor|chair|chairman|chairwoman|director)s?)\s+(?:\p{Lu}\p{Ll}+\s+)(?:(?:van|de|der|den|ten|ter|het)\s+)*\p{Lu}\p{Ll}+/gu;

const titledName =
  /\b(?:de heer|mevrouw|mevr\.|dhr\.|mw\.|mr\.|drs\.|dr\.|ir\.|ing\.|prof\.|mrs\.|ms\.)\s+(?:(?:mr|drs|dr|ir|ing|prof)\.\s*)*((?:\p{Lu}\.\s?)*(?:(?:van|de|der|den|ten|ter)\s+)*\p{Lu}[\p{L}-]+)?/gu;
const initialledName = /\b\p{Lu}\.(?:\s?\p{Lu}\.)*\s*(?:(?:van|de|der|den|ten|ter)\s+)*\p{Lu}\p{Ll}+/gu;

/**
 * A person's name: a role, title or initials before it ('oud-minister Tamara van Ark', 'de heer G.K.
 * Visser', 'mw. drs. A. de Vries'). With a question, only a name it does not already give counts:
 * 'who investigated the resignation of alderman Visser' is not answered by 'de heer G.K. Visser'.
 */
export function hasPersonName(sentence: string, question?: string): boolean {
  const names = [
    ...[...sentence.matchAll(roleBeforeName)].map((m) => m[0]),
    ...[...sentence.matchAll(titledName)].map((m) => m[1] ?? '?'),
    ...[...sentence.matchAll(initialledName)].map((m) => m[0]),
  ];
  if (question === undefined) return names.length > 0;
  const q = foldText(question);
  // The surname is the last word; a title without a readable name after it counts as new.
  const surname = (name: string) => foldText(name.split(/[\s.]+/).filter(Boolean).pop() ?? '?');
  return names.some((n) => n === '?' || !new RegExp(`\\b${escapeRe(surname(n))}\\b`).test(q));
}

const bodyNouns = '(gemeente|gemeenten|organisatie|organisaties|bureau|bureaus|aanbieder|aanbieders|zorgaanbieder|zorgaanbieders|instelling|instellingen|corporatie|woningcorporatie|partij|partijen|firma|bedrijf|leverancier|leveranciers|regio|regio\'s|municipality|municipalities|organisation|organisations|organization|organizations|agency|firm|company|companies|provider|providers|supplier|suppliers|institution|institutions|corporation|housing corporation|party|parties|region|regions)';

/** 'Welk extern bureau …', 'which providers …': asks for the name(s) of a body, not for the kind of body. */
export function asksForOrganisationName(question: string, maxWordsBetween = 2): boolean {
  return new RegExp(`\\b(welke?|which|what)\\s+(?:\\p{L}+\\s+){0,${maxWordsBetween}}?${bodyNouns}\\b`, 'u').test(foldText(question));
}

/** Capitalised words after a sentence's first word that the question does not contain: names. */
export function newNames(sentence: string, question: string): number {
  const q = foldText(question);
  // An acronym is a name even where it opens the sentence ('AEF adviseert …').
  const names = [...sentence.matchAll(/(?<=\S\s+)(?:['‘’]s-)?\p{Lu}[\p{L}.+-]+|^\s*\p{Lu}{2,}\b/gu)].map((m) => foldText(m[0].trim()).replace(/\.$/, ''));
  // 'Onze Minister', 'de Ministers' of a law are its defined terms, no names.
  return names.filter((n) => n.length > 1 && !q.includes(n) && !/^(onze|minister|ministers)$/.test(n)).length;
}

// The body a 'welke/which' question asks the name of, and the Dutch words documents use for it.
const askedBodies: [RegExp, string][] = [
  [/^(centrum)?(gemeente|gemeenten|municipality|municipalities)$/, 'gemeente|gemeenten'],
  [/^(zorg)?(aanbieder|aanbieders)$|^(provider|providers)$/, '(?:zorg|jeugdhulp|jeugdzorg)?aanbieders?'],
  [/^(bureau|bureaus|agency|agencies|firm|firms|firma|bedrijf|company|companies)$/, '(?:advies|onderzoeks)?bureaus?|firma|bedrijf|bedrijven'],
  [/^(organisatie|organisaties|organisation|organisations|organization|organizations)$/, 'organisaties?'],
  [/^(instelling|instellingen|institution|institutions)$/, 'instellingen?'],
  [/^(woningcorporatie|corporatie|corporation|corporations)$/, '(?:woning)?corporaties?'],
  [/^(partij|partijen|party|parties)$/, 'partij|partijen'],
  [/^(leverancier|leveranciers|supplier|suppliers)$/, 'leveranciers?'],
];
// Words that make a mention of a body a kind, not a name: 'een extern bureau', 'de betreffende aanbieders'.
const genericDeterminer = '(?:een|enkele|sommige|diverse|verschillende|meerdere|bepaalde|andere|de betreffende|een aantal|een of meer|een of meerdere)';

/**
 * 'Welk extern bureau …', 'which housing corporation …' answered by '… door een extern bureau
 * geëvalueerd', '… een pilot met een woningcorporatie': the documents speak of the body only as a
 * kind and name none. False then; undefined when the question asks no body's name or the sentences
 * do not speak of it so.
 */
export function namesAskedBody(question: string, sentences: string[]): boolean | undefined {
  const q = foldText(question);
  // The body noun among the three words after 'welk(e)/which', past adjectives ('welk extern bureau').
  const after = /\b(?:welke?|which)\s+([\p{L}-]+(?:\s+[\p{L}-]+){0,2})/u.exec(q)?.[1]?.split(/\s+/) ?? [];
  const words = after.map((w) => askedBodies.find(([asked]) => asked.test(w))?.[1]).find(Boolean);
  if (!words) return undefined;
  const mentions = new RegExp(`\\b(?:${words})\\b`, 'iu');
  const generic = new RegExp(`\\b${genericDeterminer}\\s+(?:\\p{Ll}+\\s+){0,2}?(?:${words})\\b`, 'iu');
  const about = sentences.filter((x) => mentions.test(foldText(x)));
  if (!about.some((x) => generic.test(foldText(x)))) return undefined;
  return about.some((x) => newNames(x, question) > 0);
}

/** 'Waar vindt … plaats', 'where is … held': asks for a place. */
export function asksForPlace(question: string): boolean {
  return /^\s*(waar|where)\b(?!\s+(staat|staan|stands?)\b)|\b(op welke locatie|in welke plaats|at what location|in which (city|town|place|building))\b/.test(foldText(question));
}

/** 'Waar vindt de conferentie plaats', 'where is the conference being held': the venue of an event. */
export function asksForVenue(question: string): boolean {
  return /\b(waar (?:vindt|vinden|vond|vonden|wordt|worden|werd|werden)\b.*\b(?:plaats|gehouden|georganiseerd)|where (?:is|are|was|were|will|does|do|did)\b.*\b(?:held|take place|taking place|took place|takes place)|op welke locatie|at what location|at which venue)\b/.test(foldText(question));
}

/** A place in the sentence: 'in/te/op' before a capitalised name the question does not contain, or a venue word. */
export function hasPlace(sentence: string, question: string): boolean {
  const q = foldText(question);
  const m = [...sentence.matchAll(/\b(?:in|te|op|bij|naar|at)\s+(?:het\s+|de\s+)?(\p{Lu}[\p{L}-]+)/gu)].map((x) => foldText(x[1]!));
  return m.some((n) => !q.includes(n)) || /\b(locatie|gemeentehuis|stadhuis|zaal|adres|venue|location|address)\b/i.test(sentence);
}
