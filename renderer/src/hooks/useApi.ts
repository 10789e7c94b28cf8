import { useCallback, useEffect, useRef, useState } from 'react';
import { afterScans, call, onPush, ApiFailure } from '../api/client';
import type { AppendedEvent, ChannelName, EventType, Input, Output } from '../../../electron/contract/channels';

/**
 * Load a channel's answer, and load again when events the screen cares about are appended.
 * Bursts of events (a scanner at full speed) cause one reload in flight and one after it, not one each.
 * A load waits while a scan is out, until its answer is drawn (afterScans). `enabled: false`: no loads
 * (another answer on the screen already says the same). `refreshOn` is required: a busy station appends
 * events every second (carrier polls), and a screen that reloaded on each redrew for nothing.
 */
export function useChannel<C extends ChannelName>(
  channel: C,
  input: Input<C>,
  refreshOn: (type: EventType, subject: string | null) => boolean,
  { enabled = true }: { enabled?: boolean } = {},
) {
  const [data, setData] = useState<Output<C> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(input);
  const inFlight = useRef(false);
  const again = useRef(false);
  // The loop below always loads the newest input, even if it changed while a load was running.
  const latest = useRef({ channel, key });
  latest.current = { channel, key };
  const wants = useRef(refreshOn);
  wants.current = refreshOn;
  const on = useRef(enabled);
  on.current = enabled;

  const load = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      do {
        again.current = false;
        await afterScans();
        if (!on.current) break;
        try {
          const { channel: c, key: k } = latest.current;
          const answer = await call(c, JSON.parse(k));
          if (latest.current.key === k && latest.current.channel === c) setData(answer as Output<C>);
          else again.current = true;
          setError(null);
        } catch (e) {
          setError(e instanceof ApiFailure ? e.message : String(e));
        }
      } while (again.current);
    } finally {
      inFlight.current = false;
    }
  }, [channel, key]);

  useEffect(() => {
    if (!enabled) return;
    void load();
    return onPush((name, d) => {
      if (name === 'events.appended' && (d as AppendedEvent[]).some((e) => wants.current(e.type, e.subject))) void load();
    });
  }, [load, enabled]);
  return { data, error, reload: load };
}
