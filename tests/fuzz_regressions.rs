//! Inputs the fuzzers found, kept as regression tests (tests/fixtures/fuzz/ holds the raw
//! fuzzer inputs).

use deboiler::{Cleaner, Rule};

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(name);
    String::from_utf8_lossy(&std::fs::read(path).expect("fixture readable")).into_owned()
}

const PARAGRAPHS: [&str; 3] = [
    "The government approved a bill on Tuesday that aims to speed up the development of renewable energy across the country.",
    "According to the ministry, investment in wind and solar power is expected to double by 2030 in order to meet the climate targets.",
    "Critics say, however, that the funding has not been secured and that the grid is not ready for such a rapid expansion.",
];

/// A block full of NULs was kept, so the cleaned text, where the NULs were concentrated, was
/// refused as binary when cleaned again. Such blocks are now removed as junk.
#[test]
fn control_character_blocks_are_junk_and_output_cleans_again() {
    let junk = format!("US Rep.{} said", "\0".repeat(15));
    let input = [PARAGRAPHS[0], PARAGRAPHS[1], &junk, PARAGRAPHS[2]].join("\n\n");
    let article = Cleaner::builder()
        .explain(true)
        .build()
        .clean_text(&input)
        .expect("cleans");
    assert!(article
        .removed
        .iter()
        .any(|r| r.rule == Rule::Junk && r.text == junk));
    assert!(deboiler::clean_text(&article.text()).is_ok());
}

/// The raw fuzzer inputs: refused as binary or cleaned, and then the output cleans again.
#[test]
fn fuzzer_inputs_clean_or_are_refused_and_output_cleans_again() {
    for name in ["text-nul-binary-on-reclean", "text-nul-run-on-reclean"] {
        match deboiler::clean_text(&fixture(name)) {
            Err(deboiler::Error::Binary { .. }) => {}
            Err(e) => panic!("{name}: unexpected error {e}"),
            Ok(first) => assert!(deboiler::clean_text(&first.text()).is_ok(), "{name}"),
        }
    }
}

/// Whitespace collapsed and format characters removed, as the fuzz targets compare.
fn normalise(text: &str) -> String {
    let stripped: String = text
        .chars()
        .filter(|&c| !matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{180e}'))
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans `input`, then cleans the output again; returns the second pass's losses as
/// (text of the first output, text of the second) when they differ.
fn reclean(input: &str) -> Option<(String, String)> {
    let first = deboiler::clean_text(input).ok()?.text();
    let second = deboiler::clean_text(&first)
        .map(|a| a.text())
        .unwrap_or_default();
    (normalise(&first) != normalise(&second)).then_some((first, second))
}

/// Text mode is stable on its own output: a cleaned text has no boilerplate left, so cleaning
/// it again keeps all of it (the `text` fuzz target's property, on the seed pages).
#[test]
fn seed_outputs_clean_again_unchanged() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("seeds/ exists") {
        let path = entry.expect("entry").path();
        let name = path.to_string_lossy().into_owned();
        if !name.ends_with(".txt") || name.ends_with(".expected.txt") {
            continue;
        }
        let input = std::fs::read_to_string(&path).expect("seed readable");
        if let Some((first, second)) = reclean(&input) {
            panic!("{name}: cleaning the output again changed it\n--- first\n{first}\n--- second\n{second}");
        }
        checked += 1;
    }
    assert!(checked > 0);
}

/// The same on the benchmark's whole-page text dumps (`DEBOILER_BENCH`, default
/// `../shared/bench`), which are not in the repository: run with `--ignored`.
#[test]
#[ignore]
fn bench_outputs_clean_again_unchanged() {
    let bench = std::env::var("DEBOILER_BENCH").unwrap_or_else(|_| "../shared/bench".into());
    let mut unstable = Vec::new();
    let mut checked = 0;
    for dump in ["html-text", "inscriptis"] {
        let path = std::path::Path::new(&bench).join(format!("scrapinghub/text/{dump}.json"));
        let Ok(json) = std::fs::read_to_string(&path) else {
            eprintln!("no {}: skipped", path.display());
            continue;
        };
        let pages: std::collections::BTreeMap<String, String> =
            serde_json::from_str(&json).expect("dump parses");
        for (id, text) in &pages {
            checked += 1;
            if let Some((first, second)) = reclean(text) {
                let lost = first.split_whitespace().count()
                    - second
                        .split_whitespace()
                        .count()
                        .min(first.split_whitespace().count());
                eprintln!("{dump}/{id}: {lost} words lost on the second pass");
                if std::env::var("SHOW").is_ok() {
                    let again = Cleaner::builder().explain(true).build().clean_text(&first);
                    for removed in again.iter().flat_map(|a| &a.removed) {
                        eprintln!("  removed {:?}: {:.100}", removed.rule, removed.text);
                    }
                    if let Ok(a) = &again {
                        eprintln!("  title {:?}", a.title);
                    }
                }
                unstable.push(format!("{dump}/{id}"));
            }
        }
    }
    eprintln!(
        "{} of {checked} outputs changed when cleaned again",
        unstable.len()
    );
    assert!(unstable.is_empty(), "{unstable:?}");
}

/// A line with two bullet markers ("- - x") kept its second marker, which the next pass read
/// as a bullet and removed: every marker is now stripped.
#[test]
fn stacked_bullets_read_back_the_same() {
    let input = format!(
        "{}\n\n- - {}\n\n* • {}",
        PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]
    );
    assert_eq!(reclean(&input), None);
    let text = deboiler::clean_text(&input).expect("cleans").text();
    assert!(text.contains(&format!("\n\n{}", PARAGRAPHS[1])), "{text}");
}

