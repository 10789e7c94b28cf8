import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/paths';

export function options(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      'no-demo': { type: 'boolean' },
      browser: { type: 'boolean' },
      store: { type: 'string' },
      since: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'test-clock': { type: 'string' },
      plan: { type: 'string' },
      faults: { type: 'string' },
      orders: { type: 'string' },
      state: { type: 'string' },
      parcels: { type: 'string' },
      'per-day': { type: 'string' },
    },
  });
}

export function dataDirOf(values: { data?: unknown }): string {
  return typeof values.data === 'string' ? values.data : defaultDataDir();
}
