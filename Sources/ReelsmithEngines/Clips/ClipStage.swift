import Foundation
import Logging
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The clips stage of a generation job (issue 9): gives each scene its search terms, then a clip
/// from the creator's library (the niche's folder and `_all`), else from the stock provider of
/// `engines.clips`, else leaves it to its still. A clip is not used twice in a video while another
/// one matches. A scene long enough for several shots gets other clips to cut to (issue 21).
/// Files and searches that fail become warnings; the video is still made.
package struct ClipStage: Sendable {
    package let library: ClipLibrary
    package let stock: (any ClipSource)?
    package let logger: Logger
    /// The longest shot (``RenderSettings/shotSeconds``): how many clips a stock scene is given.
    package var shotSeconds = RenderSettings().shotSeconds

    package init(library: ClipLibrary, stock: (any ClipSource)?, logger: Logger) {
        self.library = library
        self.stock = stock
        self.logger = logger
    }

    /// The folders searched for a request's niche (and its template's niche, when they differ).
    package static func folders(niche: String, templateNiche: String) -> [String] {
        Array(NSOrderedSet(array: [niche, templateNiche, ClipLibrary.sharedFolder])).compactMap { $0 as? String }
    }

    /// At most this many clips per scene may fail to download (or to probe) before the scene
    /// gives up on stock footage; later scenes still ask.
    static let maximumFailedFetchesPerScene = 2

    /// - Parameters:
    ///   - sceneSeconds: each scene's expected length (from its words; the render fits the real one).
    ///   - nicheTerms: the niche's English footage vocabulary (`clip_terms` of its template).
    ///   - language: the request's; key-phrase words are sent to a stock provider only in English.
    ///   - callToAction: the script's; a key phrase that only repeats it gives no terms.
    package func plan(
        scenes: [Script.Scene], sceneSeconds: [Double], visuals: VisualsMode, folders: [String], nicheTerms: [String],
        stopwords: Set<String>, language: Language, callToAction: String = "", topic: String = ""
    ) async throws -> ClipPlan {
        var plan = ClipPlan(visuals: visuals, scenes: [], warnings: [])
        let terms = scenes.map { scene in
            SceneSearchTerms.forScene(
                written: scene.searchTerms ?? [], keyPhrase: scene.keyPhrase, sceneIndex: scene.index,
                echoesCallToAction: SceneSearchTerms.echoes(
                    scene.keyPhrase, callToAction: callToAction, stopwords: stopwords),
                language: language, nicheTerms: nicheTerms, stopwords: stopwords, topic: topic,
                narration: scene.narration)
        }
        guard visuals != .images else {
            plan.scenes = scenes.enumerated().map { position, scene in
                .init(
                    scene: scene.index, terms: terms[position].library, clip: nil, source: "still",
                    reason: "visuals: images")
            }
            return plan
        }
        let scan = try await library.scan(folders: folders)
        plan.warnings += scan.warnings
        for warning in scan.warnings { logger.warning("clip skipped", metadata: ["problem": "\(warning)"]) }
        let matcher = ClipMatcher(clips: scan.clips)
        var used: Set<String> = []
        var usedStock: Set<String> = []
        // Stock clips that failed to download or probe: not tried again in this video.
        var failedStock: Set<String> = []
        // A provider whose search failed for good (after its retries) is not asked again for this
        // video; a download that fails only skips that clip.
        var searchFailed = false
        var previousClip: String?
        // Stock scenes that could show more clips than their own, with their search's unused rest.
        var stockScenes: [StockScene] = []
        for (position, scene) in scenes.enumerated() {
            let seconds = position < sceneSeconds.count ? sceneSeconds[position] : 5
            let sceneTerms = terms[position]
            var choice = ClipPlan.SceneChoice(
                scene: scene.index, terms: sceneTerms.library, clip: nil, source: "still", reason: "")
            let match = matcher.best(terms: sceneTerms.library, sceneSeconds: seconds, used: used)
            let failedBefore = failedStock.count
            if let match, !match.isReuse {
                choice.take(
                    match.clip,
                    reason:
                        "library: \(Self.quoted(match.matchedWords)) in its keywords (overlap \(Self.format(match.overlap)))"
                )
            } else if let stock, !searchFailed,
                let pick = await stockClip(
                    terms: sceneTerms.stock, used: usedStock, failed: &failedStock, source: stock, plan: &plan,
                    searchFailed: &searchFailed)
            {
                usedStock.insert(pick.clip.id)
                choice.clip = pick.file.path
                choice.source = stock.name
                choice.durationSeconds = pick.clip.durationSeconds
                choice.credit = pick.clip.credit
                choice.reason = "\(stock.name): first unused result for “\(pick.term)”"
                let wanted = Self.expectedShots(sceneSeconds: seconds, shotSeconds: shotSeconds) - 1
                if wanted > 0, !pick.spares.isEmpty {
                    stockScenes.append(
                        StockScene(
                            position: position, wanted: wanted, spares: pick.spares,
                            failedFetches: pick.failedFetches))
                }
            } else if visuals == .clips, let any = matcher.anyUnused(sceneSeconds: seconds, used: used) {
                // An unused clip before a matching one again (issue 21): a clip shown twice in a row
                // while another lay unused was one 19.5 s shot.
                choice.take(
                    any,
                    reason: match.map {
                        "visuals: clips; the clip matching \(Self.quoted($0.matchedWords)) is used: an unused clip of the library"
                    }
                        ?? "visuals: clips and no clip matches the terms: an unused clip of the library")
            } else if let match, match.clip.path != previousClip {
                choice.take(
                    match.clip, reason: "library, used again: no other clip matches \(Self.quoted(match.matchedWords))")
            } else if visuals == .clips, let match {
                choice.take(
                    match.clip, reason: "library, used again: no other clip matches \(Self.quoted(match.matchedWords))")
            } else if let match {
                choice.reason =
                    "the only clip matching \(Self.quoted(match.matchedWords)) is the previous scene's: the still"
            } else if let stock, failedStock.count > failedBefore {
                choice.reason =
                    "\(stock.name): the clips found failed to download or to probe (see the warnings): the still"
            } else if let stock, sceneTerms.stock.isEmpty {
                choice.reason =
                    "no clip matches the terms, and none is English to search \(stock.name) with (give the niche "
                    + "`clip_terms` in its English template): the still"
            } else {
                choice.reason =
                    scan.clips.isEmpty && stock == nil
                    ? "no clip library for this niche and no stock provider: the still"
                    : "no clip matches the terms: the still"
            }
            if let path = choice.clip, choice.source == "library" {
                used.insert(path)
                let others = matcher.alternates(
                    to: path, terms: sceneTerms.library, sceneSeconds: seconds, anyClip: visuals == .clips)
                if !others.isEmpty {
                    choice.alternates = others.compactMap { clip in
                        clip.durationSeconds.map { ClipPlan.AlternateClip(clip: clip.path, durationSeconds: $0) }
                    }
                }
            }
            previousClip = choice.clip
            plan.scenes.append(choice)
        }
        if let stock, !stockScenes.isEmpty {
            await addStockAlternates(stockScenes, used: &usedStock, failed: &failedStock, source: stock, plan: &plan)
        }
        return plan
    }

    /// How many shots a scene of `sceneSeconds` is expected to have (``ShotPlan/expectedShots(seconds:shotSeconds:)``).
    static func expectedShots(sceneSeconds: Double, shotSeconds: Double) -> Int {
        ShotPlan.expectedShots(seconds: sceneSeconds, shotSeconds: shotSeconds)
    }

    /// A stock scene's clip, the term that found it, and the results after it in that answer (its
    /// alternates come from these: no other search is made).
    private struct StockPick {
        var clip: StockClip
        var file: URL
        var term: String
        var spares: [StockClip]
        var failedFetches: Int
    }

    /// A stock scene that may cut to more of its search's results (issue 21).
    private struct StockScene {
        /// 0-based, in the plan's scenes.
        var position: Int
        /// How many more clips its expected shots could show.
        var wanted: Int
        var spares: [StockClip]
        /// Downloads or probes of this scene that failed, its own clip's included.
        var failedFetches: Int
    }

    /// What fetching and probing one stock clip gave.
    private enum FetchOutcome {
        case fetched(StockClip, URL)
        case failed
        case cancelled
    }

    /// The first result not used in this video for the first term that has one; the clip is
    /// fetched (or found in the cache) and checked like a library file. A clip that fails to
    /// download or to probe is skipped with a warning naming it (and added to `failed`), and the
    /// next result is tried; only a failed search sets `searchFailed`.
    private func stockClip(
        terms: [String], used: Set<String>, failed: inout Set<String>, source: any ClipSource, plan: inout ClipPlan,
        searchFailed: inout Bool
    ) async -> StockPick? {
        var failedFetches = 0
        for term in terms {
            let results: [StockClip]
            do {
                results = try await source.search(term: term)
            } catch is CancellationError {
                return nil
            } catch {
                plan.warnings.append("\(error)")
                logger.warning("clip search failed", metadata: ["provider": "\(source.name)", "error": "\(error)"])
                searchFailed = true
                return nil
            }
            for (index, clip) in results.enumerated() where !used.contains(clip.id) && !failed.contains(clip.id) {
                switch await fetchChecked(clip, from: source, plan: &plan) {
                case .cancelled:
                    return nil
                case .failed:
                    failed.insert(clip.id)
                    failedFetches += 1
                    if failedFetches >= Self.maximumFailedFetchesPerScene { return nil }
                case .fetched(let clip, let file):
                    return StockPick(
                        clip: clip, file: file, term: term, spares: Array(results[(index + 1)...]),
                        failedFetches: failedFetches)
                }
            }
        }
        return nil
    }

    /// Gives each stock scene more of its own search's results to cut to, up to one per expected
    /// shot after the first, in turns: every scene its second clip before any its third, and only
    /// once every scene has its own, so no scene's extras take a later scene's clip. A clip another
    /// scene shows or one that failed is passed over; a failure counts against the scene's budget
    /// (``maximumFailedFetchesPerScene``, its own clip's failures included).
    private func addStockAlternates(
        _ scenes: [StockScene], used: inout Set<String>, failed: inout Set<String>, source: any ClipSource,
        plan: inout ClipPlan
    ) async {
        var waiting = scenes
        while !waiting.isEmpty {
            var next: [StockScene] = []
            for var scene in waiting {
                var added = false
                while !added, scene.failedFetches < Self.maximumFailedFetchesPerScene, !scene.spares.isEmpty {
                    let candidate = scene.spares.removeFirst()
                    guard !used.contains(candidate.id), !failed.contains(candidate.id) else { continue }
                    switch await fetchChecked(candidate, from: source, plan: &plan) {
                    case .cancelled:
                        return
                    case .failed:
                        failed.insert(candidate.id)
                        scene.failedFetches += 1
                    case .fetched(let clip, let file):
                        used.insert(clip.id)
                        plan.scenes[scene.position].alternates =
                            (plan.scenes[scene.position].alternates ?? []) + [
                                ClipPlan.AlternateClip(
                                    clip: file.path, durationSeconds: clip.durationSeconds ?? 0, credit: clip.credit)
                            ]
                        scene.wanted -= 1
                        added = true
                    }
                }
                if added, scene.wanted > 0 { next.append(scene) }
            }
            waiting = next
        }
        for scene in scenes {
            guard let count = plan.scenes[scene.position].alternates?.count, count > 0 else { continue }
            plan.scenes[scene.position].reason += ", and \(count) more of its results to cut to"
        }
    }

    /// The clip's file, downloaded (or found in the cache) and probed. A clip that fails either is
    /// named in a warning and, when it did not probe, removed from the cache.
    private func fetchChecked(_ clip: StockClip, from source: any ClipSource, plan: inout ClipPlan) async
        -> FetchOutcome
    {
        var clip = clip
        let file: URL
        do {
            file = try await source.fetch(clip)
        } catch is CancellationError {
            return .cancelled
        } catch {
            let problem = (error as? ProviderError)?.problem ?? "\(error)"
            let warning = "\(Self.describe(clip, from: source)): download failed (\(problem)); skipped"
            plan.warnings.append(warning)
            logger.warning(
                "clip download failed",
                metadata: ["provider": "\(source.name)", "clip": "\(clip.id)", "error": "\(problem)"])
            return .failed
        }
        do {
            let probe = try await ClipProbe.probe(file.path, ffprobe: library.ffprobe)
            clip.durationSeconds = probe.durationSeconds
            return .fetched(clip, file)
        } catch {
            let problem = error.message
            plan.warnings.append("\(Self.describe(clip, from: source)): skipped, \(problem)")
            logger.warning(
                "clip skipped", metadata: ["provider": "\(source.name)", "clip": "\(clip.id)", "error": "\(problem)"])
            StockClipCache.discard(file)
            return .failed
        }
    }

    /// `pexels clip 102 (videos.pexels.com/…/102-hd.mp4, page https://www.pexels.com/video/…)`:
    /// the file's host and name, never its query (which a CDN may sign).
    static func describe(_ clip: StockClip, from source: any ClipSource) -> String {
        let host = clip.fileURL.host.map { host in clip.fileURL.port.map { "\(host):\($0)" } ?? host } ?? "?"
        return "\(source.name) clip \(clip.id) (\(host)/…/\(clip.fileURL.lastPathComponent), page \(clip.credit.url))"
    }

    private static func quoted(_ words: [String]) -> String { words.map { "“\($0)”" }.joined(separator: ", ") }
    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

extension ClipPlan.SceneChoice {
    fileprivate mutating func take(_ clip: LibraryClip, reason: String) {
        self.clip = clip.path
        source = "library"
        durationSeconds = clip.durationSeconds
        self.reason = reason
    }
}

extension ClipStage {
    /// The plan for a script: scene lengths estimated from their words, the niche's English
    /// footage vocabulary, and every language's stopwords (a French key phrase loses `les`, `pour`…).
    /// A niche without a template is searched by its own name only on an English request (the
    /// name of a French one may not be English).
    package func plan(script: Script, request: GenerationRequest, templates: TemplateLibrary) async throws -> ClipPlan {
        let template = templates.template(niche: request.niche, language: .en)
        let rate = SpeakingRate.wordsPerSecond(request.language)
        let stopwords = templates.foldedStopwordsOfEveryLanguage
        return try await plan(
            scenes: script.scenes,
            sceneSeconds: script.scenes.map { Double(ScriptText.wordCount($0.narration)) / rate },
            visuals: request.visuals ?? .auto,
            folders: Self.folders(niche: request.niche, templateNiche: template.niche),
            nicheTerms: template.clipTerms
                ?? (template.niche != ScriptTemplate.genericNiche
                    ? [template.niche] : request.language == .en ? [request.niche] : []),
            stopwords: stopwords, language: request.language, callToAction: script.callToAction,
            topic: request.topic ?? script.title)
    }
}
