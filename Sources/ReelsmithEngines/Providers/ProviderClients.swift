import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The clients of the configured providers, made once per process, so that `max_in_flight` holds
/// across every job.
package struct ProviderClients: Sendable {
    private let clients: [String: ProviderClient]

    package init(_ providers: [ProviderSettings]) {
        clients = Dictionary(
            providers.map { ($0.name, ProviderClient(settings: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    package init(clients: [ProviderClient]) {
        self.clients = Dictionary(clients.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package subscript(name: String) -> ProviderClient? { clients[name] }

    /// Names and kinds, to check the engines a request names.
    package var kinds: [String: ProviderSettings.Kind] { clients.mapValues(\.settings.kind) }

    package var all: [ProviderClient] { clients.values.sorted { $0.name < $1.name } }
}
