import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdminApiClient } from '@shopify/admin-api-client';
import { createApp } from '../electron/app/create';
import { invoke } from '../electron/app/invoke';
import { OutboxRunner } from '../electron/core/outbox/runner';
import { scan } from '../electron/capabilities/pick/scan';
import { shopifyRuntime } from '../electron/capabilities/shopify/handlers';
import { shopifyJobHandler } from '../electron/capabilities/shopify/handler';
import { FULFILLMENT_CREATE } from '../electron/capabilities/shopify/documents';
import { secretsDirFor } from '../electron/capabilities/shopify/secrets';
import { loopbackFetch } from '../electron/capabilities/shopify/runtime';
import { startShopifyEmulator } from '../electron/capabilities/shopify/emulator';
import { tempDir } from '../test/support/app';
import { round } from './stats';
import type { Bench } from './types';
import { sqliteOf } from '../db/core/handle';
import { signInDemoAdmin } from '../electron/cli/grow';

const JOBS = Number(process.env.BENCH_SHOPIFY_JOBS ?? 5000);
const PLAIN = Number(process.env.BENCH_SHOPIFY_PLAIN ?? 200);
/** A typical round trip from a warehouse PC to Shopify's API; every request of both drains pays it. */
const LATENCY_MS = Number(process.env.BENCH_SHOPIFY_LATENCY_MS ?? 100);
const RESTORE = 1000; // Plus plan, points per second

interface Emu {
  url: string;
  shopDomain: string;
  accessToken: string;
  ask(cmd: string): Promise<any>;
  stop(): void;
}

