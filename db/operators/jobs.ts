import type { NotifyKind } from './events';

/** The supervisor notification sent to the site's webhook (one JSON POST, retried through the outbox). */
export interface WebhookPayload {
  url: string;
  raisedAt: string;
  kind: NotifyKind;
  key: string;
  title: string;
  body: string;
  screen?: string;
}

/** Outbox jobs of the operators capability. */
export interface OperatorsJobs {
  'notify.webhook': WebhookPayload;
}
