//! The SSH listener of a live session: one mentee at a time, with the
//! one-time code as the password, offered the mentee's screen and nothing
//! else.
//!
//! It runs on its own thread with a small tokio runtime; the session and
//! both screens stay on the coach's thread. The two meet through
//! [`Event`]s sent to the coach's loop and [`Out`] frames sent back, each
//! bounded so that no client, however hostile, makes the coach's program
//! wait or hold unbounded memory:
//! - keys: at most `QUEUED_LIMIT` bytes waiting for the loop per
//!   connection; more are dropped (a flood loses its own keys);
//! - window sizes: only the latest is kept, and one event at a time waits;
//! - frames to the mentee: at most `FRAMES_WAITING`; the loop drops the
//!   rest and draws the whole screen again once the client reads;
//! - connections: at most `CONNECTIONS` at once; a login within
//!   `LOGIN_TIME`; an idle mentee is let go after `IDLE_TIME`.

mod handler;

use super::code::Code;
use handler::Conn;
use russh::keys::PrivateKey;
use russh::{ChannelId, MethodKind, MethodSet};
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Key bytes a connection may have waiting for the coach's loop.
pub(crate) const QUEUED_LIMIT: usize = 64 * 1024;
/// Frames waiting to be sent to the mentee.
pub(crate) const FRAMES_WAITING: usize = 16;
/// Connections open at once (logged in or not).
const CONNECTIONS: usize = 8;
/// Time to log in after connecting.
const LOGIN_TIME: Duration = Duration::from_secs(60);
/// A mentee who sends nothing for this long is let go (the code lets them
/// back in).
const IDLE_TIME: Duration = Duration::from_secs(30 * 60);
/// Wrong codes on one connection before it is closed.
const TRIES_PER_CONNECTION: usize = 3;
/// Wrong codes in all before the listener stops.
pub(crate) const TRIES_IN_ALL: u32 = 20;
/// The largest window drawn; a client may claim any size.
pub(crate) const MAX_SIZE: (u16, u16) = (400, 200);

/// What the listener tells the coach's loop.
#[derive(Debug)]
pub enum Event {
    /// A mentee logged in and asked for their screen.
    Joined {
        id: u64,
        wire: Arc<Wire>,
        out: tokio::sync::mpsc::Sender<Out>,
    },
    /// Bytes the mentee typed.
    Keys { id: u64, bytes: Vec<u8> },
    /// The mentee's window changed size (read the latest from the wire).
    Resized { id: u64 },
    /// The frames waiting were sent: a screen that dropped frames can be
    /// drawn whole again.
    Drained { id: u64 },
    /// The mentee's connection closed.
    Left { id: u64 },
    /// A line for the coach: a wrong code, a second mentee refused, the
    /// listener stopped.
    Said(String),
}

/// What the coach's loop sends to a mentee's connection.
#[derive(Debug)]
pub enum Out {
    /// Bytes of a frame.
    Frame(Vec<u8>),
    /// Last words, then the connection closes; `done` says they are sent.
    End {
        text: Vec<u8>,
        done: std::sync::mpsc::Sender<()>,
    },
}

/// What one connection shares between its handler, its watcher and the
/// coach's loop.
#[derive(Debug, Default)]
pub struct Wire {
    /// Width and height, latest first: `w << 16 | h`.
    size: AtomicU32,
    resize_waiting: AtomicBool,
    /// Key bytes sent to the loop and not yet handled.
    queued: AtomicUsize,
    /// A frame was dropped: draw the whole screen when the client reads.
    pub(crate) stale: AtomicBool,
    logged_in: AtomicBool,
    /// Seconds since the listener started, at the last key.
    last_key: AtomicU64,
    /// The connection has ended.
    pub(crate) gone: AtomicBool,
    left_told: AtomicBool,
}

impl Wire {
    /// The window's size, held within `MAX_SIZE`.
    pub fn size(&self) -> (u16, u16) {
        let packed = self.size.load(Ordering::Relaxed);
        ((packed >> 16) as u16, packed as u16)
    }

    pub(crate) fn set_size(&self, w: u32, h: u32) {
        let w = w.min(u32::from(MAX_SIZE.0));
        let h = h.min(u32::from(MAX_SIZE.1));
        self.size.store(w << 16 | h, Ordering::Relaxed);
    }

    /// The loop takes a resize: the next one may be told again.
    pub(crate) fn resize_taken(&self) {
        self.resize_waiting.store(false, Ordering::Relaxed);
    }

    /// The loop handled `n` key bytes.
    pub(crate) fn keys_taken(&self, n: usize) {
        self.queued.fetch_sub(n, Ordering::Relaxed);
    }

    /// A frame could not be queued: the screen is drawn whole later.
    pub(crate) fn mark_stale(&self) {
        self.stale.store(true, Ordering::Relaxed);
    }

    /// Whether frames were dropped since the last whole screen; clears it.
    pub(crate) fn take_stale(&self) -> bool {
        self.stale.swap(false, Ordering::Relaxed)
    }

    /// Whether the connection has ended.
    pub(crate) fn is_gone(&self) -> bool {
        self.gone.load(Ordering::Relaxed)
    }
}

/// What every connection shares.
struct Shared {
    code: Code,
    send: Box<dyn Fn(Event) + Send + Sync>,
    /// The connection that holds the mentee's screen.
    mentee: Mutex<Option<u64>>,
    wrong: AtomicU32,
    open: AtomicUsize,
    stop: tokio::sync::watch::Sender<bool>,
    started: Instant,
}

impl Shared {
    fn seconds(&self) -> u64 {
        self.started.elapsed().as_secs()
    }

