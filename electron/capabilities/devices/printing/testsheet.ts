import type { PrinterSetupData } from '../../../../db/devices/events';
import { TEST_SHEET } from '../../../../native/scanners/selftest';
import { newId } from '../../../core/ids';
import { badInput } from '../../../core/errors';
import { chooseModuleWidth, planCode128 } from '../labels/code128';
import { labelInches } from '../labels/model';
import { zplFieldText } from '../labels/text';
import { printerLane } from './health';
import { actorOf, stationSettings, type ServiceContext } from '../../../core/context';

/**
 * The scanner test sheet in ZPL: the three codes of TEST_SHEET, each with its title. The GS1 code
 * uses ZPL's GS1-128 mode (FNC1 after the start and after each variable-length field).
 */
export function testSheetZpl(setup: Pick<PrinterSetupData, 'size' | 'dpi'>): string {
  const dpi = setup.dpi;
  const s = dpi / 203;
  const d = (v: number) => Math.round(v * s);
  const W = Math.round(labelInches(setup.size).width * dpi);
  const H = Math.round(labelInches(setup.size).height * dpi);
  const compact = setup.size === '4x4';
  const out = ['^XA', '^CI28', `^PW${W}`, `^LL${H}`, '^LH0,0'];
  const text = (y: number, font: number, value: string) =>
    out.push(`^FO${d(20)},${d(y)}^A0N,${d(font)},${d(font)}^FB${W - d(40)},1,0,L,0^FH^FD${zplFieldText(value)}^FS`);
  text(16, compact ? 26 : 32, 'FIRSTSCAN SCANNER TEST');
  text(compact ? 46 : 54, compact ? 18 : 22, 'Open Devices > Scanner self-test, then scan each code.');
  let y = compact ? 80 : 100;
  const gap = compact ? 22 : 60;
  const barH = compact ? 90 : 130;
  for (const code of TEST_SHEET) {
    text(y, compact ? 18 : 22, code.title);
    y += compact ? 24 : 30;
    if (code.gs1) {
      const ai = code.content.replace(/^01(\d{14})10([^\u001d]*)\u001d21(.*)$/, '(01)$1(10)$2(21)$3');
      out.push(`^FO${d(40)},${d(y)}^BY${dpi === 300 ? 3 : 2}^BCN,${d(barH)},Y,N,N,D^FD${ai}^FS`);
    } else {
      const plan = planCode128(code.content);
      const module = chooseModuleWidth(plan.modules, W - d(40), dpi === 300 ? 3 : 2, 1);
      out.push(`^FO${Math.round((W - plan.modules * module) / 2)},${d(y)}^BY${module}^BCN,${d(barH)},Y,N,N^FD${plan.zplData}^FS`);
    }
    y += barH + gap;
  }
  out.push('^PQ1', '^XZ');
  return out.join('\n') + '\n';
}

/** Queue the test sheet on this station's printer, behind any labels already waiting there. */
export function queueTestSheet(ctx: ServiceContext): { jobId: string; printerId: string } {
  const printerId = stationSettings(ctx).printerId;
  if (!printerId) throw badInput('This station has no printer: choose one in Setup, then print the test sheet.');
  const printer = ctx.store.read.settings.printer(printerId);
  if (printer?.language !== 'zpl')
    throw badInput(`The test sheet is ZPL and ${printer?.name ?? printerId} takes PDF: set a ZPL printer for this station first.`);
  const at = ctx.clock.now();
  const jobId = newId('job', at);
  ctx.store.write(actorOf(ctx), at, (emit) =>
    emit({
      type: 'selftest.sheet_queued',
      subject: jobId,
      payload: { printerId, jobs: [{ id: jobId, kind: 'print.testsheet', target: printerLane(printerId), ref: null, payload: {} }] },
    }),
  );
  return { jobId, printerId };
}
