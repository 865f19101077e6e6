import AccordSamples
import AccordStore

/// The short-id maker and the name resolver: any name gives a short id that is a valid one (or
/// empty), and resolving it finds one record, names several, or says what is closest.
nonisolated(unsafe) let store: AccordStore? = {
  guard let store = try? AccordStore.inMemory(today: WorkedExample.asOf) else { return nil }
  try? WorkedExample.load(into: store)
  return store
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNames(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let slug = Names.slug(text)
  precondition(
    slug.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D },
    "\(text): short id \(slug) has a character a short id cannot have")
  precondition(slug.count <= 48, "\(text): short id \(slug) is longer than 48")
  _ = Names.key(text)
  _ = Names.closest(to: text, among: ["Volodymyr Zelenskyy", "Зеленський", "Türkiye", text])
  _ = try? store?.resolveActor(text)
  _ = try? store?.resolveNegotiation(text)
  _ = try? store?.resolveProposal(text)
  _ = try? store?.resolveSource(text)
  return 0
}

/// SwiftPM links an executable target's entry point as `FuzzNames_main`: here it hands over to
/// libFuzzer's driver, with this target's function.
@_cdecl("FuzzNames_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return llvmFuzzerRunDriver(&count, &arguments) { data, size in fuzzNames(data, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
