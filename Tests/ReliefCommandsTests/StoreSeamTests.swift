import Foundation
import Testing

/// The store seam (issue 12, items 4 and 5): the commands see a database through `ReliefStoreAPI`
/// only, so that a second engine is a second implementation of the same protocols; and the folder
/// lists of the README and Docs/architecture.md name every module there is.
@Suite("Store seam")
struct StoreSeamTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The modules each file of a source folder imports, with the file's path.
  static func imports(under folder: String) throws -> [(file: String, module: String)] {
    let base = root.appendingPathComponent(folder)
    var found: [(String, String)] = []
    let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String }
    for file in files ?? [] where file.hasSuffix(".swift") {
      let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n") {
        let words = line.split(separator: " ").map(String.init)
        if let index = words.firstIndex(of: "import"), index + 1 < words.count,
          words[..<index].allSatisfy({ $0.hasPrefix("@") })
        {
          found.append((folder + "/" + file, words[index + 1]))
        }
      }
    }
    return found
  }

  @Test("the commands import the seam, never an engine (ReliefStore, GRDB)")
  func commandsSeeTheSeamOnly() throws {
    let imports = try Self.imports(under: "Sources/ReliefCommands")
    #expect(imports.contains { $0.module == "ReliefStoreAPI" })
    for (file, module) in imports {
      #expect(
        !["ReliefStore", "GRDB", "SQLite3", "Crypto"].contains(module), "\(file) imports \(module)")
    }
  }

  @Test("the seam names no engine: ReliefStoreAPI imports the domain and Foundation only")
  func seamIsEngineFree() throws {
    for (file, module) in try Self.imports(under: "Sources/ReliefStoreAPI") {
      #expect(["Foundation", "ReliefDomain"].contains(module), "\(file) imports \(module)")
    }
  }

  @Test("the presentation names no engine and no argument parser: it renders what it is given")
  func presentationIsEngineFree() throws {
    let imports = try Self.imports(under: "Sources/ReliefPresentation")
    #expect(!imports.isEmpty)
    for (file, module) in imports {
      #expect(
        ["Foundation", "ReliefDomain", "ReliefStoreAPI"].contains(module),
        "\(file) imports \(module)")
    }
  }

  @Test("the opening of a database lives in ReliefStores alone")
  func openingLivesInOnePlace() throws {
    for folder in [
      "Sources/ReliefCommands", "Sources/ReliefPresentation", "Sources/ReliefStoreAPI",
    ] {
      let base = Self.root.appendingPathComponent(folder)
      let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String }
      for file in files ?? [] where file.hasSuffix(".swift") {
        let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
        #expect(!text.contains("ReliefStore.open"), "\(folder)/\(file) opens the SQLite store")
        #expect(!text.contains("ReliefStore.create"), "\(folder)/\(file) creates the SQLite store")
      }
    }
  }

  @Test("the README's folder list and Docs/architecture.md name every module in Sources/")
  func folderListsNameEveryModule() throws {
    let sources = Self.root.appendingPathComponent("Sources")
    let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path)
      .filter { !$0.hasPrefix(".") }
    #expect(modules.contains("ReliefStoreAPI"))
    for document in ["README.md", "Docs/architecture.md"] {
      let text = try String(
        contentsOf: Self.root.appendingPathComponent(document), encoding: .utf8)
      for module in modules {
        let listed = text.contains("Sources/\(module)/")
        #expect(listed, "\(document) does not list Sources/\(module)/")
      }
    }
  }
}
