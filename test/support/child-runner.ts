import { spawn } from 'node:child_process';

/**
 * Run a crash test's child script (under tsx) and hand each line it prints to `onLine`, with `kill`
 * to SIGKILL it there, as a power cut would. Resolves once the child has exited, however it ended.
 */
export function runChild(script: string, args: string[], onLine: (line: string, kill: () => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
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
