-- Relief schema, version 3: indexes for the monthly summary and the other reports, so that every
-- figure is an aggregate over an indexed range of effective times or days, mostly read from the
-- index alone, never a scan of every case. (Version 2 belongs to the data work.) Never edit this
-- file once released.

-- Events by name and effective time (payments, transfers, listings... of one month), with what
-- the headline figures read.
CREATE INDEX IF NOT EXISTS events_name_at ON events (name, at, to_state, from_state, amount, case_id);

-- Cases of a kind by opening time, and cases by closing time: NULL (open) first, then closed in
-- order, so that "open at a month's end" reads the open cases and those closed since, not all
-- history.
CREATE INDEX IF NOT EXISTS cases_kind_opened ON cases (kind, opened_at, enterprise_id);
CREATE INDEX IF NOT EXISTS cases_closing
  ON cases (closed_at, kind, opened_at, enterprise_id, assignee);
-- White-list and cultivation standing at a month's end, read from the index alone.
CREATE INDEX IF NOT EXISTS cases_whitelist_standing
  ON cases (state, json_extract(details, '$.category'), opened_at, enterprise_id)
  WHERE kind = 'whitelist';
CREATE INDEX IF NOT EXISTS cases_cultivation_standing
  ON cases (json_extract(details, '$.validUntil'), json_extract(details, '$.tier'), opened_at,
    closed_at, enterprise_id)
  WHERE kind = 'cultivation';
-- A case's kind and enterprise without reading its row, for events narrowed to a region.
CREATE INDEX IF NOT EXISTS cases_owner ON cases (id, enterprise_id, kind);
CREATE INDEX IF NOT EXISTS enterprises_region_id ON enterprises (id, region);

-- Deadlines running at a month's end: still running and due before it (few, so the index holds
-- what the count reads), or ended after it (few for a recent month).
CREATE INDEX IF NOT EXISTS clocks_running
  ON clocks (due_date, setting, started_at, warn_date, case_id, ended_at, reminder)
  WHERE ended_at IS NULL AND reminder = 0;
CREATE INDEX IF NOT EXISTS clocks_ended ON clocks (ended_at) WHERE ended_at IS NOT NULL;
-- The few missed deadlines, for "closed on time".
CREATE INDEX IF NOT EXISTS clocks_late ON clocks (case_id) WHERE late = 1 AND reminder = 0;

-- Services of one enterprise, and services by day with what the figures read; the latter
-- serves every use of version 1's index by day, which goes to save its space.
CREATE INDEX IF NOT EXISTS service_enterprises_enterprise ON service_enterprises (enterprise_id);
CREATE INDEX IF NOT EXISTS services_report ON services (date, region, type, served);
DROP INDEX IF EXISTS services_date;
