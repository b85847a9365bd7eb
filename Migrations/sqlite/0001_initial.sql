-- Relief schema, version 1: enterprises, cases, their append-only events, the clocks derived from
-- them, services, frozen reports, settings and imported calendar years.
-- Money is INTEGER fen; instants are INTEGER seconds since 1970-01-01 UTC; local days are TEXT
-- 'YYYY-MM-DD'. Never edit this file once released: add a new migration instead.

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  imported_at INTEGER NOT NULL,
  officer TEXT NOT NULL
) STRICT;

CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  year INTEGER NOT NULL REFERENCES calendar_years (year) ON DELETE CASCADE,
  day_off INTEGER NOT NULL CHECK (day_off IN (0, 1))
) STRICT, WITHOUT ROWID;

CREATE TABLE enterprises (
  id INTEGER PRIMARY KEY,
  uscc TEXT NOT NULL UNIQUE CHECK (length(uscc) = 18),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  region TEXT NOT NULL CHECK (length(region) = 6 AND region NOT GLOB '*[^0-9]*'),
  size TEXT CHECK (size IN ('micro', 'small', 'medium', 'large')),
  sector TEXT CHECK (sector IN ('industry', 'wholesale', 'retail', 'transport', 'software-and-it')),
  employees INTEGER CHECK (employees >= 0),
  revenue INTEGER CHECK (revenue >= 0),
  industry TEXT,
  contact TEXT,
  phone TEXT,
  checksum_warning INTEGER NOT NULL DEFAULT 0 CHECK (checksum_warning IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX enterprises_region ON enterprises (region);

-- The last number given per kind and year: incremented inside the opening transaction, so that
-- ids have no gaps.
CREATE TABLE case_sequences (
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL CHECK (last > 0),
  PRIMARY KEY (kind, year)
) STRICT, WITHOUT ROWID;

-- The current projection of each case's events (the events are the truth).
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('arrears', 'tax-refund', 'whitelist', 'cultivation')),
  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
  number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999999),
  code TEXT GENERATED ALWAYS AS (
    CASE kind WHEN 'arrears' THEN 'AR' WHEN 'tax-refund' THEN 'TR' WHEN 'whitelist' THEN 'WL'
    ELSE 'CG' END || '-' || year || '-' || substr('00000' || number, -6)) VIRTUAL,
  enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
  state TEXT NOT NULL,
  title TEXT NOT NULL,
  assignee TEXT,
  opened_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL CHECK (updated_at >= opened_at),
  closed_at INTEGER CHECK (closed_at >= opened_at),
  due_date TEXT,
  warn_date TEXT,
  supervision_level INTEGER NOT NULL DEFAULT 0 CHECK (supervision_level >= 0),
  last_seq INTEGER NOT NULL CHECK (last_seq >= 1),
  details TEXT NOT NULL CHECK (json_valid(details)),
  UNIQUE (kind, year, number)
) STRICT;

CREATE INDEX cases_enterprise ON cases (enterprise_id);
CREATE INDEX cases_opened ON cases (opened_at);
CREATE INDEX cases_due ON cases (due_date) WHERE due_date IS NOT NULL;

-- Append-only: what happened to each case, chained by SHA-256 over content and the previous hash.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  name TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  officer TEXT NOT NULL CHECK (length(officer) > 0),
  amount INTEGER CHECK (amount >= 0),
  data TEXT NOT NULL CHECK (json_valid(data)),
  hash BLOB NOT NULL CHECK (length(hash) = 32),
  UNIQUE (case_id, seq)
) STRICT;

CREATE INDEX events_at ON events (at);

CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only: UPDATE is refused');
END;

CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only: DELETE is refused');
END;

-- Every period a clock ran, derived from the events, the calendar and the settings.
CREATE TABLE clocks (
  case_id INTEGER NOT NULL REFERENCES cases (id),
  started_seq INTEGER NOT NULL,
  state TEXT NOT NULL,
  setting TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('working-days', 'days', 'validity')),
  length INTEGER NOT NULL,
  started_on TEXT NOT NULL,
  due_date TEXT NOT NULL,
  warn_date TEXT NOT NULL,
  reminder INTEGER NOT NULL CHECK (reminder IN (0, 1)),
  fallback INTEGER NOT NULL CHECK (fallback IN (0, 1)),
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  PRIMARY KEY (case_id, started_seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE services (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('policy-briefing', 'training', 'financing-matchmaking',
    'consultation', 'on-site-visit', 'legal-aid', 'digital-transformation', 'other')),
  date TEXT NOT NULL,
  region TEXT CHECK (region IS NULL OR (length(region) = 6 AND region NOT GLOB '*[^0-9]*')),
  campaign TEXT,
  note TEXT,
  served INTEGER NOT NULL CHECK (served >= 0),
  officer TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;

CREATE INDEX services_date ON services (date);

CREATE TABLE service_enterprises (
  service_id INTEGER NOT NULL REFERENCES services (id),
  enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
  PRIMARY KEY (service_id, enterprise_id)
) STRICT, WITHOUT ROWID;

-- Monthly summaries as submitted (`report monthly --freeze`): kept, never replaced.
CREATE TABLE frozen_reports (
  month TEXT NOT NULL,
  region TEXT NOT NULL DEFAULT '',
  frozen_at INTEGER NOT NULL,
  officer TEXT NOT NULL,
  figures TEXT NOT NULL CHECK (json_valid(figures)),
  PRIMARY KEY (month, region, frozen_at)
) STRICT, WITHOUT ROWID;
