import { it } from 'vitest';
import { api } from '../../../support/app';
import { shopApp } from './helpers';
it('diag', { timeout: 200_000 }, async () => {
  const t = await shopApp({ orders: 2000, runJobs: false });
  let t0 = Date.now();
  for (let i = 0; i < 2000; i++) {
    await api(t.app, 'pick.scan', { code: `#${1001 + i}` });
    if (i % 500 === 0) console.log('pick', i, Date.now() - t0);
  }
  console.log('pick ms', Date.now() - t0);
  const now = new Date().toISOString();
  t0 = performance.now();
  for (let k = 0; k < 10; k++) t.app.store.jobs.dueHeads('shopify.', now, 16);
  console.log('dueHeads ms', (performance.now() - t0) / 10);
  t0 = performance.now();
  await api(t.app, 'shopify.status', {});
  console.log('status ms', performance.now() - t0);
  t.app.runner.start();
  t0 = Date.now();
  for (let k = 0; k < 60; k++) {
    await new Promise((r) => setTimeout(r, 2000));
    const q = t.app.store.jobs.depth('shopify.').queued;
    console.log(Date.now() - t0, 'queued', q, t.emu.stats().requests);
    if (q === 0) break;
  }
  await t.app.dispose(); await t.emu.close();
});
