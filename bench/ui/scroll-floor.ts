import type { Page } from 'playwright-core';
import { PARCELS_LIST, type ScrolledList } from './page';

/**
 * The floor of scrolling a long list (Parcels, Exceptions): the same rows (the list's own markup and
 * CSS, cloned from a row on screen) in a plain virtual list without React, laid over the list and
 * scrolled the same way, `overscan` rows beyond the window each side as the list draws them.
 * `recycle`: a fixed pool of row elements whose text and position change (the least a browser can do);
 * else rows entering the window are new elements and rows leaving are removed (what a keyed list does).
 * A cell holding a control (a selection box) keeps it; every other cell gets its text.
 */
export function scrollFloorFrames(
  page: Page,
  stepPx: number,
  maxFrames: number,
  total: number,
  recycle: boolean,
  list: ScrolledList = PARCELS_LIST,
  overscan = 3,
): Promise<number[]> {
  return page.evaluate(
    ([step, max, count, reuse, l, over]) =>
      new Promise<number[]>((resolve) => {
        const real = document.querySelector(l.box) as HTMLElement;
        const template = real.querySelector(l.row) as HTMLElement;
        const texts = [...real.querySelectorAll(l.row)].map((r) => [...r.children].map((c) => c.textContent ?? ''));
        const rowH = template.offsetHeight;
        const rect = real.getBoundingClientRect();
        const box = document.createElement('div');
        box.className = real.className;
        Object.assign(box.style, {
          position: 'fixed',
          left: `${rect.left}px`,
          top: `${rect.top}px`,
          width: `${rect.width}px`,
          height: `${rect.height}px`,
          zIndex: '50',
        });
        box.style.background = getComputedStyle(real).backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor : '';
        const inner = document.createElement('div');
        Object.assign(inner.style, { position: 'relative', height: `${count * rowH}px` });
        box.appendChild(inner);
        real.parentElement!.appendChild(box);
        const size = Math.ceil(rect.height / rowH) + 2 * over + 1;
        const make = () => {
          const el = template.cloneNode(true) as HTMLElement;
          el.removeAttribute('data-testid');
          el.style.height = `${rowH}px`;
          return el;
        };
        const fill = (el: HTMLElement, i: number) => {
          const t = texts[i % texts.length];
          const cells = el.children;
          for (let c = 0; c < cells.length; c++) if (!cells[c].querySelector('input')) (cells[c] as HTMLElement).textContent = `${t[c]}${c === 1 ? i : ''}`;
          el.style.transform = `translateY(${i * rowH}px)`;
        };
        const pool = reuse ? Array.from({ length: size }, () => inner.appendChild(make())) : [];
        const shown = pool.map(() => -1);
        const live = new Map<number, HTMLElement>();
        const draw = () => {
          const first = Math.max(0, Math.floor(box.scrollTop / rowH) - over);
          const last = Math.min(count - 1, first + size - 1);
          if (reuse) {
            for (let i = first; i <= last; i++) if (shown[i % size] !== i) (fill(pool[i % size], i), (shown[i % size] = i));
            return;
          }
          for (const [i, el] of live) if (i < first || i > last) (el.remove(), live.delete(i));
          for (let i = first; i <= last; i++)
            if (!live.has(i))
              live.set(
                i,
                inner.appendChild(
                  (() => {
                    const el = make();
                    fill(el, i);
                    return el;
                  })(),
                ),
              );
        };
        box.addEventListener('scroll', draw, { passive: true });
        draw();
        const frames: number[] = [];
        let last = performance.now();
        const tick = (t: number) => {
          frames.push(t - last);
          last = t;
          const end = box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
          if (end || frames.length >= max) {
            box.remove();
            resolve(frames.slice(1));
            return;
          }
          box.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame((t) => ((last = t), requestAnimationFrame(tick)));
      }),
    [stepPx, maxFrames, total, recycle, list, overscan] as const,
  );
}
