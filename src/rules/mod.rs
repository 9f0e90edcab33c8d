//! The rules: what the classifier knows, kept apart from the machinery that applies it.
//!
//! - [`phrases`]: multilingual phrase lists (read-more markers, promo, captions...).
//! - [`patterns`]: regular expressions for dates, reading times, bylines...
//! - [`thresholds`]: the numbers (lengths, densities) the classifier compares against.
//!
//! [`Rule`] names every reason a block can be removed; `--explain` prints these names.

pub(crate) mod html_hints;
pub mod patterns;
pub mod phrases;
pub mod thresholds;

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a block was removed. Each variant is one rule family; its [`name`](Rule::name) is
/// what `--explain` prints.
///
/// ```
/// use deboiler::Rule;
/// assert_eq!(Rule::ReadMore.name(), "read-more");
/// assert_eq!(Rule::ReadMore.to_string(), "read-more");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Rule {
    /// The headline: moved to `Article::title`, not body.
    Title,
    /// A date line: moved to `Article::published`, not body.
    Dateline,
    /// An author line ("By Jane Doe"): moved to `Article::author`, not body.
    Byline,
    /// An empty or bare date label ("Published: Updated:").
    DateLabel,
    /// Reading-time label ("5 mins read").
    ReadingTime,
    /// Menus and navigation link lists.
    Navigation,
    /// Breadcrumb trails ("News / Military / Afghanistan").
    Breadcrumb,
    /// "Read more:" / "ALSO READ:" lines and the teaser they introduce.
    ReadMore,
    /// The tail after the article ends: related, latest, trending, "Don't Miss" lists.
    RelatedZone,
    /// Previous / next story links.
    PrevNext,
    /// Image captions and photo credits ("(AFP photo)").
    Caption,
    /// Promotion: follow us, newsletter, subscribe, app, social and share prompts.
    Promo,
    /// Cookie and consent notices.
    CookieNotice,
    /// Notices about mirror or alternate site addresses.
    MirrorNotice,
    /// Reader comments and comment-form text.
    Comments,
    /// Footer text: copyright, legal links, contact lines.
    Footer,
    /// Advertising labels and ad slots.
    Advertisement,
    /// Text before the article starts (masthead, menus, header).
    BeforeContent,
    /// Text outside the region the classifier chose as the article.
    OutsideContent,
    /// A block made mostly of link text.
    LinkDense,
    /// A block inside an element whose class or id marks it as boilerplate.
    BoilerplateContainer,
    /// A short fragment with no sentence in it, away from the body text.
    ShortFragment,
    /// A repeat of a block already kept.
    Duplicate,
    /// An in-article heading dropped because headings were turned off in the options.
    HeadingOption,
    /// A block made largely of control or undecodable characters.
    Junk,
}

impl Rule {
    /// The rule's stable kebab-case name.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Title => "title",
            Rule::Dateline => "dateline",
            Rule::Byline => "byline",
            Rule::DateLabel => "date-label",
            Rule::ReadingTime => "reading-time",
            Rule::Navigation => "navigation",
            Rule::Breadcrumb => "breadcrumb",
            Rule::ReadMore => "read-more",
            Rule::RelatedZone => "related-zone",
            Rule::PrevNext => "prev-next",
            Rule::Caption => "caption",
            Rule::Promo => "promo",
            Rule::CookieNotice => "cookie-notice",
            Rule::MirrorNotice => "mirror-notice",
            Rule::Comments => "comments",
            Rule::Footer => "footer",
            Rule::Advertisement => "advertisement",
            Rule::BeforeContent => "before-content",
            Rule::OutsideContent => "outside-content",
            Rule::LinkDense => "link-dense",
            Rule::BoilerplateContainer => "boilerplate-container",
            Rule::ShortFragment => "short-fragment",
            Rule::Duplicate => "duplicate",
            Rule::HeadingOption => "heading-option",
            Rule::Junk => "junk",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
