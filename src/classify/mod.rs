//! The classifier: one decision per segment, keep or drop with the rule that dropped it.

use crate::options::Options;
use crate::rules::Rule;
use crate::segment::{Document, PageMeta};

/// The decision for one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Keep,
    Drop(Rule),
}

/// Verdicts (one per segment, same order) plus metadata found among the blocks.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub verdicts: Vec<Verdict>,
    pub meta: PageMeta,
}

/// Classifies every segment of `doc`.
pub(crate) fn classify(doc: &Document, _options: &Options) -> Outcome {
    Outcome {
        verdicts: vec![Verdict::Keep; doc.segments.len()],
        meta: PageMeta::default(),
    }
}
