import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createApp } from '../../../electron/app/create';
import { signInAs, tempDir } from '../../support/app';
import { sqliteOf } from '../../../db/core/handle';
import { cliArgs } from '../../support/bundle';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** The CLI as `npm run cli` runs it: tsx over the source. */
function npmRunCli(...args: string[]) {
  const r = spawnSync(process.execPath, [TSX, 'electron/cli/index.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same CLI from one bundle of the current source: a separate process on the same Node as the tests. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, cliArgs(args), { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let dataDir: string;

beforeAll(async () => {
  dir = tempDir();
  dataDir = join(dir, 'data');
  // A station that has been set up (the demo site: its carrier lines are what the file refers to).
  const app = await createApp({ dataDir, mode: 'headless', runJobs: false, demoOrders: 3 });
  await app.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli tracking validate', () => {
  it('exits 0 and names the carrier for a valid number', () => {
    const r = npmRunCli('tracking', 'validate', '1Z999AA10123456784');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^valid: UPS \(ups1z\) 1Z999AA10123456784/);
  });

  it('exits 1 and explains a wrong check digit', () => {
    const r = cli('tracking', 'validate', '1Z999AA10123456785');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^invalid: .*check digit should be 4, got 5/);
  });

  it('exits 1 for an S10 number whose country code is no ISO 3166-1 country, check digit right or not', () => {
    const r = cli('tracking', 'validate', 'RB123456785XX');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^invalid: .*XX is no country/);
  });
});

describe('cli on a data directory', () => {
  it('imports an orders file and prints the count and the rejected rows', () => {
    const file = join(dir, 'orders.csv');
    writeFileSync(
      file,
      [
        'order,line,name,address1,city,zip,country,sku,title,quantity',
        'C-1,postal-s10,Ann Lee,1 Main St,Portland,97201,US,MUG-1,Mug,1',
        'C-2,ups,Bo Chen,2 High St,London,N1 9GU,GB,TEE-1,Tee,2',
        'C-3,ups,Cy Diaz,3 Low Rd,Madrid,28001,ES,LAMP-1,Lamp,0',
      ].join('\n'),
    );
    const r = cli('import', 'orders', file, '--data', dataDir);
    expect(r.stderr).not.toMatch(/error|could not/i);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Imported 2 orders from ${file}.`);
    expect(r.stdout).toContain('rejected row 4: quantity: quantity must be at least 1 (order C-3)');

    const again = cli('import', 'orders', file, '--data', dataDir);
    expect(again.stdout).toContain(`Imported 0 orders from ${file}.`);
    expect(again.stdout).toContain('order C-1 is already in the console');
    expect(again.code).toBe(1);
  });

  it('exits 1 with the reason when the file cannot be read', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '[{"name": ');
    const r = cli('import', 'orders', file, '--data', dataDir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The JSON file could not be read');
    expect(r.stderr).toContain('Fix the file and import it again.');
  });

  it('exports the event log as JSON lines, oldest first', () => {
    const r = cli('export', 'events', '--data', dataDir);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const events = lines.map((l) => JSON.parse(l) as { seq: number; type: string; payload: unknown });
    expect(events.length).toBeGreaterThan(5);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(events[0].type).toBe('site.configured');
    const imported = events.filter((e) => e.type === 'orders.imported');
    expect(imported).toHaveLength(2); // the demo orders, then the file
    expect(JSON.stringify(imported[1].payload)).toContain('C-2');
  });

  it('exports only events since an instant with --since', () => {
    const r = cli('export', 'events', '--since', '2999-01-01T00:00:00.000Z', '--data', dataDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('rebuilds the projections and says they are identical', () => {
    const r = cli('rebuild', 'projections', '--data', dataDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Rebuilt projections from \d+ events in \d+ ms; identical to before\.$/m);
  });

  it('answers an unknown command with exit 2 and the usage', () => {
    const r = cli('launch', 'rockets');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command: launch rockets');
    expect(r.stderr).toContain('tracking validate <number>');
  });
});

describe('cli import progress', () => {
  it('draws progress on stderr while a larger file is imported, then the report on stdout', () => {
    const file = join(dir, 'many.csv');
    const rows = Array.from({ length: 20_000 }, (_, i) => `P-${i},postal-s10,,Ann Lee,,1 Main St,,Portland,,97201,US,,SKU-${i},,Mug,1`);
    writeFileSync(file, ['order,line,email,name,company,address1,address2,city,province,zip,country,phone,sku,barcode,title,quantity', ...rows].join('\n'));
    const r = cli('import', 'orders', file, '--data', dataDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Imported 20000 orders from ${file}.`);
    expect(r.stderr).toMatch(/\d+% (reading the file|checking orders|importing orders) [\d,]+ of [\d,]+/);
  }, 60_000);
});

describe('cli streams and exit codes', () => {
  it('export events | wc -l: every event reaches the pipe before the process exits', async () => {
    const big = join(dir, 'big');
    const app = await createApp({ dataDir: big, mode: 'headless', runJobs: false, demoOrders: 1200, background: true });
    await signInAs(app, 'picker');
    for (let i = 0; i < 400; i++) {
      const r = await (await import('../../../electron/app/invoke')).invoke(app.handlers, 'pick.scan', { code: `#${1001 + i}` });
      if (!r.ok) throw new Error(r.error.message);
    }
    await app.close();
    const db = new Database(join(big, 'firstscan.db'), { readonly: true });
    const count = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    db.close();
    expect(count).toBeGreaterThan(400);
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" ${cliArgs(['export', 'events', '--data', big])
          .map((a) => `"${a}"`)
          .join(' ')} | wc -l`,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.stderr).toBe('');
    expect(Number(r.stdout.trim())).toBe(count);
  }, 120_000);

  it('--since that is not a date is refused with a clear error and a non-zero exit', () => {
    const r = cli('export', 'events', '--since', 'yesterday', '--data', dataDir);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--since "yesterday" is not a date or time');
    const ok = cli('export', 'events', '--since', '2999-01-01', '--data', dataDir);
    expect(ok.code).toBe(0);
  });

  it('rebuild projections exits 1 when the state differed from the log', async () => {
    const app = await createApp({ dataDir, mode: 'headless', runJobs: false, demo: false, background: false });
    sqliteOf(app.store).prepare("UPDATE orders SET status = 'on_hold' WHERE name = '#1001'").run();
    await app.close();
    const r = cli('rebuild', 'projections', '--data', dataDir);
    expect(r.stdout).toContain('they DIFFERED from before (now corrected)');
    expect(r.code).toBe(1);
    expect(cli('rebuild', 'projections', '--data', dataDir).code).toBe(0);
  });
});
