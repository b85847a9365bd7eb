import Foundation

/// The process environment, read once.
package enum Environment {
  package static var values: [String: String] { ProcessInfo.processInfo.environment }
}
