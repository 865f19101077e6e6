import AccordSamples
import AccordStore

/// The search-query translator and FTS5 behind it: any query is a result or one clear error,
/// never a crash, on a small record (the worked example).
nonisolated(unsafe) let store: AccordStore? = {
  guard let store = try? AccordStore.inMemory(today: WorkedExample.asOf) else { return nil }
  try? WorkedExample.load(into: store)
  return store
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearch(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = try? SearchQuery.fts(text)
  _ = try? store?.search(text, limit: 5)
  return 0
}

/// SwiftPM links an executable target's entry point as `FuzzSearch_main`: here it hands over to
/// libFuzzer's driver, with this target's function.
@_cdecl("FuzzSearch_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return llvmFuzzerRunDriver(&count, &arguments) { data, size in fuzzSearch(data, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
