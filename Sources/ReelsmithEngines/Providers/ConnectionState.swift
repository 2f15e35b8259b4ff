import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Whether a connection to the provider has worked lately: the connect probe runs until it has.
actor ConnectionState {
    private(set) var isVerified = false
    package func set(verified: Bool) { isVerified = verified }
}
