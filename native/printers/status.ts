import net from 'node:net';
import { codeForSocketError, printerErrorFor, PrinterError } from './errors';

/** What a ZPL printer says about itself in its ~HS answer. */
export interface HostStatus {
  paperOut: boolean;
  paused: boolean;
  headOpen: boolean;
  ribbonOut: boolean;
  /** Formats (labels) received but not yet printed. */
  formatsInBuffer: number;
  labelsRemaining: number;
}

export type HealthProblem = 'paper_out' | 'ribbon_out' | 'head_open' | 'paused';

/** Problems in the order a person should fix them. */
export function problemsOf(s: HostStatus): HealthProblem[] {
  const out: HealthProblem[] = [];
  if (s.headOpen) out.push('head_open');
  if (s.paperOut) out.push('paper_out');
  if (s.ribbonOut) out.push('ribbon_out');
  if (s.paused) out.push('paused');
  return out;
}

const STX = '\u0002';
const ETX = '\u0003';

/**
 * ~HS answers three framed strings (<STX>...<ETX><CR><LF>):
 *   1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l    b paper out, c paused, eee formats in receive buffer
 *   2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www    o head open, p ribbon out, uuuuuuuu labels remaining
 *   3: xxxx,y
 */
export function parseHostStatus(answer: string): HostStatus | null {
  const frames = [...answer.matchAll(/\u0002([^\u0002\u0003]*)\u0003/g)].map((m) => m[1].split(','));
  if (frames.length < 2 || frames[0].length < 12 || frames[1].length < 11) return null;
  const [s1, s2] = frames;
  const flag = (v: string) => v.trim() === '1';
  return {
    paperOut: flag(s1[1]),
    paused: flag(s1[2]),
    formatsInBuffer: Number(s1[4]) || 0,
    headOpen: flag(s2[2]),
    ribbonOut: flag(s2[3]),
    labelsRemaining: Number(s2[8]) || 0,
  };
}

/** Build a ~HS answer (for the fake printer and tests). */
export function formatHostStatus(s: Partial<HostStatus>): string {
  const b = (v?: boolean) => (v ? '1' : '0');
  const s1 = ['030', b(s.paperOut), b(s.paused), '1218', String(s.formatsInBuffer ?? 0).padStart(3, '0'), '0', '0', '0', '000', '0', '0', '0'];
  const s2 = ['001', '0', b(s.headOpen), b(s.ribbonOut), '0', '0', '4', '0', String(s.labelsRemaining ?? 0).padStart(8, '0'), '0', '000'];
  const s3 = ['1234', '0'];
  return [s1, s2, s3].map((f) => `${STX}${f.join(',')}${ETX}\r\n`).join('');
}

/** Ask a raw 9100 printer for ~HS on its own short connection. */
export function queryHostStatus(target: { host: string; port: number }, timeoutMs = 2_000): Promise<HostStatus> {
  const where = `${target.host}:${target.port}`;
  return new Promise((resolve, reject) => {
    let text = '';
    let settled = false;
    const socket = net.connect({ host: target.host, port: target.port });
    const done = (err: PrinterError | null, s?: HostStatus) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(s!);
    };
    const timer = setTimeout(() => done(printerErrorFor('TIMEOUT', where, false)), timeoutMs);
    socket.once('connect', () => socket.write('~HS\r\n'));
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if ((text.match(new RegExp(ETX, 'g')) ?? []).length >= 3) {
        const s = parseHostStatus(text);
        if (s) done(null, s);
        else
          done(
            new PrinterError(
              'RESET',
              `Printer ${where} answered ~HS with something unreadable — is it a ZPL printer? Turn status checks off for it in Devices.`,
            ),
          );
      }
    });
    socket.on('error', (e: NodeJS.ErrnoException) => done(printerErrorFor(codeForSocketError(e.code), where, false, e)));
    socket.on('close', () => done(printerErrorFor('RESET', where, false)));
  });
}