/** The emulator runs in its own process, as Shopify does, so its CPU is not the console's. */
async function emulatorProcess(orders: number): Promise<Emu> {
  const self = fileURLToPath(import.meta.url);
  const p: ChildProcess = spawn(process.execPath, ['--import', 'tsx', self], {
    env: { ...process.env, FS_SHOPIFY_BENCH_EMU: String(orders) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: p.stdout! });
  const waiting: Array<(v: any) => void> = [];
  lines.on('line', (l) => waiting.shift()?.(JSON.parse(l)));
  const next = () => new Promise<any>((r) => waiting.push(r));
  const hello = await next();
  return { ...hello, ask: (cmd) => (p.stdin!.write(`${cmd}\n`), next()), stop: () => p.kill() };
}

async function emulatorChild(orders: number) {
  const emu = await startShopifyEmulator({ plan: 'plus', orders, seed: 3, latencyMs: LATENCY_MS });
  const out = (v: unknown) => process.stdout.write(JSON.stringify(v) + '\n');
  out({ url: emu.url, shopDomain: emu.shopDomain, accessToken: emu.accessToken });
  createInterface({ input: process.stdin }).on('line', (cmd) => {
    if (cmd === 'stats') {
      const counts: Record<string, number> = {};
      for (const f of emu.state.fulfillments.values()) for (const t of f.trackingInfo) if (t.number) counts[t.number] = (counts[t.number] ?? 0) + 1;
      out({ stats: emu.stats(), counts });
    }
  });
}

/** Bucket level as Shopify reports it (a 1-point query). */
async function bucketLevel(emu: Emu): Promise<number> {
  for (let i = 0; ; i++) {
    try {
      return await levelOnce(emu);
    } catch (e) {
      // An idle keep-alive socket closed by the server: ask again.
      if (i >= 3) throw e;
    }
  }
}

async function levelOnce(emu: Emu): Promise<number> {
  const r = await fetch(`${emu.url}/admin/api/2026-07/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': emu.accessToken },
    body: JSON.stringify({ query: '{ shop { name } }' }),
  });
  return ((await r.json()) as any).extensions.cost.throttleStatus.currentlyAvailable;
}

/** The plain way: one admin-api-client request after the other, waiting a second when throttled. */
async function plainLoop(emu: Emu, n: number): Promise<{ perSec: number; throttled: number }> {
  const client = createAdminApiClient({
    storeDomain: emu.shopDomain,
    apiVersion: '2026-07',
    accessToken: emu.accessToken,
    customFetchApi: loopbackFetch(emu.url),
    logger: () => {},
  });
  const ids: string[] = [];
  let after: string | null = null;
  while (ids.length < n) {
    const r: any = await client.request('query P($after: String) { fulfillmentOrders(first: 100, after: $after) { pageInfo { endCursor } nodes { id } } }', {
      variables: { after },
    });
    if (!r.data) {
      await new Promise((res) => setTimeout(res, 1000));
      continue;
    }
    ids.push(...r.data.fulfillmentOrders.nodes.map((x: { id: string }) => x.id));
    after = r.data.fulfillmentOrders.pageInfo.endCursor;
  }
  let throttled = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    for (;;) {
      const r: any = await client.request(FULFILLMENT_CREATE, {
        variables: { fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: ids[i] }], trackingInfo: { company: 'UPS', number: `PLAIN${i}` } } },
      });
      if (r.errors?.graphQLErrors?.some((e: any) => e.extensions?.code === 'THROTTLED')) {
        throttled++;
        await new Promise((res) => setTimeout(res, 1000));
        continue;
      }
      break;
    }
  }
  return { perSec: n / ((performance.now() - t0) / 1000), throttled };
}

/** Drain queued fulfillmentCreate jobs against the emulator on the Plus plan. */
export const shopifyBench: Bench = {
  name: 'shopify',
  async run() {
    const emu = await emulatorProcess(JOBS);
    const plainEmu = await emulatorProcess(PLAIN);
    // BENCH_SHOPIFY_TMP=/dev/shm takes the disk's fsync out (diagnosis only; reported figures use the temp dir).
    const dir = process.env.BENCH_SHOPIFY_TMP ? mkdtempSync(join(process.env.BENCH_SHOPIFY_TMP, 'fs-bench-shopify-')) : tempDir('fs-bench-shopify-');
    const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 0 });
    try {
      await signInDemoAdmin(app);
      const rt = shopifyRuntime(app.env);
      const call = async (ch: string, input: unknown) => {
        const r = await invoke(app.handlers, ch, input);
        if (!r.ok) throw new Error(`${ch}: ${r.error.message}`);
        return r.data;
      };
      await call('shopify.connect', { id: 'bench', shopDomain: emu.shopDomain, accessToken: emu.accessToken, endpoint: emu.url, defaultLineId: 'ups' });
      await call('shopify.intake', { storeId: 'bench' });
      const numbers: string[] = [];
      sqliteOf(app.store).pragma('synchronous = OFF'); // queueing is not what is measured
      for (const o of app.store.read.orders.list({ status: 'open', limit: JOBS })) {
        const r = scan(app.ctx, o.name);
        if (r.outcome === 'issued') numbers.push(r.parcel.trackingNumber);
      }
      sqliteOf(app.store).pragma('synchronous = FULL');
      // Let the bucket refill after the intake, as after an outage.
      while ((await bucketLevel(emu)) < 19_900) await new Promise((r) => setTimeout(r, 1000));

      const runner = new OutboxRunner(app.store, app.ctx.clock, [shopifyJobHandler(rt)]);
      const off = app.store.onCommit(() => runner.wake());
      const before = (await emu.ask('stats')).stats;
      const level0 = await bucketLevel(emu);
      const t0 = performance.now();
      runner.start();
      await new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (app.store.read.jobs.depth('shopify.').queued === 0) (clearInterval(t), resolve());
        }, 20);
      });
      const seconds = (performance.now() - t0) / 1000;
      await runner.stop();
      off();
      const level1 = await bucketLevel(emu);
      const after = await emu.ask('stats');
      // Points Shopify restored during the drain and we used: spent minus what the full bucket lent us.
      const spent = after.stats.pointsSpent - before.pointsSpent - 2; // the two 1-point level probes
      const efficiency = (spent - (level0 - level1)) / (seconds * RESTORE);
      const throttled = after.stats.throttled - before.throttled;
      const counts = after.counts as Record<string, number>;
      const duplicates = Object.values(counts).filter((c) => c > 1).length;
      const lost = numbers.filter((n) => !counts[n]).length;
      const ours = numbers.length / seconds;
      const plain = await plainLoop(plainEmu, PLAIN);
      const note = `${numbers.length} jobs in ${round(seconds, 1)} s, ${round(ours, 1)}/s; plain ${round(plain.perSec, 1)}/s; ${LATENCY_MS} ms round trip`;
      return [
        { key: 'shopify.drain_efficiency', value: round(efficiency, 3), unit: '', target: '>= 0.95', pass: efficiency >= 0.95, note },
        { key: 'shopify.throttled', value: throttled, unit: 'answers', target: '0', pass: throttled === 0 },
        {
          key: 'shopify.speedup_vs_plain',
          value: round(ours / plain.perSec, 2),
          unit: 'x',
          target: '>= 1.5',
          pass: ours / plain.perSec >= 1.5,
          note: `plain loop throttled ${plain.throttled} times`,
        },
        { key: 'shopify.duplicates', value: duplicates, unit: '', target: '0', pass: duplicates === 0 },
        { key: 'shopify.lost', value: lost, unit: '', target: '0', pass: lost === 0 },
      ];
    } finally {
      await app.close();
      emu.stop();
      plainEmu.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(secretsDirFor(dir), { recursive: true, force: true });
    }
  },
};

if (process.env.FS_SHOPIFY_BENCH_EMU) await emulatorChild(Number(process.env.FS_SHOPIFY_BENCH_EMU));
