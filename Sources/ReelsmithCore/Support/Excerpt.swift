/// A short, sanitized quotation of what a file holds, for a message that syncs back to whoever
/// dropped the file (issue 12): at most 60 characters (an ellipsis included when cut), every
/// control or bidirectional-override character escaped. A message never quotes more of a file.
package enum Excerpt {
    package static let maximumCharacters = 60

    package static func quote(_ text: some StringProtocol) -> String {
        assemble(text.unicodeScalars.lazy.map(escaped), limit: maximumCharacters)
    }

    /// Bytes that may not be UTF-8 (a file name, a broken cell): valid scalars as ``quote(_:)``
    /// shows them, each byte that is not part of a valid sequence as `\xE9`. A nil `limit` keeps
    /// it all (a file name, which is at most 255 bytes).
    package static func quote(bytes: some Collection<UInt8>, limit: Int? = maximumCharacters) -> String {
        let bytes = Array(bytes)
        var offset = 0
        let pieces = AnyIterator<String> {
            guard offset < bytes.count else { return nil }
            let length = validSequenceLength(bytes, at: offset)
            defer { offset += max(1, length) }
            guard length > 0 else { return hex(bytes[offset]) }
            return escaped(String(decoding: bytes[offset..<offset + length], as: UTF8.self).unicodeScalars.first!)
        }
        return assemble(pieces, limit: limit ?? .max)
    }

    /// Joins escaped pieces; when they exceed the limit, keeps what fits before an ellipsis.
    private static func assemble(_ pieces: some Sequence<String>, limit: Int) -> String {
        var kept: [String] = []
        var count = 0
        for piece in pieces {
            kept.append(piece)
            count += piece.count
            guard count > limit else { continue }
            while count > limit - 1, let last = kept.popLast() { count -= last.count }
            return kept.joined() + "…"
        }
        return kept.joined()
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }

    /// The length of the valid UTF-8 sequence starting at `offset`, 0 when none does.
    private static func validSequenceLength(_ bytes: [UInt8], at offset: Int) -> Int {
        let length: Int
        switch bytes[offset] {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard offset + length <= bytes.count,
            String(validating: bytes[offset..<offset + length], as: UTF8.self) != nil
        else { return 0 }
        return length
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: break
        }
        let isControl = scalar.properties.generalCategory == .control
        // Bidirectional overrides and isolates can make a message read differently from what it holds.
        let isBidiControl =
            (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || [0x200E, 0x200F, 0xFEFF].contains(scalar.value)
        guard isControl || isBidiControl else { return String(scalar) }
        return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }
}
