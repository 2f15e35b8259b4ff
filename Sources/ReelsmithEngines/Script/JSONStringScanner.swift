/// Where a left-to-right scan of JSON text stands relative to its strings, for the scans that only
/// need to tell structure from string text: the extractor that finds the outermost objects
/// (`JSONAnswer`) and the repair of raw control characters and trailing commas (`JSONDiagnosis`).
struct JSONStringScanner {
    /// What one scalar is to the JSON around it.
    enum Role: Equatable {
        /// Outside every string: structure, a number, a literal or white space.
        case structure
        /// A quote that opens or closes a string.
        case quote
        /// A backslash inside a string, or the scalar it escapes.
        case escape
        /// Any other scalar inside a string, taken as written (a raw control character included).
        case text
    }

    private(set) var isInString = false
    private var isEscaped = false

    /// The role of `scalar`, the next one in the text; the scan moves past it.
    mutating func role(of scalar: Unicode.Scalar) -> Role {
        guard isInString else {
            if scalar == "\"" {
                isInString = true
                return .quote
            }
            return .structure
        }
        if isEscaped {
            isEscaped = false
            return .escape
        }
        switch scalar {
        case "\\":
            isEscaped = true
            return .escape
        case "\"":
            isInString = false
            return .quote
        default:
            return .text
        }
    }
}
