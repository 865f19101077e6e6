import AccordSamples
import AccordStore
import AccordTestEngine
import AccordTransfer
import Foundation
import Testing

/// The fuzz targets' checks (fuzz/Sources), run in the normal suite on every input that once
/// found something (fuzz/regressions/TARGET/) and on the targets' seeds (fuzz/seeds/), so that
/// what a fuzzer found stays fixed and the checks themselves stay right.
@Suite struct FuzzRegressionTests {
  static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "fuzz")

  /// The inputs for a target: its regressions and its seeds.
  static func inputs(_ target: String, seeds: String) -> [(name: String, bytes: [UInt8])] {
    var found: [(String, [UInt8])] = []
    for folder in ["regressions/" + target, "seeds/" + seeds] {
      let path = fuzz.appending(path: folder).path
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      for name in names.sorted() where name != "README.md" {
        if let data = FileManager.default.contents(atPath: path + "/" + name) {
          found.append((folder + "/" + name, Array(data)))
        }
      }
    }
    return found
  }

  @Test func datesParseBackToThemselves() throws {
    let inputs = Self.inputs("FuzzDates", seeds: "dates")
    #expect(inputs.count >= 5)
    for (name, bytes) in inputs {
      let text = String(decoding: bytes, as: UTF8.self)
      guard let date = try? AccordDate.parse(text, today: Day.epoch) else { continue }
      #expect(date.first <= date.last, "\(name)")
      #expect(try AccordDate.parse(date.text, today: Day.epoch) == date, "\(name)")
    }
  }

  @Test func shortIdsAreValidAndNamesResolveOrSayWhy() throws {
    let store = try TestEngine.store(today: WorkedExample.asOf)
    try WorkedExample.load(into: store)
    for (name, bytes) in Self.inputs("FuzzNames", seeds: "names") {
      let text = String(decoding: bytes, as: UTF8.self)
      let slug = Names.slug(text)
      #expect(
        slug.count <= 48 && slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") },
        "\(name)")
      _ = try? store.resolveActor(text)
    }
  }

  @Test(.fileOnly("FTS5 on a file is the oracle of a team's reader"))
  func searchesAnswerOrSayWhy() throws {
    let store = try TestEngine.store(today: WorkedExample.asOf)
    try WorkedExample.load(into: store)
    for (name, bytes) in Self.inputs("FuzzSearch", seeds: "search") {
      let text = String(decoding: bytes, as: UTF8.self)
      // The fuzz target's oracle: a team's search accepts what FTS5 accepts, or refuses alike.
      var file: String? = nil
      do { _ = try store.search(text, limit: 5) } catch { file = "\(error)" }
      guard let fts = try? SearchQuery.fts(text) else { continue }
      var team: String? = nil
      do { _ = try TextSearchQuery.judged(fts: fts, query: text) } catch { team = "\(error)" }
      // Compared escaped: an input may hold a NUL, which would cut the failure's message short.
      #expect(String(reflecting: team) == String(reflecting: file), "\(name)")
    }
  }

  @Test func exportsImportWholeOrNot() throws {
    let inputs = Self.inputs("FuzzExport", seeds: "export")
    #expect(inputs.count >= 2)
    for (name, bytes) in inputs {
      let store = try TestEngine.store(today: WorkedExample.asOf)
      // A seed is an export of the worked example: it imports into an empty record.
      let imported = Result { try AccordFile.importRecords(from: ByteSource(bytes: bytes), into: store) }
      if name.hasPrefix("seeds/") {
        #expect((try? imported.get())?.addedCount ?? 0 > 20, "\(name): \(imported)")
      }
    }
  }

  @Test func csvFilesReadWhole() throws {
    for (_, bytes) in Self.inputs("FuzzCSV", seeds: "csv") {
      guard let reader = try? CSVReader(source: ByteSource(bytes: bytes)) else { continue }
      while let row = try? reader.next() {
        for column in reader.header { _ = try? row.value(column) }
      }
    }
  }
}
