/** Lets the event loop run what waits (a scan, a screen's request, a timer) before the next step of long work. */
export const giveBack = (): Promise<void> => new Promise<void>((ok) => setImmediate(ok));
