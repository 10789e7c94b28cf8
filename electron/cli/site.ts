import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../db/core/open';
import { createStore } from '../../db/store';
import { decodeJoinCode } from '../../db/site/server/join-code';
import { joinSite } from '../../db/site/server/join';
import { newStationId } from '../core/ids';
import { dataDirOf } from './args';
import { createApp } from '../app/create';
import { acquireDataLock } from '../core/data-lock';
import { leaveSite } from '../capabilities/site/leave';
import { replicatorOf } from '../capabilities/site/handlers';
import { startSiteServer, initExistingSite, saveCredentials } from '../capabilities/site/server';
import { revokeSiteStation, rotateJoinCode, type AdminTarget } from '../capabilities/site/server/manage';

function target(values: ReturnType<typeof opts>['values']): AdminTarget {
  const port = values.port ? Number(values.port) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new Error(`--port must be a port number, not ${values.port}`);
  return { dir: values.dir, port, url: values.url, advertise: values.advertise };
}

export const SITE_USAGE = `  npm run cli -- site server --dir <dir> [--port <n>] [--host <address>] [--advertise <address>]
                                              a site server: PostgreSQL in <dir>, prints the join code for stations
  npm run cli -- site init --url <postgres://...> [--advertise <address>]   make a database on your PostgreSQL (14+) a site
  npm run cli -- site join <join code> [--data <dir>] [--name <station name>]   join this station to a site
  npm run cli -- site leave [--data <dir>]    give back unused numbers and run as a single station again
  npm run cli -- site rotate-join (--dir <server dir> [--port <n>] | --url <postgres://admin...>) [--advertise <address>]
                                              a new join code; the old one stops working
  npm run cli -- site revoke <station id or name> (--dir <server dir> [--port <n>] | --url <postgres://admin...>)
                                              that station can no longer connect or push; the join code is rotated`;

