//! Change events for the clients. The database writes them (triggers, in the transaction of each
//! change); one task per server reads what is new and hands it to every open stream; a client
//! that reconnects says the last number it saw and is given what it missed, from the
//! database, or told to reload everything when that is older than what is kept.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use tokio::sync::{Notify, broadcast};

use super::pool::{StorePool, StoreSource, connection};
use crate::error::AppError;
use crate::store::postgres::ChangeListener;
use crate::store::{ChangeEvent, Id};

/// How often the database is asked for new events when nothing wakes the reader sooner.
const POLL_EVERY: Duration = Duration::from_millis(200);
/// With PostgreSQL's notifications the poll only covers a listener that is reconnecting.
const POLL_WHILE_LISTENING: Duration = Duration::from_secs(2);
/// Events read at once: a burst larger than this is read over several polls.
const BATCH: u32 = 500;
/// Events kept in the database for clients that come back.
pub const EVENTS_KEPT: u32 = 100_000;

/// The events of this server, as they are committed.
#[derive(Debug)]
pub struct EventHub {
    sender: broadcast::Sender<ChangeEvent>,
    latest: AtomicI64,
}

impl EventHub {
    pub fn new(latest: Id) -> Self {
        EventHub { sender: broadcast::channel(4096).0, latest: AtomicI64::new(latest) }
    }

    pub fn latest(&self) -> Id {
        self.latest.load(Ordering::SeqCst)
    }
}

/// Reads new events from the database and hands them out, until the server stops: after each
/// notification of a commit (PostgreSQL, from any server on the database) or poll.
pub fn spawn_reader(pool: StorePool, hub: Arc<EventHub>, source: &StoreSource) {
    let wake = Arc::new(Notify::new());
    let poll_every = match source {
        StoreSource::Postgres(params) => {
            listen_for_commits(params.clone(), Arc::clone(&wake));
            POLL_WHILE_LISTENING
        }
        StoreSource::Sqlite(_) => POLL_EVERY,
    };
    tokio::spawn(async move {
        loop {
            let _ = tokio::time::timeout(poll_every, wake.notified()).await;
            let since = hub.latest();
            let pool = pool.clone();
            let read = tokio::task::spawn_blocking(move || -> Result<Vec<ChangeEvent>, AppError> {
                Ok(connection(&pool)?.events_since(since, BATCH)?)
            })
            .await;
            // A database away for a moment: the next poll tries again from the same number.
            let Ok(Ok(events)) = read else { continue };
            if events.len() == BATCH as usize {
                wake.notify_one();
            }
            for event in events {
                hub.latest.store(event.seq, Ordering::SeqCst);
                // No subscriber is no error: nobody is listening right now.
                let _ = hub.sender.send(event);
            }
        }
    });
}

/// LISTENs on a connection of its own, on a thread (the client is synchronous); reconnects
/// when the database goes away, and wakes the reader once it is back, for what it missed.
fn listen_for_commits(params: String, wake: Arc<Notify>) {
    std::thread::spawn(move || {
        loop {
            match ChangeListener::listen(&params) {
                Ok(mut listener) => {
                    wake.notify_one();
                    while let Ok(committed) = listener.wait(Duration::from_secs(30)) {
                        if committed {
                            wake.notify_one();
                        }
                    }
                }
                Err(_) => std::thread::sleep(POLL_WHILE_LISTENING),
            }
        }
    });
}

/// What a new stream starts with.
enum Start {
    /// Send what the client missed, then the live events.
    Replay(Vec<ChangeEvent>),
    /// What it missed is forgotten: reload.
    Reset(Id),
}

/// The stream for one client: the events after `since` (none when it connects afresh), live.
pub async fn stream(
    pool: StorePool,
    hub: Arc<EventHub>,
    since: Option<Id>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    // Subscribed before the backlog is read, so nothing falls between the two.
    let receiver = hub.sender.subscribe();
    let latest = hub.latest();
    let start = match since {
        None => Start::Replay(vec![]),
        Some(since) => tokio::task::spawn_blocking(move || backlog(&pool, since))
            .await
            .map_err(|e| AppError::new(crate::ErrorCode::Internal, format!("读取更新通知时出错：{e}")))??,
    };
    let (first, sent) = match start {
        Start::Replay(events) => {
            let sent = events.last().map_or(since.unwrap_or(latest), |event| event.seq);
            (events.into_iter().map(change).collect::<Vec<_>>(), sent)
        }
        Start::Reset(latest) => (vec![Event::default().event("reset").data(latest.to_string())], latest),
    };
    let live = stream::unfold((receiver, sent), |(mut receiver, sent)| async move {
        loop {
            match receiver.recv().await {
                Ok(event) if event.seq <= sent => continue,
                Ok(event) => {
                    let seq = event.seq;
                    return Some((change(event), (receiver, seq)));
                }
                // Fell behind the channel: the client reloads what it shows.
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    let reset = Event::default().event("reset").data(sent.to_string());
                    return Some((reset, (receiver, sent)));
                }
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    let stream = futures_util::StreamExt::map(
        futures_util::StreamExt::chain(stream::iter(first), live),
        Ok::<Event, Infallible>,
    );
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

fn backlog(pool: &StorePool, since: Id) -> Result<Start, AppError> {
    let store = connection(pool)?;
    if since + 1 < store.oldest_event_seq()? {
        return Ok(Start::Reset(store.latest_event_seq()?));
    }
    let mut events = vec![];
    loop {
        let from = events.last().map_or(since, |event: &ChangeEvent| event.seq);
        let batch = store.events_since(from, BATCH)?;
        let done = batch.len() < BATCH as usize;
        events.extend(batch);
        if done || events.len() >= EVENTS_KEPT as usize {
            return Ok(Start::Replay(events));
        }
    }
}

fn change(event: ChangeEvent) -> Event {
    let data = serde_json::to_string(&event).expect("an event serializes without failure");
    Event::default().event("change").id(event.seq.to_string()).data(data)
}
