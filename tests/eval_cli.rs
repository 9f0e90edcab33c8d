//! The `evaluate` command end to end, on a tiny hand-written bench folder built in a temp dir.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fake bench with two ScrapingHub pages and one text dump.
fn fake_bench(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("deboiler-eval-{name}-{}", std::process::id()));
    let text = root.join("scrapinghub").join("text");
    std::fs::create_dir_all(&text).expect("temp dir is writable");
    let truth = r#"{
        "a": {"articleBody": "The storm closed schools across the region on Tuesday.", "url": "https://example.org/a"},
        "b": {"articleBody": "Officials said classes would resume next week.", "url": "https://example.org/b"}
    }"#;
    std::fs::write(root.join("scrapinghub").join("ground-truth.json"), truth).expect("write");
    let dump = r#"{
        "a": "Home | News\nThe storm closed schools across the region on Tuesday.\nShare this story",
        "b": "Officials said classes would resume next week."
    }"#;
    std::fs::write(text.join("html-text.json"), dump).expect("write");
    root
}

fn evaluate(bench: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_evaluate"))
        .arg("--bench")
        .arg(bench)
        .args(args)
        .output()
        .expect("evaluate runs")
}

#[test]
fn raw_text_run_prints_scores_and_writes_outputs() {
    let bench = fake_bench("raw");
    let out_file = bench.join("out.json");
    let out = evaluate(
        &bench,
        &[
            "--dataset",
            "text",
            "--dump",
            "html-text",
            "--raw",
            "--worst",
            "1",
            "--out",
            out_file.to_str().unwrap_or_default(),
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Page b is perfect; page a keeps 5 extra shingles next to its 6 true ones:
    // P = (6/11 + 1) / 2, R = 1.
    let row = stdout
        .lines()
        .find(|l| l.starts_with("raw/html-text"))
        .unwrap_or_default();
    let figures: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        figures.get(1..6),
        Some(&["2", "0", "0.8718", "0.7727", "1.0000"][..])
    );
    assert!(stdout.contains("+ Home | News"), "{stdout}");
    assert!(stdout.contains("+ Share this story"), "{stdout}");
    let written = std::fs::read_to_string(&out_file).unwrap_or_default();
    assert!(written.contains("\"b\": \"Officials said classes would resume next week.\""));
    let _ = std::fs::remove_dir_all(&bench);
}

#[test]
fn raw_run_below_floor_fails() {
    let bench = fake_bench("rawfloor");
    let floors = bench.join("floors.json");
    std::fs::write(&floors, r#"{"raw/html-text": {"f1": 0.9}}"#).expect("write");
    let out = evaluate(
        &bench,
        &[
            "--dataset",
            "text",
            "--raw",
            "--dump",
            "html-text",
            "--check-floors",
            floors.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("raw/html-text f1 0.8718 is below"));
    let _ = std::fs::remove_dir_all(&bench);
}

#[test]
fn missing_bench_is_a_clear_error() {
    let out = evaluate(Path::new("/no/such/bench/folder"), &["--dataset", "text"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no benchmark folder found"), "{stderr}");
    assert!(stderr.contains("/no/such/bench/folder"), "{stderr}");
}
