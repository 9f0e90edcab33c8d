//! Word tokens as the published benchmark scripts see them.

use once_cell::sync::Lazy;
use regex::Regex;

/// Python's `re` `\w` on `str`: letters, numbers and the underscore. The regex crate's own
/// `\w` also takes combining marks and join controls, which would split words differently
/// from the published scripts on some scripts (Devanagari vowel signs, for one).
static WORD: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("constant pattern compiles"));

/// The words of `text`: maximal runs of `\w` (letters, digits, underscore), case kept.
///
/// ```
/// use deboiler::eval::words;
/// let w: Vec<&str> = words("Don't stop—now, 2024_v2!").collect();
/// assert_eq!(w, ["Don", "t", "stop", "now", "2024_v2"]);
/// ```
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    WORD.find_iter(text).map(|m| m.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_letters_and_digits_are_word_characters() {
        let w: Vec<&str> = words("Zürich: 3½ naïve café, Ελλάδα").collect();
        assert_eq!(w, ["Zürich", "3½", "naïve", "café", "Ελλάδα"]);
    }

    #[test]
    fn punctuation_only_has_no_words() {
        assert_eq!(words(" -- !! ... ").count(), 0);
        assert_eq!(words("").count(), 0);
    }
}
