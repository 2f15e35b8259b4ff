import Foundation
import FuzzSupport
import ReelsmithCore

/// An analytics file: our CSV, TikTok Studio's export (recognised by its header), or YAML when
/// the first byte is odd.
public func fuzzAnalytics(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let data = Data(bytes: bytes + 1, count: count - 1)
    try? InboxDecoders.decodeAnalytics(
        data, file: "inbox/analytics/fuzz", isYAML: bytes[0] & 1 == 1,
        ingestDay: Date(timeIntervalSince1970: 1_795_600_000))
    return 0
}

@_cdecl("FuzzAnalytics_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzAnalytics($0, $1) }
}
