import { describe, it, expect } from 'vitest';
import pg from 'pg';
import { usePg } from '../../../support/pg';
import { wire, wires } from './events';
import { endpointOf, poolConfig } from '../../../../db/site/server/connect';
import type { SiteLink, StationCredentials } from '../../../../db/site/server/types';

const cluster = usePg();

async function rawClient(creds: StationCredentials): Promise<pg.Client> {
  const c = new pg.Client(await poolConfig(endpointOf(creds)));
  await c.connect();
  return c;
}

/** Pull everything new after cursor; returns ids seen and the new cursor. */
async function drain(link: SiteLink, cursor: number, page = 50) {
  const ids: string[] = [];
  for (;;) {
    const r = await link.pull(cursor, page);
    ids.push(...r.events.map((e) => e.id));
    if (r.maxServerSeq === cursor) return { ids, cursor };
    cursor = r.maxServerSeq;
  }
}

async function until(what: string, check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('server sequence under concurrent pushes', () => {
  it('a push that commits late is not skipped by a puller that saw a later push', async () => {
    const site = await cluster().newSite();
    const a = await site.station('st-seq-a');
    const b = await site.station('st-seq-b');
    const c = await site.station('st-seq-c');
    const admin = await cluster().admin(site.database);

    // Station a's push takes its server sequence and stays uncommitted...
    const slow = await rawClient(a.creds);
    await slow.query('BEGIN');
    await slow.query('SELECT firstscan.st_push($1::json)', [JSON.stringify([wire('st-seq-a', 1)])]);
    // ...while station b pushes: it must wait (or, were pushes not serialized, commit a later sequence first).
    let bDone = false;
    const bPush = b.link.push([wire('st-seq-b', 1)]).then(() => (bDone = true));
    await until('b has pushed or waits for a', async () => {
      if (bDone) return true;
      const r = await admin.query("SELECT 1 FROM pg_stat_activity WHERE usename = $1 AND wait_event_type = 'Lock'", [b.creds.user]);
      return r.rowCount === 1;
    });
    const first = await drain(c.link, 0);
    await slow.query('COMMIT');
    await slow.end();
    await bPush;
    const second = await drain(c.link, first.cursor);
    expect([...first.ids, ...second.ids].sort()).toEqual(['st-seq-a:1', 'st-seq-b:1']);
  });

  it('a puller running alongside five pushing stations sees every event exactly once', async () => {
    const site = await cluster().newSite();
    const pushers = await Promise.all([1, 2, 3, 4, 5].map((i) => site.station(`st-con-${i}`)));
    const puller = await site.station('st-con-reader');
    const expected = new Set<string>();
    let pushing = true;
    const pushAll = Promise.all(
      pushers.map(async ({ link }) => {
        let seq = 1;
        for (let round = 0; round < 40; round++) {
          const n = 1 + ((round * 7 + seq) % 23);
          const batch = wires(link.station, seq, n);
          seq += n;
          await link.push(batch);
          for (const e of batch) expected.add(e.id);
        }
      }),
    ).finally(() => (pushing = false));
    const seen: string[] = [];
    let cursor = 0;
    while (pushing) {
      const r = await drain(puller.link, cursor, 37);
      seen.push(...r.ids);
      cursor = r.cursor;
    }
    await pushAll;
    seen.push(...(await drain(puller.link, cursor)).ids);
    expect(seen.length).toBe(expected.size);
    expect(new Set(seen)).toEqual(expected);
  });
});
