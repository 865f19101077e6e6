import AccordStore

/// A streaming JSON reader: values are read one at a time from a ``ByteSource``, so that a file of
/// a million records is never held in memory. It counts lines for error messages, refuses what
/// RFC 8259 refuses (and invalid UTF-8), and reads numbers as whole numbers where they are.
final class JSONReader {
  let source: ByteSource
  /// The line of the next unread byte (1-based).
  private(set) var line = 1
  private var scratch: [UInt8] = []
  static let maximumDepth = 64
  /// The field whose value is being read, for an error about it.
  private var field: String?
  /// The longest string read whole: the longest text Accord keeps. A longer one is refused as
  /// soon as it is seen, so that a huge field never fills memory.
  static let longestString = FieldLimit.text

  init(source: ByteSource) {
    self.source = source
    scratch.reserveCapacity(256)
  }

  struct SyntaxError: Error {
    let line: Int
    let message: String
  }

  func error(_ message: String) -> SyntaxError { SyntaxError(line: line, message: message) }

  /// How many bytes of the file come before the next unread one.
  var offset: Int { source.bytesRead - (source.end - source.position) }

  /// Skips white space; returns the next byte without consuming it, or nil at the end.
  func skipSpace() throws -> UInt8? {
    while true {
      // Locals, not the properties, in the loop: no exclusivity check a byte.
      var position = source.position
      let end = source.end
      var lines = 0
      let found: UInt8? = source.buffer.withUnsafeBufferPointer { buffer in
        while position < end {
          let byte = buffer[position]
          switch byte {
          case 0x20, 0x09, 0x0D: position += 1
          case 0x0A:
            lines += 1
            position += 1
          default: return byte
          }
        }
        return nil
      }
      source.position = position
      line += lines
      if let found { return found }
      guard try source.refill() else { return nil }
    }
  }

  /// Consumes `byte` after white space, or fails saying what was expected.
  func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws {
    guard let next = try skipSpace() else { throw error("the file ends where \(what()) was expected") }
    guard next == byte else { throw error("expected \(what()), found \(Self.describe(next))") }
    source.position += 1
  }

  /// Consumes the next byte if it is `byte` (after white space).
  func consume(_ byte: UInt8) throws -> Bool {
    guard try skipSpace() == byte else { return false }
    source.position += 1
    return true
  }

