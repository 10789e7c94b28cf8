import { badInput, conflict, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { actorOf, type ServiceContext } from '../../core/context';
import { rulesFor } from './rules';
import { benchCustoms, benchLines } from './state';
import { issueParcels } from './issue';
import { parcelContents } from './contents';
import { queueCustomsForms } from './customs-form';

export interface BatchFilter {
  lineId?: string;
  /** Orders taken in up to this time (the wave's cut-off), UTC ISO. */
  before?: string;
  limit: number;
  label?: string;
}

/** Choose the orders of a wave (a line, a cut-off) and record the run; nothing is issued yet. */
export function startBatch(ctx: ServiceContext, f: BatchFilter): string {
  if (f.lineId && !ctx.store.read.lines.get(f.lineId)) throw notFound(`Line "${f.lineId}"`, 'Choose a line from the list.');
  const orderIds = ctx.store.read.pack.openOrders(f);
  if (orderIds.length === 0) throw conflict('No open orders match: nothing to print. Choose another line or a later cut-off.');
  const batchId = newId('bat', ctx.clock.now());
  const line = f.lineId ? ctx.store.read.lines.get(f.lineId)!.name : 'all lines';
  const label = f.label?.trim() || `${orderIds.length} orders, ${line}`;
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'pack.batch_started', subject: batchId, payload: { batchId, label, orderIds } }));
  return batchId;
}

type Outcome = { outcome: 'issued' | 'skipped' | 'refused'; parcelId?: string; message?: string; stop?: boolean };

/**
 * One order of a batch in one transaction: its parcel(s) and its batch outcome commit together, so a
 * run killed at any moment resumes at the first order without an outcome and never issues twice.
 */
export function batchOne(ctx: ServiceContext, batchId: string, seq: number, orderId: string): Outcome {
  const at = ctx.clock.now();
  return ctx.store.write(actorOf(ctx), at, (emit) => {
    const done = (o: Outcome) => {
      emit({ type: 'pack.batch_order', subject: batchId, payload: { batchId, seq, orderId, outcome: o.outcome, parcelId: o.parcelId, message: o.message } });
      return o;
    };
    const order = ctx.store.read.orders.get(orderId);
    if (!order) return done({ outcome: 'refused', message: 'the order is gone' });
    if (order.status !== 'open')
      return done({ outcome: 'skipped', parcelId: ctx.store.read.parcels.forOrder(orderId)[0]?.id, message: `already ${order.status.replace('_', ' ')}` });
    const line = order.lineId ? ctx.store.read.lines.get(order.lineId) : undefined;
    if (!line || !line.active) return done({ outcome: 'refused', message: 'no active carrier line: assign one, then pick it' });
    const rules = rulesFor(ctx, order.store, line.id);
    if (rules?.verify) return done({ outcome: 'refused', message: 'its items are scanned at the bench: pick it there' });
    if (rules?.needsWeight) return done({ outcome: 'refused', message: 'its line needs a weight: pick it at the bench with the scale' });
    const items = ctx.store.read.orders.items(orderId);
    if (rules) {
      const customs = benchCustoms(ctx, line.id, rules, items);
      if (customs?.missing.length) return done({ outcome: 'refused', message: `customs: ${customs.missing[0]}` });
    }
    const count = rules?.itemsPerParcel ? Math.max(1, Math.ceil(items.reduce((n, i) => n + i.quantity, 0) / rules.itemsPerParcel)) : 1;
    const ids = issueParcels(ctx, emit, order, line, count, null, `batch ${batchId}`, at);
    if (!ids) return done({ outcome: 'refused', message: `${line.name} has no tracking numbers left: add a range, then resume`, stop: true });
    if (count > 1)
      emit({
        type: 'pack.issued',
        subject: orderId,
        payload: {
          orderId,
          parcelIds: ids,
          weightG: null,
          lines: items.map((i) => ({ idx: i.idx, quantity: i.quantity })),
          partial: null,
          contents: parcelContents(
            benchLines(ctx, orderId),
            items.map((i) => ({ idx: i.idx, quantity: i.quantity })),
            count,
            rules?.itemsPerParcel ?? null,
          ),
        },
      });
    queueCustomsForms(ctx, emit, ids, at);
    return done({ outcome: 'issued', parcelId: ids[0] });
  });
}

/** Runs batches in the background, one order per transaction, yielding so picks go on beside it. */
export class BatchRunner {
  private running = new Map<string, { stop: boolean; done: Promise<void> }>();
  constructor(private ctx: ServiceContext) {}

  isRunning(batchId: string): boolean {
    return this.running.has(batchId);
  }

  /** Start (or resume after a stop or a crash) a batch from its first order without an outcome. */
  run(batchId: string, sliceMs = 8): Promise<void> {
    const b = this.ctx.store.read.pack.batch(batchId);
    if (!b) throw notFound(`Batch ${batchId}`, 'Choose a batch from the list.');
    if (b.status === 'done') throw conflict('This batch is done: every order has its outcome. Start a new batch for more orders.');
    const existing = this.running.get(batchId);
    if (existing) return existing.done;
    const state = { stop: false, done: Promise.resolve() };
    state.done = this.loop(batchId, state, sliceMs).finally(() => this.running.delete(batchId));
    this.running.set(batchId, state);
    return state.done;
  }

  stop(batchId: string): void {
    const s = this.running.get(batchId);
    if (!s) throw conflict('This batch is not running.');
    s.stop = true;
  }

  private async loop(batchId: string, state: { stop: boolean }, sliceMs: number): Promise<void> {
    const reader = this.ctx.store.read.pack;
    const end = (status: 'stopped' | 'done') =>
      this.ctx.store.write(actorOf(this.ctx), this.ctx.clock.now(), (emit) =>
        emit({ type: 'pack.batch_ended', subject: batchId, payload: { batchId, status } }),
      );
    for (;;) {
      const next = reader.batchPending(batchId, 50);
      if (next.length === 0) return void end('done');
      let slice = performance.now();
      for (const n of next) {
        if (state.stop) return void end('stopped');
        const o = batchOne(this.ctx, batchId, n.seq, n.orderId);
        if (o.stop) return void end('stopped');
        if (performance.now() - slice > sliceMs) {
          await new Promise<void>((r) => setImmediate(r));
          slice = performance.now();
        }
      }
    }
  }
}

export function batchView(ctx: ServiceContext, runner: BatchRunner | null, batchId: string) {
  const r = ctx.store.read.pack;
  const b = r.batch(batchId);
  if (!b) throw notFound(`Batch ${batchId}`, 'Choose a batch from the list.');
  const counts = r.batchCounts(batchId);
  const interrupted = b.status === 'running' && !runner?.isRunning(batchId);
  return {
    ...b,
    ...counts,
    printed: r.batchPrinted(batchId),
    running: !!runner?.isRunning(batchId),
    interrupted,
    results: r
      .batchOrders(batchId)
      .filter((o) => o.outcome !== null && o.outcome !== 'issued')
      .slice(0, 200),
  };
}

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw badInput('A batch takes 1 to 5000 orders.');
  return limit;
}
