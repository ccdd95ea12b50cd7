//! Tauri adapter (work in progress).
