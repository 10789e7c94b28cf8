import { useEffect, useRef } from 'react';
import { WedgeDetector, defaultWedgeSettings, type WedgeSettings } from '../../../native/scanners/wedge';
import { onPush } from '../api/client';

function typeInto(text: string): void {
  const el = document.activeElement;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || !text) return;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? el.value.length;
  el.setRangeText(text, start, end, 'end');
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** What a floor screen says to a burst that ended with Enter but was shorter than the station's shortest code. */
export function shortScanAnswer(code: string, minLength: number): { title: string; next: string } {
  const n = [...code].length;
  return {
    title: `"${code}" is too short to be a scan: ${n} character${n === 1 ? '' : 's'}, this station takes ${minLength} or more.`,
    next: 'Scan the whole barcode again. If this barcode really is that short, lower "Shortest code" in Setup → Station scanner.',
  };
}

/**
 * Listens to the whole window: scanner bursts become `onScan` calls and never type into fields;
 * human typing goes where it was going. A burst ended by Enter that is shorter than the shortest code
 * goes to `onShort`, so the screen can answer it instead of staying silent.
 */
export function useScanner(
  onScan: (code: string, symbology?: string) => void,
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
      if (e.isComposing) return;
      const { verdict, release } = det.feed({ key: e.key, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, time: e.timeStamp });
      if (release) typeInto(release);
      if (verdict.kind === 'pass') return;
      e.preventDefault();
      e.stopPropagation();
      if (verdict.kind === 'scan') cb.current(verdict.code, verdict.symbology);
      if (verdict.kind === 'short') short.current?.(verdict.code, verdict.minLength);
    };
    const timer = setInterval(() => {
      const r = det.tick(performance.now());
      if (r.release) typeInto(r.release);
      if (r.scan) cb.current(r.scan.code, r.scan.symbology);
    }, 20);
    window.addEventListener('keydown', onKey, true);
    // HID/serial scanners assigned to the pick role arrive from the main process as a push.
    const offPush = onPush((name, d) => {
      if (name === 'scanner.scan' && (d as { role: string }).role === 'pick') cb.current((d as { code: string }).code, (d as { symbology?: string }).symbology);
    });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      clearInterval(timer);
      offPush();
    };
  }, [enabled, JSON.stringify(settings)]);
}
