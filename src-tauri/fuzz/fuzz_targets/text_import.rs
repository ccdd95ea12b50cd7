//! Any bytes as a .txt file: decoding, article recognition, every cleanup rule, and applying
//! all, none or the safe proposals must never panic, and rejecting all must change nothing.
#![no_main]

use jianbao::import::{apply_proposals, import_file, import_issue_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(articles) = import_file("fuzz.txt", bytes) else { return };
    for article in &articles {
        let untouched = apply_proposals(&article.draft, &article.proposals, |_| false);
        assert_eq!(untouched, article.draft, "rejecting every proposal leaves the draft as imported");
        let _ = article.cleaned(|_| true);
        let _ = article.with_safe_changes();
        for proposal in &article.proposals {
            assert!(proposal.location.start <= proposal.location.end, "ranges are ordered");
            let _ = article.cleaned(|p| p.id == proposal.id);
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Ok(issue) = import_issue_text("fuzz.txt", text) {
            let _ = issue.to_issue();
        }
    }
});
