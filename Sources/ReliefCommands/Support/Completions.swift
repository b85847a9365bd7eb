import ArgumentParser
import ReliefDomain
import ReliefStoreAPI
import ReliefStores

/// What the shell completes from the database (`relief completion bash|zsh|fish` installs the
/// scripts): case ids, the events a case allows now, and the states of a kind. The shell runs
/// `relief` to ask; a completion never prints an error and never writes: a missing or unreadable
/// database simply completes nothing.
enum Completions {
  /// How many case ids are offered at most: the most recently opened open cases.
  static let idLimit = 500

  /// Case ids.
  static let caseIDs = CompletionKind.custom { words, index, prefix in
    ids(words, prefix: prefix)
  }

  /// `case act ID... EVENT`: case ids, and after one, the events every named case allows now.
  static let caseIDsThenEvent = CompletionKind.custom { words, index, prefix in
    let named = words.enumerated().compactMap { offset, word in
      offset == index ? nil : CaseID(word)
    }
    guard !named.isEmpty else { return ids(words, prefix: prefix) }
    let allowed = reading(words) { session in
      try named.map { id in
        try session.caseRecord(id)?.reliefCase.nextEvents.map(\.rawValue) ?? []
      }
    }
    let events =
      allowed.map { lists in
        lists.dropFirst().reduce(lists.first ?? []) { common, next in
          common.filter(next.contains)
        }
      } ?? named[0].kind.workflow.transitions.map(\.event.rawValue)
    let more = ids(words, prefix: prefix).filter { !named.map(\.description).contains($0) }
    return events.filter { $0.hasPrefix(prefix) } + more
  }

  /// `case list --state S`: the states of the kind given with `--kind`, else of every kind.
  static let states = CompletionKind.custom { words, _, prefix in
    let kind = value(of: "--kind", in: words).flatMap(CaseKind.init(rawValue:))
    let kinds = kind.map { [$0] } ?? CaseKind.allCases
    var seen = Set<String>()
    return kinds.flatMap { $0.workflow.states.map(\.name.rawValue) }
      .filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
  }

  /// Open case ids starting with `prefix`, the most recently opened first.
  static func ids(_ words: [String], prefix: String) -> [String] {
    let upper = prefix.uppercased()
    return reading(words) { session in
      try session.cases(
        matching: CaseFilter(openness: .open, limit: idLimit), today: LocalDate(dayNumber: 0)
      ).items.map(\.reliefCase.id.description)
    }?.filter { $0.hasPrefix(upper) } ?? []
  }

  /// Reads the database the words name (`--db`, else `RELIEF_DB`, else the default), or nil when
  /// it cannot be read.
  static func reading<T>(_ words: [String], _ body: (any ReliefSession) throws -> T) -> T? {
    let path = GlobalOptions.databasePath(db: value(of: "--db", in: words))
    guard let database = try? Databases.open(at: path, readOnly: true) else { return nil }
    defer { try? database.close() }
    return try? database.read { session in try body(session) }
  }

  /// The value of an option among the shell words (`--db x` or `--db=x`).
  static func value(of option: String, in words: [String]) -> String? {
    for (offset, word) in words.enumerated() {
      if word == option, offset + 1 < words.count { return words[offset + 1] }
      if word.hasPrefix(option + "=") { return String(word.dropFirst(option.count + 1)) }
    }
    return nil
  }
}
