import AccordSamples
import AccordTestEngine
import Testing

@testable import AccordStore

/// `accord generate` makes the benchmarks' corpus through the store's own insert paths, so it must
/// produce only what the store accepts, at every size and seed: a corpus that broke a rule would
/// stop the generator (as it once did from the 610th negotiation on), or measure a record no
/// analyst could have entered.
@Suite struct SyntheticCorpusTests {
  /// The corpus tells each negotiation's story in order: checks that hold of any record the store
  /// accepts, and of the order in which the generator writes it.
  func checkConsistent(_ store: AccordStore, _ label: String) throws {
    let c = store.connection
    // Every step on or after the first day of its proposal's first step.
    let early = try c.integer(
      """
      SELECT count(*) FROM proposal_step s
      WHERE s.date_first < (SELECT min(f.date_first) FROM proposal_step f WHERE f.proposal_id = s.proposal_id)
        OR s.date_last < (SELECT f.date_first FROM proposal_step f WHERE f.proposal_id = s.proposal_id
          ORDER BY f.date_first, f.id LIMIT 1)
      """)
    #expect(early == 0, "\(label): steps before their proposal")
    // Each proposal's steps, in the order written, never go back in time.
    let backwards = try c.integer(
      """
      SELECT count(*) FROM proposal_step s JOIN proposal_step t
        ON t.proposal_id = s.proposal_id AND t.id > s.id AND t.date_first < s.date_first
      """)
    #expect(backwards == 0, "\(label): a proposal's later step dated before an earlier one")
    // Every counter or replacement on or after what it counters or replaces.
    let counters = try c.integer(
      """
      SELECT count(*) FROM proposal p
      JOIN proposal e ON e.id = coalesce(p.counters_id, p.supersedes_id)
      WHERE (SELECT min(date_first) FROM proposal_step WHERE proposal_id = p.id)
        < (SELECT min(date_first) FROM proposal_step WHERE proposal_id = e.id)
      """)
    #expect(counters == 0, "\(label): a counter before what it counters")
    let chained = try c.integer(
      "SELECT count(*) FROM proposal WHERE counters_id IS NOT NULL OR supersedes_id IS NOT NULL")
    // Every answer on or after the condition it answers.
    let answers = try c.integer(
      """
      SELECT count(*) FROM answer a JOIN position c ON c.id = a.condition_id
      WHERE a.date_first < c.date_first
      """)
    #expect(answers == 0, "\(label): an answer before its condition")
    let answered = try c.integer("SELECT count(*) FROM answer")
    // The checks looked at something: chains and answers are there to check.
    #expect((chained ?? 0) > 0 && (answered ?? 0) > 0, "\(label): no chains or answers to check")
    // Every precision is represented, so that benchmarks read imprecise dates too.
    let precisions = try c.all(
      "SELECT DISTINCT length(rtrim(date, '~?%')) FROM proposal_step ORDER BY 1"
    ) { $0.integer(0) }
    #expect(precisions == [4, 7, 10], "\(label): precisions \(precisions)")
  }

  /// A corpus of a few thousand negotiations, well past the 610th at which the generator once
  /// dated a step before its proposal.
  @Test func aLargeCorpusIsConsistent() throws {
    let store = try makeStore()
    let counts = try SyntheticCorpus(negotiations: 3_000, developments: 0, seed: 1).generate(into: store)
    #expect(counts.negotiations == 3_000)
    #expect(try count("negotiation", in: store) == 3_000)
    #expect(try count("proposal_step", in: store) == Int64(counts.steps))
    try checkConsistent(store, "seed 1")
  }

  /// Other seeds tell other stories; each is consistent too.
  @Test(arguments: 2...9) func everySeedIsConsistent(seed: Int) throws {
    let store = try makeStore()
    _ = try SyntheticCorpus(negotiations: 250, developments: 500, seed: UInt64(seed)).generate(into: store)
    try checkConsistent(store, "seed \(seed)")
    #expect(try count("development", in: store) == 500)
  }

  /// The same seed gives the same record, so that benchmark figures can be reproduced.
  @Test(.fileOnly) func theSameSeedGivesTheSameRecord() throws {
    func steps(_ seed: UInt64) throws -> [String] {
      let store = try makeStore()
      _ = try SyntheticCorpus(negotiations: 60, developments: 100, seed: seed).generate(into: store)
      return try store.connection.all(
        "SELECT proposal_id || ' ' || step || ' ' || date || ' ' || coalesce(party_id, '') FROM proposal_step ORDER BY id"
      ) { $0.text(0) }
    }
    #expect(try steps(4) == steps(4))
    #expect(try steps(4) != steps(5))
  }
}
