import ReliefStore
import ReliefStoreAPI

/// Opens a Relief database: the one place that chooses the engine from what `--db` names. Every
/// database is SQLite for now; a PostgreSQL URI will choose the PostgreSQL store here.
public enum Databases {
  /// The newest schema version this build knows.
  public static var schemaVersion: Int { ReliefStore.schemaVersion }

  /// Opens an existing database and migrates it forward; fails when there is none. `readOnly`
  /// opens it for reading only and migrates nothing. `tracingSQLTo` appends every statement run
  /// to that file, with its time.
  public static func open(
    at location: String, readOnly: Bool = false, tracingSQLTo trace: String? = nil
  ) throws -> any ReliefDatabase {
    try ReliefStore.open(at: location, readOnly: readOnly, tracingSQLTo: trace)
  }

  /// Creates the database (readable by its owner only), or opens and migrates it when it
  /// exists. Returns the database and whether it was created.
  public static func create(at location: String) throws -> (
    database: any ReliefDatabase, created: Bool
  ) {
    let (store, created) = try ReliefStore.create(at: location)
    return (store, created)
  }

  /// True when this process may write the database (and create what it needs beside it).
  public static func canWrite(_ location: String) -> Bool {
    ReliefStore.canWrite(location)
  }
}
