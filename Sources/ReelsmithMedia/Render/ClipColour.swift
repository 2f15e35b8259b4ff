import Foundation
import ReelsmithCore

/// How a clip's picture is coded, as ffprobe reads its tags (issue 9): an iPhone films HDR by
/// default (HEVC 10-bit, HLG, BT.2020), many Android phones and cameras HDR10 (PQ). Shown as if it
/// were SDR BT.709, such a clip comes out washed out and off-colour, so the render tone-maps it.
package struct ClipColour: Sendable, Codable, Equatable {
    /// ffprobe's `color_transfer` (`bt709`, `arib-std-b67` for HLG, `smpte2084` for PQ); nil: untagged.
    package var transfer: String?
    /// `color_primaries` (`bt709`, `bt2020`).
    var primaries: String?
    /// `color_space`, the YUV matrix (`bt709`, `bt2020nc`).
    var matrix: String?
    /// `color_range`: `tv` (limited) or `pc` (full).
    package var range: String?
    /// The brightest light the clip holds, in cd/m², when its HDR metadata says (MaxCLL, else the
    /// mastering display's peak).
    var peakNits: Double?

    package static let standard = ClipColour()

    static let hybridLogGamma = "arib-std-b67"
    static let perceptualQuantizer = "smpte2084"

    var isHighDynamicRange: Bool { transfer == Self.hybridLogGamma || transfer == Self.perceptualQuantizer }

    /// HDR's reference white (ITU-R BT.2408: 203 cd/m², 75 % HLG): the light that becomes SDR's white.
    static let referenceWhiteNits = 203.0

    /// The light the tone curve rolls off to SDR's white: HLG's nominal display peak (1000 cd/m²),
    /// or a PQ clip's own peak from its metadata (1000 cd/m², the usual HDR10 master, when it has none).
    var toneMapPeakNits: Double {
        guard transfer == Self.perceptualQuantizer, let peakNits, peakNits.isFinite else { return 1000 }
        return min(max(peakNits, Self.referenceWhiteNits * 1.5), 10_000)
    }

    /// The filters that turn an HDR picture into SDR BT.709 (yuv420p), nil for an SDR clip (left as
    /// it is). zscale reads the clip's tags given here (not the frames', which a scale before may
    /// have lost) into linear light with HDR's reference white at 1.0, converts the primaries to
    /// BT.709 there, then `tonemap=mobius` keeps the light up to 70 % of SDR's white as it is and
    /// rolls the highlights up to the clip's peak smoothly into the rest, its colours not
    /// desaturated. Measured on HLG and PQ versions of BT.709 colour bars (ClipFootageTests): a
    /// mean error of 4–5/255 against the original in the render, 31 (HLG) and 45 (PQ) untreated.
    /// On testsrc2, the common `npl=100` + `hable` recipe came out 25 levels too dark (error 31,
    /// this one 10).
    /// Only names from fixed lists reach the graph: a tag is data from the file.
    var toneMapFilters: String? {
        guard let transfer, isHighDynamicRange else { return nil }
        let primaries = primaries.flatMap { Self.zscalePrimaries.contains($0) ? $0 : nil } ?? "bt2020"
        let matrix = matrix.flatMap { Self.zscaleMatrices.contains($0) ? $0 : nil } ?? "bt2020nc"
        let range = range == "pc" ? "pc" : "tv"
        let peak = String(format: "%.3f", toneMapPeakNits / Self.referenceWhiteNits)
        let white = String(format: "%.0f", Self.referenceWhiteNits)
        return [
            "zscale=tin=\(transfer):pin=\(primaries):min=\(matrix):rin=\(range):t=linear:npl=\(white):p=bt709",
            "format=gbrpf32le",
            "tonemap=mobius:param=0.7:desat=0:peak=\(peak)",
            "zscale=t=bt709:m=bt709:r=tv",
            "format=yuv420p",
        ].joined(separator: ",")
    }

    private static let zscalePrimaries: Set<String> = ["bt709", "bt2020", "smpte432", "smpte431"]
    private static let zscaleMatrices: Set<String> = ["bt709", "bt2020nc", "bt2020c"]
}
