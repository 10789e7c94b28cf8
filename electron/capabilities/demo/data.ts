import type { AddressData, LineData } from '../../../db/event-types';

export const DEMO_STORE = 'demo-store';

export const demoSite = {
  name: 'Demo warehouse — Shenzhen',
  zone: 'Asia/Shanghai',
  shipFrom: { name: 'Firstscan Demo Fulfilment', address1: '18 Bantian Industrial Rd', city: 'Shenzhen', province: 'GD', zip: '518129', country: 'CN' },
};

/** Three lines, one per kind the domain article compares: postal, private express, UPS. */
export const demoLines: Array<{ line: LineData; range: { params: Record<string, unknown> & { format: string }; first: number; last: number } }> = [
  {
    line: {
      id: 'postal-s10',
      name: 'China Post ePacket',
      carrier: 'China Post',
      shopifyCompany: 'China Post',
      trackingUrl: 'https://www.17track.net/en/track?nums={number}',
      service: 'ePacket (S10 LX)',
      routeType: 'postal',
      numberSource: 'range',
      lowDays: 3,
      dailyVolume: 120,
      active: true,
    },
    range: { params: { format: 's10', serviceIndicator: 'LX', country: 'CN' }, first: 10_000_000, last: 10_049_999 },
  },
  {
    line: {
      id: 'express-dhl',
      name: 'DHL Express private line',
      carrier: 'DHL Express',
      shopifyCompany: 'DHL Express',
      trackingUrl: 'https://www.dhl.com/global-en/home/tracking.html?tracking-id={number}',
      service: 'Express Worldwide',
      routeType: 'express',
      numberSource: 'range',
      lowDays: 3,
      dailyVolume: 50,
      active: true,
    },
    range: { params: { format: 'dhl10', prefix: '' }, first: 312_000_000, last: 312_019_999 },
  },
  {
    line: {
      id: 'ups',
      name: 'UPS Worldwide Saver',
      carrier: 'UPS',
      shopifyCompany: 'UPS',
      trackingUrl: 'https://www.ups.com/track?tracknum={number}',
      service: 'Worldwide Saver',
      routeType: 'express',
      numberSource: 'range',
      lowDays: 3,
      dailyVolume: 30,
      active: true,
    },
    range: { params: { format: 'ups1z', shipper: 'F5S1X9', service: '65' }, first: 1_000_000, last: 1_009_999 },
  },
];

export const demoProducts = [
  { sku: 'MUG-BLK-350', title: 'Ceramic mug, black, 350 ml' },
  { sku: 'TEE-WHT-M', title: 'Organic tee, white, M' },
  { sku: 'TEE-WHT-L', title: 'Organic tee, white, L' },
  { sku: 'CASE-IP15-CLR', title: 'Phone case, clear' },
  { sku: 'LAMP-DESK-LED', title: 'LED desk lamp' },
  { sku: 'BOTTLE-STL-750', title: 'Steel bottle, 750 ml' },
  { sku: 'SOCK-WOOL-3P', title: 'Wool socks, 3 pairs' },
  { sku: 'CABLE-USBC-2M', title: 'USB-C cable, 2 m' },
  { sku: 'BAG-TOTE-NAT', title: 'Canvas tote, natural' },
  { sku: 'PEN-GEL-10', title: 'Gel pens, pack of 10' },
];

export const demoRecipients: AddressData[] = [
  { name: 'Emma Johnson', address1: '742 Evergreen Terrace', city: 'Springfield', province: 'OR', zip: '97477', country: 'US' },
  { name: 'Oliver Smith', address1: '221B Baker Street', city: 'London', zip: 'NW1 6XE', country: 'GB' },
  { name: 'Lena Müller', address1: 'Torstraße 12', city: 'Berlin', zip: '10119', country: 'DE' },
  { name: 'Chloé Martin', address1: '8 Rue de Rivoli', city: 'Paris', zip: '75004', country: 'FR' },
  { name: 'Jack Wilson', address1: '15 George St', city: 'Sydney', province: 'NSW', zip: '2000', country: 'AU' },
  { name: 'Sofia Rossi', address1: 'Via Roma 45', city: 'Milano', province: 'MI', zip: '20121', country: 'IT' },
  { name: 'Liam Brown', address1: '500 Main St', address2: 'Apt 4B', city: 'Austin', province: 'TX', zip: '78701', country: 'US' },
  { name: 'Noah Davis', address1: '12 King St W', city: 'Toronto', province: 'ON', zip: 'M5H 1A1', country: 'CA' },
];
