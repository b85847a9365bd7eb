import Foundation

/// The encodings an import file may come in.
package enum ImportEncoding: String, CaseIterable {
  /// UTF-8, with or without a byte order mark.
  case utf8 = "utf-8"
  /// GB18030, which includes GBK and GB2312: what Excel saves as CSV on Chinese Windows.
  case gb18030

  /// Foundation's name for GB18030 (kCFStringEncodingGB_18030_2000).
  package static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)
}

/// Checks on the bytes of a text file.
package enum TextDecoding {
  /// The offset of the first byte that breaks UTF-8, or nil when all of it is valid. Runs of
  /// ASCII are skipped eight bytes at a time, and nothing is copied: files can be large.
  package static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBytes { buffer -> Int? in
      let count = buffer.count
      var offset = 0
      while offset < count {
        if offset + 8 <= count,
          buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          offset += 8
          continue
        }
        let lead = buffer[offset]
        if lead < 0x80 {
          offset += 1
          continue
        }
        let length: Int
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum) = (2, 0x80)
        case 0xE0...0xEF: (length, minimum) = (3, 0x800)
        case 0xF0...0xF4: (length, minimum) = (4, 0x1_0000)
        default: return offset
        }
        guard offset + length <= count else { return offset }
        var scalar = UInt32(lead) & (0xFF >> (length + 1))
        for index in 1..<length {
          let byte = buffer[offset + index]
          guard byte & 0xC0 == 0x80 else { return offset }
          scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        // Overlong forms, surrogates and values above U+10FFFF are not UTF-8.
        guard scalar >= minimum, scalar <= 0x10_FFFF, !(0xD800...0xDFFF).contains(scalar) else {
          return offset
        }
        offset += length
      }
      return nil
    }
  }

  /// The 1-based line an offset falls on.
  package static func lineOf(offset: Int, in bytes: [UInt8]) -> Int {
    bytes[..<min(offset, bytes.count)].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
  }
}
