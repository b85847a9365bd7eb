/// A page of a list: the entries shown, and how many matched in all.
public struct Page<Item: Sendable>: Sendable {
  /// The entries shown.
  public var items: [Item]
  /// How many entries matched.
  public var total: Int
  /// The limit asked for (0 for all).
  public var limit: Int

  /// How many matching entries were left out.
  public var leftOut: Int { max(0, total - items.count) }

  /// Creates one (for the stores).
  package init(items: [Item], total: Int, limit: Int) {
    self.items = items
    self.total = total
    self.limit = limit
  }
}

/// Where the entries of a whole listing go as they are read, a batch at a time: a listing of a
/// province (`relief case list --limit 0`) would not fit in memory as one page.
public struct ListSink<Item> {
  /// Entries handed over at once.
  public var batchSize: Int
  /// Called before the first batch with how many entries match; nil when the caller does not
  /// need the count (it costs a pass over the matches).
  public var start: ((Int) throws -> Void)?
  /// Called with each batch, in order.
  public var batch: ([Item]) throws -> Void

  public init(
    batchSize: Int = 1000, start: ((Int) throws -> Void)? = nil,
    batch: @escaping ([Item]) throws -> Void
  ) {
    self.batchSize = max(1, batchSize)
    self.start = start
    self.batch = batch
  }
}
