//! Arbitrary options and input, in either mode: no panic, limits honoured, size errors exact,
//! kept text from the input.
#![no_main]

mod common;

use arbitrary::Arbitrary;
use deboiler::{Cleaner, Error, Options};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    options: Options,
    html: bool,
    /// Small limits make the limit code paths reachable (arbitrary usizes are huge).
    small_limits: Option<(u16, u8, u16)>,
    text: String,
}

fuzz_target!(|input: Input| {
    let mut options = input.options;
    if let Some((bytes, blocks, block_bytes)) = input.small_limits {
        options.limits.max_input_bytes = bytes as usize;
        options.limits.max_blocks = blocks as usize;
        options.limits.max_block_bytes = block_bytes as usize;
    }
    let limits = options.limits;
    let mut builder = Cleaner::builder()
        .focus(options.focus)
        .keep_headings(options.keep_headings)
        .explain(options.explain)
        .include_comments(options.include_comments)
        .limits(limits);
    if let Some(language) = &options.language {
        builder = builder.language(language.clone());
    }
    if let Some(detect) = options.detect_language {
        builder = builder.detect_language(detect);
    }
    let cleaner = builder.build();
    assert_eq!(cleaner.options(), &options);

    let result = if input.html {
        cleaner.clean_html(&input.text)
    } else {
        cleaner.clean_text(&input.text)
    };
    if input.text.len() > limits.max_input_bytes {
        assert!(
            matches!(result, Err(Error::InputTooLarge { .. })),
            "oversized input accepted"
        );
        return;
    }
    if let Ok(article) = result {
        common::assert_within_limits(&article, &limits);
        if input.html {
            common::assert_words_from_html(&input.text, &article);
        } else {
            common::assert_blocks_from_text(&input.text, &article);
        }
    }
});
