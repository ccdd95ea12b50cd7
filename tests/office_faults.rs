//! The fault harness: twenty clients save and comment through `jianbao-server` on PostgreSQL
//! while the server process is killed (SIGKILL) and restarted, and while PostgreSQL itself is
//! stopped abruptly (`pg_ctl stop -m immediate`) and started again. Afterwards every save and
//! comment the server acknowledged is in the database, as sent, and no two saves were accepted
//! on one base revision. Bounded (a few seconds per phase), on loopback and a Unix socket only.

mod common;
mod office;
mod postgres_cluster;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use jianbao::api::{self, ById, NoArgs};
use jianbao::client::{Backend, RemoteBackend};
use jianbao::domain::Block;
use jianbao::error::ErrorCode;
use jianbao::store::prelude::*;
use jianbao::store::{Id, PostgresStore, SystemClock};
use office::OfficeServer;
use postgres_cluster::Cluster;

const CLIENTS: usize = 20;

/// What the server said yes to.
#[derive(Default)]
struct Acknowledged {
    /// (article, base revision, new revision, paragraph sent)
    saves: Vec<(Id, Id, Id, String)>,
    /// (thread id, comment text)
    comments: Vec<(String, String)>,
    /// What the clients were told while something was down.
    refusals: Vec<(ErrorCode, String)>,
}

fn call<C: api::Command>(
    client: &mut RemoteBackend,
    request: C::Request,
) -> Result<C::Response, jianbao::AppError> {
    (client as &mut dyn Backend).call::<C>(request)
}

#[test]
fn acknowledged_saves_and_comments_survive_a_killed_server_and_a_crashed_database() {
    let cluster = Cluster::start();
    cluster.create_database("office");
    let params = cluster.params("office");
    let mut server = OfficeServer::start_on_postgres(&params, &[]);
    let articles = articles_of_the_demo_issue(&server);
    let stop = Arc::new(AtomicBool::new(false));
    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|index| {
            let (url, stop, acknowledged) =
                (server.url.clone(), Arc::clone(&stop), Arc::clone(&acknowledged));
            let article = articles[index % articles.len()];
            std::thread::spawn(move || work(&url, index, article, &stop, &acknowledged))
        })
        .collect();

    std::thread::sleep(Duration::from_millis(1500));
    server.kill_and_restart(&[]);
    std::thread::sleep(Duration::from_millis(1500));
    cluster.stop_immediately();
    std::thread::sleep(Duration::from_millis(700));
    cluster.start_again();
    std::thread::sleep(Duration::from_millis(2500));
    stop.store(true, Ordering::SeqCst);
    for client in clients {
        client.join().expect("a client thread panicked");
    }

    let acknowledged = acknowledged.lock().expect("not poisoned");
    let mut store = PostgresStore::connect(&params, Box::new(SystemClock)).expect("the database is back");
    check_saves(&store, &acknowledged.saves);
    check_comments(&store, &acknowledged.comments);
    check_refusals(&acknowledged.refusals);
    check_the_lock_holds(&server, &mut store, articles[0]);
    eprintln!(
        "faults: 1 server kill, 1 database crash; {} saves and {} comments acknowledged, all stored; \
         {} requests refused while down",
        acknowledged.saves.len(),
        acknowledged.comments.len(),
        acknowledged.refusals.len()
    );
    assert!(acknowledged.saves.len() >= CLIENTS, "the clients got work done around the faults");
}

fn articles_of_the_demo_issue(server: &OfficeServer) -> Vec<Id> {
    let mut editor = server.client("汤建");
    let issue = call::<api::ListIssues>(&mut editor, NoArgs {}).expect("lists")[0].id;
    call::<api::GetIssue>(&mut editor, ById { id: issue })
        .expect("reads")
        .articles
        .iter()
        .map(|a| a.id)
        .collect()
}

