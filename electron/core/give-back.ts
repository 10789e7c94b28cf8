/**
 * How long background work (a monitor pass, retention, tracking intake) stands back after a request
 * came in, and after a scan: the scan's reply, the screens' reloads, the label it prints and its preview
 * run first. On a 2-core station the browser, the server and the label preview share the processors,
 * and monitor steps run between a scan and its verdict held the verdict up to 180 ms.
 */
export const STAND_BACK_MS = 40;
export const STAND_BACK_AFTER_SCAN_MS = 150;

let quietFrom = Number.NEGATIVE_INFINITY;

/** Every call through the API (the one door, invoke) says a person is at work now; a scan, for longer. */
export function noteRequest(scan = false, at = performance.now()): void {
  quietFrom = Math.max(quietFrom, at + (scan ? STAND_BACK_AFTER_SCAN_MS : STAND_BACK_MS));
}

/**
 * Lets the event loop run what waits (a scan, a screen's request, a timer) before the next step of long
 * work; while requests come in, the next step waits until they have been quiet a while (at most
 * STAND_BACK_AFTER_SCAN_MS a step, so the work still moves on while scans keep coming).
 */
export const giveBack = (): Promise<void> =>
  new Promise<void>((ok) => {
    const wait = quietFrom - performance.now();
    if (wait > 0) setTimeout(ok, Math.min(wait, STAND_BACK_AFTER_SCAN_MS));
    else setImmediate(ok);
  });
