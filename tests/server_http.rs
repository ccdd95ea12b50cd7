//! The office server over real HTTP on loopback: logins, roles enforced on the server,
//! leases, conflicts, comments on a leased article, events, and bad requests refused in
//! Chinese with nothing changed.

mod office;

use std::time::{Duration, Instant};

use jianbao::api::{self, ArticleLease, ByArticle, ById, NoArgs};
use jianbao::client::{Backend, RemoteBackend, StreamItem};
use jianbao::domain::{AnchorPart, Block, CommentAnchor, Inline, IssueStatus};
use jianbao::error::ErrorCode;
use jianbao::store::{ChangeKind, Id};
use office::OfficeServer;

fn call<C: api::Command>(
    client: &mut RemoteBackend,
    request: C::Request,
) -> Result<C::Response, jianbao::AppError> {
    (client as &mut dyn Backend).call::<C>(request)
}

/// The demo issue and its first article.
fn demo_ids(client: &mut RemoteBackend) -> (Id, Id) {
    let issues = call::<api::ListIssues>(client, NoArgs {}).expect("lists");
    let issue = call::<api::GetIssue>(client, ById { id: issues[0].id }).expect("the demo issue");
    (issue.id, issue.articles[0].id)
}

fn edited(client: &mut RemoteBackend, article: Id, text: &str) -> api::SaveArticleRequest {
    let view = call::<api::GetArticle>(client, ById { id: article }).expect("reads");
    let mut changed = view.article;
    changed.body.push(Block::paragraph(text));
    api::SaveArticleRequest { id: article, article: changed, base_revision: view.revision, author: None }
}

#[test]
fn a_wrong_password_and_an_unknown_name_are_refused_alike() {
    let server = OfficeServer::start(&[]);
    let mut client = RemoteBackend::new(&server.url).expect("address");
    let wrong = client.log_in("汤建", "not the password").expect_err("wrong password");
    let unknown = client.log_in("无此人", office::PASSWORD).expect_err("unknown name");
    assert_eq!(wrong.code, ErrorCode::Unauthorized);
    assert_eq!(wrong.message, unknown.message, "the answer must not tell which part was wrong");
    assert!(wrong.message.contains("账号或密码不正确"), "{}", wrong.message);
    let anonymous = call::<api::ListIssues>(&mut client, NoArgs {}).expect_err("not logged in");
    assert_eq!(anonymous.code, ErrorCode::Unauthorized);
}

#[test]
fn repeated_failures_slow_the_next_attempt_down() {
    let server = OfficeServer::start(&[]);
    let mut client = RemoteBackend::new(&server.url).expect("address");
    for _ in 0..4 {
        client.log_in("李校对", "guess").expect_err("wrong");
    }
    let started = Instant::now();
    client.log_in("李校对", "guess").expect_err("wrong again");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "after four failures an attempt waits: {:?}",
        started.elapsed()
    );
    let me = client.log_in("李校对", office::PASSWORD).expect("the right password still works");
    assert_eq!(me.name.as_deref(), Some("李校对"));
}

#[test]
fn roles_are_enforced_on_the_server_and_actions_carry_the_account() {
    let server = OfficeServer::start(&[]);
    let mut editor = server.client("汤建");
    let mut proofreader = server.client("李校对");
    let (issue, _) = demo_ids(&mut editor);

    let refused = call::<api::SignOffIssue>(
        &mut proofreader,
        api::SignOffRequest { id: issue, by: None, date: None, move_masthead_date: false },
    )
    .expect_err("a proofreader does not sign off");
    assert_eq!(refused.code, ErrorCode::Forbidden);
    assert!(refused.message.contains("只有签发人可以签发"), "{}", refused.message);
    let masthead = api::UpdateMastheadRequest {
        id: issue,
        update: jianbao::service::MastheadUpdate {
            kind: jianbao::domain::IssueKind::Regular,
            number: 99,
            total_number: 999,
            date: chrono::NaiveDate::from_ymd_opt(2025, 9, 2).expect("valid date"),
        },
    };
    let refused =
        call::<api::UpdateMasthead>(&mut proofreader, masthead).expect_err("only editors edit the masthead");
    assert_eq!(refused.code, ErrorCode::Forbidden);
    let unchanged = call::<api::GetIssue>(&mut editor, ById { id: issue }).expect("reads");
    assert_eq!(unchanged.number, 13, "a refused request changes nothing");

    let typed =
        api::AdvanceRequest { id: issue, by: Some("王主任".into()), note: String::new(), assignee: None };
    let impersonation = call::<api::AdvanceIssue>(&mut editor, typed).expect_err("another name");
    assert!(impersonation.message.contains("不符"), "{}", impersonation.message);
    let advance =
        api::AdvanceRequest {
            id: issue, by: None, note: "请校".into(), assignee: Some("李校对".into())
        };
    let rounds = call::<api::AdvanceIssue>(&mut editor, advance).expect("the editor sends it to 一校");
    let entered = rounds.history.last().expect("a change was recorded");
    assert_eq!((entered.changed_by.as_str(), entered.assignee.as_deref()), ("汤建", Some("李校对")));
    let passed = api::AdvanceRequest { id: issue, by: None, note: String::new(), assignee: None };
    let rounds =
        call::<api::AdvanceIssue>(&mut proofreader, passed).expect("the proofreader passes their round");
    assert_eq!(rounds.status, IssueStatus::SecondProof);
}

