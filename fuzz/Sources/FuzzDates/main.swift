import AccordStore

/// The date parser (EDTF: 2025, 2025-02, 2025-02-14, ~ ? %, spans): any text either fails or
/// gives a date whose own text parses back to the same date, first day not after the last.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let date = try? AccordDate.parse(text, today: Day.epoch) else { return 0 }
  precondition(date.first <= date.last, "\(text): first day after the last")
  guard let again = try? AccordDate.parse(date.text, today: Day.epoch) else {
    preconditionFailure("\(text) parsed as \(date.text), which does not parse")
  }
  precondition(again == date, "\(text): \(date.text) parses back as \(again.text)")
  return 0
}

/// SwiftPM links an executable target's entry point as `FuzzDates_main`: here it hands over to
/// libFuzzer's driver, with this target's function.
@_cdecl("FuzzDates_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return llvmFuzzerRunDriver(&count, &arguments) { data, size in fuzzDates(data, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
