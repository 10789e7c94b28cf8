import { useCallback, useEffect, useState } from 'react';
import { call, onPush, ApiFailure } from '../api/client';
import type { ChannelName, Input, Output } from '../../../electron/contract/channels';

/** Load a channel's answer, and load again when events the screen cares about are appended. */
export function useChannel<C extends ChannelName>(channel: C, input: Input<C>, refreshOn: (type: string) => boolean = () => true) {
  const [data, setData] = useState<Output<C> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(input);
  const load = useCallback(async () => {
    try {
      setData(await call(channel, JSON.parse(key)));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    }
  }, [channel, key]);
  useEffect(() => {
    void load();
    return onPush((name, d) => {
      if (name === 'events.appended' && (d as Array<{ type: string }>).some((e) => refreshOn(e.type))) void load();
    });
  }, [load]);
  return { data, error, reload: load };
}
