/// Analyst text made safe to put into a page: whatever it holds shows as text and runs nothing.
public enum Escape {
  /// Text for HTML content and attribute values: `& < > " '` as character references.
  public static func html(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
      return text
    }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// Text for Markdown (CommonMark): on one line, with the characters that would start emphasis,
  /// code, a link, raw HTML or a table cell escaped by a backslash, so that `<script>` shows as text.
  public static func markdown(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|": result += "\\" + String(character)
      case "\n", "\r", "\r\n": result += " "
      default: result.append(character)
      }
    }
    return result
  }

  /// A link target that a reader's browser may follow: http, https and mailto URLs only. Any other
  /// scheme (`javascript:`, `data:`) is shown as text, never linked.
  public static func safeURL(_ url: String) -> String? {
    let lower = url.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else {
      return nil
    }
    guard !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) else {
      return nil
    }
    return url
  }
}
