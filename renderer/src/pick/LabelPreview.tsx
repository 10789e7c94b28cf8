import { useEffect, useState } from 'react';
import { afterScannerPause, call } from '../api/client';

/**
 * The preview is drawn once the scanner pauses this long: rendering it costs the station more CPU than
 * the scan itself, and a picker scanning one order after another looks at the verdict, not the label.
 */
const PREVIEW_AFTER_PAUSE_MS = 600;

/** The label exactly as sent to the printer, rendered offline. */
export function LabelPreview({ parcelId, version, tracking }: { parcelId: string; version: string; tracking: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setSrc(null);
    setError(null);
    void afterScannerPause(PREVIEW_AFTER_PAUSE_MS)
      .then(() => (live ? call('labels.preview', { parcelId }) : null))
      .then(
        (r) => live && r && setSrc(`data:image/png;base64,${r.pngBase64}`),
        (e) => live && setError((e as Error).message),
      );
    return () => {
      live = false;
    };
  }, [version]);
  if (error) return <div className="muted small">Preview unavailable: {error}</div>;
  if (!src) return <div className="label-preview loading">rendering label…</div>;
  return <img className="label-preview" src={src} alt={`Label ${tracking}`} data-testid="label-preview" data-tracking={tracking} />;
}
