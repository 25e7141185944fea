/**
 * A client's postal address on schema version 2, and the rules that turn version 1's free text
 * into it. The crm subgraph writes with them (a free-text address sent to a version 2 tenant is
 * parsed the same way) and the tenant migration to version 2 applies them to stored rows.
 */
export interface PostalAddress {
  line1: string;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

// ICU also names regions that are not ISO 3166-1 countries (EU, UN, the reserved X* codes,
// withdrawn codes such as SU or YU); they are not accepted as countries.
const NOT_COUNTRIES = new Set('AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB XK YD YU ZR ZZ'.split(' '));

/** The 249 ISO 3166-1 alpha-2 codes, from the runtime's own region data. */
export const ISO_COUNTRY_CODES: ReadonlySet<string> = (() => {
  const codes = new Set<string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = regionNames.of(code);
      if (name && name !== code) codes.add(code);
    }
  }
  return codes;
})();

const normalise = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[.']/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

const COUNTRY_BY_NAME: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, string>();
  for (const code of ISO_COUNTRY_CODES) names.set(normalise(regionNames.of(code)!), code);
  const aliases: Record<string, string> = {
    usa: 'US', 'united states of america': 'US', america: 'US', uk: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
    'northern ireland': 'GB', deutschland: 'DE', holland: 'NL', 'the netherlands': 'NL', espana: 'ES', schweiz: 'CH', suisse: 'CH',
    osterreich: 'AT', italia: 'IT', 'south korea': 'KR', 'czech republic': 'CZ', russia: 'RU', uae: 'AE',
  };
  for (const [name, code] of Object.entries(aliases)) names.set(name, code);
  return names;
})();

/** The ISO code for a country written as its code or its English name (or a common alias); null when none matches. */
export function countryCode(text: string): string | null {
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && ISO_COUNTRY_CODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return COUNTRY_BY_NAME.get(normalise(trimmed)) ?? null;
}

export class AddressParseError extends Error {}

const POSTAL_TOKEN = /\d/;
const REGION_CODE = /^[A-Z]{2,3}$/;

/**
 * Splits a free-text address. The rules, in order:
 * 1. Pieces are separated by commas or line breaks; the last piece is the country, as an ISO
 *    code or an English name (required: without it the address is refused).
 * 2. The piece before it is the locality. Its tokens containing a digit are the postal code
 *    ("94103", "SW1A 1AA", "10115"). Of what remains, a last word of 2-3 capitals is the
 *    region ("CA"); the rest is the city. A locality left with only a region or nothing
 *    ("CA 94103") takes the city from the piece before it.
 * 3. The first remaining piece is line1 (required); any others, joined, are line2.
 */
export function parseFreeTextAddress(text: string): PostalAddress {
  const pieces = text.split(/[,\n]/).map((piece) => piece.trim()).filter(Boolean);
  const countryText = pieces.pop();
  const country = countryText === undefined ? null : countryCode(countryText);
  if (!country) throw new AddressParseError(`names no country as its last part (an ISO 3166 code or an English name): "${text}"`);

  let city: string | null = null;
  let region: string | null = null;
  let postalCode: string | null = null;
  const locality = pieces.pop();
  if (locality !== undefined) {
    const words = locality.split(' ').filter(Boolean);
    const postal = words.filter((word) => POSTAL_TOKEN.test(word));
    postalCode = postal.length > 0 ? postal.join(' ') : null;
    const rest = words.filter((word) => !POSTAL_TOKEN.test(word));
    if (rest.length > 0 && REGION_CODE.test(rest[rest.length - 1]!) && (rest.length > 1 || postalCode !== null)) region = rest.pop()!;
    city = rest.length > 0 ? rest.join(' ') : null;
    if (city === null && pieces.length > 1) city = pieces.pop()!;
  }
  const line1 = pieces.shift();
  if (!line1) throw new AddressParseError(`has no street line before the city: "${text}"`);
  return { line1, line2: pieces.length > 0 ? pieces.join(', ') : null, city, region, postalCode, country };
}

/** Version 1's single line, derived from the structured address: the shape parseFreeTextAddress reads back. */
export function formatAddress(address: PostalAddress): string {
  const regionAndPostal = [address.region, address.postalCode].filter(Boolean).join(' ');
  return [address.line1, address.line2, address.city, regionAndPostal, address.country].filter(Boolean).join(', ');
}
