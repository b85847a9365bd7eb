import Foundation
import ReliefStoreAPI

/// Standard output: everything a command prints goes through here (never `Swift.print`), so that
/// a closed or full output is an error (`error: cannot write to standard output: ...`, exit 1)
/// rather than a silent success. Output is gathered in a buffer and written with `write(2)`,
/// line by line on a terminal; `Relief.run` flushes it before the process exits. Commands print
/// from one thread.
package enum StandardOutput {
  nonisolated(unsafe) private static var buffer: [UInt8] = []
  nonisolated(unsafe) private static var failure: OutputError?
  private static let capacity = 1 << 16
  private static let interactive = isatty(STDOUT_FILENO) == 1

  /// What a failed write does: `Relief.run` sets it to print `error: ...` and exit 1.
  package nonisolated(unsafe) static var failWriting: (any Error) -> Never = { _ in exit(1) }

  /// Prints text and a line end. A write error ends the command: `error: ...`, exit 1.
  package static func print(_ text: String, terminator: String = "\n") {
    do {
      try append(text.utf8, terminator.utf8)
    } catch {
      failWriting(error)
    }
  }

  /// Adds text; throws `OutputError.standardOutput` when the output cannot take it.
  package static func write(_ text: String) throws {
    try append(text.utf8)
  }

  /// Adds bytes; throws `OutputError.standardOutput` when the output cannot take them.
  package static func write(bytes: [UInt8]) throws {
    try append(bytes)
  }

  /// Adds bytes to the buffer straight from their source (no copy of a line on the way), and
  /// writes the buffer out when it is full or standard output is a terminal.
  private static func append<Bytes: Sequence>(_ bytes: Bytes, _ end: String.UTF8View = "".utf8)
    throws where Bytes.Element == UInt8
  {
    if let failure { throw failure }
    buffer.append(contentsOf: bytes)
    buffer.append(contentsOf: end)
    if buffer.count >= capacity || interactive { try flush() }
  }

  /// Writes what is buffered, then whatever a library printed through C's standard output.
  package static func flush() throws {
    if let failure { throw failure }
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { bytes in
        Foundation.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        try fail(errno)
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
    if fflush(nil) != 0 { try fail(errno == 0 ? EIO : errno) }
  }

  private static func fail(_ number: Int32) throws -> Never {
    let error = OutputError.standardOutput(.system(number))
    failure = error
    buffer.removeAll()
    throw error
  }

  /// Makes sure descriptors 0, 1 and 2 are open (on /dev/null when they were closed), so that no
  /// file Relief opens (a database, an output's temporary) takes their number and receives
  /// what is printed. A closed standard output then fails to write, as it should.
  package static func guardDescriptors() {
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
    where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      let opened = Foundation.open("/dev/null", O_RDONLY)
      if opened >= 0, opened != descriptor {
        dup2(opened, descriptor)
        Foundation.close(opened)
      }
    }
  }
}
