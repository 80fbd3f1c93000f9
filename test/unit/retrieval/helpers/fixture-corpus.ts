// A small hand-made IndexedCorpus in the shape ingest produces, for unit tests.
import type { Chunk, DocumentMeta, GlossaryEntry, IndexedCorpus } from '../../../../src/core/types.js';

const doc = (id: string, title: string, date: string, region: string): DocumentMeta => ({ id, path: `/corpus/${id}.txt`, file: `${id}.txt`, title, date, region, scope: region, sha256: id });
const chunk = (docId: string, ordinal: number, text: string, section = '', context?: string, page: number | null = null): Chunk => ({ id: `${docId}#${ordinal}`, docId, ordinal, text, section, page, context });

export function fixtureCorpus(): IndexedCorpus {
  const documents = [
    doc('nvo-2021', 'Uitwerking Norm voor Opdrachtgeverschap (NvO)', '2021-10', 'Zuidoost-Brabant'),
    doc('nieuwsbrief-2019', 'Nieuwsbrief inkoopsamenwerking', '2019-02', 'Peel'),
    doc('brief-2018', 'Raadsinformatiebrief regionale samenwerking', '2018', 'Zuidoost-Brabant'),
    doc('kader-2020', 'Vastgesteld inkoopkader jeugdhulp', '2020-12-17', 'Zuid-Holland Zuid'),
  ];
  const chunks = [
    chunk('nvo-2021', 0, 'Met de Norm voor Opdrachtgeverschap (NvO) zijn gemeenten verplicht om vast te leggen hoe zij in de regio samenwerken. De NvO bestaat uit acht afspraken.', '1 Inleiding'),
    chunk('nvo-2021', 1, 'JeugdzorgPlus Bi-regionaal (ZOB) en bovenregionaal Bovenregionaal (Landsdeel Zuidoost), Roermond is penvoerder', '5.3.2 Het organiseren van aanbod', 'Thema Beleid Inkoop Leveranciersmanagement schaalniveau'),
    chunk('nvo-2021', 2, 'De herijkte inkoopstrategie deelt de jeugdhulp in vijf segmenten in. Aanbieders van jeugdhulp worden per segment gecontracteerd.', '4 Inkoop'),
    chunk('nvo-2021', 3, 'Het kwartaaloverleg over administratie en berichtenverkeer met de aanbieders staat onder voorzitterschap van de gemeente Helmond.', '6 Administratieve lasten'),
    chunk('nieuwsbrief-2019', 0, 'Op 13 juni 2019 organiseren we als 10 samenwerkende gemeenten een conferentie over de inkoopsamenwerking.', 'Conferentie'),
    chunk('nieuwsbrief-2019', 1, 'Mijlpaal 3: de inkoopstrategie Verblijf en HSB moet medio 2019 klaarliggen. De deadline van de implementatie is 1 juli 2019.', 'Mijlpaal 3'),
    chunk('nieuwsbrief-2019', 2, 'TAJ staat daarin voor Transitie Autoriteit Jeugd, die toezicht houdt op de continuïteit van zorg.', 'Achtergrond'),
    chunk('brief-2018', 0, 'De gemeenteraad wordt gevraagd in te stemmen met de dienstverleningsovereenkomst; de looptijd van de contracten is drie jaar.', 'Voorstel'),
    chunk('nvo-2021', 4, 'De initiële looptijd van de vernieuwde contracten is zes jaar, met een optie tot verlenging.', '7 Zorgvuldige inkoop'),
    chunk('kader-2020', 0, 'Op 10 december 2020 heeft het Algemeen Bestuur het inkoopkader jeugdhulp 2022 e.v. vastgesteld, na overweging van de zienswijzen.', 'Besluit'),
    chunk('kader-2020', 1, 'In Zuid-Holland Zuid hebben 145 zorgaanbieders een Regionaal Transitie Arrangement.', 'Aanbieders'),
  ];
  const glossary: GlossaryEntry[] = [
    { abbr: 'HSB', expansion: 'Hoog Specialistische Behandeling', origin: 'curated' },
    { abbr: 'ZOB', expansion: 'Zuidoost-Brabant', origin: 'curated' },
  ];
  return { documents, chunks, glossary, builtAt: '2026-11-25T00:00:00.000Z' };
}