/// Every text node of an HTML page, concatenated, then its attribute values (what the
/// `html_bytes` target checks kept words against).
fn html_text_content(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let (mut text, mut attributes) = (String::new(), String::new());
    for node in doc.tree.root().descendants() {
        match node.value() {
            scraper::Node::Text(t) => text.push_str(t),
            scraper::Node::Element(e) => {
                for (_, value) in e.attrs() {
                    attributes.push('\u{1}');
                    attributes.push_str(value);
                }
            }
            _ => {}
        }
    }
    text + "\u{1}" + &attributes
}

/// Text on both sides of a skipped element (a form button here) was glued into one word that
/// the page does not have ("Search\">" + "for" around `<button>Go</button>`).
#[test]
fn skipped_elements_separate_words() {
    let html = format!(
        "<html><body><article><p>{} Search<button>Go</button>for it.</p><p>{}</p></article></body></html>",
        PARAGRAPHS[0], PARAGRAPHS[1]
    );
    let text = deboiler::clean_html(&html).expect("cleans").text();
    assert!(text.contains("Search for it."), "{text}");
    let raw = fixture("html-skipped-button-glues-words.html");
    let content = html_text_content(&raw);
    let article = deboiler::clean_html(&raw).expect("cleans");
    for word in article.text().split_whitespace() {
        assert!(
            content.contains(word),
            "kept word {word:?} is not in the page"
        );
    }
}

/// The `options` target's form of the same bug: text before and after a `<title>` in the body
/// was glued ("\">" + "esel").
#[test]
fn text_around_a_skipped_title_stays_apart() {
    let html = format!(
        "\"><title>Cold start problem on old diesel - Owners Forum</title>esel</h2>\n\
         <div class=\"content\">{} {}</div><div class=\"content\">{}</div>",
        PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]
    );
    let content = html_text_content(&html);
    let cleaner = Cleaner::builder()
        .focus(deboiler::Focus::Precision)
        .keep_headings(false)
        .build();
    let article = cleaner.clean_html(&html).expect("cleans");
    for word in article.text().split_whitespace() {
        assert!(
            content.contains(word),
            "kept word {word:?} is not in the page"
        );
    }
}

/// The options target, with a nesting cap of 0: the depth pre-pass removed `<a href>` right
/// after a literal `<` ("l>l<<a ...>News"), the parser then read "<News ...>" as a tag, and the
/// kept text glued words the page does not have ("l>lWork"). A removed tag after a literal `<`
/// or `&` now leaves a space.
#[test]
fn a_depth_capped_tag_after_a_literal_lt_does_not_invent_words() {
    let html = fixture("options-depth-cap-literal-lt.html");
    let page: String = scraper::Html::parse_document(&html)
        .root_element()
        .text()
        .collect();
    for depth in [0, 1, 2] {
        let limits = deboiler::Limits {
            max_depth: depth,
            ..deboiler::Limits::default()
        };
        let article = Cleaner::builder()
            .limits(limits)
            .build()
            .clean_html(&html)
            .expect("cleans");
        for word in normalise(&article.text()).split(' ') {
            assert!(
                page.contains(word),
                "depth {depth}: {word:?} is not in the page"
            );
        }
        assert!(article
            .text()
            .contains("Work on the levee began last spring."));
    }
}

/// Copies of a headline-like line, each before a label ending in a colon, peeled one pair per
/// settling round: four rounds (the old fixed limit) left a copy that the next cleaning took
/// for the title. Settling now runs to a fixed point within a block budget.
#[test]
fn repeated_headline_and_label_pairs_settle() {
    let input = fixture("text-repeated-headline-pairs-settle");
    if let Some((first, second)) = reclean(&input) {
        panic!("cleaning the output again changed it\n--- first\n{first}\n--- second\n{second}");
    }
    // The same shape, written out: the pairs repeat after the page's real headline.
    let mut lines = vec!["News / World / Asia: talks resume in the capital".to_string()];
    for _ in 0..8 {
        lines.push("Talks resume in the capital".into());
        lines.push("Officials said on Monday:".into());
    }
    lines.extend(PARAGRAPHS.iter().map(|p| p.to_string()));
    if let Some((first, second)) = reclean(&lines.join("\n\n")) {
        panic!("written out: changed\n--- first\n{first}\n--- second\n{second}");
    }
}
