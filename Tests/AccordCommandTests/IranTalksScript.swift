import Foundation
import Testing

/// The Iran nuclear talks, 2003–2025, entered through the binary as an analyst would enter them
/// from the public record: eight parties joining over time, an interim deal adopted without
/// signature and extended three times, a framework agreed in principle, the JCPOA adopted without
/// signature, its milestones, the United States' withdrawal notified and in effect, Iran's
/// suspension of its commitments, and the JCPOA's termination.
///
/// Dates: the E3 ministers in Tehran 2003-10-21; China, Russia and the US join, the EU High
/// Representative coordinating, 2006-06-01; the Joint Plan of Action agreed in Geneva 2013-11-24,
/// implemented from 2014-01-20, extended on 2014-07-19 to 2014-11-24, on 2014-11-24 to 2015-06-30
/// and on 2015-06-30 to 2015-07-07; the Lausanne round 2015-03-26/2015-04-02 and its joint
/// statement 2015-04-02; the JCPOA concluded in Vienna 2015-07-14 (never signed), Adoption Day
/// 2015-10-18, Implementation Day 2016-01-16; the US withdrawal announced 2018-05-08, its sanctions
/// re-imposed in full 2018-11-05 after the wind-down periods; Iran's first step back from its
/// commitments 2019-05-08; Termination Day 2025-10-18. (Sources: UN, EU Council, US State
/// Department and UK Parliament records, gathered for these tests.)
enum IranTalksScript {
  static let negotiation = "iran-nuclear"

  static let commands: [[String]] = [
    ["actor", "add", "Iran", "--kind", "state", "--code", "IRN", "--alias", "Islamic Republic of Iran"],
    ["actor", "add", "China", "--kind", "state", "--code", "CHN"],
    ["actor", "add", "France", "--kind", "state", "--code", "FRA"],
    ["actor", "add", "Germany", "--kind", "state", "--code", "DEU"],
    ["actor", "add", "Russia", "--kind", "state", "--code", "RUS", "--alias", "Russian Federation"],
    ["actor", "add", "United Kingdom", "--kind", "state", "--code", "GBR", "--alias", "UK"],
    ["actor", "add", "United States", "--kind", "state", "--code", "USA", "--alias", "US"],
    ["actor", "add", "European Union", "--kind", "organization", "--alias", "EU"],
    [
      "negotiation", "add", "Iran nuclear talks", "--id", negotiation, "--party", "Iran", "--tag", "nuclear",
      "--summary", "Iran's nuclear programme, and the sanctions on Iran.",
    ],
    ["negotiation", "join", negotiation, "France", "Germany", "UK", "--as", "party", "--on", "2003-10-21"],
    [
      "log", negotiation, "E3 foreign ministers in Tehran: Iran to sign the Additional Protocol", "--on",
      "2003-10-21",
    ],
    ["negotiation", "join", negotiation, "China", "Russia", "US", "--as", "party", "--on", "2006-06-01"],
    ["negotiation", "join", negotiation, "EU", "--as", "coordinator", "--on", "2006-06-01"],
    ["log", negotiation, "Vienna: the six and the EU agree the June 2006 proposals", "--on", "2006-06-01"],
    // The interim deal.
    [
      "proposal", "add", negotiation, "Joint Plan of Action", "--id", "jpoa", "--by", "EU", "--on",
      "2013-11-24",
    ],
    ["proposal", "step", "jpoa", "adopted", "--on", "2013-11-24", "--note", "agreed in Geneva"],
    ["proposal", "step", "jpoa", "in-force", "--on", "2014-01-20", "--note", "implementation begins"],
    ["proposal", "step", "jpoa", "extended", "--on", "2014-07-19", "--until", "2014-11-24"],
    ["proposal", "step", "jpoa", "extended", "--on", "2014-11-24", "--until", "2015-06-30"],
    ["proposal", "step", "jpoa", "extended", "--on", "2015-06-30", "--until", "2015-07-07"],
    // The framework, tabled in the Lausanne round and agreed in principle at its end.
    [
      "proposal", "add", negotiation, "Lausanne framework", "--id", "lausanne", "--by", "EU", "--on",
      "2015-03-26/2015-04-02",
    ],
    [
      "proposal", "step", "lausanne", "agreed-in-principle", "--on", "2015-04-02", "--note",
      "joint statement",
    ],
    // The JCPOA.
    [
      "proposal", "add", negotiation, "Joint Comprehensive Plan of Action", "--id", "jcpoa", "--by", "EU",
      "--on", "2015-07-14", "--supersedes", "lausanne",
    ],
    [
      "proposal", "step", "jcpoa", "adopted", "--on", "2015-07-14", "--note",
      "concluded in Vienna; never signed",
    ],
    ["proposal", "step", "jcpoa", "milestone", "Adoption Day", "--on", "2015-10-18"],
    ["proposal", "step", "jcpoa", "milestone", "Implementation Day", "--on", "2016-01-16"],
    ["proposal", "step", "jcpoa", "in-force", "--on", "2016-01-16"],
    ["proposal", "step", "jpoa", "superseded", "--on", "2016-01-16", "--note", "the JCPOA is implemented"],
    [
      "proposal", "step", "jcpoa", "withdrawal-notified", "--party", "US", "--on", "2018-05-08",
      "--effective",
      "2018-11-05", "--note", "wind-down periods of 90 and 180 days",
    ],
    [
      "proposal", "step", "jcpoa", "suspended", "--party", "Iran", "--on", "2019-05-08", "--note",
      "first step back from its commitments",
    ],
    [
      "proposal", "step", "jcpoa", "terminated", "--on", "2025-10-18", "--note",
      "Termination Day: Iran declares it terminated; the E3 hold that UN sanctions snapped back",
    ],
  ]

  /// The record the commands make, made once for the test run.
  static let template = Sandbox.template(commands)

  /// Gives `sandbox` the record every command makes (a copy of the one made once).
  static func enter(into sandbox: Sandbox) throws {
    try sandbox.load(template)
  }
}
