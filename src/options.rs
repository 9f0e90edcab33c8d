//! Options and the [`Cleaner`] builder.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::error::{Error, Result};

/// Where to set the balance between keeping too much and dropping too much.
///
/// ```
/// use deboiler::{Cleaner, Focus};
/// let cleaner = Cleaner::builder().focus(Focus::Precision).build();
/// assert_eq!(cleaner.options().focus, Focus::Precision);
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Focus {
    /// Drop doubtful blocks: less boilerplate, some body may go.
    Precision,
    /// The default trade-off.
    #[default]
    Balanced,
    /// Keep doubtful blocks: all of the body, some boilerplate may stay.
    Recall,
}

/// Bounds that keep time and memory in check on hostile input.
///
/// Inputs over `max_input_bytes` are refused with [`Error::InputTooLarge`]. Past the other
/// limits the cleaner degrades instead of failing: elements nested deeper than `max_depth`
/// are flattened into their ancestor at that depth (their text is kept), blocks past
/// `max_blocks` are dropped, and a block is cut at `max_block_bytes`.
///
/// ```
/// use deboiler::Limits;
/// let limits = Limits { max_input_bytes: 1 << 20, ..Limits::default() };
/// assert_eq!(limits.max_input_bytes, 1 << 20);
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Limits {
    /// Largest input accepted, in bytes (default 128 MiB).
    pub max_input_bytes: usize,
    /// Deepest element nesting walked as structure (default 4,096).
    pub max_depth: usize,
    /// Most blocks a document is split into (default 1,000,000).
    pub max_blocks: usize,
    /// Longest single block, in bytes (default 4 MiB).
    pub max_block_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 128 << 20,
            max_depth: 4096,
            max_blocks: 1_000_000,
            max_block_bytes: 4 << 20,
        }
    }
}

/// Every option of a [`Cleaner`]; build one with [`Cleaner::builder`].
///
/// ```
/// let options = deboiler::Options::default();
/// assert!(options.keep_headings);
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Options {
    /// Precision / balanced / recall trade-off.
    pub focus: Focus,
    /// Language of the input (ISO 639-1, e.g. `"de"`), when the caller knows it.
    pub language: Option<String>,
    /// Detect the language of a document that does not declare one, from its kept text
    /// (`whatlang` on the first 600 bytes). `None` (the default): in HTML mode only, where
    /// most pages declare theirs; text mode never declares one, and detection there costs
    /// about as much as the cleaning, so it is asked for with `Some(true)`.
    #[serde(default)]
    pub detect_language: Option<bool>,
    /// Keep headings inside the article (default true).
    pub keep_headings: bool,
    /// Record every removed block with its rule in [`Article::removed`] (default false).
    pub explain: bool,
    /// Keep reader comments in HTML mode (default false).
    pub include_comments: bool,
    /// Bounds for hostile input.
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            focus: Focus::Balanced,
            language: None,
            detect_language: None,
            keep_headings: true,
            explain: false,
            include_comments: false,
            limits: Limits::default(),
        }
    }
}

/// A configured cleaner. Cheap to clone, `Send + Sync`: build it once and share it across threads.
///
/// ```
/// let cleaner = deboiler::Cleaner::builder().explain(true).build();
/// let article = cleaner
///     .clean_text("Published: Updated:\n\nThe council approved the new budget on Monday after a long debate.")
///     .unwrap();
/// assert_eq!(article.removed[0].rule.name(), "date-label");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Cleaner {
    options: Options,
}

impl Cleaner {
    /// A cleaner with default options.
    pub fn new() -> Self {
        Cleaner::default()
    }

    /// Starts a builder with default options.
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    /// The options this cleaner runs with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Cleans text already extracted from a page (one block per paragraph or line).
    ///
    /// ```
    /// let article = deboiler::Cleaner::new().clean_text("").unwrap();
    /// assert!(article.is_empty());
    /// ```
    pub fn clean_text(&self, text: &str) -> Result<Article> {
        self.check_size(text.len())?;
        crate::text::check_not_binary(text)?;
        let doc = crate::text::segment(text, &self.options);
        Ok(crate::pipeline::run(doc, &self.options))
    }

