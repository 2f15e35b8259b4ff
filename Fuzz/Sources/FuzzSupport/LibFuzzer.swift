/// libFuzzer's driver. SwiftPM links an executable with `main` defined as `<Target>_main`, so
/// libFuzzer's own `main` is not used: each target's `<Target>_main` hands its arguments and its
/// test function to `LLVMFuzzerRunDriver` instead.
public typealias FuzzTest = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

// swift-format-ignore: AlwaysUseLowerCamelCase
// libFuzzer's own name.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: FuzzTest
) -> CInt

public func runLibFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: FuzzTest
) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}
