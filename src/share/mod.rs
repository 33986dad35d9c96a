//! Live coaching on two screens: the mentee answers on their own terminal,
//! over SSH, while the coach's program holds the session and shows the
//! coach's view.
//!
//! - [`server`]: the SSH listener (russh on a small tokio runtime, on a
//!   thread of its own), one mentee at a time, the code as the password;
//! - [`mentee`]: the mentee's screen, which runs beside the coach's app in
//!   the coach's loop ([`crate::tui::Beside`]);
//! - [`code`], [`host_key`], [`keys`], [`window`]: the one-time code, the
//!   server's key, the mentee's bytes turned into key events, and the
//!   mentee's window drawn into bytes.
//!
//! Nothing here is used by the core: `cargo build --lib
//! --no-default-features` builds no SSH and no async runtime.

pub mod code;
pub mod host_key;
pub mod keys;
pub mod mentee;
pub mod server;
pub mod window;

use crate::tui::app::App;
use std::net::SocketAddr;
use std::path::Path;

/// Where a live session listens unless the coach names an address: this
/// computer only, on a port the system picks.
pub const DEFAULT_ADDRESS: &str = "127.0.0.1:0";

/// Starts a live session of the coach's app: makes the code, loads (or
/// makes) the host key at `key_path`, listens on `address`, and returns
/// the mentee's screen to run beside the app. `send` takes the listener's
/// events to the coach's loop.
pub fn start(
    coach: &mut App,
    address: SocketAddr,
    key_path: &Path,
    send: impl Fn(server::Event) + Send + Sync + 'static,
) -> anyhow::Result<mentee::MenteeScreen> {
    let key = host_key::load_or_create(key_path)?;
    let fingerprint = host_key::fingerprint(&key);
    let code = code::Code::random()?;
    let spoken = code.spoken();
    let listener = server::Listener::start(address, key, code, send)?;
    let invite = invite(listener.address);
    Ok(mentee::MenteeScreen::new(coach, invite, spoken, fingerprint).with_listener(listener))
}

/// The command a mentee types to reach `address`.
pub(crate) fn invite(address: SocketAddr) -> String {
    let host = match address.ip() {
        ip if ip.is_unspecified() => "<this computer's address>".to_string(),
        ip => ip.to_string(),
    };
    format!("ssh -p {} {host}", address.port())
}

/// Reads `--listen`: an address with a port (`10.8.0.5:2222`), or an
/// address alone, on which the system picks a port.
pub fn parse_address(text: &str) -> Result<SocketAddr, String> {
    if let Ok(address) = text.parse::<SocketAddr>() {
        return Ok(address);
    }
    text.parse::<std::net::IpAddr>()
        .map(|ip| SocketAddr::new(ip, 0))
        .map_err(|_| {
            format!("'{text}' is not an address to listen on: give an IP address, with a port if you like (127.0.0.1:2222)")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_alone_gets_a_port_from_the_system() {
        assert_eq!(parse_address("10.8.0.5").unwrap().port(), 0);
        assert_eq!(parse_address("127.0.0.1:2222").unwrap().port(), 2222);
        assert!(parse_address("example.com").is_err());
    }

    #[test]
    fn the_invite_names_the_port_and_host() {
        let a: SocketAddr = "127.0.0.1:40222".parse().unwrap();
        assert_eq!(invite(a), "ssh -p 40222 127.0.0.1");
    }
}
