import Foundation
import Testing

/// A retracted negotiation, named directly, is still shown (an analyst may look at what was
/// retracted), but says so, with the reason.
@Suite struct RetractedNegotiationTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.add("actor", "add", "Ukraine", "--kind", "state")
    try sandbox.add("negotiation", "add", "Grain corridor", "--id", "grain", "--party", "Ukraine")
    try sandbox.add("log", "grain", "Talks resumed", "--on", "2025-02-01")
    try sandbox.add(
      "proposal", "add", "grain", "Corridor draft", "--id", "corridor", "--by", "Ukraine", "--on",
      "2025-02-02")
    try sandbox.add("retract", "negotiation", "grain", "--reason", "a duplicate track")
  }

  @Test func showSaysItWasRetracted() throws {
    let result = try sandbox.run("negotiation", "show", "grain")
    #expect(result.status == 0, "\(result)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count > 1)
    // Its proposals went with it, as the line says; what it logged is still shown.
    #expect(!result.stdout.contains("Corridor draft"))
    #expect(result.stdout.contains("Talks resumed"))
    #expect(
      lines.dropFirst().first
        == "Retracted: a duplicate track (hidden from listings, deals, search and reports; its proposals and conditions with it)"
    )
    let json = try #require(
      try sandbox.json("negotiation", "show", "grain") as? [String: Any])
    #expect(json["retraction"] as? String == "a duplicate track")
  }

  @Test func timelineNotesItOnStandardError() throws {
    let result = try sandbox.run("timeline", "grain")
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr == "Note: this negotiation was retracted: a duplicate track\n")
    #expect(result.stdout.contains("Talks resumed"))
  }

  @Test func aLiveNegotiationSaysNothingOfTheKind() throws {
    try sandbox.add("negotiation", "add", "Ceasefire", "--id", "ceasefire", "--party", "Ukraine")
    let show = try sandbox.run("negotiation", "show", "ceasefire")
    #expect(!show.stdout.contains("Retracted"))
    let json = try #require(
      try sandbox.json("negotiation", "show", "ceasefire") as? [String: Any])
    #expect(json["retraction"] == nil)
    #expect(try sandbox.run("timeline", "ceasefire").stderr == "")
  }
}
