import { options, dataDirOf } from './args';
import { start } from './start';
import { serve } from './serve';
import { importOrdersFile, exportEvents, rebuild } from './offline';
import { validateTracking } from '../capabilities/numbers/validate-view';
import { shopifyEmulate } from './shopify';
import { site, SITE_USAGE } from './site';
import { explainStartFailure } from '../core/start-failure';
import { demoGrow } from './grow';
import { backupCommand, BACKUP_USAGE } from './backup';

const USAGE = `Firstscan console

  npm start                                   the console (Electron, or browser mode where Electron is missing)
  npm run cli -- serve --data <dir> --port <n> [--no-demo] [--test-clock <ISO|now>]   services + browser console, no window
  npm run cli -- tracking validate <number>   carrier and format; exit 0 valid, 1 not
  npm run cli -- import orders <file.csv|json> [--data <dir>] [--store <name>]
  npm run cli -- export events [--since <ISO time>] [--data <dir>]   JSON lines on stdout
  npm run cli -- rebuild projections [--data <dir>]
  npm run cli -- demo grow --parcels <n> [--per-day <n>] [--data <dir>]   simulated history: orders, picks, dispatch, carrier scans, exceptions
  npm run cli -- shopify emulate --port <n> --plan standard|advanced|plus|enterprise [--faults <rate>] [--orders <count>] [--state <file>]
${BACKUP_USAGE}
${SITE_USAGE}
`;

/** A start that fails says what happened and what to do next. */
async function explained(dataDir: string, started: Promise<void>): Promise<void> {
  try {
    await started;
  } catch (e) {
    const x = explainStartFailure(e, { dataDir, logFile: null });
    throw new Error(`${x.title}.\n${x.message}\nNext: ${x.next}`);
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'site') return site(argv.slice(1)); // its own options (--dir, --url, --name)
  const { values, positionals } = options(argv);
  const [cmd, sub, arg] = positionals;
  const dataDir = dataDirOf(values);
  const port = values.port ? Number(values.port) : 4780;
  if (values.help || !cmd) {
    console.log(USAGE);
    return 0;
  }
  switch (cmd) {
    case 'start':
      await explained(dataDir, start({ dataDir, port, demo: !values['no-demo'], forceBrowser: !!values.browser }));
      return -1;
    case 'serve':
      await explained(
        dataDir,
        serve({
          dataDir,
          port,
          demo: !values['no-demo'],
          mode: 'headless',
          lock: 'cli serve',
          testClock: values['test-clock'],
          banner: (url) => `Firstscan serving ${dataDir} at ${url}`,
        }),
      );
      return -1;
    case 'tracking':
      if (sub !== 'validate' || !arg) break;
      {
        const r = validateTracking(arg);
        console.log(r.valid ? `valid: ${r.carrier} (${r.format}) ${r.normalized} — ${r.message}` : `invalid: ${r.message}`);
        return r.valid ? 0 : 1;
      }
    case 'import':
      if (sub !== 'orders' || !arg) break;
      return importOrdersFile(dataDir, arg, typeof values.store === 'string' ? values.store : 'local');
    case 'export':
      if (sub !== 'events') break;
      return exportEvents(dataDir, typeof values.since === 'string' ? values.since : undefined);
    case 'shopify':
      if (sub !== 'emulate') break;
      return shopifyEmulate({ port: values.port, plan: values.plan, faults: values.faults, orders: values.orders, state: values.state });
    case 'backup':
      return backupCommand(sub, arg, dataDir, typeof values.to === 'string' ? values.to : undefined);
    case 'rebuild':
      if (sub !== 'projections') break;
      return rebuild(dataDir);
    case 'demo':
      if (sub !== 'grow') break;
      return demoGrow(dataDir, Number(values.parcels ?? NaN), values['per-day'] ? Number(values['per-day']) : undefined);
  }
  console.error(`Unknown command: ${positionals.join(' ')}\n\n${USAGE}`);
  return 2;
}

/** process.exit() drops what a pipe has not taken yet: wait until stdout and stderr have handed everything over. */
function flushed(): Promise<void> {
  const drain = (s: NodeJS.WriteStream) => new Promise<void>((r) => (s.writableLength === 0 && !s.writableNeedDrain ? r() : s.write('', () => r())));
  return Promise.all([drain(process.stdout), drain(process.stderr)]).then(() => undefined);
}

main(process.argv.slice(2)).then(
  async (code) => {
    if (code >= 0) {
      await flushed();
      process.exit(code);
    }
  },
  async (err) => {
    console.error(err instanceof Error ? err.message : err);
    await flushed();
    process.exit(1);
  },
);
