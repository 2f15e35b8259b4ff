import Foundation
import FuzzSupport
import ReelsmithCore

/// `reelsmith.yaml`. Settings are read from a file only, so each input is written to one in
/// memory-backed /dev/shm first (a few microseconds).
private let file = URL(fileURLWithPath: "/dev/shm/reelsmith-fuzz-settings-\(getpid()).yaml")

public func fuzzSettings(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard (try? Data(bytes: bytes, count: count).write(to: file)) != nil else { return 0 }
    try? InboxDecoders.loadSettings(file)
    return 0
}

@_cdecl("FuzzSettings_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzSettings($0, $1) }
}
