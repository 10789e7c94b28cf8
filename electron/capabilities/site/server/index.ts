export { startSiteServer, SITE_DATABASE, type SiteServer, type SiteServerOptions } from './server';
export { initExistingSite } from './existing';
export { saveCredentials } from './credentials';
