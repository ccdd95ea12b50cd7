//! Where a client's commands run: on its own database (`LocalBackend`), or on an office server
//! (`RemoteBackend`, over HTTP). The CLI and the desktop app pick one at start and are otherwise
//! the same program either way.

mod connection;
mod events;
mod local;
mod remote;

pub use connection::{Connection, load_connection, save_connection};
pub use events::{EventStream, ServerSignal, StreamItem};
pub use local::LocalBackend;
pub use remote::{LoginAnswer, RemoteBackend, status_of};

use crate::api::{Body, Command, Reply};
use crate::error::AppError;

/// Runs commands somewhere.
pub trait Backend: Send {
    /// Runs command `name` with its request as it travels.
    fn call_body(&mut self, name: &str, body: Body) -> Result<Reply, AppError>;
}

impl dyn Backend + '_ {
    /// Runs command `C` with a typed request and answer.
    pub fn call<C: Command>(&mut self, request: C::Request) -> Result<C::Response, AppError> {
        let reply = self.call_body(C::NAME, C::encode(&request))?;
        C::decode(reply)
    }
}
