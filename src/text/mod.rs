//! Text input: splitting extracted text into segments.

use crate::article::BlockKind;
use crate::error::{Error, Result};
use crate::options::Options;
use crate::segment::{Document, Origin, PageMeta, Segment};

/// Refuses input that is mostly control bytes (binary data given as text).
pub(crate) fn check_not_binary(bytes: &[u8]) -> Result<()> {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() {
        return Ok(());
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    let share = control as f32 * 100.0 / sample.len() as f32;
    if share > 10.0 {
        return Err(Error::Binary {
            control_share: share,
        });
    }
    Ok(())
}

/// Splits text into one segment per non-empty line.
pub(crate) fn segment(text: &str, _options: &Options) -> Document {
    let segments = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Segment::new(l.to_string(), BlockKind::Paragraph))
        .collect();
    Document {
        origin: Origin::Text,
        segments,
        meta: PageMeta::default(),
    }
}
