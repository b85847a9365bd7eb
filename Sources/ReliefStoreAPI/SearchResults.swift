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

  /// Creates one (for the stores).
  package init(
    kind: Kind, id: String, seq: Int? = nil, field: String, text: String, caseKind: CaseKind? = nil,
    state: CaseState? = nil, enterpriseName: String? = nil, at: Instant? = nil
  ) {
    self.kind = kind
    self.id = id
    self.seq = seq
    self.field = field
    self.text = text
    self.caseKind = caseKind
    self.state = state
    self.enterpriseName = enterpriseName
    self.at = at
  }
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

  /// Creates one (for the stores).
  package init(hits: [SearchHit], total: Int? = nil, ranking: Ranking) {
    self.hits = hits
    self.total = total
    self.ranking = ranking
  }
}
