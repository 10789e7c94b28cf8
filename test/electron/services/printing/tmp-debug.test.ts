import { it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { api, demoApp } from '../../../support/app';
it('debug', async () => {
  const app = await demoApp({ runJobs: true });
  const r = await api(app, 'pick.scan', { code: '#1001' });
  for (let i = 0; i < 100 && readdirSync(join(app.dir, 'fake-printer')).length < 1; i++) await new Promise((r) => setTimeout(r, 20));
  const t0 = Date.now();
  for (let i = 0; i < 200; i++) { const j = app.store.jobs.list({ limit: 5 }); if (j[0].status === 'done') break; await new Promise((r) => setTimeout(r, 10)); }
  console.log('done after', Date.now() - t0, JSON.stringify(app.store.jobs.list({ limit: 5 })));
  await app.dispose();
});
