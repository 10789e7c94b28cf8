// The site server's schema: every station's events in one server order, who the stations are and how they
// are doing, site-wide job and duty leases, and blocks of carrier number ranges. Stations touch nothing
// directly: they call the SECURITY DEFINER functions below, which know the caller by its login role.
export const name = 'site';

export const up = `
CREATE TABLE firstscan.site (
  one          boolean PRIMARY KEY DEFAULT true CHECK (one),
  site_id      text NOT NULL,
  tag          text NOT NULL,          -- short form of site_id in role names
  join_role    text NOT NULL,
  join_secret  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE firstscan.stations (
  station            text PRIMARY KEY,
  role               text NOT NULL UNIQUE,
  name               text NOT NULL,
  joined_at          timestamptz NOT NULL DEFAULT now(),
  pushed_seq         bigint NOT NULL DEFAULT 0,
  max_hlc            text,
  pulled_server_seq  bigint NOT NULL DEFAULT 0,
  outbox_depth       integer NOT NULL DEFAULT 0,
  lag_ms             bigint,
  version            text NOT NULL DEFAULT '',
  last_push_at       timestamptz,
  last_pull_at       timestamptz,
  last_seen_at       timestamptz
);

-- payload and occurred_at keep the exact text the station sent, so projections hash the same everywhere.
CREATE TABLE firstscan.events (
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id           text NOT NULL UNIQUE,
  station      text NOT NULL,
  station_seq  bigint NOT NULL CHECK (station_seq > 0),
  hlc          text NOT NULL,
  actor        text NOT NULL,
  occurred_at  text NOT NULL,
  type         text NOT NULL,
  subject      text,
  payload      text NOT NULL,
  pushed_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (station, station_seq),
  CHECK (id = station || ':' || station_seq)
);

CREATE TABLE firstscan.job_leases (
  job_id       text PRIMARY KEY,
  state        text NOT NULL CHECK (state IN ('leased', 'done', 'dead')),
  holder       text NOT NULL,
  lease_until  timestamptz NOT NULL,
  leases       integer NOT NULL DEFAULT 1,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE firstscan.duties (
  name         text PRIMARY KEY,
  holder       text NOT NULL,
  lease_until  timestamptz NOT NULL,
  since        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE firstscan.block_ranges (
  range_id     text PRIMARY KEY,
  first        bigint NOT NULL,
  last         bigint NOT NULL,
  next_serial  bigint NOT NULL,        -- first serial never handed out
  CHECK (first <= last)
);

-- Serials given back by a station: leased again before fresh ones.
CREATE TABLE firstscan.block_free (
  range_id  text NOT NULL REFERENCES firstscan.block_ranges,
  first     bigint NOT NULL,
  last      bigint NOT NULL,
  PRIMARY KEY (range_id, first),
  CHECK (first <= last)
);

-- What each station holds now (a returned part is cut out of its block).
CREATE TABLE firstscan.block_held (
  range_id   text NOT NULL REFERENCES firstscan.block_ranges,
  station    text NOT NULL,
  first      bigint NOT NULL,
  last       bigint NOT NULL,
  leased_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (range_id, first),
  CHECK (first <= last)
);
CREATE INDEX block_held_station ON firstscan.block_held (range_id, station, first);

-- session_user is the login role even inside SECURITY DEFINER functions (current_user is the owner there).
CREATE FUNCTION firstscan.me() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE s text;
BEGIN
  SELECT station INTO s FROM stations WHERE role = session_user;
  IF s IS NULL THEN
    RAISE EXCEPTION 'role % is not a station of this site: join the station first', session_user USING ERRCODE = '42501';
  END IF;
  RETURN s;
END $f$;

CREATE FUNCTION firstscan.refuse_foreign(other text, mine text) RETURNS boolean
LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'push refused: station % may only push its own events, not those of %', mine, coalesce(other, '(none)')
    USING ERRCODE = '42501';
END $f$;

CREATE FUNCTION firstscan.st_whoami(OUT station text, OUT site_id text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
  SELECT firstscan.me(), (SELECT site_id FROM firstscan.site)
$f$;

CREATE FUNCTION firstscan.st_pushed() RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE m text := me(); n bigint;
BEGIN
  SELECT max(station_seq) INTO n FROM events WHERE station = m;
  RETURN coalesce(n, 0);
END $f$;

-- Pushes are serialized by a transaction lock, so server sequence values become visible in order: a puller
-- that has seen seq n has seen every event below n (no gap appears behind its cursor).
CREATE FUNCTION firstscan.st_push(batch json) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE m text := me(); n integer; mx_seq bigint; mx_hlc text;
BEGIN
  PERFORM pg_advisory_xact_lock(7412, 1);
  WITH x AS MATERIALIZED (
    SELECT * FROM json_to_recordset(batch) AS r(id text, station text, "stationSeq" bigint, hlc text, actor text,
      "occurredAt" text, type text, subject text, payload text)
  ), ins AS (
    INSERT INTO events (id, station, station_seq, hlc, actor, occurred_at, type, subject, payload)
    SELECT x.id, x.station, x."stationSeq", x.hlc, x.actor, x."occurredAt", x.type, x.subject, x.payload FROM x
    WHERE CASE WHEN x.station = m THEN true ELSE refuse_foreign(x.station, m) END
    ORDER BY x."stationSeq"
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM ins), (SELECT max("stationSeq") FROM x), (SELECT max(x.hlc) FROM x) INTO n, mx_seq, mx_hlc;
  UPDATE stations SET pushed_seq = greatest(pushed_seq, mx_seq), max_hlc = greatest(max_hlc, mx_hlc),
    last_push_at = now(), last_seen_at = now()
  WHERE station = m;
  RETURN n;
END $f$;

-- Highest server sequence visible now: everything at or below it is committed (see st_push).
CREATE FUNCTION firstscan.st_high() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE m text := me(); hi bigint;
BEGIN
  SELECT coalesce(max(seq), 0) INTO hi FROM events;
  UPDATE stations SET last_pull_at = now(), last_seen_at = now() WHERE station = m;
  RETURN hi;
END $f$;

CREATE FUNCTION firstscan.st_pull(after bigint, upto bigint, lim integer)
RETURNS TABLE (seq bigint, id text, station text, station_seq bigint, hlc text, actor text, occurred_at text,
  type text, subject text, payload text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
#variable_conflict use_column
DECLARE m text := me();
BEGIN
  RETURN QUERY
    SELECT e.seq, e.id, e.station, e.station_seq, e.hlc, e.actor, e.occurred_at, e.type, e.subject, e.payload
    FROM events e
    WHERE e.seq > after AND e.seq <= upto AND e.station <> m
    ORDER BY e.seq
    LIMIT lim;
END $f$;

CREATE FUNCTION firstscan.st_frontier(active_ms bigint) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
  SELECT min(max_hlc) FROM firstscan.stations
  WHERE max_hlc IS NOT NULL AND last_push_at > now() - active_ms * interval '1 millisecond'
$f$;

CREATE FUNCTION firstscan.st_report(p_name text, p_pulled bigint, p_outbox integer, p_lag bigint, p_version text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE m text := me();
BEGIN
  UPDATE stations SET name = p_name, pulled_server_seq = p_pulled, outbox_depth = p_outbox, lag_ms = p_lag,
    version = p_version, last_seen_at = now()
  WHERE station = m;
END $f$;

CREATE FUNCTION firstscan.st_stations()
RETURNS TABLE (station text, name text, pushed_seq bigint, pulled_server_seq bigint, outbox_depth integer, lag_ms bigint,
  version text, last_push_at timestamptz, last_pull_at timestamptz, last_seen_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
#variable_conflict use_column
BEGIN
  PERFORM me();
  RETURN QUERY
    SELECT s.station, s.name, s.pushed_seq, s.pulled_server_seq, s.outbox_depth, s.lag_ms, s.version,
      s.last_push_at, s.last_pull_at, s.last_seen_at
    FROM stations s ORDER BY s.name, s.station;
END $f$;

-- Lease times come from the server's clock: stations may be minutes apart.
CREATE FUNCTION firstscan.st_lease_job(p_job text, p_ms bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE m text := me(); st text;
BEGIN
  INSERT INTO job_leases AS j (job_id, state, holder, lease_until)
  VALUES (p_job, 'leased', m, now() + p_ms * interval '1 millisecond')
  ON CONFLICT (job_id) DO UPDATE
    SET holder = m, lease_until = excluded.lease_until, updated_at = now(),
        leases = j.leases + CASE WHEN j.holder = m THEN 0 ELSE 1 END
    WHERE j.state = 'leased' AND (j.holder = m OR j.lease_until <= now());
  IF FOUND THEN RETURN 'leased'; END IF;
  SELECT state INTO st FROM job_leases WHERE job_id = p_job;
  RETURN CASE WHEN st IN ('done', 'dead') THEN 'finished' ELSE 'held' END;
END $f$;

CREATE FUNCTION firstscan.st_finish_job(p_job text, p_state text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE m text := me();
BEGIN
  IF p_state NOT IN ('done', 'dead') THEN RAISE EXCEPTION 'job state must be done or dead, not %', p_state; END IF;
  INSERT INTO job_leases AS j (job_id, state, holder, lease_until) VALUES (p_job, p_state, m, now())
  ON CONFLICT (job_id) DO UPDATE SET state = excluded.state, holder = m, lease_until = now(), updated_at = now()
    WHERE j.state = 'leased';
END $f$;

CREATE FUNCTION firstscan.st_lease_duty(p_name text, p_ms bigint) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE m text := me();
BEGIN
  INSERT INTO duties AS d (name, holder, lease_until) VALUES (p_name, m, now() + p_ms * interval '1 millisecond')
  ON CONFLICT (name) DO UPDATE
    SET holder = m, lease_until = excluded.lease_until, since = CASE WHEN d.holder = m THEN d.since ELSE now() END
    WHERE d.holder = m OR d.lease_until <= now();
  RETURN FOUND;
END $f$;

CREATE FUNCTION firstscan.st_lease_block(p_range text, p_first bigint, p_last bigint, p_start bigint, p_size bigint,
  OUT first bigint, OUT last bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE m text := me(); r block_ranges; f block_free; lo bigint; hi bigint;
BEGIN
  IF p_size < 1 THEN RAISE EXCEPTION 'block size must be at least 1, not %', p_size; END IF;
  IF p_first > p_last THEN RAISE EXCEPTION 'range % is empty (% > %)', p_range, p_first, p_last; END IF;
  INSERT INTO block_ranges AS b (range_id, first, last, next_serial)
  VALUES (p_range, p_first, p_last, greatest(p_first, p_start))
  ON CONFLICT (range_id) DO NOTHING;
  -- the range row is the lock that makes leases of one range one at a time
  SELECT * INTO r FROM block_ranges b WHERE b.range_id = p_range FOR UPDATE;
  SELECT * INTO f FROM block_free b WHERE b.range_id = p_range ORDER BY b.first LIMIT 1;
  IF FOUND THEN
    lo := f.first;
    hi := least(f.last, f.first + p_size - 1);
    IF hi = f.last THEN
      DELETE FROM block_free b WHERE b.range_id = p_range AND b.first = lo;
    ELSE
      UPDATE block_free b SET first = hi + 1 WHERE b.range_id = p_range AND b.first = lo;
    END IF;
  ELSE
    hi := least(r.last, p_last);
    IF r.next_serial > hi THEN RETURN; END IF;   -- exhausted: first and last stay null
    lo := r.next_serial;
    hi := least(hi, lo + p_size - 1);
    UPDATE block_ranges b SET next_serial = hi + 1 WHERE b.range_id = p_range;
  END IF;
  INSERT INTO block_held (range_id, station, first, last) VALUES (p_range, m, lo, hi);
  first := lo;
  last := hi;
END $f$;

-- Only serials this station holds can come back; returning the same part twice changes nothing.
CREATE FUNCTION firstscan.st_return_block(p_range text, p_first bigint, p_last bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE m text := me(); h block_held;
BEGIN
  IF p_first > p_last THEN RETURN; END IF;
  PERFORM 1 FROM block_ranges b WHERE b.range_id = p_range FOR UPDATE;
  SELECT * INTO h FROM block_held b
  WHERE b.range_id = p_range AND b.station = m AND b.first <= p_first AND b.last >= p_last;
  IF NOT FOUND THEN RETURN; END IF;
  DELETE FROM block_held b WHERE b.range_id = p_range AND b.first = h.first;
  IF h.first < p_first THEN
    INSERT INTO block_held (range_id, station, first, last, leased_at) VALUES (p_range, m, h.first, p_first - 1, h.leased_at);
  END IF;
  IF h.last > p_last THEN
    INSERT INTO block_held (range_id, station, first, last, leased_at) VALUES (p_range, m, p_last + 1, h.last, h.leased_at);
  END IF;
  INSERT INTO block_free (range_id, first, last) VALUES (p_range, p_first, p_last);
END $f$;

-- Called by the join role only: makes (or re-keys) the station's own login role.
CREATE FUNCTION firstscan.site_join(p_station text, p_name text, p_password text, OUT station_role text, OUT site_id text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = firstscan, pg_temp AS $f$
DECLARE s site; owner_station text;
BEGIN
  IF p_station IS NULL OR p_station !~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' THEN
    RAISE EXCEPTION 'station id "%" is not valid (letters, digits, - and _; at most 40)', p_station;
  END IF;
  IF p_password IS NULL OR length(p_password) < 24 THEN RAISE EXCEPTION 'station password too short'; END IF;
  SELECT * INTO s FROM site;
  station_role := 'fs_' || s.tag || '_' || lower(regexp_replace(p_station, '[^A-Za-z0-9]', '_', 'g'));
  site_id := s.site_id;
  SELECT st.station INTO owner_station FROM stations st WHERE st.role = station_role;
  IF owner_station IS NOT NULL AND owner_station <> p_station THEN
    RAISE EXCEPTION 'station id % clashes with station % (same role name); give this station another id', p_station, owner_station;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = station_role) THEN
    EXECUTE format('ALTER ROLE %I WITH LOGIN CONNECTION LIMIT 16 PASSWORD %L', station_role, p_password);
  ELSE
    EXECUTE format('CREATE ROLE %I WITH LOGIN CONNECTION LIMIT 16 PASSWORD %L IN ROLE firstscan_station', station_role, p_password);
  END IF;
  EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', station_role, '60s');
  INSERT INTO stations AS st (station, role, name) VALUES (p_station, station_role, coalesce(nullif(p_name, ''), p_station))
  ON CONFLICT (station) DO UPDATE SET name = excluded.name;
END $f$;

REVOKE ALL ON ALL TABLES IN SCHEMA firstscan FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA firstscan FROM PUBLIC;
GRANT USAGE ON SCHEMA firstscan TO firstscan_station;
GRANT EXECUTE ON FUNCTION
  firstscan.st_whoami(), firstscan.st_pushed(), firstscan.st_push(json), firstscan.st_high(),
  firstscan.st_pull(bigint, bigint, integer), firstscan.st_frontier(bigint),
  firstscan.st_report(text, bigint, integer, bigint, text), firstscan.st_stations(),
  firstscan.st_lease_job(text, bigint), firstscan.st_finish_job(text, text), firstscan.st_lease_duty(text, bigint),
  firstscan.st_lease_block(text, bigint, bigint, bigint, bigint), firstscan.st_return_block(text, bigint, bigint)
TO firstscan_station;
`;
