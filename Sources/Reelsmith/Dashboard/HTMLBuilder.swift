/// Builds ``HTML`` from a block: a `String` (or a number) in the block is text and is escaped;
/// markup only comes from ``HTML`` values.
@resultBuilder
public enum HTMLBuilder {
    public static func buildExpression(_ html: HTML) -> HTML { html }
    public static func buildExpression(_ text: String) -> HTML { HTML(text: text) }
    public static func buildExpression(_ number: Int) -> HTML { HTML(text: String(number)) }
    public static func buildExpression(_ parts: [HTML]) -> HTML { HTML(joining: parts) }
    public static func buildBlock(_ parts: HTML...) -> HTML { HTML(joining: parts) }
    public static func buildOptional(_ part: HTML?) -> HTML { part ?? .empty }
    public static func buildEither(first part: HTML) -> HTML { part }
    public static func buildEither(second part: HTML) -> HTML { part }
    public static func buildArray(_ parts: [HTML]) -> HTML { HTML(joining: parts) }
}