  static func describe(_ byte: UInt8) -> String {
    switch byte {
    case 0x20...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
    default: "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
  }

  /// Reads any value.
  func value(depth: Int = 0) throws -> TransferValue {
    guard let byte = try skipSpace() else { throw error("the file ends in the middle of a record") }
    switch byte {
    case UInt8(ascii: "\""):
      return .text(try string())
    case UInt8(ascii: "{"):
      return .object(try object(depth: depth + 1))
    case UInt8(ascii: "["):
      guard depth < Self.maximumDepth else { throw error("values are nested too deeply") }
      source.position += 1
      var items: [TransferValue] = []
      if try consume(UInt8(ascii: "]")) { return .list(items) }
      let start = offset
      repeat {
        items.append(try value(depth: depth + 1))
        // A list of many long items is refused before it fills memory, as a record is.
        if offset - start > FieldLimit.importLine {
          let which = field.map { "field '\($0)'" } ?? "a list"
          throw error(
            "\(which) is longer than Accord reads (more than \(FieldLimit.words(FieldLimit.importLine))): split it"
          )
        }
      } while try separator(closing: UInt8(ascii: "]"), "',' or ']'")
      return .list(items)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return try number()
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default:
      throw error("expected a value, found \(Self.describe(byte))")
    }
  }

  /// After an item: true after a comma (another item follows), false after `closing`.
  private func separator(closing: UInt8, _ what: String) throws -> Bool {
    guard let next = try skipSpace() else { throw error("the file ends in the middle of a record") }
    source.position += 1
    if next == UInt8(ascii: ",") { return true }
    if next == closing { return false }
    source.position -= 1
    throw error("expected \(what), found \(Self.describe(next))")
  }

  /// Reads an object's fields, in order.
  func object(depth: Int = 1) throws -> [TransferField] {
    guard depth <= Self.maximumDepth else { throw error("values are nested too deeply") }
    try expect(UInt8(ascii: "{"), "'{'")
    var fields: [TransferField] = []
    fields.reserveCapacity(8)
    if try consume(UInt8(ascii: "}")) { return fields }
    let start = offset
    repeat {
      let name = try key()
      field = name
      fields.append(TransferField(name: name, value: try value(depth: depth)))
      field = nil
      // One record a line, and no line longer than this: a record of many long fields is
      // refused before it fills memory.
      if offset - start > FieldLimit.importLine {
        throw error(
          "a record is longer than Accord reads (more than \(FieldLimit.words(FieldLimit.importLine))): split it"
        )
      }
    } while try separator(closing: UInt8(ascii: "}"), "',' or '}'")
    return fields
  }

  /// Reads `"name":` inside an object.
  func key() throws -> String {
    guard let next = try skipSpace() else { throw error("the file ends in the middle of a record") }
    guard next == UInt8(ascii: "\"") else {
      throw error("expected a field name in quotes, found \(Self.describe(next))")
    }
    let name = try string()
    try expect(UInt8(ascii: ":"), "':' after the field name \"\(name)\"")
    return name
  }

  private func literal(_ word: StaticString) throws {
    for index in 0..<word.utf8CodeUnitCount {
      guard let byte = try source.peek(), byte == word.utf8Start[index] else {
        throw error("expected \(word)")
      }
      source.position += 1
    }
  }

  private func number() throws -> TransferValue {
    scratch.removeAll(keepingCapacity: true)
    while let byte = try source.peek() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
        UInt8(ascii: "e"), UInt8(ascii: "E"):
        guard scratch.count < 1_000 else {
          throw error("a number is longer than any Accord reads (1,000 characters)")
        }
        scratch.append(byte)
        source.position += 1
      default:
        return try finishNumber()
      }
    }
    return try finishNumber()
  }

  private func finishNumber() throws -> TransferValue {
    let text = String(decoding: scratch, as: UTF8.self)
    if let integer = Int64(text) { return .integer(integer) }
    guard Double(text) != nil, text.last?.isNumber == true else { throw error("'\(text)' is not a number") }
    return .number(text)
  }

  /// Reads a string (the opening quote is next), decoding escapes and checking UTF-8.
  func string() throws -> String {
    source.position += 1
    scratch.removeAll(keepingCapacity: true)
    var ascii = true
    while true {
      // The fast path: copy a run of plain bytes.
      var stop = source.position
      let end = source.end
      let found: UInt8? = source.buffer.withUnsafeBufferPointer { buffer in
        while stop < end {
          let byte = buffer[stop]
          if byte == 0x22 || byte == 0x5C || byte < 0x20 { return byte }
          if byte >= 0x80 { ascii = false }
          stop += 1
        }
        return nil
      }
      let start = source.position
      if scratch.count + (stop - start) > Self.longestString {
        let which = field.map { "field '\($0)'" } ?? "a string"
        throw error(
          "\(which) is longer than Accord keeps (more than \(FieldLimit.words(Self.longestString))): shorten it"
        )
      }
      if found == 0x22, scratch.isEmpty {
        // The whole string is in the buffer, without escapes: make it straight from there.
        source.position = stop + 1
        let text: String? = source.buffer.withUnsafeBufferPointer { buffer in
          let bytes = UnsafeBufferPointer(rebasing: buffer[start..<stop])
          return ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
        }
        guard let text else { throw error("a string is not valid UTF-8: save the file as UTF-8") }
        return text
      }
      if stop > start {
        source.buffer.withUnsafeBufferPointer { buffer in
          scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<stop]))
        }
        source.position = stop
      }
      guard let byte = found else {
        guard try source.refill() else { throw error("the file ends inside a string") }
        continue
      }
      source.position += 1
      switch byte {
      case 0x22:
        if ascii { return String(decoding: scratch, as: UTF8.self) }
        guard let text = String(validating: scratch, as: UTF8.self) else {
          throw error("a string is not valid UTF-8: save the file as UTF-8")
        }
        return text
      case 0x5C:
        try escape()
      default:
        throw error(
          "a string holds a raw control character (\(Self.describe(byte))): write it as an escape such as \\n"
        )
      }
    }
  }

  private func escape() throws {
    guard let byte = try source.peek() else { throw error("the file ends inside a string") }
    source.position += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try hex4()
      if (0xD800..<0xDC00).contains(scalar) {
        guard try source.peek() == UInt8(ascii: "\\") else {
          throw error("a \\u escape holds half a surrogate pair")
        }
        source.position += 1
        guard try source.peek() == UInt8(ascii: "u") else {
          throw error("a \\u escape holds half a surrogate pair")
        }
        source.position += 1
        let low = try hex4()
        guard (0xDC00..<0xE000).contains(low) else { throw error("a \\u escape holds half a surrogate pair") }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      }
      guard let unicode = Unicode.Scalar(scalar) else { throw error("a \\u escape is not a character") }
      scratch.append(contentsOf: String(Character(unicode)).utf8)
    default:
      throw error("'\\\(Character(Unicode.Scalar(byte)))' is not a JSON escape")
    }
  }

  private func hex4() throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = try source.peek() else { throw error("the file ends inside a string") }
      source.position += 1
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("a \\u escape needs four hex digits")
      }
      value = value * 16 + digit
    }
    return value
  }
}
