import AccordSamples
import AccordStore
import Glibc

/// The search-query translator and FTS5 behind it: any query is a result or one clear error,
/// never a crash, on a small record (the worked example); and the team's reader of the same
/// query agrees with FTS5.
nonisolated(unsafe) let store: AccordStore? = {
  guard let store = try? AccordStore.inMemory(today: WorkedExample.asOf) else { return nil }
  try? WorkedExample.load(into: store)
  return store
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearch(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let store, let fts = try? SearchQuery.fts(text) else { return 0 }
  // FTS5 is the reference for a team's search: FTS5 judges the query there too, then the team's
  // reader (TextSearchQuery) reads what FTS5 accepted, and must accept it. A disagreement is a
  // finding. (The reader alone refuses in FTS5's words too, except where FTS5's fixed stack ends.)
  let file = refusal { _ = try store.search(text, limit: 5) }
  let team = refusal { _ = try TextSearchQuery.judged(fts: fts, query: text) }
  guard file == team else {
    // On standard error, escaped (a query may hold a NUL), before the harness stops.
    let message =
      "FTS5 and the team's reader disagree on \(String(reflecting: text)): \(String(reflecting: file)) against \(String(reflecting: team))\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    abort()
  }
  return 0
}

/// What `body` throws, in words; nil when it does not throw.
func refusal(_ body: () throws -> Void) -> String? {
  do {
    try body()
    return nil
  } catch {
    return "\(error)"
  }
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
