//! Hostile text for text mode: every case must end with `Ok` or a typed `Err`, never a panic or
//! a stack overflow, on a thread with a normal 2 MiB stack.

mod hostile_support;

use deboiler::{Article, Cleaner, Error, Limits, Result};
use hostile_support::*;

fn clean(text: String) -> Result<Article> {
    on_normal_stack(move || Cleaner::new().clean_text(&text))
}

fn clean_with(limits: Limits, text: String) -> Result<Article> {
    on_normal_stack(move || Cleaner::builder().limits(limits).build().clean_text(&text))
}

fn ok(result: Result<Article>) -> Article {
    match result {
        Ok(article) => article,
        Err(e) => panic!("text mode must accept this input, got error: {e}"),
    }
}

#[test]
fn text_of_50_mb_in_few_huge_blocks() {
    // The article, then 50 MB of base64-like lines of 1 MB each (a pasted data dump).
    let mut text = format!("{PARAGRAPH}\n\n{PARAGRAPH_2}\n\n");
    let line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkw".repeat((1 << 20) / 44) + "\n";
    while text.len() < 50 << 20 {
        text.push_str(&line);
    }
    assert_within_limits(&ok(clean(text)), &Limits::default());
}

#[test]
fn text_of_many_realistic_blocks() {
    // 50 MB in release, 5 MB in debug: nav lines, prose, markers, over and over.
    let unit = format!(
        "News / World / Local\n\n{PARAGRAPH}\n\n{PARAGRAPH_2}\n\nRead more:\nShare this story\n\n"
    );
    let text = unit.repeat(sized(50 << 20) / unit.len() + 1);
    assert_within_limits(&ok(clean(text)), &Limits::default());
}

#[test]
fn text_over_the_size_limit_is_refused_with_a_typed_error() {
    let limits = Limits {
        max_input_bytes: 1000,
        ..Limits::default()
    };
    let result = clean_with(limits, PARAGRAPH.repeat(10));
    assert!(
        matches!(result, Err(Error::InputTooLarge { limit: 1000, .. })),
        "got {result:?}"
    );
}

#[test]
fn ten_mb_line_without_breaks() {
    let text = "lorem ipsum dolor sit amet consectetur ".repeat((10 << 20) / 39);
    assert!(!text.contains('\n'));
    assert_within_limits(&ok(clean(text)), &Limits::default());
}

#[test]
fn max_block_bytes_cuts_a_long_line() {
    let limits = Limits {
        max_block_bytes: 1000,
        ..Limits::default()
    };
    // Multi-byte characters so a cut at a byte count must find a char boundary.
    let text = format!("{PARAGRAPH}\n\n{}", "€uro ñandú 東京 ".repeat(10_000));
    assert_within_limits(&ok(clean_with(limits, text)), &limits);
}

#[test]
fn million_tiny_paragraphs() {
    let text = "a\n\n".repeat(1_000_000);
    let limits = million_block_limits();
    assert_within_limits(&ok(clean_with(limits, text)), &limits);
}

#[test]
fn max_blocks_caps_the_block_count() {
    let limits = Limits {
        max_blocks: 100,
        ..Limits::default()
    };
    let text = format!("{PARAGRAPH}\n\n").repeat(5_000);
    assert_within_limits(&ok(clean_with(limits, text)), &limits);
}

#[test]
fn markup_given_as_text() {
    let depth = 100_000;
    let text = format!(
        "{}<p>{PARAGRAPH}</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    ok(clean(text));
}

#[test]
fn nul_bytes() {
    // A few NULs inside prose: still text.
    let text = format!("{}\n\n{PARAGRAPH_2}", PARAGRAPH.replacen(' ', "\0", 3));
    ok(clean(text));
    // Nothing but NULs: binary, refused with a typed error.
    let result = clean("\0".repeat(1 << 20));
    assert!(
        matches!(result, Err(Error::Binary { .. })),
        "got {result:?}"
    );
}

#[test]
fn entity_like_text_and_replacement_characters() {
    let text = format!("Before &#xD800; after &#xDFFF; &#55296; \u{fffd}\u{fffd}\n\n{PARAGRAPH}");
    ok(clean(text));
}

#[test]
fn giant_table_as_text() {
    let mut text = String::new();
    for row in 0..50_000 {
        text.push_str(&format!("{row}\tStation {row}\t12.5\tdetails\n"));
    }
    assert_within_limits(&ok(clean(text)), &Limits::default());
}

#[test]
fn binary_junk() {
    for (seed, len) in [(1, 1 << 20), (2, 4096), (3, 17), (4, 1)] {
        let text = String::from_utf8_lossy(&junk_bytes(len, seed)).into_owned();
        match clean(text) {
            Ok(_) | Err(Error::Binary { .. }) => {}
            Err(e) => panic!("unexpected error on junk: {e}"),
        }
    }
}

#[test]
fn odd_line_breaks_and_whitespace() {
    let seps = [
        "\r", "\r\n", "\u{2028}", "\u{85}", "\u{c}", "\t", "\u{a0}", "\u{3000}", "\u{200b}",
    ];
    for sep in seps {
        let text = [PARAGRAPH, PARAGRAPH_2, "", " ", sep]
            .join(sep)
            .repeat(1000);
        ok(clean(text));
    }
    ok(clean("\n".repeat(1 << 20)));
    ok(clean(" ".repeat(1 << 20)));
}
