//! HTML input: decoding bytes to text and walking the DOM into segments.

mod decode;
mod metadata;

use crate::error::{Error, Result};
use crate::options::Options;
use crate::segment::Document;

/// Decodes page bytes to a string (see [`crate::Cleaner::clean_html_bytes`]).
pub(crate) fn decode(bytes: &[u8], content_type: Option<&str>) -> Result<String> {
    decode::decode(bytes, content_type)
}

/// Walks the DOM into segments with features and marks the main content.
pub(crate) fn segment(_html: &str, _options: &Options) -> Result<Document> {
    Err(Error::Unsupported { what: "HTML input" })
}
