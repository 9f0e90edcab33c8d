//! Which lines of one text are missing from another: the raw material of `--worst` reports.
//!
//! A line counts as present when at least half of its 4-word shingles occur in the other
//! text; a line of 1 to 3 words when its words occur there in a row. Word order inside the
//! other text matters, line breaks and punctuation do not.

use std::collections::HashSet;

use super::scrapinghub::SHINGLE_WORDS;
use super::tokens::words;

/// The words of a text, indexed for "is this fragment in it" questions.
///
/// ```
/// use deboiler::eval::TextIndex;
/// let index = TextIndex::new("The storm closed schools across the region on Tuesday.");
/// assert!(index.contains("The storm closed schools, across the region"));
/// assert!(index.contains("on Tuesday"));
/// assert!(!index.contains("Read more"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct TextIndex {
    /// Whether both sides are lowercased before comparing.
    fold_case: bool,
    shingles: HashSet<String>,
    /// All words joined by single spaces, with a space at each end.
    joined: String,
}

impl TextIndex {
    /// Indexes `text`; comparisons keep case.
    ///
    /// ```
    /// use deboiler::eval::TextIndex;
    /// assert!(!TextIndex::new("Hello there").contains("hello there"));
    /// ```
    pub fn new(text: &str) -> Self {
        Self::build(text, false)
    }

    /// Indexes `text`; comparisons ignore case.
    ///
    /// ```
    /// use deboiler::eval::TextIndex;
    /// assert!(TextIndex::case_blind("Hello there").contains("HELLO THERE"));
    /// ```
    pub fn case_blind(text: &str) -> Self {
        Self::build(&text.to_lowercase(), true)
    }

    fn build(text: &str, fold_case: bool) -> Self {
        let all: Vec<&str> = words(text).collect();
        let shingles = all.windows(SHINGLE_WORDS).map(|w| w.join(" ")).collect();
        let mut joined = String::with_capacity(text.len() + 2);
        joined.push(' ');
        for w in &all {
            joined.push_str(w);
            joined.push(' ');
        }
        Self {
            fold_case,
            shingles,
            joined,
        }
    }

    /// True when `fragment` is mostly in the indexed text (see the module doc); a fragment
    /// without words counts as present.
    ///
    /// ```
    /// use deboiler::eval::TextIndex;
    /// assert!(TextIndex::new("a b c").contains("--"));
    /// ```
    pub fn contains(&self, fragment: &str) -> bool {
        let folded;
        let fragment = if self.fold_case {
            folded = fragment.to_lowercase();
            folded.as_str()
        } else {
            fragment
        };
        let fw: Vec<&str> = words(fragment).collect();
        if fw.is_empty() {
            return true;
        }
        if fw.len() < SHINGLE_WORDS {
            let needle = format!(" {} ", fw.join(" "));
            return self.joined.contains(&needle);
        }
        let windows = fw.windows(SHINGLE_WORDS);
        let total = windows.len();
        let found = windows
            .filter(|w| self.shingles.contains(&w.join(" ")))
            .count();
        found * 2 >= total
    }
}

/// The non-blank lines of `text` that are not mostly in the indexed text, trimmed, in order.
///
/// ```
/// use deboiler::eval::{lines_absent_from, TextIndex};
/// let kept = "Home | News\nThe storm closed schools across the region.\nShare this";
/// let truth = "The storm closed schools across the region. Officials said classes resume.";
/// assert_eq!(lines_absent_from(kept, &TextIndex::new(truth)), ["Home | News", "Share this"]);
/// ```
pub fn lines_absent_from<'a>(text: &'a str, index: &TextIndex) -> Vec<&'a str> {
    text.lines()
        .map(str::trim)
        .filter(|l| words(l).next().is_some() && !index.contains(l))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_the_shingles_is_enough() {
        let index = TextIndex::new("one two three four five six");
        // Shingles of the fragment: [one two three four] yes, [two three four seven] no.
        assert!(index.contains("one two three four seven"));
        // One of three present is not enough.
        assert!(!index.contains("one two three four seven eight"));
    }

    #[test]
    fn case_blind_index_folds_both_sides() {
        let index = TextIndex::case_blind("The Storm Closed Schools Today");
        assert!(index.contains("the storm closed schools"));
        assert!(index.contains("STORM"));
        assert!(!TextIndex::new("The Storm").contains("the storm"));
    }

    #[test]
    fn short_fragments_need_whole_words_in_a_row() {
        let index = TextIndex::new("homeowners pay more");
        assert!(!index.contains("home"));
        assert!(index.contains("pay more"));
        assert!(!index.contains("more pay"));
    }

    #[test]
    fn blank_and_punctuation_lines_are_not_reported() {
        let index = TextIndex::new("whatever");
        assert!(lines_absent_from("\n  \n---\n", &index).is_empty());
    }
}
