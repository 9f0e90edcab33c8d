//! What each HTML tag means to the walker: skipped, block, inline, link, line break...

use crate::rules::Rule;

/// The walker's view of an element, from its tag name alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// Never content (scripts, styles, form controls, embedded objects, head).
    Skip,
    /// `<p>`: running text.
    Paragraph,
    /// `<h1>`..`<h6>`.
    Heading(u8),
    /// `<li>`.
    ListItem,
    /// `<blockquote>`.
    Quote,
    /// `<pre>`.
    Pre,
    /// `<tr>`.
    Row,
    /// `<td>`, `<th>`.
    Cell,
    /// `<article>`.
    Article,
    /// `<main>`.
    Main,
    /// `<body>` and `<html>`.
    Root,
    /// Any other block container (div, section, ul, table...).
    Container,
    /// `<a>`.
    Link,
    /// `<br>`.
    Br,
    /// `<hr>`: ends the current block.
    Rule,
    /// Everything else: text flows through.
    Inline,
}

impl Tag {
    /// Classifies a lowercase local tag name.
    pub(crate) fn of(name: &str) -> Tag {
        match name {
            "p" => Tag::Paragraph,
            "div" | "section" | "ul" | "ol" | "dl" | "dt" | "dd" | "table" | "tbody" | "thead"
            | "tfoot" | "caption" | "header" | "footer" | "nav" | "aside" | "figure"
            | "figcaption" | "form" | "fieldset" | "details" | "summary" | "center" | "address"
            | "hgroup" | "menu" | "legend" | "dir" | "search" | "frameset" | "noframes" => {
                Tag::Container
            }
            "a" => Tag::Link,
            "br" => Tag::Br,
            "li" => Tag::ListItem,
            "h1" => Tag::Heading(1),
            "h2" => Tag::Heading(2),
            "h3" => Tag::Heading(3),
            "h4" => Tag::Heading(4),
            "h5" => Tag::Heading(5),
            "h6" => Tag::Heading(6),
            "blockquote" => Tag::Quote,
            "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
            "tr" => Tag::Row,
            "td" | "th" => Tag::Cell,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "body" | "html" => Tag::Root,
            "hr" => Tag::Rule,
            "script" | "style" | "noscript" | "template" | "svg" | "math" | "button" | "select"
            | "input" | "textarea" | "option" | "optgroup" | "datalist" | "iframe" | "object"
            | "embed" | "canvas" | "video" | "audio" | "head" | "title" | "meta" | "link"
            | "base" | "dialog" | "map" | "frame" | "param" | "source" | "track" | "img"
            | "picture" | "output" | "progress" | "meter" | "slot" => Tag::Skip,
            _ => Tag::Inline,
        }
    }

    /// Whether the element starts and ends a block of text.
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Link | Tag::Br | Tag::Inline | Tag::Skip | Tag::Cell
        )
    }

    /// The rule the tag itself points at (`<nav>`, `<footer>`...), if any.
    pub(crate) fn hint(name: &str, in_article: bool) -> Option<Rule> {
        match name {
            "nav" | "menu" => Some(Rule::Navigation),
            "footer" if !in_article => Some(Rule::Footer),
            "footer" => Some(Rule::BoilerplateContainer),
            "aside" => Some(Rule::BoilerplateContainer),
            "figcaption" => Some(Rule::Caption),
            "header" if !in_article => Some(Rule::BeforeContent),
            _ => None,
        }
    }
}

/// The rule an ARIA `role` points at, if any.
pub(crate) fn role_hint(role: &str) -> Option<Rule> {
    match role.trim() {
        "navigation" | "menu" | "menubar" | "search" => Some(Rule::Navigation),
        "contentinfo" => Some(Rule::Footer),
        "banner" => Some(Rule::BeforeContent),
        "complementary" => Some(Rule::BoilerplateContainer),
        "dialog" | "alertdialog" => Some(Rule::Promo),
        _ => None,
    }
}
