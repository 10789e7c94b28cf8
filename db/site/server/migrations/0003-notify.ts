// A site that reacts at once: every push that stored events notifies channel `firstscan_events`
// (delivered at commit, so a listener that pulls on the notice finds the events). The payload is the
// pushing station and the highest server seq it stored, so a station ignores its own pushes.
// An idle station writes little: the pull's "last seen" is stored at most every 20 s (a station shows as connected for 30 s), not per pull.
export const name = 'notify';

export const up = `
CREATE FUNCTION firstscan.notify_events() RETURNS trigger
LANGUAGE plpgsql SET search_path = firstscan, pg_temp AS $f$
DECLARE st text; hi bigint;
BEGIN
  SELECT max(i.station), max(i.seq) INTO st, hi FROM ins i;
  IF hi IS NOT NULL THEN PERFORM pg_notify('firstscan_events', st || ' ' || hi); END IF;
  RETURN NULL;
END $f$;
REVOKE ALL ON FUNCTION firstscan.notify_events() FROM PUBLIC;

CREATE TRIGGER events_notify AFTER INSERT ON firstscan.events
REFERENCING NEW TABLE AS ins FOR EACH STATEMENT EXECUTE FUNCTION firstscan.notify_events();

CREATE OR REPLACE FUNCTION firstscan.st_high() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE m text := me(); hi bigint;
BEGIN
  SELECT coalesce(max(seq), 0) INTO hi FROM events;
  UPDATE stations SET last_pull_at = now(), last_seen_at = now()
  WHERE station = m AND (last_pull_at IS NULL OR last_pull_at < now() - interval '20 seconds');
  RETURN hi;
END $f$;
`;
