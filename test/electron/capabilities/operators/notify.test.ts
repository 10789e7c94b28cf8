import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { api, demoApp, signInAs } from '../../../support/app';
import type { DesktopNotice, DesktopShell } from '../../../../electron/app/desktop-shell';
import { pdfStrings } from '../../../support/pdf-text';
import { extractRgbImages } from '../devices/labels/pdf-image';
import { decodeCode128 } from '../devices/labels/zxing';
import { upsLine, upsRange } from '../../../support/setups';

/** A line with two numbers left: the next look for trouble raises "running low". */
async function lowLine(app: Awaited<ReturnType<typeof demoApp>>, id = 'low-line', first = 1) {
  await api(app, 'lines.save', upsLine(id, 'Low line'));
  await api(app, 'ranges.add', upsRange(id, first));
}

/** A local webhook receiver: answers each POST with the next status of `answers` (then 200), and keeps what it got. */
async function receiver(answers: number[]) {
  const got: Array<{ headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> }> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      got.push({ headers: req.headers, body: JSON.parse(raw) as Record<string, unknown> });
      res.writeHead(answers.shift() ?? 200).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/firstscan`;
  return { got, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('supervisor notifications', () => {
  let app: Awaited<ReturnType<typeof demoApp>>;
  const shown: DesktopNotice[] = [];
  const shell: DesktopShell = {
    apply: () => undefined,
    openDiagnostics: () => undefined,
    update: () => ({ state: 'off', version: null, message: '' }),
    notify: (n) => void shown.push(n),
    logFile: '/dev/null',
  };
  beforeAll(async () => {
    app = await demoApp({ runJobs: false, shell, signIn: 'supervisor' });
  });
  afterAll(async () => app?.dispose());

  it('a supervisor sees the trouble once, with the screen that fixes it, and the desktop shell shows it', async () => {
    await signInAs(app, 'admin');
    await lowLine(app);
    await signInAs(app, 'supervisor');
    expect((await api(app, 'notify.check', {})).raised).toBeGreaterThanOrEqual(1);
    const recent = await api(app, 'notify.recent', { limit: 10 });
    const low = recent.find((n) => n.title === 'Low line: tracking numbers running low');
    expect(low).toMatchObject({
      kind: 'numbers_low',
      screen: 'setup',
      body: expect.stringMatching(/^2 numbers left .*Add a range from the carrier in Setup → Lines\./),
    });
    expect(shown).toContainEqual(expect.objectContaining({ title: 'Low line: tracking numbers running low', screen: 'setup' }));
    // The same trouble is not raised again within the hour.
    const before = shown.length;
    expect((await api(app, 'notify.check', {})).raised).toBe(0);
    expect(shown.length).toBe(before);
  });

  it('a picker signed in at the station gets no desktop notification (and may not read them)', async () => {
    await signInAs(app, 'admin');
    await lowLine(app, 'low-line-2', 11);
    await signInAs(app, 'picker');
    const before = shown.length;
    // The watch raises it whoever is signed in (here: straight from the service, as the minute timer does).
    const { raiseTrouble } = await import('../../../../electron/capabilities/operators/notify');
    expect(raiseTrouble(app.ctx)).toBeGreaterThanOrEqual(1);
    expect(shown.length).toBe(before);
    await expect(api(app, 'notify.recent', { limit: 5 })).rejects.toThrow(/FORBIDDEN/);
  });
});

describe('the supervisor webhook', () => {
  let app: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    app = await demoApp({ runJobs: false });
  });
  afterAll(async () => app?.dispose());

  const drain = async () => {
    while (app.runner.pass() > 0) await app.runner.idle();
    await app.runner.idle();
  };

  it('is POSTed as JSON through the outbox, retried after a 500 with the same idempotency key, and visible as a job', async () => {
    const hook = await receiver([500]);
    try {
      await api(app, 'notify.settings.save', { webhookUrl: hook.url, exceptionsOver: 25 });
      await lowLine(app);
      expect((await api(app, 'notify.check', {})).raised).toBeGreaterThanOrEqual(1);
      const queued = await api(app, 'jobs.list', { kind: 'notify.webhook' });
      expect(queued.length).toBeGreaterThanOrEqual(1);
      expect(queued.every((j) => j.target === 'webhook:site' && j.status === 'queued')).toBe(true);

      await drain();
      const failed = (await api(app, 'jobs.list', { kind: 'notify.webhook' })).find((j) => j.lastError);
      expect(failed).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringMatching(/answered 500; retrying/) });
      // Retry now (the Sync/Devices "retry" does the same) instead of waiting out the backoff.
      await api(app, 'jobs.retry', { id: failed!.id });
      await drain();

      const jobs = await api(app, 'jobs.list', { kind: 'notify.webhook' });
      expect(jobs.every((j) => j.status === 'done')).toBe(true);
      const retried = jobs.find((j) => j.id === failed!.id)!;
      expect(retried.attempts).toBe(2);

      const forJob = hook.got.filter((g) => g.headers['idempotency-key'] === failed!.id);
      expect(forJob).toHaveLength(2);
      const low = hook.got.find((g) => g.body.title === 'Low line: tracking numbers running low')!;
      expect(low.headers['content-type']).toBe('application/json');
      expect(low.body).toMatchObject({
        id: expect.any(String),
        kind: 'numbers_low',
        key: 'numbers_low:low-line',
        screen: 'setup',
        body: expect.stringMatching(/^2 numbers left/),
        raisedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      expect(low.body).not.toHaveProperty('url');
    } finally {
      await hook.close();
    }
  });

  it('a 4xx other than 408/429 is final: the job is dead, with what to check', async () => {
    const hook = await receiver([410]);
    try {
      await api(app, 'notify.settings.save', { webhookUrl: hook.url, exceptionsOver: 25 });
      await lowLine(app, 'low-line-gone', 21);
      await api(app, 'notify.check', {});
      await drain();
      const dead = await api(app, 'jobs.list', { kind: 'notify.webhook', status: 'dead' });
      expect(dead).toHaveLength(1);
      expect(dead[0].lastError).toMatch(/answered 410: check its address in Setup → Operators → Notifications/);
      expect(hook.got).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });
});

describe('the badge sheet', () => {
  let app: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    app = await demoApp({ runJobs: false });
  });
  afterAll(async () => app?.dispose());

  it("is a PDF with every active operator's name, role and badge, and each badge decodes to its code", async () => {
    await api(app, 'operators.create', { id: 'pia', name: 'Pia Picker', role: 'picker' });
    await api(app, 'operators.create', { id: 'gone', name: 'Gone Away', role: 'picker' });
    await api(app, 'operators.change', { id: 'gone', active: false, reason: 'left' });
    const ops = (await api(app, 'operators.list', {})).filter((o) => o.active);
    const sheet = await api(app, 'operators.badgeSheet', {});
    expect(sheet.operators).toBe(ops.length);
    expect(sheet.fileName).toMatch(/^badges-.*\.pdf$/);
    const pdf = Buffer.from(sheet.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfStrings(pdf).join('\n');
    for (const o of ops) {
      expect(text).toContain(o.name);
      expect(text).toContain(o.badge);
    }
    expect(text).toContain('supervisor');
    expect(text).not.toContain('Gone Away');
    const decoded = (await Promise.all(extractRgbImages(pdf).map((img) => decodeCode128(img)))).flat();
    expect(decoded.sort()).toEqual(ops.map((o) => o.badge).sort());
  });

  it('the badges of operators.badges are PNGs that decode to their codes', async () => {
    const badges = await api(app, 'operators.badges', {});
    expect(badges.length).toBeGreaterThanOrEqual(4);
    for (const b of badges) expect(await decodeCode128(new Uint8Array(Buffer.from(b.pngBase64, 'base64')))).toEqual([b.badge]);
  });
});
