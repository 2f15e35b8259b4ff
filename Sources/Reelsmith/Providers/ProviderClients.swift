/// The clients of the configured providers, made once per process, so that `max_in_flight` holds
/// across every job.
public struct ProviderClients: Sendable {
    private let clients: [String: ProviderClient]

    public init(_ providers: [ProviderSettings]) {
        clients = Dictionary(providers.map { ($0.name, ProviderClient(settings: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    init(clients: [ProviderClient]) {
        self.clients = Dictionary(clients.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(name: String) -> ProviderClient? { clients[name] }

    /// Names and kinds, to check the engines a request names.
    var kinds: [String: ProviderSettings.Kind] { clients.mapValues(\.settings.kind) }

    public var all: [ProviderClient] { clients.values.sorted { $0.name < $1.name } }
}
