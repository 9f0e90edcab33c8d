//! HTML input: decoding bytes to text and walking the DOM into segments.
//!
//! The parse stays behind [`segment`]: HTML in, segments out, so the tokenizer can be
//! swapped without touching the classifier.

mod classes;
mod content;
mod decode;
mod depth_cap;
mod metadata;
mod tags;
mod walk;

use crate::error::Result;
use crate::options::Options;
use crate::segment::{Document, Origin};

/// Decodes page bytes to a string (see [`crate::Cleaner::clean_html_bytes`]).
pub(crate) fn decode(bytes: &[u8], content_type: Option<&str>) -> Result<String> {
    decode::decode(bytes, content_type)
}

/// Walks the DOM into segments with features and marks the main content.
pub(crate) fn segment(html: &str, options: &Options) -> Result<Document> {
    // Deep nesting makes the parser quadratic: cap it first (a no-op on normal pages).
    let html = depth_cap::cap_depth(html, options.limits.max_depth);
    let dom = scraper::Html::parse_document(&html);
    let mut walked = walk::walk(dom.tree.root(), options);
    content::choose(&mut walked);
    Ok(Document {
        origin: Origin::Html,
        segments: walked.segments,
        meta: metadata::extract(&dom),
    })
}
