import Foundation
import FuzzSupport
import ReelsmithEngines

/// A chat model's answer, as the script and score stages receive it (issue 19). The first byte
/// chooses the parser (odd: the score) and, for a script, the language and the scene count.
public func fuzzModelAnswer(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let choice = bytes[0]
    let content = String(decoding: UnsafeBufferPointer(start: bytes + 1, count: count - 1), as: UTF8.self)
    if choice & 1 == 1 {
        try? ModelAnswerDecoders.decodeScore(content)
    } else {
        try? ModelAnswerDecoders.decodeScript(content, isFrench: choice & 2 == 2, scenes: Int(choice >> 2) % 6 + 1)
    }
    return 0
}

@_cdecl("FuzzModelAnswer_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzModelAnswer($0, $1) }
}
