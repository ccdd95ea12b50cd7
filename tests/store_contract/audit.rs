//! The record of administrative actions.

use super::{TestDatabase, contract_tests};

contract_tests![entries_are_kept_and_listed_newest_first];

fn entries_are_kept_and_listed_newest_first(db: &dyn TestDatabase) {
    let mut store = db.open();
    store.record_audit("管理员", "create_account", "汤建", "角色：编辑").expect("record");
    store.record_audit("管理员", "release_lease", "文章 3", "").expect("record");
    assert!(store.record_audit("", "x", "y", "").is_err(), "an action has someone who did it");
    let entries = db.open().audit_entries(10).expect("list");
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["release_lease", "create_account"]);
    assert_eq!(
        (entries[1].actor.as_str(), entries[1].target.as_str(), entries[1].detail.as_str()),
        ("管理员", "汤建", "角色：编辑")
    );
    assert_eq!(entries[1].at, "2025-09-02T08:30:00.000Z");
    assert_eq!(db.open().audit_entries(1).expect("list").len(), 1);
}
