import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbedded, type EmbeddedServer } from '../../../../../electron/capabilities/site/server/embedded';
import { freePort } from '../../../../support/pg';

let server: EmbeddedServer | null = null;
const dir = mkdtempSync(join(tmpdir(), 'firstscan-initdb-'));
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('site server: the admin password never sits in a world-readable temp file', () => {
  it('initdb reads it from a private directory, removed afterwards', async () => {
    // This process's temp dir is one of its own, so other processes on the machine cannot add to what is seen.
    const shared = mkdtempSync(join(tmpdir(), 'firstscan-tmp-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = shared;
    const seen: string[] = [];
    const w = watch(shared, (_e, name) => name?.startsWith('pg-password-') && seen.push(name));
    try {
      server = await startEmbedded({ dir, port: await freePort(), listen: '127.0.0.1' });
    } finally {
      w.close();
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      rmSync(shared, { recursive: true, force: true });
    }
    expect(server.created).toBe(true);
    expect(seen).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.startsWith('.initdb-'))).toEqual([]);
  }, 120_000);
});
