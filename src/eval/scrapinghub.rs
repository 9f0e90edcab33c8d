//! The ScrapingHub article-extraction-benchmark metric: 4-token shingles, scaled per page.
//!
//! Each text becomes its 4-word shingles counted with repeats (a text of 1 to 3 words is one
//! shingle of all its words; a text without words has none). Per page, shared, extra and
//! missed shingles are scaled so they sum to 1, so long pages weigh no more than short ones.
//! Precision is the mean over pages with any prediction, recall the mean over pages with any
//! truth, and F1 is computed from those two means, as the published script does.

use std::collections::HashMap;

use super::tokens::words;

/// Shingle length of the published metric.
///
/// ```
/// assert_eq!(deboiler::eval::SHINGLE_WORDS, 4);
/// ```
pub const SHINGLE_WORDS: usize = 4;

/// The shingles of a word sequence, counted with repeats, keyed by word slices.
///
/// ```
/// use deboiler::eval::shingle_counts;
/// let words = ["a", "b", "c", "d", "a", "b", "c", "d"];
/// let counts = shingle_counts(&words);
/// assert_eq!(counts[&words[0..4]], 2);
/// assert_eq!(counts.values().sum::<usize>(), 5);
/// ```
pub fn shingle_counts<'w, 's>(words: &'w [&'s str]) -> HashMap<&'w [&'s str], usize> {
    let mut counts = HashMap::new();
    if words.is_empty() {
        return counts;
    }
    if words.len() < SHINGLE_WORDS {
        counts.insert(words, 1);
        return counts;
    }
    for shingle in words.windows(SHINGLE_WORDS) {
        *counts.entry(shingle).or_insert(0) += 1;
    }
    counts
}

/// One page's shingle match, scaled so that the three parts sum to 1 (all 0 when both
/// texts have no words).
///
/// ```
/// use deboiler::eval::ShingleMatch;
/// let m = ShingleMatch::of("one two three four five", "one two three four");
/// assert_eq!((m.shared, m.extra, m.missed), (0.5, 0.0, 0.5));
/// assert_eq!(m.precision(), Some(1.0));
/// assert_eq!(m.recall(), Some(0.5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ShingleMatch {
    /// Shingles in both texts (true positives).
    pub shared: f64,
    /// Predicted shingles absent from the truth (false positives).
    pub extra: f64,
    /// Truth shingles absent from the prediction (false negatives).
    pub missed: f64,
}

impl ShingleMatch {
    /// Matches a predicted text against the true text.
    ///
    /// ```
    /// use deboiler::eval::ShingleMatch;
    /// assert_eq!(ShingleMatch::of("", "").f1(), None);
    /// assert_eq!(ShingleMatch::of("Hello world", "hello world").f1(), Some(0.0));
    /// ```
    pub fn of(truth: &str, predicted: &str) -> Self {
        let truth_words: Vec<&str> = words(truth).collect();
        let predicted_words: Vec<&str> = words(predicted).collect();
        let truth = shingle_counts(&truth_words);
        let predicted = shingle_counts(&predicted_words);
        let (mut shared, mut extra, mut missed) = (0usize, 0usize, 0usize);
        for (shingle, &want) in &truth {
            let got = predicted.get(shingle).copied().unwrap_or(0);
            shared += want.min(got);
            missed += want.saturating_sub(got);
        }
        for (shingle, &got) in &predicted {
            let want = truth.get(shingle).copied().unwrap_or(0);
            extra += got.saturating_sub(want);
        }
        let total = (shared + extra + missed) as f64;
        if total == 0.0 {
            return Self::default();
        }
        Self {
            shared: shared as f64 / total,
            extra: extra as f64 / total,
            missed: missed as f64 / total,
        }
    }

    /// Share of the prediction that is true; `None` when nothing was predicted.
    ///
    /// ```
    /// use deboiler::eval::ShingleMatch;
    /// assert_eq!(ShingleMatch::of("some words here", "").precision(), None);
    /// ```
    pub fn precision(&self) -> Option<f64> {
        let predicted = self.shared + self.extra;
        (predicted > 0.0).then(|| self.shared / predicted)
    }

    /// Share of the truth that was predicted; `None` when the truth is empty.
    ///
    /// ```
    /// use deboiler::eval::ShingleMatch;
    /// assert_eq!(ShingleMatch::of("", "some words here").recall(), None);
    /// ```
    pub fn recall(&self) -> Option<f64> {
        let truth = self.shared + self.missed;
        (truth > 0.0).then(|| self.shared / truth)
    }

