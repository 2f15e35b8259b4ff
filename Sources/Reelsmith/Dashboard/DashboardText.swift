import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// The page's words in French and English (DESIGN: both are first-class).
struct DashboardText: Sendable {
    package let language: Language

    private func pick(_ en: String, _ fr: String) -> String { language == .fr ? fr : en }

    package var title: String { pick("Reelsmith dashboard", "Tableau de bord Reelsmith") }
    package func updated(_ when: String) -> String { pick("Updated \(when)", "Mis à jour le \(when)") }
    package var overview: String { pick("Overview", "Vue d’ensemble") }
    var nichesAndTrends: String { pick("Niches and trends", "Niches et tendances") }
    package var library: String { pick("Library", "Bibliothèque") }
    package var insights: String { pick("Insights", "Enseignements") }
    var newVideo: String { pick("New video", "Nouvelle vidéo") }
    package var videos: String { pick("Videos", "Vidéos") }
    var successRate: String { pick("Success rate", "Taux de réussite") }
    var meanScore: String { pick("Mean virality score", "Score de viralité moyen") }
    package var trends: String { pick("Trends", "Tendances") }
    package var running: String { pick("running or queued", "en cours ou en attente") }
    func jobsFinished(_ published: Int, _ failed: Int) -> String {
        pick("\(published) published, \(failed) failed", "\(published) publiées, \(failed) en échec")
    }
    var videosPerDay: String {
        pick("Videos made per day (last 30 days)", "Vidéos créées par jour (30 derniers jours)")
    }
    package var day: String { pick("Day", "Jour") }
    package var made: String { pick("Made", "Créées") }
    package var failed: String { pick("Failed", "En échec") }
    var stageTimes: String { pick("Mean time per stage", "Temps moyen par étape") }
    package var stage: String { pick("Stage", "Étape") }
    package var seconds: String { pick("Seconds", "Secondes") }
    package var runs: String { pick("Runs", "Exécutions") }
    var noStageTimes: String {
        pick(
            "No stage times yet: they appear after the first video.",
            "Pas encore de temps d’étape : ils apparaissent après la première vidéo.")
    }
    package var spend: String { pick("Provider spend (last 30 days)", "Crédits API consommés (30 derniers jours)") }
    package var provider: String { pick("Provider / model", "Fournisseur / modèle") }
    package var requests: String { pick("Requests", "Requêtes") }
    package var tokens: String { pick("Tokens (prompt + completion)", "Jetons (prompt + réponse)") }
    var noSpend: String {
        pick("Nothing spent: every stage ran offline.", "Aucune dépense : toutes les étapes ont tourné hors ligne.")
    }
    package var performance: String { pick("Views and engagement over time", "Vues et interactions dans le temps") }
    package var views: String { pick("Views", "Vues") }
    package var engagement: String { pick("Engagement", "Interactions") }
    var noPerformance: String {
        pick(
            "No analytics yet: drop a TikTok Studio export or an analytics CSV into inbox/analytics/.",
            "Pas encore de statistiques : déposez un export TikTok Studio ou un CSV dans inbox/analytics/.")
    }
    var showTable: String { pick("Show as a table", "Afficher en tableau") }
    package var rank: String { "#" }
    package var niche: String { pick("Niche", "Niche") }
    package var score: String { pick("Score", "Score") }
    package var parts: String { pick("Formula’s parts", "Parts de la formule") }
    var partNames: [String] {
        language == .fr
            ? ["vues", "interactions", "revenu", "bonus tendances"] : ["views", "engagement", "revenue", "trend bonus"]
    }
    package var trending: String { pick("trending", "en vogue") }
    func trendingThisWeek(_ count: Int) -> String {
        pick(
            "\(count) trend\(count == 1 ? "" : "s") this week", "\(count) tendance\(count > 1 ? "s" : "") cette semaine"
        )
    }
    package func trendCount(_ count: Int) -> String {
        pick("\(count) trend\(count == 1 ? "" : "s")", "\(count) tendance\(count > 1 ? "s" : "")")
    }
    package func videoCount(_ count: Int) -> String {
        pick("\(count) video\(count == 1 ? "" : "s")", "\(count) vidéo\(count > 1 ? "s" : "")")
    }
    var topTrends: String { pick("Top trends", "Meilleures tendances") }
    var makeNext: String { pick("What to make next", "Quoi créer ensuite") }
    var noNiches: String {
        pick(
            "No niches yet: drop a trends file into inbox/trends/.",
            "Pas encore de niches : déposez un fichier de tendances dans inbox/trends/.")
    }
    var allNiches: String { pick("All niches", "Toutes les niches") }
    var filterByNiche: String { pick("Niche", "Niche") }
    var sortBy: String { pick("Sort by", "Trier par") }
    package var thumbnail: String { pick("Thumbnail", "Miniature") }
    var videoTitle: String { pick("Title", "Titre") }
    package var status: String { pick("Status", "Statut") }
    package var date: String { pick("Date", "Date") }
    package var criteria: String { pick("Criteria", "Critères") }
    var criterionNames: [String] {
        language == .fr
            ? ["accroche", "structure", "rythme", "émotions", "SEO/hashtags"]
            : ["hook", "structure", "timing", "emotional triggers", "SEO/hashtags"]
    }
    func statusName(_ status: LibraryEntry.Status) -> String {
        switch status {
        case .published: pick("published", "publiée")
        case .posted: pick("posted, with numbers", "en ligne, chiffrée")
        case .external: pick("TikTok only", "TikTok seulement")
        }
    }
    package var folder: String { pick("folder", "dossier") }
    package var mp4: String { "MP4" }
    package var previous: String { pick("Previous", "Précédent") }
    package var next: String { pick("Next", "Suivant") }
    func showing(_ from: String, _ to: String, _ total: String) -> String {
        pick("\(from)–\(to) of \(total)", "\(from)–\(to) sur \(total)")
    }
    var noVideos: String {
        pick(
            "No videos yet: drop a request into inbox/requests/.",
            "Pas encore de vidéo : déposez une demande dans inbox/requests/.")
    }
    package var window: String { pick("Window", "Période") }
    func videosWithNumbers(_ count: Int, _ high: Int) -> String {
        pick(
            "\(count) videos with numbers, \(high) over 10,000 views",
            "\(count) vidéos chiffrées, \(high) au-dessus de 10 000 vues")
    }
    package var feature: String { pick("Feature", "Caractéristique") }
    package var correlation: String { pick("ρ (Spearman)", "ρ (Spearman)") }
    package var sample: String { pick("Videos (n)", "Vidéos (n)") }
    var certainty: String { pick("How sure", "Certitude") }
    package func evidence(_ evidence: Evidence) -> String {
        switch evidence {
        case .insufficient: pick("too few videos", "trop peu de vidéos")
        case .weak: pick("weak (could be chance)", "faible (peut-être le hasard)")
        case .moderate: pick("moderate (p < 0.05)", "modérée (p < 0,05)")
        case .strong: pick("strong (p < 0.01)", "forte (p < 0,01)")
        }
    }
    package var finding: String { pick("Finding", "Constat") }
    package var recommendations: String { pick("Recommendations", "Recommandations") }
    package var audience: String { pick("Audience (TikTok Studio export)", "Audience (export TikTok Studio)") }
    var noAudience: String {
        pick(
            "Drop TikTok Studio's whole export folder into inbox/analytics/ to see the account's views, the best hours to post and who watches.",
            "Dépose le dossier d’export complet de TikTok Studio dans inbox/analytics/ pour voir les vues du compte, les meilleures heures pour publier et qui regarde."
        )
    }
    var accountViews: String { pick("Account views per day", "Vues du compte par jour") }
    package var profileViews: String { pick("Profile views", "Vues du profil") }
    var viewersPerDay: String {
        pick("New and returning viewers per day", "Nouveaux spectateurs et spectateurs fidèles par jour")
    }
    package var newViewers: String { pick("New viewers", "Nouveaux") }
    package var returningViewers: String { pick("Returning viewers", "Reviennent") }
    package func viewerMix(_ mix: ViewerMix) -> String {
        let new = NumberText.grouped(mix.newViewers, language)
        let returning = NumberText.grouped(mix.returningViewers, language)
        let percent = NumberText.percent(mix.returningShare, language)
        return pick(
            "Viewers: \(new) new, \(returning) returning (\(percent)) over \(mix.days) days (\(mix.from) → \(mix.to))",
            "Spectateurs : \(new) nouveaux, \(returning) qui reviennent (\(percent)) sur \(mix.days) jours (\(mix.from) → \(mix.to))"
        )
    }
    var bestHours: String { pick("Best hours to post", "Meilleures heures pour publier") }
    package var followers: String { pick("Followers", "Abonnés") }
    package var gender: String { pick("Gender", "Genre") }
    package var territories: String { pick("Top territories", "Principaux territoires") }
    package var share: String { pick("Share", "Part") }
    package var media: String { pick("Pictures · characters spoken · audio", "Images · caractères lus · audio") }
    var scatterTitle: String { pick("Predicted score against real views", "Score prédit et vues réelles") }
    var predictedScore: String { pick("virality score", "score de viralité") }
    var realViews: String { pick("views (log scale)", "vues (échelle log)") }
    func scatterSummary(_ count: Int, _ rho: Double?, _ evidence: Evidence) -> String {
        let rhoText = rho.map { String(format: "%+.2f", $0) } ?? "—"
        return pick(
            "\(count) videos with a score and views; Spearman ρ = \(rhoText); evidence: \(self.evidence(evidence)).",
            "\(count) vidéos avec un score et des vues ; ρ de Spearman = \(rhoText) ; certitude : \(self.evidence(evidence))."
        )
    }
    var noScatter: String {
        pick("No video has both a score and views yet.", "Aucune vidéo n’a encore un score et des vues.")
    }
    var formIntro: String {
        pick(
            "Fill in the request, then copy or download the YAML and drop the file into inbox/requests/. The daemon makes the video; no server is needed.",
            "Remplissez la demande, puis copiez ou téléchargez le YAML et déposez le fichier dans inbox/requests/. Le démon crée la vidéo ; aucun serveur n’est nécessaire."
        )
    }
    package var copy: String { pick("Copy", "Copier") }
    package var download: String { pick("Download request.yaml", "Télécharger request.yaml") }
    package var optional: String { pick("optional", "facultatif") }
    var firstRunTitle: String { pick("Welcome to Reelsmith", "Bienvenue dans Reelsmith") }
    var firstRunSteps: [String] {
        language == .fr
            ? [
                "Déposez un fichier de tendances (YAML) dans inbox/trends/ : les niches sont classées ici.",
                "Déposez une demande (YAML) dans inbox/requests/ — le formulaire ci-dessous l’écrit pour vous : la vidéo arrive dans outbox/videos/.",
                "Déposez vos statistiques (export TikTok Studio Content.csv ou notre CSV) dans inbox/analytics/ : les enseignements apparaissent ici.",
            ]
            : [
                "Drop a trends file (YAML) into inbox/trends/: the niches get ranked here.",
                "Drop a request (YAML) into inbox/requests/ — the form below writes one for you: the video lands in outbox/videos/.",
                "Drop your numbers (TikTok Studio's Content.csv export or our CSV) into inbox/analytics/: the insights appear here.",
            ]
    }
    var firstRunNote: String {
        pick(
            "This page is rewritten each time the index changes; reload it to see the new state.",
            "Cette page est réécrite à chaque changement de l’index ; rechargez-la pour voir le nouvel état.")
    }
}
