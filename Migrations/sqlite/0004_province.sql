-- Relief schema, version 4: the scale of a province (PRODUCT.md section 11: 1,000,000 cases,
-- 5,000,000 services). Never edit this file once released.
--
-- 1. Events are stored compactly in `event_log`; the view `events` shows them with every column
--    of version 1, so reading them is unchanged. What an event did (the kind of its case, its
--    name, the states it left and reached) is one of a few hundred `steps`, and who recorded it
--    one of the `officers`: a small number each instead of some forty bytes of text, on four to
--    five events a case. The time of recording is kept as its delay after the effective time
--    (0, which takes no space, unless the event was backdated). The index of events by step
--    and time gives the reports each kind's events of a month from the index alone; the index
--    of events by time alone served no query and is gone.
-- 2. Clock periods likewise: `clock_periods` with the state, setting and unit as one of the
--    `clock_specs`, shown by the view `clocks`.
-- 3. Each case carries, besides its details, the one detail the reports split its kind by
--    (`facet`: debtor type, relief type, category or tier), the amount claimed (`claimed`:
--    owed or claimed) and the end of a recognition (`valid_until`), so that the monthly summary
--    reads indexes instead of parsing JSON in a hundred thousand rows. The store writes them
--    from the details; `relief db check` compares them.
--
-- Steps, officers and specs are written as they are first needed, and never changed: an event
-- renamed through them would change every event of that step, and `relief db verify` would
-- name the first.

CREATE TABLE steps (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  -- '' for an opening, which leaves no state: a UNIQUE constraint holds NULLs apart.
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  UNIQUE (kind, name, from_state, to_state)
) STRICT;

CREATE TABLE officers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0)
) STRICT;

CREATE TABLE event_log (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  step INTEGER NOT NULL REFERENCES steps (id),
  at INTEGER NOT NULL,
  -- recorded_at - at
  delay INTEGER NOT NULL DEFAULT 0,
  officer INTEGER NOT NULL REFERENCES officers (id),
  amount INTEGER CHECK (amount >= 0),
  data TEXT NOT NULL CHECK (json_valid(data)),
  hash BLOB NOT NULL CHECK (length(hash) = 32),
  UNIQUE (case_id, seq)
) STRICT;

INSERT INTO steps (kind, name, from_state, to_state)
SELECT DISTINCT c.kind, e.name, coalesce(e.from_state, ''), e.to_state
FROM events e JOIN cases c ON c.id = e.case_id;

INSERT INTO officers (name) SELECT DISTINCT officer FROM events;

INSERT INTO event_log (id, case_id, seq, step, at, delay, officer, amount, data, hash)
SELECT e.id, e.case_id, e.seq, s.id, e.at, e.recorded_at - e.at, o.id, e.amount, e.data, e.hash
FROM events e
JOIN cases c ON c.id = e.case_id
JOIN steps s ON s.kind = c.kind AND s.name = e.name AND s.from_state = coalesce(e.from_state, '')
  AND s.to_state = e.to_state
JOIN officers o ON o.name = e.officer
ORDER BY e.id;

-- The view search_source (0002) reads events: it is made again over the view below.
DROP VIEW search_source;
DROP TRIGGER search_note_insert;
DROP TABLE events;

-- Every column of version 1, plus the kind of the case. The officer is looked up only by a
-- query that reads it (a join would make every query read each event's row for its number, where
-- the reports read the index of steps alone).
CREATE VIEW events (
  id, case_id, seq, name, from_state, to_state, at, recorded_at, officer, amount, data, hash, kind
) AS
SELECT e.id, e.case_id, e.seq, s.name, nullif(s.from_state, ''), s.to_state, e.at,
  e.at + e.delay, (SELECT o.name FROM officers o WHERE o.id = e.officer), e.amount, e.data,
  e.hash, s.kind
FROM event_log e JOIN steps s ON s.id = e.step;

CREATE INDEX event_log_step ON event_log (step, at, amount, case_id);

CREATE TRIGGER events_refuse_update BEFORE UPDATE ON event_log
BEGIN
  SELECT RAISE(ABORT, 'events are append-only: UPDATE is refused');
END;

CREATE TRIGGER events_refuse_delete BEFORE DELETE ON event_log
BEGIN
  SELECT RAISE(ABORT, 'events are append-only: DELETE is refused');
END;

