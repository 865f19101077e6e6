import Testing

@testable import AccordStore

/// An unknown name's hint points at a command that exists.
@Suite struct ErrorTextTests {
  @Test(arguments: [
    ("actor", "'accord actor list'"), ("negotiation", "'accord negotiation list'"),
    ("condition", "'accord condition list'"), ("source", "'accord source list'"),
    ("proposal", "'accord deals'"), ("step", "'accord timeline NEGOTIATION'"),
    ("meeting", "'accord timeline NEGOTIATION'"),
  ])
  func anUnknownNameSaysWhereToLook(kind: String, hint: String) {
    let error = StoreError.notFound(kind: kind, name: "x", candidates: [])
    #expect(error.description == "no \(kind) named 'x': see \(hint)")
  }
}
