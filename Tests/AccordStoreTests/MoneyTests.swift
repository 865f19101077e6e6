import Testing

@testable import AccordStore

/// Sums of money as analysts write them.
@Suite struct MoneyTests {
  @Test(
    arguments: [
      ("500 billion USD", 500_000_000_000, "USD"),
      ("$1.5bn", 1_500_000_000, "USD"),
      ("€20 million", 20_000_000, "EUR"),
      ("$500bn", 500_000_000_000, "USD"),
      ("1.5 million EUR", 1_500_000, "EUR"),
      ("£3 m", 3_000_000, "GBP"),
      ("₴ 40 billion", 40_000_000_000, "UAH"),
      ("¥7 trillion", 7_000_000_000_000, "JPY"),
      ("1,000,000 uah", 1_000_000, "UAH"),
      ("250 thousand usd", 250_000, "USD"),
      ("0.29 billion USD", 290_000_000, "USD"),
      ("100 USD", 100, "USD"),
      ("  350\u{A0}billion USD  ", 350_000_000_000, "USD"),
      ("2 Bn EUR", 2_000_000_000, "EUR"),
    ] as [(String, Int64, String)])
  func parsesSums(input: String, amount: Int64, currency: String) throws {
    let money = try Money.parse(input)
    #expect(money.amount == amount)
    #expect(money.currency == currency)
    #expect(money.text == input.trimmingSpaces)
  }

  @Test(arguments: [
    "lots", "500 billion", "", "USD", "billion USD", "-5 USD", "500 billion USD EUR", "$500 EUR",
    "500 zillion USD", "500 billion dollars", "10 million trillion USD", "five hundred USD",
    "1e30 USD",
    "nan USD", "inf USD", "1.5.3 USD",
  ])
  func refusesWhatIsNotASum(input: String) {
    let expected =
      "'\(input)' is not a sum of money: write it as AMOUNT [thousand|million|billion|trillion] CURRENCY, such as \"500 billion USD\""
    let error = #expect(throws: StoreError.self) { try Money.parse(input) }
    #expect(error == .invalid(expected))
    #expect(error?.isUsageError == true)
  }

  @Test func aProposalStoresTheSumAsTypedAndInUnits() throws {
    let store = try makeMineralsStore()
    try store.addProposal(
      NewProposal(
        negotiation: "minerals", title: "US proposal", by: "United States",
        date: try date("2025-02"),
        slug: "us-proposal", value: "$500bn"))
    let row = try #require(
      try store.connection.first("SELECT value, value_amount, value_currency FROM proposal") {
        ($0.text(0), $0.integer(1), $0.text(2))
      })
    #expect(row.0 == "$500bn")
    #expect(row.1 == 500_000_000_000)
    #expect(row.2 == "USD")
  }

  @Test func aProposalWithAnUnreadableSumIsNotRecorded() throws {
    let store = try makeMineralsStore()
    let before = try rowCounts(store)
    let error = #expect(throws: StoreError.self) {
      try store.addProposal(
        NewProposal(
          negotiation: "minerals", title: "US proposal", by: "United States",
          date: try date("2025-02"),
          value: "a lot of money"))
    }
    #expect(error?.description.hasPrefix("'a lot of money' is not a sum of money") == true)
    #expect(try rowCounts(store) == before)
  }
}
