import AccordStore

/// Typed access to a ``TransferRecord``'s fields, with errors that name the field and say what
/// was expected: `field 'date': expected an EDTF date such as 2025-02-14, found "2025-02-30"`.
struct TransferFields {
  let record: TransferRecord

  func value(_ name: String) -> TransferValue? { record[name] }

  func missing(_ name: String) -> StoreError {
    .invalid("field '\(name)' is missing: a \(record.type) record needs it")
  }

  func wrongKind(_ name: String, _ value: TransferValue, expected: String) -> StoreError {
    .invalid("field '\(name)': expected \(expected), found \(value.kindName)")
  }

  func optionalText(_ name: String) throws(StoreError) -> String? {
    guard let value = value(name) else { return nil }
    guard case .text(let text) = value else { throw wrongKind(name, value, expected: "a string") }
    return text
  }

  /// A required string; an empty one counts as missing.
  func text(_ name: String) throws(StoreError) -> String {
    guard let text = try optionalText(name), !text.isEmpty else { throw missing(name) }
    return text
  }

  /// An optional string that must not be empty when present.
  func nonEmptyText(_ name: String) throws(StoreError) -> String? {
    guard let text = try optionalText(name) else { return nil }
    guard !text.isEmpty else { throw .invalid("field '\(name)': expected some text, found an empty string") }
    return text
  }

  func optionalInteger(_ name: String) throws(StoreError) -> Int64? {
    guard let value = value(name) else { return nil }
    guard case .integer(let integer) = value else {
      throw wrongKind(name, value, expected: "a whole number")
    }
    return integer
  }

  func integer(_ name: String) throws(StoreError) -> Int64 {
    guard let integer = try optionalInteger(name) else { throw missing(name) }
    return integer
  }

  /// A record's own id: a positive whole number.
  func id() throws(StoreError) -> Int64 {
    let id = try integer("id")
    guard id > 0 else { throw .invalid("field 'id': expected a positive whole number, found \(id)") }
    return id
  }

  /// A list of strings; absent means empty.
  func texts(_ name: String) throws(StoreError) -> [String] {
    guard let value = value(name) else { return [] }
    guard case .list(let items) = value else { throw wrongKind(name, value, expected: "an array of strings") }
    var result: [String] = []
    result.reserveCapacity(items.count)
    for item in items {
      guard case .text(let text) = item, !text.isEmpty else {
        throw .invalid(
          "field '\(name)': expected an array of non-empty strings, found \(item.kindName) in it")
      }
      result.append(text)
    }
    return result
  }

  /// A list of objects; absent means empty.
  func objects(_ name: String) throws(StoreError) -> [TransferRecord] {
    guard let value = value(name) else { return [] }
    guard case .list(let items) = value else { throw wrongKind(name, value, expected: "an array of objects") }
    var result: [TransferRecord] = []
    for item in items {
      guard case .object(let fields) = item else {
        throw .invalid("field '\(name)': expected an array of objects, found \(item.kindName) in it")
      }
      result.append(TransferRecord(type: record.type, fields: fields))
    }
    return result
  }

  /// One of `choices`.
  func choice(_ name: String, _ choices: [String]) throws(StoreError) -> String {
    guard let text = try optionalChoice(name, choices) else { throw missing(name) }
    return text
  }

  func optionalChoice(_ name: String, _ choices: [String]) throws(StoreError) -> String? {
    guard let text = try optionalText(name) else { return nil }
    guard choices.contains(text) else {
      throw .invalid(
        "field '\(name)': expected one of \(choices.joined(separator: ", ")), found \(Self.quoted(text))")
    }
    return text
  }

  /// A short id: lower-case letters, digits and hyphens, with a letter, at most 48 characters.
  func slug(_ name: String) throws(StoreError) -> String {
    let slug = try text(name)
    guard slug.utf8.count <= 48, Names.slug(slug) == slug, slug.contains(where: \.isLetter) else {
      throw .invalid(
        "field '\(name)': expected a short id (lower-case letters, digits and hyphens, with a letter), found \(Self.quoted(slug))"
      )
    }
    return slug
  }

  /// When the record was entered: `YYYY-MM-DDTHH:MM:SS[.fff]Z` (UTC); nil when absent.
  func recordedAt() throws(StoreError) -> String? {
    guard let text = try optionalText("recorded_at") else { return nil }
    guard Self.isTimestamp(text) else {
      throw .invalid(
        "field 'recorded_at': expected a UTC time such as 2025-02-15T09:30:00.000Z, found \(Self.quoted(text))"
      )
    }
    return text
  }

  static func isTimestamp(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      func digit(_ index: Int) -> Bool { bytes[index] >= 0x30 && bytes[index] <= 0x39 }
      guard bytes.count >= 20, bytes.count <= 30, bytes[bytes.count - 1] == UInt8(ascii: "Z"),
        bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
        bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
        [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18].allSatisfy(digit)
      else { return false }
      let month = Int(bytes[5] - 0x30) * 10 + Int(bytes[6] - 0x30)
      let day = Int(bytes[8] - 0x30) * 10 + Int(bytes[9] - 0x30)
      guard (1...12).contains(month), (1...31).contains(day) else { return false }
      if bytes.count == 20 { return true }
      guard bytes[19] == UInt8(ascii: "."), bytes.count > 21 else { return false }
      return (20..<(bytes.count - 1)).allSatisfy(digit)
    }
  }

  /// A text shown in an error: quoted, and cut when long.
  static func quoted(_ text: String) -> String {
    let short = text.count > 60 ? String(text.prefix(57)) + "..." : text
    return "\"" + short + "\""
  }

  /// Checks that the record has no field outside `known` (besides `type`): a field that Accord
  /// would drop is refused, so that an import never loses anything silently.
  func onlyFields(_ known: [String]) throws(StoreError) {
    for field in record.fields where field.name != "type" && !known.contains(field.name) {
      throw .invalid(
        "field '\(field.name)' is not a field of a \(record.type) record (expected \(known.joined(separator: ", ")))"
      )
    }
  }
}
