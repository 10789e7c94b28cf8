import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../../electron/app/create';
import { api } from '../../support/app';

// A real full disk: a small tmpfs the test mounts (root only). Elsewhere the test says why it skips.
const why = process.platform !== 'linux' ? 'needs Linux tmpfs' : process.getuid?.() !== 0 ? 'mounting a small tmpfs needs root' : null;
let mnt = '';
let mounted = false;

function mount(): boolean {
  mnt = mkdtempSync(join(tmpdir(), 'fs-fulldisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mnt], { stdio: 'ignore' });
    return (mounted = true);
  } catch {
    return false;
  }
}

/** Write a file until the disk refuses: ENOSPC. */
function fill(): string {
  const file = join(mnt, 'filler.bin');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    // the last bytes too
    try {
      for (;;) writeSync(fd, Buffer.alloc(512, 1));
    } catch {
      /* full */
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

const until = async (what: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
};

beforeAll(() => {
  if (!why && !mount()) console.warn('could not mount a tmpfs: the full-disk test is skipped');
});
afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', mnt]);
  if (mnt) rmSync(mnt, { recursive: true, force: true });
});

describe.skipIf(why !== null)(`a full disk is a state, not a crash${why ? ` (skipped: ${why})` : ''}`, () => {
  it('refuses picks with the disk named, serves reads, survives the checkpoint timer and the demo printer, recovers by itself', async () => {
    if (!mounted) return;
    const dataDir = join(mnt, 'station');
    let app: App | null = await createApp({ dataDir, mode: 'headless', demoOrders: 40 });
    try {
      expect((await api(app, 'pick.scan', { code: '#1001' })).outcome).toBe('issued');
      const filler = fill();
      // Picks until the station sees the disk is full: at most one more may still fit in the WAL.
      let refused: Awaited<ReturnType<typeof api<'pick.scan'>>> | null = null;
      for (let i = 2; i < 10 && !refused; i++) {
        const r = await api(app, 'pick.scan', { code: `#${1000 + i}` });
        if (r.outcome === 'refused') refused = r;
        else await new Promise((res) => setTimeout(res, 600));
      }
      expect(refused).not.toBeNull();
      if (refused?.outcome !== 'refused') throw new Error('not refused');
      expect(refused.code).toBe('disk_full');
      expect(refused.message).toBe(`The disk is full: free space on ${mnt}, then scan again.`);
      expect(refused.message).not.toMatch(/try again/i);

      // Read screens keep working; every screen can show the state.
      expect((await api(app, 'parcels.list', { limit: 10 })).rows.length).toBeGreaterThan(0);
      expect((await api(app, 'lines.list', {})).length).toBe(3);
      const health = await api(app, 'station.health', {});
      expect(health.disk.full).toBe(true);
      expect(health.disk.message).toContain(mnt);

      // The WAL checkpoint timer, the outbox and the demo printer run a few rounds on the full disk.
      await new Promise((r) => setTimeout(r, 3_000));
      expect((await api(app, 'station.health', {})).disk.full).toBe(true);

      rmSync(filler);
      expect(await until(async () => !(await api(app!, 'station.health', {})).disk.full, 5_000)).toBe(true);
      const again = await api(app, 'pick.scan', { code: '#1020' });
      expect(again.outcome).toBe('issued');
      await app.close();
      app = null;

      // Starting on a full disk: read-only, saying why; picks refused; back by itself with space.
      const filler2 = fill();
      app = await createApp({ dataDir, mode: 'headless' });
      const h2 = await api(app, 'station.health', {});
      expect(h2.disk).toMatchObject({ full: true, startedReadOnly: true });
      // The folder's lock could not be written on the full disk: it is taken once there is room.
      expect(app.lock).toBeNull();
      expect((await api(app, 'parcels.list', { limit: 10 })).rows.length).toBeGreaterThan(0);
      const r2 = await api(app, 'pick.scan', { code: '#1021' });
      expect(r2).toMatchObject({ outcome: 'refused', code: 'disk_full' });
      rmSync(filler2);
      expect(await until(async () => !(await api(app!, 'station.health', {})).disk.full, 5_000)).toBe(true);
      expect(app.lock?.holder.pid).toBe(process.pid);
      expect((await api(app, 'pick.scan', { code: '#1021' })).outcome).toBe('issued');
    } finally {
      await app?.close();
    }
  }, 60_000);
});
