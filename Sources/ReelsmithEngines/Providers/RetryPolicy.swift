import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// When to try a provider call again: on 429, 5xx, a timeout or a lost connection, after an
/// exponential backoff with jitter, or after the server's `Retry-After` when it gives one.
package struct RetryPolicy: Sendable, Equatable {
    package var maxRetries: Int
    /// The first backoff; each next one doubles, up to `maximumDelaySeconds`.
    var baseDelaySeconds = 0.5
    var maximumDelaySeconds = 20.0
    /// A `Retry-After` longer than this is not waited for: the call fails and says so.
    var longestRetryAfterSeconds = 60.0

    package init(
        maxRetries: Int, baseDelaySeconds: Double = 0.5, maximumDelaySeconds: Double = 20.0,
        longestRetryAfterSeconds: Double = 60.0
    ) {
        self.maxRetries = maxRetries
        self.baseDelaySeconds = baseDelaySeconds
        self.maximumDelaySeconds = maximumDelaySeconds
        self.longestRetryAfterSeconds = longestRetryAfterSeconds
    }

    /// The wait before retry number `retry` (1-based): "equal jitter", half fixed and half random,
    /// so that many clients do not come back at the same instant.
    func backoffSeconds(retry: Int, random: Double = Double.random(in: 0...1)) -> Double {
        let exponential = min(maximumDelaySeconds, baseDelaySeconds * pow(2, Double(max(0, retry - 1))))
        return exponential / 2 + exponential / 2 * random
    }

    /// OpenAI's `retry-after-ms` as seconds, or nil when it is no usable wait: not a number, infinite,
    /// NaN or negative (the header is the server's text; the backoff is used instead).
    static func retryAfterMillisecondsAsSeconds(_ value: String?) -> Double? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), let milliseconds = Double(text),
            milliseconds.isFinite, milliseconds >= 0
        else { return nil }
        return milliseconds / 1000
    }

    /// `Retry-After` as seconds: a number of seconds, or an HTTP date (RFC 9110 §10.2.3).
    static func retryAfterSeconds(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds.isFinite, seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
