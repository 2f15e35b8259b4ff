import CDispatch
// `stat` is declared by Glibc, CoreFoundation and CDispatch alike; which one a file sees first
// varies, so all three are imported (MemberImportVisibility).
import CoreFoundation
import Foundation
import Glibc

/// Reads an inbox file the way the boundary demands (STYLE 20, issue 12): a link, pipe, device or
/// folder is refused from `lstat` before anything is opened; a regular file is opened once with
/// `O_NOFOLLOW`, checked again on the open descriptor (not the path), and read up to the size
/// limit — so no link can make Reelsmith read, and echo back, a file outside the project.
package enum InputFile {
    /// Inbox files are small text files; anything larger is refused before it is read.
    package static let maximumBytes = 64 << 20

    /// `followingLinks` is for `templates/`, where a creator may link their own library: the
    /// target is still opened without blocking and must be a regular file (never a pipe or device).
    package static func read(
        _ url: URL, displayName: String, maximumBytes: Int = maximumBytes, followingLinks: Bool = false
    ) throws(InputError) -> Data {
        var info = stat()
        guard (followingLinks ? stat(url.path, &info) : lstat(url.path, &info)) == 0 else {
            throw unreadable(displayName, errno: errno)
        }
        try requireRegular(info, displayName: displayName)
        let descriptor = open(
            url.path, O_RDONLY | (followingLinks ? 0 : O_NOFOLLOW) | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP { throw notAFile(displayName, what: "a link (symlink)") }
            throw unreadable(displayName, errno: code)
        }
        defer { close(descriptor) }
        // The path may have been swapped between lstat and open: the descriptor is what counts.
        guard fstat(descriptor, &info) == 0 else { throw unreadable(displayName, errno: errno) }
        try requireRegular(info, displayName: displayName)
        let size = Int(info.st_size)
        guard size <= maximumBytes else { throw tooLarge(displayName, bytes: size, limit: maximumBytes) }
        // Read at most one byte past the limit: a file still growing cannot get around it.
        var data = Data(count: min(size, maximumBytes) + 1)
        var filled = 0
        while filled < data.count {
            let count = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count >= 0 else { throw unreadable(displayName, errno: errno) }
            if count == 0 { break }
            filled += count
            if filled == data.count, filled <= maximumBytes { data.count += 1 << 16 }
        }
        guard filled <= maximumBytes else { throw tooLarge(displayName, bytes: filled, limit: maximumBytes) }
        data.count = filled
        return data
    }

    /// What a non-regular file is, in words, or nil for a regular file.
    static func kindName(mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFLNK: "a link (symlink)"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFDIR: "a folder"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    private static func requireRegular(_ info: stat, displayName: String) throws(InputError) {
        if let what = kindName(mode: info.st_mode) { throw notAFile(displayName, what: what) }
    }

    static func notAFile(_ displayName: String, what: String) -> InputError {
        InputError(
            .notAFile, file: displayName, problem: "\(what), not a file; it was not opened",
            fix: "copy the file itself into the inbox, not a link or a special file")
    }

    package static func tooLarge(_ displayName: String, bytes: Int, limit: Int) -> InputError {
        InputError(
            .tooLarge, file: displayName,
            problem:
                "the file is \(bytes >> 20) MB, over the \(limit >> 20) MB limit; inbox files are YAML or CSV text",
            fix:
                "drop only requests, trends and analytics files here; pictures go to templates/assets/<niche>/ and music to templates/music/"
        )
    }

    private static func unreadable(_ displayName: String, errno code: Int32) -> InputError {
        InputError(
            .unreadable, file: displayName, problem: "the file cannot be read (\(String(cString: strerror(code))))",
            fix: "check that it exists and that its permissions allow reading")
    }

    /// Names what a file is when it is not text Reelsmith can read: empty, an Excel or other zip
    /// file, UTF-16, binary (a NUL byte), or not UTF-8. `saveAs` says how to save it properly.
    static func requireText(_ data: Data, file: String, saveAs: String, emptyFix: String) throws(InputError) {
        let bytes = data.prefix(4)
        if isBlank(data) {
            throw InputError(.emptyFile, file: file, problem: "the file is empty", fix: emptyFix)
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw InputError(
                .notText, file: file, problem: "this is an Excel workbook (.xlsx) or another zip file, not text",
                fix: "open it in the spreadsheet and \(saveAs)")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw InputError(
                .notText, file: file, problem: "this is an old Excel workbook (.xls) or another Office file, not text",
                fix: "open it in the spreadsheet and \(saveAs)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(data) {
            throw InputError(
                .notUTF8, file: file, line: 1, column: 1, problem: "the file is UTF-16 text, not UTF-8", fix: saveAs)
        }
        if let nul = data.firstIndex(of: 0) {
            let (line, column) = position(of: nul - data.startIndex, in: data)
            throw InputError(
                .notText, file: file, line: line, column: column,
                problem: "the file holds a NUL byte: it is binary, not text",
                fix: "drop only YAML or CSV text here; \(saveAs)")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            let (line, column) = YAMLDocument.firstInvalidUTF8Position(in: data)
            throw InputError(
                .notUTF8, file: file, line: line, column: column, problem: "the file is not valid UTF-8 text",
                fix: saveAs)
        }
    }

    /// Nothing but spaces, line breaks and a byte-order mark.
    package static func isBlank(_ data: Data) -> Bool {
        var rest = data[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        return rest.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
    }

    /// UTF-16 without a byte-order mark: ASCII text with a NUL after (or before) every character.
    private static func looksLikeUTF16(_ data: Data) -> Bool {
        let sample = Array(data.prefix(64))
        guard sample.count >= 4 else { return false }
        let even = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let odd = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let half = sample.count / 2
        return (odd >= half * 3 / 4 && even == 0) || (even >= half * 3 / 4 && odd == 0)
    }

    /// 1-based line and column (in bytes) of `offset`.
    private static func position(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
