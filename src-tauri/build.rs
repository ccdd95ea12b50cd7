fn main() {
    // The Tauri build step (context, capabilities) is only needed for the desktop app; the core
    // and the CLI build without it on machines with no webkit.
    #[cfg(feature = "tauri-shell")]
    tauri_build::build();
}
