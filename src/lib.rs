//! # deboiler
//!
//! Turns a web page, as HTML or as text already pulled out of a page, into the article's
//! clean body and metadata: navigation, related-story lists, captions, promo text, date
//! labels, comments and footers go; the body paragraphs stay, in order and untouched.
//!
//! ```
//! let page = "News / World\n\n\
//!             Storm closes schools across the region\n\n\
//!             Schools across the region stayed closed on Tuesday as the storm brought heavy snow and strong winds.\n\n\
//!             Officials said classes would resume once roads had been cleared and power restored.\n\n\
//!             Read more:\n\n\
//!             Ten tips for driving in snow";
//! let article = deboiler::clean_text(page).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Storm closes schools across the region"));
//! assert!(article.text().starts_with("Schools across the region"));
//! assert!(!article.text().contains("Ten tips"));
//! ```
//!
//! One pipeline serves both inputs: the input becomes a sequence of blocks with features
//! (`text` or `html` segmentation), one classifier applies the [`rules`], and the result is an
//! [`Article`] that renders as text, JSON (serde) or Markdown.

mod article;
mod classify;
mod date;
mod error;
pub mod eval;
mod html;
mod language;
mod options;
mod pipeline;
mod render;
pub mod rules;
mod segment;
#[cfg(test)]
mod test_rng;
mod text;

pub use article::{Article, Block, BlockKind, Removed};
pub use error::{Error, Result};
pub use options::{Cleaner, CleanerBuilder, Focus, Limits, Options};
pub use rules::Rule;

/// Cleans text already extracted from a page with default options.
///
/// ```
/// let article = deboiler::clean_text("5 mins read\n\nThe river burst its banks overnight, flooding dozens of homes along the valley.").unwrap();
/// assert_eq!(article.text(), "The river burst its banks overnight, flooding dozens of homes along the valley.");
/// ```
pub fn clean_text(text: &str) -> Result<Article> {
    Cleaner::new().clean_text(text)
}

/// Cleans an HTML page with default options.
///
/// ```
/// let html = "<html><body><nav><a href='/'>Home</a></nav><article><p>The river burst its banks \
///             overnight, flooding dozens of homes along the valley.</p></article></body></html>";
/// if let Ok(article) = deboiler::clean_html(html) {
///     println!("{}", article.text());
/// }
/// ```
pub fn clean_html(html: &str) -> Result<Article> {
    Cleaner::new().clean_html(html)
}

/// Cleans an HTML page given as bytes, detecting its encoding, with default options.
///
/// ```
/// let _ = deboiler::clean_html_bytes(b"<p>Hello</p>", None);
/// ```
pub fn clean_html_bytes(bytes: &[u8], content_type: Option<&str>) -> Result<Article> {
    Cleaner::new().clean_html_bytes(bytes, content_type)
}
