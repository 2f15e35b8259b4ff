import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// What is wrong with text that should be one JSON object (RFC 8259), said first and precisely,
/// and the repair of the breakages models make most (issue 19): a raw line break or tab inside a
/// string, a comma before `}` or `]`. A model told "missing key `title`" when its title was there
/// (the real fault a raw newline) cannot correct itself.
package enum JSONDiagnosis {
    /// The first fault: where (1-based line and column, in characters) and what.
    package struct Fault: Sendable, Equatable, CustomStringConvertible {
        package var offset: Int
        package var line: Int
        package var column: Int
        package var problem: String

        package var description: String { "line \(line), column \(column): \(problem)" }
    }

    /// Nesting deeper than this is refused (a model's score or script is four levels deep).
    static let maximumDepth = 64

    /// The first fault in `text` taken as one JSON value, or nil when it is valid.
    package static func fault(in text: String) -> Fault? {
        var reader = Reader(Array(text.unicodeScalars))
        return reader.document()
    }

    /// `text` with raw control characters inside strings escaped and commas before `}` or `]`
    /// removed, when that is all that is wrong: nil when nothing changed or another fault remains.
    package static func repaired(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var scanner = JSONStringScanner()
        var changed = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scanner.role(of: scalar) {
            case .text where scalar.value < 0x20:
                let escape: String
                switch scalar {
                case "\n": escape = "\\n"
                case "\r": escape = "\\r"
                case "\t": escape = "\\t"
                default: escape = "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                }
                output.append(contentsOf: escape.unicodeScalars)
                changed = true
                continue
            case .structure where scalar == ",":
                var next = index
                while next < scalars.count, isWhitespace(scalars[next]) { next += 1 }
                if next < scalars.count, scalars[next] == "}" || scalars[next] == "]" {
                    changed = true
                    continue
                }
            default:
                break
            }
            output.append(scalar)
        }
        let result = String(output)
        guard changed, fault(in: result) == nil else { return nil }
        return result
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t"
    }

    /// A recursive-descent reader that stops at the first fault.
    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func document() -> Fault? {
            skipWhitespace()
            if let fault = value(depth: 0) { return fault }
            skipWhitespace()
            if index < scalars.count { return fault("unexpected \(shown(scalars[index])) after the end of the JSON") }
            return nil
        }

        func fault(_ problem: String, at position: Int? = nil) -> Fault {
            let offset = position ?? index
            var line = 1
            var column = 1
            for scalar in scalars[..<min(offset, scalars.count)] {
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return Fault(offset: offset, line: line, column: column, problem: problem)
        }

        func shown(_ scalar: Unicode.Scalar) -> String {
            switch scalar {
            case "\n": return "a line break"
            case "\t": return "a tab"
            case "`": return "a backquote"
            default:
                return scalar.value < 0x20 || scalar.properties.generalCategory == .control
                    ? "the control character U+\(String(scalar.value, radix: 16, uppercase: true))"
                    : "`\(scalar)`"
            }
        }

        mutating func skipWhitespace() {
            while index < scalars.count, JSONDiagnosis.isWhitespace(scalars[index]) { index += 1 }
        }

        mutating func value(depth: Int) -> Fault? {
            guard index < scalars.count else { return fault("the JSON ends where a value should be") }
            guard depth < JSONDiagnosis.maximumDepth else { return fault("the JSON is nested too deeply") }
            switch scalars[index] {
            case "{": return object(depth: depth)
            case "[": return array(depth: depth)
            case "\"": return string()
            case "-", "0"..."9": return number()
            default:
                for word in ["true", "false", "null"] where matches(word) {
                    index += word.unicodeScalars.count
                    return nil
                }
                return fault("\(shown(scalars[index])) where a value should be (a string needs double quotes)")
            }
        }

        func matches(_ word: String) -> Bool {
            let wanted = Array(word.unicodeScalars)
            return index + wanted.count <= scalars.count && Array(scalars[index..<(index + wanted.count)]) == wanted
        }

        mutating func object(depth: Int) -> Fault? {
            let opening = index
            index += 1
            skipWhitespace()
            if index < scalars.count, scalars[index] == "}" {
                index += 1
                return nil
            }
            while true {
                skipWhitespace()
                guard index < scalars.count else {
                    return fault("the JSON ends inside the object opened at \(place(opening))")
                }
                if scalars[index] == "}" { return fault("a comma before `}` (remove it)", at: lastComma()) }
                guard scalars[index] == "\"" else {
                    return fault("\(shown(scalars[index])) where a key in double quotes should be")
                }
                if let fault = string() { return fault }
                skipWhitespace()
                guard index < scalars.count, scalars[index] == ":" else {
                    return index < scalars.count
                        ? fault("\(shown(scalars[index])) where `:` should follow the key")
                        : fault("the JSON ends inside the object opened at \(place(opening))")
                }
                index += 1
                skipWhitespace()
                if let fault = value(depth: depth + 1) { return fault }
                skipWhitespace()
                guard index < scalars.count else {
                    return fault("the JSON ends inside the object opened at \(place(opening))")
                }
                switch scalars[index] {
                case ",": index += 1
                case "}":
                    index += 1
                    return nil
                default: return fault("\(shown(scalars[index])) where `,` or `}` should be")
                }
            }
        }

        mutating func array(depth: Int) -> Fault? {
            let opening = index
            index += 1
            skipWhitespace()
            if index < scalars.count, scalars[index] == "]" {
                index += 1
                return nil
            }
            while true {
                skipWhitespace()
                guard index < scalars.count else {
                    return fault("the JSON ends inside the list opened at \(place(opening))")
                }
                if scalars[index] == "]" { return fault("a comma before `]` (remove it)", at: lastComma()) }
                if let fault = value(depth: depth + 1) { return fault }
                skipWhitespace()
                guard index < scalars.count else {
                    return fault("the JSON ends inside the list opened at \(place(opening))")
                }
                switch scalars[index] {
                case ",": index += 1
                case "]":
                    index += 1
                    return nil
                default: return fault("\(shown(scalars[index])) where `,` or `]` should be")
                }
            }
        }

        /// The comma just before `index`, skipping whitespace back.
        func lastComma() -> Int {
            var position = index - 1
            while position > 0, JSONDiagnosis.isWhitespace(scalars[position]) { position -= 1 }
            return position
        }

        func place(_ offset: Int) -> String {
            let spot = fault("", at: offset)
            return "line \(spot.line), column \(spot.column)"
        }

        mutating func string() -> Fault? {
            let opening = index
            index += 1
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\"" {
                    index += 1
                    return nil
                }
                if scalar.value < 0x20 {
                    let name = scalar == "\n" ? "line break" : scalar == "\t" ? "tab" : "control character"
                    let escape = scalar == "\n" ? "\\n" : scalar == "\t" ? "\\t" : "\\u00XX"
                    return fault("a raw \(name) inside a string (write it as \(escape))")
                }
                if scalar == "\\" {
                    index += 1
                    guard index < scalars.count else { break }
                    switch scalars[index] {
                    case "\"", "\\", "/", "b", "f", "n", "r", "t": index += 1
                    case "u":
                        let digits = scalars[(index + 1)..<min(scalars.count, index + 5)]
                        guard digits.count == 4, digits.allSatisfy({ $0.properties.isASCIIHexDigit }) else {
                            return fault("`\\u` must be followed by four hexadecimal digits")
                        }
                        index += 5
                    default: return fault("`\\\(scalars[index])` is not an escape JSON knows")
                    }
                    continue
                }
                index += 1
            }
            return fault("the string opened at \(place(opening)) is never closed")
        }

        mutating func number() -> Fault? {
            let start = index
            if scalars[index] == "-" { index += 1 }
            func digits() -> Int {
                let first = index
                while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
                return index - first
            }
            let integerStart = index
            guard digits() > 0 else { return fault("a number needs digits", at: start) }
            if scalars[integerStart] == "0", index - integerStart > 1 {
                return fault("a number cannot start with 0", at: start)
            }
            if index < scalars.count, scalars[index] == "." {
                index += 1
                guard digits() > 0 else { return fault("a number needs digits after `.`") }
            }
            if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
                index += 1
                if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
                guard digits() > 0 else { return fault("a number needs digits in its exponent") }
            }
            return nil
        }
    }
}
