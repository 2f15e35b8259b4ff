import Foundation
import FuzzSupport
import ReelsmithCore

/// A trends file, as `inbox/trends/` receives it.
public func fuzzTrends(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    try? InboxDecoders.decodeTrends(
        data, displayName: "inbox/trends/fuzz.yaml", ingestDay: Date(timeIntervalSince1970: 1_795_600_000))
    return 0
}

@_cdecl("FuzzTrends_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzTrends($0, $1) }
}
