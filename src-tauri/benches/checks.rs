//! `make bench`: the text checks' speed per 1,000 characters — every text rule as the proof
//! panel runs them (`check_text`) on the paragraphs of the 2025-13 fixture and on the labelled
//! sentence sets beside the repository (../shared/proof-sets, when present). Criterion's
//! throughput line is in characters per second; 1,000 / (that / 1,000) is ms per 1,000.
//! The sets' precision and recall are printed by `jianbao-cli check-bench` (also run by
//! `make bench`).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jianbao::domain::{Block, IssueFile};
use jianbao::proof::{WordList, check_text, parse_labelled};

fn fixture_paragraphs() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/lianluo-2025-13.json");
    let file = IssueFile::from_json(&std::fs::read_to_string(path).expect("the fixture is committed"))
        .expect("the fixture is valid");
    let blocks = file.issue.articles.iter().flat_map(|article| article.body.iter());
    blocks
        .filter_map(|block| match block {
            Block::Paragraph { content } => Some(content.iter().map(|run| run.text.as_str()).collect()),
            _ => None,
        })
        .collect()
}

fn labelled_sets() -> Vec<(String, Vec<String>)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/proof-sets");
    let Ok(entries) = std::fs::read_dir(&folder) else { return Vec::new() };
    let mut sets: Vec<(String, Vec<String>)> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.extension().is_some_and(|e| e == "tsv") && !path.to_string_lossy().ends_with(".findings.tsv")
        })
        .filter_map(|path| {
            let sentences = parse_labelled(&std::fs::read_to_string(&path).ok()?).ok()?;
            let name = path.file_stem()?.to_string_lossy().into_owned();
            Some((name, sentences.into_iter().map(|s| s.source).collect()))
        })
        .collect();
    sets.sort();
    sets
}

fn bench_checks(c: &mut Criterion) {
    let words = WordList::shipped();
    // The model loads once per program; that is not a per-text cost.
    check_text("预热", &words);
    let mut group = c.benchmark_group("text checks");
    let mut texts = vec![("lianluo-2025-13 paragraphs".to_owned(), fixture_paragraphs())];
    texts.extend(labelled_sets());
    for (name, pieces) in &texts {
        let characters: usize = pieces.iter().map(|p| p.chars().count()).sum();
        group.throughput(Throughput::Elements(characters as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| pieces.iter().map(|p| check_text(black_box(p), &words).len()).sum::<usize>());
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_checks
}
criterion_main!(benches);
