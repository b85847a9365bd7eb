import ReliefDomain

/// What an operation must reach (Docs/performance.md).
public enum Target: Sendable, Equatable {
  /// At most this many seconds, whole process.
  case atMost(seconds: Double)
  /// At least this many records imported per second.
  case atLeast(rowsPerSecond: Double)
  /// Timed for information.
  case none
}

/// One operation the benchmark times: a `relief` command line, and the SQL the `sqlite3` shell
/// runs for the same work.
struct Operation: Sendable {
  /// How the floor's SQL is found.
  enum Floor: Sendable {
    /// The statements `relief` itself ran (`RELIEF_TRACE_SQL`), values bound, run again.
    case traced
    /// A script of our own. It writes rows Relief would refuse (random hashes), so it runs on a
    /// copy of the database.
    case script(String)
    /// The import's rows staged with `.import` and inserted in bulk (`ImportFiles.floorScript`).
    case importScript
  }

  var name: String
  var arguments: [String]
  var target: Target
  var floor: Floor
  /// For an import: the records in the file, and which file.
  var importing: (kind: ImportFiles.Kind, rows: Int)?

  init(
    _ name: String, _ arguments: [String], target: Target, floor: Floor,
    importing: (kind: ImportFiles.Kind, rows: Int)? = nil
  ) {
    self.name = name
    self.arguments = arguments
    self.target = target
    self.floor = floor
    self.importing = importing
  }

  /// The timed operations of Docs/performance.md, and the start-up of a process as their floor.
  static func timed(caseID: String, enterprise: String, imports: Bool, scale: Scale) -> [Operation]
  {
    let month = Scale.reportMonth.description
    var list: [Operation] = [
      Operation("relief --version (start-up)", ["--version"], target: .none, floor: .traced),
      Operation(
        "case open (a complaint)",
        [
          "case", "open", "arrears", "--enterprise", enterprise, "--debtor", "深圳市某区住房和城乡建设局",
          "--debtor-type", "government", "--amount", "125万", "--payment-due", "2026-09-30",
          "--contract", "HT-2026-118",
        ], target: .atMost(seconds: 0.020), floor: .script(openScript(enterprise: enterprise))),
      Operation(
        "case show ID", ["case", "show", caseID], target: .atMost(seconds: 0.020), floor: .traced),
      Operation(
        "case list --overdue --limit 50", ["case", "list", "--overdue", "--limit", "50"],
        target: .atMost(seconds: 0.050), floor: .traced),
      Operation(
        "report monthly (everything)", ["report", "monthly", "--month", month],
        target: .atMost(seconds: 0.500), floor: .traced),
      Operation(
        "search 住房和城乡 (many hits)", ["search", "住房和城乡"], target: .atMost(seconds: 0.100),
        floor: .traced),
      Operation(
        "search 星河安宁 (some hits)", ["search", "星河安宁"], target: .atMost(seconds: 0.100),
        floor: .traced),
      Operation(
        "search 欠款方承诺 (notes)", ["search", "欠款方承诺"], target: .atMost(seconds: 0.100),
        floor: .traced),
      Operation("search 科技 (two characters)", ["search", "科技"], target: .none, floor: .traced),
    ]
    if imports {
      for kind in ImportFiles.Kind.allCases {
        list.append(
          Operation(
            "import \(kind.rawValue) (\(scale.importRows) rows)", ["import", kind.rawValue],
            target: .atLeast(rowsPerSecond: 100_000), floor: .importScript,
            importing: (kind, scale.importRows)))
      }
    }
    return list
  }

