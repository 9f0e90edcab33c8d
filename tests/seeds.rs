//! Golden tests on the seed pages (seeds/NAME.txt with NAME.gold.json and NAME.expected.txt).
//!
//! A seed passes when the kept body, with `optional` paragraphs set aside on both sides, equals
//! the gold `body` paragraph for paragraph; the title equals `title`; `published` matches
//! where the gold gives one; and no `must_drop` line appears in the output.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    input: String,
    title: String,
    published: Option<String>,
    body: Vec<String>,
    #[serde(default)]
    optional: Vec<String>,
    #[serde(default)]
    must_drop: Vec<String>,
}

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn gold_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(seeds_dir())
        .expect("seeds/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    files
}

fn load(path: &Path) -> (Gold, String, String) {
    let gold: Gold = serde_json::from_str(&fs::read_to_string(path).expect("gold readable"))
        .expect("gold parses");
    let input = fs::read_to_string(seeds_dir().join(&gold.input)).expect("input readable");
    let expected_path = seeds_dir().join(gold.input.replace(".txt", ".expected.txt"));
    let expected = fs::read_to_string(expected_path).expect("expected readable");
    (gold, input, expected)
}

fn norm(s: &str) -> String {
    s.trim().to_string()
}

#[test]
fn there_are_three_seeds() {
    assert_eq!(gold_files().len(), 3);
}

#[test]
fn seed_bodies_match_gold_exactly() {
    for path in gold_files() {
        let (gold, input, _) = load(&path);
        let article = deboiler::clean_text(&input).expect("seed cleans");
        let optional: Vec<String> = gold.optional.iter().map(|s| norm(s)).collect();
        let kept: Vec<String> = article
            .blocks
            .iter()
            .map(|b| norm(&b.text))
            .filter(|t| !optional.contains(t))
            .collect();
        let want: Vec<String> = gold
            .body
            .iter()
            .map(|s| norm(s))
            .filter(|t| !optional.contains(t))
            .collect();
        assert_eq!(kept, want, "body of {}", gold.input);
    }
}

#[test]
fn seed_titles_and_dates_match_gold() {
    for path in gold_files() {
        let (gold, input, _) = load(&path);
        let article = deboiler::clean_text(&input).expect("seed cleans");
        assert_eq!(
            article.title.as_deref(),
            Some(gold.title.as_str()),
            "title of {}",
            gold.input
        );
        if let Some(date) = &gold.published {
            let got = article.published.as_deref().unwrap_or("");
            assert!(
                got.starts_with(date.as_str()),
                "date of {}: got {got:?}, want {date}",
                gold.input
            );
        }
    }
}

#[test]
fn seed_must_drop_lines_are_gone() {
    for path in gold_files() {
        let (gold, input, _) = load(&path);
        let text = deboiler::clean_text(&input).expect("seed cleans").text();
        for line in &gold.must_drop {
            let line = norm(line);
            assert!(
                !text.lines().any(|l| l.trim() == line)
                    && (line.len() <= 20 || !text.contains(&line)),
                "{}: must_drop line kept: {line:?}",
                gold.input
            );
        }
    }
}

#[test]
fn seed_expected_text_matches_when_no_optional_paragraphs() {
    for path in gold_files() {
        let (gold, input, expected) = load(&path);
        if !gold.optional.is_empty() {
            continue;
        }
        let text = deboiler::clean_text(&input).expect("seed cleans").text();
        assert_eq!(text.trim(), expected.trim(), "text of {}", gold.input);
    }
}

#[test]
fn explain_names_a_rule_for_every_removed_block() {
    let cleaner = deboiler::Cleaner::builder().explain(true).build();
    for path in gold_files() {
        let (gold, input, _) = load(&path);
        let article = cleaner.clean_text(&input).expect("seed cleans");
        let lines = input.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(
            article.blocks.len() + article.removed.len(),
            lines,
            "{}",
            gold.input
        );
        for r in &article.removed {
            assert!(!r.rule.name().is_empty());
        }
    }
}
