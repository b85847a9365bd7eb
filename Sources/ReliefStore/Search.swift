import Foundation
import GRDB
import ReliefDomain

extension StoreSession {
  /// Finds enterprises, cases and notes by words in names, titles, debtors and notes: every
  /// whitespace-separated term must occur (as a substring, ignoring case and the width of
  /// full-width letters and digits: `SearchQuery.fold`). Terms of three or
  /// more characters go through the trigram index; shorter ones through the index's vocabulary
  /// (every trigram starting with the term), so that 科技 finds 深圳市星河科技有限公司 as fast.
  public func search(_ text: String, limit: Int) throws -> SearchResults {
    try search(text, limit: limit, tuning: SearchTuning())
  }

  /// `search` with its thresholds set (tests lower them to reach every path with little data).
  func search(_ text: String, limit: Int, tuning: SearchTuning) throws -> SearchResults {
    let terms = SearchQuery.terms(of: text)
    guard !terms.isEmpty else { return SearchResults(hits: [], total: 0, ranking: .relevance) }
    let long = terms.filter { $0.unicodeScalars.count >= 3 }
    let short = terms.filter { $0.unicodeScalars.count < 3 }
    let limit = limit > 0 ? limit : Int.max
    let found: (docs: [Int64], total: Int?, ranking: SearchResults.Ranking)
    if long.isEmpty {
      found = try searchShort(short, limit: limit, tuning: tuning)
    } else {
      found = try searchLong(long, filters: short, limit: limit, tuning: tuning)
    }
    var hits: [SearchHit] = []
    for doc in found.docs {
      if let hit = try hit(doc, terms: terms) { hits.append(hit) }
    }
    return SearchResults(hits: hits, total: found.total, ranking: found.ranking)
  }

