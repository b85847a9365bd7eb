import Foundation
import GRDB
import ReliefDomain

/// One thing a search found: an enterprise, a case, or a note in a case's history.
public struct SearchHit: Equatable, Sendable {
  /// What was found.
  public enum Kind: String, Sendable, CaseIterable {
    case enterprise
    case `case`
    case note
  }

  /// What was found.
  public var kind: Kind
  /// The enterprise's code, or the case's id (for a note, the case it belongs to).
  public var id: String
  /// For a note, the number of its event in the case's history.
  public var seq: Int?
  /// The field that matched: `name`, `title`, `debtor` or `note`.
  public var field: String
  /// The text of that field.
  public var text: String
  /// The kind of the case (for cases and notes).
  public var caseKind: CaseKind?
  /// The state of the case (for cases and notes).
  public var state: CaseState?
  /// The enterprise's name (for cases and notes).
  public var enterpriseName: String?
  /// When the note took effect.
  public var at: Instant?
}

/// What a search found, best first.
public struct SearchResults: Equatable, Sendable {
  /// How the hits are ordered.
  public enum Ranking: String, Sendable {
    /// By relevance: bm25 for terms of three or more characters, else occurrences weighted by
    /// field (names above titles and debtors above notes); newest first among equals.
    case relevance
    /// The search matched too much to rank: enterprises first, then cases, then notes, each
    /// newest first.
    case recency
  }

  /// The hits shown.
  public var hits: [SearchHit]
  /// How many matched, or nil when too many did to count quickly (the hits are then the newest).
  public var total: Int?
  /// How the hits are ordered.
  public var ranking: Ranking

  /// Above this many matching documents a search is ranked by recency, to stay fast.
  public static let rankingLimit = 2000
}

extension StoreSession {
  /// Finds enterprises, cases and notes by words in names, titles, debtors and notes: every
  /// whitespace-separated term must occur (as a substring, ignoring case). Terms of three or
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
  /// documents match.
  private func searchLong(
    _ long: [String], filters short: [String], limit: Int, tuning: SearchTuning
  ) throws -> (
    docs: [Int64], total: Int?, ranking: SearchResults.Ranking
  ) {
    let match = long.map(SearchQuery.phrase).joined(separator: " AND ")
    let (filter, filterArguments) = SearchQuery.containing(short)
    let arguments = StatementArguments([match]) + filterArguments
    let cap = tuning.rankingLimit
    let count =
      try Int.fetchOne(
        db,
        sql: """
          SELECT count(*) FROM (
            SELECT 1 FROM search s WHERE search MATCH ?\(filter) LIMIT \(cap + 1))
          """, arguments: arguments) ?? 0
    if count <= cap {
      let docs = try Int64.fetchAll(
        db,
        sql: """
          SELECT rowid FROM search s WHERE search MATCH ?\(filter)
          ORDER BY bm25(search, \(SearchQuery.weights)), rowid DESC LIMIT ?
          """, arguments: arguments + [min(limit, cap)])
      return (docs, count, .relevance)
    }
    let docs = try Int64.fetchAll(
      db,
      sql: "SELECT rowid FROM search s WHERE search MATCH ?\(filter) ORDER BY rowid DESC LIMIT ?",
      arguments: arguments + [limit == Int.max ? -1 : limit])
    return (docs, nil, .recency)
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
    let (filter, filterArguments) = SearchQuery.containing(others)
    let sqlLimit = limit == Int.max ? -1 : limit
    if lead.occurrences <= occurrenceCap {
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT h.doc, count(*) OVER () AS total FROM (
            SELECT doc, sum(CASE col WHEN 'name' THEN 10 WHEN 'note' THEN 1 ELSE 5 END) AS score
            FROM search_terms WHERE term >= ? AND term < ? GROUP BY doc) h
          \(others.isEmpty ? "" : "JOIN search s ON s.rowid = h.doc WHERE 1\(filter)")
          ORDER BY h.score DESC, h.doc DESC LIMIT ?
          """, arguments: SearchQuery.range(of: lead.term) + filterArguments + [sqlLimit])
      let total: Int = rows.first?["total"] ?? 0
      return (rows.map { $0["doc"] }, total, .relevance)
    }
    if let continuations = try continuations(of: lead.term, atMost: tuning.continuations) {
      let match = continuations.map(SearchQuery.phrase).joined(separator: " OR ")
      let docs = try Int64.fetchAll(
        db,
        sql: "SELECT rowid FROM search s WHERE search MATCH ?\(filter) ORDER BY rowid DESC LIMIT ?",
        arguments: [match] + filterArguments + [sqlLimit])
      return (docs, nil, .recency)
    }
    let (allFilter, allArguments) = SearchQuery.containing(short)
    let docs = try Int64.fetchAll(
      db, sql: "SELECT rowid FROM search s WHERE 1\(allFilter) ORDER BY rowid DESC LIMIT ?",
      arguments: allArguments + [sqlLimit])
    return (docs, nil, .recency)
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

  /// The distinct terms of a search, lower-cased, in order.
  static func terms(of text: String) -> [String] {
    var seen = Set<String>()
    return text.split(whereSeparator: { $0.isWhitespace }).map { $0.lowercased() }.filter {
      seen.insert($0).inserted
    }
  }

  /// The vocabulary range of a short term: every trigram that starts with it.
  static func range(of term: String) -> StatementArguments {
    [term, term + "\u{10FFFF}"]
  }

  /// An FTS5 string: the term in double quotes, its own quotes doubled.
  static func phrase(_ term: String) -> String {
    "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// SQL conditions (each starting with AND) that the document holds every term, ignoring case.
  static func containing(_ terms: [String]) -> (String, StatementArguments) {
    var sql = ""
    var arguments = StatementArguments()
    for term in terms {
      sql += """
         AND (instr(lower(s.name), ?) OR instr(lower(s.title), ?)
          OR instr(lower(s.debtor), ?) OR instr(lower(s.note), ?))
        """
      arguments += [term, term, term, term]
    }
    return (sql, arguments)
  }

  /// True when the text holds every term, ignoring case.
  static func contains(_ text: String, all terms: [String]) -> Bool {
    let lowered = text.lowercased()
    return terms.allSatisfy { lowered.contains($0) }
  }
}
