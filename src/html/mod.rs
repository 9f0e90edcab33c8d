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
pub(crate) fn segment(html: &str, options: &Options) -> Result<Document<'static>> {
    // Deep nesting makes the parser quadratic: cap it first (a no-op on normal pages).
    let html = depth_cap::cap_depth(html, options.limits.max_depth);
    let dom = scraper::Html::parse_document(&html);
    let mut walked = walk::walk(dom.tree.root(), options);
    let mut meta = metadata::extract(&dom);
    meta.declared_product |= walked.product_microdata;
    choose_content(&mut walked, &meta);
    Ok(Document {
        origin: Origin::Html,
        segments: walked.segments,
        meta,
    })
}

/// Chooses the main content; when the running-text choice yields too little on a page that
/// does not declare itself an article, the page is taken for a listing (a category page, a
/// shop grid) and its items are looked for instead.
fn choose_content(walked: &mut walk::Walk, page: &crate::segment::PageMeta) {
    use crate::rules::html_hints::{
        DECLARED_ARTICLE_LISTING_GAIN, DECLARED_ARTICLE_LISTING_MAX_CHARS, LISTING_FALLBACK_GAIN,
        LISTING_FALLBACK_MAX_CHARS,
    };
    content::choose(walked, content::Mode::Article, page);
    let article = content::yield_chars(&walked.segments);
    // A page that says it is an article is one unless its running text is a sliver of
    // what its lists hold (section pages that call themselves articles): its neighbours'
    // headlines are not its content.
    let (max, gain) = if page.declared_article {
        (
            DECLARED_ARTICLE_LISTING_MAX_CHARS,
            DECLARED_ARTICLE_LISTING_GAIN,
        )
    } else {
        (LISTING_FALLBACK_MAX_CHARS, LISTING_FALLBACK_GAIN)
    };
    if article >= max {
        return;
    }
    let zones: Vec<_> = walked
        .segments
        .iter()
        .map(|s| (s.zone, s.in_listing))
        .collect();
    content::choose(walked, content::Mode::Listing, page);
    let listing = content::yield_chars(&walked.segments);
    if (listing as f32) < gain * article.max(1) as f32 {
        for (s, (zone, in_listing)) in walked.segments.iter_mut().zip(zones) {
            s.zone = zone;
            s.in_listing = in_listing;
        }
    }
}
