//! Matching blocks against the phrase lists of [`crate::rules::phrases`].
//!
//! Blocks are normalised once (lowercase, one kind of apostrophe, single spaces, no bullets
//! or trailing punctuation) and then compared as whole lines, by leading marker, or by a
//! contained phrase, depending on the list.

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use once_cell::sync::Lazy;
use std::collections::HashSet;

use crate::rules::phrases;

/// Blocks longer than this (in bytes) are never compared with the phrase lists: boilerplate
/// lines are short, and this keeps the cost bounded on long paragraphs.
pub(crate) const MAX_MATCH_BYTES: usize = 600;

/// The compiled phrase lists.
pub(crate) struct Lexicon {
    read_more: AhoCorasick,
    tail: AhoCorasick,
    prev_next: HashSet<&'static str>,
    comments: HashSet<&'static str>,
    advertisement: HashSet<&'static str>,
    navigation: HashSet<&'static str>,
    date_labels: HashSet<&'static str>,
    promo: AhoCorasick,
    cookie: AhoCorasick,
    mirror: AhoCorasick,
    footer: AhoCorasick,
    byline_prefixes: HashSet<&'static str>,
    /// All the phrases matched anywhere in a block (promo, cookie, mirror, footer, caption
    /// credits) in one automaton: one pass tells which lists can match at all.
    anywhere: AhoCorasick,
    /// For each pattern of `anywhere`, the lists it comes from ([`Hits`] bits).
    anywhere_lists: Vec<u8>,
    /// Longest entry of the whole-line lists, in bytes: longer lines cannot be one.
    longest_line_entry: usize,
    /// Longest date label and byline prefix, in bytes.
    longest_date_label: usize,
    longest_byline_prefix: usize,
}

/// Which phrase lists have a phrase somewhere in a block (word boundaries not checked yet).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Hits(u8);

const PROMO: u8 = 1;
const COOKIE: u8 = 2;
const MIRROR: u8 = 4;
const FOOTER: u8 = 8;
const CAPTION: u8 = 16;

/// The lists matched anywhere in a block, in the order of the [`Hits`] bits.
fn anywhere_lists() -> [(u8, Vec<&'static str>); 5] {
    [
        (PROMO, phrases::PROMO.to_vec()),
        (COOKIE, phrases::COOKIE.to_vec()),
        (MIRROR, phrases::MIRROR.to_vec()),
        (FOOTER, phrases::FOOTER.to_vec()),
        (CAPTION, caption_words()),
    ]
}

fn caption_words() -> Vec<&'static str> {
    [
        phrases::CAPTION_CREDITS,
        &["getty", "©", "courtesy", "credit"],
    ]
    .concat()
}

/// One automaton over every list matched anywhere, reporting overlapping matches, and the
/// lists each of its patterns belongs to.
fn anywhere_automaton() -> (AhoCorasick, Vec<u8>) {
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut lists: Vec<u8> = Vec::new();
    for (bit, list) in anywhere_lists() {
        for p in list {
            match patterns.iter().position(|q| *q == p) {
                Some(i) => lists[i] |= bit,
                None => {
                    patterns.push(p);
                    lists.push(bit);
                }
            }
        }
    }
    let ac = AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .unwrap_or_else(|e| panic!("phrase list does not compile: {e}"));
    (ac, lists)
}

fn longest(lists: &[&[&str]]) -> usize {
    lists
        .iter()
        .flat_map(|l| l.iter())
        .map(|p| p.len())
        .max()
        .unwrap_or(0)
}

fn automaton(patterns: &[&str], anchored: bool) -> AhoCorasick {
    // Haystacks are short lines: a full DFA without a prefilter beats the packed searchers,
    // whose setup cost dominates on a few dozen bytes.
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(if anchored {
            StartKind::Anchored
        } else {
            StartKind::Unanchored
        })
        .build(patterns)
        // The lists are constants; building from them cannot fail short of a bug in this file.
        .unwrap_or_else(|e| panic!("phrase list does not compile: {e}"))
}

