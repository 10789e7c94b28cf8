// A station restored from a backup lost the events it wrote after the backup, but it had pushed them:
// it pulls its own events back (issue 19) before it issues numbers again.
export const name = 'own-events';

export const up = `
CREATE FUNCTION firstscan.st_pull_own(after bigint, lim integer)
RETURNS TABLE (seq bigint, id text, station text, station_seq bigint, hlc text, actor text, occurred_at text,
  type text, subject text, payload text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
#variable_conflict use_column
DECLARE m text := me();
BEGIN
  RETURN QUERY
    SELECT e.seq, e.id, e.station, e.station_seq, e.hlc, e.actor, e.occurred_at, e.type, e.subject, e.payload
    FROM events e
    WHERE e.station = m AND e.station_seq > after
    ORDER BY e.station_seq
    LIMIT lim;
END $f$;
REVOKE ALL ON FUNCTION firstscan.st_pull_own(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION firstscan.st_pull_own(bigint, integer) TO firstscan_station;
`;
