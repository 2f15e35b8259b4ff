import Foundation
import ZIPFoundation

/// Reads the files of a zip archive in memory (issue 11): TikTok Studio's "Download data" gives one
/// zip per section (`Overview_<first day>_<epoch>_<handle>.zip`, `Followers_<handle>.zip` with four
/// CSVs, `Content_<handle>.zip`, `Viewers_<handle>.zip`), and an `.xlsx` workbook is a zip too.
/// Nothing is extracted to disk, so an entry's path (`../x`, `/etc/x`) is only a name in messages.
/// The archive is hostile until read: its entry count and the bytes it inflates to are capped as
/// they are read, not as the archive declares them, so a zip bomb stops at the cap.
enum ZipArchiveReader {
    /// One file of the archive, read whole.
    package struct Entry: Sendable, Equatable {
        /// Its path inside the archive, as the archive spells it.
        package var path: String
        package var data: Data
    }

    /// More files than any TikTok export or small workbook holds.
    static let maximumEntries = 64
    /// All entries together, inflated: the limit of one dropped file (``InputFile/maximumBytes``).
    static let maximumUncompressedBytes = InputFile.maximumBytes

    /// `PK\x03\x04` (a zip's first local header) or `PK\x05\x06` (an empty zip).
    static func isArchive(_ data: Data) -> Bool {
        data.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04])
            || data.prefix(4).elementsEqual([0x50, 0x4B, 0x05, 0x06])
    }

    /// The regular files of the archive in their stored order, without folders and the copies
    /// macOS adds when it zips (`__MACOSX/`, `._name`, `.DS_Store`).
    package static func entries(of data: Data, file: String) throws(InputError) -> [Entry] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            let isWorkbook = file.lowercased().hasSuffix(".xlsx")
            throw InputError(
                .notText, file: file,
                problem: isWorkbook
                    ? "this Excel workbook (.xlsx) cannot be read: its zip is damaged or incomplete"
                    : "this zip archive cannot be read (it is damaged or incomplete)",
                fix: isWorkbook
                    ? "export it again from TikTok Studio, or open it in a spreadsheet and save it as \"CSV UTF-8\""
                    : "download it again from TikTok Studio (Analytics › Download data), or unzip it and drop the CSV files"
            )
        }
        var entries: [Entry] = []
        var seen = 0
        var inflated = 0
        for entry in archive {
            seen += 1
            guard seen <= maximumEntries else {
                throw InputError(
                    .tooComplex, file: file,
                    problem: "this zip holds more than \(maximumEntries) files; a TikTok Studio export holds a few",
                    fix: "unzip it and drop only the analytics CSV files into inbox/analytics/")
            }
            let name = (entry.path as NSString).lastPathComponent
            if entry.type != .file || entry.path.hasPrefix("__MACOSX/") || name.hasPrefix(".") { continue }
            if entry.uncompressedSize > UInt64(maximumUncompressedBytes - inflated) {
                throw tooLarge(file)
            }
            var content = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    inflated += chunk.count
                    guard inflated <= maximumUncompressedBytes else { throw Inflation.overLimit }
                    content.append(chunk)
                }
            } catch Inflation.overLimit {
                throw tooLarge(file)
            } catch {
                throw InputError(
                    .notText, file: "\(file)/\(Excerpt.quote(entry.path))",
                    problem:
                        "this file of the zip cannot be read (it is damaged, or compressed in a way zip files rarely are)",
                    fix: "download the zip again from TikTok Studio, or unzip it and drop the CSV files")
            }
            entries.append(Entry(path: entry.path, data: content))
        }
        return entries
    }

    private enum Inflation: Error { case overLimit }

    private static func tooLarge(_ file: String) -> InputError {
        InputError(
            .tooLarge, file: file,
            problem:
                "this zip inflates to more than \(maximumUncompressedBytes >> 20) MB; no analytics export is that large",
            fix: "unzip it and drop only the analytics CSV files into inbox/analytics/")
    }
}
