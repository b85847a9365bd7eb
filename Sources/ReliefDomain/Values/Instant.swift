import Foundation

/// A moment in time, to the second: when an event took effect or was recorded.
public struct Instant: Hashable, Comparable, Sendable, Codable {
  /// Seconds since 1970-01-01T00:00:00Z.
  public let seconds: Int64

  /// Creates an instant from seconds since the Unix epoch.
  public init(seconds: Int64) {
    self.seconds = seconds
  }

  /// The instant of a Foundation date, truncated to the second.
  public init(_ date: Date) {
    self.seconds = Int64(date.timeIntervalSince1970.rounded(.down))
  }

  /// The instant `count` seconds later.
  public func adding(seconds count: Int64) -> Instant {
    Instant(seconds: seconds + count)
  }

  public static func < (lhs: Instant, rhs: Instant) -> Bool {
    lhs.seconds < rhs.seconds
  }

  public init(from decoder: any Decoder) throws {
    seconds = try decoder.singleValueContainer().decode(Int64.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(seconds)
  }
}

/// What an officer typed for a time: a full timestamp, or only a day.
public enum TimeInput: Equatable, Sendable {
  /// A timestamp; `offsetSeconds` is nil when it was given in local time.
  case timestamp(date: LocalDate, secondsOfDay: Int, offsetSeconds: Int?)
  /// A calendar day only.
  case date(LocalDate)

  /// Parses `2026-04-28`, `2026-04-28T09:30`, `2026-04-28T09:30:00`, `2026-04-28 09:30:00+08:00`,
  /// `...Z`; fractions of a second are dropped. Returns nil for anything else.
  public init?(_ text: String) {
    let trimmed = Text.trimmed(text, newlines: false)
    if let date = LocalDate(trimmed) {
      self = .date(date)
      return
    }
    let bytes = Array(trimmed.utf8)
    guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
      let date = LocalDate(String(decoding: bytes[0..<10], as: UTF8.self)),
      bytes[13] == UInt8(ascii: ":"),
      let hour = LocalDate.number(bytes[11..<13]), let minute = LocalDate.number(bytes[14..<16]),
      hour < 24, minute < 60
    else { return nil }
    var index = 16
    var second = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
      guard bytes.count >= index + 3, let value = LocalDate.number(bytes[index + 1..<index + 3]),
        value < 60
      else { return nil }
      second = value
      index += 3
      if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",")
      {
        index += 1
        let start = index
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
        guard index > start else { return nil }
      }
    }
    var offset: Int?
    if index < bytes.count {
      let sign = bytes[index]
      if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
        guard index + 1 == bytes.count else { return nil }
        offset = 0
      } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
        let rest = Array(bytes[(index + 1)...]).filter { $0 != UInt8(ascii: ":") }
        guard rest.count == 2 || rest.count == 4,
          let hours = LocalDate.number(rest[0..<2]),
          let minutes = rest.count == 4 ? LocalDate.number(rest[2..<4]) : 0,
          hours <= 14, minutes < 60
        else { return nil }
        let magnitude = hours * 3600 + minutes * 60
        offset = sign == UInt8(ascii: "-") ? -magnitude : magnitude
      } else {
        return nil
      }
    }
    self = .timestamp(
      date: date, secondsOfDay: hour * 3600 + minute * 60 + second, offsetSeconds: offset)
  }
}

/// The agency's time zone: turns instants into local days and back, and prints timestamps.
public struct AgencyZone: Sendable, Equatable {
  /// The IANA identifier, such as `Asia/Shanghai`.
  public let identifier: String
  private let zone: TimeZone

  /// The default zone of a Chinese agency.
  public static let shanghai = AgencyZone(identifier: "Asia/Shanghai")!

  /// Creates the zone, or nil when the identifier is unknown.
  public init?(identifier: String) {
    guard let zone = TimeZone(identifier: identifier) else { return nil }
    self.identifier = identifier
    self.zone = zone
  }

  public static func == (lhs: AgencyZone, rhs: AgencyZone) -> Bool {
    lhs.identifier == rhs.identifier
  }

  /// The offset from UTC in seconds at an instant.
  public func offset(at instant: Instant) -> Int {
    zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.seconds)))
  }

  /// The local calendar day of an instant.
  public func date(of instant: Instant) -> LocalDate {
    local(instant).date
  }

  /// The local day and the seconds since its midnight.
  public func local(_ instant: Instant) -> (date: LocalDate, secondsOfDay: Int) {
    let localSeconds = instant.seconds + Int64(offset(at: instant))
    let day = Int((localSeconds >= 0 ? localSeconds : localSeconds - 86_399) / 86_400)
    return (LocalDate(dayNumber: day), Int(localSeconds - Int64(day) * 86_400))
  }

  /// The instant of a local wall-clock time. In a daylight-saving gap the later offset is used;
  /// in an overlap, the earlier instant.
  public func instant(_ date: LocalDate, secondsOfDay: Int) -> Instant {
    let wall = Int64(date.dayNumber) * 86_400 + Int64(secondsOfDay)
    let firstGuess = wall - Int64(offset(at: Instant(seconds: wall)))
    let secondGuess = wall - Int64(offset(at: Instant(seconds: firstGuess)))
    let candidates = [firstGuess, secondGuess].filter { candidate in
      candidate + Int64(offset(at: Instant(seconds: candidate))) == wall
    }
    return Instant(seconds: candidates.min() ?? max(firstGuess, secondGuess))
  }

  /// The first instant of a local day.
  public func startOfDay(_ date: LocalDate) -> Instant {
    instant(date, secondsOfDay: 0)
  }

  /// The instant a timestamp names; local timestamps are read in this zone.
  public func instant(of input: TimeInput) -> Instant {
    switch input {
    case .date(let date):
      return startOfDay(date)
    case .timestamp(let date, let secondsOfDay, let offset?):
      return Instant(
        seconds: Int64(date.dayNumber) * 86_400 + Int64(secondsOfDay) - Int64(offset))
    case .timestamp(let date, let secondsOfDay, nil):
      return instant(date, secondsOfDay: secondsOfDay)
    }
  }

  /// ISO 8601 with the local offset: `2026-04-28T09:30:00+08:00`.
  public func iso8601(_ instant: Instant) -> String {
    let offset = offset(at: instant)
    let (date, secondsOfDay) = local(instant)
    let sign = offset < 0 ? "-" : "+"
    let magnitude = abs(offset)
    return date.description + "T" + LocalDate.pad(secondsOfDay / 3600, 2) + ":"
      + LocalDate.pad(secondsOfDay / 60 % 60, 2) + ":" + LocalDate.pad(secondsOfDay % 60, 2)
      + sign + LocalDate.pad(magnitude / 3600, 2) + ":" + LocalDate.pad(magnitude / 60 % 60, 2)
  }

  /// `2026-04-28 09:30`, for tables.
  public func shortTimestamp(_ instant: Instant) -> String {
    let (date, secondsOfDay) = local(instant)
    return date.description + " " + LocalDate.pad(secondsOfDay / 3600, 2) + ":"
      + LocalDate.pad(secondsOfDay / 60 % 60, 2)
  }
}

extension AgencyZone {
  /// The instant a `--at` names. A timestamp is taken as given; a bare day means the start of that
  /// day, or the time of the case's previous event when that falls later on the same day, so that
  /// "it happened that day" never lands before what was already recorded.
  public func resolve(_ input: TimeInput, notBefore previous: Instant?) -> Instant {
    let instant = instant(of: input)
    guard case .date(let day) = input, let previous, date(of: previous) == day, previous > instant
    else { return instant }
    return previous
  }
}
