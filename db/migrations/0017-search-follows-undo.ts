// A parcel row removed (site mode undoing a late event before replaying in order, or a rebuild) takes
// its search entries with it, so every station's search index holds exactly its parcels.
export const name = 'search-follows-undo';

export const up = `
CREATE TRIGGER parcel_search_del AFTER DELETE ON parcels BEGIN
  DELETE FROM parcel_search WHERE parcel_id = old.id;
END;
`;
