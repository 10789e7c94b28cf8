import { actorOf, type ServiceContext } from '../../core/context';
import { newId } from '../../core/ids';
import { jobHandler, PermanentJobError, type AnyJobHandler, type JobOutcome } from '../../core/outbox/types';
import type { WebhookPayload } from '../../../db/operators/jobs';
import { DEFAULT_NOTIFY } from '../../../db/operators/projector';
import type { NotifyKind, NotifySettings } from '../../../db/operators/events';
import { lineStatus } from '../lines/status';
import { reader } from './manage';

export const notifySettings = (ctx: ServiceContext): NotifySettings => ctx.store.read.operators.setting('notify', DEFAULT_NOTIFY);

export function saveNotifySettings(ctx: ServiceContext, settings: NotifySettings): NotifySettings {
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'notify.settings_saved', payload: { settings } }));
  return notifySettings(ctx);
}

interface Raise {
  kind: NotifyKind;
  /** One notification per key per hour (a printer down, a line low): the same trouble is not repeated every minute. */
  key: string;
  title: string;
  body: string;
  screen: string;
}

/** What needs a supervisor now: numbers low, a printer down, a cut-off at risk, a Shopify dead letter, the exception queue growing. */
export function findTrouble(ctx: ServiceContext): Raise[] {
  const r = reader(ctx);
  const out: Raise[] = [];
  for (const line of ctx.store.read.lines.all().filter((l) => l.active)) {
    const s = lineStatus(ctx, line);
    if (s.low)
      out.push({
        kind: 'numbers_low',
        key: `numbers_low:${line.id}`,
        title: `${line.name}: tracking numbers running low`,
        body: `${s.remaining} numbers left${s.daysLeft === null ? '' : ` (about ${Math.floor(s.daysLeft)} days)`}. Add a range from the carrier in Setup → Lines.`,
        screen: 'setup',
      });
  }
  for (const p of r.printersDown())
    out.push({
      kind: 'printer_down',
      key: `printer_down:${p.id}`,
      title: `Printer ${p.name} is down`,
      body: `It reports "${p.health}". Labels wait in its queue: fix it, or move them to another printer on Devices.`,
      screen: 'devices',
    });
  const now = ctx.clock.now();
  const names = new Map(ctx.store.read.lines.all().map((l) => [l.id, l.name]));
  for (const u of r.unloadedBefore(now.toISOString(), new Date(now.getTime() + 60 * 60_000).toISOString()))
    out.push({
      kind: 'cutoff_at_risk',
      key: `cutoff_at_risk:${u.lineId}:${u.pickupAt}`,
      title: `${names.get(u.lineId) ?? u.lineId}: ${u.parcels} parcels not loaded`,
      body: `The carrier pickup is within the hour and ${u.parcels} picked parcels are on no manifest. Load them on Dispatch.`,
      screen: 'dispatch',
    });
  const dead = r.deadShopifyJobs();
  if (dead > 0)
    out.push({
      kind: 'shopify_dead',
      key: `shopify_dead:${dead}`,
      title: `${dead} update${dead === 1 ? '' : 's'} to Shopify failed for good`,
      body: 'Buyers do not see these tracking numbers. Fix and resend them on Sync → Dead letters.',
      screen: 'sync',
    });
  const open = r.openExceptions();
  const over = notifySettings(ctx).exceptionsOver;
  if (open > over)
    out.push({
      kind: 'exceptions_growing',
      key: 'exceptions_growing',
      title: `${open} open tracking exceptions`,
      body: `The queue is past ${over}. Work it on Exceptions, most urgent first.`,
      screen: 'exceptions',
    });
  return out;
}

/** Raise what is new (not raised under the same key in the last hour); each queues the webhook when one is set. */
export function raiseTrouble(ctx: ServiceContext, found: Raise[] = findTrouble(ctx)): number {
  const now = ctx.clock.now();
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const fresh = found.filter((f) => (reader(ctx).lastRaised(f.key) ?? '') < hourAgo);
  if (!fresh.length) return 0;
  const url = notifySettings(ctx).webhookUrl;
  ctx.store.write('monitor', now, (emit) => {
    for (const f of fresh)
      emit({
        type: 'notify.raised',
        subject: null,
        payload: {
          ...f,
          jobs: url
            ? [{ id: newId('job', now), kind: 'notify.webhook', target: 'webhook:site', ref: null, payload: { url, ...f, raisedAt: now.toISOString() } }]
            : [],
        },
      });
  });
  return fresh.length;
}

/** Looks for trouble every minute (in site mode, one station of the site does). */
export function startNotifyWatch(ctx: ServiceContext, duty: (name: string) => boolean, onError: (err: unknown) => void): () => void {
  const t = setInterval(() => {
    try {
      if (duty('notify')) raiseTrouble(ctx);
    } catch (err) {
      onError(err);
    }
  }, 60_000);
  t.unref();
  return () => clearInterval(t);
}

/** The site's webhook: one JSON POST per notification, retried through the outbox; a 4xx other than 408/429 is final. */
export function webhookJobHandler(ctx: ServiceContext): AnyJobHandler {
  void ctx;
  return jobHandler({
    concurrency: 1,
    backoff: { baseMs: 5_000, maxMs: 10 * 60_000 },
    maxAttempts: 20,
    runs: { 'notify.webhook': (job) => sendWebhook(job.id, job.payload) },
  });
}

async function sendWebhook(id: string, payload: WebhookPayload): Promise<JobOutcome> {
  const { url, ...body } = payload;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': id },
    body: JSON.stringify({ id, ...body }),
    signal: AbortSignal.timeout(10_000),
  });
  if (res.ok) return { result: { status: res.status } };
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
    throw new PermanentJobError(`The webhook answered ${res.status}: check its address in Setup → Operators → Notifications.`);
  throw new Error(`The webhook answered ${res.status}; retrying.`);
}
