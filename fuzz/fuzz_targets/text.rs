//! Arbitrary text in text mode: no panic, kept blocks come from the input, and cleaning the
//! output again keeps all of it.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let cleaner = deboiler::Cleaner::new();
    if let Ok(article) = cleaner.clean_text(text) {
        common::assert_blocks_from_text(text, &article);
        common::assert_within_limits(&article, &cleaner.options().limits);
        common::assert_stable(&article, &cleaner);
    }
});
