import { useEffect, useRef } from 'react';
import { WedgeDetector, defaultWedgeSettings, type WedgeSettings } from '../../../native/scanners/wedge';
import { onPush } from '../api/client';

/** Badges are `OP-XXXX-XXXX`: a scan of one on any screen signs in, switches or signs out (App listens). */
export const BADGE = /^OP-[A-Z0-9]{2,8}-[A-Z0-9]{2,8}$/;
export const BADGE_EVENT = 'firstscan-badge';

/** Text into the focused field, as if typed (its input event fires): a scan on a screen that does not read the scanner. */
export function typeInto(text: string): void {
  const el = document.activeElement;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || !text) return;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? el.value.length;
  el.setRangeText(text, start, end, 'end');
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Enter in the focused field, as a scanner's Enter does on a plain PC: the field's form is submitted
 * when Enter would submit it (by its default button, or a form of one field). After React has taken the
 * text the burst typed, so the form sends what is on screen.
 */
export function pressEnter(): void {
  const el = document.activeElement;
  if (!(el instanceof HTMLInputElement) || !el.form) return;
  const form = el.form;
  setTimeout(() => {
    const button = [...form.elements].find(
      (x): x is HTMLButtonElement | HTMLInputElement => (x instanceof HTMLButtonElement || x instanceof HTMLInputElement) && x.type === 'submit',
    );
    if (button) {
      if (!button.disabled) form.requestSubmit(button);
      return;
    }
    const fields = [...form.elements].filter(
      (x) => x instanceof HTMLInputElement && !['hidden', 'checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(x.type),
    );
    if (fields.length === 1) form.requestSubmit();
  }, 0);
}

/** A scan on a screen that does not read the scanner: its text into the focused field, then its Enter (if it ended with one). */
export function typeScan(code: string, _symbology?: string, how?: ScanHow): void {
  typeInto(code);
  if (how?.enter) pressEnter();
}

/** How a burst ended: with its Enter key (a keyboard-wedge scanner), or by a pause or a device push. */
export interface ScanHow {
  enter: boolean;
}

/** What a floor screen says to a burst that ended with Enter but was shorter than the station's shortest code. */
export function shortScanAnswer(code: string, minLength: number): { title: string; next: string } {
  const n = [...code].length;
  return {
    title: `"${code}" is too short to be a scan: ${n} character${n === 1 ? '' : 's'}, this station takes ${minLength} or more.`,
    next: 'Scan the whole barcode again. If this barcode really is that short, lower "Shortest code" in Setup → Station scanner.',
  };
}

const TEXT_INPUTS = new Set(['text', 'search', 'password', 'email', 'number', 'tel', 'url']);

/**
 * A Space pressed on a focused button, tick box or list row is the operator's (it presses, ticks,
 * selects); the detector would hold it as a burst's first character and it would never arrive.
 */
function spaceForControl(e: KeyboardEvent, idle: boolean): boolean {
  if (e.key !== ' ' || !idle) return false;
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || el === document.body || el.isContentEditable) return false;
  if (el instanceof HTMLTextAreaElement) return false;
  return !(el instanceof HTMLInputElement && TEXT_INPUTS.has(el.type));
}

/** A badge scanned on any screen goes to the sign-in (App), never to the screen's own scan. */
function route(code: string, symbology: string | undefined, onScan: (code: string, symbology?: string, how?: ScanHow) => void, enter = false): void {
  if (BADGE.test(code)) window.dispatchEvent(new CustomEvent(BADGE_EVENT, { detail: code }));
  else onScan(code, symbology, { enter });
}

/**
 * Listens to the whole window: scanner bursts become `onScan` calls and never type into fields;
 * human typing goes where it was going. A burst ended by Enter that is shorter than the shortest code
 * goes to `onShort`, so the screen can answer it instead of staying silent.
 */
export function useScanner(
  onScan: (code: string, symbology?: string, how?: ScanHow) => void,
  settings: WedgeSettings = defaultWedgeSettings,
  enabled = true,
  onShort?: (code: string, minLength: number) => void,
): void {
  const cb = useRef(onScan);
  cb.current = onScan;
  const short = useRef(onShort);
  short.current = onShort;
  useEffect(() => {
    if (!enabled) return;
    const det = new WedgeDetector(settings);
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || spaceForControl(e, det.idle)) return;
      const { verdict, release } = det.feed({ key: e.key, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, time: e.timeStamp });
      if (release) typeInto(release);
      if (verdict.kind === 'pass') return;
      e.preventDefault();
      e.stopPropagation();
      if (verdict.kind === 'scan') route(verdict.code, verdict.symbology, cb.current, e.key === 'Enter');
      if (verdict.kind === 'short') short.current?.(verdict.code, verdict.minLength);
    };
    const timer = setInterval(() => {
      const r = det.tick(performance.now());
      if (r.release) typeInto(r.release);
      if (r.scan) route(r.scan.code, r.scan.symbology, cb.current);
    }, 20);
    window.addEventListener('keydown', onKey, true);
    // HID/serial scanners assigned to the pick role arrive from the main process as a push.
    const offPush = onPush((name, d) => {
      if (name === 'scanner.scan' && (d as { role: string }).role === 'pick')
        route((d as { code: string }).code, (d as { symbology?: string }).symbology, cb.current);
    });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      clearInterval(timer);
      offPush();
    };
  }, [enabled, JSON.stringify(settings)]);
}
