//! A YAML reader that keeps going: it pulls `saphyr-parser` events one at a
//! time (nothing is buffered but anchored nodes), knows where every value
//! starts, and records each unknown key and each value of the wrong type as
//! a located problem before skipping it, so one run finds them all.

use super::problem::{Place, Problem, Severity};
pub use super::scalar::Scalar;
use super::scalar::{resolve, tagged};
use saphyr_parser::{Event, Parser, Span, StrInput};
use std::collections::HashMap;
use std::rc::Rc;

/// A place in the file: line and column from 1; 0 when unknown (a bundled
/// assessment read from JSON).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    fn of(span: &Span) -> Pos {
        Pos {
            line: span.start.line() as u32,
            column: span.start.col() as u32 + 1,
        }
    }
}

/// Deepest nesting of mappings and lists, as the serde reader allowed.
pub(crate) const MAX_DEPTH: usize = 128;
/// Most events that aliases may replay in one file: far beyond any real
/// use of anchors, far below what a "billion laughs" file asks for.
const MAX_REPLAYED: usize = 1_000_000;

type Item<'a> = (Event<'a>, Pos);

/// The message when aliases expand beyond the budget.
const TOO_MANY_ALIASES: &str =
    "the document expands too many YAML aliases (&anchor / *alias); write the content out instead";

/// The anchor of an event (0: none).
fn anchor_of(event: &Event) -> usize {
    match event {
        Event::Scalar(_, _, a, _) => *a,
        Event::MappingStart(a, _) | Event::SequenceStart(a, _) => *a,
        _ => 0,
    }
}

/// Whether an event must be recorded, given the recordings open: it is
/// anchored, or inside an anchored node. Nearly every event of a file is
/// neither, and is handed on without a look at the recordings.
fn records<T>(recording: &[T], event: &Event) -> bool {
    !recording.is_empty() || anchor_of(event) != 0
}

