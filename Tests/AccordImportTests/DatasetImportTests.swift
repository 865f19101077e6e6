import AccordImport
import AccordStore
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
    #expect(minsk2.steps.map(\.step) == [.signed])
    #expect(minsk2.steps.map(\.date.text) == ["2015-02-12"])
    #expect(minsk2.steps.map(\.sources) == [["pax-1364"]])
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
    // Unilateral document: tabled.
    #expect(try proposal("pax-930").steps.map(\.step) == [.tabled])
    // Agreement with subsequent status: tabled; no later agreement of its process in the excerpt.
    #expect(try proposal("pax-1476").steps.map(\.step) == [.tabled])
    // Status unclear: no step, and a development that says so.
    #expect(try store.steps(proposal: store.resolveProposal("pax-1415"), asOf: testToday).isEmpty)
    let bahrain = try store.negotiation(
      store.resolveNegotiation("bahrain-reform-based-peace-process"), asOf: testToday)
    #expect(
      bahrain.developments.map(\.text).contains {
        $0.contains("agreement 1415") && $0.contains("status unclear")
      })
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
    #expect(Set(karabakh.participants.map(\.actor)) == ["Azerbaijan", "Armenia"])
    #expect(karabakh.participants.allSatisfy { $0.role == .party })
    let bosnia = try store.negotiation(store.resolveNegotiation("bosnia-peace-process"), asOf: testToday)
    #expect(bosnia.participants.map(\.actor) == ["Bosnia and Herzegovina"])
    #expect(try store.actors(kind: .state).map(\.code) == ["DZA", "ARM", "AZE", "BHR", "BIH", "COL", "UKR"])
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
    #expect(minsk1.steps.map(\.step) == [.signed, .terminated])
    #expect(minsk1.steps.map(\.date.text) == ["2014-09-05", "2014-11-03"])
    #expect(minsk1.signed && !minsk1.live)
    let minsk2 = try proposal("ucdp-1537")
    #expect(minsk2.steps.map(\.step) == [.signed])
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
    // Only the unilateral documents and the proposal never accepted are unsigned deals.
    #expect(
      Set(try store.deals(.unsigned, asOf: testToday).map(\.slug)) == [
        "pax-930", "pax-1595", "pax-1732", "pax-1476",
      ])
    #expect(try store.deals(asOf: testToday).filter(\.signed).count == 11 + 10)
  }

  @Test func reimportingAddsNothing() throws {
    try pax()
    try ucdp()
    let before = try dump(store)
    let again = try pax()
    #expect(again.newAgreements == 0 && again.steps == 0 && again.facts == 0 && again.actors == 0)
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
    #expect(summary.steps == 1)
    #expect(summary.facts == 2)
    #expect(try store.connection.integer("SELECT count(*) FROM proposal") == proposals)
    // The earlier facts stay; the new ones are the current ones.
    #expect(try proposal("pax-930").steps.map(\.step) == [.tabled, .signed])
    #expect(try proposal("pax-930").signed)
    #expect(try proposal("pax-2260").dataset?.stage == "Ren")
    #expect(
      try store.connection.integer(
        "SELECT count(*) FROM proposal_stage WHERE proposal_id = ?",
        [.integer(store.resolveProposal("pax-2260"))]) == 2)
    #expect(try proposal("pax-1364").dataset?.thirdParties == "OSCE Ambassador Heidi Tagliavini")
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
}
