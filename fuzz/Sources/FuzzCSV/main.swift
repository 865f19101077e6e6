import AccordTransfer
import AccordStore

/// The CSV reader (RFC 4180, as PA-X, UCDP and treaty-status files are read): every row and
/// every column of any bytes, without a crash, a hang or a read out of bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let reader = try? CSVReader(source: ByteSource(bytes: bytes)) else { return 0 }
  let columns = reader.header
  while let row = try? reader.next() {
    for column in columns { _ = try? row.value(column) }
  }
  return 0
}

/// SwiftPM links an executable target's entry point as `FuzzCSV_main`: here it hands over to
/// libFuzzer's driver, with this target's function.
@_cdecl("FuzzCSV_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return llvmFuzzerRunDriver(&count, &arguments) { data, size in fuzzCSV(data, size) }
}

@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
