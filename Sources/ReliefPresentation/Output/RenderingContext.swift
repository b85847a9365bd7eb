import ReliefDomain
import ReliefStoreAPI

/// What rendering needs of a running command: the agency, the day, the words and the terminal.
/// The command line's context provides it.
package protocol RenderingContext {
  /// The agency's settings.
  var agency: Agency { get }
  /// The agency's time zone.
  var zone: AgencyZone { get }
  /// Today in the agency's time zone.
  var today: LocalDate { get }
  /// The words of the chosen language.
  var t: Localizer { get }
  /// Where the output goes.
  var terminal: Terminal { get }
}
