import Foundation
import Testing

@testable import ReliefDomain
@testable import ReliefStore

@Suite("SQL trace")
struct TraceTests {
  @Test("a traced store appends each statement run, values bound, as SQL sqlite3 can run again")
  func trace() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("relief.sqlite").path
    let trace = folder.appendingPathComponent("trace.sql").path
    let (created, _) = try ReliefStore.create(at: path)
    try created.write { try $0.addEnterprise(StoreFixtures.enterprise(), now: StoreFixtures.now) }
    try created.close()

    let store = try ReliefStore.open(at: path, tracingSQLTo: trace)
    _ = try store.read { try $0.enterprise(StoreFixtures.nanshan) }
    try store.close()
    let text = try String(contentsOfFile: trace, encoding: .utf8)
    #expect(text.contains("WHERE uscc = '91440305MA5FXHGE2A';\n"))
    #expect(text.hasPrefix("-- "))
    #expect(text.contains(" ms\n"))
    // A second store appends rather than replaces.
    let again = try ReliefStore.open(at: path, tracingSQLTo: trace)
    _ = try again.read { try $0.counts() }
    try again.close()
    let more = try String(contentsOfFile: trace, encoding: .utf8)
    #expect(more.hasPrefix(text))
    #expect(more.contains("SELECT count(*) FROM cases;"))
  }
}
