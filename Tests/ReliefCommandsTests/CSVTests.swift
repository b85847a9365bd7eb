import Foundation
import Testing

@testable import ReliefCommands
@testable import ReliefPresentation

@Suite("CSV, encodings and JSON records")
struct CSVTests {
  func items(_ text: String) -> [CSVReader.Item] {
    var reader = CSVReader(bytes: Array(text.utf8))
    var items: [CSVReader.Item] = []
    while let item = reader.next() { items.append(item) }
    return items
  }

  @Test("quoted fields keep commas, doubled quotes and line breaks; lines count physical lines")
  func quoting() {
    let text =
      "uscc,name,note\r\n"
      + "A,\"深圳市星河科技有限公司, 南山分公司\",plain\r\n"
      + "B,\"他说\"\"好\"\"\",\"第一行\r\n第二行\n第三行\"\r\n"
      + "C,,\"\"\r\n"
    #expect(
      items(text) == [
        .record(line: 1, fields: ["uscc", "name", "note"]),
        .record(line: 2, fields: ["A", "深圳市星河科技有限公司, 南山分公司", "plain"]),
        .record(line: 3, fields: ["B", "他说\"好\"", "第一行\n第二行\n第三行"]),
        .record(line: 6, fields: ["C", "", ""]),
      ])
  }

  @Test("LF, CRLF and CR line ends; empty lines are skipped; a trailing comma is a field")
  func lineEnds() {
    #expect(
      items("a,b\n\nc,d\r\n\r\ne,\rf") == [
        .record(line: 1, fields: ["a", "b"]), .record(line: 3, fields: ["c", "d"]),
        .record(line: 5, fields: ["e", ""]), .record(line: 6, fields: ["f"]),
      ])
  }

  @Test("malformed records are reported with their first line, and reading goes on")
  func malformed() {
    #expect(
      items("h\nab\"c\n\"x\"y,z\nok\n\"never\nclosed") == [
        .record(line: 1, fields: ["h"]),
        .malformed(line: 2, problem: .quoteInUnquotedField),
        .malformed(line: 3, problem: .textAfterClosingQuote),
        .record(line: 4, fields: ["ok"]),
        .malformed(line: 5, problem: .unclosedQuote),
      ])
  }

  @Test("what the writer writes, the reader reads back")
  func roundTrip() {
    let rows = [
      ["plain", "with, comma", "with \"quotes\"", "line\nbreak", " padded ", "", "深圳"],
      ["=1+1", "\n", "\"", ",", "末尾"],
    ]
    for lineEnd in ["\n", "\r\n"] {
      let writer = CSVWriter(lineEnd: lineEnd)
      let text = rows.map(writer.line).joined()
      let read = items(text).compactMap { item -> [String]? in
        if case .record(_, let fields) = item { return fields }
        return nil
      }
      #expect(read == rows)
    }
  }

  /// Reads a file through `ImportFile` in pieces of `pieceSize` (smaller than the file, to
  /// cross piece boundaries), as the importer does.
  func read(_ data: Data, as encoding: ImportEncoding? = nil) throws -> (String, ImportEncoding) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let file = try ImportFile(path: url.path, encoding: encoding)
    var bytes: [UInt8] = []
    while let (piece, _) = try file.next() { bytes += piece }
    return (String(decoding: bytes, as: UTF8.self), file.encoding)
  }

  @Test("UTF-8 with or without BOM is UTF-8; anything else valid is read as GB18030")
  func encodings() throws {
    let text = "uscc,name\n91440305MA5FXHGE2A,深圳市星河科技有限公司\n"
    let utf8 = Data(text.utf8)
    #expect(try read(utf8) == (text, .utf8))
    #expect(try read(Data([0xEF, 0xBB, 0xBF]) + utf8) == (text, .utf8))
    let gb = try #require(text.data(using: ImportEncoding.foundationGB18030))
    #expect(gb != utf8)
    #expect(try read(gb) == (text, .gb18030))
    #expect(try read(gb, as: .gb18030) == (text, .gb18030))
    #expect(throws: Refusal.self) { try read(gb, as: .utf8) }
    #expect(throws: Refusal.self) { try read(Data([0xFF, 0xFE, 0x41, 0x00])) }
    #expect(throws: Refusal.self) { try read(Data([0xEF, 0xBB, 0xBF]) + gb) }
  }

  @Test("a file larger than a piece is read whole, pieces cut at line breaks")
  func pieces() throws {
    var text = "uscc,name\n"
    while text.utf8.count < 3 * ImportFile.pieceSize {
      text += "91440305MA5FXHGE2A,\"深圳市星河科技有限公司\n南山分公司\"\n"
    }
    let gb = try #require(text.data(using: ImportEncoding.foundationGB18030))
    #expect(try read(Data(text.utf8)) == (text, .utf8))
    #expect(try read(gb) == (text, .gb18030))
    // The CSV reader fed piece by piece sees every record, with the lines of the whole file.
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try gb.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let file = try ImportFile(path: url.path, encoding: nil)
    var reader = CSVReader(bytes: [], isComplete: false)
    var lines: [Int] = []
    while true {
      if let item = reader.next() {
        guard case .record(let line, let fields) = item, fields.count == 2 else {
          Issue.record("unexpected \(item)")
          break
        }
        lines.append(line)
        continue
      }
      if reader.isComplete { break }
      let piece = try file.next()
      reader.append(piece?.bytes ?? [], isComplete: piece?.isLast ?? true)
    }
    #expect(lines.count == text.filter { $0 == "\n" }.count / 2 + 1)
    #expect(lines.enumerated().allSatisfy { index, line in line == (index == 0 ? 1 : 2 * index) })
  }

  @Test("the UTF-8 check finds the first bad byte, as Swift's own validation judges it")
  func utf8Validation() {
    var generator = SystemRandomNumberGenerator()
    let pieces: [[UInt8]] = [
      Array("abcdefgh".utf8), Array("深圳".utf8), Array("😀".utf8), [0xC0, 0x80], [0xED, 0xA0, 0x80],
      [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0x80], [0xFF], Array("x".utf8),
    ]
    for _ in 0..<2000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...6, using: &generator) {
        bytes += pieces.randomElement(using: &generator)!
      }
      let valid = String(validating: bytes, as: UTF8.self) != nil
      let invalid = TextDecoding.firstInvalidUTF8(bytes)
      #expect(valid == (invalid == nil), "\(bytes)")
      if let invalid {
        #expect(String(validating: bytes[..<invalid], as: UTF8.self) != nil, "\(bytes)")
      }
    }
    #expect(TextDecoding.firstInvalidUTF8(Array("ab\n深".utf8) + [0xFF]) == 6)
    #expect(TextDecoding.lineOf(offset: 6, in: Array("ab\n深".utf8) + [0xFF]) == 2)
  }

  @Test("JSON records know the line they start on, brackets inside text aside")
  func jsonLines() throws {
    let text = """
      [
        {"name": "a [b] {c}", "note": "x\\"]"},
        {
          "name": "second"
        },
        {"name": "third"}
      ]
      """
    let records = try JSONRecords.read(Array(text.utf8))
    #expect(records.map(\.line) == [2, 3, 6])
    let wrapped = "{\"total\": 2, \"shown\": 2,\n\"items\": [\n{\"a\": 1},\n{\"a\": 2}]}"
    #expect(try JSONRecords.read(Array(wrapped.utf8)).map(\.line) == [3, 4])
    #expect(throws: Refusal.self) { try JSONRecords.read(Array("{\"a\": 1}".utf8)) }
    #expect(throws: Refusal.self) { try JSONRecords.read(Array("[1, 2]".utf8)) }
  }

  @Test("JSON records come one at a time, whatever the pieces the file is read in")
  func jsonInPieces() throws {
    let text = """
      {"total": 3, "items": [
        {"name": "深圳市星河科技有限公司", "history": [{"seq": 1}, {"seq": 2}]},
        {"name": "a, [b] {c} \\\"}"},
        {"name": "third"}
      ]}
      """
    let bytes = Array(text.utf8)
    let whole = try JSONRecords.read(bytes)
    #expect(whole.map(\.line) == [2, 3, 4])
    #expect(whole[1].object["name"] as? String == "a, [b] {c} \"}")
    // Cut the document into pieces of every size from one byte up: the same records.
    for size in [1, 2, 3, 7, 64] {
      var offset = 0
      let reader = JSONRecords {
        guard offset < bytes.count else { return nil }
        defer { offset += size }
        return Array(bytes[offset..<min(offset + size, bytes.count)])
      }
      var lines: [Int] = []
      var names: [String] = []
      while let record = try reader.next() {
        lines.append(record.line)
        names.append(record.object["name"] as? String ?? "")
      }
      #expect(lines == [2, 3, 4], "pieces of \(size)")
      #expect(names == whole.map { $0.object["name"] as? String ?? "" }, "pieces of \(size)")
      #expect(reader.bytesRead == bytes.count)
    }
  }

  @Test(
    "a JSON file broken between or inside records is refused, never read in part",
    arguments: [
      "[{\"a\": 1} {\"a\": 2}]", "[{\"a\": 1},]", "[{\"a\": 1}, {\"a\": }]",
      "[{\"a\": 1}, {\"a\": 2}", "[{\"a\": \"open]", "[{\"a\": 1}] [{\"a\": 2}]", "\"text\"",
      "", "[{\"a\": 1}]]",
    ])
  func jsonBroken(_ text: String) throws {
    #expect(throws: Refusal.self, "\(text)") { try JSONRecords.read(Array(text.utf8)) }
  }
}
