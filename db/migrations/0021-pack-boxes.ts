// The pack station, per parcel: which box each item scanned at the bench went into (so a split
// order's parcels each declare only their own items in customs).
export const name = 'pack-boxes';

export const up = `
-- JSON {"<box>": count}: the items of the line counted into each parcel of the open session (box 1 = "1 of N").
ALTER TABLE pack_counts ADD COLUMN boxes TEXT NOT NULL DEFAULT '{}';
`;
