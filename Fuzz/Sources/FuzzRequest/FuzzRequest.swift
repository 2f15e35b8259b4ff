import Foundation
import Reelsmith

/// A generation request, as `inbox/requests/` receives it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequest(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = try? GenerationRequest.decode(data: data, displayName: "inbox/requests/fuzz.yaml", musicLibrary: ["calm"]) { _ in true }
    return 0
}
