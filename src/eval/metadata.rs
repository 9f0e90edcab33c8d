//! Metadata checks: does the cleaner name the page's title, author and publication date as
//! the reference does (WCXB's `ground_truth.title`, `author`, `publish_date`)?

use super::tokens::words;

/// A page's reference metadata; absent fields (or the string `"None"`) are not checked.
///
/// ```
/// use deboiler::eval::MetadataReference;
/// let r = MetadataReference::new(Some("Harbour"), Some("None"), Some("2024-03-12"));
/// assert!(r.author.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetadataReference {
    pub title: Option<String>,
    pub author: Option<String>,
    /// Publication date; only its first ten characters (`YYYY-MM-DD`) are compared.
    pub published: Option<String>,
}

impl MetadataReference {
    /// The reference from its three fields as the dataset writes them.
    pub fn new(title: Option<&str>, author: Option<&str>, published: Option<&str>) -> Self {
        let given = |s: Option<&str>| {
            s.map(str::trim)
                .filter(|s| !s.is_empty() && *s != "None")
                .map(str::to_string)
        };
        MetadataReference {
            title: given(title),
            author: given(author),
            published: given(published),
        }
    }
}

/// How many pages had a field to check, and on how many the cleaner named it.
///
/// ```
/// use deboiler::eval::Tally;
/// let t = Tally { checked: 4, matched: 3 };
/// assert_eq!(t.rate(), Some(0.75));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub checked: usize,
    pub matched: usize,
}

impl Tally {
    /// Share matched, `None` when nothing was checked.
    pub fn rate(&self) -> Option<f64> {
        (self.checked > 0).then(|| self.matched as f64 / self.checked as f64)
    }

    fn add(&mut self, reference: Option<&str>, found: Option<&str>, same: fn(&str, &str) -> bool) {
        if let Some(reference) = reference {
            self.checked += 1;
            self.matched += usize::from(found.is_some_and(|f| same(reference, f)));
        }
    }
}

/// Title, author and date tallies over a run.
///
/// ```
/// use deboiler::eval::{MetadataReference, MetadataScore};
/// let mut score = MetadataScore::default();
/// let reference = MetadataReference::new(Some("The Harbour Reopens"), None, Some("2024-03-12"));
/// score.add(&reference, Some("The harbour reopens!"), None, Some("2024-03-12T08:00:00Z"));
/// assert_eq!(score.title.matched, 1);
/// assert_eq!(score.published.matched, 1);
/// assert_eq!(score.author.checked, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MetadataScore {
    pub title: Tally,
    pub author: Tally,
    pub published: Tally,
}

impl MetadataScore {
    /// Checks one page's extracted fields against its reference.
    pub fn add(
        &mut self,
        reference: &MetadataReference,
        title: Option<&str>,
        author: Option<&str>,
        published: Option<&str>,
    ) {
        self.title
            .add(reference.title.as_deref(), title, same_words);
        self.author
            .add(reference.author.as_deref(), author, same_words);
        self.published
            .add(reference.published.as_deref(), published, same_day);
    }
}

/// The same words in the same order, ignoring case and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let lower = |s: &str| -> Vec<String> { words(s).map(str::to_lowercase).collect() };
    let (a, b) = (lower(a), lower(b));
    !a.is_empty() && a == b
}

/// The same calendar day: the first ten characters (`YYYY-MM-DD`) agree.
fn same_day(a: &str, b: &str) -> bool {
    match (a.get(..10), b.get(..10)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_authors_compare_by_words() {
        assert!(same_words(
            "Best Movers in NYC: 2025",
            "best movers in nyc 2025"
        ));
        assert!(!same_words(
            "Best Movers in NYC",
            "Best Movers in NYC | Top 19"
        ));
        assert!(!same_words("", ""));
    }

    #[test]
    fn dates_compare_by_day() {
        assert!(same_day("2025-11-17", "2025-11-17T09:00:00+01:00"));
        assert!(!same_day("2025-11-17", "2025-11-20"));
        assert!(!same_day("2025-11-17", "Nov 17"));
    }

    #[test]
    fn missing_output_counts_as_a_miss_and_missing_reference_is_not_checked() {
        let mut score = MetadataScore::default();
        let reference = MetadataReference::new(Some("Harbour"), Some("Jane Roe"), Some("None"));
        score.add(&reference, None, Some("Jane Roe"), Some("2024-01-01"));
        assert_eq!(
            score.title,
            Tally {
                checked: 1,
                matched: 0
            }
        );
        assert_eq!(
            score.author,
            Tally {
                checked: 1,
                matched: 1
            }
        );
        assert_eq!(score.published, Tally::default());
    }
}