/// One path segment, formatted only when a problem is reported.
#[derive(Clone, Copy)]
pub(crate) enum Seg {
    Key(&'static str),
    Index(usize),
}

/// The reader: events with their places, the path to the current value,
/// and the problems found so far.
pub struct Reader<'a> {
    pub(crate) parser: Parser<'a, StrInput<'a>>,
    pub(crate) peeked: Option<Item<'a>>,
    pub(crate) anchors: HashMap<usize, Rc<[Item<'a>]>>,
    pub(crate) recording: Vec<(usize, usize, Vec<Item<'a>>)>,
    pub(crate) replay: Vec<(Rc<[Item<'a>]>, usize)>,
    pub(crate) replayed: usize,
    /// Events held by the recordings of anchored nodes, counted once for
    /// each recording that holds them: bounded by the replay budget, since
    /// nested anchors would otherwise copy every event into each of them.
    pub(crate) recorded: usize,
    /// Most events aliases may replay ([`MAX_REPLAYED`] unless told).
    pub(crate) replay_budget: usize,
    pub(crate) path: Vec<Seg>,
    pub(crate) depth: usize,
    /// Set by a syntax error: the parser cannot go on, so every read ends.
    pub broken: bool,
    /// Unknown keys, wrong types and the syntax error, in file order.
    pub problems: Vec<Problem>,
    /// Keys already reported (a value of the wrong type, or a misspelling
    /// with a near match), by the path of their mapping: validation's
    /// "`x` is missing" about them would only repeat the problem.
    pub reported: Vec<(String, &'static str)>,
}

impl<'a> Reader<'a> {
    /// A reader of `text`, positioned before the document's root value.
    pub fn new(text: &'a str) -> Reader<'a> {
        let mut r = Reader {
            parser: Parser::new_from_str(text),
            peeked: None,
            anchors: HashMap::new(),
            recording: Vec::new(),
            replay: Vec::new(),
            replayed: 0,
            recorded: 0,
            replay_budget: MAX_REPLAYED,
            path: Vec::new(),
            depth: 0,
            broken: false,
            problems: Vec::new(),
            reported: Vec::new(),
        };
        while matches!(r.peek().0, Event::StreamStart | Event::DocumentStart(_)) {
            r.advance();
        }
        r
    }

    /// The same reader with another budget of replayed events.
    pub(crate) fn with_replay_budget(mut self, events: usize) -> Self {
        self.replay_budget = events;
        self
    }

    /// After the root value: a second document is a mistake worth saying.
    pub fn finish(&mut self) {
        while matches!(self.peek().0, Event::DocumentEnd) {
            self.advance();
        }
        if let (Event::DocumentStart(_), at) = self.peek() {
            let at = *at;
            self.error_at(
                at,
                "the file holds a second YAML document (after `---`); keep one document per file",
            );
        }
    }

    fn pull(&mut self) -> Item<'a> {
        if let Some((events, i)) = self.replay.last_mut() {
            let item = events[*i].clone();
            *i += 1;
            if *i == events.len() {
                self.replay.pop();
            }
            return item;
        }
        if self.broken {
            return (Event::StreamEnd, Pos::default());
        }
        match self.parser.next_event() {
            Some(Ok((event, span))) => (event, Pos::of(&span)),
            Some(Err(e)) => {
                let m = e.marker();
                let at = Pos {
                    line: m.line() as u32,
                    column: m.col() as u32 + 1,
                };
                self.broken = true;
                self.problems.push(Problem {
                    severity: Severity::Error,
                    place: Place::At {
                        line: at.line as usize,
                        column: at.column as usize,
                    },
                    message: super::syntax::in_words(e.info()),
                });
                (Event::StreamEnd, at)
            }
            None => (Event::StreamEnd, Pos::default()),
        }
    }

    /// The next event, with anchors recorded and aliases replayed.
    pub(crate) fn next(&mut self) -> Item<'a> {
        let item = match self.peeked.take() {
            Some(item) => item,
            None => self.pull(),
        };
        if records(&self.recording, &item.0) {
            self.note(&item);
        }
        item
    }

    /// Takes the next event when its place is all the caller needs (the
    /// start or end of a mapping or list): it is dropped where it lies
    /// rather than moved out, a copy saved on most events of a file.
    pub(crate) fn advance(&mut self) -> Pos {
        let at = self.peek().1;
        if self.must_record_peeked() {
            self.next();
        } else {
            self.peeked = None;
        }
        at
    }

    /// Whether the event just peeked must be recorded (see [`records`]).
    fn must_record_peeked(&self) -> bool {
        matches!(&self.peeked, Some((event, _)) if records(&self.recording, event))
    }

    /// Takes the event just peeked, from where it lies, unless it must be
    /// recorded on its way (see [`records`]).
    fn take_peeked(&mut self) -> Option<Item<'a>> {
        if self.must_record_peeked() {
            Some(self.next())
        } else {
            self.peeked.take()
        }
    }

    /// Records the events of anchored nodes, so an alias can replay them
    /// (called for the events that [`records`] says).
    fn note(&mut self, item: &Item<'a>) {
        let anchor = anchor_of(&item.0);
        self.recorded += self.recording.len() + usize::from(anchor != 0);
        if self.recorded > self.replay_budget {
            // Aliases replayed inside anchored nodes are what usually fills
            // them (a "billion laughs"); say so in the words of that limit.
            let message = if self.replayed > 0 {
                TOO_MANY_ALIASES
            } else {
                "the document's anchors (&name) hold more than can be kept; write the content out instead of anchoring it"
            };
            self.fail(item.1, message);
            self.recording.clear();
            return;
        }
        let (opens, closes) = match &item.0 {
            Event::MappingStart(..) | Event::SequenceStart(..) => (1, 0),
            Event::MappingEnd | Event::SequenceEnd => (0, 1),
            _ => (0, 0),
        };
        let mut done = Vec::new();
        for (i, (_, depth, events)) in self.recording.iter_mut().enumerate() {
            events.push(item.clone());
            *depth = *depth + opens - closes;
            if *depth == 0 {
                done.push(i);
            }
        }
        for i in done.into_iter().rev() {
            let (id, _, events) = self.recording.remove(i);
            self.anchors.insert(id, events.into());
        }
        if anchor != 0 {
            if opens == 1 {
                self.recording.push((anchor, 1, vec![item.clone()]));
            } else {
                self.anchors.insert(anchor, Rc::from(vec![item.clone()]));
            }
        }
    }

    /// The next event without taking it; an alias is replaced by what it names.
    pub(crate) fn peek(&mut self) -> &Item<'a> {
        if self.peeked.is_none() {
            let mut item = self.pull();
            while let (Event::Alias(id), at) = &item {
                let at = *at;
                let Some(events) = self.anchors.get(id).cloned() else {
                    self.fail(at, "an alias (*name) names no anchor (&name) before it");
                    item = (Event::StreamEnd, at);
                    break;
                };
                self.replayed += events.len();
                if self.replayed > self.replay_budget {
                    self.fail(at, TOO_MANY_ALIASES);
                    item = (Event::StreamEnd, at);
                    break;
                }
                self.replay.push((events, 0));
                item = self.pull();
            }
            self.peeked = Some(item);
        }
        self.peeked.as_ref().expect("just filled")
    }

    /// Where the next value starts.
    pub fn here(&mut self) -> Pos {
        self.peek().1
    }

    /// The path to the current value, as `sections[1].questions[2].min`.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(k) if out.is_empty() => out.push_str(k),
                Seg::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Seg::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    /// A problem at `at`, with the current path in front of the message.
    pub(crate) fn error_at(&mut self, at: Pos, message: impl AsRef<str>) {
        let path = self.path();
        let message = if path.is_empty() {
            message.as_ref().to_string()
        } else {
            format!("{path}: {}", message.as_ref())
        };
        self.problems.push(Problem {
            severity: Severity::Error,
            place: Place::At {
                line: at.line as usize,
                column: at.column as usize,
            },
            message,
        });
    }

    /// An error that ends the reading (aliases out of bounds, too deep).
    pub(crate) fn fail(&mut self, at: Pos, message: &str) {
        self.error_at(at, message);
        self.broken = true;
        self.replay.clear();
    }

    /// Skips one whole value (after a problem with it). Nesting is bounded
    /// here as where values are read: the parser keeps a stack for every
    /// level, and 16 million levels under an unknown key took 2.5 GB.
    pub fn skip(&mut self) {
        let mut depth = 0usize;
        loop {
            let (event, at) = self.next();
            match event {
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    depth += 1;
                    if self.depth + depth > MAX_DEPTH {
                        self.fail(at, "the document is nested too deeply");
                        return;
                    }
                }
                Event::MappingEnd | Event::SequenceEnd => depth = depth.saturating_sub(1),
                Event::StreamEnd => return,
                _ => {}
            }
            if depth == 0 {
                return;
            }
        }
    }

    /// The next value when it is a scalar (taken), or None (left in place).
    pub fn scalar(&mut self) -> Option<(Scalar<'a>, Pos)> {
        let (Event::Scalar(..), _) = self.peek() else {
            return None;
        };
        let Some((Event::Scalar(v, style, _, tag), at)) = self.take_peeked() else {
            return None;
        };
        let value = match resolve(&v, tagged(style, tag.as_deref())) {
            Scalar::Str(_) => Scalar::Str(v),
            Scalar::Null => Scalar::Null,
            Scalar::Bool(b) => Scalar::Bool(b),
            Scalar::Int(i) => Scalar::Int(i),
            Scalar::Float(f) => Scalar::Float(f),
        };
        Some((value, at))
    }

    /// Whether the next value is a null (`~`, `null` or nothing).
    pub(crate) fn peek_scalar_is_null(&mut self) -> bool {
        self.peek_scalar(&|s| matches!(s, Scalar::Null).then_some(()))
            .is_some()
    }

    /// What `take` makes of the next value when it is a scalar (not taken).
    pub(crate) fn peek_scalar<T>(&mut self, take: &dyn Fn(&Scalar) -> Option<T>) -> Option<T> {
        match &self.peek().0 {
            Event::Scalar(v, style, _, tag) => take(&resolve(v, tagged(*style, tag.as_deref()))),
            _ => None,
        }
    }
}
