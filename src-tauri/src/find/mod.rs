//! 查找与替换 over an article's texts, as the store-side replace-all and the CLI run it (the
//! editor runs the same rules on its open document, see ui/src/features/find).
//!
//! What is matched: each text an editor sees on its own — every title line, the subtitle,
//! the byline, the 编者按, every paragraph, heading and image caption, every contributing
//! unit and the 摘编自 source. A match never runs from one of these texts into the next.
//! Inside a paragraph the runs are read as one text, so a match may cross bold and comment
//! boundaries. Text a suggestion holds (a pending insertion or deletion) is found like any
//! other, but a match touching it is not replaced: the suggestion must be accepted or
//! rejected first, and the report says how many were left for that reason.
//!
//! With `fold_width`, the full-width forms of ASCII (`！` to `～`) and the ideographic space
//! match their half-width forms, both ways: `,` finds `，`, `ＡＢ` finds `AB`. Letters are
//! matched with their case, as typed.

mod article;
mod fold;
mod query;
mod runs;

pub use article::{ArticleReplace, Change, Place, ReplaceMode, body_place, replace_in_article};
pub use query::{FindOptions, Query};
pub use runs::{MatchIn, find_in_runs, replace_runs, suggest_runs};
