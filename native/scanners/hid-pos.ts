import { aimName } from './aim';

/*
 * HID POS bar code scanners (HID usage page 0x8C): a decoded bar code arrives as one or more input
 * reports. The layout below is the common one of POS scanners in "HID POS" mode (Honeywell,
 * Datalogic, Zebra "IBM/HID POS"): a report id, the number of data bytes in this report, three
 * bytes of AIM symbology identifier (e.g. "]C1"), the data, and a flags byte at the end whose low
 * bit says the code continues in the next report. A long code (a GS1 DataMatrix, a 2D label)
 * spans several reports and is complete when a report arrives without that bit.
 *
 * The layout is a setting, so a scanner with other offsets only needs a profile, not code.
 */
export const HID_POS_USAGE_PAGE = 0x8c;

export interface HidPosLayout {
  reportId: number;
  lengthOffset: number;
  aimOffset: number;
  dataOffset: number;
  /** Offset of the flags byte; negative counts from the end of the report. */
  flagsOffset: number;
  moreMask: number;
}

export const defaultHidPosLayout: HidPosLayout = { reportId: 0x02, lengthOffset: 1, aimOffset: 2, dataOffset: 5, flagsOffset: -1, moreMask: 0x01 };

export interface HidScan {
  code: string;
  symbology?: string;
  aim?: string;
}

/**
 * Assembles reports into scans. Feed every input report in order; a completed scan is returned
 * once. Reports with another report id (status, keyboard) are ignored. A report that is too short
 * or claims more data than it holds is an error for the device, reported once, and drops the
 * partial code so that half a bar code is never delivered.
 */
export class HidPosDecoder {
  private parts: Buffer[] = [];
  private aim: string | undefined;

  constructor(private readonly layout: HidPosLayout = defaultHidPosLayout) {}

  feed(report: Buffer): { scan?: HidScan; error?: string } {
    const l = this.layout;
    if (report.length === 0 || report[0] !== l.reportId) return {};
    const flagsAt = l.flagsOffset < 0 ? report.length + l.flagsOffset : l.flagsOffset;
    const length = report[l.lengthOffset];
    if (report.length <= l.dataOffset || flagsAt < l.dataOffset || l.dataOffset + length > flagsAt) {
      this.reset();
      return { error: `malformed report (${report.length} bytes, says ${length} data bytes): the partial code was dropped, scan again` };
    }
    if (this.parts.length === 0) {
      const aim = report.subarray(l.aimOffset, l.aimOffset + 3).toString('latin1');
      this.aim = /^\][A-Za-z0-9][0-9]$/.test(aim) ? aim : undefined;
    }
    this.parts.push(report.subarray(l.dataOffset, l.dataOffset + length));
    if (report[flagsAt] & l.moreMask) return {};
    const code = Buffer.concat(this.parts).toString('latin1');
    const aim = this.aim;
    this.reset();
    if (!code) return {};
    return { scan: aim ? { code, aim, symbology: aimName(aim) } : { code } };
  }

  /** Drop a partial code (device detached mid-code). */
  reset(): void {
    this.parts = [];
    this.aim = undefined;
  }
}

/** Build the reports a scanner sends for one code: recorded sequences in tests are made with this. */
export function hidPosReports(code: string, aim = ']C0', opts: { reportSize?: number; layout?: HidPosLayout } = {}): Buffer[] {
  const l = opts.layout ?? defaultHidPosLayout;
  const size = opts.reportSize ?? 64;
  const flagsAt = l.flagsOffset < 0 ? size + l.flagsOffset : l.flagsOffset;
  const room = flagsAt - l.dataOffset;
  const data = Buffer.from(code, 'latin1');
  const out: Buffer[] = [];
  for (let i = 0; i < data.length || out.length === 0; i += room) {
    const chunk = data.subarray(i, i + room);
    const r = Buffer.alloc(size);
    r[0] = l.reportId;
    r[l.lengthOffset] = chunk.length;
    r.write(aim, l.aimOffset, 'latin1');
    chunk.copy(r, l.dataOffset);
    if (i + room < data.length) r[flagsAt] |= l.moreMask;
    out.push(r);
  }
  return out;
}
