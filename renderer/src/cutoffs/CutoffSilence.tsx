import { fmtZoned, useSiteZone } from '../ui/ZonedTime';
import { fmtDateTime } from '../ui/time';

type ParcelShip = {
  pickupAt?: string | null;
  shipLabel?: string | null;
  late?: boolean | null;
  expectedFirstScanFrom?: string | null;
  expectedFirstScanBy?: string | null;
};

/** "ships Mon 30 Nov 17:30 · expected silence until Mon 7 Dec 17:30" for one parcel (warehouse time). */
export function CutoffSilence({ parcel }: { parcel: ParcelShip }) {
  const zone = useSiteZone();
  if (!parcel.shipLabel) return <span className="muted">No ship date: the line has no cut-off calendar.</span>;
  return (
    <span data-testid="parcel-silence">
      <span className={parcel.late ? 'ship-late' : undefined}>{parcel.pickupAt ? `ships ${fmtDateTime(parcel.pickupAt)}` : parcel.shipLabel}</span>
      {parcel.expectedFirstScanBy && zone && (
        <>
          {' · '}expected silence until <b>{fmtZoned(parcel.expectedFirstScanBy, zone)}</b>
          {parcel.expectedFirstScanFrom && <span className="muted"> (first scan from {fmtZoned(parcel.expectedFirstScanFrom, zone)})</span>}
        </>
      )}
    </span>
  );
}
