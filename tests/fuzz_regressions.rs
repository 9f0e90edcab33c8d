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
