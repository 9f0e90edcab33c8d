//! The WCXB metric: lowercase word-bag overlap per page, plus must/must-not snippet checks.

use std::collections::{BTreeMap, HashMap};

use super::scrapinghub::{harmonic_mean, mean};
use super::tokens::words;

/// One page's word-bag scores.
///
/// Words are lowercased runs of `\w`; the overlap is the multiset intersection of predicted
/// and reference words. A page whose reference has no words scores 1 for a prediction
/// without words and 0 otherwise; a prediction without words scores 0 against a non-empty
/// reference.
///
/// ```
/// use deboiler::eval::WordOverlap;
/// let s = WordOverlap::of("The storm closed schools.", "the storm closed schools. Subscribe now");
/// assert_eq!(s.recall, 1.0);
/// assert!((s.precision - 4.0 / 6.0).abs() < 1e-12);
/// assert!((s.f1 - 0.8).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WordOverlap {
    /// Overlap over predicted words.
    pub precision: f64,
    /// Overlap over reference words.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

impl WordOverlap {
    /// Scores a predicted text against the reference text.
    ///
    /// ```
    /// use deboiler::eval::WordOverlap;
    /// assert_eq!(WordOverlap::of("", "").f1, 1.0);
    /// assert_eq!(WordOverlap::of("", "anything").f1, 0.0);
    /// assert_eq!(WordOverlap::of("something", "").f1, 0.0);
    /// ```
    pub fn of(reference: &str, predicted: &str) -> Self {
        let reference = reference.to_lowercase();
        let predicted = predicted.to_lowercase();
        let mut want: HashMap<&str, usize> = HashMap::new();
        let mut reference_words = 0usize;
        for w in words(&reference) {
            *want.entry(w).or_insert(0) += 1;
            reference_words += 1;
        }
        let (mut predicted_words, mut overlap) = (0usize, 0usize);
        for w in words(&predicted) {
            predicted_words += 1;
            if let Some(left) = want.get_mut(w) {
                if *left > 0 {
                    *left -= 1;
                    overlap += 1;
                }
            }
        }
        match (reference_words, predicted_words) {
            (0, 0) => Self {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0,
            },
            (0, _) | (_, 0) => Self::default(),
            (r, p) => {
                let precision = overlap as f64 / p as f64;
                let recall = overlap as f64 / r as f64;
                Self {
                    precision,
                    recall,
                    f1: harmonic_mean(precision, recall),
                }
            }
        }
    }
}

/// Which of a page's snippets appear in the prediction (case-insensitive substring tests).
///
/// `None` when the page has no snippet of that kind.
///
/// ```
/// use deboiler::eval::SnippetHits;
/// let hits = SnippetHits::of(
///     "The Storm closed schools.\n\nSign in",
///     &["storm closed".to_string(), "reopen monday".to_string()],
///     &["Sign in".to_string()],
/// );
/// assert_eq!(hits.with, Some(0.5));
/// assert_eq!(hits.without, Some(1.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SnippetHits {
    /// Share of must-appear snippets found (higher is better).
    pub with: Option<f64>,
    /// Share of must-not-appear snippets found (lower is better).
    pub without: Option<f64>,
}

impl SnippetHits {
    /// Tests the snippets against the prediction.
    ///
    /// ```
    /// use deboiler::eval::SnippetHits;
    /// assert_eq!(SnippetHits::of("text", &[], &[]), SnippetHits::default());
    /// ```
    pub fn of(predicted: &str, with: &[String], without: &[String]) -> Self {
        let predicted = predicted.to_lowercase();
        let share = |snippets: &[String]| {
            (!snippets.is_empty()).then(|| {
                let found = snippets
                    .iter()
                    .filter(|s| predicted.contains(&s.to_lowercase()))
                    .count();
                found as f64 / snippets.len() as f64
            })
        };
        Self {
            with: share(with),
            without: share(without),
        }
    }
}

/// One scored WCXB page.
///
/// ```
/// use deboiler::eval::{WcxbPage, WordOverlap, SnippetHits};
/// let page = WcxbPage { page_type: "article".into(), overlap: WordOverlap::of("a", "a"), snippets: SnippetHits::default() };
/// assert_eq!(page.overlap.f1, 1.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct WcxbPage {
    /// Page type (article, forum, product, ...).
    pub page_type: String,
    /// Word-bag scores.
    pub overlap: WordOverlap,
    /// Snippet checks.
    pub snippets: SnippetHits,
}

/// Mean figures over a set of pages.
///
/// ```
/// use deboiler::eval::WcxbMeans;
/// assert_eq!(WcxbMeans::default().pages, 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WcxbMeans {
    /// Pages scored.
    pub pages: usize,
    /// Mean per-page F1 (the headline figure).
    pub f1: f64,
    /// Mean per-page precision.
    pub precision: f64,
    /// Mean per-page recall.
    pub recall: f64,
    /// Mean share of must-appear snippets found, over pages that have some.
    pub with_rate: f64,
    /// Mean share of must-not-appear snippets found, over pages that have some.
    pub without_rate: f64,
}

