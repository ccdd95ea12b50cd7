//! Accounts and their sessions.

use std::time::Duration;

use jianbao::domain::Role;
use jianbao::store::StoreError;

use super::{TestDatabase, contract_tests, fixture};

contract_tests![
    an_account_is_created_once_and_listed_by_name,
    roles_and_passwords_change_and_a_new_password_ends_the_sessions,
    disabling_ends_sessions_and_leases_and_can_be_undone,
    a_session_is_found_extended_and_deleted,
    expired_sessions_are_removed,
    changes_to_an_unknown_account_are_refused,
];

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

fn an_account_is_created_once_and_listed_by_name(db: &dyn TestDatabase) {
    let mut store = db.open();
    let id = store.create_account("汤建", &[Role::Editor], HASH).expect("create");
    store.create_account("Admin", &[Role::Admin, Role::Signer], HASH).expect("create");
    let error = store.create_account("汤建", &[Role::Proofreader], HASH).expect_err("the name is taken");
    assert!(matches!(&error, StoreError::Invalid(message) if message.contains("已经存在")), "got {error:?}");
    let account = db.open().account_by_name("汤建").expect("read").expect("exists");
    assert_eq!(
        (account.id, account.roles.as_slice(), account.password_hash.as_str()),
        (id, &[Role::Editor][..], HASH)
    );
    assert_eq!(account.created_at, "2025-09-02T08:30:00.000Z");
    assert_eq!(account.disabled_at, None);
    let names: Vec<String> = store.accounts().expect("list").into_iter().map(|a| a.name).collect();
    assert_eq!(names, ["Admin", "汤建"], "by name, byte order");
    assert_eq!(store.account_by_name("nobody").expect("read"), None);
}

fn roles_and_passwords_change_and_a_new_password_ends_the_sessions(db: &dyn TestDatabase) {
    let mut store = db.open();
    let id = store.create_account("汤建", &[Role::Editor], HASH).expect("create");
    store.set_account_roles("汤建", &[Role::Editor, Role::Signer]).expect("roles");
    store.create_session("token-1", id, "2025-09-03T08:30:00.000Z").expect("login");
    store.set_account_password("汤建", "$argon2id$new").expect("password");
    let account = store.account_by_name("汤建").expect("read").expect("exists");
    assert_eq!(
        (account.roles, account.password_hash.as_str()),
        (vec![Role::Editor, Role::Signer], "$argon2id$new")
    );
    assert_eq!(store.session("token-1").expect("read"), None, "the old password's logins end");
}

fn disabling_ends_sessions_and_leases_and_can_be_undone(db: &dyn TestDatabase) {
    let mut f = fixture(db, &["甲"]);
    let id = f.store.create_account("汤建", &[Role::Editor], HASH).expect("create");
    f.store.create_session("token-1", id, "2025-09-03T08:30:00.000Z").expect("login");
    f.store.take_lease(f.articles[0], "汤建", Duration::from_secs(60)).expect("lease");
    f.store.set_account_disabled("汤建", true).expect("disable");
    let account = f.store.account_by_name("汤建").expect("read").expect("exists");
    assert_eq!(account.disabled_at.as_deref(), Some("2025-09-02T08:30:00.000Z"));
    assert_eq!(f.store.session("token-1").expect("read"), None);
    assert_eq!(f.store.lease(f.articles[0]).expect("read"), None, "their article is free for others");
    f.store.set_account_disabled("汤建", false).expect("enable");
    assert_eq!(f.store.account_by_name("汤建").expect("read").expect("exists").disabled_at, None);
}

fn a_session_is_found_extended_and_deleted(db: &dyn TestDatabase) {
    let mut store = db.open();
    let id = store.create_account("汤建", &[Role::Editor], HASH).expect("create");
    store.create_session("token-1", id, "2025-09-03T08:30:00.000Z").expect("login");
    let session = db.open().session("token-1").expect("read").expect("exists");
    assert_eq!(
        (session.account.name.as_str(), session.created_at.as_str()),
        ("汤建", "2025-09-02T08:30:00.000Z")
    );
    assert_eq!(session.expires_at, "2025-09-03T08:30:00.000Z", "as the server wrote it");
    store.extend_session("token-1", "2025-09-04T08:30:00.000Z").expect("extend");
    store.extend_session("token-1", "2025-09-03T09:00:00.000Z").expect("an earlier time does not shorten it");
    assert_eq!(
        store.session("token-1").expect("read").expect("exists").expires_at,
        "2025-09-04T08:30:00.000Z"
    );
    store.delete_session("token-1").expect("logout");
    assert_eq!(store.session("token-1").expect("read"), None);
}

fn expired_sessions_are_removed(db: &dyn TestDatabase) {
    let mut store = db.open();
    let id = store.create_account("汤建", &[Role::Editor], HASH).expect("create");
    store.create_session("old", id, "2025-09-01T08:30:00.000Z").expect("login");
    store.create_session("now", id, "2025-09-02T08:30:00.000Z").expect("login");
    store.create_session("live", id, "2025-09-02T08:30:00.001Z").expect("login");
    assert_eq!(store.delete_expired_sessions().expect("clean"), 2, "expired at or before now");
    assert!(store.session("live").expect("read").is_some());
}

fn changes_to_an_unknown_account_are_refused(db: &dyn TestDatabase) {
    let mut store = db.open();
    let errors = [
        store.set_account_disabled("nobody", true),
        store.set_account_password("nobody", HASH),
        store.set_account_roles("nobody", &[Role::Admin]),
    ];
    for error in errors {
        assert!(
            matches!(&error, Err(StoreError::Invalid(message)) if message.contains("没有名为“nobody”的账号")),
            "{error:?}"
        );
    }
}
