import AccordStore
import AccordSystem

/// Writes bytes to a file descriptor through a large buffer.
public final class ByteSink {
  let descriptor: Int32
  let name: String
  var buffer: [UInt8] = []
  static let flushSize = 1 << 18

  init(descriptor: Int32, name: String) {
    self.descriptor = descriptor
    self.name = name
    buffer.reserveCapacity(Self.flushSize + 4096)
  }

  @inline(__always)
  func write(_ text: StaticString) {
    buffer.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  @inline(__always)
  func write(_ byte: UInt8) { buffer.append(byte) }

  func flushIfFull() throws(StoreError) {
    if buffer.count >= Self.flushSize { try flush() }
  }

  /// Writes out what the buffer holds. A failure is not the user's mistake (exit 1, as any
  /// file Accord cannot write): the disk is full, the reader went away.
  func flush() throws(StoreError) {
    var failure: SystemError?
    buffer.withUnsafeBytes { bytes in
      do throws(SystemError) { try System.writeAll(descriptor, bytes) } catch { failure = error }
    }
    if let failure { throw .conflict("cannot write \(name): \(failure)") }
    buffer.removeAll(keepingCapacity: true)
  }
}

/// Writes Accord's export format: each record a JSON object on one line, its fields in a fixed
/// order, strings escaped minimally (`"`, `\` and control characters), so that the same record
/// always gives the same bytes.
struct JSONWriter {
  let sink: ByteSink

  func record(_ record: TransferRecord) {
    sink.write("{\"type\":")
    string(record.type)
    for field in record.fields {
      sink.write(UInt8(ascii: ","))
      string(field.name)
      sink.write(UInt8(ascii: ":"))
      value(field.value)
    }
    sink.write(UInt8(ascii: "}"))
  }

  func value(_ value: TransferValue) {
    switch value {
    case .null: sink.write("null")
    case .bool(let flag): flag ? sink.write("true") : sink.write("false")
    case .integer(let integer): sink.buffer.append(contentsOf: String(integer).utf8)
    case .number(let text): sink.buffer.append(contentsOf: text.utf8)
    case .text(let text): string(text)
    case .list(let items):
      sink.write(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { sink.write(UInt8(ascii: ",")) }
        self.value(item)
      }
      sink.write(UInt8(ascii: "]"))
    case .object(let fields):
      sink.write(UInt8(ascii: "{"))
      for (index, field) in fields.enumerated() {
        if index > 0 { sink.write(UInt8(ascii: ",")) }
        string(field.name)
        sink.write(UInt8(ascii: ":"))
        self.value(field.value)
      }
      sink.write(UInt8(ascii: "}"))
    }
  }

  static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  func string(_ text: String) {
    sink.write(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for index in 0..<bytes.count {
        let byte = bytes[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        sink.buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        start = index + 1
        switch byte {
        case 0x22: sink.write("\\\"")
        case 0x5C: sink.write("\\\\")
        case 0x0A: sink.write("\\n")
        case 0x0D: sink.write("\\r")
        case 0x09: sink.write("\\t")
        default:
          sink.write("\\u00")
          sink.write(Self.hex[Int(byte >> 4)])
          sink.write(Self.hex[Int(byte & 0xF)])
        }
      }
      sink.buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }
    sink.write(UInt8(ascii: "\""))
  }
}
