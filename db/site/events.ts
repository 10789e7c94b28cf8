/** Events of site mode (several stations, one warehouse). */
export interface SiteEvents {
  'range.block_leased': { rangeId: string; first: number; last: number };
  'range.block_returned': { rangeId: string; first: number; last: number };
  'site.conflict_settled': { conflictId: string; resolution: string; note: string };
  'site.joined': { siteId: string; stationName: string };
  /**
   * A station restored from an older backup took back from the site server the events it had pushed
   * after the backup (its picks, numbers, jobs); labels they queued were set aside for a person.
   */
  'site.own_events_back': { stationId: string; events: number; upToSeq: number; labelsSetAside: number };
}
