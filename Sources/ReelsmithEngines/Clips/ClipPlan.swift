import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// What each scene shows and why (issue 9): written to the job's `work/clips.json` by the clips
/// stage and copied into `report.json` (`clips`).
package struct ClipPlan: Sendable, Codable, Equatable {
    /// `visuals:` of the request.
    package var visuals: VisualsMode
    package var scenes: [SceneChoice]
    /// Files skipped and searches that failed, each naming the file or the provider.
    package var warnings: [String]

    package struct SceneChoice: Sendable, Codable, Equatable {
        /// 1-based, as in `script.json`.
        package var scene: Int
        package var terms: [String]
        /// Absolute path of the clip rendered (a library file or a cached download); nil: the still.
        package var clip: String?
        /// `library`, a provider's name, or `still`.
        package var source: String
        package var reason: String
        package var durationSeconds: Double?
        /// Author, address and licence of a stock clip, as its terms ask.
        package var credit: ClipCredit?
        /// Other clips the scene may cut to (issue 21: a new shot every few seconds), best first:
        /// library clips on a library scene, further results of its search on a stock one; nil or
        /// empty: the scene's own clip is its only one.
        package var alternates: [AlternateClip]?

        enum CodingKeys: String, CodingKey {
            case scene, terms, clip, source, reason, credit, alternates
            case durationSeconds = "duration_seconds"
        }
    }

    /// Another clip a scene may also show: a library file, or a stock download with its credit.
    package struct AlternateClip: Sendable, Codable, Equatable {
        package var clip: String
        package var durationSeconds: Double
        /// Author, address and licence of a stock clip; nil for a library clip (and in plans
        /// written before stock scenes had alternates).
        package var credit: ClipCredit? = nil

        enum CodingKeys: String, CodingKey {
            case clip, credit
            case durationSeconds = "duration_seconds"
        }
    }

    /// Every stock clip the plan shows or may cut to, each once, in scene order: what the report
    /// credits.
    package var credits: [ClipCredit] {
        var seen: Set<String> = []
        return scenes.flatMap { [$0.credit] + ($0.alternates ?? []).map(\.credit) }.compactMap { $0 }.filter {
            seen.insert($0.provider + "/" + $0.id).inserted
        }
    }

    /// The plan with each clip that is no longer on disk (deleted from the library or the cache
    /// since the plan was made, before a resumed render) turned back into its scene's still, and a
    /// warning naming the file.
    package func droppingMissingClips(exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) })
        -> ClipPlan
    {
        var plan = self
        for index in plan.scenes.indices {
            let scene = plan.scenes[index].scene
            for alternate in plan.scenes[index].alternates ?? [] where !exists(alternate.clip) {
                plan.warnings.append(
                    "scene \(scene): \(alternate.clip) is gone (deleted since the clips were chosen); not cut to")
            }
            plan.scenes[index].alternates = plan.scenes[index].alternates?.filter { exists($0.clip) }
            guard let path = plan.scenes[index].clip, !exists(path) else { continue }
            // Its first alternate left, when there is one, takes its place (a stock scene keeps its footage).
            if let first = plan.scenes[index].alternates?.first {
                plan.scenes[index].clip = first.clip
                plan.scenes[index].durationSeconds = first.durationSeconds
                plan.scenes[index].credit = first.credit
                plan.scenes[index].alternates?.removeFirst()
                plan.scenes[index].reason += "; its clip \(path) was deleted before the render: its next clip is shown"
                plan.warnings.append(
                    "scene \(scene): \(path) is gone (deleted since the clips were chosen); \(first.clip) is shown")
                continue
            }
            plan.scenes[index].clip = nil
            plan.scenes[index].source = "still"
            plan.scenes[index].reason = "its clip \(path) was deleted before the render: the scene's still is shown"
            plan.scenes[index].durationSeconds = nil
            plan.scenes[index].credit = nil
            plan.scenes[index].alternates = nil
            plan.warnings.append(
                "scene \(scene): \(path) is gone (deleted since the clips were chosen); the still is shown")
        }
        return plan
    }

    /// The render's clips by 0-based scene index, each probed again for what the plan does not
    /// keep (its colour coding and pixel shape: an HDR clip is tone-mapped, an anamorphic one
    /// placed by its display size). A clip ffprobe cannot read now is left to the render as SDR.
    package func sceneClips(ffprobe: String) async -> [Int: SceneClip] {
        var clips = sceneClips
        for (scene, clip) in clips {
            guard let probe = try? await ClipProbe.probe(clip.path, ffprobe: ffprobe) else { continue }
            clips[scene] = SceneClip(path: clip.path, durationSeconds: clip.durationSeconds, probe: probe)
        }
        return clips
    }

    /// Each scene's clips, best first (its own, then its alternates), by 0-based scene index, each
    /// probed like ``sceneClips(ffprobe:)``; a scene without a clip has none.
    package func sceneClipLists(ffprobe: String) async -> [[SceneClip]] {
        var lists: [[SceneClip]] = []
        for choice in scenes {
            var list: [SceneClip] = []
            if let path = choice.clip, let duration = choice.durationSeconds {
                let entries = [(path, duration)] + (choice.alternates ?? []).map { ($0.clip, $0.durationSeconds) }
                for (file, seconds) in entries {
                    let probe = try? await ClipProbe.probe(file, ffprobe: ffprobe)
                    list.append(SceneClip(path: file, durationSeconds: seconds, probe: probe))
                }
            }
            lists.append(list)
        }
        return lists
    }

    /// The render's clips by 0-based scene index, as the plan names them (not probed).
    package var sceneClips: [Int: SceneClip] {
        var clips: [Int: SceneClip] = [:]
        for choice in scenes {
            if let path = choice.clip, let duration = choice.durationSeconds {
                clips[choice.scene - 1] = SceneClip(path: path, durationSeconds: duration)
            }
        }
        return clips
    }
}

/// The credit a stock clip's licence asks for.
package struct ClipCredit: Sendable, Codable, Equatable {
    package var provider: String
    package var id: String
    package var author: String
    package var authorURL: String?
    /// The clip's page at the provider.
    package var url: String
    package var licence: String
    package var licenceURL: String

    enum CodingKeys: String, CodingKey {
        case provider, id, author, url, licence
        case authorURL = "author_url"
        case licenceURL = "licence_url"
    }
}
