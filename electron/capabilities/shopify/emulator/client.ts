/**
 * Reaching the emulator with @shopify/admin-api-client. The client forces https and builds
 * `https://<storeDomain>/admin/api/<version>/graphql.json`; emulatorFetch rewrites that origin
 * to the emulator's plain-http URL.
 */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export function emulatorFetch(emulatorUrl: string, baseFetch: FetchLike = fetch): FetchLike {
  const target = new URL(emulatorUrl);
  return (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.host === target.host) {
      url.protocol = target.protocol;
      url.host = target.host;
    }
    return baseFetch(url.href, init);
  };
}

/** Options for `createAdminApiClient` that reach the emulator. */
export function emulatorClientConfig(emu: { url: string; shopDomain: string; accessToken: string }, apiVersion = '2026-07') {
  return {
    storeDomain: emu.shopDomain,
    apiVersion,
    accessToken: emu.accessToken,
    customFetchApi: emulatorFetch(emu.url),
    // 2026-07 may be newer than the client's built-in version list; keep it quiet.
    logger: () => {},
  };
}
