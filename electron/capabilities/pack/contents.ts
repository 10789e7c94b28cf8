import type { BenchLine } from './state';

type ShipLine = { idx: number; quantity: number };

/**
 * What each parcel of a split order carries, so each declares only its own items in customs. Items
 * scanned at the bench are in the box they were scanned into (a box past the last parcel, after a
 * parcel was taken away, counts in the last). Items nobody scanned (no scan-to-verify, or a
 * supervisor's override) fill the parcels in line order: N per parcel on a "one parcel per N items"
 * line, else evenly; what does not fit goes in the last parcel.
 */
export function parcelContents(lines: BenchLine[], ship: ShipLine[], parcels: number, itemsPerParcel: number | null): ShipLine[][] {
  const load = Array.from({ length: parcels }, () => new Map<number, number>());
  const put = (box: number, idx: number, n: number) => {
    const b = load[Math.min(Math.max(box, 1), parcels) - 1];
    b.set(idx, (b.get(idx) ?? 0) + n);
  };
  const left: ShipLine[] = [];
  for (const s of ship) {
    let rest = s.quantity;
    const boxes = lines.find((l) => l.idx === s.idx)?.boxes ?? {};
    for (const [box, n] of Object.entries(boxes).sort((a, b) => Number(a[0]) - Number(b[0]))) {
      const take = Math.min(n, rest);
      if (take > 0) put(Number(box), s.idx, take);
      rest -= take;
    }
    if (rest > 0) left.push({ idx: s.idx, quantity: rest });
  }
  const total = ship.reduce((n, s) => n + s.quantity, 0);
  const room = itemsPerParcel ?? Math.ceil(total / parcels);
  const items = (b: Map<number, number>) => [...b.values()].reduce((n, q) => n + q, 0);
  for (const l of left)
    for (let k = 0; k < l.quantity; k++) {
      const box = load.findIndex((b) => items(b) < room);
      put(box < 0 ? parcels : box + 1, l.idx, 1);
    }
  return load.map((b) => [...b.entries()].sort((x, y) => x[0] - y[0]).map(([idx, quantity]) => ({ idx, quantity })));
}
