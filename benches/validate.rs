//! Validation of a large indicator (50,000 points) that has one bad reference: every
//! problem is located in the file's text, which must not cost a rescan per point.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use liuzhou_tui::data::Dataset;

const FIXTURE: [&str; 5] = [
    include_str!("../tests/fixtures/minimal/sources.ron"),
    include_str!("../tests/fixtures/minimal/industry.ron"),
    include_str!("../tests/fixtures/minimal/ecology.ron"),
    include_str!("../tests/fixtures/minimal/timeline.ron"),
    include_str!("../tests/fixtures/minimal/livelihood.ron"),
];

/// The minimal dataset's industry file with its first indicator given `n` copies of
/// its first point, the one at `bad` citing a source that does not exist.
fn large_industry(n: usize, bad: usize) -> String {
    let text = FIXTURE[1];
    let start = text.find("points: [").expect("a points list") + "points: [".len();
    let end = start + text[start..].find(']').expect("the end of the points");
    let point = text[start..end].lines().map(str::trim).find(|l| l.starts_with('(')).expect("a point");
    let mut points = String::with_capacity(n * (point.len() + 16));
    for k in 0..n {
        let line = if k == bad { point.replacen("source: \"doc\"", "source: \"nope\"", 1) } else { point.to_owned() };
        points.push_str("\n            ");
        points.push_str(&line);
    }
    format!("{}{points}\n        {}", &text[..start], &text[end..])
}

fn validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate");
    group.sample_size(10);
    for (name, bad) in [("50,000 points, one error", Some(25_000)), ("50,000 points, clean", None)] {
        let industry = large_industry(50_000, bad.unwrap_or(usize::MAX));
        let texts = [FIXTURE[0], &industry, FIXTURE[2], FIXTURE[3], FIXTURE[4]];
        // The case is what it says: one problem, or none.
        assert_eq!(Dataset::from_texts(texts).err().map(|e| e.problems.len()), bad.map(|_| 1));
        group.bench_function(name, |b| b.iter(|| black_box(Dataset::from_texts(texts).is_err())));
    }
    group.finish();
}

criterion_group!(benches, validate);
criterion_main!(benches);
