import { describe, expect, it } from 'vitest';
import { harness } from './helpers';
import { LeakyBucket } from '../../../../../electron/capabilities/shopify/emulator/bucket';

describe('cost and throttling', () => {
  it('a burst over 2000 points on the standard plan gets THROTTLED; the bucket restores at 100/s', async () => {
    let now = 1_000_000;
    const { run, bucket } = harness({ clock: () => now });
    // fulfillmentTrackingInfoUpdate is charged 50 and refunds nothing: 40 fill the 2000-point bucket
    const q =
      'mutation U($id: ID!, $t: FulfillmentTrackingInput!) { fulfillmentTrackingInfoUpdate(fulfillmentId: $id, trackingInfoInput: $t) { userErrors { field message } } }';
    const vars = { id: 'gid://shopify/Fulfillment/1', t: { number: 'X' } };
    const requested = 50;
    let throttled: any;
    let sent = 0;
    while (!throttled && sent < 100) {
      const r = await run(q, vars);
      sent++;
      if (r.outcome === 'throttled') throttled = r;
    }
    expect(sent).toBe(41);
    expect(throttled.status).toBe(200);
    expect(throttled.body).toEqual({
      errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
      extensions: {
        cost: {
          requestedQueryCost: requested,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 2000, currentlyAvailable: expect.any(Number), restoreRate: 100 },
        },
      },
    });
    const before = bucket.status().currentlyAvailable;
    now += 3_000;
    expect(bucket.status().currentlyAvailable).toBe(before + 300);
    const again = await run(q, vars);
    expect(again.outcome).toBe('ok');
  });

  it('bucket: size 20x restore rate per plan, refund, injected clock', () => {
    let now = 0;
    const b = new LeakyBucket('plus', () => now);
    expect(b.status()).toEqual({ maximumAvailable: 20000, currentlyAvailable: 20000, restoreRate: 1000 });
    expect(b.tryTake(19990)).toBe(true);
    expect(b.tryTake(11)).toBe(false);
    now += 10;
    expect(b.tryTake(11)).toBe(true);
    b.refund(5);
    expect(b.status().currentlyAvailable).toBe(14); // 10 left + 10 restored - 11 + 5
    expect(new LeakyBucket('advanced').status().maximumAvailable).toBe(4000);
    expect(new LeakyBucket('enterprise').status().restoreRate).toBe(2000);
  });

  it('MAX_COST_EXCEEDED over 1000 before running', async () => {
    const { run, state } = harness();
    state.seedOrders(3, 7);
    const q = '{ orders(first: 250) { nodes { fulfillmentOrders(first: 250) { nodes { lineItems(first: 250) { nodes { lineItem { id } } } } } } } }';
    const r = await run(q);
    const err = (r.body.errors as any[])[0];
    expect(r.outcome).toBe('max-cost');
    expect(err.extensions.code).toBe('MAX_COST_EXCEEDED');
    expect(err.extensions.maxCost).toBe(1000);
    expect(err.extensions.cost).toBeGreaterThan(1000);
    expect(r.body.data).toBeUndefined();
  });

  it('actual cost counts returned nodes and the difference is refunded', async () => {
    const { run, state } = harness({ clock: () => 5 });
    state.seedOrders(2, 3);
    const r = await run('{ fulfillmentOrders(first: 50) { nodes { id lineItems(first: 10) { nodes { id } } } } }');
    const cost = (r.body.extensions as any).cost;
    expect(cost.actualQueryCost).toBeLessThan(cost.requestedQueryCost);
    expect(cost.throttleStatus.currentlyAvailable).toBe(2000 - cost.actualQueryCost);
  });
});
