/// How long a text may be, in bytes of UTF-8 (Migrations/0012_size_limits.sql holds the schema
/// to the same numbers): a name, title, place, label, URL or other short field up to 4 KB; a text,
/// note, summary, quote or term up to 1 MB; one line of an import up to 16 MB.
public enum FieldLimit {
  public static let name = 4_096
  public static let text = 1_048_576
  public static let importLine = 16 << 20

  /// The export's fields that hold long text; every other text field is a short one.
  public static let longFields: Set<String> = [
    "text", "terms", "note", "summary", "context", "reason", "term", "demands", "offers", "precondition",
    "red_line", "in_exchange_for", "conditional_on",
  ]

  /// The most bytes a field named `field` may hold.
  public static func limit(of field: String) -> Int { longFields.contains(field) ? text : name }

  /// "1 MB" or "4 KB".
  public static func words(_ bytes: Int) -> String {
    bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB"
  }

  /// Why `value` is too long for `field`, or nil.
  public static func problem(_ value: String, field: String) -> String? {
    let limit = limit(of: field)
    let size = value.utf8.count
    guard size > limit else { return nil }
    return
      "field '\(field)' is longer than Accord keeps (\(size) bytes; up to \(words(limit)) for it): shorten it"
  }
}
