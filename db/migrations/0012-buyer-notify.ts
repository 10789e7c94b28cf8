// When the buyer hears about the parcel: at pick (Shopify's e-mail with the fulfillment) or at handover.
export const name = 'buyer-notify';

export const up = `
-- Per store: when Shopify e-mails the buyer the tracking number: 'handover' (default) or 'pick'.
ALTER TABLE shopify_stores ADD COLUMN notify_at TEXT NOT NULL DEFAULT 'handover';
-- Per parcel: whether the fulfillment went to Shopify with notifyCustomer, the handover e-mail job,
-- and when Shopify took the request to e-mail the buyer (NULL: not yet).
ALTER TABLE shopify_parcels ADD COLUMN notify_at_pick INTEGER NOT NULL DEFAULT 1;
ALTER TABLE shopify_parcels ADD COLUMN notify_job_id TEXT;
ALTER TABLE shopify_parcels ADD COLUMN notified_at TEXT;
`;