    /// Cleans an HTML page given as a string.
    ///
    /// ```
    /// let html = "<html><body><article><p>The council approved the new budget on Monday \
    ///             after a long debate that lasted well into the night.</p></article></body></html>";
    /// match deboiler::Cleaner::new().clean_html(html) {
    ///     Ok(article) => println!("{}", article.text()),
    ///     Err(e) => eprintln!("{e}"),
    /// }
    /// ```
    pub fn clean_html(&self, html: &str) -> Result<Article> {
        self.check_size(html.len())?;
        let doc = crate::html::segment(html, &self.options)?;
        Ok(crate::pipeline::run(doc, &self.options))
    }

    /// Cleans an HTML page given as bytes in any encoding. The encoding is found from the
    /// byte-order mark, then `content_type` (an HTTP `Content-Type` value such as
    /// `text/html; charset=koi8-r`), then `<meta charset>`, then statistical detection.
    ///
    /// ```
    /// let page = b"<html><body><p>Caf\xe9 cr\xe8me, a short note.</p></body></html>";
    /// let _ = deboiler::Cleaner::new().clean_html_bytes(page, Some("text/html; charset=windows-1252"));
    /// ```
    pub fn clean_html_bytes(&self, bytes: &[u8], content_type: Option<&str>) -> Result<Article> {
        self.check_size(bytes.len())?;
        let html = crate::html::decode(bytes, content_type)?;
        self.clean_html(&html)
    }

    fn check_size(&self, size: usize) -> Result<()> {
        let limit = self.options.limits.max_input_bytes;
        if size > limit {
            return Err(Error::InputTooLarge { size, limit });
        }
        Ok(())
    }
}

/// Builds a [`Cleaner`], in the style of `ammonia::Builder`.
///
/// ```
/// use deboiler::{Cleaner, Focus};
/// let cleaner = Cleaner::builder()
///     .focus(Focus::Recall)
///     .language("de")
///     .keep_headings(false)
///     .explain(true)
///     .max_input_bytes(8 << 20)
///     .build();
/// assert_eq!(cleaner.options().language.as_deref(), Some("de"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct CleanerBuilder {
    options: Options,
}

impl CleanerBuilder {
    /// Sets the precision / recall trade-off.
    pub fn focus(mut self, focus: Focus) -> Self {
        self.options.focus = focus;
        self
    }

    /// Tells the cleaner the input's language (ISO 639-1 code).
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.options.language = Some(language.into());
        self
    }

    /// Detects the language of documents that do not declare one (`true`), or never
    /// (`false`). Unset, only HTML pages are detected.
    ///
    /// ```
    /// let cleaner = deboiler::Cleaner::builder().detect_language(true).build();
    /// let text = "The government approved a bill on Tuesday that aims to speed up the \
    ///             development of renewable energy across the whole of the country.";
    /// let article = cleaner.clean_text(text)?;
    /// assert_eq!(article.language.as_deref(), Some("en"));
    /// # Ok::<(), deboiler::Error>(())
    /// ```
    pub fn detect_language(mut self, detect: bool) -> Self {
        self.options.detect_language = Some(detect);
        self
    }

    /// Keeps or drops headings inside the article.
    pub fn keep_headings(mut self, keep: bool) -> Self {
        self.options.keep_headings = keep;
        self
    }

    /// Records every removed block with its rule in [`Article::removed`].
    pub fn explain(mut self, explain: bool) -> Self {
        self.options.explain = explain;
        self
    }

    /// Keeps reader comments (HTML mode).
    pub fn include_comments(mut self, include: bool) -> Self {
        self.options.include_comments = include;
        self
    }

    /// Replaces all limits at once.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.options.limits = limits;
        self
    }

    /// Sets the largest input accepted, in bytes.
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.options.limits.max_input_bytes = bytes;
        self
    }

    /// Sets the deepest element nesting walked as structure.
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.options.limits.max_depth = depth;
        self
    }

    /// Finishes the builder.
    pub fn build(self) -> Cleaner {
        Cleaner {
            options: self.options,
        }
    }
}
