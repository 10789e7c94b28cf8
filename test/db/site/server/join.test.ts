import { describe, it, expect } from 'vitest';
import pg from 'pg';
import { usePg } from '../../../support/pg';
import { decodeJoinCode, encodeJoinCode } from '../../../../db/site/server/join-code';
import { connectSite, joinSite } from '../../../../db/site/server/join';
import { endpointOf, poolConfig } from '../../../../db/site/server/connect';
import type { StationCredentials } from '../../../../db/site/server/types';

const cluster = usePg();

async function as(user: string, password: string, database: string) {
  const c = new pg.Client({ host: '127.0.0.1', port: cluster().port, user, password, database });
  await c.connect();
  return c;
}

async function stationClient(creds: StationCredentials) {
  const c = new pg.Client(await poolConfig(endpointOf(creds)));
  await c.connect();
  return c;
}

describe('join codes', () => {
  it('round-trip, survive line breaks and spaces from copy-paste, and explain what is wrong', () => {
    const j = { siteId: 'site-1', host: '10.0.0.5', port: 5433, database: 'firstscan', role: 'fs_x_join', secret: 's3cret', tlsFingerprint: 'ab'.repeat(32) };
    const code = encodeJoinCode(j);
    expect(code).toMatch(/^fsj1\.[A-Za-z0-9_-]+$/);
    expect(decodeJoinCode(`  ${code.slice(0, 20)}\n${code.slice(20)}  `)).toEqual(j);
    expect(decodeJoinCode(encodeJoinCode({ ...j, tlsFingerprint: null })).tlsFingerprint).toBeNull();
    expect(() => decodeJoinCode('hello')).toThrow(/does not start with fsj1\./);
    expect(() => decodeJoinCode(code.slice(0, code.length - 10))).toThrow(/not valid/);
  });
});

describe('joining a station', () => {
  it("gives the station its own login role, and the site's id", async () => {
    const site = await cluster().newSite();
    const creds = await joinSite(site.joinCode, 'st-join-1', 'Pick 1');
    const j = decodeJoinCode(site.joinCode);
    expect(creds).toMatchObject({ siteId: site.siteId, host: '127.0.0.1', port: cluster().port, database: site.database, tlsFingerprint: null });
    expect(creds.user).not.toBe(j.role);
    expect(creds.user).toMatch(/^fs_[0-9a-f]{8}_st_join_1$/);
    expect(creds.password.length).toBeGreaterThanOrEqual(40);
    const link = await connectSite(creds);
    expect(link.station).toBe('st-join-1');
    expect((await link.stations()).map((s) => s.name)).toEqual(['Pick 1']);
    await link.close();
  });

  it('joining again gives new credentials and the old password stops working', async () => {
    const site = await cluster().newSite();
    const first = await joinSite(site.joinCode, 'st-join-2', 'Pick 2');
    const again = await joinSite(site.joinCode, 'st-join-2', 'Pick 2 (new PC)');
    expect(again.user).toBe(first.user);
    expect(again.password).not.toBe(first.password);
    await expect(connectSite(first)).rejects.toThrow(/refused the password/);
    const link = await connectSite(again);
    expect((await link.stations())[0].name).toBe('Pick 2 (new PC)');
    await link.close();
  });

  it("credentials for one site do not open another site's database", async () => {
    const one = await cluster().newSite();
    const two = await cluster().newSite();
    const creds = await joinSite(one.joinCode, 'st-join-3', 'Pick 3');
    await expect(connectSite({ ...creds, database: two.database })).rejects.toThrow();
    await expect(connectSite({ ...creds, siteId: two.siteId })).rejects.toThrow(/another site/);
  });

  it('refuses a bad station id, a wrong secret, and an unreachable server with what to do', async () => {
    const site = await cluster().newSite();
    await expect(joinSite(site.joinCode, "st'; DROP TABLE x; --", 'x')).rejects.toThrow(/not valid/);
    const j = decodeJoinCode(site.joinCode);
    await expect(joinSite(encodeJoinCode({ ...j, secret: 'wrong' }), 'st-join-4', 'x')).rejects.toThrow(/refused the password/);
    await expect(joinSite(encodeJoinCode({ ...j, port: 1 }), 'st-join-4', 'x')).rejects.toThrow(/Cannot reach the site server/);
  });
});

describe('what the roles can do', () => {
  it('the join role can only join', async () => {
    const site = await cluster().newSite();
    const j = decodeJoinCode(site.joinCode);
    const c = await as(j.role, j.secret, site.database);
    try {
      for (const sql of [
        'SELECT * FROM firstscan.site',
        'SELECT * FROM firstscan.events',
        'SELECT firstscan.st_high()',
        "SELECT firstscan.st_push('[]'::json)",
        'CREATE TABLE public.x (a int)',
        'CREATE TEMP TABLE x (a int)',
        'CREATE ROLE intruder LOGIN',
      ])
        await expect(c.query(sql), sql).rejects.toThrow(/permission denied|must have|not allowed/);
    } finally {
      await c.end();
    }
    // nor connect to another site's database on the same cluster
    const other = await cluster().newSite();
    await expect(as(j.role, j.secret, other.database)).rejects.toThrow(/permission denied/);
  });

  it("a station's role reaches its functions only: no tables, no secrets, no roles, no joining others", async () => {
    const site = await cluster().newSite();
    const { creds } = await site.station('st-role-1');
    const c = await stationClient(creds);
    try {
      for (const sql of [
        'SELECT join_secret FROM firstscan.site',
        'SELECT * FROM firstscan.events',
        'SELECT * FROM firstscan.stations',
        "INSERT INTO firstscan.events (id, station, station_seq, hlc, actor, occurred_at, type, payload) VALUES ('x:1', 'x', 1, 'h', 'a', 'o', 't', '{}')",
        'UPDATE firstscan.block_ranges SET next_serial = 1',
        'DELETE FROM firstscan.job_leases',
        "SELECT * FROM firstscan.site_join('st-evil', 'evil', 'a-password-long-enough-123456')",
        "SELECT firstscan.refuse_foreign('a', 'b')",
        'CREATE TABLE public.x (a int)',
        'CREATE TABLE firstscan.x (a int)',
        'CREATE ROLE intruder LOGIN',
        'CREATE DATABASE intruder',
        'ALTER ROLE firstscan_station SUPERUSER',
      ])
        await expect(c.query(sql), sql).rejects.toThrow(/permission denied|must have|not allowed/);
      // its own functions work
      const r = await c.query('SELECT * FROM firstscan.st_whoami()');
      expect(r.rows[0]).toEqual({ station: 'st-role-1', site_id: site.siteId });
    } finally {
      await c.end();
    }
  });
});
