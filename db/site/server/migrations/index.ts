import * as m0001 from './0001-site';
import * as m0002 from './0002-takeover';
import * as m0003 from './0003-notify';
import * as m0004 from './0004-own-events';

export interface SiteMigration {
  version: number;
  name: string;
  up: string;
}

/** Numbered, append-only: never edit a released migration, add the next one (with its own GRANTs). */
export const siteMigrations: SiteMigration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
  { version: 3, ...m0003 },
  { version: 4, ...m0004 },
];
