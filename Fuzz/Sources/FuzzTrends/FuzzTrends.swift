import Foundation
import FuzzSupport
import Reelsmith

/// A trends file, as `inbox/trends/` receives it.
public func fuzzTrends(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = try? TrendsFile.decode(
        data: data, displayName: "inbox/trends/fuzz.yaml", ingestDay: CalendarDay(year: 2026, month: 11, day: 25)!)
    return 0
}

@_cdecl("FuzzTrends_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzTrends($0, $1) }
}
