/**
 * Tracking companies Shopify recognises, parsed from the description of
 * `FulfillmentTrackingInfo.company` in the schema, and URL building for them.
 */
import { isObjectType, type GraphQLSchema } from 'graphql';

const companyCache = new WeakMap<GraphQLSchema, Set<string>>();

export function parseTrackingCompanies(description: string): string[] {
  const out = new Set<string>();
  for (const raw of description.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('* ')) continue;
    const body = line.slice(2).trim();
    const country = /^\*\*[^*]+\*\*:\s*(.*)$/.exec(body);
    const names = country ? country[1].split(',') : [body];
    for (const n of names) {
      const name = n.trim().replace(/\.$/, '');
      if (name) out.add(name);
    }
  }
  return [...out];
}

export function knownTrackingCompanies(schema: GraphQLSchema): Set<string> {
  let set = companyCache.get(schema);
  if (!set) {
    const t = schema.getType('FulfillmentTrackingInfo');
    const desc = t && isObjectType(t) ? (t.getFields().company?.description ?? '') : '';
    set = new Set(parseTrackingCompanies(desc).map((c) => c.toLowerCase()));
    companyCache.set(schema, set);
  }
  return set;
}

const TEMPLATES: Record<string, (n: string) => string> = {
  ups: (n) => `https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=${n}`,
  usps: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  fedex: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  'dhl express': (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}&brand=DHL`,
  dhl: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}&brand=DHL`,
  'dhl ecommerce': (n) => `https://webtrack.dhlglobalmail.com/?trackingnumber=${n}`,
  'canada post': (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/details/${n}`,
  'royal mail': (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}`,
  'australia post': (n) => `https://auspost.com.au/mypost/track/#/details/${n}`,
  postnl: (n) => `https://postnl.nl/tracktrace/?B=${n}&P=&D=&T=C`,
  'deutsche post': (n) => `https://www.deutschepost.de/sendung/simpleQuery.html?form.sendungsnummer=${n}`,
  dpd: (n) => `https://tracking.dpd.de/parcelstatus?query=${n}`,
  gls: (n) => `https://gls-group.eu/EU/en/parcel-tracking?match=${n}`,
  evri: (n) => `https://www.evri.com/track/parcel/${n}`,
  hermes: (n) => `https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation/#${n}`,
};

/** URL Shopify builds for a recognised company; null when it does not recognise it. */
export function buildTrackingUrl(schema: GraphQLSchema, company: string | null | undefined, number: string | null | undefined): string | null {
  if (!company || !number) return null;
  const key = company.trim().toLowerCase();
  if (!knownTrackingCompanies(schema).has(key)) return null;
  const enc = encodeURIComponent(number);
  const tpl = TEMPLATES[key];
  return tpl ? tpl(enc) : `https://t.17track.net/en#nums=${enc}`;
}
