/**
 * Shopify access tokens live in the station's secret store (electron/core/secrets): the OS
 * keystore in the desktop app, a key file elsewhere. Named `shopify:<storeId>`... kept by store id.
 */
export { secretStoreFor, secretsDirFor, type SecretStore } from '../../core/secrets';
