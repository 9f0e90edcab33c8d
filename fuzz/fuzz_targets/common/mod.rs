//! Properties shared by the fuzz targets. Each one is sound: it can only fail on a real bug.
#![allow(dead_code)] // each target uses a subset

use deboiler::Article;

/// Characters a cleaner may legitimately delete inside a word (soft hyphen, zero-width
/// space/joiners, BOM, and other format characters).
fn is_format(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{180e}')
}

/// Whitespace collapsed to single spaces, format characters removed.
pub fn normalise(text: &str) -> String {
    let stripped: String = text.chars().filter(|&c| !is_format(c)).collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text mode: every kept block is a substring of the input (after [`normalise`] on both).
pub fn assert_blocks_from_text(input: &str, article: &Article) {
    let haystack = normalise(input);
    for block in &article.blocks {
        let needle = normalise(&block.text);
        assert!(
            haystack.contains(&needle),
            "kept block is not in the input: {needle:?}"
        );
    }
}

/// Everything an HTML page can show as text: all text nodes in document order (script and
/// style included), concatenated without separators so words split across elements still match,
/// then all attribute values (`alt`, `title`, `content`...), entities decoded by the same parser
/// the library uses.
pub fn html_text_content(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let mut text = String::new();
    let mut attributes = String::new();
    // `descendants` is an iterative pre-order walk: document order, no recursion.
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
    text.push('\u{1}');
    text.push_str(&attributes);
    text.chars().filter(|&c| !is_format(c)).collect()
}

/// HTML mode: every word of every kept block occurs in the page's decoded text content.
/// Table cells are joined by " | " in blocks, so a lone "|" is not a word of the page.
pub fn assert_words_from_html(html: &str, article: &Article) {
    let content = html_text_content(html);
    for block in &article.blocks {
        for word in normalise(&block.text).split(' ') {
            if word.is_empty() || word == "|" {
                continue;
            }
            assert!(
                content.contains(word),
                "kept word {word:?} is not in the page's text"
            );
        }
    }
}

/// Text mode is stable on its own output: cleaning `article.text()` again keeps all of it.
/// This may fail once the classifier is real (e.g. the first kept line becomes a title on the
/// second pass); that is a bug to report, not to weaken here.
pub fn assert_stable(first: &Article, cleaner: &deboiler::Cleaner) {
    let text = first.text();
    match cleaner.clean_text(&text) {
        Ok(second) => assert_eq!(
            normalise(&second.text()),
            normalise(&text),
            "cleaning the output again lost or changed text"
        ),
        Err(e) => panic!("cleaning the output again failed: {e}"),
    }
}

/// The documented limits: at most `max_blocks` blocks, none longer than `max_block_bytes`.
pub fn assert_within_limits(article: &Article, limits: &deboiler::Limits) {
    assert!(
        article.blocks.len() <= limits.max_blocks,
        "more blocks than max_blocks"
    );
    for block in &article.blocks {
        assert!(
            block.text.len() <= limits.max_block_bytes,
            "block longer than max_block_bytes"
        );
    }
}
