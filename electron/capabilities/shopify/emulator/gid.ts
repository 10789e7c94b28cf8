/** Shopify global ids: gid://shopify/<Type>/<number>. */
export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

/** Numeric part of a gid of the expected type, or null when it is not one. */
export function parseGid(value: unknown, type?: string): number | null {
  if (typeof value !== 'string') return null;
  const m = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/.exec(value);
  if (!m) return null;
  if (type && m[1] !== type) return null;
  const n = Number(m[2]);
  return Number.isSafeInteger(n) ? n : null;
}

export function gidType(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(value);
  return m ? m[1] : null;
}
