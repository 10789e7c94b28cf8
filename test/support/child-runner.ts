import { spawn } from 'node:child_process';
import { nodeArgs } from './bundle';

/**
 * Run a crash test's child script (one bundle of it: test/support/bundle.ts) and hand each line it prints to `onLine`, with `kill`
 * to SIGKILL it there, as a power cut would. Resolves once the child has exited, however it ended.
 */
export function runChild(script: string, args: string[], onLine: (line: string, kill: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, nodeArgs(script, args), { stdio: ['ignore', 'pipe', 'inherit'] });
    const kill = () => void p.kill('SIGKILL');
    let buf = '';
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) onLine(l, kill);
    });
    p.on('error', reject);
    p.on('exit', () => resolve());
  });
}

/**
 * A child that reports its progress as "<word> <value>" lines and "finished" at its end: the last value
 * it said for each word, and whether it finished; SIGKILLed as soon as `killWhen` holds.
 */
export async function runReporting(
  script: string,
  args: string[],
  killWhen: (said: Record<string, string>) => boolean,
): Promise<{ said: Record<string, string>; finished: boolean }> {
  const said: Record<string, string> = {};
  let finished = false;
  await runChild(script, args, (l, kill) => {
    const space = l.indexOf(' ');
    if (l === 'finished') finished = true;
    else if (space > 0) said[l.slice(0, space)] = l.slice(space + 1);
    if (killWhen(said)) kill();
  });
  return { said, finished };
}
