import AccordStore
import AccordSystem

/// The two layouts of Accord's export format. Both hold the same records, one JSON object a line.
public enum ExportLayout: String, Sendable, CaseIterable {
  /// One JSON document: `{"format":"accord-export","version":1,"records":[` records `]}`.
  case json
  /// A header line `{"format":"accord-export","version":1}`, then one record a line.
  case ndjson
}

/// How far an import or export has got, for a progress line.
public struct TransferProgress: Sendable {
  public let records: Int
  public let bytes: Int
  public let totalBytes: Int?
}

/// What an import wrote, and what it found there already, by record type.
public struct ImportSummary: Sendable, CustomStringConvertible {
  public var added: [String: Int] = [:]
  public var present: [String: Int] = [:]

  public var addedCount: Int { added.values.reduce(0, +) }
  public var presentCount: Int { present.values.reduce(0, +) }

  public var description: String {
    func list(_ counts: [String: Int]) -> String {
      counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }
    var text = "Added \(addedCount) records"
    if addedCount > 0 { text += " (\(list(added)))" }
    if presentCount > 0 { text += "; \(presentCount) were there already (\(list(present)))" }
    return text
  }
}

/// Export and import of Accord's own record (the format is in the README, "Export and import").
public enum AccordFile {
  /// Writes the whole record (or the given record types) to `path`, or to standard output when nil
  /// or `-`. A file is written whole or not at all, mode 0600 (``OutputFile``): a failed export
  /// never leaves half a file, nor harms the file that was there.
  public static func export(
    _ store: AccordStore, layout: ExportLayout, types: Set<String>? = nil, to path: String?,
    progress: ((TransferProgress) -> Void)? = nil
  ) throws {
    guard let path, path != "-" else {
      try write(
        store, layout: layout, types: types,
        sink: ByteSink(descriptor: System.standardOutput, name: "standard output"), progress: progress)
      return
    }
    try OutputFile.write(to: path) { descriptor in
      try write(
        store, layout: layout, types: types, sink: ByteSink(descriptor: descriptor, name: path),
        progress: progress)
    }
  }

  static func write(
    _ store: AccordStore, layout: ExportLayout, types: Set<String>?, sink: ByteSink,
    progress: ((TransferProgress) -> Void)?
  ) throws {
    let writer = JSONWriter(sink: sink)
    sink.write("{\"format\":\"accord-export\",\"version\":")
    sink.buffer.append(contentsOf: String(TransferFormat.version).utf8)
    var count = 0
    var written = 0
    switch layout {
    case .json: sink.write(",\"records\":[")
    case .ndjson: sink.write("}\n")
    }
    try store.exportRecords(types: types) { record in
      if layout == .json { sink.write(count == 0 ? "\n" : ",\n") }
      writer.record(record)
      if layout == .ndjson { sink.write(UInt8(ascii: "\n")) }
      count += 1
      if sink.buffer.count >= ByteSink.flushSize {
        written += sink.buffer.count
        try sink.flush()
        progress?(TransferProgress(records: count, bytes: written, totalBytes: nil))
      }
    }
    if layout == .json { sink.write(count == 0 ? "]}\n" : "\n]}\n") }
    try sink.flush()
  }

