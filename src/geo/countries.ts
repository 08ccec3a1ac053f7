/** ISO 3166-1 alpha-2 codes by continent, named as GeoLite2 (Splunk's iplocation database) names them. */
const CONTINENTS: Readonly<Record<string, string>> = {
  Africa:
    'AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ ' +
    'NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW',
  Antarctica: 'AQ BV GS HM TF',
  Asia:
    'AE AF AM AZ BD BH BN BT CN CY GE HK ID IL IN IO IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP ' +
    'OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE',
  Europe:
    'AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME ' +
    'MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK',
  'North America':
    'AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA PM PR SV SX ' +
    'TC TT US VC VG VI',
  Oceania: 'AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS',
  'South America': 'AR BO BR CL CO EC FK GF GY PE PY SR UY VE',
};

const CONTINENT_OF = new Map(
  Object.entries(CONTINENTS).flatMap(([name, codes]) => codes.split(' ').map((c) => [c, name] as const)),
);

/** GeoLite2's English names where they differ from the CLDR names `Intl.DisplayNames` gives. */
const GEOLITE_NAMES: Readonly<Record<string, string>> = {
  AG: 'Antigua and Barbuda',
  AX: 'Åland',
  BA: 'Bosnia and Herzegovina',
  BQ: 'Bonaire, Sint Eustatius, and Saba',
  CC: 'Cocos [Keeling] Islands',
  CD: 'DR Congo',
  CG: 'Congo Republic',
  CI: 'Ivory Coast',
  CV: 'Cabo Verde',
  FM: 'Federated States of Micronesia',
  HK: 'Hong Kong',
  KN: 'St Kitts and Nevis',
  LC: 'Saint Lucia',
  MF: 'Saint Martin',
  MM: 'Myanmar',
  MO: 'Macao',
  PM: 'Saint Pierre and Miquelon',
  PS: 'Palestine',
  SH: 'Saint Helena',
  ST: 'São Tomé and Príncipe',
  TC: 'Turks and Caicos Islands',
  TT: 'Trinidad and Tobago',
  VC: 'St Vincent and Grenadines',
  WF: 'Wallis and Futuna',
};

const cldr = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** The English country name for an ISO code; null for codes that name no country (`ZZ`, '') . */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return null;
  return GEOLITE_NAMES[code] ?? cldr.of(code) ?? null;
}

export function continentName(code: string): string | null {
  return CONTINENT_OF.get(code) ?? null;
}
