//! Jianbao 简报台: compose, proofread, sign off and export government bulletins.
//!
//! The core modules (domain → store → numbering, and later layout → pdf, import, proof) know
//! nothing of Tauri; `desktop` adapts them to the window and `cli` to the command line.

pub mod api;
pub mod archive;
pub mod backup;
pub mod bindings;
pub mod cli;
pub mod client;
pub mod demo;
pub mod docx;
pub mod domain;
pub mod error;
pub mod find;
pub mod fonts;
pub mod import;
pub mod layout;
pub mod numbering;
pub mod pdf;
pub mod printing;
pub mod proof;
#[cfg(feature = "server")]
pub mod server;
pub mod service;
pub mod store;

#[cfg(feature = "tauri-shell")]
pub mod desktop;

pub use error::{AppError, ErrorCode};
