import Foundation
import ReelsmithCore

/// A child left running by a process that was killed with SIGKILL (its children are not killed
/// with it). Found again through the pid file it was recorded in, and stopped.
enum OrphanProcess {
    /// Kills the process recorded in `pidFile` if it is still alive and its command line names
    /// `program` (a recycled pid is left alone), then waits for it to be gone.
    static func terminate(recordedIn pidFile: URL, expecting program: String) async {
        defer { try? FileManager.default.removeItem(at: pidFile) }
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1,
            let commandLine = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")),
            String(decoding: commandLine, as: UTF8.self).contains(program)
        else { return }
        kill(pid, SIGKILL)
        for _ in 0..<200 where kill(pid, 0) == 0 && !isZombie(pid) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private static func isZombie(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return status.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? true
    }
}
