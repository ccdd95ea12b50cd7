//! `make bench`: twenty clients on loopback against one `jianbao-server` for a minute (set
//! `JIANBAO_LOAD_SECONDS` to change it) — saves, comments and reads — reporting requests per
//! second and latencies, then checking that every acknowledged save is stored as it was sent
//! and that no two saves were accepted on the same base revision (nothing overwritten
//! without a conflict). Pairs of clients share an article, so conflicts do happen.
//! `JIANBAO_LOAD_STORE=postgres` runs it on PostgreSQL.

#[path = "../../tests/office/mod.rs"]
mod office;
#[path = "../../tests/postgres_cluster/mod.rs"]
mod postgres_cluster;

use std::collections::HashMap;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use jianbao::api::{self, ByArticle, ById, NoArgs};
use jianbao::client::{Backend, RemoteBackend};
use jianbao::domain::Block;
use jianbao::error::ErrorCode;
use jianbao::store::Id;

const CLIENTS: usize = 20;
const ARTICLES: usize = CLIENTS / 2;

#[derive(Default)]
struct Tally {
    latencies: HashMap<&'static str, Vec<Duration>>,
    conflicts: u32,
    /// (article, base revision, new revision, text sent)
    saves: Vec<(Id, Id, Id, String)>,
    failures: Vec<String>,
}

fn call<C: api::Command>(
    client: &mut RemoteBackend,
    request: C::Request,
) -> Result<C::Response, jianbao::AppError> {
    (client as &mut dyn Backend).call::<C>(request)
}

fn main() {
    let seconds = std::env::var("JIANBAO_LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    // JIANBAO_LOAD_STORE=postgres: the same load on a PostgreSQL store in a throwaway cluster.
    let on_postgres = std::env::var("JIANBAO_LOAD_STORE").is_ok_and(|store| store == "postgres");
    let cluster = on_postgres.then(postgres_cluster::Cluster::start);
    let server = match &cluster {
        Some(cluster) => {
            cluster.create_database("office");
            office::OfficeServer::start_on_postgres(&cluster.params("office"), &[])
        }
        None => office::OfficeServer::start(&[]),
    };
    println!("store: {}", if on_postgres { "PostgreSQL" } else { "SQLite" });
    let articles = prepare(&server);
    let barrier = Arc::new(Barrier::new(CLIENTS));
    let until = Duration::from_secs(seconds);
    let workers: Vec<_> = (0..CLIENTS)
        .map(|index| {
            let url = server.url.clone();
            let article = articles[index / 2];
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || run_client(&url, index, article, &barrier, until))
        })
        .collect();
    let tallies: Vec<Tally> =
        workers.into_iter().map(|w| w.join().expect("a client thread panicked")).collect();
    report(&server, &tallies, seconds);
}

/// Ten articles in the demo issue, one per pair of clients.
fn prepare(server: &office::OfficeServer) -> Vec<Id> {
    let mut editor = server.client("汤建");
    let issue = call::<api::ListIssues>(&mut editor, NoArgs {}).expect("lists")[0].id;
    loop {
        let view = call::<api::GetIssue>(&mut editor, ById { id: issue }).expect("reads");
        if view.articles.len() >= ARTICLES {
            return view.articles.iter().take(ARTICLES).map(|a| a.id).collect();
        }
        call::<api::AddArticle>(&mut editor, api::AddArticleRequest { issue_id: issue, author: None })
            .expect("adds");
    }
}

fn run_client(url: &str, index: usize, article: Id, barrier: &Barrier, until: Duration) -> Tally {
    // Both clients of an article work as the same account: the lease lets them both save,
    // so only the base revision keeps one from overwriting the other.
    let account = if (index / 2).is_multiple_of(2) { "汤建" } else { "赵编辑" };
    let mut client = RemoteBackend::new(url).expect("address");
    client.log_in(account, office::PASSWORD).expect("logs in");
    call::<api::TakeLease>(&mut client, ByArticle { article_id: article }).expect("takes the article");
    let issue = call::<api::GetArticle>(&mut client, ById { id: article }).expect("reads").issue_id;
    let mut tally = Tally::default();
    let mut seed = index as u64 * 7919 + 1;
    barrier.wait();
    let started = Instant::now();
    let mut step = 0u32;
    while started.elapsed() < until {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        step += 1;
        let roll = (seed >> 33) % 10;
        let begun = Instant::now();
        let kind = match roll {
            0..=3 => read(&mut client, issue, article, roll, &mut tally),
            4..=7 => save(&mut client, index, step, article, &mut tally),
            _ => comment(&mut client, index, step, issue, article, &mut tally),
        };
        tally.latencies.entry(kind).or_default().push(begun.elapsed());
    }
    tally
}

