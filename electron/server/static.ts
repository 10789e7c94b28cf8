import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

function decoded(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return null;
  }
}

/**
 * A file of the built renderer, or index.html for client-side routes. Never outside `root`.
 * 'bad-path' when the path is not valid percent-encoding (`/%E0%A4%A`).
 */
export async function staticFile(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null | 'bad-path'> {
  const path = decoded(urlPath);
  if (path === null || path.includes('\0')) return 'bad-path';
  const rel = normalize(path).replace(/^([/\\])+/, '');
  const file = join(root, rel);
  if (!file.startsWith(root + sep) && file !== root) return null;
  try {
    const s = await stat(file);
    if (s.isFile()) return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    /* fall through to the app shell */
  }
  if (extname(rel)) return null;
  try {
    return { body: await readFile(join(root, 'index.html')), type: TYPES['.html'] };
  } catch {
    return null;
  }
}
