//! Back issues in the shapes the archive holds them in (tests/archive-texts/, one text per
//! shape, written for these tests): what each must come out as.

use std::path::Path;

use chrono::NaiveDate;
use jianbao::domain::{Article, Block, Issue};
use jianbao::import::{MastheadFill, RecognisedIssue, recognise_issue_text};

fn recognised(name: &str) -> RecognisedIssue {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/archive-texts").join(name);
    let text = std::fs::read_to_string(&path).expect("archive text is committed");
    recognise_issue_text(name, &text).expect("an issue")
}

fn issue(name: &str, fill: &MastheadFill) -> Issue {
    recognised(name).complete(fill).expect("masthead complete").to_issue()
}

fn paragraphs(article: &Article) -> Vec<String> {
    article.body.iter().filter(|b| matches!(b, Block::Paragraph { .. })).map(Block::plain_text).collect()
}

fn headings(article: &Article) -> Vec<String> {
    article.body.iter().filter(|b| matches!(b, Block::Heading { .. })).map(Block::plain_text).collect()
}

/// No page number, running head or photo credit may be left inside the text.
fn assert_clean(issue: &Issue, furniture: &[&str]) {
    for article in &issue.articles {
        for block in &article.body {
            let text = block.plain_text();
            for stray in furniture {
                assert!(!text.contains(stray), "“{stray}” left in {text}");
            }
        }
    }
}

#[test]
fn hard_wrapped_lines_with_indents_and_centred_titles() {
    let issue = issue("hard-wrapped-indented.txt", &MastheadFill::default());
    assert_eq!((issue.number, issue.total_number), (7, 123));
    assert_eq!(issue.date, NaiveDate::from_ymd_opt(2019, 6, 18).expect("valid"));
    let titles: Vec<&Vec<String>> = issue.articles.iter().map(|a| &a.title).collect();
    assert_eq!(
        titles,
        [
            &vec!["乡镇人大“代表活动月”见实效".to_owned()],
            &vec!["城区人大工委探索“街道议事会”".to_owned(), "让居民事居民议".to_owned()]
        ]
    );
    let first = &issue.articles[0];
    assert_eq!(headings(first), ["一、精心组织，活动有章可循", "二、突出重点，履职有的放矢"]);
    let body = paragraphs(first);
    assert_eq!(body.len(), 4, "{body:#?}");
    assert_eq!(
        body[1],
        "县人大常委会年初印发活动方案，明确每个乡镇至少组织两次集中视察、一次专题询问和一次建议督办，并把活动开展情况纳入乡镇人大工作年度评价。",
        "the paragraph runs on across the page break"
    );
    assert_eq!(first.contributors, ["宁远县人大常委会"]);
    assert_eq!(paragraphs(&issue.articles[1]).len(), 2);
    assert_eq!(issue.articles[1].contributors, ["东安县人大常委会城区工委"]);
    assert_clean(&issue, &["— 2 —", "— 3 —", "代表工作简报"]);
    let footer = issue.footer(&jianbao::domain::Publication::lianluo_dongtai());
    assert_eq!(
        footer.recipients,
        ["省人大常委会各位副主任、秘书长", "各市州人大常委会", "各县市区人大常委会"]
    );
    assert_eq!((footer.responsible_editor.as_str(), footer.phone.as_str()), ("王晓东", "0731-82000000"));
}

#[test]
fn a_cut_masthead_an_issue_note_and_speeches() {
    let found = recognised("cut-masthead-speeches.txt");
    let masthead = &found.masthead;
    assert_eq!((masthead.number, masthead.total_number), (None, None), "no number is guessed");
    assert_eq!(masthead.date, NaiveDate::from_ymd_opt(2020, 11, 2));
    assert_eq!(masthead.editing_unit.as_deref(), Some("省人大常委会代表联络工作委员会"));
    assert_eq!(found.missing(&MastheadFill::default()).len(), 2, "number and total are asked for");
    let issue = found
        .complete(&MastheadFill { number: Some(19), total_number: Some(388), date: None })
        .expect("filled")
        .to_issue();
    let note: String = issue.editor_note.iter().map(|run| run.text.as_str()).collect();
    assert!(
        note.starts_with("10月下旬，全省人大代表联络站建设推进会在岳阳召开"),
        "the issue's note is kept: {note}"
    );
    assert!(note.contains("\n现将发言摘要刊发"), "both paragraphs of the note: {note}");
    let titles: Vec<String> = issue.articles.iter().map(Article::title_text).collect();
    assert_eq!(
        titles,
        [
            "岳阳市人大常委会：建好用好联络站架起群众连心桥",
            "常宁市人大常委会：以“三化”建设推动联络站提质增效",
            "安乡县人大常委会：让代表履职在基层“落地生根”",
        ]
    );
    assert_eq!(issue.articles[0].title.len(), 2, "the space in a title is where its line breaks");
    assert!(issue.articles.iter().all(|a| paragraphs(a).len() == 2 && a.editor_note.is_empty()));
    let imprint = issue.imprint.expect("the unit as printed is kept");
    assert_eq!(imprint.editing_unit.as_deref(), Some("省人大常委会代表联络工作委员会"));
}

#[test]
fn a_feature_with_subtitle_byline_section_heads_and_a_stray_caption() {
    let found = recognised("feature-unindented.txt");
    let warnings: Vec<&String> = found.articles.iter().flat_map(|a| &a.warnings).collect();
    assert!(warnings.iter().any(|w| w.contains("图片说明")), "the moved caption is reported: {warnings:?}");
    let issue = found.complete(&MastheadFill::default()).expect("complete masthead").to_issue();
    assert_eq!((issue.number, issue.total_number), (3, 208));
    assert_eq!(issue.articles.len(), 2);
    let feature = &issue.articles[0];
    assert_eq!(feature.title, ["倾听民声的“直通车”"]);
    assert_eq!(feature.subtitle.as_deref(), Some("——市人大代表联络站工作纪实"));
    assert_eq!(feature.byline.as_deref(), Some("张明远　刘小芳"), "names keep their space");
    assert_eq!(headings(feature), ["把脉问诊　精准发力", "服务下沉　履职走深"]);
    let body = paragraphs(feature);
    assert_eq!(body.len(), 4, "{body:#?}");
    assert!(
        body[1].ends_with("已办结一百二十六条。") && !body[1].contains("摄"),
        "caption out of the sentence: {}",
        body[1]
    );
    assert_eq!(body[2], "▲代表在联络站接待来访群众。（陈立新摄）", "the caption follows its paragraph");
    let news = &issue.articles[1];
    assert_eq!(paragraphs(news).len(), 1, "{:#?}", paragraphs(news));
    assert_eq!(news.contributors, ["市人大常委会选联工委"]);
    assert_clean(&issue, &["-2-"]);
    assert!(!paragraphs(news)[0].contains("跟踪3"), "the bare page number is gone");
}
