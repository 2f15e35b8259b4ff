import Foundation
import FuzzSupport
import Reelsmith

/// A generation request, as `inbox/requests/` receives it.
public func fuzzRequest(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = try? GenerationRequest.decode(data: data, displayName: "inbox/requests/fuzz.yaml", musicLibrary: ["calm"]) {
        _ in true
    }
    return 0
}

@_cdecl("FuzzRequest_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzRequest($0, $1) }
}
