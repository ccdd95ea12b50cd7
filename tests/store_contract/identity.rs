//! The database's identity: what the editor keys its local drafts by.

use super::{TestDatabase, contract_tests};

contract_tests![every_connection_sees_the_same_random_identity, writing_content_keeps_the_identity];

fn every_connection_sees_the_same_random_identity(db: &dyn TestDatabase) {
    let first = db.open().store_identity().expect("identity");
    assert_eq!(first.len(), 32, "{first}");
    assert!(first.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()), "{first}");
    assert!(first.chars().any(|c| c != '0'), "made at random: {first}");
    assert_eq!(db.open().store_identity().expect("identity again"), first);
}

fn writing_content_keeps_the_identity(db: &dyn TestDatabase) {
    let before = db.open().store_identity().expect("identity");
    let fixture = super::fixture(db, &["一篇文章"]);
    drop(fixture);
    assert_eq!(db.open().store_identity().expect("identity after writes"), before);
}