  /// Reads an export (either layout) from `source` and merges it into the store, in one
  /// transaction: all of it, or nothing. Errors name the line, the record and the field.
  public static func importRecords(
    from source: ByteSource, into store: AccordStore, progress: ((TransferProgress) -> Void)? = nil
  ) throws -> ImportSummary {
    let reader = JSONReader(source: source)
    return try store.bulk {
      let importer = try RecordImporter(store: store)
      var number = 0
      /// The fast path: a development as `accord export` writes it, if the next record is one.
      func takeExportedDevelopment() throws -> Bool {
        let line = reader.line
        guard let development = try reader.exportedDevelopment() else { return false }
        number += 1
        if let problem = FieldLimit.problem(development.text, field: "text") {
          throw StoreError.invalid("line \(line), record \(number): \(problem)")
        }
        do {
          try importer.addDevelopment(
            id: development.id, negotiation: development.negotiation, date: development.date,
            text: development.text, recordedAt: development.recordedAt)
        } catch {
          guard let error = StoreError(error) else { throw error }
          throw located(
            error, line: line, number: number,
            record: TransferRecord(
              type: "development", fields: [.init(name: "id", value: .integer(development.id))]))
        }
        if number & 0xFFF == 0 {
          progress?(TransferProgress(records: number, bytes: source.bytesRead, totalBytes: source.size))
        }
        return true
      }
      func take(_ fields: [TransferField], line: Int) throws {
        number += 1
        var record = TransferRecord(type: "", fields: fields)
        // Every text held to the limits the schema keeps (FieldLimit), naming line and field.
        func check(_ value: TransferValue, field: String) throws {
          switch value {
          case .text(let text):
            if let problem = FieldLimit.problem(text, field: field) {
              throw StoreError.invalid("line \(line), record \(number): \(problem)")
            }
          case .list(let values): for value in values { try check(value, field: field) }
          case .object(let fields): for inner in fields { try check(inner.value, field: inner.name) }
          default: break
          }
        }
        for field in fields { try check(field.value, field: field.name) }
        guard case .text(let type)? = record["type"] else {
          throw StoreError.invalid(
            "line \(line), record \(number): field 'type' is missing or not a string: every record says what it is"
          )
        }
        record.type = type
        do {
          try importer.add(record)
        } catch {
          guard let error = StoreError(error) else { throw error }
          throw located(error, line: line, number: number, record: record)
        }
        if number & 0xFFF == 0 {
          progress?(TransferProgress(records: number, bytes: source.bytesRead, totalBytes: source.size))
        }
      }
      do {
        guard try reader.skipSpace() != nil else {
          throw StoreError.invalid("\(source.name) is empty: expected an Accord export")
        }
        try reader.expect(UInt8(ascii: "{"), "an Accord export, which starts with '{'")
        var format: String?
        var version: Int64?
        var layout = ExportLayout.ndjson
        if !(try reader.consume(UInt8(ascii: "}"))) {
          repeat {
            let headerLine = reader.line
            let name = try reader.key()
            if name == "records" {
              try checkHeader(format: format, version: version, line: headerLine)
              layout = .json
              try reader.expect(UInt8(ascii: "["), "'[' to open the list of records")
              if !(try reader.consume(UInt8(ascii: "]"))) {
                repeat {
                  if try takeExportedDevelopment() { continue }
                  let line = reader.line
                  try take(try reader.object(), line: line)
                } while try listContinues(reader)
              }
            } else {
              let value = try reader.value()
              switch (name, value) {
              case ("format", .text(let text)): format = text
              case ("version", .integer(let number)): version = number
              case ("version", _):
                throw StoreError.invalid(
                  "line \(headerLine): field 'version': expected a whole number, found \(value.kindName)")
              default: break
              }
            }
          } while try objectContinues(reader)
        }
        if layout == .ndjson {
          try checkHeader(format: format, version: version, line: 1)
          while try reader.skipSpace() != nil {
            if try takeExportedDevelopment() { continue }
            let line = reader.line
            try take(try reader.object(), line: line)
          }
        } else if try reader.skipSpace() != nil {
          throw StoreError.invalid("line \(reader.line): there is more after the end of the export")
        }
      } catch let error as JSONReader.SyntaxError {
        throw StoreError.invalid("line \(error.line): \(error.message)")
      }
      do {
        try importer.flushDevelopments()
      } catch StoreError.database(.sqlite(_, _, let message, _)) {
        throw StoreError.invalid("the database refused a development of the file: \(message)")
      }
      return ImportSummary(added: importer.added, present: importer.present)
    }
  }

  private static func listContinues(_ reader: JSONReader) throws -> Bool {
    if try reader.consume(UInt8(ascii: ",")) { return true }
    try reader.expect(UInt8(ascii: "]"), "',' or ']' after a record")
    return false
  }

  private static func objectContinues(_ reader: JSONReader) throws -> Bool {
    if try reader.consume(UInt8(ascii: ",")) { return true }
    try reader.expect(UInt8(ascii: "}"), "',' or '}'")
    return false
  }

  private static func checkHeader(format: String?, version: Int64?, line: Int) throws {
    guard format == TransferFormat.name else {
      throw StoreError.invalid(
        "line \(line): this is not an Accord export: it should start with {\"format\":\"accord-export\",\"version\":\(TransferFormat.version)"
      )
    }
    guard let version else {
      throw StoreError.invalid("line \(line): field 'version' is missing from the export's header")
    }
    guard version <= TransferFormat.version, version >= 1 else {
      throw StoreError.invalid(
        "line \(line): the export is of version \(version); this Accord reads version \(TransferFormat.version): upgrade Accord"
      )
    }
  }

  /// The error with the line and record it concerns in front.
  static func located(_ error: StoreError, line: Int, number: Int, record: TransferRecord) -> StoreError {
    var place = "line \(line), record \(number) (\(record.type)"
    if case .integer(let id)? = record["id"] { place += " \(id)" }
    place += "): "
    switch error {
    case .invalid(let message): return .invalid(place + message)
    case .conflict(let message): return .conflict(place + message)
    default: return .conflict(place + error.description)
    }
  }
}
