import type { IncomingAgreement } from '../src/core/diff.ts';
import type { CategoryId, CountryCode, DatasetId } from '../src/core/ids.ts';
import type { Dataset, Source, Status } from '../src/core/schemas.ts';
import { seededRandom } from '../src/core/testing/randomAgreements.ts';

// Deterministic synthetic agreements for benchmarks: realistic shapes (one or a few partners, partial dates,
// one or two sources, flags) without depending on the country registry or any real dataset.

// ISO 3166-1 alpha-2 codes, listed here so the generator needs nothing else.
const COUNTRIES = (
  'AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM ' +
  'CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HN ' +
  'HR HT HU ID IE IL IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC ' +
  'MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY ' +
  'QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA ' +
  'UG US UY UZ VA VC VE VN VU WS YE ZA ZM ZW'
).split(' ') as CountryCode[];

const CATEGORIES = ['treaty', 'memorandum', 'framework'] as CategoryId[];
const STATUSES: Status[] = ['unknown', 'signed', 'in-force', 'terminated', 'under-negotiation'];
const TOPICS = [
  'information security',
  'cybercrime',
  'mutual legal assistance',
  'critical infrastructure',
  'data',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function syntheticAgreements(n: number, seed = 1): IncomingAgreement[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: IncomingAgreement[] = [];
  for (let i = 0; i < n; i++) {
    const multilateral = rand() < 0.05;
    const partners = new Set<CountryCode>([pick(COUNTRIES)]);
    while (multilateral && partners.size < 3) partners.add(pick(COUNTRIES));
    const year = 1990 + Math.floor(rand() * 35);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const shape = rand();
    const date =
      shape < 0.1
        ? { text: '', year: null, month: null, day: null }
        : shape < 0.4
          ? { text: String(year), year, month: null, day: null }
          : shape < 0.8
            ? { text: `${MONTHS[month - 1]} ${year}`, year, month, day: null }
            : {
                text: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
                year,
                month,
                day,
              };
    const topic = pick(TOPICS);
    const sources: Source[] = [
      {
        url: `https://example.org/agreements/${seed}/${i}`,
        title: `Record ${i}`,
        archivedUrl: null,
        lastChecked: null,
        httpStatus: null,
      },
    ];
    if (rand() < 0.3) {
      sources.push({
        url: `https://news.example.com/${year}/${i}`,
        title: `Press release on ${topic}`,
        archivedUrl: `https://web.archive.org/web/${year}/https://news.example.com/${year}/${i}`,
        lastChecked: '2024-01-01T00:00:00.000Z',
        httpStatus: 200,
      });
    }
    out.push({
      category: pick(CATEGORIES),
      partners: [...partners],
      title: `Agreement on ${topic} with ${[...partners].join(', ')}`,
      date,
      summary: rand() < 0.5 ? '' : `Cooperation on ${topic}, including exchange of information and training.`,
      sources,
      flags: { nonGovernmental: rand() < 0.05, multilateral, mentionsOnly: rand() < 0.2 },
      status: pick(STATUSES),
    });
  }
  return out;
}

/** A dataset configuration matching the synthetic categories. */
export function syntheticDataset(id: string): Dataset {
  return {
    id: id as DatasetId,
    title: 'Synthetic agreements',
    description: 'Generated data for benchmarks.',
    focalCountry: 'ZZ' as CountryCode,
    license: { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
    credits: [],
    citation: '',
    sourceUrl: null,
    categories: CATEGORIES.map((c, i) => ({
      id: c,
      label: c,
      shortLabel: c,
      description: '',
      color: ['#0072B2', '#E69F00', '#009E73'][i]!,
      count: i === 0 ? ('partners' as const) : ('records' as const),
      columns: [c.toUpperCase()],
    })),
    sheet: {
      country: ['COUNTRY'],
      date: ['DATE'],
      comment: ['COMMENT'],
      datedCategory: CATEGORIES[1]!,
      empty: [],
    },
    lastPublished: null,
  };
}
