// The project's own names for countries, beyond the ISO and official English names: historical names,
// informal names and the abbreviated spellings spreadsheets use. Spelling variants that normalisation
// already handles ("&" for "and", "St." for "Saint", "Is." for "Islands", accents, a leading "The",
// "Korea, South" for "South Korea") need no entry here. Each entry says why it maps where it does.

export type AliasEntry = {
  names: readonly string[];
  /** The country meant; null for a dissolved country (successors), an ambiguous name (candidates) or a region. */
  iso2: string | null;
  note: string;
  /** A dissolved country's successors, in ISO alpha-2. */
  successors?: readonly string[];
  /** The countries an ambiguous name could mean. */
  candidates?: readonly string[];
};

const USSR = ['RU', 'UA', 'BY', 'MD', 'EE', 'LV', 'LT', 'GE', 'AM', 'AZ', 'KZ', 'KG', 'TJ', 'TM', 'UZ'];

export const ALIASES: readonly AliasEntry[] = [
  // Historic names of countries that still exist.
  { names: ['Burma'], iso2: 'MM', note: 'historic name; now Myanmar' },
  { names: ['Swaziland'], iso2: 'SZ', note: 'former name; renamed Eswatini in 2018' },
  {
    names: ['Macedonia', 'FYROM', 'Former Yugoslav Republic of Macedonia', 'Republic of Macedonia'],
    iso2: 'MK',
    note: 'former name; renamed North Macedonia in 2019',
  },
  { names: ['East Timor', 'Portuguese Timor'], iso2: 'TL', note: 'English name of Timor-Leste' },
  { names: ['Zaire'], iso2: 'CD', note: 'former name (1971–1997); now the Democratic Republic of the Congo' },
  { names: ['Ceylon'], iso2: 'LK', note: 'former name; renamed Sri Lanka in 1972' },
  { names: ['Siam'], iso2: 'TH', note: 'former name; renamed Thailand in 1939' },
  { names: ['Persia'], iso2: 'IR', note: 'historic name of Iran' },
  { names: ['Rhodesia', 'Southern Rhodesia'], iso2: 'ZW', note: 'former name; now Zimbabwe' },
  { names: ['Northern Rhodesia'], iso2: 'ZM', note: 'former name; now Zambia' },
  { names: ['Nyasaland'], iso2: 'MW', note: 'former name; now Malawi' },
  { names: ['Upper Volta'], iso2: 'BF', note: 'former name; renamed Burkina Faso in 1984' },
  { names: ['Dahomey'], iso2: 'BJ', note: 'former name; renamed Benin in 1975' },
  { names: ['Kampuchea', 'Khmer Republic'], iso2: 'KH', note: 'former name of Cambodia' },
  { names: ['Bechuanaland'], iso2: 'BW', note: 'former name; now Botswana' },
  { names: ['Basutoland'], iso2: 'LS', note: 'former name; now Lesotho' },
  { names: ['Tanganyika', 'Zanzibar'], iso2: 'TZ', note: 'united with Zanzibar in 1964 as Tanzania' },
  { names: ['Gold Coast'], iso2: 'GH', note: 'former name; now Ghana' },
  { names: ['British Honduras'], iso2: 'BZ', note: 'former name; now Belize' },
  { names: ['Dutch Guiana'], iso2: 'SR', note: 'former name; now Suriname' },
  { names: ['Abyssinia'], iso2: 'ET', note: 'historic name of Ethiopia' },
  { names: ['Formosa'], iso2: 'TW', note: 'historic name of Taiwan' },
  { names: ['East Pakistan'], iso2: 'BD', note: 'former name; independent as Bangladesh in 1971' },
  { names: ['Western Samoa'], iso2: 'WS', note: 'former name; renamed Samoa in 1997' },
  { names: ['New Hebrides'], iso2: 'VU', note: 'former name; now Vanuatu' },
  { names: ['Ellice Islands'], iso2: 'TV', note: 'former name; now Tuvalu' },
  { names: ['Gilbert Islands'], iso2: 'KI', note: 'former name; now Kiribati' },
  { names: ['Malagasy Republic'], iso2: 'MG', note: 'former name; now Madagascar' },
  { names: ['Spanish Sahara'], iso2: 'EH', note: 'former name of Western Sahara' },
  { names: ['Byelorussia', 'Belorussia', 'Byelorussian SSR'], iso2: 'BY', note: 'former name of Belarus' },
  { names: ['Moldavia'], iso2: 'MD', note: 'former name of Moldova' },
  { names: ['Kirghizia', 'Kirgizia'], iso2: 'KG', note: 'former name of Kyrgyzstan' },
  { names: ['Turkmenia'], iso2: 'TM', note: 'former name of Turkmenistan' },
  {
    names: ['West Germany', 'East Germany', 'German Democratic Republic'],
    iso2: 'DE',
    note: 'reunified as Germany in 1990',
  },
  {
    names: ['North Yemen', 'South Yemen', 'Yemen Arab Republic'],
    iso2: 'YE',
    note: 'unified as Yemen in 1990',
  },

  // Dissolved countries: no single code; the caller must choose a successor.
  {
    names: ['Netherlands Antilles', 'Antilles', 'Dutch Antilles'],
    iso2: null,
    successors: ['BQ', 'CW', 'SX'],
    note: 'dissolved in 2010 into Bonaire, Sint Eustatius and Saba (BQ), Curaçao (CW) and Sint Maarten (SX)',
  },
  {
    names: ['Yugoslavia', 'Socialist Federal Republic of Yugoslavia'],
    iso2: null,
    successors: ['BA', 'HR', 'MK', 'ME', 'RS', 'SI', 'XK'],
    note: 'dissolved between 1991 and 2008 into seven countries',
  },
  {
    names: ['Serbia and Montenegro'],
    iso2: null,
    successors: ['RS', 'ME'],
    note: 'dissolved in 2006 into Serbia and Montenegro',
  },
  {
    names: ['Czechoslovakia'],
    iso2: null,
    successors: ['CZ', 'SK'],
    note: 'dissolved in 1993 into Czechia and Slovakia',
  },
  {
    names: ['Soviet Union', 'USSR', 'Union of Soviet Socialist Republics'],
    iso2: null,
    successors: USSR,
    note: 'dissolved in 1991 into fifteen countries',
  },

  // Names that could mean more than one country.
  { names: ['Korea'], iso2: null, candidates: ['KR', 'KP'], note: 'could be South Korea or North Korea' },
  {
    names: ['Congo'],
    iso2: null,
    candidates: ['CG', 'CD'],
    note: 'could be the Republic of the Congo (Brazzaville) or the Democratic Republic of the Congo (Kinshasa)',
  },

  // Regions and groups: never a country, and close enough to one ("South America", "South Africa") that a
  // fuzzy match would otherwise guess.
  {
    names: [
      'Africa',
      'Asia',
      'Europe',
      'Oceania',
      'Americas',
      'South America',
      'North America',
      'Central America',
      'Latin America',
      'Caribbean',
      'Middle East',
    ],
    iso2: null,
    note: 'a region, not a country; name the country',
  },
  {
    names: ['European Union', 'EU', 'ASEAN', 'African Union', 'United Nations', 'UN', 'BRICS', 'G20'],
    iso2: null,
    note: 'a group of countries, not one country; name each country',
  },

  // Informal names and abbreviations.
  {
    names: ['Korea, South', 'South Korea', 'Republic of Korea', 'ROK', 'S. Korea'],
    iso2: 'KR',
    note: 'informal name of the Republic of Korea',
  },
  {
    names: ['Korea, North', 'North Korea', 'DPRK', "Democratic People's Republic of Korea", 'N. Korea'],
    iso2: 'KP',
    note: "informal name of the Democratic People's Republic of Korea",
  },
  {
    names: ['DRC', 'DRC (Democratic Republic of the Congo)', 'Congo-Kinshasa', 'Congo, Dem. Rep.'],
    iso2: 'CD',
    note: 'the Democratic Republic of the Congo',
  },
  {
    names: ['Congo-Brazzaville', 'Congo, Rep.'],
    iso2: 'CG',
    note: 'the Republic of the Congo',
  },
  { names: ['Micronesia, Fed. St.', 'Federated States of Micronesia'], iso2: 'FM', note: 'Micronesia' },
  { names: ['N. Mariana Islands', 'Northern Marianas'], iso2: 'MP', note: 'the Northern Mariana Islands' },
  {
    names: ['Gaza Strip', 'Gaza', 'West Bank'],
    iso2: 'PS',
    note: 'part of the Palestinian territories (ISO: Palestine, PS)',
  },
  {
    names: ['Palestinian Territories', 'Palestinian Territory', 'Occupied Palestinian Territory'],
    iso2: 'PS',
    note: 'the Palestinian territories (ISO: Palestine, PS)',
  },
  { names: ['Central African Rep.', 'CAR'], iso2: 'CF', note: 'the Central African Republic' },
  {
    names: ['British Virgin Is.', 'BVI', 'Virgin Islands (UK)'],
    iso2: 'VG',
    note: 'the British Virgin Islands',
  },
  {
    names: ['Virgin Islands'],
    iso2: 'VI',
    note: 'taken as the U.S. Virgin Islands, as in the seed; write "British Virgin Islands" for VG',
  },
  {
    names: ['US Virgin Islands', 'USVI', 'United States Virgin Islands', 'American Virgin Islands'],
    iso2: 'VI',
    note: 'the U.S. Virgin Islands',
  },
  { names: ['Turks & Caicos Is.', 'Turks and Caicos'], iso2: 'TC', note: 'the Turks and Caicos Islands' },
  { names: ['St Pierre & Miquelon'], iso2: 'PM', note: 'Saint Pierre and Miquelon' },
  { names: ['St Helena', 'Ascension Island', 'Tristan da Cunha'], iso2: 'SH', note: 'ISO groups them as SH' },
  { names: ['Cape Verde'], iso2: 'CV', note: 'former English name of Cabo Verde' },
  { names: ['Ivory Coast'], iso2: 'CI', note: "English name of Côte d'Ivoire" },
  {
    names: ['UK', 'Great Britain', 'Britain'],
    iso2: 'GB',
    note: 'the United Kingdom',
  },
  {
    names: ['England', 'Scotland', 'Wales', 'Northern Ireland'],
    iso2: 'GB',
    note: 'part of the United Kingdom',
  },
  {
    names: ['USA', 'US', 'America', 'United States of America'],
    iso2: 'US',
    note: 'the United States',
  },
  { names: ['UAE', 'Emirates'], iso2: 'AE', note: 'the United Arab Emirates' },
  { names: ['Holland'], iso2: 'NL', note: 'informal name of the Netherlands' },
  { names: ['Czech Republic'], iso2: 'CZ', note: 'former short name of Czechia' },
  { names: ['Turkey', 'Türkiye'], iso2: 'TR', note: 'Türkiye (Turkey)' },
  { names: ['Russia', 'Russian Federation'], iso2: 'RU', note: 'the Russian Federation' },
  { names: ['Iran'], iso2: 'IR', note: 'the Islamic Republic of Iran' },
  { names: ['Syria'], iso2: 'SY', note: 'the Syrian Arab Republic' },
  { names: ['Laos', 'Lao PDR', 'Lao'], iso2: 'LA', note: "the Lao People's Democratic Republic" },
  { names: ['Vietnam', 'Viet Nam'], iso2: 'VN', note: 'Viet Nam' },
  { names: ['Brunei', 'Brunei Darussalam'], iso2: 'BN', note: 'Brunei Darussalam' },
  { names: ['Macau', 'Macau SAR', 'Macao SAR'], iso2: 'MO', note: 'Macao' },
  { names: ['Hong Kong SAR', 'Hong Kong, China'], iso2: 'HK', note: 'Hong Kong' },
  {
    names: ['Bosnia', 'Bosnia & Herzegovina'],
    iso2: 'BA',
    note: 'Bosnia and Herzegovina',
  },
  { names: ['Antigua', 'Antigua & Barbuda'], iso2: 'AG', note: 'Antigua and Barbuda' },
  { names: ['Trinidad', 'Trinidad & Tobago'], iso2: 'TT', note: 'Trinidad and Tobago' },
  {
    names: ['Saint Kitts & Nevis', 'St Kitts', 'Saint Christopher and Nevis'],
    iso2: 'KN',
    note: 'Saint Kitts and Nevis',
  },
  { names: ['St Vincent'], iso2: 'VC', note: 'Saint Vincent and the Grenadines' },
  { names: ['Sao Tome'], iso2: 'ST', note: 'São Tomé and Príncipe' },
  { names: ['Saint Barts', 'St Barths', 'Saint Barthelemy'], iso2: 'BL', note: 'Saint Barthélemy' },
  {
    names: ['Bonaire', 'Sint Eustatius', 'Saba', 'Caribbean Netherlands'],
    iso2: 'BQ',
    note: 'ISO groups them as BQ',
  },
  { names: ['Svalbard', 'Jan Mayen'], iso2: 'SJ', note: 'ISO groups them as Svalbard and Jan Mayen (SJ)' },
  { names: ['Falklands'], iso2: 'FK', note: 'the Falkland Islands' },
  { names: ['South Georgia'], iso2: 'GS', note: 'South Georgia and the South Sandwich Islands' },
  { names: ['Faeroe Islands', 'Faroes'], iso2: 'FO', note: 'the Faroe Islands' },
  { names: ['Vatican', 'Holy See', 'Vatican City State'], iso2: 'VA', note: 'the Holy See (Vatican City)' },
  { names: ['Taiwan', 'Chinese Taipei', 'Republic of China'], iso2: 'TW', note: 'Taiwan' },
  { names: ['Palestine', 'State of Palestine'], iso2: 'PS', note: 'the State of Palestine' },
  { names: ['Kosovo'], iso2: 'XK', note: 'Kosovo (XK is a user-assigned code, not yet in ISO 3166-1)' },
  { names: ['Timor-Leste'], iso2: 'TL', note: 'Timor-Leste' },
  { names: ['eSwatini', 'Kingdom of Eswatini'], iso2: 'SZ', note: 'Eswatini' },
  { names: ['North Macedonia'], iso2: 'MK', note: 'North Macedonia' },
  { names: ['PRC', 'Mainland China'], iso2: 'CN', note: "the People's Republic of China" },
  { names: ['KSA', 'Saudi'], iso2: 'SA', note: 'Saudi Arabia' },
  { names: ['Kyrgyz Republic'], iso2: 'KG', note: 'Kyrgyzstan' },
  { names: ['Slovak Republic'], iso2: 'SK', note: 'Slovakia' },
  { names: ['Aotearoa'], iso2: 'NZ', note: 'Māori name of New Zealand' },
];
