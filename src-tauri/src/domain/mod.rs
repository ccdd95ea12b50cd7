//! Plain types of a bulletin: what an issue is, independent of storage, layout or UI.
//!
//! No I/O here. Everything derives serde (the exchange format and the stored JSON) and ts-rs
//! (the UI's types are generated from these, see `crate::bindings`).

mod account;
mod anchor;
mod article;
mod exchange;
mod imprint;
mod issue;
mod layout_profile;
mod publication;
mod review;
mod structure;

pub use account::Role;
pub use anchor::{AnchorPart, CommentAnchor};
pub use article::{Article, Block, Inline, count_han};
pub use exchange::{EXCHANGE_FORMAT, EXCHANGE_VERSION, IssueFile, IssueFileError};
pub use imprint::{IssueImprint, PrintedFooter};
pub use issue::{Issue, IssueKind, IssueStatus};
pub use layout_profile::{
    CompressionStyle, FontChoice, FontRole, FontRoles, LayoutProfile, MastheadTotalPlacement,
};
pub use publication::{EditingUnit, FooterSettings, Publication, RecipientsLabel};
pub use review::{Suggestion, SuggestionKind};
pub use structure::{BlockChange, BlockKind, BlockSuggestion, Decision, FieldChange, FieldSuggestion};
