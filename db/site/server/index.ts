export type * from './types';
export { joinSite, connectSite } from './join';
export { encodeJoinCode, decodeJoinCode, type JoinCode } from './join-code';
export { initSite, ensureDatabase, serverHasSsl, serverMajorVersion, type SiteSecrets } from './admin';
export { PgSiteLink } from './link';
export type { ConnectOptions } from './connect';
