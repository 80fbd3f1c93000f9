// Decides whether a question is Dutch or English from its function words; Dutch when in doubt,
// because Dutch is the product's default language.
import type { Language } from '../core/types.js';

const english = new Set(
  'the a an what when where which who whom whose why how is are was were does do did has have had of for to in on with by from about and or this that these those can could should would will many much there their its it my our your any mean stand'.split(' '),
);
const dutch = new Set(
  'de het een wat wanneer waar welke welk wie waarom hoe is zijn was waren wordt worden werd heeft hebben van voor naar in op met door over en of dit dat deze die kan kunnen moet moeten zal hoeveel staat betekent geldt bij uit ook niet er nog we wij je u'.split(' '),
);

export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z']+/g) ?? [];
  let en = 0;
  let nl = 0;
  for (const w of words) {
    // Words in both lists ('is', 'in', 'of') count for neither.
    const e = english.has(w);
    const d = dutch.has(w);
    if (e && !d) en++;
    if (d && !e) nl++;
  }
  return en > nl ? 'en' : 'nl';
}
