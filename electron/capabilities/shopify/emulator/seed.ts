/** Deterministic, realistic demo orders: customers in several countries, SKUs with EAN-13 barcodes. */
import type { Address, OrderRecord } from './model';
import type { EmulatorState } from './state';
import { createRng, intBetween, pick, type Rng } from './random';

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Mia', 'Leon', 'Sofia', 'Hugo', 'Yuki', 'Chloé', 'Jack', 'Isla', 'Mateo', 'Freya'];
const LAST = [
  'Smith',
  'Müller',
  'Tremblay',
  'Martin',
  'Brown',
  'Jansen',
  'Wilson',
  'Schmidt',
  'Dubois',
  'Tanaka',
  'Taylor',
  'Nguyen',
  'Roy',
  'Bakker',
  'Walker',
  'Fischer',
];

interface Place {
  city: string;
  province: string | null;
  provinceCode: string | null;
  country: string;
  countryCode: string;
  zip: () => string;
  street: string[];
}
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => intBetween(rng, 0, 9)).join('');

function places(rng: Rng): Place[] {
  return [
    {
      city: 'Austin',
      province: 'Texas',
      provinceCode: 'TX',
      country: 'United States',
      countryCode: 'US',
      zip: () => `787${digits(rng, 2)}`,
      street: ['Congress Ave', 'Lamar Blvd', 'Guadalupe St'],
    },
    {
      city: 'Brooklyn',
      province: 'New York',
      provinceCode: 'NY',
      country: 'United States',
      countryCode: 'US',
      zip: () => `112${digits(rng, 2)}`,
      street: ['Atlantic Ave', 'Bedford Ave', 'Court St'],
    },
    {
      city: 'Toronto',
      province: 'Ontario',
      provinceCode: 'ON',
      country: 'Canada',
      countryCode: 'CA',
      zip: () => `M5V ${intBetween(rng, 1, 9)}A${intBetween(rng, 1, 9)}`,
      street: ['Queen St W', 'King St E', 'Spadina Ave'],
    },
    {
      city: 'Manchester',
      province: 'England',
      provinceCode: 'ENG',
      country: 'United Kingdom',
      countryCode: 'GB',
      zip: () => `M${intBetween(rng, 1, 40)} ${intBetween(rng, 1, 9)}AB`,
      street: ['Deansgate', 'Oxford Road', 'Market Street'],
    },
    {
      city: 'Berlin',
      province: null,
      provinceCode: null,
      country: 'Germany',
      countryCode: 'DE',
      zip: () => `10${digits(rng, 3)}`,
      street: ['Torstraße', 'Kastanienallee', 'Sonnenallee'],
    },
    {
      city: 'Lyon',
      province: null,
      provinceCode: null,
      country: 'France',
      countryCode: 'FR',
      zip: () => `6900${intBetween(rng, 1, 9)}`,
      street: ['Rue de la République', 'Cours Lafayette', 'Rue Mercière'],
    },
    {
      city: 'Melbourne',
      province: 'Victoria',
      provinceCode: 'VIC',
      country: 'Australia',
      countryCode: 'AU',
      zip: () => `30${digits(rng, 2)}`,
      street: ['Collins St', 'Swanston St', 'Chapel St'],
    },
    {
      city: 'Utrecht',
      province: 'Utrecht',
      provinceCode: 'UT',
      country: 'Netherlands',
      countryCode: 'NL',
      zip: () => `35${digits(rng, 2)} AB`,
      street: ['Oudegracht', 'Biltstraat', 'Voorstraat'],
    },
  ];
}

const PRODUCTS: { title: string; variants: (string | null)[]; price: string }[] = [
  { title: 'Merino Crew Sock', variants: ['S', 'M', 'L'], price: '14.00' },
  { title: 'Canvas Tote Bag', variants: ['Natural', 'Black'], price: '24.00' },
  { title: 'Ceramic Pour-Over Set', variants: [null], price: '48.00' },
  { title: 'Trail Running Cap', variants: ['Olive', 'Sand'], price: '29.00' },
  { title: 'Bamboo Cutting Board', variants: ['Small', 'Large'], price: '36.00' },
  { title: 'Stainless Water Bottle 750ml', variants: ['Slate', 'Coral', 'White'], price: '32.00' },
  { title: 'Organic Cotton Hoodie', variants: ['XS', 'S', 'M', 'L', 'XL'], price: '78.00' },
  { title: 'Beeswax Candle Trio', variants: [null], price: '22.00' },
];

/** EAN-13 with a valid check digit. */
export function ean13(base12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(base12[i]) * (i % 2 === 0 ? 1 : 3);
  return base12 + String((10 - (sum % 10)) % 10);
}

function skuFor(pIdx: number, variant: string | null): { sku: string; barcode: string } {
  const code = (variant ?? 'OS')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 4);
  const vIdx = PRODUCTS[pIdx].variants.indexOf(variant);
  return {
    sku: `FS-${String(pIdx + 1).padStart(3, '0')}-${code}`,
    barcode: ean13(`0842${String(pIdx + 1).padStart(4, '0')}${String(vIdx + 1).padStart(4, '0')}`),
  };
}

export function seedOrders(state: EmulatorState, count: number, seed: number): OrderRecord[] {
  const rng = createRng(seed);
  const where = places(rng);
  const out: OrderRecord[] = [];
  const base = Date.UTC(2026, 5, 1, 8, 0, 0);
  const shipping = ['Standard Shipping', 'Express', 'Economy', 'Next Day Air'];
  for (let i = 0; i < count; i++) {
    const first = pick(rng, FIRST);
    const last = pick(rng, LAST);
    const place = pick(rng, where);
    const address: Address = {
      firstName: first,
      lastName: last,
      company: rng() < 0.15 ? `${last} & Co` : null,
      address1: `${intBetween(rng, 1, 480)} ${pick(rng, place.street)}`,
      address2: rng() < 0.25 ? `Apt ${intBetween(rng, 1, 40)}` : null,
      city: place.city,
      province: place.province,
      provinceCode: place.provinceCode,
      country: place.country,
      countryCode: place.countryCode,
      zip: place.zip(),
      phone: rng() < 0.6 ? `+1${digits(rng, 10)}` : null,
    };
    const lineCount = intBetween(rng, 1, 4);
    const used = new Set<string>();
    const lineItems = [];
    for (let l = 0; l < lineCount; l++) {
      const pIdx = intBetween(rng, 0, PRODUCTS.length - 1);
      const p = PRODUCTS[pIdx];
      const variant = pick(rng, p.variants);
      const { sku, barcode } = skuFor(pIdx, variant);
      if (used.has(sku)) continue;
      used.add(sku);
      lineItems.push({ title: p.title, variantTitle: variant, sku, barcode, quantity: intBetween(rng, 1, 3), price: p.price });
    }
    const split = lineItems.length > 1 && rng() < 0.15;
    const createdAt = new Date(base + i * 7 * 60_000 + intBetween(rng, 0, 300) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    out.push(
      state.addOrder({
        email: `${first}.${last}${i}@example.com`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
        createdAt,
        shippingAddress: address,
        shippingLineTitle: pick(rng, shipping),
        tags: rng() < 0.2 ? ['vip'] : [],
        lineItems,
        locationIndexes: split ? lineItems.map((_, idx) => (idx === lineItems.length - 1 ? 1 : 0)) : undefined,
      }),
    );
  }
  return out;
}
