//! Passwords and sessions. A password is kept only as its argon2id hash; a session is a random
//! token the client holds, kept only as its SHA-256. A login that fails says only that the
//! name or the password is wrong, never which.

use std::time::Duration;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

use crate::api::{Caller, Me};
use crate::error::{AppError, ErrorCode};
use crate::store::{Account, Clock, Store};

/// How long a session lasts without use, and at most in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub longest: Duration,
}

/// The shortest password taken: office accounts sit on an intranet, not behind a bank's vault.
pub const MIN_PASSWORD_CHARS: usize = 8;

/// Hashes a new password; refuses one that is too short.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::invalid(format!("密码至少要 {MIN_PASSWORD_CHARS} 个字符，请换一个更长的密码")));
    }
    let salt = SaltString::encode_b64(&random_bytes::<16>()?)
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("无法生成密码的盐：{e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("无法保存密码：{e}")))
}

fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash of a password nobody has, checked when the name is unknown so that an unknown name
/// takes as long to refuse as a wrong password (the time would tell which was wrong).
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password of no account").unwrap_or_default())
}

pub fn wrong_login() -> AppError {
    AppError::new(ErrorCode::Unauthorized, "账号或密码不正确，请重新输入")
}

/// A new session: the token to give the client, and who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub token: String,
    pub me: Me,
}

/// Checks name and password and opens a session.
pub fn log_in(
    store: &mut dyn Store,
    clock: &dyn Clock,
    policy: SessionPolicy,
    name: &str,
    password: &str,
) -> Result<NewSession, AppError> {
    let account = store.account_by_name(name.trim())?;
    let hash = account.as_ref().map_or(decoy_hash(), |account| account.password_hash.as_str());
    let matches = password_matches(password, hash);
    let account = account.filter(|_| matches).ok_or_else(wrong_login)?;
    if account.disabled_at.is_some() {
        return Err(disabled());
    }
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<32>()?);
    let expires_at = stamp(later(clock.now(), policy.idle.min(policy.longest)));
    store.create_session(&token_hash(&token), account.id, &expires_at)?;
    Ok(NewSession { token, me: Me::of(&caller_of(&account)) })
}

/// The account a token's session belongs to, its expiry moved on. Refused, asking to log in
/// again, when the session is unknown, expired or its account disabled.
pub fn authenticate(
    store: &mut dyn Store,
    clock: &dyn Clock,
    policy: SessionPolicy,
    token: &str,
) -> Result<Caller, AppError> {
    let hash = token_hash(token);
    let session = store
        .session(&hash)?
        .ok_or_else(|| AppError::new(ErrorCode::Unauthorized, "请先登录（登录已失效或已在别处退出）"))?;
    let now = clock.now();
    if session.expires_at <= stamp(now) {
        store.delete_session(&hash)?;
        return Err(AppError::new(
            ErrorCode::Unauthorized,
            "登录已过期，请重新登录；未保存的文字仍在本机，登录后会继续保存",
        ));
    }
    if session.account.disabled_at.is_some() {
        store.delete_session(&hash)?;
        return Err(disabled());
    }
    // The expiry slides with use, never beyond the longest a session may last; it is written
    // at most once a minute, so reading an issue does not write to the database each time.
    let started = parse_stamp(&session.created_at).unwrap_or(now);
    let current = parse_stamp(&session.expires_at).unwrap_or(now);
    let wanted = later(now, policy.idle).min(later(started, policy.longest));
    if wanted - current > chrono::Duration::seconds(60) {
        store.extend_session(&hash, &stamp(wanted))?;
    }
    Ok(caller_of(&session.account))
}

pub fn log_out(store: &mut dyn Store, token: &str) -> Result<(), AppError> {
    Ok(store.delete_session(&token_hash(token))?)
}

fn disabled() -> AppError {
    AppError::new(ErrorCode::Unauthorized, "这个账号已停用，不能再登录；如需恢复，请联系管理员")
}

fn caller_of(account: &Account) -> Caller {
    Caller::account(account.name.clone(), account.roles.clone())
}

fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

fn later(at: DateTime<Utc>, after: Duration) -> DateTime<Utc> {
    chrono::Duration::from_std(after)
        .ok()
        .and_then(|after| at.checked_add_signed(after))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Times as the store writes them, so that text order is time order.
fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn parse_stamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|at| at.to_utc())
}

fn random_bytes<const N: usize>() -> Result<[u8; N], AppError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("系统无法提供随机数：{e}")))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;
    use crate::store::prelude::*;
    use crate::store::{FixedClock, SqliteStore};

    const POLICY: SessionPolicy =
        SessionPolicy { idle: Duration::from_secs(3600), longest: Duration::from_secs(8 * 3600) };

    fn clock_at(hour: u32) -> FixedClock {
        use chrono::TimeZone;
        FixedClock(Utc.with_ymd_and_hms(2026, 12, 2, hour, 0, 0).single().expect("valid time"))
    }

    fn store_with_editor(dir: &tempfile::TempDir, clock: FixedClock) -> SqliteStore {
        let mut store =
            SqliteStore::open(&dir.path().join("office.sqlite3"), Box::new(clock)).expect("opens");
        let hash = hash_password("correct horse").expect("long enough");
        store.create_account("汤建", &[Role::Editor], &hash).expect("account");
        store
    }

    #[test]
    fn a_right_password_opens_a_session_and_its_token_names_the_account() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = store_with_editor(&dir, clock_at(8));
        let session = log_in(&mut store, &clock_at(8), POLICY, "汤建", "correct horse").expect("logs in");
        assert_eq!(session.me.name.as_deref(), Some("汤建"));
        let caller = authenticate(&mut store, &clock_at(8), POLICY, &session.token).expect("valid token");
        assert_eq!(caller.account_name(), Some("汤建"));
    }

    #[test]
    fn a_wrong_password_and_an_unknown_name_get_the_same_answer() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = store_with_editor(&dir, clock_at(8));
        let wrong =
            log_in(&mut store, &clock_at(8), POLICY, "汤建", "wrong horse").expect_err("wrong password");
        let unknown =
            log_in(&mut store, &clock_at(8), POLICY, "李四", "correct horse").expect_err("no such account");
        assert_eq!(wrong, unknown, "the answer must not tell which part was wrong");
        assert_eq!(wrong.code, ErrorCode::Unauthorized);
    }

    #[test]
    fn a_session_lapses_after_the_idle_time_and_a_disabled_account_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = store_with_editor(&dir, clock_at(8));
        let session = log_in(&mut store, &clock_at(8), POLICY, "汤建", "correct horse").expect("logs in");
        let expired =
            authenticate(&mut store, &clock_at(10), POLICY, &session.token).expect_err("idle two hours");
        assert!(expired.message.contains("过期"), "{}", expired.message);
        let again = log_in(&mut store, &clock_at(8), POLICY, "汤建", "correct horse").expect("logs in again");
        store.set_account_disabled("汤建", true).expect("disables");
        let refused = authenticate(&mut store, &clock_at(8), POLICY, &again.token).expect_err("disabled");
        assert_eq!(refused.code, ErrorCode::Unauthorized);
        let login = log_in(&mut store, &clock_at(8), POLICY, "汤建", "correct horse").expect_err("disabled");
        assert!(login.message.contains("停用"), "{}", login.message);
    }

    #[test]
    fn a_short_password_is_refused() {
        assert!(hash_password("short").expect_err("too short").message.contains("至少"));
    }
}
