import { describe, expect, it } from 'vitest';
import { usePg } from '../../../../support/pg';
import { connectSite, joinSite } from '../../../../../db/site/server/join';
import { revokeSiteStation, rotateJoinCode } from '../../../../../electron/capabilities/site/server/manage';

const pg = usePg();

describe('site admin: rotate the join code, revoke a station', () => {
  it('a revoked station can no longer connect; old join codes no longer join; new ones do', async () => {
    const site = await pg().newSite();
    const url = pg().adminUrl(site.database);
    const a = await site.station('st-a', 'Pick A');
    const b = await site.station('st-b', 'Pick B');

    const r = await revokeSiteStation({ url }, 'Pick A');
    expect(r).toMatchObject({ station: 'st-a', name: 'Pick A' });
    // Its open sessions were ended and its role may not log in again: a copied data dir is useless.
    await expect(connectSite(a.creds).then((l) => l.close())).rejects.toThrow();
    // The others keep working.
    const again = await connectSite(b.creds);
    await again.close();
    // The old join code would re-join it: it no longer works; the new one does.
    await expect(joinSite(site.joinCode, 'st-a', 'Pick A')).rejects.toThrow();
    const c = await joinSite(r.joinCode, 'st-c', 'Pick C');
    expect(c.siteId).toBe(site.siteId);

    const rotated = await rotateJoinCode({ url });
    expect(rotated).not.toBe(r.joinCode);
    await expect(joinSite(r.joinCode, 'st-d', 'Pick D')).rejects.toThrow();
    expect((await joinSite(rotated, 'st-d', 'Pick D')).siteId).toBe(site.siteId);
    await expect(revokeSiteStation({ url }, 'nobody')).rejects.toThrow('No station "nobody" in this site');
  }, 120_000);
});