fn read(client: &mut RemoteBackend, issue: Id, article: Id, roll: u64, tally: &mut Tally) -> &'static str {
    let outcome = if roll.is_multiple_of(2) {
        call::<api::GetArticle>(client, ById { id: article }).map(drop)
    } else {
        call::<api::GetIssue>(client, ById { id: issue }).map(drop)
    };
    if let Err(error) = outcome {
        tally.failures.push(error.message);
    }
    "read"
}

fn save(client: &mut RemoteBackend, index: usize, step: u32, article: Id, tally: &mut Tally) -> &'static str {
    let view = match call::<api::GetArticle>(client, ById { id: article }) {
        Ok(view) => view,
        Err(error) => {
            tally.failures.push(error.message);
            return "save";
        }
    };
    let text = format!("第{index}号客户端的第{step}次修改。");
    let mut changed = view.article;
    changed.body.push(Block::paragraph(&text));
    // Now and then the other client of the pair saves between this read and this save.
    let request =
        api::SaveArticleRequest { id: article, article: changed, base_revision: view.revision, author: None };
    match call::<api::SaveArticle>(client, request) {
        Ok(saved) => tally.saves.push((article, view.revision, saved.revision, text)),
        Err(error) if error.code == ErrorCode::Conflict => tally.conflicts += 1,
        Err(error) => tally.failures.push(error.message),
    }
    "save"
}

fn comment(
    client: &mut RemoteBackend,
    index: usize,
    step: u32,
    issue: Id,
    article: Id,
    tally: &mut Tally,
) -> &'static str {
    let request = api::AddCommentRequest {
        issue_id: issue,
        article_id: article,
        thread_id: format!("load-{index}-{step}"),
        quote: "修改".into(),
        author: None,
        body: format!("第{index}号客户端的批注"),
        anchor: None,
    };
    if let Err(error) = call::<api::AddComment>(client, request) {
        tally.failures.push(error.message);
    }
    "comment"
}

fn report(server: &office::OfficeServer, tallies: &[Tally], seconds: u64) {
    let mut all: HashMap<&str, Vec<Duration>> = HashMap::new();
    for tally in tallies {
        for (kind, latencies) in &tally.latencies {
            all.entry(kind).or_default().extend(latencies);
        }
    }
    let total: usize = all.values().map(Vec::len).sum();
    println!(
        "office load: {CLIENTS} clients, {seconds} s, {total} requests, {:.0} requests/s",
        total as f64 / seconds as f64
    );
    let mut kinds: Vec<_> = all.iter_mut().collect();
    kinds.sort_by_key(|(kind, _)| **kind);
    for (kind, latencies) in kinds {
        latencies.sort();
        let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
        println!(
            "  {kind:8} {:6} requests  p50 {:>7.2?}  p99 {:>7.2?}  max {:>7.2?}",
            latencies.len(),
            at(0.5),
            at(0.99),
            at(1.0)
        );
    }
    let conflicts: u32 = tallies.iter().map(|t| t.conflicts).sum();
    let saves: Vec<_> = tallies.iter().flat_map(|t| &t.saves).collect();
    let failures: Vec<_> = tallies.iter().flat_map(|t| &t.failures).collect();
    println!(
        "  {} saves acknowledged, {conflicts} refused as conflicts, {} other failures",
        saves.len(),
        failures.len()
    );
    for failure in failures.iter().take(5) {
        println!("    failure: {failure}");
    }
    let mut checker = server.client("汤建");
    let mut bases = std::collections::HashSet::new();
    let mut lost = 0;
    for (article, base, revision, text) in &saves {
        assert!(
            bases.insert((*article, *base)),
            "two saves were accepted on revision {base} of article {article}"
        );
        let stored =
            call::<api::GetRevision>(&mut checker, ById { id: *revision }).expect("the revision exists");
        let holds = stored.summary.article_id == *article
            && stored.article.body.iter().any(|b| b.plain_text() == *text);
        lost += usize::from(!holds);
    }
    println!("  acknowledged saves checked: {}, lost or altered: {lost}", saves.len());
    assert_eq!(lost, 0, "every acknowledged save is stored as sent");
    assert!(failures.is_empty(), "no request failed other than by a conflict");
}
