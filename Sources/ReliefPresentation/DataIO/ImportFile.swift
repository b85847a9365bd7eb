import Foundation

/// An import file read in pieces of a few megabytes that end at a line break, each turned into
/// UTF-8: no character of UTF-8 or GB18030 spans a line break, so pieces decode alone, and
/// memory holds a piece or two however large the file. The encoding is decided first, in a pass
/// over the whole file: valid UTF-8 (with or without a byte order mark) is UTF-8, anything else
/// GB18030, unless `--encoding` says.
package final class ImportFile {
  /// The encoding the file is read in.
  package let encoding: ImportEncoding
  /// True when the encoding was detected rather than given.
  private let wasDetected: Bool
  /// The file's size in bytes, for progress.
  package let size: Int
  private let path: String
  private var pieces: Pieces
  private var line = 1

  /// Pieces of at most this many bytes, unless a single line is longer.
  package static let pieceSize = 4 << 20

  package init(path: String, encoding given: ImportEncoding?) throws {
    self.path = path
    self.size =
      ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    self.encoding = try Self.detect(path: path, given: given)
    self.wasDetected = given == nil
    self.pieces = try Pieces(path: path)
  }

  /// The next piece as UTF-8, and whether it is known to be the last; nil at the end.
  package func next() throws -> (bytes: [UInt8], isLast: Bool)? {
    guard let piece = try pieces.next() else { return nil }
    var raw = piece.bytes
    defer { line += raw.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } }
    if pieces.isFirst, raw.starts(with: [0xEF, 0xBB, 0xBF]), encoding == .utf8 {
      raw.removeFirst(3)
    }
    switch encoding {
    case .utf8:
      return (raw, piece.isLast)
    case .gb18030:
      guard let text = String(data: Data(raw), encoding: ImportEncoding.foundationGB18030) else {
        throw Refusal(
          wasDetected ? "import.error.unknown-encoding" : "import.error.not-gb18030",
          ["line": String(line + Self.firstBadGB18030Line(raw))])
      }
      return (Array(text.utf8), piece.isLast)
    }
  }

  private static func detect(path: String, given: ImportEncoding?) throws -> ImportEncoding {
    if given == .gb18030 { return .gb18030 }
    var pieces = try Pieces(path: path)
    var line = 1
    var hasBOM = false
    while var (piece, _) = try pieces.next() {
      if pieces.isFirst {
        if piece.starts(with: [0xFF, 0xFE]) || piece.starts(with: [0xFE, 0xFF]) {
          throw Refusal("import.error.utf16")
        }
        hasBOM = piece.starts(with: [0xEF, 0xBB, 0xBF])
        if hasBOM { piece.removeFirst(3) }
      }
      if let invalid = TextDecoding.firstInvalidUTF8(piece) {
        guard given == .utf8 || hasBOM else { return .gb18030 }
        throw Refusal(
          "import.error.not-utf8",
          [
            "line": String(line - 1 + TextDecoding.lineOf(offset: invalid, in: piece)),
            "encoding": "utf-8",
          ])
      }
      line += piece.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }
    return .utf8
  }

  /// The line (counted from 0 in the piece) that GB18030 cannot decode.
  private static func firstBadGB18030Line(_ piece: [UInt8]) -> Int {
    for (index, line) in piece.split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false
    )
    .enumerated()
    where String(data: Data(line), encoding: ImportEncoding.foundationGB18030) == nil {
      return index
    }
    return 0
  }

  /// The raw bytes of a file in pieces ending at a line break.
  private struct Pieces {
    private let handle: FileHandle
    private var carry: [UInt8] = []
    private var atEnd = false
    private var count = 0

    package init(path: String) throws {
      let descriptor = open(path, O_RDONLY)
      guard descriptor >= 0 else {
        throw Refusal("error.io", ["path": path, "message": String(cString: strerror(errno))])
      }
      var status = stat()
      guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else {
        close(descriptor)
        throw Refusal("error.io", ["path": path, "message": String(cString: strerror(EISDIR))])
      }
      self.handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// True while the piece last returned is the file's first.
    package var isFirst: Bool { count == 1 }

    package mutating func next() throws -> (bytes: [UInt8], isLast: Bool)? {
      while !atEnd {
        let data = try handle.read(upToCount: ImportFile.pieceSize) ?? Data()
        if data.isEmpty {
          atEnd = true
          break
        }
        let start = carry.count
        carry += data
        if let lastBreak = carry[start...].lastIndex(of: UInt8(ascii: "\n")) {
          let piece = Array(carry[...lastBreak])
          carry.removeSubrange(...lastBreak)
          count += 1
          return (piece, false)
        }
      }
      guard !carry.isEmpty else { return nil }
      let piece = carry
      carry = []
      count += 1
      return (piece, true)
    }
  }
}
