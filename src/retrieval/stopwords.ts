// Function words that carry no topic: Dutch (Snowball list plus question words) and English
// (question words and common function words, so English questions keep only their content words).
// No English word here may be a Dutch content word ('kind', 'put', 'apart' are not listed), nor part of
// a phrase in corpus/domain-terms.json ('take place', 'without delay'): the sets are consulted whatever
// the language of the text, and before phrases are matched.

export const dutchStopwords = new Set(
  `aan al alle alleen als altijd ander andere anders ben bij binnen blijft daar daarbij daarin daarmee daarna daarom daarop dan dat de deze
   die dit doch doen door dus een eens en er ge geen geweest had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan
   kon kunnen maar me meer men met mij mijn moet moeten na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen
   tot u uit uw van veel voor want waren was wat we wel welk welke werd werden wie wij wordt worden zal ze zei zelf zich zij zijn zo zonder zou
   zouden waar wanneer waarom hoeveel hoelang hoever waaruit waarmee waarover waarvoor waarin waarop welks zoals er erin ervan hierin
   hiervan hierbij deze dezelfde elk elke ieder iedere jij jullie hen haar hare zulke zulk word wordt werd geworden staat staan stond
   gaat gaan ging geldt gelden betekent betekenen afkorting`.split(/\s+/).filter(Boolean),
);

export const englishStopwords = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by can could did do
   does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it
   its itself just me more most my myself no nor not now of off on once only or other our ours out over own same she should so some such
   than that the their theirs them then there these they this those through to too under until up very was we were what when where which
   while who whom why will with would you your yours also whose many much mean means stand stands abbreviation according documents
   document tell please know say says said there's what's who's
   must may might shall needed get gets got getting make makes still else something someone anything anyone everything everyone
   isn aren doesn don didn wasn weren hasn haven cannot whether either neither yet already within toward towards onto though
   although unless us going goes go actually really exactly roughly approximately called currently concretely
   supposed comes came give sure thing things look certain including despite considered proper preferably couple`.split(/\s+/).filter(Boolean),
);

/** Question words that carry the question type, not the topic (used by the answerer). */
export function isStopword(folded: string): boolean {
  return dutchStopwords.has(folded) || englishStopwords.has(folded);
}
