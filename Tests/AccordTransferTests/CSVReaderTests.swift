import AccordStore
import AccordTransfer
import Testing

@Suite struct CSVReaderTests {
  func rows(_ bytes: [UInt8]) throws -> (header: [String], rows: [[String: String]]) {
    let reader = try CSVReader(source: ByteSource(bytes: bytes))
    var rows: [[String: String]] = []
    while let row = try reader.next() {
      var values: [String: String] = [:]
      for name in reader.header where !name.isEmpty { values[name] = try row.text(name) }
      rows.append(values)
    }
    return (reader.header, rows)
  }

  @Test func readsTheQuirksOfTheRealFiles() throws {
    // A byte-order mark, CRLF, a quoted field with a line break, commas and doubled quotes, a
    // column name ending in a space, and a trailing comma that makes an unnamed last column.
    let text = "\u{FEFF}id,ref ,text,\r\n1,0,\"two\r\nlines, \"\"quoted\"\"\",\r\n2,1,plain,\r\n"
    let (header, rows) = try rows(Array(text.utf8))
    #expect(header == ["id", "ref", "text", ""])
    #expect(
      rows == [
        ["id": "1", "ref": "0", "text": "two\r\nlines, \"quoted\""],
        ["id": "2", "ref": "1", "text": "plain"],
      ])
  }

  @Test func readsLFAndAMissingLastLineEnd() throws {
    let (_, rows) = try rows(Array("a,b\nx,\"y\"\n\nz,w".utf8))
    #expect(rows == [["a": "x", "b": "y"], ["a": "z", "b": "w"]])
  }

  @Test func invalidUTF8NamesTheLineAndColumn() throws {
    let bytes = Array("name,place\n\"Kyiv\",ok\n\"Caf".utf8) + [0xE9] + Array("\",Paris\n".utf8)
    #expect(
      errorText { _ = try self.rows(bytes) }
        == "line 3, column 'name': the text is not valid UTF-8: save the file as UTF-8")
  }

  @Test func aRowWithTheWrongNumberOfFieldsIsRefused() throws {
    #expect(
      errorText { _ = try self.rows(Array("a,b\n1,2\n3\n".utf8)) }
        == "line 3: expected 2 fields as in the header, found 1")
  }

  @Test func anUnclosedQuoteIsRefused() throws {
    #expect(
      errorText { _ = try self.rows(Array("a,b\n1,\"2\n3\n".utf8)) }
        == "line 2: the file ends inside a quoted field")
  }

  @Test func readsTheFixturesWhole() throws {
    for (file, columns, count) in [("pax-excerpt.csv", 266, 15), ("ucdp-excerpt.csv", 68, 11)] {
      let reader = try CSVReader(source: ByteSource(path: fixtures + "/" + file))
      #expect(reader.header.count == columns)
      var rows = 0
      while try reader.next() != nil { rows += 1 }
      #expect(rows == count, "\(file)")
    }
  }
}
