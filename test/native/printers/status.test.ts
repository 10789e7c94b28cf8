import { afterEach, describe, expect, it } from 'vitest';
import { FakePrinter } from '../../../native/printers/fake9100';
import { formatHostStatus, parseHostStatus, problemsOf, queryHostStatus } from '../../../native/printers/status';
import { sendRaw9100 } from '../../../native/printers/tcp9100';

const label = (n: number) => `^XA^FO20,20^A0N,30,30^FDLABEL ${n}^FS^XZ\n`;
let printer: FakePrinter | undefined;
afterEach(async () => printer?.stop());

describe('~HS host status', () => {
  it('parses the three framed strings of a Zebra answer', () => {
    const answer = '\u0002030,1,0,1218,002,0,0,0,000,0,0,0\u0003\r\n\u0002001,0,1,0,0,0,4,0,00000003,1,000\u0003\r\n\u00021234,0\u0003\r\n';
    const s = parseHostStatus(answer)!;
    expect(s).toEqual({ paperOut: true, paused: false, formatsInBuffer: 2, headOpen: true, ribbonOut: false, labelsRemaining: 3 });
    expect(problemsOf(s)).toEqual(['head_open', 'paper_out']);
    expect(parseHostStatus('garbage')).toBeNull();
    expect(parseHostStatus(formatHostStatus({ ribbonOut: true, paused: true }))).toMatchObject({ ribbonOut: true, paused: true, paperOut: false });
  });

  it('the fake printer answers ~HS with the status it is given, and a status query is not a job', async () => {
    printer = new FakePrinter();
    const at = await printer.start();
    expect(problemsOf(await queryHostStatus(at))).toEqual([]);
    printer.setStatus({ paperOut: true });
    expect(problemsOf(await queryHostStatus(at))).toEqual(['paper_out']);
    printer.setStatus({ paperOut: false, headOpen: true, ribbonOut: true, paused: true });
    expect(problemsOf(await queryHostStatus(at))).toEqual(['head_open', 'ribbon_out', 'paused']);
    await new Promise((r) => setTimeout(r, 20));
    expect(printer.jobs()).toEqual([]);
  });

  it('out of paper, labels wait in the printer and come out in order when paper is loaded', async () => {
    printer = new FakePrinter();
    const at = await printer.start();
    await sendRaw9100(at, label(1));
    printer.setStatus({ paperOut: true });
    await sendRaw9100(at, label(2));
    await sendRaw9100(at, label(3));
    expect(printer.labels().length).toBe(1);
    expect((await queryHostStatus(at)).formatsInBuffer).toBe(2);
    printer.setStatus({ paperOut: false });
    expect(printer.labels().map((l) => l.match(/LABEL \d/)![0])).toEqual(['LABEL 1', 'LABEL 2', 'LABEL 3']);
  });

  it('a printer that takes a job but never closes ends in TIMEOUT with sent: the label may be out', async () => {
    printer = new FakePrinter({ mode: 'hang' });
    const at = await printer.start();
    await expect(sendRaw9100(at, label(1), { idleTimeoutMs: 200 })).rejects.toMatchObject({ code: 'TIMEOUT', sent: true });
    expect(printer.labels().length).toBe(1);
  });

  it('refusing connections makes the status query fail clearly', async () => {
    printer = new FakePrinter({ mode: 'refuse' });
    const at = await printer.start();
    await expect(queryHostStatus(at)).rejects.toMatchObject({ code: 'REFUSED' });
  });
});
