//! Matching `class` and `id` values against the word lists of
//! [`crate::rules::html_hints`], with automata compiled once.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use foldhash::{HashMap, HashMapExt};
use once_cell::sync::Lazy;
use std::cell::RefCell;

use crate::rules::html_hints::{
    ClassWord, BOILERPLATE_WORDS, CONTENT_WORDS, CONTROL_WORDS, DIALOG_WORDS,
    IGNORED_CLASS_PREFIXES, POSITIVE_WORDS, PRODUCT_PAGE_WORDS,
};
use crate::rules::Rule;

/// What a matched word is: a boilerplate word (index into the list), a content word, or
/// a positive word.
#[derive(Clone, Copy)]
enum Word {
    Boilerplate(usize),
    ProductPage(usize),
    Content,
    Positive,
}

/// One automaton over every list, so each class value is scanned once; and whether no word
/// has whitespace (see [`of_value`]).
static WORDS: Lazy<Option<(AhoCorasick, Vec<Word>, bool)>> = Lazy::new(|| {
    let mut patterns: Vec<&str> = Vec::new();
    let mut kinds = Vec::new();
    for (i, w) in BOILERPLATE_WORDS.iter().enumerate() {
        patterns.push(w.word);
        kinds.push(Word::Boilerplate(i));
    }
    for (i, w) in PRODUCT_PAGE_WORDS.iter().enumerate() {
        patterns.push(w.word);
        kinds.push(Word::ProductPage(i));
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
        // A full DFA: built once, then the fastest search on the many short names.
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .ok()?;
    let spaceless = !patterns
        .iter()
        .any(|p| p.bytes().any(|b| b.is_ascii_whitespace()));
    Some((ac, kinds, spaceless))
});

/// What an element's `class` and `id` say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ClassVerdict {
    /// The boilerplate rule of the first-listed matching word.
    pub boilerplate: Option<Rule>,
    /// A word naming a dialog over the page matched (see `DIALOG_WORDS`).
    pub dialog: bool,
    /// The rule of a word that marks boilerplate on product pages only.
    pub product_page: Option<Rule>,
    /// A content word matched (`entry-content`, `article-body`...).
    pub content: bool,
    /// A word that usually names content (`article`, `body`, `post`...): a boilerplate
    /// word next to it (`article modal-enabled`) is not trusted.
    pub positive: bool,
}

impl ClassVerdict {
    /// Adds what another attribute says, as if its words came after this one's.
    pub(crate) fn merge(&mut self, other: &ClassVerdict) {
        self.boilerplate = match (self.boilerplate, other.boilerplate) {
            (Some(a), Some(b)) if rank(b) < rank(a) => Some(b),
            (a, b) => a.or(b),
        };
        self.dialog |= other.dialog;
        self.product_page = self.product_page.or(other.product_page);
        self.content |= other.content;
        self.positive |= other.positive;
    }
}

/// Values remembered per thread: pages repeat their class values (`menu-item`, `col-md-6`)
/// across many elements.
const CACHE_ENTRIES: usize = 4096;

/// Longer values are not remembered (they are rare and seldom repeated).
const CACHE_MAX_BYTES: usize = 128;

thread_local! {
    static CACHE: RefCell<HashMap<Box<str>, ClassVerdict>> = RefCell::new(HashMap::new());
}

/// Reads one `class` or `id` value (several class names separated by whitespace).
pub(crate) fn classify(value: &str, verdict: &mut ClassVerdict) {
    let own = if value.len() > CACHE_MAX_BYTES {
        of_value(value)
    } else {
        CACHE.with(|cache| match cache.try_borrow_mut() {
            Ok(mut cache) => {
                if let Some(&known) = cache.get(value) {
                    return known;
                }
                let own = of_value(value);
                if cache.len() >= CACHE_ENTRIES {
                    cache.clear();
                }
                cache.insert(value.into(), own);
                own
            }
            Err(_) => of_value(value),
        })
    };
    // Merging gives what reading the value into `verdict` directly would: flags add up, and
    // the boilerplate rule ranked first wins (equal ranks are the same rule).
    verdict.content |= own.content;
    verdict.positive |= own.positive;
    verdict.dialog |= own.dialog;
    verdict.product_page = verdict.product_page.or(own.product_page);
    if let Some(rule) = own.boilerplate {
        if verdict.boilerplate.is_none_or(|old| rank(rule) < rank(old)) {
            verdict.boilerplate = Some(rule);
        }
    }
}

