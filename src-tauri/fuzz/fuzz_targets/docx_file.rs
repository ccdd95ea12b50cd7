//! Any bytes as a .docx file: the zip reader and everything after it must fail with an
//! error, never panic or run out of memory.
#![no_main]

use jianbao::import::import_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(articles) = import_file("fuzz.docx", bytes) {
        for article in &articles {
            let _ = article.with_safe_changes();
        }
    }
});
