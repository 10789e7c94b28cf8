// Re-linked parcel numbers reaching Shopify, and fulfillment requests answered through the outbox.
export const name = 'shopify-relink';

export const up = `
-- The tracking update a re-link queued (NULL: none pending), and the number Shopify last took.
ALTER TABLE shopify_parcels ADD COLUMN update_job_id TEXT;
ALTER TABLE shopify_parcels ADD COLUMN sent_number TEXT;

-- Fulfillment requests (fulfillment-service flow) this site answered: the answer is an outbox job.
CREATE TABLE shopify_requests (
  store_id     TEXT NOT NULL,
  fo_gid       TEXT NOT NULL,
  order_name   TEXT NOT NULL,
  items        INTEGER NOT NULL,
  destination  TEXT NOT NULL,
  accept       INTEGER NOT NULL,   -- 1 accept, 0 reject
  message      TEXT NOT NULL,      -- reason given to the merchant
  job_id       TEXT NOT NULL,
  state        TEXT NOT NULL,      -- queued | accepted | rejected | refused
  error        TEXT,               -- Shopify's message when refused
  queued_at    TEXT NOT NULL,
  queued_by    TEXT NOT NULL,
  answered_at  TEXT,
  PRIMARY KEY (store_id, fo_gid)
) WITHOUT ROWID;
CREATE INDEX shopify_requests_job ON shopify_requests (job_id);
`;
