import type { ChannelName, Input, Output, PushName, PushData } from '../../../electron/contract/channels';

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };

interface Bridge {
  invoke(channel: string, input: unknown): Promise<Envelope>;
  on(listener: (name: string, data: unknown) => void): () => void;
}

declare global {
  interface Window {
    api?: Bridge;
  }
}

export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}

/** One WebSocket per page, shared by every subscriber; it reconnects after a drop. */
const listeners = new Set<(name: string, data: unknown) => void>();
let socket: WebSocket | null = null;
function connect(): WebSocket {
  const ws = new WebSocket(`ws://${location.host}/ws`);
  ws.onmessage = (m) => {
    const { push, data } = JSON.parse(m.data as string);
    for (const l of listeners) l(push, data);
  };
  ws.onclose = () => {
    socket = null;
    setTimeout(() => {
      if (listeners.size) socket ??= connect();
    }, 1000);
  };
  return ws;
}

/** Browser mode: the same contract over HTTP on 127.0.0.1 (the token travels as a cookie). */
const httpBridge: Bridge = {
  async invoke(channel, input) {
    let res: Response;
    try {
      res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'The console service is not answering. Check that it is still running, then try again.' } };
    }
    const body = await res.json().catch(() => ({}));
    return res.ok ? { ok: true, data: body } : { ok: false, error: body.error ?? { code: 'INTERNAL', message: `HTTP ${res.status}` } };
  },
  on(listener) {
    listeners.add(listener);
    socket ??= connect();
    return () => {
      listeners.delete(listener);
    };
  },
};

const bridge = (): Bridge => window.api ?? httpBridge;

/**
 * Scans in flight (a picker, a pack bench or a dispatch lead waits on each) and the screens' reloads that
 * wait for them: a reload asked for while a scan is out starts only once every scan's answer is drawn,
 * so it never queues ahead of the next scan on the station, nor on the page.
 */
let scansOut = 0;
/** From a scan's start to the frame after its answer is drawn. */
let settling = false;
let waiting = new Set<() => void>();
/** A reload waits at most this long for scans (a scanner at full speed may never leave a gap). */
const RELOAD_WAITS_MS = 1000;
/** When the last scan's answer came (performance.now()). */
let lastScanAt = -Infinity;

function releaseAfterPaint() {
  // The frame after the answer's render: requestAnimationFrame runs before it is drawn, the timeout after.
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (scansOut) return;
      settling = false;
      const go = waiting;
      waiting = new Set();
      for (const w of go) w();
    }, 0),
  );
}

/** Resolves once no scan is in flight and the last one's answer is on screen (at most RELOAD_WAITS_MS). */
export function afterScans(): Promise<void> {
  if (!settling) return Promise.resolve();
  return new Promise<void>((ok) => {
    const go = () => {
      waiting.delete(go);
      clearTimeout(timer);
      ok();
    };
    const timer = setTimeout(go, RELOAD_WAITS_MS);
    waiting.add(go);
  });
}

export async function call<C extends ChannelName>(channel: C, input: Input<C>, opts: { scan?: boolean } = {}): Promise<Output<C>> {
  if (opts.scan) (scansOut++, (settling = true));
  try {
    const r = await bridge().invoke(channel, input);
    if (!r.ok) throw new ApiFailure(r.error.code, r.error.message, r.error.issues);
    return r.data as Output<C>;
  } finally {
    if (opts.scan) lastScanAt = performance.now();
    if (opts.scan && --scansOut === 0) releaseAfterPaint();
  }
}

/**
 * Resolves once the scanner has paused: no scan out and none answered for `quietMs`. For work a person
 * looks at between scans, not during a run of them (the label preview): it waits as long as scans come.
 */
export async function afterScannerPause(quietMs: number): Promise<void> {
  for (;;) {
    await afterScans();
    const left = lastScanAt + quietMs - performance.now();
    if (!scansOut && left <= 0) return;
    await new Promise((r) => setTimeout(r, Math.max(left, 20)));
  }
}

export function onPush(listener: <P extends PushName>(name: P, data: PushData<P>) => void): () => void {
  return bridge().on(listener as (name: string, data: unknown) => void);
}
