import { useEffect, useState } from 'react';
import { useChannel } from '../hooks/useApi';
import { fmtClock, fmtDateTime } from './time';

/** Times on cut-off screens are warehouse times, whatever zone this browser is in (the one time format). */
export function fmtZoned(iso: string | null | undefined, zone: string, withDate = true): string {
  return withDate ? fmtDateTime(iso, zone) : fmtClock(iso, zone);
}

/** The warehouse zone, from app.info. */
export function useSiteZone(): string | null {
  const info = useChannel('app.info', {}, (t) => t === 'site.configured');
  return info.data?.site.zone ?? null;
}

/**
 * The console's "now" (it may run on a test clock), ticking every second in this browser: the
 * offset between the server's answer and this browser's clock is kept.
 */
export function useServerNow(serverNowIso: string | null | undefined): number {
  const [offset, setOffset] = useState(0);
  const [tick, setTick] = useState(Date.now());
  useEffect(() => {
    if (serverNowIso) setOffset(new Date(serverNowIso).getTime() - Date.now());
  }, [serverNowIso]);
  useEffect(() => {
    const t = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return tick + offset;
}