pub(crate) static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    let (anywhere, anywhere_lists) = anywhere_automaton();
    let byline_prefixes: HashSet<&'static str> = phrases::BYLINE_PREFIXES
        .iter()
        .copied()
        .chain(["author", "written", "words", "story", "reported"])
        .collect();
    Lexicon {
        read_more: automaton(phrases::READ_MORE, true),
        tail: automaton(phrases::TAIL_HEADINGS, true),
        prev_next: phrases::PREV_NEXT.iter().copied().collect(),
        comments: phrases::COMMENTS.iter().copied().collect(),
        advertisement: phrases::ADVERTISEMENT.iter().copied().collect(),
        navigation: phrases::NAVIGATION.iter().copied().collect(),
        date_labels: phrases::DATE_LABELS.iter().copied().collect(),
        promo: automaton(phrases::PROMO, false),
        cookie: automaton(phrases::COOKIE, false),
        mirror: automaton(phrases::MIRROR, false),
        footer: automaton(phrases::FOOTER, false),
        longest_byline_prefix: byline_prefixes.iter().map(|p| p.len()).max().unwrap_or(0),
        byline_prefixes,
        anywhere,
        anywhere_lists,
        longest_line_entry: longest(&[
            phrases::PREV_NEXT,
            phrases::COMMENTS,
            phrases::ADVERTISEMENT,
            phrases::NAVIGATION,
        ]),
        longest_date_label: longest(&[phrases::DATE_LABELS]),
    }
});

/// Lowercases and simplifies a block for matching. Returns an empty string for long blocks.
pub(crate) fn normalise(text: &str) -> String {
    let mut buf = String::new();
    let range = normalise_into(text, &mut buf);
    buf[range].to_string()
}

/// [`normalise`] into a reused buffer: `out` is overwritten and the returned range of it is
/// the normalised text (empty for long blocks).
pub(crate) fn normalise_into(text: &str, out: &mut String) -> std::ops::Range<usize> {
    out.clear();
    if text.len() > MAX_MATCH_BYTES {
        return 0..0;
    }
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_ascii() {
            // The common case, without the Unicode tables.
            if c.is_ascii_whitespace() || c == '\u{0b}' {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            '’' | '‘' | '´' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    let trimmed = out
        .trim_start_matches(|c: char| {
            matches!(c, '*' | '•' | '·' | '-' | '–' | '—' | '>' | '»' | '#' | ' ')
        })
        .trim_end_matches(|c: char| {
            matches!(
                c,
                ':' | '：' | '.' | '…' | '»' | '›' | '>' | '|' | '-' | '–' | '—' | ' ' | '!' | '→'
            )
        });
    let start = trimmed.as_ptr() as usize - out.as_ptr() as usize;
    start..start + trimmed.len()
}

/// Strips a count from a label: "comments (12)", "12 comments", "comments 3".
fn without_count(norm: &str) -> &str {
    let s = norm
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | ' ' | '[' | ']'));
    let s = s.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | ' '));
    s.trim()
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// True when `c` may follow a leading marker: a separator, or the end of the line.
fn is_marker_separator(c: char) -> bool {
    matches!(
        c,
        ':' | '：' | '»' | '›' | '|' | '-' | '–' | '—' | '>' | '→' | '(' | '['
    )
}

