import Foundation
import ReliefPresentation
import ZIPFoundation

/// The zip archive an `.xlsx` workbook is, through ZIPFoundation: the parts `XLSXWriter` writes
/// zipped, and the parts `XLSXReader` reads unzipped.
package enum WorkbookArchive {
  /// Parts (path and XML text) zipped with deflate, as a workbook's bytes.
  package static func zip(_ parts: [(String, String)]) throws -> Data {
    let archive = try Archive(accessMode: .create)
    // A fixed time, so that the same data gives the same file.
    let stamp = Date(timeIntervalSince1970: 1_262_304_000)
    for (path, text) in parts {
      let bytes = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
        compressionMethod: .deflate
      ) { position, size in
        bytes.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let data = archive.data else { throw Refusal("xlsx.error.write") }
    return data
  }

  /// The sheets of a workbook's bytes; a `Refusal` for bytes that are not a workbook.
  package static func read(_ data: Data) throws -> XLSXReader {
    let archive: Archive
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw Refusal("xlsx.error.not-xlsx")
    }
    return try XLSXReader { path in
      guard let entry = archive[path] else { return nil }
      var bytes: [UInt8] = []
      do {
        _ = try archive.extract(entry) { bytes.append(contentsOf: $0) }
      } catch {
        throw Refusal("xlsx.error.not-xlsx")
      }
      return bytes
    }
  }
}
