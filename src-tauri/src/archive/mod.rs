//! The archive of every issue: what of an article the search index holds (`indexed_text`),
//! how a query is read (`query`), what a hit shows (`snippet`), and who contributed what
//! (`contributions`, merged by the office's alias list in `aliases`).
//!
//! Pure: the stores keep the index in the transaction of every article write and answer the
//! query; the service joins them. Matching is the same everywhere: the query, as typed, is a
//! substring of one text of the article, Latin letters compared without case (ASCII only, as
//! SQLite's `lower()` and PostgreSQL's `lower()` in the "C" collation fold).

mod aliases;
mod contributions;
mod indexed_text;
mod query;
mod snippet;

pub use aliases::{AliasList, UnitAlias, alias_problems};
pub use contributions::{Contribution, ContributionTable, Period, UnitCount, count_contributions};
pub use indexed_text::{IndexedText, indexed_texts};
pub use query::{MAX_QUERY_CHARS, SearchText, TRIGRAM_CHARS};
pub use snippet::{Snippet, TextRange, occurrences, snippet};
