import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataLock, DataFolderLocked, lockFile } from '../../../electron/core/data-lock';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'fs-dlock-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const at = new Date('2026-12-06T08:00:00Z');

describe('acquireDataLock', () => {
  it('refuses a live holder with its pid, host and since', () => {
    const dir = temp();
    const a = acquireDataLock(dir, 'desktop app', { pid: 100, host: 'pc1', now: () => at, alive: () => true });
    const e = (() => {
      try {
        acquireDataLock(dir, 'cli serve', { pid: 200, host: 'pc1', alive: () => true });
      } catch (x) {
        return x as DataFolderLocked;
      }
    })();
    expect(e).toBeInstanceOf(DataFolderLocked);
    expect(e!.holder).toEqual({ pid: 100, host: 'pc1', since: at.toISOString(), entry: 'desktop app' });
    a.release();
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it('takes over the lock of a dead process, and says whose it was', () => {
    const dir = temp();
    writeFileSync(lockFile(dir), JSON.stringify({ pid: 4242, host: 'pc1', since: '2026-12-05T07:00:00.000Z', entry: 'cli serve' }));
    const l = acquireDataLock(dir, 'desktop app', { pid: 300, host: 'pc1', alive: (pid) => pid !== 4242 });
    expect(l.tookOver).toMatchObject({ pid: 4242 });
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: 300, entry: 'desktop app' });
    l.release();
  });

  it('a torn lock file (holder died mid-write) is stale too', () => {
    const dir = temp();
    writeFileSync(lockFile(dir), '{"pid": 12');
    const l = acquireDataLock(dir, 'cli serve', { pid: 301, host: 'pc1', alive: () => true });
    expect(l.holder.pid).toBe(301);
    l.release();
  });

  it('of two starters racing for one stale lock, only one wins', () => {
    const dir = temp();
    writeFileSync(lockFile(dir), JSON.stringify({ pid: 4243, host: 'pc1', since: 'x', entry: 'cli serve' }));
    // The second starter finds the first one's takeover guard in place: it does not remove the fresh lock.
    mkdirSync(`${lockFile(dir)}.takeover`);
    expect(() => acquireDataLock(dir, 'cli import', { pid: 401, host: 'pc1', alive: (p) => p !== 4243, now: () => at })).toThrow(DataFolderLocked);
    rmSync(`${lockFile(dir)}.takeover`, { recursive: true });
    const winner = acquireDataLock(dir, 'cli serve', { pid: 400, host: 'pc1', alive: (p) => p !== 4243 });
    expect(() => acquireDataLock(dir, 'cli import', { pid: 401, host: 'pc1', alive: (p) => p !== 4243 })).toThrow(/pid 400/);
    winner.release();
  });

  it('release leaves a lock that someone else took alone', () => {
    const dir = temp();
    const l = acquireDataLock(dir, 'cli serve', { pid: 500, host: 'pc1', alive: () => true });
    writeFileSync(lockFile(dir), JSON.stringify({ pid: 501, host: 'pc1', since: 'y', entry: 'desktop app' }));
    l.release();
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8')).pid).toBe(501);
  });
});