/// Saves (editors) or comments (proofreaders) until told to stop, through every fault:
/// a refused request is retried, a lost session is logged in again.
fn work(url: &str, index: usize, article: Id, stop: &AtomicBool, acknowledged: &Mutex<Acknowledged>) {
    let account = ["汤建", "赵编辑", "李校对"][index % 3];
    let mut client = RemoteBackend::new(url).expect("address");
    let mut logged_in = false;
    let mut step = 0;
    while !stop.load(Ordering::SeqCst) {
        step += 1;
        if !logged_in {
            logged_in = client.log_in(account, office::PASSWORD).is_ok();
            if !logged_in {
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        }
        let outcome = if account == "李校对" {
            comment(&mut client, index, step, article, acknowledged)
        } else {
            save(&mut client, index, step, article, acknowledged)
        };
        if let Err(error) = outcome {
            logged_in = error.code != ErrorCode::Unauthorized;
            acknowledged.lock().expect("not poisoned").refusals.push((error.code, error.message));
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn save(
    client: &mut RemoteBackend,
    index: usize,
    step: usize,
    article: Id,
    acknowledged: &Mutex<Acknowledged>,
) -> Result<(), jianbao::AppError> {
    let view = call::<api::GetArticle>(client, ById { id: article })?;
    let text = format!("第{index}号客户端的第{step}次保存。");
    let mut changed = view.article;
    changed.body.push(Block::paragraph(&text));
    let request =
        api::SaveArticleRequest { id: article, article: changed, base_revision: view.revision, author: None };
    match call::<api::SaveArticle>(client, request) {
        Ok(saved) => {
            acknowledged.lock().expect("not poisoned").saves.push((
                article,
                view.revision,
                saved.revision,
                text,
            ));
            Ok(())
        }
        // Another client saved first: refused as it should be, the next round reads anew.
        Err(error) if error.code == ErrorCode::Conflict => Ok(()),
        Err(error) => Err(error),
    }
}

fn comment(
    client: &mut RemoteBackend,
    index: usize,
    step: usize,
    article: Id,
    acknowledged: &Mutex<Acknowledged>,
) -> Result<(), jianbao::AppError> {
    let issue = call::<api::GetArticle>(client, ById { id: article })?.issue_id;
    let thread = format!("fault-{index}-{step}");
    let body = format!("第{index}号客户端的第{step}条批注");
    let request = api::AddCommentRequest {
        issue_id: issue,
        article_id: article,
        thread_id: thread.clone(),
        quote: "保存".into(),
        author: None,
        body: body.clone(),
        anchor: None,
    };
    call::<api::AddComment>(client, request)?;
    acknowledged.lock().expect("not poisoned").comments.push((thread, body));
    Ok(())
}

fn check_saves(store: &PostgresStore, saves: &[(Id, Id, Id, String)]) {
    let mut bases = std::collections::HashSet::new();
    for (article, base, revision, text) in saves {
        assert!(
            bases.insert((*article, *base)),
            "two saves were accepted on revision {base} of article {article}"
        );
        let stored = store
            .revision(*revision)
            .unwrap_or_else(|e| panic!("acknowledged revision {revision} is gone: {e}"));
        assert_eq!(stored.summary.article_id, *article);
        assert!(format!("{:?}", stored.article).contains(text.as_str()), "revision {revision} lost {text}");
    }
}

fn check_comments(store: &PostgresStore, comments: &[(String, String)]) {
    let mut stored = std::collections::HashMap::new();
    for issue in store.list_issues(store.default_publication_id().expect("publication")).expect("issues") {
        for thread in store.comment_threads_of_issue(issue.id).expect("threads") {
            stored.insert(thread.id.clone(), format!("{:?}", thread));
        }
    }
    for (thread, body) in comments {
        let found = stored.get(thread).unwrap_or_else(|| panic!("acknowledged comment {thread} is gone"));
        assert!(found.contains(body.as_str()), "comment {thread} lost its text");
    }
}

/// While the server or its database was away the clients were told so, in Chinese, as
/// something to retry, never as a fault of their input or of the program.
fn check_refusals(refusals: &[(ErrorCode, String)]) {
    assert!(!refusals.is_empty(), "the faults were felt");
    for (code, message) in refusals {
        assert_eq!(*code, ErrorCode::Unavailable, "told {code:?}: {message}");
        assert!(message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "in Chinese: {message}");
    }
}

/// After the crashes the sign-off lock is still the database's: a signed-off issue refuses
/// a save through the server.
fn check_the_lock_holds(server: &OfficeServer, store: &mut PostgresStore, article: Id) {
    use jianbao::domain::IssueStatus;
    use jianbao::store::StatusTransition;
    let issue = store.article(article).expect("article").issue_id;
    let mut status = store.issue(issue).expect("issue").issue.status;
    while status != IssueStatus::SignedOff {
        let next = IssueStatus::ALL[IssueStatus::ALL.iter().position(|s| *s == status).expect("known") + 1];
        let change = StatusTransition {
            from: status,
            to: next,
            by: "王主任",
            note: "",
            sign_off_date: (next == IssueStatus::SignedOff)
                .then(|| store.issue(issue).expect("issue").issue.date),
            masthead_date: None,
            assignee: None,
        };
        store.record_transition(issue, &change).expect("an allowed step");
        status = next;
    }
    let mut editor = server.client("汤建");
    let view = call::<api::GetArticle>(&mut editor, ById { id: article }).expect("reads");
    let request = api::SaveArticleRequest {
        id: article,
        article: view.article,
        base_revision: view.revision,
        author: None,
    };
    assert!(call::<api::SaveArticle>(&mut editor, request).is_err(), "a signed-off issue refuses the save");
}
