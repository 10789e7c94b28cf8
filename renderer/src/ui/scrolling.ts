/**
 * Whether a long list is being scrolled: rows a push changed wait until the scrolling has stopped a
 * moment (useKeysetPages), so a fling is not slowed by asking for them and laying them in, and rows do
 * not jump under the person's eyes. A monitor pass changing exceptions while the Exceptions list was
 * flung made a frame in six late.
 */
let lastScrollAt = Number.NEGATIVE_INFINITY;
const SETTLED_MS = 150;
/**
 * Changes wait at most this long: a list scrolled without a pause still shows them. A fling through
 * thousands of exceptions lasts seconds; with 2 s the changes were laid in halfway through it.
 */
const LONGEST_WAIT_MS = 5000;

export function noteScroll(): void {
  lastScrollAt = performance.now();
}

export async function afterScrolling(): Promise<void> {
  const until = performance.now() + LONGEST_WAIT_MS;
  for (;;) {
    const now = performance.now();
    const left = lastScrollAt + SETTLED_MS - now;
    if (left <= 0 || now >= until) return;
    await new Promise((ok) => setTimeout(ok, Math.min(left, until - now)));
  }
}
