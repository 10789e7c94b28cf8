// The scan path looks orders up by name and items by SKU, and asks whether a printer lane is failing.
export const name = 'scan-indexes';

export const up = `
CREATE INDEX orders_name ON orders (name);
CREATE INDEX order_items_sku ON order_items (sku);
CREATE INDEX jobs_lane_failing ON jobs (target, created_at) WHERE status = 'queued' AND last_error IS NOT NULL;
`;
