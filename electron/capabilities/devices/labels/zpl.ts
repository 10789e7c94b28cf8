import { chooseModuleWidth, planCode128 } from './code128';
import { labelContent } from './content';
import { labelInches, type Dpi, type LabelModel, type LabelSize } from './model';
import { truncate, zplFieldText } from './text';

/** Layout constants in 203-dpi dots; scaled for 300 dpi. */
interface Metrics {
  margin: number;
  fromFont: number;
  fromMaxLines: number;
  carrierFont: number;
  subFont: number;
  captionFont: number;
  toNameFont: number;
  toFont: number;
  toBigFont: number;
  metaFont: number;
  barcodeHeight: number;
  hrFont: number;
  gap: number;
}

const METRICS: Record<LabelSize, Metrics> = {
  '4x6': {
    margin: 24,
    fromFont: 22,
    fromMaxLines: 6,
    carrierFont: 48,
    subFont: 28,
    captionFont: 20,
    toNameFont: 50,
    toFont: 40,
    toBigFont: 50,
    metaFont: 36,
    barcodeHeight: 203,
    hrFont: 36,
    gap: 8,
  },
  '4x4': {
    margin: 16,
    fromFont: 18,
    fromMaxLines: 4,
    carrierFont: 36,
    subFont: 22,
    captionFont: 16,
    toNameFont: 34,
    toFont: 30,
    toBigFont: 34,
    metaFont: 24,
    barcodeHeight: 203,
    hrFont: 28,
    gap: 4,
  },
};

/** Rough average glyph width of the scalable font 0 relative to its width parameter. */
const GLYPH_RATIO = 0.62;

/**
 * Build the ZPL II for one shipping label, exactly as it is sent to the printer.
 * Default 4x6 in at 203 dpi. All user text goes through ^FH hex escaping.
 */
export function buildZpl(label: LabelModel, opts?: { size?: LabelSize; dpi?: Dpi }): string {
  const size = opts?.size ?? '4x6';
  const dpi = opts?.dpi ?? 203;
  const m = METRICS[size];
  const s = dpi / 203;
  const d = (v: number) => Math.round(v * s);
  const inches = labelInches(size);
  const W = Math.round(inches.width * dpi);
  const H = Math.round(inches.height * dpi);
  const c = labelContent(label);
  const out: string[] = ['^XA', '^CI28', `^PW${W}`, `^LL${H}`, '^LH0,0'];

  // One line of text, cut to fit `width` (base dots) and held in a one-line field block.
  const text = (x: number, y: number, font: number, value: string, width: number, align: 'L' | 'C' = 'L') => {
    const maxChars = Math.max(1, Math.floor(width / (font * GLYPH_RATIO)));
    const fitted = truncate(value, maxChars);
    out.push(`^FO${d(x)},${d(y)}^A0N,${d(font)},${d(font)}^FB${d(width)},1,0,${align},0^FH^FD${zplFieldText(fitted)}^FS`);
    return y + font + m.gap;
  };
  const hline = (y: number) => out.push(`^FO${d(m.margin)},${d(y)}^GB${W - 2 * d(m.margin)},${Math.max(2, d(3))},${Math.max(2, d(3))}^FS`);

  const innerW = 812 - 2 * m.margin;
  const split = Math.round(812 * 0.56);

  // Ship-from (left) and carrier / line / service (right).
  let y = m.margin;
  y = text(m.margin, y, m.captionFont, 'FROM', split - m.margin - 12);
  for (const line of c.fromLines.slice(0, m.fromMaxLines)) y = text(m.margin, y, m.fromFont, line, split - m.margin - 12);
  const rightX = split + 12;
  const rightW = 812 - m.margin - rightX;
  let ry = m.margin;
  // The carrier's name is what the driver reads first: shrink it to fit (down to the line's size) rather than cut it.
  const carrierFont = Math.max(m.subFont, Math.min(m.carrierFont, Math.floor(rightW / (Math.max(1, [...c.carrier].length) * GLYPH_RATIO))));
  ry = text(rightX, ry, carrierFont, c.carrier, rightW);
  ry = text(rightX, ry, m.subFont, c.line, rightW);
  ry = text(rightX, ry, m.subFont, c.service, rightW);
  const topEnd = Math.max(y, ry);
  out.push(`^FO${d(split)},${d(m.margin / 2)}^GB${Math.max(2, d(3))},${d(topEnd - m.margin / 2)},${Math.max(2, d(3))}^FS`);
  y = topEnd + m.gap;
  hline(y);
  y += 3 + 2 * m.gap;

  // Ship-to, large.
  y = text(m.margin, y, m.captionFont, 'SHIP TO', innerW);
  y = text(m.margin, y, m.toNameFont, c.toName, innerW);
  for (const line of c.toLines) y = text(m.margin, y, m.toFont, line, innerW);
  y = text(m.margin, y, m.toBigFont, c.toCityLine, innerW);
  y = text(m.margin, y, m.toBigFont, c.toCountry, innerW);
  if (c.toPhone && size === '4x6') y = text(m.margin, y, m.captionFont + 4, `TEL ${c.toPhone}`, innerW);
  hline(y);
  y += 3 + 2 * m.gap;

  // Order, ship date, weight / reference / parcel.
  const half = innerW / 2;
  text(m.margin, y, m.metaFont, `ORDER ${c.order}`, half);
  y = text(m.margin + half, y, m.metaFont, `SHIP ${c.shipDate}`, half);
  if (c.piece) y = text(m.margin, y, m.metaFont, `PARCEL ${c.piece}`, innerW);
  const extra = [c.weight, c.reference ? `REF ${c.reference}` : undefined, `PARCEL ${c.parcelId}`].filter(Boolean).join(' | ');
  y = text(m.margin, y, m.captionFont, extra, innerW);
  hline(y);
  y += 3 + 2 * m.gap;

  // Tracking barcode (Code 128), centred, human-readable number printed beneath by us.
  // With a customs block the barcode gives up height (never width, which carries the scan grade).
  const barcodeHeight = c.customs ? 160 : m.barcodeHeight;
  const plan = planCode128(c.trackingNumber);
  const preferred = dpi === 300 ? 4 : 3;
  const minimum = dpi === 300 ? 3 : 2;
  const module = chooseModuleWidth(plan.modules, W - 2 * d(m.margin), preferred, minimum);
  const bx = Math.round((W - plan.modules * module) / 2);
  out.push(`^FO${bx},${d(y)}^BY${module}^BCN,${d(barcodeHeight)},N,N,N,N^FD${plan.zplData}^FS`);
  y += barcodeHeight + m.gap;
  y = text(m.margin, y, m.hrFont, c.trackingNumber, innerW, 'C');

  if (c.customs) {
    const font = size === '4x4' ? 15 : 19;
    const top = y;
    y += m.gap / 2;
    for (const line of c.customs) y = text(m.margin + 6, y, font, line, innerW - 12);
    out.push(`^FO${d(m.margin)},${d(top)}^GB${W - 2 * d(m.margin)},${d(y - top + 4)},${Math.max(2, d(2))}^FS`);
  }

  out.push('^PQ1', '^XZ');
  return out.join('\n') + '\n';
}
