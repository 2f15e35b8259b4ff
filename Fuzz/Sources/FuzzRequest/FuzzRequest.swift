import Foundation
import FuzzSupport
import ReelsmithCore

/// A generation request, as `inbox/requests/` receives it.
public func fuzzRequest(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    try? InboxDecoders.decodeRequest(data, displayName: "inbox/requests/fuzz.yaml", musicLibrary: ["calm"])
    return 0
}

@_cdecl("FuzzRequest_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzRequest($0, $1) }
}