CREATE TRIGGER steps_refuse_change BEFORE UPDATE ON steps
BEGIN
  SELECT RAISE(ABORT, 'steps are append-only: UPDATE is refused');
END;

CREATE TRIGGER steps_refuse_delete BEFORE DELETE ON steps
BEGIN
  SELECT RAISE(ABORT, 'steps are append-only: DELETE is refused');
END;

CREATE TRIGGER officers_refuse_change BEFORE UPDATE ON officers
BEGIN
  SELECT RAISE(ABORT, 'officers are append-only: UPDATE is refused');
END;

CREATE TRIGGER officers_refuse_delete BEFORE DELETE ON officers
BEGIN
  SELECT RAISE(ABORT, 'officers are append-only: DELETE is refused');
END;

CREATE TRIGGER search_note_insert AFTER INSERT ON event_log
WHEN json_extract(NEW.data, '$.note') IS NOT NULL
BEGIN
  INSERT INTO search (rowid, note)
  VALUES ((1 << 40) | NEW.id, json_extract(NEW.data, '$.note') || '  ');
END;

CREATE VIEW search_source (tag, source, name, title, debtor, note) AS
SELECT 3, id, name || '  ', NULL, NULL, NULL FROM enterprises
UNION ALL
SELECT 2, id, NULL, title || '  ', nullif(json_extract(details, '$.debtor'), title) || '  ', NULL
FROM cases
UNION ALL
SELECT 1, id, NULL, NULL, NULL, json_extract(data, '$.note') || '  '
FROM event_log WHERE json_extract(data, '$.note') IS NOT NULL;

-- 2. Clock periods.

CREATE TABLE clock_specs (
  id INTEGER PRIMARY KEY,
  state TEXT NOT NULL,
  setting TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit = 'working-days' OR unit = 'days' OR unit = 'validity'),
  UNIQUE (state, setting, unit)
) STRICT;

CREATE TABLE clock_periods (
  case_id INTEGER NOT NULL REFERENCES cases (id),
  started_seq INTEGER NOT NULL,
  spec INTEGER NOT NULL REFERENCES clock_specs (id),
  length INTEGER NOT NULL,
  started_on TEXT NOT NULL,
  due_date TEXT NOT NULL,
  warn_date TEXT NOT NULL,
  reminder INTEGER NOT NULL CHECK (reminder = 0 OR reminder = 1),
  fallback INTEGER NOT NULL CHECK (fallback = 0 OR fallback = 1),
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  late INTEGER NOT NULL DEFAULT 0 CHECK (late = 0 OR late = 1),
  PRIMARY KEY (case_id, started_seq)
) STRICT, WITHOUT ROWID;

INSERT INTO clock_specs (state, setting, unit) SELECT DISTINCT state, setting, unit FROM clocks;

INSERT INTO clock_periods (case_id, started_seq, spec, length, started_on, due_date, warn_date,
  reminder, fallback, started_at, ended_at, late)
SELECT k.case_id, k.started_seq, s.id, k.length, k.started_on, k.due_date, k.warn_date,
  k.reminder, k.fallback, k.started_at, k.ended_at, k.late
FROM clocks k JOIN clock_specs s ON s.state = k.state AND s.setting = k.setting AND s.unit = k.unit;

DROP TABLE clocks;

CREATE VIEW clocks (
  case_id, started_seq, state, setting, unit, length, started_on, due_date, warn_date, reminder,
  fallback, started_at, ended_at, late
) AS
SELECT p.case_id, p.started_seq, s.state, s.setting, s.unit, p.length, p.started_on, p.due_date,
  p.warn_date, p.reminder, p.fallback, p.started_at, p.ended_at, p.late
FROM clock_periods p JOIN clock_specs s ON s.id = p.spec;

CREATE TRIGGER clock_specs_refuse_change BEFORE UPDATE ON clock_specs
BEGIN
  SELECT RAISE(ABORT, 'clock specs are append-only: UPDATE is refused');
END;

-- As in version 3, over the new table.
CREATE INDEX clocks_running
  ON clock_periods (due_date, spec, started_at, warn_date, case_id, ended_at, reminder)
  WHERE ended_at IS NULL AND reminder = 0;
