import Foundation
import ReliefDomain
import ReliefStore

/// The CSV files the import timings read, and the SQL the `sqlite3` shell runs for the same rows
/// (the floor): the rows staged with `.import`, then inserted by one statement per table, with
/// the search index filled afterwards as Relief fills it.
enum ImportFiles {
  /// What is imported.
  enum Kind: String, CaseIterable, Sendable {
    case enterprises, cases, services
  }

  /// Writes the file of `kind` with `scale.importRows` records into `folder`; returns its path.
  static func write(_ kind: Kind, scale: Scale, folder: String) throws -> String {
    let path = "\(folder)/import-\(kind.rawValue)-\(scale.importRows).csv"
    if FileManager.default.fileExists(atPath: path) { return path }
    var text = ""
    switch kind {
    case .enterprises:
      text = "uscc,name,region,sector,employees,revenue,industry,contact,phone\n"
      var planner = EnterprisePlanner(random: SeededRandom(seed: 20_261_001))
      for firm in planner.enterprises(count: scale.importRows, series: "MB") {
        let e = firm.enterprise
        text +=
          [
            e.uscc.rawValue, e.name, e.region.rawValue, e.sector?.rawValue ?? "",
            e.employees.map(String.init) ?? "", e.revenue.map { String($0.fen / 100) } ?? "",
            e.industry ?? "", e.contact ?? "", e.phone ?? "",
          ].joined(separator: ",") + "\n"
      }
    case .cases:
      text =
        "kind,enterprise,openedAt,debtor,debtorType,amountOwed,paymentDueDate,reliefType,"
        + "amountClaimed,taxPeriod,tier\n"
      var random = SeededRandom(seed: 20_261_002)
      let firms = Generator.enterprises(scale)
      let smes = firms.filter { $0.enterprise.size != .large }
      let zone = Scale.zone
      let month = Scale.reportMonth
      for index in 0..<scale.importRows {
        var firm = random.pick(firms)
        let day = month.firstDay.adding(days: index * 30 / scale.importRows)
        let at = zone.iso8601(zone.instant(day, secondsOfDay: 9 * 3600 + index % 28_800))
        let code = firm.enterprise.uscc.rawValue
        switch random.int(1...100) {
        case 1...45:
          // Only an SME may complain of arrears (ArrearsScope, arts. 2, 3).
          while firm.enterprise.size == .large { firm = random.pick(firms) }
          let code = firm.enterprise.uscc.rawValue
          let debtor = random.pick(BenchData.debtors)
          let name = debtor.name.replacingOccurrences(of: "{city}", with: firm.city)
          text +=
            "arrears,\(code),\(at),\(name),\(debtor.type.rawValue),\(random.int(1...500))万,"
            + "\(day.adding(days: -random.int(30...300))),,,,\n"
        case 46...85:
          text +=
            "tax-refund,\(code),\(at),,,,,vat-credit-refund,\(random.int(2...400) * 1000),"
            + "2026-Q3,\n"
        default:
          // Only SMEs may be cultivation candidates: a large firm's row goes to an SME.
          let candidate =
            firm.enterprise.size == .large
            ? smes[index % smes.count].enterprise.uscc.rawValue : code
          text += "cultivation,\(candidate),\(at),,,,,,,,innovative\n"
        }
      }
    case .services:
      text = "type,date,enterprises,served,region,campaign,note\n"
      var planner = ServicePlanner(
        enterprises: Generator.enterprises(scale), random: SeededRandom(seed: 20_261_003))
      for index in 0..<scale.importRows {
        let day = Scale.reportMonth.firstDay.adding(days: index * 30 / scale.importRows)
        let draft = planner.service(on: day).draft
        text +=
          [
            draft.type.rawValue, draft.date.description,
            draft.enterprises.map(\.rawValue).joined(separator: ";"),
            draft.count.map(String.init) ?? "", draft.region?.rawValue ?? "", draft.campaign ?? "",
            draft.note ?? "",
          ].joined(separator: ",") + "\n"
      }
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// The SQL the `sqlite3` shell runs to insert the same rows as `relief import` of `file`.
  static func floorScript(_ kind: Kind, file: String, scratch: String) -> String {
    let now = Scale.now.seconds
    switch kind {
    case .enterprises:
      return """
        CREATE TEMP TABLE staging (uscc, name, region, sector, employees, revenue, industry,
          contact, phone);
        .import --csv --skip 1 \(file) staging
        BEGIN IMMEDIATE;
        CREATE TEMP TABLE mark AS SELECT coalesce(max(id), 0) AS id FROM enterprises;
        \(setAside("search_enterprise_insert", scratch: scratch))
        INSERT INTO enterprises (uscc, name, region, size, sector, employees, revenue, industry,
          contact, phone, checksum_warning, created_at, updated_at)
        SELECT uscc, name, region, 'small', sector, CAST(employees AS INTEGER),
          CAST(revenue AS INTEGER) * 100, industry, contact, phone, 0, \(now), \(now) FROM staging;
        .read \(scratch)/trigger.sql
        INSERT INTO search (rowid, name, title, debtor, note)
        SELECT (tag << 40) | source, name, title, debtor, note FROM search_source
        WHERE tag = 3 AND source > (SELECT id FROM mark);
        COMMIT;
        """
    case .cases:
      return """
        CREATE TEMP TABLE staging (kind, enterprise, opened_at, debtor, debtor_type, owed, due,
          relief_type, claimed, tax_period, tier);
        .import --csv --skip 1 \(file) staging
        BEGIN IMMEDIATE;
        CREATE TEMP TABLE mark AS SELECT coalesce(max(id), 0) AS id FROM cases;
        CREATE TEMP TABLE base AS SELECT kind, coalesce((SELECT last FROM case_sequences q
          WHERE q.kind = k.kind AND q.year = 2026), 0) AS last
          FROM (SELECT DISTINCT kind FROM staging) k;
        \(setAside("search_case_insert", scratch: scratch))
        INSERT INTO cases (kind, year, number, enterprise_id, state, title, assignee, opened_at,
          updated_at, due_date, warn_date, last_seq, details, facet, claimed)
        SELECT s.kind, 2026,
          (SELECT last FROM base b WHERE b.kind = s.kind)
            + row_number() OVER (PARTITION BY s.kind ORDER BY s.rowid),
          e.id, CASE s.kind WHEN 'arrears' THEN 'registered' WHEN 'tax-refund' THEN 'applied'
            ELSE 'candidate' END,
          coalesce(s.debtor, s.relief_type, s.tier), 'bench', unixepoch(s.opened_at),
          unixepoch(s.opened_at), date(s.opened_at, '+14 days'), date(s.opened_at, '+12 days'), 1,
          json_object('kind', s.kind, 'debtor', s.debtor, 'debtorType', s.debtor_type,
            'amountOwed', CAST(replace(s.owed, '万', '') AS INTEGER) * 1000000,
            'paymentDueDate', s.due, 'reliefType', s.relief_type, 'tier', s.tier),
          coalesce(s.debtor_type, s.relief_type, s.tier),
          coalesce(CAST(replace(s.owed, '万', '') AS INTEGER) * 1000000, s.claimed * 100)
        FROM staging s JOIN enterprises e ON e.uscc = s.enterprise;
        INSERT INTO case_sequences (kind, year, last)
        SELECT kind, 2026, max(number) FROM cases WHERE id > (SELECT id FROM mark) GROUP BY kind
        ON CONFLICT (kind, year) DO UPDATE SET last = excluded.last;
        INSERT OR IGNORE INTO officers (name) VALUES ('bench');
        INSERT OR IGNORE INTO steps (kind, name, from_state, to_state)
        SELECT DISTINCT kind, 'open', '', state FROM cases WHERE id > (SELECT id FROM mark);
        INSERT OR IGNORE INTO clock_specs (state, setting, unit)
        SELECT DISTINCT state, 'clock.' || kind || '.' || state, 'working-days' FROM cases
        WHERE id > (SELECT id FROM mark);
        INSERT INTO event_log (case_id, seq, step, at, delay, officer, amount, data, hash)
        SELECT c.id, 1, p.id, c.opened_at, \(now) - c.opened_at,
          (SELECT id FROM officers WHERE name = 'bench'), c.claimed,
          json_object('opening', json(c.details)), randomblob(32)
        FROM cases c JOIN steps p ON p.kind = c.kind AND p.name = 'open' AND p.from_state = ''
          AND p.to_state = c.state
        WHERE c.id > (SELECT id FROM mark) ORDER BY c.id;
        INSERT INTO clock_periods (case_id, started_seq, spec, length, started_on, due_date,
          warn_date, reminder, fallback, started_at)
        SELECT c.id, 1, k.id, 10, date(c.opened_at, 'unixepoch'), c.due_date, c.warn_date, 0, 0,
          c.opened_at
        FROM cases c JOIN clock_specs k ON k.state = c.state
          AND k.setting = 'clock.' || c.kind || '.' || c.state AND k.unit = 'working-days'
        WHERE c.id > (SELECT id FROM mark) AND c.kind != 'cultivation';
        .read \(scratch)/trigger.sql
        INSERT INTO search (rowid, name, title, debtor, note)
        SELECT (tag << 40) | source, name, title, debtor, note FROM search_source
        WHERE tag = 2 AND source > (SELECT id FROM mark);
        COMMIT;
        """
    case .services:
      return """
        CREATE TEMP TABLE staging (type, date, enterprises, served, region, campaign, note);
        .import --csv --skip 1 \(file) staging
        BEGIN IMMEDIATE;
        CREATE TEMP TABLE mark AS SELECT coalesce(max(id), 0) AS id FROM services;
        INSERT INTO services (type, date, region, campaign, note, served, officer, recorded_at)
        SELECT type, date, coalesce(nullif(region, ''), (SELECT e.region FROM enterprises e
            WHERE e.uscc = substr(s.enterprises, 1, 18))), nullif(campaign, ''), nullif(note, ''),
          coalesce(CAST(nullif(served, '') AS INTEGER),
            length(enterprises) - length(replace(enterprises, ';', '')) + 1),
          'bench', \(now)
        FROM staging s ORDER BY s.rowid;
        INSERT OR IGNORE INTO service_enterprises (service_id, enterprise_id)
        SELECT (SELECT id FROM mark) + s.rowid, e.id
        FROM staging s, json_each('["' || replace(s.enterprises, ';', '","') || '"]') j
        JOIN enterprises e ON e.uscc = j.value
        WHERE s.enterprises != '';
        COMMIT;
        """
    }
  }

  /// Keeps a trigger's SQL in a file (for `.read` to create it again) and drops it, as
  /// `StoreSession.deferringSearchIndex` does.
  private static func setAside(_ trigger: String, scratch: String) -> String {
    """
    .once \(scratch)/trigger.sql
    SELECT sql || ';' FROM sqlite_master WHERE name = '\(trigger)';
    DROP TRIGGER \(trigger);
    """
  }
}
