import AccordStore
import AccordTransfer
import Foundation
import Testing

/// The PA-X and UCDP excerpts (Fixtures/) import with the expected negotiations, steps and actors.
@Suite struct DatasetImportTests {
  let folder: TemporaryFolder
  let store: AccordStore

  init() throws {
    folder = try TemporaryFolder()
    store = try folder.store()
  }

  @discardableResult
  func pax(_ path: String = fixtures + "/pax-excerpt.csv") throws -> DatasetSummary {
    try PaxImport(store: store).run(ByteSource(path: path))
  }

  @discardableResult
  func ucdp(_ path: String = fixtures + "/ucdp-excerpt.csv") throws -> DatasetSummary {
    try UcdpImport(store: store).run(ByteSource(path: path))
  }

  func proposal(_ slug: String) throws -> NegotiationDetail.Proposal {
    let id = try store.resolveProposal(slug)
    let negotiation = try #require(
      try store.connection.integer("SELECT negotiation_id FROM proposal WHERE id = ?", [.integer(id)]))
    return try #require(
      try store.negotiation(negotiation, asOf: testToday).proposals.first { $0.slug == slug })
  }

  func negotiationTitle(of slug: String) throws -> String? {
    try store.connection.first(
      "SELECT n.title FROM proposal p JOIN negotiation n ON n.id = p.negotiation_id WHERE p.slug = ?",
      [.text(slug)]
    ) { $0.text(0) }
  }

  @Test func paxAgreementsBecomeProposalsWithStepsFromTheirStatus() throws {
    let summary = try pax()
    #expect(summary.agreements == 15)
    #expect(summary.newAgreements == 15)
    #expect(
      Set(try store.negotiations(asOf: testToday).map(\.title)) == [
        "Ukraine peace process", "Algeria: Bouteflika Process", "Azerbaijan-Nagorno Karabakh: Process",
        "Bahrain: Reform-based peace process", "Bosnia peace process",
        "Colombia VI - Government-ELN post-2015 process",
      ])
    // Multiparty signed/agreed: signed on Dat, citing PA-X and the AgtId.
    let minsk2 = try proposal("pax-1364")
    #expect(minsk2.title == "Package of Measures for the Implementation of the Minsk Agreements (Minsk II)")
    // Signed as a whole, and by each signatory matched: Kuchma for Ukraine, Zurabov for Russia.
    #expect(
      minsk2.steps.map { "\($0.step.rawValue) \($0.party ?? "-")" } == [
        "signed -", "signed Ukraine", "signed Russia",
      ])
    #expect(Set(minsk2.steps.map(\.date.text)) == ["2015-02-12"])
    #expect(minsk2.steps.map(\.sources) == [["pax-1364"], ["pax-1364"], ["pax-1364"]])
    #expect(minsk2.sources == ["pax-1364"])
    #expect(minsk2.signed)
    // Stage and signatories, kept and shown as written.
    let facts = try #require(minsk2.dataset)
    #expect(facts.citation == "PA-X 1364")
    #expect(facts.stage == "Imp")
    #expect(facts.stageSub == "ImpMod")
    #expect(facts.stageText == "implementation (Imp, ImpMod)")
    #expect(facts.signatories?.hasPrefix("Second President of Ukraine, L. D. Kuchma\r\nAmbassador") == true)
    #expect(facts.thirdParties == "Ambassador Heidi Tagliavini")
    // Unilateral document: declared, in effect from its date, never a draft.
    #expect(try proposal("pax-930").steps.map(\.step) == [.declared])
    #expect(try proposal("pax-930").status == .declared)
    // Agreement with subsequent status: tabled; no later agreement of its process in the excerpt.
    #expect(try proposal("pax-1476").steps.map(\.step) == [.tabled])
    // Status unclear: unclear, neither a draft nor signed.
    let bahrain = try proposal("pax-1415")
    #expect(bahrain.status == .unclear)
    #expect(bahrain.steps.map(\.note) == ["status unclear (PA-X)"])
    // The source cites the agreement's page.
    #expect(
      try store.sources().first { $0.slug == "pax-1364" }?.url == "https://www.peaceagreements.org/view/1364")
  }

  @Test func paxCountriesAreMatchedFromConAndTheISOCodes() throws {
    try store.addActor(NewActor(name: "Ukraine", kind: .state, code: "UKR", aliases: ["Україна"]))
    try pax()
    // The existing Ukraine is used, not a second one.
    #expect(try store.actorIDs(named: "Ukraine").count == 1)
    let karabakh = try store.negotiation(
      store.resolveNegotiation("azerbaijan-nagorno-karabakh-process"), asOf: testToday)
    // The parties by Con and the codes; the Russian ministers PA-X lists as third parties (the
    // document was addressed to them) make Russia a mediator from its date.
    #expect(
      karabakh.participants.map { "\($0.actor) \($0.role.rawValue)" } == [
        "Armenia party", "Azerbaijan party", "Russia mediator",
      ])
    let bosnia = try store.negotiation(store.resolveNegotiation("bosnia-peace-process"), asOf: testToday)
    // Croatia from the signatories: "President of the Republic of Croatia, Dr. Franjo Tudjman".
    #expect(bosnia.participants.map(\.actor) == ["Bosnia and Herzegovina", "Croatia"])
    #expect(
      try store.actors(kind: .state).map(\.code) == [
        "DZA", "ARM", "AZE", "BHR", "BIH", "COL", "HRV", "FRA", "DEU", "RUS", "UKR",
      ])
  }

  @Test func anAgreementWithSubsequentStatusIsSupersededByTheNextOfItsProcess() throws {
    let text = try String(contentsOfFile: fixtures + "/pax-excerpt.csv", encoding: .utf8)
    // A later agreement of the Bosnia process (a copy of 1476, moved on a month).
    let lines = text.components(separatedBy: "\r\n")
    let bosnia = try #require(lines.first { $0.contains(",1476,") })
    let later = bosnia.replacing(",1476,", with: ",9476,").replacing("1992-07-08", with: "1992-08-08")
      .replacing("Agreement with subsequent status", with: "Multiparty signed/agreed")
    let file = try folder.file("pax.csv", text + later + "\r\n")
    try pax(file)
    let joint = try proposal("pax-1476")
    #expect(joint.steps.map(\.step) == [.tabled, .superseded])
    #expect(joint.steps.map(\.date.text) == ["1992-07-08", "1992-08-08"])
    #expect(!joint.live)
  }

  /// The whole UCDP file (374 agreements): rows that name several conflicts (`389, 398`) are
  /// recorded under the first, and the others are told of them.
  @Test func theWholeUcdpFileImports() throws {
    let summary = try ucdp(fixtures + "/ucdp-peace-agreements-22.1.csv")
    #expect(summary.agreements == 374)
    #expect(summary.newAgreements == 374)
    // Every party UCDP lists signed: one step each, and each is a party of the conflict.
    #expect(summary.signatoriesMatched == 1329)
    #expect(
      try store.connection.integer(
        "SELECT count(*) FROM proposal_step WHERE party_id IS NOT NULL AND step = 'signed'")
        == 1329)
    #expect(try store.deals(.unsigned, asOf: testToday).isEmpty)
    #expect(try store.deals(.declarations, asOf: testToday).isEmpty)
    #expect(
      try store.connection.integer("SELECT count(*) FROM dataset_record WHERE kind = 'agreement'") == 374)
    #expect(try negotiationTitle(of: "ucdp-1570") == "Bosnia-Herzegovina: Serb")
    let croat = try #require(try store.datasetRecord(.ucdp, .conflict, key: "398"))
    let told = try store.connection.all(
      "SELECT text FROM development WHERE negotiation_id = ? AND text LIKE 'UCDP agreement 1570,%'",
      [.integer(croat.target)]
    ) { $0.text(0) }
    #expect(told.count == 1)
    #expect(told.first?.contains("recorded under conflict 389 (Bosnia-Herzegovina: Serb)") == true)
    // Three conflicts in one row.
    #expect(try negotiationTitle(of: "ucdp-1485") == "Myanmar (Burma): Karen")
    #expect(try store.datasetRecord(.ucdp, .conflict, key: "264") != nil)
    // Importing the same file again adds nothing.
    let again = try ucdp(fixtures + "/ucdp-peace-agreements-22.1.csv")
    #expect(again.newAgreements == 0 && again.steps == 0 && again.facts == 0 && again.negotiations == 0)
  }

  @Test func ucdpAgreementsAreSignedAndEndedOnesTerminated() throws {
    let summary = try ucdp()
    #expect(summary.agreements == 11)
    let minsk1 = try proposal("ucdp-1536")
    #expect(minsk1.steps.filter { $0.party == nil }.map(\.step) == [.signed, .terminated])
    #expect(minsk1.steps.filter { $0.party == nil }.map(\.date.text) == ["2014-09-05", "2014-11-03"])
    #expect(minsk1.signed && !minsk1.live)
    // Each party UCDP lists signed it.
    #expect(
      minsk1.steps.filter { $0.party != nil }.map { "\($0.step.rawValue) \($0.party ?? "")" }.sorted() == [
        "signed DPR", "signed OSCE", "signed Russia", "signed Ukraine",
      ])
    let minsk2 = try proposal("ucdp-1537")
    #expect(minsk2.steps.filter { $0.party == nil }.map(\.step) == [.signed])
    #expect(minsk2.parties.map { "\($0.party) \($0.state.rawValue)" }.count == 4)
    #expect(minsk2.dataset?.thirdParties == "OSCE, Russia")
    #expect(try negotiationTitle(of: "ucdp-1537") == "Ukraine: Novorossiya")
    // Actors: governments are the states; the others are added once, by UCDP id.
    let novorossiya = try store.negotiation(store.resolveNegotiation("ukraine-novorossiya"), asOf: testToday)
    #expect(
      Set(novorossiya.participants.filter { $0.role == .party }.map(\.actor)) == [
        "OSCE", "Russia", "Ukraine", "United Armed Forces of Novorossiya",
      ])
    #expect(Set(novorossiya.participants.filter { $0.role == .mediator }.map(\.actor)) == ["OSCE", "Russia"])
    #expect(try store.actorIDs(named: "Government of Ukraine") == store.actorIDs(named: "Ukraine"))
    #expect(try store.actorIDs(named: "Hizb-i Wahdat").count == 1)
    #expect(
      try store.actors(kind: .state).map(\.name) == [
        "Afghanistan", "Angola", "Colombia", "Russia", "Ukraine",
      ])
  }

  @Test func afterBothTheMinskAgreementsAppearOncePerDatasetAndSignedDealsAreSigned() throws {
    try pax()
    try ucdp()
    for slug in ["pax-1363", "pax-1364", "ucdp-1536", "ucdp-1537"] {
      #expect(
        try store.connection.integer("SELECT count(*) FROM proposal WHERE slug = ?", [.text(slug)]) == 1)
      #expect(try negotiationTitle(of: slug)?.hasPrefix("Ukraine") == true, "\(slug)")
    }
    #expect(try store.connection.integer("SELECT count(*) FROM proposal WHERE title LIKE '%Minsk%'") == 3)
    // One Ukraine for both datasets.
    #expect(try store.actorIDs(named: "Ukraine").count == 1)
    // No unsigned deal: the unilateral documents are declarations, and the proposal never accepted
    // (1992) is a dormant draft.
    let (unsigned, dormant) = try store.dealList(.unsigned, asOf: testToday)
    #expect(unsigned.isEmpty)
    #expect(dormant == 1)
    #expect(try store.deals(.dormant, asOf: testToday).map(\.slug) == ["pax-1476"])
    #expect(
      Set(try store.deals(.declarations, asOf: testToday).map(\.slug)) == ["pax-930", "pax-1595", "pax-1732"])
    #expect(try store.deals(asOf: testToday).filter(\.signed).count == 11 + 10)
    // Status unclear: shown as such, neither unsigned nor signed.
    let unclear = try #require(try store.deals(asOf: testToday).first { $0.slug == "pax-1415" })
    #expect(unclear.status == .unclear && !unclear.signed)
  }

  @Test func reimportingAddsNothing() throws {
    try pax()
    try ucdp()
    // PA-X again: the OSCE, which the UCDP file named, is now matched among Minsk's third parties,
    // and joins the process as a mediator from the first of them (2014-09-05), once.
    let matched = try pax()
    #expect(matched.participants == 1 && matched.steps == 0)
    let before = try dump(store)
    let again = try pax()
    #expect(
      again.newAgreements == 0 && again.steps == 0 && again.facts == 0 && again.actors == 0
        && again.participants == 0)
    let ucdpAgain = try ucdp()
    #expect(ucdpAgain.newAgreements == 0 && ucdpAgain.steps == 0 && ucdpAgain.facts == 0)
    #expect(try dump(store) == before)
  }

  @Test func reimportingANewerPaxExportUpdatesRatherThanDuplicates() throws {
    try pax()
    let proposals = try store.connection.integer("SELECT count(*) FROM proposal")
    // The newer export: 930 is now signed, 2260 at another stage, 1364's third parties corrected.
    var text = try String(contentsOfFile: fixtures + "/pax-excerpt.csv", encoding: .utf8)
    text = text.replacing(
      "2014-06-20,Unilateral document", with: "2014-06-20,Multiparty signed/agreed")
    text = text.replacing(",Imp,ExtSub,", with: ",Ren,ExtSub,")
    text = text.replacing("Ambassador Heidi Tagliavini,", with: "OSCE Ambassador Heidi Tagliavini,")
    let summary = try pax(try folder.file("newer.csv", text))
    #expect(summary.newAgreements == 0)
    // Signed as a whole and by Ukraine ("Government of Ukraine (unilateral)").
    #expect(summary.steps == 2)
    #expect(summary.facts == 2)
    #expect(try store.connection.integer("SELECT count(*) FROM proposal") == proposals)
    // The earlier facts stay; the new ones are the current ones.
    #expect(try proposal("pax-930").steps.map(\.step) == [.declared, .signed, .signed])
    #expect(try proposal("pax-930").signed)
    #expect(try proposal("pax-2260").dataset?.stage == "Ren")
    #expect(
      try store.connection.integer(
        "SELECT count(*) FROM proposal_stage WHERE proposal_id = ?",
        [.integer(store.resolveProposal("pax-2260"))]) == 2)
    #expect(try proposal("pax-1364").dataset?.thirdParties == "OSCE Ambassador Heidi Tagliavini")
  }

  /// A record imported before unilateral documents were declarations holds them as drafts tabled:
  /// a re-import retracts that step (a new fact, with its reason) and records the declaration.
  @Test func reimportingCorrectsAnEarlierImportsDraftOfAUnilateralDocument() throws {
    try pax()
    let proposal930 = try store.resolveProposal("pax-930")
    let source = try #require(try store.connection.integer("SELECT id FROM source WHERE slug = 'pax-930'"))
    try store.write {
      let declared = "SELECT id FROM proposal_step WHERE proposal_id = ? AND step = 'declared'"
      try store.connection.run("DELETE FROM citation WHERE step_id IN (\(declared))", [.integer(proposal930)])
      try store.connection.run("DELETE FROM proposal_step WHERE id IN (\(declared))", [.integer(proposal930)])
      try store.addImportedStep(
        proposal: proposal930, .tabled, date: AccordDate(day: Day(year: 2014, month: 6, day: 20)!),
        note: "unilateral document (PA-X)", source: source)
    }
    #expect(try store.deals(.unsigned, asOf: Day(year: 2014, month: 7, day: 1)!).map(\.slug) == ["pax-930"])
    try pax()
    #expect(try store.deals(.unsigned, asOf: Day(year: 2014, month: 7, day: 1)!).isEmpty)
    #expect(try proposal("pax-930").steps.map(\.step) == [.declared])
    #expect(
      try store.connection.first(
        "SELECT reason FROM retraction WHERE record_table = 'proposal_step'", [], { $0.text(0) })
        == "PA-X: a unilateral document is a declaration in effect from its date, not a draft")
  }

  /// Minsk: the signatories PA-X lists as written are matched to Russia and Ukraine, which become
  /// parties of the process from the first agreement either signed; France and Germany, third
  /// parties at the Paris summit, are its mediators then.
  @Test func paxSignatoriesBecomePartiesWithTheirOwnSignatures() throws {
    let summary = try pax()
    #expect(summary.signatoryLists == 23)
    #expect(summary.signatoriesMatched == 26)
    #expect(summary.listsUnmatched == 8)
    #expect(
      summary.description.hasSuffix(
        "signatories: 26 matched to actors in 23 lists; 8 lists matched none (kept as written)"))
    let russia = try store.actorScope(try store.resolveActor("Russia"))
    let process = "ukraine-peace-process"
    #expect(
      !(try store.negotiations(party: russia, asOf: Day(year: 2014, month: 9, day: 4)!).map(\.slug).contains(
        process)))
    #expect(
      try store.negotiations(party: russia, asOf: Day(year: 2014, month: 9, day: 5)!).map(\.slug).contains(
        process))
    for slug in ["pax-1363", "pax-1362", "pax-1364", "pax-2117", "pax-2118", "pax-2236", "pax-2260"] {
      let detail = try store.proposalDetail(store.resolveProposal(slug), asOf: testToday)
      #expect(
        detail.parties.map { "\($0.party) \($0.state?.rawValue ?? "-") \($0.shared)" } == [
          "Russia signed false", "Ukraine signed false",
        ], "\(slug)")
    }
    let negotiation = try store.negotiation(store.resolveNegotiation(process), asOf: testToday)
    #expect(
      negotiation.participants.map { "\($0.actor) \($0.role.rawValue) \($0.since?.text ?? "-")" } == [
        "Russia party 2014-09-05", "Ukraine party -", "France mediator 2019-12-09",
        "Germany mediator 2019-12-09",
      ])
  }

  /// A live draft with nothing on it for a year is dormant: `deals --unsigned` as of any day lists
  /// only drafts active in the year before it, and every live draft is either listed or dormant.
  @Test func unsignedDealsAreOnlyDraftsActiveInTheYearBefore() throws {
    try pax()
    try ucdp()
    var day = Day(year: 1990, month: 1, day: 1)!
    var checked = 0
    while day < testToday {
      let (unsigned, leftOut) = try store.dealList(.unsigned, asOf: day)
      let dormant = try store.deals(.dormant, asOf: day)
      #expect(leftOut == dormant.count)
      for deal in unsigned {
        let active = try #require(deal.lastActive.flatMap { Day(iso: $0) })
        #expect(active.days(to: day) < Dormancy.defaultDays, "\(deal.slug) as of \(day)")
        #expect(deal.status.isDraft && deal.dormant == false)
      }
      let drafts = try store.deals(.all, asOf: day).filter { $0.status.isDraft }.map(\.slug)
      #expect(Set(unsigned.map(\.slug) + dormant.map(\.slug)) == Set(drafts), "as of \(day)")
      checked += unsigned.count
      guard let next = day.adding(days: 61) else { break }
      day = next
    }
    // The proposal never accepted was a draft in its first year, and dormant after.
    #expect(try store.deals(.unsigned, asOf: Day(year: 1992, month: 12, day: 1)!).map(\.slug) == ["pax-1476"])
    #expect(try store.deals(.dormant, asOf: Day(year: 1993, month: 7, day: 9)!).map(\.slug) == ["pax-1476"])
    #expect(checked > 0)
    // A negotiation can keep its drafts awake longer.
    try store.setDormantAfter(negotiation: "bosnia-peace-process", days: 3650)
    #expect(try store.deals(.unsigned, asOf: Day(year: 2000, month: 1, day: 1)!).map(\.slug) == ["pax-1476"])
    // A step wakes it.
    try store.addStep(
      proposal: "pax-1476", .tabled, date: AccordDate(day: Day(year: 2024, month: 6, day: 1)!))
    try store.setDormantAfter(negotiation: "bosnia-peace-process", days: nil)
    #expect(try store.deals(.unsigned, asOf: testToday).map(\.slug) == ["pax-1476"])
  }

  @Test func aBrokenRowNamesTheLineAndColumnAndWritesNothing() throws {
    try pax()
    let before = try dump(store)
    var text = try String(contentsOfFile: fixtures + "/pax-excerpt.csv", encoding: .utf8)
    text = text.replacing("2017-09-04", with: "2017-09-31")
    let message = errorText { try pax(try folder.file("bad.csv", text)) }
    #expect(message?.hasPrefix("line ") == true)
    #expect(
      message?.hasSuffix(#"column 'Dat': expected a date written YYYY-MM-DD, found "2017-09-31""#) == true,
      "\(message ?? "")")
    #expect(try dump(store) == before)
  }

  @Test func aFileThatIsNotTheDatasetIsRefused() throws {
    let message = errorText { try ucdp(fixtures + "/pax-excerpt.csv") }
    #expect(
      message
        == "\(fixtures)/pax-excerpt.csv has no column 'paid': is it a UCDP Peace Agreement Dataset CSV file?")
  }

  @Test func datasetRecordsTravelInTheExport() throws {
    try pax()
    try ucdp()
    let first = try exported(store)
    let copy = try folder.store("copy.sqlite")
    try importText(first, into: copy)
    #expect(try exported(copy) == first)
    // The copy recognises the datasets' records: a re-import into it adds nothing.
    let again = try PaxImport(store: copy).run(ByteSource(path: fixtures + "/pax-excerpt.csv"))
    #expect(again.newAgreements == 0 && again.steps == 0)
  }

  /// A dataset's names are held to the limits the schema keeps, though its import skips the
  /// schema's triggers: a 5,000-byte agreement name is refused, and nothing is written.
  @Test func anOverlongAgreementNameIsRefused() throws {
    let text = try String(contentsOfFile: fixtures + "/pax-excerpt.csv", encoding: .utf8)
    let reader = try CSVReader(source: ByteSource(bytes: Array(text.utf8)))
    let name = try #require(try reader.next()?.value("Agt"))
    let long = String(repeating: "N", count: 5000)
    let file = try folder.file("long.csv", text.replacingOccurrences(of: name, with: long))
    let before = try store.connection.integer("SELECT count(*) FROM proposal")
    #expect {
      try pax(file)
    } throws: { "\($0)".contains("is longer than Accord keeps") }
    #expect(try store.connection.integer("SELECT count(*) FROM proposal") == before)
  }
}
