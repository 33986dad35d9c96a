//! The server's own key, which lets a mentee check that they reached the
//! coach's program: made on first use, kept in the data folder readable by
//! the user alone, and the same on every later run (so a mentee's
//! `known_hosts` entry stays right).

use anyhow::{Context, Result, bail};
use russh::keys::PrivateKey;
use russh::keys::ssh_key::private::{Ed25519Keypair, KeypairData};
use russh::keys::ssh_key::{HashAlg, LineEnding};
use std::path::{Path, PathBuf};

/// Where the key lives: `<data folder>/ssh_host_ed25519_key`.
pub fn default_path() -> Option<PathBuf> {
    crate::session::people::root().map(|r| r.join("ssh_host_ed25519_key"))
}

/// The key at `path`, made there first if there is none. A key file that
/// others can read is refused, as OpenSSH refuses one, since anyone who
/// can read it can pose as this server.
pub(crate) fn load_or_create(path: &Path) -> Result<PrivateKey> {
    if path.exists() {
        check_private(path)?;
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the host key {}", path.display()))?;
        return PrivateKey::from_openssh(text.trim_end()).map_err(|e| {
            anyhow::anyhow!(
                "the host key {} cannot be read ({e}); move it aside and a new one is made",
                path.display()
            )
        });
    }
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| anyhow::anyhow!("no random numbers for a key: {e}"))?;
    let key = PrivateKey::new(
        KeypairData::Ed25519(Ed25519Keypair::from_seed(&seed)),
        "crossroads live session",
    )
    .map_err(|e| anyhow::anyhow!("making a host key: {e}"))?;
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| anyhow::anyhow!("writing a host key: {e}"))?;
    write_private(path, text.as_bytes())?;
    Ok(key)
}

/// The key's fingerprint as `ssh` shows it: `SHA256:...`.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(unix)]
fn check_private(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)?.permissions().mode();
    if mode & 0o077 != 0 {
        bail!(
            "the host key {} can be read by others (mode {:o}); make it private with chmod 600",
            path.display(),
            mode & 0o777
        );
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_: &Path) -> Result<()> {
    Ok(())
}

/// Writes a new file readable by the user alone, never over another.
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("making the data folder {}", dir.display()))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("making the host key {}", path.display()))?;
    file.write_all(bytes)
        .and_then(|_| file.sync_all())
        .with_context(|| format!("writing the host key {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_made_once_private_and_read_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        let first = load_or_create(&path).unwrap();
        let again = load_or_create(&path).unwrap();
        assert_eq!(fingerprint(&first), fingerprint(&again));
        assert!(fingerprint(&first).starts_with("SHA256:"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_key_others_can_read_is_refused_with_how_to_fix_it() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        load_or_create(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let why = load_or_create(&path).unwrap_err().to_string();
        assert!(why.contains("chmod 600"), "{why}");
    }
}