function opts(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      advertise: { type: 'string' },
      url: { type: 'string' },
      data: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function block(lines: string[]): string {
  const rule = '─'.repeat(72);
  return [rule, ...lines, rule].join('\n');
}

async function server(values: ReturnType<typeof opts>['values']): Promise<number> {
  if (!values.dir) throw new Error('Say where the server keeps its data: site server --dir <dir> [--port <n>]');
  const port = values.port ? Number(values.port) : 5433;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number, not ${values.port}`);
  console.log(`Starting the site server in ${values.dir} on port ${port}...`);
  const s = await startSiteServer({ dir: values.dir, port, host: values.host, advertiseHost: values.advertise });
  console.log(
    block([
      `Firstscan site server is running${s.created ? ' (new site)' : ''}.`,
      `  Site:      ${s.siteId}`,
      `  Server:    ${s.url}`,
      `  Security:  ${s.tlsFingerprint ? `TLS, certificate SHA-256 ${s.tlsFingerprint}` : 'NO TLS (openssl not found): use it only on a trusted network'}`,
      `  Data:      ${values.dir}`,
      '',
      'Join code (the same after restarts; keep it like a password):',
      '',
      s.joinCode,
      '',
      'On each station:  npm run cli -- site join <join code> --data <station data dir> --name "Pick 1"',
      'Stop the server with Ctrl+C.',
    ]),
  );
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
  });
  console.log('Stopping PostgreSQL...');
  await s.stop();
  console.log('Site server stopped.');
  return 0;
}

async function init(values: ReturnType<typeof opts>['values']): Promise<number> {
  if (!values.url) throw new Error('Give the connection string of the site database: site init --url postgres://admin:password@host:5432/firstscan');
  const code = await initExistingSite(values.url, { advertiseHost: values.advertise });
  const j = decodeJoinCode(code);
  console.log(
    block([
      `The database ${j.database} at ${j.host}:${j.port} is a Firstscan site (${j.siteId}).`,
      `  Security:  ${j.tlsFingerprint ? `TLS, certificate SHA-256 ${j.tlsFingerprint}` : 'NO TLS on this server: use it only on a trusted network'}`,
      `  Stations need network access to ${j.host}:${j.port} and a pg_hba.conf line allowing database ${j.database} with scram-sha-256.`,
      '',
      'Join code (keep it like a password):',
      '',
      code,
      '',
      'On each station:  npm run cli -- site join <join code> --data <station data dir> --name "Pick 1"',
    ]),
  );
  return 0;
}

async function join_(code: string | undefined, values: ReturnType<typeof opts>['values']): Promise<number> {
  if (!code) throw new Error('Paste the join code printed by the site server: site join <join code> --data <dir>');
  decodeJoinCode(code); // a mistyped code is reported before anything is touched
  const dataDir = dataDirOf(values);
  const fresh = !existsSync(join(dataDir, 'firstscan.db'));
  const lock = acquireDataLock(dataDir, 'cli site join');
  try {
    return await joinLocked(code, dataDir, fresh, values);
  } finally {
    lock.release();
  }
}

async function joinLocked(code: string, dataDir: string, fresh: boolean, values: ReturnType<typeof opts>['values']): Promise<number> {
  const db = openSqlite({ file: join(dataDir, 'firstscan.db') });
  let stationId: string;
  let name: string;
  try {
    const store = createStore(db, 'cli');
    const read = store.read;
    stationId = read.meta.get('station_id') ?? '';
    if (!stationId) store.meta.set('station_id', (stationId = newStationId()));
    name = values.name ?? (read.settings.scope(stationId).name as string | undefined) ?? hostname();
  } finally {
    db.close();
  }
  const creds = await joinSite(code, stationId, name);
  const file = saveCredentials(dataDir, creds);
  console.log(
    [
      fresh ? `New station database made in ${dataDir}.` : `Station database: ${dataDir}.`,
      `Station ${stationId} ("${name}") joined site ${creds.siteId} at ${creds.host}:${creds.port} as ${creds.user}` +
        (creds.tlsFingerprint ? ', over TLS (certificate pinned).' : ', in plain text (the server has no TLS).'),
      `Its credentials are in ${file} (readable by this user only); they are not in the event log.`,
      `Next: start the console on this data directory (npm run cli -- serve --data ${dataDir}, or npm start with FIRSTSCAN_DATA=${dataDir}).`,
      'It pushes its events to the site server and pulls the other stations\u2019 events while it runs.',
    ].join('\n'),
  );
  return 0;
}

async function leave(values: ReturnType<typeof opts>['values']): Promise<number> {
  const dataDir = dataDirOf(values);
  const app = await createApp({ dataDir, mode: 'headless', runJobs: false, lock: 'cli site leave' });
  try {
    const r = await leaveSite(replicatorOf(app.env), app.store, app.ctx.clock, app.env.dataDir);
    console.log(`This station left its site: ${r.returned} unused tracking numbers went back to the site server for other stations.`);
    console.log('Its data stays here; the next start runs it as a single station.');
    return 0;
  } finally {
    await app.close();
  }
}

/** `site server | init | join | leave`: its own options, parsed apart from the console's. */
export async function site(argv: string[]): Promise<number> {
  const { values, positionals } = opts(argv);
  const [sub, code] = positionals;
  if (values.help || !sub) {
    console.log(SITE_USAGE);
    return sub ? 0 : 2;
  }
  switch (sub) {
    case 'server':
      return server(values);
    case 'init':
      return init(values);
    case 'join':
      return join_(code, values);
    case 'leave':
      return leave(values);
    case 'rotate-join': {
      const joinCode = await rotateJoinCode(target(values));
      console.log(
        block([
          'The join code was changed: the old one no longer joins a station. Stations already in keep working.',
          '',
          'New join code (keep it like a password):',
          '',
          joinCode,
        ]),
      );
      return 0;
    }
    case 'revoke': {
      if (!code) throw new Error('Say which station: site revoke <station id or name> --dir <server dir>');
      const r = await revokeSiteStation(target(values), code);
      console.log(
        block([
          `Station ${r.station} ("${r.name}") is revoked: it can no longer connect to the site server, push or pull.`,
          'Its events already on the server stay. The join code was changed too; the new one:',
          '',
          r.joinCode,
        ]),
      );
      return 0;
    }
  }
  console.error(`Unknown command: site ${positionals.join(' ')}\n\n${SITE_USAGE}`);
  return 2;
}