fn boundary_before(hay: &str, start: usize) -> bool {
    hay[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn boundary_after(hay: &str, end: usize) -> bool {
    hay[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A phrase from `ac` occurs in `hay` on word boundaries.
fn contains(ac: &AhoCorasick, hay: &str) -> bool {
    ac.find_iter(hay)
        .any(|m| boundary_before(hay, m.start()) && boundary_after(hay, m.end()))
}

/// Longest phrase of an anchored automaton that starts `hay` and ends on a word boundary.
fn leading(ac: &AhoCorasick, hay: &str) -> Option<usize> {
    let m = ac.find(Input::new(hay).anchored(Anchored::Yes))?;
    boundary_after(hay, m.end()).then_some(m.end())
}

impl Lexicon {
    /// Which lists matched anywhere have a phrase in `norm`: one pass for all of them.
    pub(crate) fn hits(&self, norm: &str) -> Hits {
        let mut bits = 0u8;
        for m in self.anywhere.find_overlapping_iter(norm) {
            bits |= self
                .anywhere_lists
                .get(m.pattern().as_usize())
                .copied()
                .unwrap_or(0);
        }
        Hits(bits)
    }

    /// "Read more", "ALSO READ: headline", "Lesen Sie auch:": the line starts with a read-more
    /// marker followed by a separator or nothing. Returns true also for the bare marker.
    pub(crate) fn read_more(&self, norm: &str, raw: &str) -> bool {
        let Some(end) = leading(&self.read_more, norm) else {
            return false;
        };
        let rest = norm[end..].trim_start();
        if rest.is_empty() {
            return true;
        }
        // In the raw text the marker must be followed by a separator: "Read more about it
        // in the report." is a sentence, "Read more: ..." is a pointer.
        let raw_rest = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
        let raw_after: String = raw_rest.chars().skip(norm[..end].chars().count()).collect();
        raw_after
            .trim_start()
            .chars()
            .next()
            .is_some_and(is_marker_separator)
    }

    /// The whole line is a read-more marker with nothing after it ("Read more:").
    pub(crate) fn bare_read_more(&self, norm: &str) -> bool {
        leading(&self.read_more, norm).is_some_and(|end| norm[end..].trim().is_empty())
    }

    /// A heading that opens the tail of related, latest or trending stories, alone or with a
    /// short section name ("Latest from Top News").
    pub(crate) fn tail_heading(&self, norm: &str) -> bool {
        let Some(end) = leading(&self.tail, norm) else {
            return false;
        };
        let after = &norm[end..];
        let rest = after.trim_start_matches(|c: char| !c.is_alphanumeric());
        if rest.is_empty() {
            return true;
        }
        let linked = norm[..end]
            .rsplit(' ')
            .next()
            .is_some_and(|w| phrases::TAIL_LINK_WORDS.contains(&w));
        let separated = after
            .trim_start()
            .chars()
            .next()
            .is_some_and(is_marker_separator);
        // Tab labels run together: "Most Read Most Shared".
        let another = leading(&self.tail, rest).is_some_and(|e| rest[e..].trim().is_empty());
        another || (linked || separated) && words(rest) <= 4 && words(norm) <= 7
    }

    pub(crate) fn prev_next(&self, norm: &str) -> bool {
        norm.len() <= self.longest_line_entry && self.prev_next.contains(norm)
    }

    pub(crate) fn comments_label(&self, norm: &str) -> bool {
        let label = without_count(norm);
        label.len() <= self.longest_line_entry && self.comments.contains(label)
    }

    pub(crate) fn advertisement(&self, norm: &str) -> bool {
        norm.len() <= self.longest_line_entry && self.advertisement.contains(norm)
    }

    pub(crate) fn navigation(&self, norm: &str) -> bool {
        norm.len() <= self.longest_line_entry && self.navigation.contains(norm)
    }

    /// Labels only, no date: "Published: Updated:", "Veröffentlicht am".
    pub(crate) fn date_labels_only(&self, norm: &str) -> bool {
        let mut parts = norm
            .split([':', '|', '/', '•', ','])
            .map(|p| {
                p.trim()
                    .trim_end_matches(" am")
                    .trim_end_matches(" on")
                    .trim()
            })
            .filter(|p| !p.is_empty())
            .peekable();
        parts.peek().is_some()
            && parts.all(|p| p.len() <= self.longest_date_label && self.date_labels.contains(p))
    }

    #[cfg(test)]
    pub(crate) fn promo(&self, norm: &str) -> bool {
        self.promo_hit(norm, self.hits(norm))
    }

    /// [`Self::promo`] given the block's [`Hits`].
    pub(crate) fn promo_hit(&self, norm: &str, hits: Hits) -> bool {
        hits.0 & PROMO != 0 && contains(&self.promo, norm)
    }

    #[cfg(test)]
    pub(crate) fn cookie(&self, norm: &str) -> bool {
        self.cookie_hit(norm, self.hits(norm))
    }

    /// [`Self::cookie`] given the block's [`Hits`].
    pub(crate) fn cookie_hit(&self, norm: &str, hits: Hits) -> bool {
        hits.0 & COOKIE != 0 && contains(&self.cookie, norm)
    }

    #[cfg(test)]
    pub(crate) fn mirror(&self, norm: &str) -> bool {
        self.mirror_hit(norm, self.hits(norm))
    }

    /// [`Self::mirror`] given the block's [`Hits`].
    pub(crate) fn mirror_hit(&self, norm: &str, hits: Hits) -> bool {
        hits.0 & MIRROR != 0 && contains(&self.mirror, norm)
    }

    /// Any caption credit word occurs (a prefilter for the caption patterns), given the
    /// block's [`Hits`].
    pub(crate) fn caption_hit(hits: Hits) -> bool {
        hits.0 & CAPTION != 0
    }

    /// The line opens with a byline word ("by", "von", "par"...).
    pub(crate) fn byline_start(&self, norm: &str) -> bool {
        norm.split([' ', ':']).next().is_some_and(|w| {
            w.len() <= self.longest_byline_prefix && self.byline_prefixes.contains(w)
        })
    }

    #[cfg(test)]
    pub(crate) fn footer(&self, norm: &str) -> bool {
        self.footer_hit(norm, self.hits(norm))
    }

    /// [`Self::footer`] given the block's [`Hits`].
    pub(crate) fn footer_hit(&self, norm: &str, hits: Hits) -> bool {
        hits.0 & FOOTER != 0 && contains(&self.footer, norm)
            || norm.starts_with('©')
            || norm.starts_with("(c) ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalise(s)
    }

    #[test]
    fn normalises_case_apostrophes_and_trailing_punctuation() {
        assert_eq!(n("  Don’t   Miss: "), "don't miss");
        assert_eq!(n("* Read more »"), "read more");
    }

    #[test]
    fn read_more_markers_in_many_languages() {
        let lx = &*LEXICON;
        for s in [
            "Read more:",
            "ALSO READ: EU is in no hurry to recognise Taliban",
            "Lesen Sie auch: Die Lage in Kabul",
            "Lire aussi | Le retrait américain",
            "Leia também: Talibã anuncia governo",
            "Читайте также: Талибы объявили",
            "Czytaj także: Talibowie",
            "Leggi anche: I talebani",
            "相关阅读",
        ] {
            assert!(lx.read_more(&n(s), s), "{s}");
        }
        for s in [
            "Read more about the study in the journal Nature, which published it on Monday.",
            "Related parties must disclose their holdings.",
            "Watching the debate, she said nothing.",
        ] {
            assert!(!lx.read_more(&n(s), s), "{s}");
        }
    }

    #[test]
    fn tail_headings() {
        let lx = &*LEXICON;
        for s in [
            "Latest from -Top News",
            "Don't Miss",
            "Related Articles",
            "Das könnte Sie auch interessieren",
            "Najczęściej czytane",
            "Похожие статьи",
        ] {
            assert!(lx.tail_heading(&n(s)), "{s}");
        }
        for s in [
            "Latest figures show the economy grew by two percent in the third quarter of the year",
            "Popular uprisings swept the region",
        ] {
            assert!(!lx.tail_heading(&n(s)), "{s}");
        }
    }

    #[test]
    fn contained_phrases_respect_word_boundaries() {
        let lx = &*LEXICON;
        assert!(lx.promo(&n(
            "For the latest headlines, follow our Google News channel online or via the app."
        )));
        assert!(lx.promo(&n("Folgen Sie uns auf Facebook")));
        assert!(!lx.promo(&n("The ministry said it would follow ourselves closely.")));
        assert!(lx.cookie(&n("This website uses cookies to improve your experience.")));
        assert!(lx.mirror(&n(
            "Our website can also be accessed at the following alternate addresses:"
        )));
        assert!(lx.footer(&n("© 2024 Example Media. All rights reserved.")));
    }

    #[test]
    fn one_pass_finds_every_list() {
        let lx = &*LEXICON;
        for (bit, list) in anywhere_lists() {
            for phrase in list {
                let text = format!("x {phrase} y");
                assert!(lx.hits(&text).0 & bit != 0, "{phrase}");
            }
        }
        assert_eq!(lx.hits("nothing to see here").0, 0);
        assert!(Lexicon::caption_hit(lx.hits("(afp photo)")));
    }

    #[test]
    fn labels_without_dates() {
        let lx = &*LEXICON;
        assert!(lx.date_labels_only(&n("Published: Updated:")));
        assert!(lx.date_labels_only(&n("Veröffentlicht am")));
        assert!(!lx.date_labels_only(&n("Published: 2 September 2021")));
    }

    #[test]
    fn whole_line_labels() {
        let lx = &*LEXICON;
        assert!(lx.prev_next(&n("Previous Story")));
        assert!(lx.comments_label(&n("12 Comments")));
        assert!(lx.advertisement(&n("ADVERTISEMENT")));
        assert!(lx.navigation(&n("Go toTop")));
    }
}
