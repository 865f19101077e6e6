import AccordStore

/// One record of Accord's export format: a type (`actor`, `development`, …) and its fields, in the
/// order they are written. Export builds these from the tables; import reads them from a file and
/// writes them back through ``RecordImporter``. The format is documented in the README ("Export
/// and import").
public struct TransferRecord: Sendable, Equatable {
  public var type: String
  public var fields: [TransferField]

  public init(type: String, fields: [TransferField] = []) {
    self.type = type
    self.fields = fields
  }

  /// The value of `name`, or nil when the record has no such field (or it is null).
  public subscript(name: String) -> TransferValue? {
    for field in fields where field.name == name {
      if case .null = field.value { return nil }
      return field.value
    }
    return nil
  }

  /// Appends a field; nil, empty texts and empty lists are left out.
  mutating func add(_ name: String, _ value: TransferValue) {
    switch value {
    case .null: return
    case .list(let items) where items.isEmpty: return
    default: fields.append(TransferField(name: name, value: value))
    }
  }

  mutating func add(_ name: String, _ text: String?) {
    if let text { fields.append(TransferField(name: name, value: .text(text))) }
  }

  mutating func add(_ name: String, _ integer: Int64?) {
    if let integer { fields.append(TransferField(name: name, value: .integer(integer))) }
  }
}

public struct TransferField: Sendable, Equatable {
  public var name: String
  public var value: TransferValue

  public init(name: String, value: TransferValue) {
    self.name = name
    self.value = value
  }
}

/// A JSON value as the export format uses them: integers, texts, lists and objects (no fractions).
public enum TransferValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case integer(Int64)
  case number(String)
  case text(String)
  case list([TransferValue])
  case object([TransferField])

  /// What kind of value this is, in the words an error message uses.
  public var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "true or false"
    case .integer, .number: "a number"
    case .text: "a string"
    case .list: "an array"
    case .object: "an object"
    }
  }
}

/// The version of the export format that this Accord writes and reads.
public enum TransferFormat {
  public static let name = "accord-export"
  /// Version 2 added the `retraction` record type; version 3 the `participant`, `membership`,
  /// `answer`, `deadline` and `link` types (earlier versions list participants in their negotiation
  /// and keep answers among positions), a position's `revises`, and a step's `label`, `until` and
  /// `effective`. Earlier files read as before.
  public static let version: Int64 = 3

  /// Record types in the order an export writes them: every record refers only to records of
  /// earlier types or earlier in its own type.
  public static let types = [
    "actor", "membership", "affiliation", "source", "negotiation", "participant", "proposal", "step", "link",
    "term", "position", "answer", "term_link", "meeting", "quote", "development", "deadline",
    "dataset_record",
    "stage", "signatory", "retraction",
  ]
}
