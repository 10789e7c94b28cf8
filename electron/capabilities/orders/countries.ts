import { ISO_COUNTRIES } from '../../core/countries';

/** Names people write instead of the code, so the error can say which code they meant. */
const COMMON: Record<string, string> = { UK: 'GB', EN: 'GB', EL: 'GR', USA: 'US', UAE: 'AE' };

export function countryProblem(raw: string): string | null {
  const c = raw.trim().toUpperCase();
  if (ISO_COUNTRIES.has(c)) return null;
  const hint = COMMON[c] ? ` (for ${c} use ${COMMON[c]})` : '';
  return `country "${raw}" is not an ISO 3166-1 two-letter code${hint}: use e.g. US, GB, DE, CN`;
}
