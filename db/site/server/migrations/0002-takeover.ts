// A job leased again (its earlier holder went quiet, or crashed mid-call) may already have reached
// Shopify: the lease says so, and the runner treats it like a retry (look before acting). A station
// also asks which blocks the server has it holding, to recover one leased just before a crash.
export const name = 'takeover';

export const up = `
CREATE OR REPLACE FUNCTION firstscan.st_lease_job(p_job text, p_ms bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE m text := me(); st text;
BEGIN
  INSERT INTO job_leases (job_id, state, holder, lease_until)
  VALUES (p_job, 'leased', m, now() + p_ms * interval '1 millisecond')
  ON CONFLICT (job_id) DO NOTHING;
  IF FOUND THEN RETURN 'leased'; END IF;
  UPDATE job_leases AS j
    SET holder = m, lease_until = now() + p_ms * interval '1 millisecond', updated_at = now(),
        leases = j.leases + CASE WHEN j.holder = m THEN 0 ELSE 1 END
    WHERE j.job_id = p_job AND j.state = 'leased' AND (j.holder = m OR j.lease_until <= now());
  IF FOUND THEN RETURN 'leased-again'; END IF;
  SELECT state INTO st FROM job_leases WHERE job_id = p_job;
  RETURN CASE WHEN st IN ('done', 'dead') THEN 'finished' ELSE 'held' END;
END $f$;

CREATE FUNCTION firstscan.st_held_blocks(OUT range_id text, OUT first bigint, OUT last bigint) RETURNS SETOF record
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
  SELECT b.range_id, b.first, b.last FROM firstscan.block_held b WHERE b.station = firstscan.me() ORDER BY b.range_id, b.first
$f$;

REVOKE ALL ON FUNCTION firstscan.st_held_blocks() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION firstscan.st_held_blocks() TO firstscan_station;
`;
