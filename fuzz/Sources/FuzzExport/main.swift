import AccordTransfer
import AccordSQLite
import AccordSamples
import AccordStore

/// The JSON and NDJSON reader and the export importer: any bytes are imported whole or refused
/// in one error, never a crash. Each input is imported in a transaction that is then rolled back,
/// so that every run starts from the same record (the worked example).
nonisolated(unsafe) let store: AccordStore? = {
  guard let store = try? AccordStore.inMemory(today: WorkedExample.asOf) else { return nil }
  try? WorkedExample.load(into: store)
  return store
}()

struct RollBack: Error {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard let store else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? store.write {
    // Marked as a bulk write already, so that the importer's own bulk write joins it without
    // dropping and making again every trigger on each run.
    try store.connection.run("INSERT INTO bulk_write (id) VALUES (1)")
    _ = try? AccordFile.importRecords(from: ByteSource(bytes: bytes), into: store)
    throw RollBack()
  }
  return 0
}

/// SwiftPM links an executable target's entry point as `FuzzExport_main`: here it hands over to
/// libFuzzer's driver, with this target's function.
@_cdecl("FuzzExport_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return llvmFuzzerRunDriver(&count, &arguments) { data, size in fuzzExport(data, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
