//! A Word proof going out and coming back through the real CLI: `export --proof` writes the
//! pending suggestions as tracked changes and the open threads as comments; the leader's
//! Word adds a tracked insertion and a comment; `import … --issue` brings the file back and
//! the issue holds the same suggestions and threads as before plus the leader's, signed
//! with the author Word recorded.

mod common;

use std::io::{Cursor, Read, Write};
use std::path::Path;

use common::{TempDb, cli, issue};
use jianbao::domain::{Article, Block, Inline, Suggestion, SuggestionKind};
use jianbao::store::prelude::*;
use jianbao::store::{Id, NewComment};

const THREAD: &str = "thread-round-trip-1";

fn suggested(text: &str, kind: SuggestionKind, id: u32) -> Inline {
    let suggestion = Suggestion { kind, id, author: "周校对".into(), at: "2026-11-29T10:00:00Z".into() };
    Inline { suggestion: Some(suggestion), ..Inline::plain(text) }
}

fn reviewed_article() -> Article {
    Article {
        title: vec!["石门县代表联络站建设情况".into()],
        body: vec![
            Block::Paragraph {
                content: vec![
                    Inline::plain("截至"),
                    suggested("十一月", SuggestionKind::Deletion, 1),
                    suggested("11月", SuggestionKind::Insertion, 1),
                    Inline::plain("底，"),
                    Inline { comments: vec![THREAD.into()], ..Inline::plain("全县建成代表联络站") },
                    Inline::plain("二十六个。"),
                ],
            },
            Block::paragraph("全县共有代表站十八个。"),
        ],
        contributors: vec!["石门县人大常委会".into()],
        ..Article::empty()
    }
}

/// An issue of one reviewed article with one open thread (and a reply), stored in `db`.
fn stored_issue(db: &TempDb) -> (Id, Id) {
    let (mut store, publication) = db.with_publication();
    let issue_id =
        store.create_issue(publication, &issue(22, 761, vec![reviewed_article()]), "编辑").expect("issue");
    let article_id = store.issue(issue_id).expect("stored").article_ids[0];
    let thread = NewComment {
        thread_id: THREAD,
        article_id,
        quote: "全县建成代表联络站",
        author: "李编辑",
        body: "这个数字与上期不一致，请核实",
        anchor: None,
    };
    store.add_comment_thread(&thread).expect("a thread");
    store.add_comment_reply(THREAD, "周校对", "已与县里核对，以本期为准").expect("a reply");
    (issue_id, article_id)
}

/// What a leader does in Word with Track Changes on: inserts words after the second
/// paragraph's text, and comments on that paragraph.
fn review_in_word(docx: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a .docx");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut has_comments = false;
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).expect("an entry");
        let name = file.name().expect("a UTF-8 name").into_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).expect("readable");
        if name == "word/document.xml" {
            let xml = String::from_utf8(bytes).expect("UTF-8");
            let run = r#"<w:t xml:space="preserve">全县共有代表站十八个。</w:t></w:r>"#;
            assert!(xml.contains(run), "the export writes the paragraph as one run");
            let reviewed = xml.replacen(
                run,
                &format!(
                    r#"{run}<w:ins w:id="901" w:author="王主任" w:date="2026-12-01T09:00:00Z"><w:r><w:t>其中示范站五个。</w:t></w:r></w:ins><w:commentRangeEnd w:id="77"/><w:r><w:commentReference w:id="77"/></w:r>"#
                ),
                1,
            );
            let start = reviewed.find("全县共有代表站十八个").expect("the paragraph");
            let run_start = reviewed[..start].rfind("<w:r>").expect("its run");
            let reviewed = format!(
                r#"{}<w:commentRangeStart w:id="77"/>{}"#,
                &reviewed[..run_start],
                &reviewed[run_start..]
            );
            bytes = reviewed.into_bytes();
        }
        if name == "word/comments.xml" {
            has_comments = true;
            let xml = String::from_utf8(bytes).expect("UTF-8");
            let comment = r#"<w:comment w:id="77" w:author="王主任" w:date="2026-12-01T09:05:00Z" w:initials="W"><w:p><w:r><w:t>示范站名单请附后</w:t></w:r></w:p></w:comment></w:comments>"#;
            bytes = xml.replacen("</w:comments>", comment, 1).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).expect("an entry");
        out.write_all(&bytes).expect("written");
    }
    assert!(has_comments, "the proof carries its thread as a Word comment");
    out.finish().expect("zipped").into_inner()
}