#[test]
fn a_lease_makes_the_article_read_only_for_others_and_a_stale_save_is_a_conflict() {
    let server = OfficeServer::start(&["--lease", "60s"]);
    let mut editor = server.client("汤建");
    let mut second_editor = server.client("赵编辑");
    let (_, article) = demo_ids(&mut editor);

    let mine = call::<api::TakeLease>(&mut editor, ByArticle { article_id: article }).expect("takes");
    assert!(mine.mine);
    let theirs: ArticleLease =
        call::<api::TakeLease>(&mut second_editor, ByArticle { article_id: article }).expect("asks");
    assert!(!theirs.mine, "someone else holds it");
    assert_eq!(theirs.lease.as_ref().map(|lease| lease.holder.as_str()), Some("汤建"));
    let request = edited(&mut second_editor, article, "我的段落");
    let refused =
        call::<api::SaveArticle>(&mut second_editor, request).expect_err("read-only for the second editor");
    assert_eq!(refused.code, ErrorCode::Leased);
    assert!(refused.message.contains("汤建正在编辑"), "{}", refused.message);

    let stale = edited(&mut editor, article, "第一次");
    let saved = call::<api::SaveArticle>(&mut editor, stale.clone()).expect("saves on the latest revision");
    let conflict =
        call::<api::SaveArticle>(&mut editor, api::SaveArticleRequest { article: stale.article, ..stale })
            .expect_err("a save on the old base");
    assert_eq!(conflict.code, ErrorCode::Conflict);
    let stored = call::<api::GetArticle>(&mut editor, ById { id: article }).expect("reads");
    assert_eq!(stored.revision, saved.revision, "the refused save wrote nothing");

    call::<api::ReleaseLease>(&mut editor, ByArticle { article_id: article }).expect("gives it up");
    let now_theirs =
        call::<api::TakeLease>(&mut second_editor, ByArticle { article_id: article }).expect("takes");
    assert!(now_theirs.mine);
}

#[test]
fn a_comment_on_a_leased_article_is_anchored_when_the_article_is_next_taken() {
    let server = OfficeServer::start(&[]);
    let mut editor = server.client("汤建");
    let mut proofreader = server.client("李校对");
    let (issue, article) = demo_ids(&mut editor);
    call::<api::TakeLease>(&mut editor, ByArticle { article_id: article }).expect("the editor edits");

    let view = call::<api::GetArticle>(&mut proofreader, ById { id: article }).expect("reads");
    let (block, text) = view
        .article
        .body
        .iter()
        .enumerate()
        .find_map(|(i, b)| matches!(b, Block::Paragraph { .. }).then(|| (i, b.plain_text())))
        .expect("the demo article has a paragraph");
    let quote: String = text.chars().take(4).collect();
    let comment = api::AddCommentRequest {
        issue_id: issue,
        article_id: article,
        thread_id: "t-office-1".into(),
        quote: quote.clone(),
        author: None,
        body: "请核对".into(),
        anchor: Some(CommentAnchor { part: AnchorPart::Body, block: block as u32, start: 0, end: 4 }),
    };
    let review =
        call::<api::AddComment>(&mut proofreader, comment).expect("comments while the editor holds it");
    let thread = review.threads.iter().find(|t| t.thread.id == "t-office-1").expect("stored");
    assert!(
        thread.thread.pending_anchor.is_some() && !thread.anchored,
        "the text is the editor's until released"
    );
    assert_eq!(thread.thread.messages[0].author, "李校对", "signed with the account");

    call::<api::ReleaseLease>(&mut editor, ByArticle { article_id: article }).expect("releases");
    call::<api::TakeLease>(&mut editor, ByArticle { article_id: article }).expect("takes again");
    let review = call::<api::GetIssueReview>(&mut editor, api::ByIssue { issue_id: issue }).expect("reads");
    let thread = review.threads.iter().find(|t| t.thread.id == "t-office-1").expect("still there");
    assert!(
        thread.anchored && thread.thread.pending_anchor.is_none(),
        "placed into the text on the next take"
    );
    let stored = call::<api::GetArticle>(&mut editor, ById { id: article }).expect("reads");
    let Block::Paragraph { content } = &stored.article.body[block] else { panic!("still a paragraph") };
    let marked: String = content
        .iter()
        .filter(|run: &&Inline| run.comments.contains(&"t-office-1".into()))
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(marked, quote);
}