CREATE INDEX clocks_ended ON clock_periods (ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX clocks_late ON clock_periods (case_id) WHERE late = 1 AND reminder = 0;

-- 3. What the reports split cases by.

ALTER TABLE cases ADD COLUMN facet TEXT;
ALTER TABLE cases ADD COLUMN claimed INTEGER CHECK (claimed >= 0);
ALTER TABLE cases ADD COLUMN valid_until TEXT;

UPDATE cases SET
  facet = CASE kind
    WHEN 'arrears' THEN json_extract(details, '$.debtorType')
    WHEN 'tax-refund' THEN json_extract(details, '$.reliefType')
    WHEN 'whitelist' THEN json_extract(details, '$.category')
    ELSE json_extract(details, '$.tier') END,
  claimed = CASE kind
    WHEN 'arrears' THEN json_extract(details, '$.amountOwed')
    WHEN 'tax-refund' THEN json_extract(details, '$.amountClaimed') END,
  valid_until = json_extract(details, '$.validUntil');

-- Openings of a month with what the figures read; it also orders case list by opening time, as
-- cases_opened did. Listings and recognitions standing at a month's end, and each case's
-- kind, facet and enterprise for the events of a month come from the case's row.
DROP INDEX cases_opened;
DROP INDEX cases_kind_opened;
DROP INDEX cases_whitelist_standing;
DROP INDEX cases_cultivation_standing;
DROP INDEX cases_owner;
CREATE INDEX cases_opening ON cases (opened_at, kind, facet, claimed, enterprise_id);
-- (The kind is repeated in the two partial indexes: SQLite 3.40 reads the row for a column the
-- query names, even one the index's WHERE fixes.)
CREATE INDEX cases_listing ON cases (state, facet, opened_at, enterprise_id, kind)
  WHERE kind = 'whitelist';
CREATE INDEX cases_recognition
  ON cases (valid_until, facet, opened_at, closed_at, enterprise_id, kind)
  WHERE kind = 'cultivation';

-- 4. Services counted by day, region and type, kept in step by triggers: the monthly summary
-- reads a few thousand of these instead of a month's hundred thousand services, and the index
-- of services by day, region, type and attendance that it read gives way to one by day alone
-- (for service list). `relief db check` compares the counts with the services.
CREATE TABLE service_days (
  date TEXT NOT NULL,
  -- '' for a service without a region (none is logged so; version 1 allowed it)
  region TEXT NOT NULL,
  type TEXT NOT NULL,
  activities INTEGER NOT NULL CHECK (activities >= 0),
  served INTEGER NOT NULL CHECK (served >= 0),
  PRIMARY KEY (date, region, type)
) STRICT, WITHOUT ROWID;

INSERT INTO service_days (date, region, type, activities, served)
SELECT date, coalesce(region, ''), type, count(*), sum(served) FROM services
GROUP BY date, coalesce(region, ''), type;

CREATE TRIGGER service_days_insert AFTER INSERT ON services
BEGIN
  INSERT INTO service_days (date, region, type, activities, served)
  VALUES (NEW.date, coalesce(NEW.region, ''), NEW.type, 1, NEW.served)
  ON CONFLICT (date, region, type) DO UPDATE
  SET activities = activities + 1, served = served + excluded.served;
END;

CREATE TRIGGER service_days_delete AFTER DELETE ON services
BEGIN
  UPDATE service_days SET activities = activities - 1, served = served - OLD.served
  WHERE date = OLD.date AND region = coalesce(OLD.region, '') AND type = OLD.type;
  DELETE FROM service_days
  WHERE date = OLD.date AND region = coalesce(OLD.region, '') AND type = OLD.type
    AND activities = 0;
END;

CREATE TRIGGER service_days_update AFTER UPDATE OF date, region, type, served ON services
BEGIN
  UPDATE service_days SET activities = activities - 1, served = served - OLD.served
  WHERE date = OLD.date AND region = coalesce(OLD.region, '') AND type = OLD.type;
  DELETE FROM service_days
  WHERE date = OLD.date AND region = coalesce(OLD.region, '') AND type = OLD.type
    AND activities = 0;
  INSERT INTO service_days (date, region, type, activities, served)
  VALUES (NEW.date, coalesce(NEW.region, ''), NEW.type, 1, NEW.served)
  ON CONFLICT (date, region, type) DO UPDATE
  SET activities = activities + 1, served = served + excluded.served;
END;

DROP INDEX services_report;
CREATE INDEX services_date ON services (date);