fn export_proof(db: &TempDb, issue_id: Id, path: &Path) {
    let output =
        cli(&db.path, &["export", &issue_id.to_string(), "-o", path.to_str().expect("UTF-8"), "--proof"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Word 文档"), "the CLI says what it wrote");
}

fn import_back(db: &TempDb, issue_id: Id, path: &Path) -> String {
    let output = cli(&db.path, &["import", path.to_str().expect("UTF-8"), "--issue", &issue_id.to_string()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_proof_carries_tracked_changes_and_comments_with_their_authors() {
    let db = TempDb::new();
    let (issue_id, _) = stored_issue(&db);
    let path = db.dir.path().join("校样.docx");
    export_proof(&db, issue_id, &path);
    let docx = std::fs::read(&path).expect("written");
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a .docx");
    let mut document = String::new();
    archive.by_name("word/document.xml").expect("document").read_to_string(&mut document).expect("UTF-8");
    assert!(document.contains(r#"w:author="周校对""#), "the suggestions keep their author");
    assert!(
        document.contains("<w:delText") && document.contains("十一月"),
        "the deletion is a tracked deletion"
    );
    assert!(document.contains("<w:commentRangeStart"), "the thread is anchored on its text");
    let mut comments = String::new();
    archive.by_name("word/comments.xml").expect("comments").read_to_string(&mut comments).expect("UTF-8");
    assert!(comments.contains("这个数字与上期不一致，请核实") && comments.contains(r#"w:author="李编辑""#));
    assert!(comments.contains("已与县里核对，以本期为准"), "the reply goes with its thread");
}

#[test]
fn a_proof_returned_unchanged_leaves_the_same_suggestions_and_threads() {
    let db = TempDb::new();
    let (issue_id, article_id) = stored_issue(&db);
    let before = db.open().article(article_id).expect("stored").article;
    let path = db.dir.path().join("校样.docx");
    export_proof(&db, issue_id, &path);
    let said = import_back(&db, issue_id, &path);
    assert!(said.contains("已带回 Word 校样"), "{said}");
    let store = db.open();
    assert_eq!(store.article(article_id).expect("stored").article, before, "nothing changed in Word");
    let threads = store.comment_threads_of_issue(issue_id).expect("threads");
    assert_eq!(threads.len(), 1, "the thread that went out is not duplicated: {threads:?}");
    assert_eq!(threads[0].messages.len(), 2, "nor its reply");
    assert_eq!(store.issue(issue_id).expect("issue").issue.articles.len(), 1, "no article appended");
}

#[test]
fn what_the_leader_changed_in_word_comes_back_as_suggestions_and_comments() {
    let db = TempDb::new();
    let (issue_id, article_id) = stored_issue(&db);
    let path = db.dir.path().join("校样.docx");
    export_proof(&db, issue_id, &path);
    let returned = db.dir.path().join("校样-领导审阅.docx");
    std::fs::write(&returned, review_in_word(&std::fs::read(&path).expect("written"))).expect("written");
    let said = import_back(&db, issue_id, &returned);
    assert!(said.contains("新批注 1 条"), "{said}");

    let store = db.open();
    let article = store.article(article_id).expect("stored").article;
    let Block::Paragraph { content } = &article.body[1] else { panic!("a paragraph") };
    let added = content.iter().find(|i| i.text == "其中示范站五个。").expect("the leader's words");
    let suggestion = added.suggestion.as_ref().expect("as a suggestion");
    assert_eq!((suggestion.kind, suggestion.author.as_str()), (SuggestionKind::Insertion, "王主任"));
    assert_eq!(suggestion.at, "2026-12-01T09:00:00Z", "the date Word recorded");
    assert_eq!(article.settled().body[1], Block::paragraph("全县共有代表站十八个。"), "not yet accepted");
    let Block::Paragraph { content: first } = &article.body[0] else { panic!("a paragraph") };
    let kinds: Vec<_> = first
        .iter()
        .filter_map(|i| i.suggestion.as_ref().map(|s| (s.kind, s.author.as_str(), i.text.as_str())))
        .collect();
    assert_eq!(
        kinds,
        [(SuggestionKind::Deletion, "周校对", "十一月"), (SuggestionKind::Insertion, "周校对", "11月")],
        "the proofreader's suggestion is still there, still one replacement"
    );

    let threads = store.comment_threads_of_issue(issue_id).expect("threads");
    assert_eq!(threads.len(), 2, "{threads:?}");
    let new = threads.iter().find(|t| t.id != THREAD).expect("the leader's thread");
    assert_eq!(new.messages[0].author, "王主任");
    assert_eq!(new.messages[0].body, "示范站名单请附后");
    assert!(new.quote.contains("全县共有代表站十八个"), "quoted from its range: {}", new.quote);
    assert!(article.comment_anchors().contains(&new.id.as_str()), "anchored in the article");
}
