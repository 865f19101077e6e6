/// A sum of money as analysts write it: "500 billion USD", "$500bn", "1.5 million EUR".
public struct Money: Sendable, Equatable, Codable {
  /// As typed.
  public let text: String
  /// In whole units of the currency.
  public let amount: Int64
  /// ISO 4217 code.
  public let currency: String

  static let scales: [String: Double] = [
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "t": 1e12,
  ]
  static let symbols: [String: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH"]

  public static func parse(_ input: String) throws(StoreError) -> Money {
    let text = input.trimmingSpaces
    let problem = StoreError.invalid(
      "'\(input)' is not a sum of money: write it as AMOUNT [thousand|million|billion|trillion] CURRENCY, such as \"500 billion USD\""
    )
    var currency: String?
    var words: [String] = []
    for scalarWord in text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }) {
      var word = String(scalarWord)
      if let first = word.first, let code = symbols[String(first)] {
        currency = code
        word.removeFirst()
      }
      if !word.isEmpty { words.append(word) }
    }
    // Split "500bn" into "500" "bn".
    var tokens: [String] = []
    for word in words {
      if let split = word.firstIndex(where: { !($0.isASCIIDigit || $0 == "." || $0 == ",") }),
        split != word.startIndex
      {
        tokens.append(String(word[..<split]))
        tokens.append(String(word[split...]))
      } else {
        tokens.append(word)
      }
    }
    guard let number = tokens.first.flatMap({ Double($0.replacing(",", with: "")) }), number >= 0,
      number.isFinite
    else { throw problem }
    var scale = 1.0
    for token in tokens.dropFirst() {
      if let factor = scales[token.lowercased()] {
        scale *= factor
      } else if token.count == 3, token.allSatisfy({ $0.isASCII && $0.isLetter }), currency == nil {
        currency = token.uppercased()
      } else {
        throw problem
      }
    }
    guard let currency else { throw problem }
    let amount = (number * scale).rounded()
    guard amount < 9e18 else { throw problem }
    return Money(text: text, amount: Int64(amount), currency: currency)
  }
}
