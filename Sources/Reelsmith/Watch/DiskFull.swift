import Foundation
import GRDB
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Whether an error means the disk (or the process's file-size limit) is full: ENOSPC, EDQUOT,
/// EFBIG from a write, SQLite's SQLITE_FULL, or an external tool (ffmpeg) saying so. Such a job
/// is not the input's fault: it keeps its input and runs again once there is space (issue 12).
enum DiskFull {
    static let codes: Set<Int32> = [ENOSPC, EDQUOT, EFBIG]

    package static func matches(_ error: any Error) -> Bool {
        switch error {
        case let error as UnsafeFolderError:
            return error.code.map { codes.contains($0) } ?? false
        case let error as POSIXError:
            return codes.contains(error.code.rawValue)
        case let error as DatabaseError:
            return error.resultCode == .SQLITE_FULL || error.extendedResultCode == .SQLITE_IOERR_WRITE
        case let error as ExternalToolError:
            return ["No space left on device", "File too large", "Disk quota exceeded"].contains {
                error.stderrTail.contains($0)
            }
        case let error as CocoaError:
            if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
                underlying.domain == NSPOSIXErrorDomain
            {
                return codes.contains(Int32(underlying.code))
            }
            return error.code == .fileWriteOutOfSpace
        default:
            let error = error as NSError
            return error.domain == NSPOSIXErrorDomain && codes.contains(Int32(error.code))
        }
    }
}
