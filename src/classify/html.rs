//! Structural verdicts for HTML input: what the DOM alone says must go.

use crate::options::Options;
use crate::rules::html_hints::LINK_DENSE;
use crate::rules::Rule;
use crate::segment::{Document, Segment, Zone};

/// Per segment, `Some(rule)` when structure alone removes it (outside the main content,
/// inside a boilerplate container, link-dense, comments), `None` for a body candidate.
pub(crate) fn structural_verdicts(doc: &Document, options: &Options) -> Vec<Option<Rule>> {
    doc.segments
        .iter()
        .map(|segment| verdict(segment, options))
        .collect()
}

fn verdict(segment: &Segment, options: &Options) -> Option<Rule> {
    if options.include_comments && segment.hint == Some(Rule::Comments) {
        return (segment.link_density() > LINK_DENSE).then_some(Rule::LinkDense);
    }
    if let Some(rule) = segment.hint {
        return Some(rule);
    }
    if segment.zone == Zone::Outside {
        return Some(Rule::OutsideContent);
    }
    if segment.link_density() > LINK_DENSE
        && segment.context_link_density > LINK_DENSE
        && !segment.in_listing
    {
        return Some(Rule::LinkDense);
    }
    None
}