  /// Terms of three or more characters: an FTS5 phrase each, ranked by bm25 when few enough
  /// documents match. Shorter terms filter the matches (`SearchQuery.holds`).
  private func searchLong(
    _ long: [String], filters short: [String], limit: Int, tuning: SearchTuning
  ) throws -> (
    docs: [Int64], total: Int?, ranking: SearchResults.Ranking
  ) {
    let match = long.map(SearchQuery.phrase).joined(separator: " AND ")
    let cap = tuning.rankingLimit
    if short.isEmpty {
      let count =
        try Int.fetchOne(
          db,
          sql: "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT \(cap + 1))",
          arguments: [match]) ?? 0
      if count <= cap {
        let docs = try Int64.fetchAll(
          db,
          sql: """
            SELECT rowid FROM search WHERE search MATCH ?
            ORDER BY bm25(search, \(SearchQuery.weights)), rowid DESC LIMIT ?
            """, arguments: [match, min(limit, cap)])
        return (docs, count, .relevance)
      }
      let docs = try Int64.fetchAll(
        db, sql: "SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid DESC LIMIT ?",
        arguments: [match, limit == Int.max ? -1 : limit])
      return (docs, nil, .recency)
    }
    // The matches holding the short terms too, newest first, until there are too many to rank.
    var newest: [Int64] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT rowid, name, title, debtor, note FROM search WHERE search MATCH ?
        ORDER BY rowid DESC
        """, arguments: [match])
    while let row = try rows.next() {
      guard SearchQuery.holds(row, all: short) else { continue }
      newest.append(row[0])
      if newest.count > cap, newest.count >= limit { break }
    }
    if newest.count > cap {
      return (Array(newest.prefix(limit)), nil, .recency)
    }
    let found = Set(newest)
    var ranked: [Int64] = []
    let docs = try Int64.fetchCursor(
      db,
      sql: """
        SELECT rowid FROM search WHERE search MATCH ?
        ORDER BY bm25(search, \(SearchQuery.weights)), rowid DESC
        """, arguments: [match])
    while ranked.count < limit, let doc = try docs.next() {
      if found.contains(doc) { ranked.append(doc) }
    }
    return (ranked, newest.count, .relevance)
  }

  /// Only terms of one or two characters. Each term's occurrences are the trigrams starting
  /// with it (`search_terms`, the index's vocabulary): the term found least often leads, the
  /// others filter. When even that one occurs too often to rank quickly, the search lists the
  /// newest documents holding it, through the few trigrams that continue it; only a term with
  /// very many continuations falls back to reading the index's texts, newest first.
  private func searchShort(_ short: [String], limit: Int, tuning: SearchTuning) throws -> (
    docs: [Int64], total: Int?, ranking: SearchResults.Ranking
  ) {
    let occurrenceCap = tuning.occurrenceCap
    var counted: [(term: String, occurrences: Int)] = []
    for term in short {
      let occurrences =
        try Int.fetchOne(
          db.cachedStatement(
            sql: """
              SELECT count(*) FROM (
                SELECT 1 FROM search_terms WHERE term >= ? AND term < ? LIMIT \(occurrenceCap + 1))
              """), arguments: SearchQuery.range(of: term)) ?? 0
      counted.append((term, occurrences))
    }
    let lead = counted.min { $0.occurrences < $1.occurrences }!
    let others = short.filter { $0 != lead.term }
    let sqlLimit = limit == Int.max ? -1 : limit
    if lead.occurrences <= occurrenceCap {
      let ranking = """
        SELECT doc, sum(CASE col WHEN 'name' THEN 10 WHEN 'note' THEN 1 ELSE 5 END) AS score
        FROM search_terms WHERE term >= ? AND term < ? GROUP BY doc
        """
      if others.isEmpty {
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT h.doc, count(*) OVER () AS total FROM (\(ranking)) h
            ORDER BY h.score DESC, h.doc DESC LIMIT ?
            """, arguments: SearchQuery.range(of: lead.term) + [sqlLimit])
        let total: Int = rows.first?["total"] ?? 0
        return (rows.map { $0["doc"] }, total, .relevance)
      }
      var docs: [Int64] = []
      var total = 0
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT h.doc, s.name, s.title, s.debtor, s.note FROM (\(ranking)) h
          JOIN search s ON s.rowid = h.doc ORDER BY h.score DESC, h.doc DESC
          """, arguments: SearchQuery.range(of: lead.term))
      while let row = try rows.next() {
        guard SearchQuery.holds(row, all: others) else { continue }
        total += 1
        if docs.count < limit { docs.append(row[0]) }
      }
      return (docs, total, .relevance)
    }
    if let continuations = try continuations(of: lead.term, atMost: tuning.continuations) {
      let match = continuations.map(SearchQuery.phrase).joined(separator: " OR ")
      if others.isEmpty {
        let docs = try Int64.fetchAll(
          db, sql: "SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid DESC LIMIT ?",
          arguments: [match, sqlLimit])
        return (docs, nil, .recency)
      }
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT rowid, name, title, debtor, note FROM search WHERE search MATCH ?
          ORDER BY rowid DESC
          """, arguments: [match])
      return (try newest(rows, holding: others, limit: limit), nil, .recency)
    }
    let rows = try Row.fetchCursor(
      db, sql: "SELECT rowid, name, title, debtor, note FROM search ORDER BY rowid DESC")
    return (try newest(rows, holding: short, limit: limit), nil, .recency)
  }

  /// The first `limit` documents of a cursor (rowid, name, title, debtor, note) that hold every
  /// term.
  private func newest(_ rows: RowCursor, holding terms: [String], limit: Int) throws -> [Int64] {
    var docs: [Int64] = []
    while docs.count < limit, let row = try rows.next() {
      if SearchQuery.holds(row, all: terms) { docs.append(row[0]) }
    }
    return docs
  }

  /// The distinct trigrams that start with a short term, found by stepping through the
  /// vocabulary from one to the next; nil when there are more than `atMost`.
  private func continuations(of term: String, atMost: Int) throws -> [String]? {
    let upper = term + "\u{10FFFF}"
    var found: [String] = []
    var lower = term
    let statement = try db.cachedStatement(
      sql: "SELECT term FROM search_terms WHERE term > ? AND term < ? LIMIT 1")
    if let first = try String.fetchOne(
      db.cachedStatement(sql: "SELECT term FROM search_terms WHERE term >= ? AND term < ? LIMIT 1"),
      arguments: [term, upper])
    {
      found.append(first)
      lower = first
    }
    while let next = try String.fetchOne(statement, arguments: [lower, upper]) {
      found.append(next)
      if found.count > atMost { return nil }
      lower = next
    }
    return found
  }

  /// The hit a search document stands for, or nil when its record is gone.
  private func hit(_ doc: Int64, terms: [String]) throws -> SearchHit? {
    let id = doc & 0xFF_FFFF_FFFF
    switch doc >> 40 {
    case 3:
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(sql: "SELECT uscc, name FROM enterprises WHERE id = ?"),
          arguments: [id])
      else { return nil }
      return SearchHit(kind: .enterprise, id: row["uscc"], field: "name", text: row["name"])
    case 2:
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(
            sql: """
              SELECT c.code, c.kind, c.state, c.title, json_extract(c.details, '$.debtor') AS debtor,
                e.name AS enterprise_name
              FROM cases c JOIN enterprises e ON e.id = c.enterprise_id WHERE c.id = ?
              """), arguments: [id])
      else { return nil }
      let title: String = row["title"]
      let debtor: String? = row["debtor"]
      let inTitle = SearchQuery.contains(title, all: terms)
      return SearchHit(
        kind: .case, id: row["code"], field: inTitle || debtor == nil ? "title" : "debtor",
        text: inTitle || debtor == nil ? title : debtor!,
        caseKind: CaseKind(rawValue: row["kind"]), state: CaseState(rawValue: row["state"]),
        enterpriseName: row["enterprise_name"])
    case 1:
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(
            sql: """
              SELECT c.code, c.kind, c.state, v.seq, v.at, json_extract(v.data, '$.note') AS note,
                e.name AS enterprise_name
              FROM events v JOIN cases c ON c.id = v.case_id
              JOIN enterprises e ON e.id = c.enterprise_id WHERE v.id = ?
              """), arguments: [id])
      else { return nil }
      return SearchHit(
        kind: .note, id: row["code"], seq: row["seq"], field: "note", text: row["note"] ?? "",
        caseKind: CaseKind(rawValue: row["kind"]), state: CaseState(rawValue: row["state"]),
        enterpriseName: row["enterprise_name"], at: Instant(seconds: row["at"]))
    default:
      return nil
    }
  }
}

