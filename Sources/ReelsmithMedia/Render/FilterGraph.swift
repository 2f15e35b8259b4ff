import ReelsmithCore

/// Escaping for values placed inside an ffmpeg filter graph. A value goes through two parsers:
/// the filter's option parser (`:` separates options, `\` and `'` quote) and the graph parser
/// (`,` `;` `[` `]` separate filters). User text never goes here — it travels in files (drawtext
/// `textfile=`, the ASS file) — but paths and font names do.
package enum FilterGraph {
    package static func escapeValue(_ value: String) -> String {
        var optionLevel = ""
        for character in value {
            if "\\':".contains(character) { optionLevel.append("\\") }
            optionLevel.append(character)
        }
        var graphLevel = ""
        for character in optionLevel {
            if "\\'[],;".contains(character) { graphLevel.append("\\") }
            graphLevel.append(character)
        }
        return graphLevel
    }
}
