/** Events of site mode (several stations, one warehouse). */
export interface SiteEvents {
  'range.block_leased': { rangeId: string; first: number; last: number };
  'range.block_returned': { rangeId: string; first: number; last: number };
  'site.conflict_settled': { conflictId: string; resolution: string; note: string };
  'site.joined': { siteId: string; stationName: string };
}
