import AccordStore
import AccordSystem

/// Reads a file (or standard input) in large chunks, so that the readers above it stream: memory
/// stays the same whatever the file's size.
public final class ByteSource {
  let descriptor: Int32
  private let ownsDescriptor: Bool
  /// What the user named: a path, or `-` for standard input.
  public let name: String
  /// The file's size in bytes when known (a regular file), for progress estimates.
  public let size: Int?
  var buffer: [UInt8]
  /// The next unread byte is `buffer[position]`; bytes up to `end` are valid.
  var position = 0
  var end = 0
  private var finished = false
  /// Bytes read from the file so far (consumed or buffered).
  public private(set) var bytesRead = 0

  static let chunk = 1 << 18

  /// Opens `path`, or standard input for `-`.
  public init(path: String) throws(StoreError) {
    name = path
    if path == "-" {
      descriptor = System.standardInput
      ownsDescriptor = false
      size = nil
    } else {
      let opened: (descriptor: Int32, size: Int?)
      do {
        opened = try System.openForReading(path)
      } catch {
        throw .invalid("cannot read \(path): \(error)")
      }
      descriptor = opened.descriptor
      ownsDescriptor = true
      size = opened.size
    }
    buffer = [UInt8](repeating: 0, count: Self.chunk)
  }

  /// Reads from bytes in memory (tests).
  public init(bytes: [UInt8], name: String = "-") {
    self.name = name
    descriptor = -1
    ownsDescriptor = false
    size = bytes.count
    buffer = bytes
    end = bytes.count
    bytesRead = bytes.count
    finished = true
  }

  deinit {
    if ownsDescriptor { System.close(descriptor) }
  }

  /// Reads more bytes after `end`, keeping the unread ones from `keep` (default: `position`)
  /// on. False at the end of the file.
  func refill(keeping keep: Int? = nil) throws(StoreError) -> Bool {
    if finished { return false }
    let from = keep ?? position
    if from > 0 {
      let count = end - from
      if count > 0 {
        buffer.withUnsafeMutableBytes { bytes in
          guard let base = bytes.baseAddress else { return }
          // The two ranges may overlap: copyMemory moves as memmove does.
          base.copyMemory(from: base + from, byteCount: count)
        }
      }
      position -= from
      end = count
    }
    if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
    let start = end
    let read = buffer.withUnsafeMutableBytes { bytes in
      Result { () throws(SystemError) in
        try System.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: bytes[start...]))
      }
    }
    let got: Int
    switch read {
    case .success(let count): got = count
    case .failure(let error): throw .invalid("cannot read \(name): \(error)")
    }
    if got == 0 {
      finished = true
      return false
    }
    end += got
    bytesRead += got
    return true
  }

  /// The next byte without consuming it, or nil at the end.
  @inline(__always)
  func peek() throws(StoreError) -> UInt8? {
    if position < end { return buffer[position] }
    guard try refill() else { return nil }
    return buffer[position]
  }
}
