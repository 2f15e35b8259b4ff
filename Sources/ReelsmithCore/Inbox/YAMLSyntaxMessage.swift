import Foundation

/// libyaml's raw error ("mapping values are not allowed in this context", "Maximum nesting level
/// reached, set with yaml_set_max_nest_level()") said in words a creator can act on (issue 12).
/// Never quotes the file: the place is given by line and column.
struct YAMLSyntaxMessage: Equatable {
    package var problem: String
    package var fix: String

    static let generalFix = "check the indentation, close every quote and bracket, and put a space after each `:`"

    /// When libyaml's problem (`text`) and context say this, we say `problem` and `fix`: the
    /// first rule that matches wins.
    private struct Rule: Sendable {
        package var matches: @Sendable (_ text: String, _ context: String) -> Bool
        package var problem: String
        package var fix: String
    }

    private static let rules: [Rule] = [
        Rule(
            matches: { text, _ in
                ["control characters are not allowed", "utf-8 octet"].contains { text.contains($0) }
            }, problem: "the file holds a control character that YAML does not allow",
            fix: "remove it; save the file as plain UTF-8 text"),
        Rule(
            matches: { text, _ in text.contains("maximum nesting level") },
            problem: "the lists and mappings are nested too deep",
            fix: "inbox files need only a few levels: write each item as `key: value` lines under its list"),
        Rule(
            matches: { _, context in context.contains("alias") || context.contains("anchor") },
            problem: "a `&` or `*` starts an anchor or alias, which inbox files do not use",
            fix: "put the value in quotes if it starts with `&` or `*`, e.g. `title: \"*new*\"`"),
        Rule(
            matches: { text, _ in text.contains("found character that cannot start any token") },
            problem: "a character that cannot start a value here (a tab, `@` or a backquote)",
            fix: "indent with spaces, not tabs, and put a value that starts with `@` or a backquote in quotes"),
        Rule(
            matches: { text, _ in text.contains("tab character") }, problem: "a tab is used for indentation",
            fix: "indent with spaces, not tabs"),
        Rule(
            matches: { text, _ in text.contains("mapping values are not allowed") },
            problem: "a `:` where YAML does not expect one",
            fix: "put the value in quotes when it contains `: `, e.g. `title: \"Morning: the routine\"`"),
        Rule(
            matches: { text, _ in
                text.contains("did not find expected key") || text.contains("did not find expected '-' indicator")
            },
            problem: "a line is not indented like the lines around it",
            fix: "line up each key under the one before it, with spaces"),
        Rule(
            matches: { text, _ in text.contains("could not find expected ':'") }, problem: "a key without its `:`",
            fix: "write `key: value`, with a space after the `:`"),
        Rule(
            matches: { text, context in text.contains("unexpected end of stream") && context.contains("quoted") },
            problem: "a quote is opened and never closed",
            fix: "close the quote on the same line; write a quote inside a value as `\\\"` in double quotes"),
        Rule(
            matches: { text, context in context.contains("flow") || text.contains("did not find expected ',' or") },
            problem: "a `[` or `{` is opened and never closed properly",
            fix: "close every bracket, and separate the items inside with `, `"),
        Rule(
            matches: { _, context in context.contains("quoted scalar") || context.contains("escape") },
            problem: "a quoted value holds an escape YAML cannot read",
            fix: "in double quotes write a backslash as `\\\\`, or use single quotes"),
        Rule(
            matches: { _, context in context.contains("tag") || context.contains("directive") },
            problem: "a `!` or `%` starts a YAML tag or directive, which inbox files do not use",
            fix: "put the value in quotes if it starts with `!` or `%`"),
        Rule(
            matches: { text, context in text.contains("block scalar") || context.contains("block scalar") },
            problem: "a `|` or `>` text block is not written as YAML expects",
            fix: "put the text on the lines after `|`, indented more than its key"),
        Rule(
            matches: { text, _ in text.contains("more than one document") || text.contains("expected <document start>")
            },
            problem: "the file holds more than one YAML document (`---`)", fix: "keep one document per file"),
    ]

    package init(problem raw: String, context: String?) {
        let text = raw.lowercased()
        let context = context?.lowercased() ?? ""
        if let rule = Self.rules.first(where: { $0.matches(text, context) }) {
            problem = rule.problem
            fix = rule.fix
        } else {
            problem = "YAML syntax error (\(Excerpt.quote(raw)))"
            fix = Self.generalFix
        }
    }
}
