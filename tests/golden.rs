//! Golden-file tests on whole pages (in the style of `lol-html`'s): each
//! `tests/fixtures/golden/NAME.html` is cleaned with explanations on, and the metadata, the
//! kept text and every removed block with its rule must match `NAME.expected.txt` exactly.
//! `NAME_dump.txt` is the same page's text, one line per block as a text extractor dumps it,
//! cleaned in text mode against `NAME_dump.expected.txt` (some dumps, such as the WordPress
//! blog posts, have no HTML page beside them).
//!
//! The pages are hand-written in the shapes of real news sites in German, French, Polish,
//! Spanish, Italian, Dutch, Portuguese, Czech (an old table layout in windows-1250), Russian,
//! Latvian (a typo-report prompt, a relative date line, teaser cards left inside the body) and
//! Thai (no spaces between words): menus, breadcrumbs, bylines, share bars, inline "read also" links, ad labels,
//! captions, paywall notices, related lists, comments, footers. The languages the English
//! benchmarks do not cover are so checked end to end.
//!
//! After an intended change, rewrite the expected files with
//! `DEBOILER_BLESS=1 cargo test --test golden` and review the diff line by line.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use deboiler::Cleaner;

/// The cleaned page (HTML bytes, decoded as the page declares, or a `.txt` dump) as the
/// expected files spell it.
fn render(input: &[u8], text_mode: bool) -> String {
    let cleaner = Cleaner::builder().explain(true).build();
    let article = if text_mode {
        cleaner.clean_text(std::str::from_utf8(input).expect("dumps are UTF-8"))
    } else {
        cleaner.clean_html_bytes(input, None)
    }
    .expect("the golden pages are accepted");
    let mut out = String::new();
    let field = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_string());
    let _ = writeln!(out, "title: {}", field(&article.title));
    let _ = writeln!(out, "author: {}", field(&article.author));
    let _ = writeln!(out, "published: {}", field(&article.published));
    let _ = writeln!(out, "language: {}", field(&article.language));
    let _ = writeln!(out, "--- text");
    let _ = writeln!(out, "{}", article.text());
    let _ = writeln!(out, "--- removed");
    for removed in &article.removed {
        let _ = writeln!(out, "[{}] {}", removed.rule, removed.text);
    }
    out
}

#[test]
fn golden_pages_and_dumps_come_out_as_recorded() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden");
    let bless = std::env::var_os("DEBOILER_BLESS").is_some();
    let mut pages: Vec<_> = fs::read_dir(&dir)
        .expect("the golden folder exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path.to_string_lossy();
            name.ends_with(".html") || name.ends_with("_dump.txt")
        })
        .collect();
    pages.sort();
    assert!(
        pages.len() >= 6,
        "golden pages missing from {}",
        dir.display()
    );
    let mut failures = Vec::new();
    for page in &pages {
        let input = fs::read(page).expect("golden page readable");
        let got = render(&input, page.extension().is_some_and(|ext| ext == "txt"));
        let expected_path = page.with_extension("expected.txt");
        if bless {
            fs::write(&expected_path, &got).expect("expected file writable");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            let first_difference = got
                .lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| got.lines().count().min(expected.lines().count()));
            failures.push(format!(
                "{}: first difference at line {}\n  got:      {:?}\n  expected: {:?}",
                page.display(),
                first_difference + 1,
                got.lines().nth(first_difference),
                expected.lines().nth(first_difference),
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
