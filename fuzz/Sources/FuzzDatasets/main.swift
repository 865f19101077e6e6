import AccordTransfer
import AccordSQLite
import AccordSamples
import AccordStore

/// The dataset row mappers: the same bytes as a PA-X file, a UCDP file and a treaty's status
/// table, each imported in a transaction then rolled back. A crash is a finding; an error is not.
nonisolated(unsafe) let store: AccordStore? = {
  guard let store = try? AccordStore.inMemory(today: Day.epoch) else { return nil }
  try? WorkedExample.load(into: store)
  return store
}()

struct RollBack: Error {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatasets(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard let store else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // The first byte chooses the mapper, so that each sees inputs of its own.
  let kind = bytes.first.map { Int($0) % 3 } ?? 0
  let rest = Array(bytes.dropFirst())
  _ = try? store.write {
    try store.connection.run("INSERT INTO bulk_write (id) VALUES (1)")
    switch kind {
    case 0: _ = try? PaxImport(store: store).run(ByteSource(bytes: rest))
    case 1: _ = try? UcdpImport(store: store).run(ByteSource(bytes: rest))
    default:
      _ = try? TreatyStatusImport(store: store, proposal: "us-resources-proposal").run(
        ByteSource(bytes: rest))
    }
    throw RollBack()
  }
  return 0
}

/// SwiftPM links an executable target's entry point as `FuzzDatasets_main`: here it hands over to
/// libFuzzer's driver, with this target's function.
@_cdecl("FuzzDatasets_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return llvmFuzzerRunDriver(&count, &arguments) { data, size in fuzzDatasets(data, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
