//! Shared helpers for the hostile-input suites (`tests/hostile_*.rs`).
#![allow(dead_code)] // each suite uses a different subset

use deboiler::{Article, Error, Limits, Result};

/// The stack a normal spawned thread gets: running each case on it proves there is no
/// recursion on input depth (a stack overflow aborts the test binary).
pub const NORMAL_STACK: usize = 2 << 20;

/// Runs `f` on a fresh thread with a 2 MiB stack and returns its result, re-raising its panic.
pub fn on_normal_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let handle = std::thread::Builder::new()
        .stack_size(NORMAL_STACK)
        .spawn(f)
        .expect("spawning a test thread");
    match handle.join() {
        Ok(value) => value,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Full size in release builds (`cargo test --release`), a tenth in debug builds, where the
/// crate runs unoptimised and per-block cost is ~20x higher: keeps the debug suite near a minute.
pub fn sized(full: usize) -> usize {
    if cfg!(debug_assertions) {
        full / 10
    } else {
        full
    }
}

/// Limits for the million-block cases: the default in release; in debug builds the segmenter
/// still reads every line but hands at most 100,000 blocks on (see [`sized`]).
pub fn million_block_limits() -> Limits {
    Limits {
        max_blocks: sized(Limits::default().max_blocks),
        ..Limits::default()
    }
}

/// Whitespace collapsed to single spaces, so block boundaries and line breaks don't matter.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML mode is not implemented yet (`Err(Error::Unsupported)`): accept that for now and
/// return `None`; every other error fails the test. Once HTML mode lands this returns the
/// article and the content assertions after it run, so the suite tightens by itself.
pub fn html_article_once_supported(result: Result<Article>) -> Option<Article> {
    match result {
        Err(Error::Unsupported { .. }) => None,
        Err(other) => panic!("HTML mode must clean this page, got error: {other}"),
        Ok(article) => Some(article),
    }
}

/// Like [`html_article_once_supported`], but also accepts the listed typed errors.
pub fn html_article_or(result: Result<Article>, allowed: fn(&Error) -> bool) -> Option<Article> {
    match result {
        Err(Error::Unsupported { .. }) => None,
        Err(e) if allowed(&e) => None,
        Err(other) => panic!("unexpected error: {other}"),
        Ok(article) => Some(article),
    }
}

/// The documented [`Limits`] contract: at most `max_blocks` blocks, none over `max_block_bytes`.
pub fn assert_within_limits(article: &Article, limits: &Limits) {
    assert!(
        article.blocks.len() <= limits.max_blocks,
        "{} blocks kept, over max_blocks = {}",
        article.blocks.len(),
        limits.max_blocks
    );
    for block in &article.blocks {
        assert!(
            block.text.len() <= limits.max_block_bytes,
            "a block of {} bytes, over max_block_bytes = {}",
            block.text.len(),
            limits.max_block_bytes
        );
    }
}

/// Deterministic pseudo-random bytes (xorshift64*), so failures reproduce.
pub fn junk_bytes(len: usize, mut seed: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        out.extend_from_slice(&seed.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

/// A real-looking article paragraph used as the "must survive" content.
pub const PARAGRAPH: &str =
    "The council voted on Monday night to spend twelve million pounds on new \
    flood defences along the river, a year after storms forced hundreds of families from their \
    homes and left the lower town without power for most of a week.";

/// A second paragraph, so pages have enough body to count as an article.
pub const PARAGRAPH_2: &str = "Construction will start in the autumn and take about eighteen \
    months. Some roads near the river will close during the work, and a temporary footbridge \
    will be built for pedestrians who cross to the market every morning.";

/// One chunk of a plausible page (navigation, article paragraphs, footer), about 1.6 kB.
pub const PAGE_CHUNK: &str =
    "<div class=\"nav\"><a href=\"/\">Home</a> <a href=\"/news\">News</a> \
    <a href=\"/sport\">Sport</a></div>\n<article><h2>Valley council approves flood defences</h2>\n\
    <p>The council voted on Monday night to spend twelve million pounds on new flood defences \
    along the river, a year after storms forced hundreds of families from their homes.</p>\n\
    <p>Construction will start in the autumn and take about eighteen months. Some roads near \
    the river will close during the work, and a temporary footbridge will be built.</p>\n\
    <p>Opposition councillors argued that the money should have come from the national flood \
    fund rather than local reserves, and asked for a review of the costs every six months.</p>\n\
    </article>\n<ul class=\"related\"><li><a href=\"/a\">Ten tips for protecting your home</a></li>\
    <li><a href=\"/b\">River levels: live map</a></li></ul>\n<footer>&copy; 2024 Courier. \
    <a href=\"/privacy\">Privacy</a> | <a href=\"/cookies\">Cookies</a></footer>\n";
