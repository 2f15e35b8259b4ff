import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Builds ``HTML`` from a block: a `String` (or a number) in the block is text and is escaped;
/// markup only comes from ``HTML`` values.
@resultBuilder
package enum HTMLBuilder {
    package static func buildExpression(_ html: HTML) -> HTML { html }
    package static func buildExpression(_ text: String) -> HTML { HTML(text: text) }
    package static func buildExpression(_ number: Int) -> HTML { HTML(text: String(number)) }
    package static func buildExpression(_ parts: [HTML]) -> HTML { HTML(joining: parts) }
    package static func buildBlock(_ parts: HTML...) -> HTML { HTML(joining: parts) }
    package static func buildOptional(_ part: HTML?) -> HTML { part ?? .empty }
    package static func buildEither(first part: HTML) -> HTML { part }
    package static func buildEither(second part: HTML) -> HTML { part }
    package static func buildArray(_ parts: [HTML]) -> HTML { HTML(joining: parts) }
}
