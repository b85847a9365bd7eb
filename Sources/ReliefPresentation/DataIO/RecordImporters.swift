import Foundation
import ReliefDomain
import ReliefStoreAPI

/// Turns the records of one kind of import file into store calls, one record at a time, inside
/// the import's single transaction.
package protocol RecordImporter {
  /// The columns a record may carry (for a CSV header, `record` is nil).
  func columns(for record: ImportRecord?) -> ColumnSet
  /// The record as this importer reads it (a case's nested `details` lifted to the top).
  func prepared(_ record: ImportRecord) throws -> ImportRecord
  /// Imports one record; throws to refuse it.
  mutating func importRecord(_ record: ImportRecord, into session: any ReliefSession) throws
  /// Checks that need every record (gaps in restored ids); returns the refusals by line.
  mutating func finish(in session: any ReliefSession) throws -> [(line: Int, error: any Error)]
}

extension RecordImporter {
  /// The record as it is: what most importers read.
  package func prepared(_ record: ImportRecord) throws -> ImportRecord { record }
}

/// What every importer needs to know.
package struct ImportSettings {
  /// The time now.
  package let now: Instant
  /// The agency's time zone, for times given without an offset.
  package let zone: AgencyZone
  /// The officer running the import: the default recorder of what it creates.
  package let officer: String
  /// The language of default titles.
  package let t: Localizer
  /// Accept enterprise codes whose check characters fail.
  package let allowBadChecksum: Bool
  /// Replace enterprises already registered instead of refusing them.
  package let replacing: Bool

  package init(
    now: Instant, zone: AgencyZone, officer: String, t: Localizer, allowBadChecksum: Bool,
    replacing: Bool
  ) {
    self.now = now
    self.zone = zone
    self.officer = officer
    self.t = t
    self.allowBadChecksum = allowBadChecksum
    self.replacing = replacing
  }
}

/// Imports enterprises: registers each, or with `--update` replaces the one registered.
package struct EnterpriseImporter: RecordImporter {
  package let settings: ImportSettings
  /// Row ids above this were inserted by this import...
  private var base: Int64?
  /// ...from these lines, in order: 4 bytes a record, where a dictionary of codes would take
  /// dozens, to name the first line of a code that appears twice.
  private var lines: [Int32] = []

  package init(settings: ImportSettings) {
    self.settings = settings
  }

  package func columns(for record: ImportRecord?) -> ColumnSet { Columns.enterprises }

  package mutating func importRecord(_ record: ImportRecord, into session: any ReliefSession) throws
  {
    let flagged = try record.bool("checksumWarning") ?? false
    let uscc = try Parse.uscc(
      try record.required("uscc"), allowBadChecksum: settings.allowBadChecksum || flagged)
    // Required columns are known to be filled (`ImportRunner` checks them first).
    let enterprise = Enterprise(
      uscc: uscc, name: try record.required("name"),
      region: try record.parse("region", Parse.region)!,
      size: try record.value("size", EnterpriseSize.self),
      sector: try record.value("sector", Sector.self), employees: try record.int("employees"),
      revenue: try record.money("revenue"), industry: try record.text("industry"),
      contact: try record.text("contact"), phone: try record.text("phone"),
      hasChecksumWarning: USCC.checksumProblem(of: uscc) != nil,
      assets: try record.money("assets"))
    let createdAt = try record.time("createdAt").map(settings.zone.instant(of:))
    let updatedAt = try record.time("updatedAt").map(settings.zone.instant(of:))
    for (column, time) in [("createdAt", createdAt), ("updatedAt", updatedAt)] {
      if let time, time > settings.now {
        throw ColumnError(
          column: column,
          underlying: Refusal(
            "imports.error.future",
            ["at": settings.zone.iso8601(time), "now": settings.zone.iso8601(settings.now)]))
      }
    }
    if let createdAt, let updatedAt, updatedAt < createdAt {
      throw ColumnError(
        column: "updatedAt",
        underlying: Refusal(
          "imports.error.updated-before-created",
          [
            "updatedAt": settings.zone.iso8601(updatedAt),
            "createdAt": settings.zone.iso8601(createdAt),
          ]))
    }
    let base = try self.base ?? session.lastEnterpriseRowID()
    self.base = base
    do {
      let rowID = try session.importEnterprise(
        enterprise, createdAt: createdAt, updatedAt: updatedAt, replacing: settings.replacing,
        now: settings.now)
      if rowID > base, rowID - base <= lines.count {
        try refuseDuplicate(uscc, rowID: rowID, base: base)
      } else if rowID > base {
        lines.append(Int32(clamping: record.line))
      }
    } catch StoreError.enterpriseExists(let uscc) {
      if let rowID = try session.enterpriseRowID(of: uscc), rowID > base {
        try refuseDuplicate(uscc, rowID: rowID, base: base)
      }
      throw Refusal("import.error.exists", ["uscc": uscc.rawValue])
    }
  }

  /// A code already imported from an earlier line of the same file.
  private func refuseDuplicate(_ uscc: USCC, rowID: Int64, base: Int64) throws -> Never {
    throw Refusal(
      "import.error.duplicate",
      ["value": uscc.rawValue, "line": String(lines[Int(rowID - base - 1)])])
  }

  package mutating func finish(in session: any ReliefSession) throws -> [(
    line: Int, error: any Error
  )] {
    []
  }
}

/// Imports services; each listed enterprise must be registered.
package struct ServiceImporter: RecordImporter {
  package let settings: ImportSettings

  package func columns(for record: ImportRecord?) -> ColumnSet { Columns.services }

  package mutating func importRecord(_ record: ImportRecord, into session: any ReliefSession) throws
  {
    // Required columns are known to be filled (`ImportRunner` checks them first).
    let type = try record.value("type", ServiceType.self)!
    let enterprises = try record.list("enterprises").map { code in
      do {
        return try Parse.uscc(code, allowBadChecksum: true)
      } catch {
        throw ColumnError(column: "enterprises", underlying: error)
      }
    }
    let officer = try CaseImporter.officer(record) ?? settings.officer
    let recordedAt = try record.time("recordedAt").map(settings.zone.instant(of:)) ?? settings.now
    if recordedAt > settings.now {
      throw ColumnError(
        column: "recordedAt",
        underlying: DomainError.timeInFuture(at: recordedAt, now: settings.now))
    }
    // Required columns are known to be filled (`ImportRunner` checks them first).
    let draft = ServiceDraft(
      type: type, date: try record.date("date")!, enterprises: enterprises,
      count: try record.int("served"), region: try record.parse("region", Parse.region),
      campaign: try record.text("campaign"), note: try record.text("note"))
    try ImportErrors.naming {
      try session.logService(draft, officer: officer, now: recordedAt)
    }
  }

  package mutating func finish(in session: any ReliefSession) throws -> [(
    line: Int, error: any Error
  )] {
    []
  }

  package init(settings: ImportSettings) {
    self.settings = settings
  }
}

/// Rewords store refusals whose advice is for the command line, not for an import file.
package enum ImportErrors {
  @discardableResult
  package static func naming<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch StoreError.enterpriseNotFound(let uscc) {
      throw Refusal("import.error.no-enterprise", ["uscc": uscc.rawValue])
    }
  }
}
