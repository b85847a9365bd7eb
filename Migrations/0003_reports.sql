-- Relief schema, version 3: indexes for the monthly summary and the other reports, so that every
-- figure is an aggregate over an indexed range of effective times or days, never a scan of every
-- case. (Version 2 belongs to the data work.) Never edit this file once released.

-- Events by name and effective time: payments, transfers, listings... of one month.
CREATE INDEX IF NOT EXISTS events_name_at ON events (name, at);

-- Cases of a kind by opening time (whitelist and cultivation standing at a month's end), and cases
-- by closing time with what the closed figures need, without reading the case rows.
CREATE INDEX IF NOT EXISTS cases_kind_opened ON cases (kind, opened_at);
CREATE INDEX IF NOT EXISTS cases_closed ON cases (closed_at, kind, opened_at, enterprise_id)
  WHERE closed_at IS NOT NULL;
-- Open cases: open at a month's end = still open now, or closed after that end.
CREATE INDEX IF NOT EXISTS cases_open ON cases (opened_at, kind, enterprise_id)
  WHERE closed_at IS NULL;
CREATE INDEX IF NOT EXISTS cases_assignee ON cases (assignee);

-- Clocks running at a month's end: still running, or ended after it.
CREATE INDEX IF NOT EXISTS clocks_ended ON clocks (ended_at);

-- Services of one enterprise, and services of a region by day.
CREATE INDEX IF NOT EXISTS service_enterprises_enterprise ON service_enterprises (enterprise_id);
CREATE INDEX IF NOT EXISTS services_region_date ON services (region, date);
