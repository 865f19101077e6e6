import AccordStore

/// A development record as `accord export` writes it, read straight from the bytes.
struct ExportedDevelopment {
  let id: Int64
  let negotiation: String
  let date: String
  let text: String
  let recordedAt: String
}

extension JSONReader {
  /// The next record when it is a development written exactly as `accord export` writes it (its
  /// fields in that order, on one line, no escapes, no actors or sources), read without building a
  /// ``TransferRecord``: the fast path of large imports. Nil, having consumed nothing, for anything
  /// else, which the general reader then reads (and reports, when it is wrong).
  func exportedDevelopment() throws -> ExportedDevelopment? {
    guard try skipSpace() == UInt8(ascii: "{") else { return nil }
    // A whole line in the buffer.
    var searched = source.position
    while true {
      let end = source.end
      let found: Int? = source.buffer.withUnsafeBufferPointer { buffer in
        var index = searched
        while index < end {
          if buffer[index] == 0x0A { return index }
          index += 1
        }
        return nil
      }
      if found != nil { break }
      // A line longer than a development can be (its text up to 1 MB, escaped at most 6 bytes a
      // character is not this path's): left to the general reader, which refuses a field that is
      // too long as soon as it has read that much.
      if end - source.position > FieldLimit.text + 65_536 { return nil }
      searched = end
      let offset = searched - source.position
      let start = source.position
      guard try source.refill(keeping: start) else { break }
      searched = source.position + max(0, offset)
    }
    let start = source.position
    let end = source.end
    let parsed: (ExportedDevelopment, Int)? = source.buffer.withUnsafeBufferPointer { buffer in
      var cursor = start
      func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard cursor + count <= end else { return false }
        for index in 0..<count where buffer[cursor + index] != text.utf8Start[index] { return false }
        cursor += count
        return true
      }
      func string() -> String? {
        let from = cursor
        var ascii = true
        while cursor < end {
          let byte = buffer[cursor]
          if byte == 0x22 { break }
          if byte == 0x5C || byte < 0x20 { return nil }
          if byte >= 0x80 { ascii = false }
          cursor += 1
        }
        guard cursor < end else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: buffer[from..<cursor])
        cursor += 1
        return ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
      }
      guard literal(#"{"type":"development","id":"#) else { return nil }
      var id: Int64 = 0
      let digits = cursor
      while cursor < end, buffer[cursor] >= 0x30, buffer[cursor] <= 0x39, cursor - digits < 18 {
        id = id * 10 + Int64(buffer[cursor] - 0x30)
        cursor += 1
      }
      guard cursor > digits, literal(#","negotiation":""#), let negotiation = string(),
        literal(#","date":""#), let date = string(), literal(#","text":""#), let text = string(),
        literal(#","recorded_at":""#), let recordedAt = string(), literal("}")
      else { return nil }
      return (
        ExportedDevelopment(id: id, negotiation: negotiation, date: date, text: text, recordedAt: recordedAt),
        cursor
      )
    }
    guard let parsed else { return nil }
    source.position = parsed.1
    return parsed.0
  }
}
