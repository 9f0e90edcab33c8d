//! Structural verdicts for HTML input: what the DOM alone says must go.

use crate::article::BlockKind;
use crate::options::Options;
use crate::rules::html_hints::{
    FEW_CARDS_TEXT_RATIO, LINKED_HEADLINE_MAX_WORDS, LINKED_HEADLINE_MIN_DENSITY,
    LINKED_HEADLINE_MIN_WORDS, LINK_DENSE,
};
use crate::rules::Rule;
use crate::segment::{Document, Segment, Zone};

/// Per segment, `Some(rule)` when structure alone removes it (outside the main content,
/// inside a boilerplate container, link-dense, comments), `None` for a body candidate.
pub(crate) fn structural_verdicts(doc: &Document, options: &Options) -> Vec<Option<Rule>> {
    let article = doc.meta.declared_article;
    // Teaser cards are pointers to other stories only where the content is running text:
    // where they are most of it, they are the page's entries (a category page).
    let (mut card_chars, mut text_chars) = (0usize, 0usize);
    for segment in doc.segments.iter().filter(|s| s.zone == Zone::Main) {
        if segment.card {
            card_chars += segment.text.len();
        } else {
            text_chars += segment.text.len();
        }
    }
    let cards_are_teasers = article && card_chars < text_chars;
    let few_cards = article && card_chars * FEW_CARDS_TEXT_RATIO < text_chars;
    doc.segments
        .iter()
        .map(|segment| verdict(segment, options, article, (cards_are_teasers, few_cards)))
        .collect()
}

fn verdict(
    segment: &Segment,
    options: &Options,
    article: bool,
    (cards_are_teasers, few_cards): (bool, bool),
) -> Option<Rule> {
    if options.include_comments && segment.hint == Some(Rule::Comments) {
        return (segment.link_density() > LINK_DENSE).then_some(Rule::LinkDense);
    }
    if let Some(rule) = segment.hint {
        return Some(rule);
    }
    if segment.zone == Zone::Outside {
        return Some(Rule::OutsideContent);
    }
    // A data table's rows are records, whatever they link to (see the content choice).
    if segment.link_density() > LINK_DENSE
        && segment.context_link_density > LINK_DENSE
        && !segment.in_listing
        && segment.kind != BlockKind::TableRow
    {
        return Some(Rule::LinkDense);
    }
    if article && (!segment.card || cards_are_teasers) && is_linked_headline(segment) {
        return Some(Rule::ReadMore);
    }
    // Where cards are a small part of an article's content, each is a teaser of another
    // story, whatever its shape (a kicker, a headline, a summary).
    if segment.card && few_cards && segment.zone == Zone::Main {
        return Some(Rule::ReadMore);
    }
    None
}

/// A paragraph of an article that is one link with a headline's shape (several words, no
/// sentence end): a pointer to another story set between the paragraphs.
fn is_linked_headline(segment: &Segment) -> bool {
    if segment.kind != BlockKind::Paragraph
        || (!segment.card && segment.link_density() < LINKED_HEADLINE_MIN_DENSITY)
    {
        return false;
    }
    let text = segment.text.trim_end();
    let words = text.split_whitespace().count();
    (LINKED_HEADLINE_MIN_WORDS..=LINKED_HEADLINE_MAX_WORDS).contains(&words)
        && !text.ends_with(['.', '!', '?', ':', ';', '…', '。'])
}
