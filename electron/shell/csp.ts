/**
 * The console's Content-Security-Policy. Sent as a response header by the desktop shell (session
 * webRequest) and by the HTTP server, AND carried as a <meta> in renderer/index.html, which is
 * what applies to the file:// page of the packaged app. A test keeps the meta equal to META_CSP.
 */
const common = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** In the page: the WebSocket of browser mode goes to 127.0.0.1/localhost (the header pins the port). */
export const META_CSP = [...common, "connect-src 'self' ws://127.0.0.1:* ws://localhost:*"].join('; ');

/** The desktop shell's header (frame-ancestors only works as a header). */
export const SHELL_CSP = [...common, "connect-src 'self'", "frame-ancestors 'none'"].join('; ');
