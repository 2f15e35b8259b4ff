/// The one place the version is written: `reelsmith --version` prints it and
/// `scripts/package-deb.sh` reads it from the built binary for the `.deb`'s version.
package enum ReelsmithVersion {
    package static let current = "0.9.0"
}
