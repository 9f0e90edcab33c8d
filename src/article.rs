//! The result of cleaning: kept blocks, metadata and, on request, what was removed and why.

use serde::{Deserialize, Serialize};

use crate::rules::Rule;

/// What a kept block is in the article's structure.
///
/// ```
/// use deboiler::BlockKind;
/// assert_eq!(BlockKind::Heading(2).markdown_prefix(), "## ");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A heading inside the article, with its level (1 to 6).
    Heading(u8),
    /// One item of a bulleted or numbered list.
    ListItem,
    /// A block quotation.
    Quote,
    /// Preformatted text or code; whitespace inside is significant.
    Code,
    /// One row of a table, cells separated by ` | `.
    TableRow,
}

impl BlockKind {
    /// The Markdown that starts a block of this kind.
    pub fn markdown_prefix(self) -> &'static str {
        match self {
            BlockKind::Paragraph | BlockKind::Code | BlockKind::TableRow => "",
            BlockKind::Heading(1) => "# ",
            BlockKind::Heading(2) => "## ",
            BlockKind::Heading(3) => "### ",
            BlockKind::Heading(4) => "#### ",
            BlockKind::Heading(5) => "##### ",
            BlockKind::Heading(_) => "###### ",
            BlockKind::ListItem => "- ",
            BlockKind::Quote => "> ",
        }
    }
}

/// One kept block of the article body.
///
/// ```
/// use deboiler::{Block, BlockKind};
/// let b = Block { kind: BlockKind::Paragraph, text: "Hello.".into() };
/// assert_eq!(b.text, "Hello.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Its role in the article.
    pub kind: BlockKind,
    /// Its text, as in the input (HTML whitespace collapsed).
    pub text: String,
}

/// A block the cleaner removed, with the rule that removed it (only with `explain` on).
///
/// ```
/// let cleaner = deboiler::Cleaner::builder().explain(true).build();
/// let article = cleaner.clean_text("Read more:\n\nSome teaser headline").unwrap();
/// for removed in &article.removed {
///     println!("{} <- {}", removed.rule, removed.text);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The rule that removed the block.
    pub rule: Rule,
    /// The removed text.
    pub text: String,
    /// Position of the block among all blocks of the input (kept and removed), from 0.
    pub position: usize,
}

/// A cleaned document: metadata plus the body as ordered blocks.
///
/// ```
/// let article = deboiler::clean_text(
///     "A headline\n\nThe first paragraph of the story, long enough to be a real sentence of prose.",
/// )
/// .unwrap();
/// assert!(article.text().contains("first paragraph"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The headline.
    pub title: Option<String>,
    /// The author or authors, as written.
    pub author: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`, or with time) when recognisable.
    pub published: Option<String>,
    /// Language as an ISO 639-1 code when declared or detected.
    pub language: Option<String>,
    /// Name of the publishing site, when the page declares it.
    pub site_name: Option<String>,
    /// Canonical URL, when the page declares it.
    pub url: Option<String>,
    /// The body, in document order.
    pub blocks: Vec<Block>,
    /// Every removed block with the rule that removed it; empty unless `explain` is on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<Removed>,
}

impl Article {
    /// The body as plain text: blocks joined by a blank line.
    ///
    /// ```
    /// use deboiler::{Article, Block, BlockKind};
    /// let mut a = Article::default();
    /// a.blocks.push(Block { kind: BlockKind::Paragraph, text: "One.".into() });
    /// a.blocks.push(Block { kind: BlockKind::Paragraph, text: "Two.".into() });
    /// assert_eq!(a.text(), "One.\n\nTwo.");
    /// ```
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.blocks.iter().map(|b| b.text.len() + 2).sum());
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(&b.text);
        }
        out
    }

    /// True when no body block was kept.
    ///
    /// ```
    /// assert!(deboiler::Article::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The article as Markdown: the title as `#`, then the blocks by kind.
    ///
    /// ```
    /// use deboiler::{Article, Block, BlockKind};
    /// let mut a = Article { title: Some("Title".into()), ..Default::default() };
    /// a.blocks.push(Block { kind: BlockKind::ListItem, text: "item".into() });
    /// assert_eq!(a.to_markdown(), "# Title\n\n- item\n");
    /// ```
    pub fn to_markdown(&self) -> String {
        crate::render::markdown(self)
    }
}
