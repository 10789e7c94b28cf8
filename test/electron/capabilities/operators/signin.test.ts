import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp } from '../../../support/app';
import { invoke } from '../../../../electron/app/invoke';
import { serveHttp, type Served } from '../../../../electron/server/http';
import { sqliteOf } from '../../../../db/core/handle';

const TOKEN = 'test-token-0123456789abcdef';
let app: Awaited<ReturnType<typeof demoApp>>;
let served: Served;
let base: string;
const post = async (channel: string, body: unknown, token = TOKEN) => {
  const res = await fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string; need?: string } } };
};

beforeAll(async () => {
  app = await demoApp({ runJobs: false, demoOrders: 5, signIn: false });
  served = await serveHttp(app, { port: 0, token: TOKEN });
  base = `http://127.0.0.1:${served.port}`;
});
afterAll(async () => {
  await served?.close();
  await app?.dispose();
});

describe('sign-in at the scanner', () => {
  it('a picker signs in with the badge alone; the same badge again signs out; another badge switches in one scan', async () => {
    expect(await invoke(app.handlers, 'operators.signIn', { code: 'OP-ANA1-4821' })).toMatchObject({
      ok: true,
      data: { outcome: 'signed_in', operator: { id: 'ana', name: 'Ana Lopez', role: 'picker' } },
    });
    expect(await invoke(app.handlers, 'operators.signIn', { code: 'OP-DAN2-7305' })).toMatchObject({
      ok: true,
      data: { outcome: 'signed_in', operator: { id: 'dan' } },
    });
    const out = sqliteOf(app.store).prepare("SELECT payload FROM events WHERE type = 'operator.signed_out' ORDER BY seq DESC LIMIT 1").get() as {
      payload: string;
    };
    expect(JSON.parse(out.payload)).toMatchObject({ operatorId: 'ana', reason: 'switch' });
    expect(await invoke(app.handlers, 'operators.signIn', { code: 'OP-DAN2-7305' })).toMatchObject({ ok: true, data: { outcome: 'signed_out' } });
    expect(await invoke(app.handlers, 'operators.session', {})).toMatchObject({ ok: true, data: { operator: null } });
  });

  it('a supervisor needs the badge and a PIN; the PIN is never in an event, only its scrypt hash, and exports hide that', async () => {
    expect(await invoke(app.handlers, 'operators.signIn', { code: 'OP-SAM3-1962' })).toMatchObject({
      ok: true,
      data: { outcome: 'pin_needed', operator: { name: 'Sam Chen' } },
    });
    expect(await invoke(app.handlers, 'operators.signIn', { code: 'OP-SAM3-1962', pin: '2468' })).toMatchObject({ ok: true, data: { outcome: 'signed_in' } });
    const log = (sqliteOf(app.store).prepare('SELECT payload FROM events').all() as Array<{ payload: string }>).map((r) => r.payload).join('\n');
    expect(log).not.toContain('"2468"');
    expect(log).not.toContain('"1357"');
    expect(log).toMatch(/"pinHash":"scrypt\$2048\$8\$1\$/);
    const audit = await invoke(app.handlers, 'audit.list', { type: 'operator.created' });
    expect(JSON.stringify(audit)).not.toContain('scrypt$');
    const exported = await invoke(app.handlers, 'events.export', {});
    expect(JSON.stringify(exported)).not.toContain('scrypt$');
  });

  it('an unknown badge is refused with what to do', async () => {
    const r = await invoke(app.handlers, 'operators.signIn', { code: 'OP-NOPE-0000' });
    expect(r).toMatchObject({ ok: false, status: 404 });
    if (!r.ok) expect(r.error.message).toContain('Scan your own badge');
  });
});

describe('PIN brute force', () => {
  it('locks the operator after the set number of wrong PINs, over the HTTP API too; a supervisor unlocks', async () => {
    await post('operators.signOut', {});
    for (let i = 1; i <= 4; i++) {
      const r = await post('operators.signIn', { code: 'OP-ADA4-5190', pin: '0000' });
      expect(r.status).toBe(401);
      expect(r.body.error!.message).toContain(`${5 - i} ${5 - i === 1 ? 'try' : 'tries'} left`);
    }
    const fifth = await post('operators.signIn', { code: 'OP-ADA4-5190', pin: '0000' });
    expect(fifth.status).toBe(403);
    expect(fifth.body.error!.message).toMatch(/^Ada Park is locked after 5 wrong PINs, until /);
    // The right PIN no longer helps, by badge or by typed id.
    expect((await post('operators.signIn', { code: 'OP-ADA4-5190', pin: '1357' })).status).toBe(403);
    expect((await post('operators.signIn', { code: 'ada', pin: '1357' })).status).toBe(403);
    expect((await invoke(app.handlers, 'operators.signIn', { code: 'ada', pin: '1357' })).ok).toBe(false);
    // A supervisor lifts the lock.
    expect((await post('operators.signIn', { code: 'OP-SAM3-1962', pin: '2468' })).status).toBe(200);
    expect((await post('operators.unlock', { id: 'ada' })).status).toBe(200);
    expect((await post('operators.signIn', { code: 'ada', pin: '1357' })).body).toMatchObject({ outcome: 'signed_in' });
  });
});

describe('integrator API tokens', () => {
  it('a token acts with its own role and name; a revoked one is refused', async () => {
    await post('operators.signIn', { code: 'OP-ADA4-5190', pin: '1357' }).catch(() => undefined);
    const made = await post('tokens.create', { name: 'WMS bridge', role: 'dispatch' });
    expect(made.status).toBe(200);
    const token = made.body.token as string;
    expect((await post('dispatch.board', {}, token)).status).toBe(200);
    const refused = await post('cutoffs.undo', { lineId: 'postal-s10', reason: 'x' }, token);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', need: 'supervisor' } } });
    expect(refused.body.error!.message).toContain('WMS bridge (API token) is a dispatch lead');
    const list = await post('tokens.list', {});
    expect(JSON.stringify(list.body)).not.toContain(token);
    await post('tokens.revoke', { id: made.body.id });
    expect((await post('dispatch.board', {}, token)).status).toBe(401);
    expect((await post('dispatch.board', {}, 'not-a-token')).status).toBe(401);
  });
});

describe('idle sign-out', () => {
  it('signs the operator out after the site’s idle time without a key or scan', async () => {
    let now = 1_000_000;
    const idle = await demoApp({ runJobs: false, demoOrders: 1, signIn: false, idleClock: () => now });
    try {
      await invoke(idle.handlers, 'operators.signIn', { code: 'OP-ANA1-4821' });
      now += 14 * 60_000;
      expect(await invoke(idle.handlers, 'operators.session', { active: true })).toMatchObject({ ok: true, data: { operator: { id: 'ana' } } });
      now += 14 * 60_000;
      expect((await invoke(idle.handlers, 'pick.stats', {})).ok).toBe(true);
      now += 2 * 60_000;
      expect(await invoke(idle.handlers, 'pick.stats', {})).toMatchObject({ ok: false, status: 403 });
      const out = sqliteOf(idle.store).prepare("SELECT payload FROM events WHERE type = 'operator.signed_out'").get() as { payload: string };
      expect(JSON.parse(out.payload)).toMatchObject({ operatorId: 'ana', reason: 'idle' });
    } finally {
      await idle.dispose();
    }
  });
});