impl WcxbMeans {
    /// Averages the pages.
    ///
    /// ```
    /// use deboiler::eval::{WcxbMeans, WcxbPage, WordOverlap, SnippetHits};
    /// let page = |reference: &str, predicted: &str| WcxbPage {
    ///     page_type: "article".into(),
    ///     overlap: WordOverlap::of(reference, predicted),
    ///     snippets: SnippetHits::of(predicted, &["keep".into()], &[]),
    /// };
    /// let m = WcxbMeans::of(&[page("keep this", "keep this"), page("a b", "")]);
    /// assert_eq!((m.pages, m.f1, m.with_rate), (2, 0.5, 0.5));
    /// ```
    pub fn of<'a>(pages: impl IntoIterator<Item = &'a WcxbPage> + Clone) -> Self {
        let it = || pages.clone().into_iter();
        Self {
            pages: it().count(),
            f1: mean(it().map(|p| p.overlap.f1)),
            precision: mean(it().map(|p| p.overlap.precision)),
            recall: mean(it().map(|p| p.overlap.recall)),
            with_rate: mean(it().filter_map(|p| p.snippets.with)),
            without_rate: mean(it().filter_map(|p| p.snippets.without)),
        }
    }
}

/// The means over all pages and per page type.
///
/// ```
/// use deboiler::eval::{WcxbScore, WcxbPage, WordOverlap, SnippetHits};
/// let page = |t: &str, f: bool| WcxbPage {
///     page_type: t.into(),
///     overlap: WordOverlap::of("x", if f { "x" } else { "" }),
///     snippets: SnippetHits::default(),
/// };
/// let s = WcxbScore::of(&[page("article", true), page("forum", false), page("article", true)]);
/// assert!((s.all.f1 - 2.0 / 3.0).abs() < 1e-12);
/// assert_eq!(s.by_type["article"].f1, 1.0);
/// assert_eq!(s.by_type["forum"].pages, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WcxbScore {
    /// Over all pages.
    pub all: WcxbMeans,
    /// Per page type, in name order.
    pub by_type: BTreeMap<String, WcxbMeans>,
}

impl WcxbScore {
    /// Aggregates scored pages.
    ///
    /// ```
    /// use deboiler::eval::WcxbScore;
    /// assert!(WcxbScore::of(&[]).by_type.is_empty());
    /// ```
    pub fn of(pages: &[WcxbPage]) -> Self {
        let mut groups: BTreeMap<&str, Vec<&WcxbPage>> = BTreeMap::new();
        for p in pages {
            groups.entry(&p.page_type).or_default().push(p);
        }
        Self {
            all: WcxbMeans::of(pages),
            by_type: groups
                .into_iter()
                .map(|(t, ps)| (t.to_string(), WcxbMeans::of(ps.iter().copied())))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_a_multiset_and_case_blind() {
        // Reference has "the" twice; predicting it three times only matches two.
        let s = WordOverlap::of("The cat and THE dog", "the the the cat");
        assert!((s.precision - 3.0 / 4.0).abs() < 1e-12);
        assert!((s.recall - 3.0 / 5.0).abs() < 1e-12);
    }

    #[test]
    fn punctuation_only_texts_count_as_empty() {
        assert_eq!(WordOverlap::of("—", "...").f1, 1.0);
        assert_eq!(WordOverlap::of("—", "word").f1, 0.0);
        assert_eq!(WordOverlap::of("word", "!!").f1, 0.0);
    }

    #[test]
    fn disjoint_texts_score_zero() {
        assert_eq!(WordOverlap::of("alpha beta", "gamma delta").f1, 0.0);
    }

    #[test]
    fn snippets_match_case_insensitively_as_substrings() {
        let hits = SnippetHits::of(
            "WELCOME HOME, dear reader",
            &["welcome home".into(), "Dear Reader".into(), "absent".into()],
            &["home".into(), "login".into()],
        );
        assert!((hits.with.unwrap_or(0.0) - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(hits.without, Some(0.5));
    }

    #[test]
    fn snippet_rates_average_only_pages_that_have_snippets() {
        let pages = [
            WcxbPage {
                page_type: "a".into(),
                overlap: WordOverlap::default(),
                snippets: SnippetHits {
                    with: Some(1.0),
                    without: None,
                },
            },
            WcxbPage {
                page_type: "a".into(),
                overlap: WordOverlap::default(),
                snippets: SnippetHits {
                    with: None,
                    without: Some(0.25),
                },
            },
        ];
        let m = WcxbMeans::of(&pages);
        assert_eq!(m.with_rate, 1.0);
        assert_eq!(m.without_rate, 0.25);
    }
}