    /// The mentee's connection ended: free the screen and say so once.
    fn left(&self, id: u64, wire: &Wire) {
        let mut mentee = self.mentee.lock().unwrap_or_else(|e| e.into_inner());
        if *mentee == Some(id) {
            *mentee = None;
            if !wire.left_told.swap(true, Ordering::Relaxed) {
                (self.send)(Event::Left { id });
            }
        }
    }
}

/// A running listener.
pub(crate) struct Listener {
    /// Where it listens (the port is known even when 0 was asked for).
    pub address: SocketAddr,
    stop: tokio::sync::watch::Sender<bool>,
}

impl Listener {
    /// Binds `address` and serves on a thread of its own; `send` takes
    /// every [`Event`] to the coach's loop.
    pub fn start(
        address: SocketAddr,
        key: PrivateKey,
        code: Code,
        send: impl Fn(Event) + Send + Sync + 'static,
    ) -> anyhow::Result<Listener> {
        let socket = TcpListener::bind(address)
            .map_err(|e| anyhow::anyhow!("cannot listen on {address}: {e}"))?;
        socket.set_nonblocking(true)?;
        let address = socket.local_addr()?;
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let shared = Arc::new(Shared {
            code,
            send: Box::new(send),
            mentee: Mutex::new(None),
            wrong: AtomicU32::new(0),
            open: AtomicUsize::new(0),
            stop: stop.clone(),
            started: Instant::now(),
        });
        let config = Arc::new(russh::server::Config {
            methods: MethodSet::from(&[MethodKind::Password][..]),
            auth_rejection_time: Duration::from_secs(1),
            auth_rejection_time_initial: Some(Duration::ZERO),
            keys: vec![key],
            // The client's first "none" probe counts as an attempt.
            max_auth_attempts: TRIES_PER_CONNECTION + 1,
            // Our own watcher closes idle connections; russh's timer would
            // count the keepalives too.
            inactivity_timeout: None,
            keepalive_interval: Some(Duration::from_secs(15)),
            keepalive_max: 4,
            nodelay: true,
            ..Default::default()
        });
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("crossroads-share".into())
            .spawn(move || runtime.block_on(serve(socket, config, shared, stopped)))?;
        Ok(Listener { address, stop })
    }

    /// Stops taking connections (open ones go on until they end).
    pub fn stop(&self) {
        let _ = self.stop.send(true);
    }
}

async fn serve(
    socket: TcpListener,
    config: Arc<russh::server::Config>,
    shared: Arc<Shared>,
    mut stopped: tokio::sync::watch::Receiver<bool>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(socket) else {
        (shared.send)(Event::Said(
            "The live session could not start listening.".into(),
        ));
        return;
    };
    let mut next = 0u64;
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = stopped.changed() => break,
        };
        let Ok((stream, _peer)) = accepted else {
            continue;
        };
        if shared.open.load(Ordering::Relaxed) >= CONNECTIONS {
            continue;
        }
        shared.open.fetch_add(1, Ordering::Relaxed);
        next += 1;
        let wire = Arc::new(Wire::default());
        wire.last_key.store(shared.seconds(), Ordering::Relaxed);
        let conn = Conn::new(next, shared.clone(), wire.clone());
        let (config, shared) = (config.clone(), shared.clone());
        tokio::spawn(async move {
            if let Ok(running) = russh::server::run_stream(config, stream, conn).await {
                let handle = running.handle();
                let watcher = tokio::spawn(watch(handle, wire.clone(), shared.clone()));
                let _ = running.await;
                watcher.abort();
            }
            wire.gone.store(true, Ordering::Relaxed);
            shared.left(next, &wire);
            shared.open.fetch_sub(1, Ordering::Relaxed);
        });
    }
    // No new connections; those open go on (the mentee's, until the coach
    // quits), so the runtime must not end with this task.
    drop(listener);
    std::future::pending::<()>().await
}

/// Closes a connection that does not log in in time, or whose mentee has
/// been idle too long.
async fn watch(handle: russh::server::Handle, wire: Arc<Wire>, shared: Arc<Shared>) {
    let connected = Instant::now();
    loop {
        tokio::time::sleep(Duration::from_secs(5)).await;
        let logged_in = wire.logged_in.load(Ordering::Relaxed);
        let idle = shared
            .seconds()
            .saturating_sub(wire.last_key.load(Ordering::Relaxed));
        let why = if !logged_in && connected.elapsed() > LOGIN_TIME {
            "no code given in time"
        } else if logged_in && idle > IDLE_TIME.as_secs() {
            "idle for 30 minutes; the same ssh command and code let you back in"
        } else {
            continue;
        };
        let _ = handle
            .disconnect(russh::Disconnect::ByApplication, why.into(), "en".into())
            .await;
        return;
    }
}

/// Sends the loop's frames to the mentee, in order; says when the queue
/// has drained, so that a screen that dropped frames is drawn whole.
async fn write(
    handle: russh::server::Handle,
    channel: ChannelId,
    mut frames: tokio::sync::mpsc::Receiver<Out>,
    id: u64,
    wire: Arc<Wire>,
    shared: Arc<Shared>,
) {
    while let Some(out) = frames.recv().await {
        match out {
            Out::Frame(bytes) => {
                if handle.data(channel, bytes).await.is_err() {
                    return;
                }
                if frames.is_empty() && wire.stale.load(Ordering::Relaxed) {
                    (shared.send)(Event::Drained { id });
                }
            }
            Out::End { text, done } => {
                let _ = handle.data(channel, text).await;
                let _ = handle.exit_status_request(channel, 0).await;
                let _ = handle.eof(channel).await;
                let _ = handle.close(channel).await;
                let _ = done.send(());
                return;
            }
        }
    }
}
