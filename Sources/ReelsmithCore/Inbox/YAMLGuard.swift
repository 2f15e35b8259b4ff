import CYaml
import Foundation

/// Reads a YAML text's events with libyaml before Yams builds any node (issue 12), and refuses:
/// - anchors and aliases: requests, trends, analytics and settings have no use for them, and an
///   alias bomb used as a mapping key makes Yams compare keys for ever;
/// - a list or a mapping used as a key (`? [a, b]`): keys are plain words, and Yams compares
///   such keys recursively — found by fuzzing, 3.6 KB of nested `?` keys took over 15 s;
/// - nesting deeper than ``maximumDepth`` (libyaml's own limit speaks in C);
/// - more than ``maximumEvents`` events, and a parse longer than ``timeBudget``.
/// libyaml's own syntax errors come out translated by ``YAMLSyntaxMessage``.
enum YAMLGuard {
    package static let maximumDepth = 64
    static let maximumEvents = 20_000_000
    static let timeBudget: Duration = .seconds(5)

    package static func check(_ text: String, file: String, timeBudget: Duration = timeBudget) throws(InputError) {
        var copy = text
        let result: InputError? = copy.withUTF8 { buffer in
            scan(buffer, file: file, deadline: .now + timeBudget)
        }
        if let result { throw result }
    }

    private static func scan(
        _ buffer: UnsafeBufferPointer<UInt8>, file: String, deadline: ContinuousClock.Instant
    ) -> InputError? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return InputError(.syntax, file: file, problem: "the YAML reader could not start", fix: "try again")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        // For each open mapping: whether its next node is a key. Lists are `nil`.
        var expectsKey: [Bool?] = []
        var events = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return syntaxError(parser, file: file) }
            defer { yaml_event_delete(&event) }
            let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            var anchor: UnsafeMutablePointer<yaml_char_t>?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                return refused("an alias (`*name`)", file: file, at: mark)
            case YAML_SCALAR_EVENT:
                anchor = event.data.scalar.anchor
                if let last = expectsKey.last, let isKey = last { expectsKey[expectsKey.count - 1] = !isKey }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                if let last = expectsKey.last, let isKey = last {
                    if isKey {
                        return InputError(
                            .syntax, file: file, line: mark.line, column: mark.column,
                            problem: "a list or a mapping is used as a key",
                            fix: "write keys as plain words: `name: value`")
                    }
                    expectsKey[expectsKey.count - 1] = true
                }
                expectsKey.append(isMapping ? true : nil)
                if expectsKey.count > maximumDepth {
                    return InputError(
                        .syntax, file: file, line: mark.line, column: mark.column,
                        problem: "the lists and mappings are nested more than \(maximumDepth) levels deep",
                        fix: "inbox files need only a few levels: write each item as `key: value` lines under its list")
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                expectsKey.removeLast()
            default:
                break
            }
            if anchor != nil { return refused("an anchor (`&name`)", file: file, at: mark) }
            events += 1
            if events > maximumEvents || (events & 0xFFF == 0 && ContinuousClock.now > deadline) {
                return InputError(
                    .tooComplex, file: file, line: mark.line, column: mark.column,
                    problem: "the file holds too many values to read in time (stopped here)",
                    fix: "split it into several smaller files")
            }
        }
    }

    private static func refused(_ what: String, file: String, at mark: (line: Int, column: Int)) -> InputError {
        InputError(
            .syntax, file: file, line: mark.line, column: mark.column,
            problem: "\(what) is not allowed in inbox files",
            fix: "write the value out in full where it is needed instead of `&name` and `*name`")
    }

    private static func syntaxError(_ parser: yaml_parser_t, file: String) -> InputError {
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        let context = parser.context.map { String(cString: $0) }
        let message = YAMLSyntaxMessage(problem: problem, context: context)
        return InputError(
            .syntax, file: file, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1,
            problem: message.problem, fix: message.fix)
    }
}