#[test]
fn a_proofreader_may_save_their_own_suggestions_but_not_change_the_text() {
    let server = OfficeServer::start(&[]);
    let mut proofreader = server.client("李校对");
    let (_, article) = demo_ids(&mut proofreader);
    call::<api::TakeLease>(&mut proofreader, ByArticle { article_id: article }).expect("takes");
    let request = edited(&mut proofreader, article, "直接加的段落");
    let refused =
        call::<api::SaveArticle>(&mut proofreader, request).expect_err("plain text is the editor's");
    assert_eq!(refused.code, ErrorCode::Forbidden);
    assert!(refused.message.contains("建议模式"), "{}", refused.message);

    let view = call::<api::GetArticle>(&mut proofreader, ById { id: article }).expect("reads");
    let mut suggested = view.article.clone();
    let suggestion = jianbao::domain::Suggestion {
        kind: jianbao::domain::SuggestionKind::Insertion,
        id: 1,
        author: "李校对".into(),
        at: "2026-12-02T08:00:00Z".into(),
    };
    suggested.body.push(Block::Paragraph {
        content: vec![Inline { suggestion: Some(suggestion), ..Inline::plain("建议补充的一句。") }],
    });
    let save = api::SaveArticleRequest {
        id: article,
        article: suggested,
        base_revision: view.revision,
        author: None,
    };
    call::<api::SaveArticle>(&mut proofreader, save).expect("their own suggestion is theirs to save");
}

#[test]
fn an_expired_session_and_a_disabled_account_are_told_so() {
    let server = OfficeServer::start(&["--session-idle", "2s"]);
    let mut proofreader = server.client("李校对");
    call::<api::ListIssues>(&mut proofreader, NoArgs {}).expect("a fresh session works");
    std::thread::sleep(Duration::from_millis(3500));
    let expired = call::<api::ListIssues>(&mut proofreader, NoArgs {}).expect_err("idle too long");
    assert_eq!(expired.code, ErrorCode::Unauthorized);
    assert!(expired.message.contains("过期"), "{}", expired.message);

    let mut signer = server.client("王主任");
    let disabled = server.admin(&["user", "disable", "王主任"], "");
    assert!(disabled.status.success(), "{}", String::from_utf8_lossy(&disabled.stderr));
    // Disabling ends the account's sessions in the store; logging in again says why.
    let refused = call::<api::ListIssues>(&mut signer, NoArgs {}).expect_err("disabled meanwhile");
    assert_eq!(refused.code, ErrorCode::Unauthorized, "{}", refused.message);
    let login = RemoteBackend::new(&server.url)
        .expect("address")
        .log_in("王主任", office::PASSWORD)
        .expect_err("disabled");
    assert!(login.message.contains("停用"), "{}", login.message);
}

fn raw_post(server: &OfficeServer, token: &str, path: &str, body: &[u8]) -> (u16, jianbao::AppError) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut response = agent
        .post(&format!("{}/api/{path}", server.url))
        .header("authorization", &format!("Bearer {token}"))
        .header("content-type", "application/json")
        .send(body)
        .expect("the server answers");
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().expect("a body");
    let error = serde_json::from_str(&text).unwrap_or_else(|e| panic!("an AppError, not {text:?}: {e}"));
    (status, error)
}

