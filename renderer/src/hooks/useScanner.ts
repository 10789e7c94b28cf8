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

/**
 * Listens to the whole window: scanner bursts become `onScan` calls and never type into fields;
 * human typing goes where it was going.
 */
export function useScanner(onScan: (code: string, symbology?: string) => void, settings: WedgeSettings = defaultWedgeSettings, enabled = true): void {
  const cb = useRef(onScan);
  cb.current = onScan;
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
