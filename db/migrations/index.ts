import * as m0001 from './0001-foundation';
import * as m0002 from './0002-scan-indexes';
import * as m0003 from './0003-shopify';
import * as m0004 from './0004-dispatch';
import * as m0005 from './0005-cutoffs';
import * as m0006 from './0006-monitor';
import * as m0007 from './0007-hardware';
import * as m0008 from './0008-site';
import * as m0009 from './0009-pick-lean';
import * as m0010 from './0010-shopify-relink';
import * as m0011 from './0011-events-lean';
import * as m0012 from './0012-buyer-notify';
import * as m0013 from './0013-floor-counters';
import * as m0014 from './0014-exception-counts';
import * as m0015 from './0015-pack';
import * as m0016 from './0016-operators';
import * as m0017 from './0017-search-follows-undo';
import * as m0018 from './0018-due-and-archive';
import * as m0019 from './0019-search-off-the-scan';
import * as m0020 from './0020-station-operator-gone';
import * as m0021 from './0021-pack-boxes';
import * as m0022 from './0022-restore-holds';
import * as m0023 from './0023-restore-job-holds';
import * as m0024 from './0024-monitor-waiting';
import * as m0025 from './0025-monitor-waiting-covering';
import * as m0026 from './0026-lane-heads';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

/** Numbered, append-only: never edit a released migration, add the next one. */
export const migrations: Migration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
  { version: 3, ...m0003 },
  { version: 4, ...m0004 },
  { version: 5, ...m0005 },
  { version: 6, ...m0006 },
  { version: 7, ...m0007 },
  { version: 8, ...m0008 },
  { version: 9, ...m0009 },
  { version: 10, ...m0010 },
  { version: 11, ...m0011 },
  { version: 12, ...m0012 },
  { version: 13, ...m0013 },
  { version: 14, ...m0014 },
  { version: 15, ...m0015 },
  { version: 16, ...m0016 },
  { version: 17, ...m0017 },
  { version: 18, ...m0018 },
  { version: 19, ...m0019 },
  { version: 20, ...m0020 },
  { version: 21, ...m0021 },
  { version: 22, ...m0022 },
  { version: 23, ...m0023 },
  { version: 24, ...m0024 },
  { version: 25, ...m0025 },
  { version: 26, ...m0026 },
];