  /// Commands run once each to find the peak memory of every kind of work.
  static func sweep(month: String, scratch: String) -> [Operation] {
    [
      ["report", "monthly", "--month", month, "--region", "44"],
      ["report", "monthly", "--month", month, "--format", "html", "--output", "\(scratch)/m.html"],
      ["report", "overdue"], ["report", "workload"], ["report", "debtors"], ["sla", "check"],
      ["report", "debtors", "--limit", "0"],
      ["case", "list", "--limit", "0"], ["case", "list", "--limit", "0", "--json"],
      ["enterprise", "list", "--region", "44"], ["enterprise", "list", "--limit", "0"],
      ["service", "list", "--month", month], ["service", "list", "--limit", "0"],
      ["export", "cases", "--format", "json", "--output", "\(scratch)/cases.json"],
      ["export", "events", "--output", "\(scratch)/events.csv"],
      ["export", "services", "--output", "\(scratch)/services.csv"],
      ["export", "enterprises", "--output", "\(scratch)/enterprises.csv"],
      ["db", "verify"], ["db", "check"],
    ].map { Operation($0.joined(separator: " "), $0, target: .none, floor: .traced) }
  }

  /// What `relief case open arrears` writes, as SQL: the settings read, the case numbered, its
  /// row, its opening event (a random hash stands in for SHA-256) and its clock, in one
  /// transaction that waits for the disk as Relief does.
  static func openScript(enterprise: String) -> String {
    let now = Scale.now.seconds
    let details =
      #"{"amountOwed":125000000,"amountRecovered":0,"contract":"HT-2026-118","debtor":"深圳市某区住房和城乡建设局","#
      + #""debtorType":"government","extensionDays":0,"kind":"arrears","paymentDueDate":"2026-09-30"}"#
    return """
      PRAGMA synchronous = FULL;
      PRAGMA foreign_keys = ON;
      BEGIN IMMEDIATE;
      SELECT key, value FROM settings;
      SELECT date, year, day_off FROM calendar_days;
      SELECT year FROM calendar_years;
      SELECT id, name, region FROM enterprises WHERE uscc = '\(enterprise)';
      INSERT INTO case_sequences (kind, year, last) VALUES ('arrears', 2026, 1)
        ON CONFLICT (kind, year) DO UPDATE SET last = last + 1 RETURNING last;
      INSERT INTO cases (kind, year, number, enterprise_id, state, title, assignee, opened_at,
        updated_at, closed_at, due_date, warn_date, supervision_level, last_seq, details, facet,
        claimed, valid_until)
      VALUES ('arrears', 2026,
        (SELECT last FROM case_sequences WHERE kind = 'arrears' AND year = 2026),
        (SELECT id FROM enterprises WHERE uscc = '\(enterprise)'), 'registered',
        '深圳市某区住房和城乡建设局', 'bench', \(now), \(now), NULL, '2026-11-16', '2026-11-12', 0, 1,
        '\(details)', 'government', 125000000, NULL);
      SELECT hash FROM event_log ORDER BY id DESC LIMIT 1;
      SELECT id FROM steps WHERE kind = 'arrears' AND name = 'open' AND from_state = ''
        AND to_state = 'registered';
      SELECT id FROM officers WHERE name = 'bench';
      INSERT INTO event_log (case_id, seq, step, at, delay, officer, amount, data, hash)
      VALUES ((SELECT max(id) FROM cases), 1,
        (SELECT id FROM steps WHERE kind = 'arrears' AND name = 'open' AND from_state = ''
          AND to_state = 'registered'),
        \(now), 0, (SELECT id FROM officers WHERE name = 'bench'), 125000000,
        '{"opening":{"assignee":"bench","details":\(details),"enterprise":"\(enterprise)","title":"深圳市某区住房和城乡建设局"}}',
        randomblob(32));
      SELECT id FROM clock_specs WHERE state = 'registered' AND setting = 'clock.arrears.registered'
        AND unit = 'working-days';
      INSERT INTO clock_periods (case_id, started_seq, spec, length, started_on, due_date,
        warn_date, reminder, fallback, started_at)
      VALUES ((SELECT max(id) FROM cases), 1,
        (SELECT id FROM clock_specs WHERE state = 'registered'
          AND setting = 'clock.arrears.registered' AND unit = 'working-days'),
        10, '2026-11-02', '2026-11-16', '2026-11-12', 0, 0, \(now));
      COMMIT;
      """
  }
}