/// Where search changes course: above `rankingLimit` matching documents (terms of three or more
/// characters) or `occurrenceCap` occurrences (shorter terms) it lists the newest instead of
/// ranking, and a short term with more than `continuations` trigrams is searched by reading the
/// index's texts.
struct SearchTuning {
  var rankingLimit = SearchResults.rankingLimit
  var occurrenceCap = 50_000
  var continuations = 64
}

/// How search text becomes SQL. Pure, so that it can be tested alone.
enum SearchQuery {
  /// The bm25 weights of the columns name, title, debtor, note.
  static let weights = "10.0, 5.0, 5.0, 1.0"

  /// The distinct terms of a search, folded (`fold`), in order.
  static func terms(of text: String) -> [String] {
    var seen = Set<String>()
    return text.split(whereSeparator: { $0.isWhitespace }).map { fold(String($0)) }.filter {
      seen.insert($0).inserted
    }
  }

  /// The one fold of search, applied to every text searched and to every term: full-width
  /// letters and digits (U+FF10...U+FF19, U+FF21...U+FF3A, U+FF41...U+FF5A) become ASCII, as
  /// NFKC makes them and as the view `search_source` (migration 0005) indexes them, and the whole
  /// is lower-cased, as the trigram index folds case. So ＡＢ, ａｂ, AB and ab are one term.
  static func fold(_ text: String) -> String {
    // Most text is ASCII or Chinese without full-width letters: nothing to replace.
    guard text.unicodeScalars.contains(where: { isWide($0.value) }) else {
      return text.lowercased()
    }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isWide(scalar.value), let narrow = Unicode.Scalar(scalar.value - 0xFEE0) {
        scalars.append(narrow)
      } else {
        scalars.append(scalar)
      }
    }
    return String(scalars).lowercased()
  }

  /// A full-width digit or Latin letter.
  private static func isWide(_ value: UInt32) -> Bool {
    (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value)
      || (0xFF41...0xFF5A).contains(value)
  }

  /// True when every term occurs in one of a row's texts (columns 1 to 4: name, title, debtor,
  /// note, as the index stores them), compared folded.
  static func holds(_ row: Row, all terms: [String]) -> Bool {
    var texts: [String] = []
    for column in 1...4 {
      let text: String? = row[column]
      if let text { texts.append(fold(text)) }
    }
    return terms.allSatisfy { term in texts.contains { occurs(term, in: $0) } }
  }

  /// True when `part` occurs in `text` code unit for code unit, as SQLite's `instr` and the
  /// trigram index compare (Swift's `contains` would compare whole characters: `e` would not
  /// occur in `é` written as `e` and a combining accent).
  static func occurs(_ part: String, in text: String) -> Bool {
    let part = Array(part.utf8)
    guard let first = part.first else { return true }
    let bytes = Array(text.utf8)
    guard bytes.count >= part.count else { return false }
    var index = 0
    while index <= bytes.count - part.count {
      if bytes[index] == first, bytes[index..<index + part.count].elementsEqual(part) {
        return true
      }
      index += 1
    }
    return false
  }

  /// The vocabulary range of a short term: every trigram that starts with it.
  static func range(of term: String) -> StatementArguments {
    [term, term + "\u{10FFFF}"]
  }

  /// An FTS5 string: the term in double quotes, its own quotes doubled.
  static func phrase(_ term: String) -> String {
    "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// True when the text holds every term, compared folded.
  static func contains(_ text: String, all terms: [String]) -> Bool {
    let folded = fold(text)
    return terms.allSatisfy { occurs($0, in: folded) }
  }
}
