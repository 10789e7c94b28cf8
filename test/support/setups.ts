// Inputs several tests send the same way: a line with almost no numbers left, and a line whose carrier
// takes its manifests electronically.

/** `lines.save`: an express UPS line (its range comes from `ranges.add` with `upsRange`). */
export const upsLine = (id: string, name: string) => ({
  id,
  name,
  carrier: 'UPS',
  shopifyCompany: 'UPS',
  trackingUrl: 'https://example.com/t/{number}',
  service: 'Saver',
  routeType: 'express' as const,
  numberSource: 'range' as const,
  lowDays: 3,
  dailyVolume: 10,
  active: true,
});

/** `ranges.add`: UPS 1Z serials `first` to `last` on a line (two numbers: the next look for trouble says "running low"). */
export const upsRange = (lineId: string, first = 1, last = first + 1) => ({
  lineId,
  params: { format: 'ups1z', shipper: 'F5S1X9', service: '65' },
  first,
  last,
});

/** `dispatch.rules.save`: the line's carrier accepts its manifests through its API (the emulated carrier). */
export const carrierApiRules = (lineId: string) => ({
  lineId,
  services: [],
  maxParcels: null,
  maxWeightGrams: null,
  bags: 'none' as const,
  weight: 'off' as const,
  expectedPickup: '18:00',
  acceptance: 'carrier_api' as const,
});
