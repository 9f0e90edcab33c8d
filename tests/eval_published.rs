//! The ScrapingHub scorer reproduces the published figures for the raw html-text dump.
//!
//! Needs the benchmark folder (`$DEBOILER_BENCH` or `../shared/bench`); without it the test
//! says so and passes, since `cargo test` must need nothing outside the repository.

use deboiler::eval::{bench_root, scrapinghub_pages, text_dump, ShingleScore, WordOverlap};

#[test]
fn raw_html_text_dump_scores_as_published() {
    let Ok(root) = bench_root(None) else {
        eprintln!("skipped: no benchmark folder (set DEBOILER_BENCH to run this check)");
        return;
    };
    let pages = scrapinghub_pages(&root).expect("ground truth loads");
    let dump = text_dump(&root, "html-text").expect("html-text dump loads");
    let score = ShingleScore::of_pairs(pages.iter().map(|p| {
        let predicted = dump.get(&p.id).map(String::as_str).unwrap_or("");
        (p.truth.as_str(), predicted)
    }));
    assert_eq!(score.pages, 181);
    let close = |got: f64, want: f64| (got - want).abs() <= 0.0005;
    assert!(close(score.f1, 0.6649), "F1 {:.5}", score.f1);
    assert!(close(score.precision, 0.4995), "P {:.5}", score.precision);
    assert!(close(score.recall, 0.9942), "R {:.5}", score.recall);
}

#[test]
fn truth_scored_against_itself_is_perfect() {
    let Ok(root) = bench_root(None) else {
        eprintln!("skipped: no benchmark folder");
        return;
    };
    let pages = scrapinghub_pages(&root).expect("ground truth loads");
    let score = ShingleScore::of_pairs(pages.iter().map(|p| (p.truth.as_str(), p.truth.as_str())));
    assert_eq!((score.precision, score.recall, score.f1), (1.0, 1.0, 1.0));
    for p in &pages {
        assert_eq!(WordOverlap::of(&p.truth, &p.truth).f1, 1.0, "{}", p.id);
    }
}
