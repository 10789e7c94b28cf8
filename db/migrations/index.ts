import * as m0001 from './0001-foundation';
import * as m0002 from './0002-scan-indexes';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

/** Numbered, append-only: never edit a released migration, add the next one. */
export const migrations: Migration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
];
