//! One connection's handler: the code as the password, one session
//! channel with a terminal, the mentee's screen and nothing else.

use super::{Event, FRAMES_WAITING, QUEUED_LIMIT, Shared, TRIES_IN_ALL, Wire, write};
use russh::server::{Auth, Msg, Session};
use russh::{Channel, ChannelId, MethodKind, MethodSet};
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// One connection's handler.
pub(super) struct Conn {
    id: u64,
    shared: Arc<Shared>,
    wire: Arc<Wire>,
    /// Its one session channel.
    channel: Option<ChannelId>,
    /// Whether it holds the mentee's screen.
    mentee: bool,
    wrong: usize,
}

impl Conn {
    /// A connection not yet logged in.
    pub(super) fn new(id: u64, shared: Arc<Shared>, wire: Arc<Wire>) -> Conn {
        Conn {
            id,
            shared,
            wire,
            channel: None,
            mentee: false,
            wrong: 0,
        }
    }

    fn ours(&self, channel: ChannelId) -> bool {
        self.channel == Some(channel)
    }

    /// Refuses a request on the channel and closes it. A refused shell is
    /// answered, so that the person reads why; a command or a subsystem
    /// fails as `ssh` expects.
    fn refuse(
        &self,
        channel: ChannelId,
        why: &str,
        answer: bool,
        session: &mut Session,
    ) -> anyhow::Result<()> {
        match answer {
            true => session.channel_success(channel)?,
            false => session.channel_failure(channel)?,
        }
        session.extended_data(channel, 1, format!("crossroads: {why}\r\n").into_bytes())?;
        session.exit_status_request(channel, 1)?;
        session.close(channel)?;
        Ok(())
    }
}

impl russh::server::Handler for Conn {
    type Error = anyhow::Error;

    async fn auth_none(&mut self, _: &str) -> Result<Auth, Self::Error> {
        Ok(Auth::Reject {
            proceed_with_methods: Some(MethodSet::from(&[MethodKind::Password][..])),
            partial_success: false,
        })
    }

    async fn auth_password(&mut self, _user: &str, password: &str) -> Result<Auth, Self::Error> {
        if *self.shared.stop.borrow() {
            return Ok(Auth::reject());
        }
        if self.shared.code.matches(password) {
            self.wire.logged_in.store(true, Ordering::Relaxed);
            self.wire
                .last_key
                .store(self.shared.seconds(), Ordering::Relaxed);
            return Ok(Auth::Accept);
        }
        self.wrong += 1;
        let wrong = self.shared.wrong.fetch_add(1, Ordering::Relaxed) + 1;
        if wrong >= TRIES_IN_ALL {
            let _ = self.shared.stop.send(true);
            (self.shared.send)(Event::Said(format!(
                "{wrong} wrong codes were typed: the live session takes no more connections. Someone may be guessing; quit and start again for a new code."
            )));
        } else {
            (self.shared.send)(Event::Said(format!(
                "A wrong code was typed ({wrong} so far; the listener stops at {TRIES_IN_ALL})."
            )));
        }
        Ok(Auth::reject())
    }

    async fn auth_publickey_offered(
        &mut self,
        _: &str,
        _: russh::server::PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(Auth::reject())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: russh::server::ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        // One session channel per connection: the mentee's screen.
        if self.channel.is_some() || !self.wire.logged_in.load(Ordering::Relaxed) {
            drop(reply);
            return Ok(());
        }
        self.channel = Some(channel.id());
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        col_width: u32,
        row_height: u32,
        _: u32,
        _: u32,
        _: &[(russh::Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) {
            session.channel_failure(channel)?;
            return Ok(());
        }
        self.wire.set_size(col_width, row_height);
        session.channel_success(channel)?;
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) || self.mentee {
            session.channel_failure(channel)?;
            return Ok(());
        }
        {
            let mut mentee = self.shared.mentee.lock().unwrap_or_else(|e| e.into_inner());
            if mentee.is_some() {
                drop(mentee);
                (self.shared.send)(Event::Said(
                    "A second connection with the code was refused: the mentee is connected."
                        .into(),
                ));
                return self.refuse(
                    channel,
                    "someone is already connected to this session; only one mentee at a time.",
                    true,
                    session,
                );
            }
            *mentee = Some(self.id);
        }
        self.mentee = true;
        if self.wire.size() == (0, 0) {
            // No terminal was asked for (ssh -T): draw for a common size.
            self.wire.set_size(80, 24);
        }
        session.channel_success(channel)?;
        let (out, frames) = tokio::sync::mpsc::channel(FRAMES_WAITING);
        tokio::spawn(write(
            session.handle(),
            channel,
            frames,
            self.id,
            self.wire.clone(),
            self.shared.clone(),
        ));
        (self.shared.send)(Event::Joined {
            id: self.id,
            wire: self.wire.clone(),
            out,
        });
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(channel, "this server runs no commands.", false, session)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(
            channel,
            "this server offers no file transfer.",
            false,
            session,
        )
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _: bool,
        _: &str,
        _: &str,
        _: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        _: &str,
        _: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn agent_request(&mut self, _: ChannelId, _: &mut Session) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        _: &str,
        _: &mut u32,
        _: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn streamlocal_forward(&mut self, _: &str, _: &mut Session) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _: Channel<Msg>,
        _: &str,
        _: u32,
        _: &str,
        _: u32,
        reply: russh::server::ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        // Dropping the reply refuses the channel: no port forwarding.
        drop(reply);
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.mentee || !self.ours(channel) {
            return Ok(());
        }
        self.wire
            .last_key
            .store(self.shared.seconds(), Ordering::Relaxed);
        if self.wire.queued.load(Ordering::Relaxed) + data.len() > QUEUED_LIMIT {
            return Ok(());
        }
        self.wire.queued.fetch_add(data.len(), Ordering::Relaxed);
        (self.shared.send)(Event::Keys {
            id: self.id,
            bytes: data.to_vec(),
        });
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _: u32,
        _: u32,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.ours(channel) {
            return Ok(());
        }
        self.wire.set_size(col_width, row_height);
        if self.mentee && !self.wire.resize_waiting.swap(true, Ordering::Relaxed) {
            (self.shared.send)(Event::Resized { id: self.id });
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.ours(channel) && self.mentee {
            self.mentee = false;
            self.shared.left(self.id, &self.wire);
        }
        Ok(())
    }
}