/// What one value says on its own. No word has whitespace, so a match never spans two class
/// names: one search over the whole value finds what a search per name would (the matches of
/// a name with an ignored prefix are skipped), at a fraction of the per-search cost.
fn of_value(value: &str) -> ClassVerdict {
    let mut verdict = ClassVerdict::default();
    let Some((ac, kinds, spaceless)) = WORDS.as_ref() else {
        return verdict;
    };
    if !*spaceless {
        for name in value.split_ascii_whitespace() {
            if !is_ignored(name) {
                add_matches(ac, kinds, name, &mut verdict);
            }
        }
        return verdict;
    }
    let ignored = |start: usize| {
        let bytes = value.as_bytes();
        let from = bytes[..start]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |i| i + 1);
        let to = bytes[start..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(bytes.len(), |i| start + i);
        is_ignored(&value[from..to])
    };
    let has_ignored = may_have_ignored_prefix(value);
    for m in ac.find_iter(value) {
        if has_ignored && ignored(m.start()) {
            continue;
        }
        add_match(
            kinds,
            value,
            m.pattern().as_usize(),
            m.start(),
            m.end(),
            &mut verdict,
        );
    }
    verdict
}

/// The class name starts with one of [`IGNORED_CLASS_PREFIXES`].
fn is_ignored(name: &str) -> bool {
    may_have_ignored_prefix(name)
        && IGNORED_CLASS_PREFIXES.iter().any(|p| {
            name.len() > p.len() && name.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        })
}

/// Reads every match in one class name into `verdict`.
fn add_matches(ac: &AhoCorasick, kinds: &[Word], name: &str, verdict: &mut ClassVerdict) {
    for m in ac.find_iter(name) {
        add_match(
            kinds,
            name,
            m.pattern().as_usize(),
            m.start(),
            m.end(),
            verdict,
        );
    }
}

/// Reads one match of word `pattern` at `start..end` of `hay` into `verdict`.
fn add_match(
    kinds: &[Word],
    hay: &str,
    pattern: usize,
    start: usize,
    end: usize,
    verdict: &mut ClassVerdict,
) {
    match kinds[pattern] {
        Word::Content => {
            verdict.content = true;
            verdict.positive = true;
        }
        Word::Positive => verdict.positive = true,
        Word::ProductPage(i) => {
            let word = &PRODUCT_PAGE_WORDS[i];
            if matches_at(word, hay, start, end) {
                verdict.product_page = verdict.product_page.or(Some(word.rule));
            }
        }
        Word::Boilerplate(i) => {
            let word = &BOILERPLATE_WORDS[i];
            if !matches_at(word, hay, start, end) || names_controls(word, hay, end) {
                return;
            }
            verdict.dialog |= DIALOG_WORDS.contains(&word.word);
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

/// A navigation word that names a slider's controls ("dark-nav-btns", "nav-arrows") on
/// the slider: the element is what they move through, not a menu.
fn names_controls(word: &ClassWord, hay: &str, end: usize) -> bool {
    word.rule == Rule::Navigation
        && hay.get(end..).is_some_and(|rest| {
            let rest = rest.trim_start_matches(['-', '_']);
            rest.len() < hay.len() - end
                && CONTROL_WORDS.iter().any(|w| {
                    rest.get(..w.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(w))
                })
        })
}

/// The word matches at `start..end`: anywhere, or as a whole word when it must.
fn matches_at(word: &ClassWord, hay: &str, start: usize, end: usize) -> bool {
    !word.whole || whole_word(hay, start, end)
}

/// A cheap necessary condition for an ignored prefix: when every prefix has a hyphen (read
/// from the list, so that edits keep it exact), so does the name.
fn may_have_ignored_prefix(name: &str) -> bool {
    static ALL_HYPHENATED: Lazy<bool> =
        Lazy::new(|| IGNORED_CLASS_PREFIXES.iter().all(|p| p.contains('-')));
    !*ALL_HYPHENATED || name.contains('-')
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
    fn one_search_per_value_equals_one_search_per_name() {
        let Some((ac, kinds, _)) = WORDS.as_ref() else {
            panic!("class words compile");
        };
        for value in [
            "post type-post status-publish category-sidebar tag-nav hentry",
            "mainNav  ad-slot\tsidebar-widget\ncomment-list",
            "entry-content clearfix has-sidebar is-footer",
            "navbar navigation social-share share-buttons",
            "article modal-enabled",
            "",
        ] {
            let mut by_name = ClassVerdict::default();
            for name in value.split_ascii_whitespace() {
                if !is_ignored(name) {
                    add_matches(ac, kinds, name, &mut by_name);
                }
            }
            assert_eq!(of_value(value), by_name, "{value:?}");
        }
    }

    #[test]
    fn a_sliders_control_names_do_not_make_it_a_menu() {
        assert_eq!(check("category-carousel dark-nav-btns").boilerplate, None);
        assert_eq!(check("slider nav-arrows").boilerplate, None);
        assert_eq!(check("nav-menu").boilerplate, Some(Rule::Navigation));
        assert_eq!(check("navigation").boilerplate, Some(Rule::Navigation));
        assert_eq!(check("share-buttons").boilerplate, Some(Rule::Promo));
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
