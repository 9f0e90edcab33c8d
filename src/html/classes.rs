//! Matching `class` and `id` values against the word lists of
//! [`crate::rules::html_hints`], with automata compiled once.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;

use crate::rules::html_hints::{
    BOILERPLATE_WORDS, CONTENT_WORDS, IGNORED_CLASS_PREFIXES, POSITIVE_WORDS,
};
use crate::rules::Rule;

/// What a matched word is: a boilerplate word (index into the list), a content word, or
/// a positive word.
#[derive(Clone, Copy)]
enum Word {
    Boilerplate(usize),
    Content,
    Positive,
}

/// One automaton over every list, so each class name is scanned once.
static WORDS: Lazy<Option<(AhoCorasick, Vec<Word>)>> = Lazy::new(|| {
    let mut patterns: Vec<&str> = Vec::new();
    let mut kinds = Vec::new();
    for (i, w) in BOILERPLATE_WORDS.iter().enumerate() {
        patterns.push(w.word);
        kinds.push(Word::Boilerplate(i));
    }
    for w in CONTENT_WORDS {
        patterns.push(w);
        kinds.push(Word::Content);
    }
    for w in POSITIVE_WORDS {
        patterns.push(w);
        kinds.push(Word::Positive);
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .ok()?;
    Some((ac, kinds))
});

/// What an element's `class` and `id` say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ClassVerdict {
    /// The boilerplate rule of the first-listed matching word.
    pub boilerplate: Option<Rule>,
    /// A content word matched (`entry-content`, `article-body`...).
    pub content: bool,
    /// A word that usually names content (`article`, `body`, `post`...): a boilerplate
    /// word next to it (`article modal-enabled`) is not trusted.
    pub positive: bool,
}

/// Reads one `class` or `id` value (several class names separated by whitespace).
pub(crate) fn classify(value: &str, verdict: &mut ClassVerdict) {
    for name in value.split_ascii_whitespace() {
        if IGNORED_CLASS_PREFIXES.iter().any(|p| {
            name.len() > p.len() && name.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        }) {
            continue;
        }
        let Some((ac, kinds)) = WORDS.as_ref() else {
            return;
        };
        for m in ac.find_iter(name) {
            match kinds[m.pattern().as_usize()] {
                Word::Content => {
                    verdict.content = true;
                    verdict.positive = true;
                }
                Word::Positive => verdict.positive = true,
                Word::Boilerplate(i) => {
                    let word = &BOILERPLATE_WORDS[i];
                    if word.whole && !whole_word(name, m.start(), m.end()) {
                        continue;
                    }
                    let better = match verdict.boilerplate {
                        None => true,
                        Some(rule) => rank(word.rule) < rank(rule),
                    };
                    if better {
                        verdict.boilerplate = Some(word.rule);
                    }
                }
            }
        }
    }
}

/// Position of a rule's first word in the list: earlier words win.
fn rank(rule: Rule) -> usize {
    BOILERPLATE_WORDS
        .iter()
        .position(|w| w.rule == rule)
        .unwrap_or(usize::MAX)
}

/// The match is bounded by non-alphanumeric characters, or by a case change
/// (`adSlot`, `mainNav`).
fn whole_word(s: &str, start: usize, end: usize) -> bool {
    let bytes = s.as_bytes();
    let before_ok = start == 0 || {
        let b = bytes[start - 1];
        !b.is_ascii_alphanumeric() || (b.is_ascii_lowercase() && bytes[start].is_ascii_uppercase())
    };
    let after_ok = end >= bytes.len() || {
        let a = bytes[end];
        !a.is_ascii_alphanumeric()
            || (a.is_ascii_uppercase() && bytes[end - 1].is_ascii_lowercase())
    };
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: &str) -> ClassVerdict {
        let mut v = ClassVerdict::default();
        classify(value, &mut v);
        v
    }

    #[test]
    fn short_words_need_boundaries() {
        assert_eq!(check("header shadow").boilerplate, None);
        assert_eq!(check("ad-slot").boilerplate, Some(Rule::Advertisement));
        assert_eq!(check("mainNav").boilerplate, Some(Rule::Navigation));
        assert_eq!(check("canvas").boilerplate, None);
    }

    #[test]
    fn content_and_ignored_prefixes() {
        assert!(check("entry-content clearfix").content);
        assert_eq!(check("post tag-social category-sidebar").boilerplate, None);
        assert_eq!(
            check("comment-list sidebar").boilerplate,
            Some(Rule::Comments)
        );
    }
}