    /// This page's own F1 (missing precision or recall counts as 0); `None` when both texts
    /// are empty. Used to rank pages, not part of the published aggregate.
    ///
    /// ```
    /// use deboiler::eval::ShingleMatch;
    /// assert_eq!(ShingleMatch::of("a b c d e", "a b c d e").f1(), Some(1.0));
    /// assert_eq!(ShingleMatch::of("a b c d e", "").f1(), Some(0.0));
    /// ```
    pub fn f1(&self) -> Option<f64> {
        if self.precision().is_none() && self.recall().is_none() {
            return None;
        }
        Some(harmonic_mean(
            self.precision().unwrap_or(0.0),
            self.recall().unwrap_or(0.0),
        ))
    }
}

/// 2PR/(P+R), 0 when both are 0.
pub(crate) fn harmonic_mean(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// The benchmark figures over a set of pages.
///
/// ```
/// use deboiler::eval::{ShingleMatch, ShingleScore};
/// let pages = [
///     ShingleMatch::of("a b c d e", "a b c d e"),
///     ShingleMatch::of("f g h i j", ""),
/// ];
/// let score = ShingleScore::from_matches(&pages);
/// assert_eq!(score.precision, 1.0); // only the page with a prediction counts
/// assert_eq!(score.recall, 0.5);
/// assert!((score.f1 - 2.0 / 3.0).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ShingleScore {
    /// Pages scored.
    pub pages: usize,
    /// Mean precision over pages with a non-empty prediction.
    pub precision: f64,
    /// Mean recall over pages with a non-empty truth.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
}

impl ShingleScore {
    /// Aggregates per-page matches as the published script does.
    ///
    /// ```
    /// use deboiler::eval::ShingleScore;
    /// assert_eq!(ShingleScore::from_matches(&[]).f1, 0.0);
    /// ```
    pub fn from_matches(pages: &[ShingleMatch]) -> Self {
        let precision = mean(pages.iter().filter_map(ShingleMatch::precision));
        let recall = mean(pages.iter().filter_map(ShingleMatch::recall));
        Self {
            pages: pages.len(),
            precision,
            recall,
            f1: harmonic_mean(precision, recall),
        }
    }

    /// Scores `(truth, predicted)` text pairs.
    ///
    /// ```
    /// use deboiler::eval::ShingleScore;
    /// let s = ShingleScore::of_pairs([("The cat sat on the mat", "The cat sat on the mat")]);
    /// assert_eq!((s.pages, s.f1), (1, 1.0));
    /// ```
    pub fn of_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let matches: Vec<ShingleMatch> = pairs
            .into_iter()
            .map(|(truth, predicted)| ShingleMatch::of(truth, predicted))
            .collect();
        Self::from_matches(&matches)
    }
}

/// Mean of the values, 0 for none.
pub(crate) fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_one_shingle() {
        let w = ["a", "b", "c"];
        let counts = shingle_counts(&w);
        assert_eq!(counts.len(), 1);
        assert_eq!(counts[&w[..]], 1);
        assert!(shingle_counts(&[]).is_empty());
    }

    #[test]
    fn repeats_are_counted_as_a_multiset() {
        // Truth has "a b c d" twice, the prediction once: 1 shared of that shingle, 1 missed.
        let m = ShingleMatch::of("a b c d a b c d", "a b c d");
        // Truth shingles: abcd x2, bcda, cdab, dabc -> 5; predicted: abcd -> 1 shared.
        assert!((m.shared - 0.2).abs() < 1e-12);
        assert!((m.missed - 0.8).abs() < 1e-12);
        assert_eq!(m.extra, 0.0);
    }

    #[test]
    fn case_is_kept_and_punctuation_ignored() {
        let same = ShingleMatch::of("One, two; three four!", "One two three four");
        assert_eq!(same.f1(), Some(1.0));
        let cased = ShingleMatch::of("One two three four", "one two three four");
        assert_eq!(cased.f1(), Some(0.0));
    }

    #[test]
    fn parts_sum_to_one() {
        let m = ShingleMatch::of(
            "the quick brown fox jumps over the lazy dog",
            "menu home the quick brown fox jumps",
        );
        assert!((m.shared + m.extra + m.missed - 1.0).abs() < 1e-12);
        // Truth 6 shingles, predicted 4: shared "the quick brown fox", "quick brown fox jumps".
        assert!((m.shared - 2.0 / 8.0).abs() < 1e-12);
        assert!((m.extra - 2.0 / 8.0).abs() < 1e-12);
        assert!((m.missed - 4.0 / 8.0).abs() < 1e-12);
    }

    #[test]
    fn empty_pages_drop_out_of_the_means() {
        let pages = [
            ShingleMatch::of("", ""),
            ShingleMatch::of("", "a b c d e"),
            ShingleMatch::of("a b c d e", "a b c d e"),
        ];
        let s = ShingleScore::from_matches(&pages);
        assert_eq!(s.pages, 3);
        assert_eq!(s.precision, 0.5);
        assert_eq!(s.recall, 1.0);
    }
}
