//! The block model shared by both inputs: HTML and text each become a [`Document`] of
//! [`Segment`]s with features, and one classifier decides what to keep.

use std::borrow::Cow;

use crate::article::BlockKind;
use crate::rules::Rule;

/// Where the input came from; some features exist only for HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    Text,
    Html,
}

/// What the DOM analysis says about a block's place on the page (HTML only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Zone {
    /// No structural evidence (text mode).
    #[default]
    Unknown,
    /// Inside the container chosen as the main content.
    Main,
    /// Outside it.
    Outside,
}

/// One candidate block with the features the classifier reads.
#[derive(Debug, Clone)]
pub(crate) struct Segment<'a> {
    /// The block's text: trimmed, HTML whitespace collapsed, text-mode lines as written
    /// (borrowed from the input in text mode: no copy per line).
    pub text: Cow<'a, str>,
    /// Its structural kind.
    pub kind: BlockKind,
    /// Characters of `text` inside links (HTML only; 0 in text mode).
    pub link_chars: u32,
    /// Place on the page according to the DOM (HTML only).
    pub zone: Zone,
    /// The rule an enclosing element's tag, class or id points at (nav, footer,
    /// figcaption, share...), if any (HTML only).
    pub hint: Option<Rule>,
    /// The line started with a bullet marker, or the element is a list item.
    pub bullet: bool,
    /// Link share of the element around this block's element (HTML only; 0 in text mode):
    /// high for a menu, low for a listing whose item titles are links.
    pub context_link_density: f32,
    /// The block lies in a main content with little running text (a listing, a
    /// catalogue, an index page), where link-dense blocks are the items (HTML only).
    pub in_listing: bool,
    /// Leading whitespace of the line (text mode): converters such as inscriptis indent by
    /// nesting depth, so body paragraphs share one indentation.
    pub indent: u32,
    /// A blank line (text) or a block boundary (HTML) precedes this block; runs of lines with
    /// no gap are lists or menus.
    pub gap_before: bool,
    /// End (exclusive segment index) of the innermost element inside the main content that
    /// starts with this block and holds more: the section a heading opens (HTML only; 0
    /// when none).
    pub box_end: u32,
    /// The block sits in a link that wraps whole blocks: a teaser card pointing at another
    /// page, whose text is the card's, not link text (HTML only).
    pub card: bool,
}

impl<'a> Segment<'a> {
    /// A plain segment with no HTML features.
    pub(crate) fn new(text: impl Into<Cow<'a, str>>, kind: BlockKind) -> Self {
        Segment {
            text: text.into(),
            kind,
            link_chars: 0,
            zone: Zone::Unknown,
            hint: None,
            bullet: false,
            context_link_density: 0.0,
            in_listing: false,
            indent: 0,
            gap_before: true,
            box_end: 0,
            card: false,
        }
    }

    /// Share of the text inside links, 0.0 to 1.0.
    pub(crate) fn link_density(&self) -> f32 {
        // No link text: zero whatever the length (no need to count the characters).
        if self.link_chars == 0 {
            return 0.0;
        }
        let chars = self.text.chars().count().max(1) as f32;
        (self.link_chars as f32 / chars).min(1.0)
    }
}

/// Metadata found outside the body (HTML head, JSON-LD...). Empty in text mode.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    /// A date in an element classed as one, else the date of the last change: used when
    /// neither the page's metadata nor a date line before the body gives the date.
    pub published_label: Option<String>,
    pub language: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    /// The page declares itself an article (Open Graph type or JSON-LD `@type`).
    pub declared_article: bool,
    /// The page declares itself a discussion (JSON-LD `DiscussionForumPosting`, `QAPage`,
    /// `SocialMediaPosting`): its replies are its content.
    pub declared_discussion: bool,
    /// The page declares itself a product (Open Graph type, JSON-LD or microdata
    /// `Product`): a shop page, whose reviews are comments.
    pub declared_product: bool,
}

/// A segmented input, ready for the classifier.
#[derive(Debug, Clone)]
pub(crate) struct Document<'a> {
    pub origin: Origin,
    pub segments: Vec<Segment<'a>>,
    pub meta: PageMeta,
}