#[test]
fn a_malformed_or_huge_body_is_refused_in_chinese_and_changes_nothing() {
    let server = OfficeServer::start(&[]);
    let mut editor = server.client("汤建");
    let token = editor.token().expect("logged in").to_owned();
    let (issue, _) = demo_ids(&mut editor);
    let before = call::<api::GetIssue>(&mut editor, ById { id: issue }).expect("reads");

    let (status, error) = raw_post(&server, &token, "update_masthead", br#"{"id": 1, "update": {"number": "#);
    assert_eq!(status, 400);
    assert!(error.message.contains("格式不对"), "{}", error.message);

    let huge = vec![b' '; 100 * 1024 * 1024];
    let (status, error) = raw_post(&server, &token, "load_issue", &huge);
    assert_eq!(status, 413);
    assert!(error.message.contains("请求太大"), "{}", error.message);

    let (status, error) = raw_post(&server, &token, "no_such_command", b"{}");
    assert_eq!(status, 404);
    assert!(error.message.contains("没有名为"), "{}", error.message);
    let after = call::<api::GetIssue>(&mut editor, ById { id: issue }).expect("reads");
    assert_eq!(before, after);
}

#[test]
fn events_arrive_and_a_reconnecting_client_catches_up() {
    let server = OfficeServer::start(&[]);
    let mut editor = server.client("汤建");
    let (_, article) = demo_ids(&mut editor);
    let mut stream = editor.events(None).expect("subscribes");
    call::<api::TakeLease>(&mut editor, ByArticle { article_id: article }).expect("takes");
    let first = next_change(&mut stream);
    assert_eq!((first.kind, first.article_id), (ChangeKind::Lease, Some(article)));
    drop(stream);

    // While nobody listens, a save happens; the client comes back with the last number it saw.
    let request = edited(&mut editor, article, "离线时的修改");
    call::<api::SaveArticle>(&mut editor, request).expect("saves");
    let mut again = editor.events(Some(first.seq)).expect("reconnects");
    let missed = next_change(&mut again);
    assert_eq!((missed.kind, missed.article_id), (ChangeKind::Article, Some(article)));
    assert!(missed.seq > first.seq);
}

fn next_change(stream: &mut jianbao::client::EventStream) -> jianbao::store::ChangeEvent {
    loop {
        match stream.next_item().expect("the stream stays open") {
            StreamItem::Change(event) => return event,
            StreamItem::Heartbeat => continue,
            StreamItem::Reset { latest } => panic!("nothing was forgotten, yet a reset to {latest}"),
        }
    }
}

#[test]
fn the_browser_gets_the_ui_and_the_lan_needs_an_explicit_flag() {
    let server = OfficeServer::start(&[]);
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut page = agent.get(&format!("{}/", server.url)).call().expect("answers");
    assert_eq!(page.status().as_u16(), 200);
    assert!(page.body_mut().read_to_string().expect("html").contains("id=\"app\""));

    let output = std::process::Command::new(office::server_binary())
        .arg("--db")
        .arg(server.folder().join("other.sqlite3"))
        .args(["--listen", "0.0.0.0:0"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--lan"));
}

#[test]
fn a_backup_taken_while_serving_restores_the_office_database() {
    let server = OfficeServer::start(&[]);
    let mut editor = server.client("汤建");
    let (_, article) = demo_ids(&mut editor);
    let change = edited(&mut editor, article, "备份前的最后一次修改。");
    call::<api::SaveArticle>(&mut editor, change).expect("save");
    let kept = tempfile::tempdir().expect("temp dir");
    let backups = kept.path().join("backups");
    let backed_up =
        office::server_command(&server.db, &["backup", "--to", backups.to_str().expect("UTF-8")], "");
    assert!(backed_up.status.success(), "{}", String::from_utf8_lossy(&backed_up.stderr));
    let said = String::from_utf8_lossy(&backed_up.stdout);
    let file = said.trim().strip_prefix("已备份到 ").expect("names the file").to_owned();
    drop(server);

    let restored = tempfile::tempdir().expect("temp dir");
    let target = restored.path().join("office.sqlite3");
    let back = office::server_command(&target, &["restore", "--from", &file], "");
    assert!(back.status.success(), "{}", String::from_utf8_lossy(&back.stderr));
    let store =
        jianbao::store::SqliteStore::open(&target, Box::new(jianbao::store::SystemClock)).expect("opens");
    let text =
        format!("{:?}", jianbao::store::ArticleStore::article(&store, article).expect("article").article);
    assert!(text.contains("备份前的最后一次修改"), "{text}");

    let broken = restored.path().join("broken.sqlite3");
    std::fs::write(&broken, b"not a database").expect("write");
    let refused =
        office::server_command(&target, &["restore", "--from", broken.to_str().expect("UTF-8")], "");
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("不是简报台的数据库"));
    assert!(
        format!("{:?}", jianbao::store::ArticleStore::article(&store, article).expect("still there").article)
            .contains("备份前的最后一次修改")
    );
}
