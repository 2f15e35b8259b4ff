import Foundation

/// Dynamic time warping of two feature sequences, the way aeneas aligns text to speech: the
/// cheapest monotonic path through the frame-to-frame distances. It is solved coarse to fine
/// (as FastDTW does): the path found on frames averaged by four bounds a narrow band at the next
/// finer level, so a minute of speech costs a few million cells, not thirty-six million.
package enum DynamicTimeWarping {
    /// A level small enough to solve whole: at most this many cells.
    static let wholeCellLimit = 2_500_000
    package static let factor = 4
    /// Frames after a pause of the reference in which a word is taken to follow the pause.
    static let afterPauseFrames = 3
    /// Frames before a pause of the target in which no word starts (40 ms).
    static let pauseLeadFrames = 4
    /// How far after (and before) where sound alone puts a word that follows a pause of the
    /// reference a pause of the target is looked for (400 ms, 100 ms).
    static let pauseSearchFrames = 40
    static let pauseSearchBackFrames = 10

    /// The warp from `reference` onto `target`. `radius` (frames) widens the band around the
    /// coarse path at each finer level.
    /// Pauses are cut out of both tracks first, so a pause that only one voice makes (or a
    /// silence spliced into one) costs nothing; a moment in a pause maps to the next speech.
    package static func warp(reference: SpeechFeatures, target: SpeechFeatures, radius: Int = 24) -> TimeWarp {
        let (spokenReference, referenceFrames) = reference.speechOnly()
        let (spokenTarget, targetFrames) = target.speechOnly()
        guard spokenReference.frameCount > 0, spokenTarget.frameCount > 0 else {
            return TimeWarp(
                firstTarget: [], referenceFrameSeconds: reference.frameSeconds, targetFrameSeconds: target.frameSeconds)
        }
        let path = solve(spokenReference, spokenTarget, radius: radius)
        // Per reference frame, the last target frame the path matched to it.
        var lastSpoken = [Int](repeating: -1, count: spokenReference.frameCount)
        for (i, j) in path { lastSpoken[i] = max(lastSpoken[i], j) }
        // A reference frame matched to several target frames is a boundary the target holds
        // longer (a neural voice draws out a word's last sound): what starts at it starts where
        // the run ends (issue 19: taking the run's first frame put words 40 ms early on average
        // against piper's own durations).
        var starts = lastSpoken
        // A start just before a pause of the target belongs after it: no word starts in its last
        // few frames before falling silent.
        var pauseEnds: [Int] = []  // spoken target indices that follow a cut pause
        for k in 1..<max(1, targetFrames.count) where targetFrames[k] - targetFrames[k - 1] > 1 { pauseEnds.append(k) }
        for i in starts.indices where starts[i] >= 0 {
            if let end = pauseEnds.first(where: { $0 > starts[i] }), end - starts[i] <= pauseLeadFrames {
                starts[i] = end
            }
        }
        // A word after a pause in the reference (after a comma) starts where a pause of the
        // target ends when the target pauses near it (issue 19: matched by sound alone, "for" after
        // "litres," began at the pause's start, the f heard in the s).
        var sincePause = afterPauseFrames + 1  // the first words follow the track's start, not a pause
        for i in 1..<max(1, spokenReference.frameCount) {
            sincePause = referenceFrames[i] - referenceFrames[i - 1] > 1 ? 0 : sincePause + 1
            guard sincePause <= afterPauseFrames else { continue }
            let found = targetFrames[starts[i]]
            let near = pauseEnds.filter {
                targetFrames[$0] >= found - pauseSearchBackFrames && targetFrames[$0] <= found + pauseSearchFrames
            }
            if let closest = near.min(by: { abs(targetFrames[$0] - found) < abs(targetFrames[$1] - found) }) {
                starts[i] = closest
            }
        }
        // Every reference frame: the target frame of the first speech frame at or after it.
        var firstTarget = [Int](repeating: targetFrames.last ?? 0, count: reference.frameCount)
        var next = spokenReference.frameCount
        for frame in stride(from: reference.frameCount - 1, through: 0, by: -1) {
            while next > 0, referenceFrames[next - 1] >= frame { next -= 1 }
            if next < spokenReference.frameCount { firstTarget[frame] = targetFrames[starts[next]] }
        }
        return TimeWarp(
            firstTarget: firstTarget, referenceFrameSeconds: reference.frameSeconds,
            targetFrameSeconds: target.frameSeconds)
    }

    /// The path, from (0, 0) to the last frames of both, as (reference frame, target frame) pairs.
    static func solve(_ reference: SpeechFeatures, _ target: SpeechFeatures, radius: Int) -> [(Int, Int)] {
        let n = reference.frameCount
        let m = target.frameCount
        if n * m <= wholeCellLimit || n < factor * 2 || m < factor * 2 {
            return band(reference, target, rows: (0..<n).map { _ in 0..<m })
        }
        let coarse = solve(reference.downsampled(by: factor), target.downsampled(by: factor), radius: radius)
        // Per coarse row, the columns the coarse path visits.
        let coarseRows = (n + factor - 1) / factor
        var low = [Int](repeating: Int.max, count: coarseRows)
        var high = [Int](repeating: -1, count: coarseRows)
        for (i, j) in coarse {
            low[i] = min(low[i], j)
            high[i] = max(high[i], j)
        }
        var rows: [Range<Int>] = []
        rows.reserveCapacity(n)
        for i in 0..<n {
            let first = max(0, (i - radius) / factor)
            let last = min(coarseRows - 1, (i + radius) / factor)
            var lo = Int.max
            var hi = -1
            for row in first...last where high[row] >= 0 {
                lo = min(lo, low[row])
                hi = max(hi, high[row])
            }
            let start = max(0, lo * factor - radius)
            let end = min(m, (hi + 1) * factor + radius)
            rows.append(start..<max(start + 1, end))
        }
        // Each row must reach the previous row's columns and end no earlier (monotonic band).
        for i in 1..<n {
            let previous = rows[i - 1]
            let start = min(rows[i].lowerBound, previous.upperBound - 1)
            let end = max(rows[i].upperBound, previous.upperBound)
            rows[i] = max(start, previous.lowerBound)..<end
        }
        rows[n - 1] = rows[n - 1].lowerBound..<m
        return band(reference, target, rows: rows)
    }

    /// DTW inside a band: row `i` may use the target frames `rows[i]`. Steps: diagonal (weight 2),
    /// up or left (weight 1), so neither stretching nor a shortcut is favoured. The distance is the
    /// cosine distance: a louder or quieter voice is not a different sound.
    package static func band(_ reference: SpeechFeatures, _ target: SpeechFeatures, rows: [Range<Int>]) -> [(Int, Int)]
    {
        let n = rows.count
        let lowers = rows.map(\.lowerBound)
        let uppers = rows.map(\.upperBound)
        var offsets = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { offsets[i + 1] = offsets[i] + rows[i].count }
        var cost = [Float](repeating: .infinity, count: offsets[n])
        var steps = [UInt8](repeating: 0, count: offsets[n])
        let referenceNorms = norms(reference)
        let targetNorms = norms(target)
        // Raw pointers and `while` loops: fast in a debug build too (issue 18). The arithmetic is
        // the same, in the same order, as a plain loop over the cells, so the path is the same.
        reference.values.withUnsafeBufferPointer { a in
            target.values.withUnsafeBufferPointer { b in
                referenceNorms.withUnsafeBufferPointer { referenceNorms in
                    targetNorms.withUnsafeBufferPointer { targetNorms in
                        lowers.withUnsafeBufferPointer { lowers in
                            uppers.withUnsafeBufferPointer { uppers in
                                offsets.withUnsafeBufferPointer { offsets in
                                    cost.withUnsafeMutableBufferPointer { cost in
                                        steps.withUnsafeMutableBufferPointer { steps in
                                            fill(
                                                rows: n, a: a.baseAddress!, b: b.baseAddress!,
                                                referenceNorms: referenceNorms.baseAddress!,
                                                targetNorms: targetNorms.baseAddress!,
                                                lowers: lowers.baseAddress!, uppers: uppers.baseAddress!,
                                                offsets: offsets.baseAddress!, cost: cost.baseAddress!,
                                                steps: steps.baseAddress!)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var path: [(Int, Int)] = []
        var i = n - 1
        var j = rows[n - 1].upperBound - 1
        while true {
            path.append((i, j))
            if i == 0 && j == 0 { break }
            let step = steps[offsets[i] + j - rows[i].lowerBound]
            if i == 0 {
                j -= 1
                continue
            }
            if j == rows[i].lowerBound && step == 2 {
                i -= 1
                continue
            }
            switch step {
            case 0:
                i -= 1
                j -= 1
            case 1: i -= 1
            default: j -= 1
            }
        }
        return path.reversed()
    }

    /// Per frame, the length of its feature vector.
    static func norms(_ features: SpeechFeatures) -> [Float] {
        let d = SpeechFeatures.dimensions
        let count = features.frameCount
        var result = [Float](repeating: 0, count: count)
        guard count > 0 else { return result }
        features.values.withUnsafeBufferPointer { valuesBuffer in
            result.withUnsafeMutableBufferPointer { resultBuffer in
                let values = valuesBuffer.baseAddress!
                let result = resultBuffer.baseAddress!
                var frame = 0
                while frame < count {
                    let vector = values + frame * d
                    var sum: Float = 0
                    var k = 0
                    while k < d {
                        sum += vector[k] * vector[k]
                        k += 1
                    }
                    result[frame] = sum.squareRoot()
                    frame += 1
                }
            }
        }
        return result
    }

    /// The cumulative costs and the step into each cell of the band (rows `lowers[i]..<uppers[i]`,
    /// stored row after row from `offsets[i]`); `cost` starts infinite, `steps` zero.
    private static func fill(
        rows n: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
        referenceNorms: UnsafePointer<Float>, targetNorms: UnsafePointer<Float>,
        lowers: UnsafePointer<Int>, uppers: UnsafePointer<Int>, offsets: UnsafePointer<Int>,
        cost: UnsafeMutablePointer<Float>, steps: UnsafeMutablePointer<UInt8>
    ) {
        let d = SpeechFeatures.dimensions
        let writtenOut = d == 26
        let smallest: Float = 1e-9
        let infinity = Float.infinity  // (a call each time, unoptimised)
        var i = 0
        while i < n {
            let lower = lowers[i]
            let upper = uppers[i]
            let base = offsets[i]
            // The previous row: an empty range at 0 for the first.
            let previousLower = i > 0 ? lowers[i - 1] : 0
            let previousUpper = i > 0 ? uppers[i - 1] : 0
            let previousBase = i > 0 ? offsets[i - 1] : 0
            let vector = a + i * d
            let norm = referenceNorms[i]
            var j = lower
            while j < upper {
                let dot = writtenOut ? dot26(vector, b + j * d) : dotProduct(vector, b + j * d, count: d)
                let product = norm * targetNorms[j]
                let distance = 1 - dot / (smallest >= product ? smallest : product)  // max(product, 1e-9)
                let cell = base + j - lower
                if i == 0 && j == lower && j == 0 {
                    cost[cell] = distance
                    j += 1
                    continue
                }
                var best = infinity
                var step: UInt8 = 0
                if previousLower <= j - 1 && j - 1 < previousUpper {
                    let value = cost[previousBase + j - 1 - previousLower] + 2 * distance
                    if value < best {
                        best = value
                        step = 0
                    }
                }
                if previousLower <= j && j < previousUpper {
                    let value = cost[previousBase + j - previousLower] + distance
                    if value < best {
                        best = value
                        step = 1
                    }
                }
                if j > lower {
                    let value = cost[cell - 1] + distance
                    if value < best {
                        best = value
                        step = 2
                    }
                }
                cost[cell] = best
                steps[cell] = step
                j += 1
            }
            i += 1
        }
    }

    /// The dot product of two vectors of `count` values.
    private static func dotProduct(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var sum: Float = 0
        var k = 0
        while k < count {
            sum += a[k] * b[k]
            k += 1
        }
        return sum
    }

    /// The dot product of two frames (26 coefficients), written out term by term: a loop's counter,
    /// comparison and overflow checks cost more than the products in a debug build. The terms are
    /// added in order, as the loop would.
    @inline(__always)
    private static func dot26(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> Float {
        var sum: Float = 0
        sum += a[0] * b[0]
        sum += a[1] * b[1]
        sum += a[2] * b[2]
        sum += a[3] * b[3]
        sum += a[4] * b[4]
        sum += a[5] * b[5]
        sum += a[6] * b[6]
        sum += a[7] * b[7]
        sum += a[8] * b[8]
        sum += a[9] * b[9]
        sum += a[10] * b[10]
        sum += a[11] * b[11]
        sum += a[12] * b[12]
        sum += a[13] * b[13]
        sum += a[14] * b[14]
        sum += a[15] * b[15]
        sum += a[16] * b[16]
        sum += a[17] * b[17]
        sum += a[18] * b[18]
        sum += a[19] * b[19]
        sum += a[20] * b[20]
        sum += a[21] * b[21]
        sum += a[22] * b[22]
        sum += a[23] * b[23]
        sum += a[24] * b[24]
        sum += a[25] * b[25]
        return sum
    }
}

/// Where each moment of the reference falls in the target, from the warping path.
package struct TimeWarp: Sendable {
    /// Per reference frame, the first target frame the path matched to it.
    let firstTarget: [Int]
    let referenceFrameSeconds: Double
    let targetFrameSeconds: Double

    /// The target time at which the reference's moment `seconds` is heard.
    package func targetSeconds(forReference seconds: Double) -> Double {
        guard !firstTarget.isEmpty else { return seconds }
        let frame = min(firstTarget.count - 1, max(0, Int((seconds / referenceFrameSeconds).rounded())))
        return Double(firstTarget[frame]) * targetFrameSeconds
    }
}
