//! The classifier: one decision per segment, keep or drop with the rule that dropped it.

mod html;

use crate::options::Options;
use crate::rules::Rule;
use crate::segment::{Document, Origin, PageMeta};

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
pub(crate) fn classify(doc: &Document, options: &Options) -> Outcome {
    let mut verdicts = vec![Verdict::Keep; doc.segments.len()];
    if doc.origin == Origin::Html {
        for (verdict, rule) in verdicts
            .iter_mut()
            .zip(html::structural_verdicts(doc, options))
        {
            if let Some(rule) = rule {
                *verdict = Verdict::Drop(rule);
            }
        }
    }
    Outcome {
        verdicts,
        meta: PageMeta::default(),
    }
}
