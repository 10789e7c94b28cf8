import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository, so the bundle finds the project's root and its node_modules as the source does.
const cache = join(root, 'node_modules', '.cache', 'firstscan-test');
const made = new Map<string, string>();

/**
 * `entry` (a TypeScript file of the repository) as one ES module of the current source, packages left
 * in node_modules. A child process started from it skips tsx's per-file work on every start: about 2 s
 * of CPU a console or CLI start, which on a 2-core CI machine is most of what the process tests cost.
 * Built once per test process; named by its content, so parallel workers share it and never see half a file.
 */
export function bundled(entry: string): string {
  const abs = entry.startsWith('/') ? entry : join(root, entry);
  const known = made.get(abs);
  if (known) return known;
  const out = buildSync({
    entryPoints: [abs],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    write: false,
    logLevel: 'error',
    outfile: 'bundle.mjs',
  }).outputFiles[0];
  const hash = createHash('sha1').update(out.contents).digest('hex').slice(0, 12);
  const file = join(cache, `${basename(abs, '.ts')}-${hash}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(cache, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, out.contents);
    renameSync(tmp, file);
    sweep();
  } else {
    const now = new Date();
    utimesSync(file, now, now); // in use: not swept
  }
  made.set(abs, file);
  return file;
}

/** Bundles of older sources (a day untouched) go. */
function sweep() {
  const old = Date.now() - 86_400_000;
  for (const f of readdirSync(cache)) {
    const p = join(cache, f);
    try {
      if (statSync(p).mtimeMs < old) rmSync(p, { force: true });
    } catch {
      /* another worker swept it */
    }
  }
}

/** Node's arguments to run `entry` (bundled) with `args`: what `node --import tsx <entry> ...args` runs. */
export const nodeArgs = (entry: string, args: string[] = []): string[] => [bundled(entry), ...args];

/** The console's CLI (`npm run cli -- ...args`) as Node arguments. */
export const cliArgs = (args: string[] = []): string[] => nodeArgs('electron/cli/index.ts', args);
