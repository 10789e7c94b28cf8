import { useEffect, useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';

type Health = Output<'station.health'>;

/**
 * On every screen: a full disk (picks refused until space is freed; it clears by itself) and errors
 * the station survived. Asked every few seconds, so it shows even when pushes are down.
 */
export function HealthBanner() {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      call('station.health', {}).then(
        (h) => alive && setHealth(h),
        () => undefined,
      );
    void load();
    const t = setInterval(() => void load(), 3_000);
    return () => {
      alive = false;
      clearInterval(t);
    };
  }, []);
  if (!health?.disk.full) return null;
  return (
    <div className="health-banner" role="alert" data-testid="disk-full-banner">
      <strong>{health.disk.startedReadOnly ? 'Started read-only: the disk is full.' : 'The disk is full.'}</strong> Free space on{' '}
      <span className="mono">{health.disk.drive}</span>. Picks are refused until there is room; every screen can still be read. This clears by itself.
    </div>
  );
}
