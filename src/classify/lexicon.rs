//! Matching blocks against the phrase lists of [`crate::rules::phrases`].
//!
//! Blocks are normalised once (lowercase, one kind of apostrophe, single spaces, no bullets
//! or trailing punctuation) and then compared as whole lines, by leading marker, or by a
//! contained phrase, depending on the list.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind};
use once_cell::sync::Lazy;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use super::features::{decode_at, is_alphanumeric, is_whitespace, trim};
use super::swar;
use crate::rules::phrases;

/// Blocks longer than this (in bytes) are never compared with the phrase lists: boilerplate
/// lines are short, and this keeps the cost bounded on long paragraphs.
pub(crate) const MAX_MATCH_BYTES: usize = 600;

/// The compiled phrase lists.
pub(crate) struct Lexicon {
    read_more: Leading,
    tail: Leading,
    prev_next: PhraseSet,
    comments: PhraseSet,
    /// First bytes and lengths of [`Self::comments`]: most labels are ruled out without a hash.
    comment_shapes: Shapes,
    advertisement: PhraseSet,
    navigation: PhraseSet,
    date_labels: PhraseSet,
    promo: AhoCorasick,
    cookie: AhoCorasick,
    mirror: AhoCorasick,
    footer: AhoCorasick,
    caption_hint: AhoCorasick,
    byline_prefixes: PhraseSet,
    /// The words a share bar is made of (see [`Lexicon::share_bar`]).
    share_bar_words: PhraseSet,
    /// For each hashed word, the lists with a phrase whose key word hashes the same (see
    /// [`Hits`]).
    key_words: KeyWords,
    /// Lists with a phrase that has no word: never skipped.
    always: u32,
    /// Longest entry of the whole-line lists, in bytes: longer lines cannot be one.
    longest_line_entry: usize,
    /// Longest date label and byline prefix, in bytes.
    longest_date_label: usize,
    longest_byline_prefix: usize,
}

/// A whole-line phrase list, hashed with FNV-1a: lookups of short keys cost a fraction of the
/// default SipHash, and the keys are the crate's own phrases.
type PhraseSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// FNV-1a as a [`Hasher`].
struct Fnv(u32);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(FNV_OFFSET)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes.iter().fold(self.0, |h, &b| fnv_step(h, b));
    }

    fn finish(&self) -> u64 {
        // Spread to the top bits too: the table reads its tag bytes from there.
        u64::from(self.0).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// The first bytes and lengths of a whole-line phrase list: for each first byte, one bit per
/// length (up to 63 bytes; longer phrases mark bit 63, "any length from 63 on").
struct Shapes(Box<[u64; 256]>);

impl Shapes {
    fn of(phrases: &[&str]) -> Self {
        let mut table = Box::new([0u64; 256]);
        for p in phrases {
            if let Some(&first) = p.as_bytes().first() {
                table[usize::from(first)] |= 1 << p.len().min(63);
            }
        }
        Shapes(table)
    }

    /// Whether some phrase has the first byte and the length of `s` (a necessary condition
    /// for `s` to be one of them).
    fn may_hold(&self, s: &str) -> bool {
        s.as_bytes()
            .first()
            .is_some_and(|&first| self.0[usize::from(first)] >> s.len().min(63) & 1 != 0)
    }
}

/// Which phrase lists may match a block, from one pass over its words.
///
/// Every check of a list below needs a phrase at word boundaries: a whole line, a leading
/// marker, a contained phrase or a label between separators. Each word of such a phrase (a
/// maximal run of alphanumeric characters) is then a whole word of the block too. So when
/// no word of the block hashes like the key word of some phrase of a list, that list cannot
/// match and its check is skipped. A phrase without a word flags its list always.
///
/// The lists whose phrases must open the block (the leading markers of [`FIRST_WORD_LISTS`])
/// are also tracked by first word, in the upper 16 bits: a leading phrase that opens with a
/// word opens the block with that same word (the normalised text before it, if any, is
/// trimmed punctuation, and a match must end on a word boundary), so when the block's first
/// word is the first word of no phrase of the list, the list cannot match. A phrase that does
/// not open with a word flags its list always.
///
/// The contained-phrase lists of [`SECOND_KEY_LISTS`] are tracked by a second key word too,
/// in the same upper bits: the phrase's next-rarest word, or its key word again when it has
/// no other that is not a common word. A phrase that matches holds both as whole words, so
/// both bits are set.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Hits(u32);

/// The lists tracked by first word as well (see [`Hits`]): the leading markers.
const FIRST_WORD_LISTS: u16 = List::ReadMore as u16 | List::Tail as u16;

/// The lists tracked by a second key word as well (see [`Hits`]): the promo phrases, whose
/// key words ("newsletter", "follow", "app") also occur in prose.
const SECOND_KEY_LISTS: u16 = List::Promo as u16 | List::PromoShort as u16;

// (The two share the upper bits of an entry: no list may be in both.)
const _: () = assert!(FIRST_WORD_LISTS & SECOND_KEY_LISTS == 0);

/// Where a key-word entry and [`Hits`] hold the first-word and second-key bits of the lists.
const FIRST_SHIFT: u32 = 16;

/// The lists [`Hits`] tracks, one bit each.
#[derive(Debug, Clone, Copy)]
pub(crate) enum List {
    ReadMore = 1,
    Tail = 2,
    PrevNext = 4,
    Advertisement = 8,
    Navigation = 16,
    DateLabels = 32,
    Promo = 64,
    Cookie = 128,
    Mirror = 256,
    Footer = 512,
    Byline = 1024,
    /// The word "contributed" of the wire credits (see `cues::may_be_credit`).
    Credit = 2048,
    /// The weak promo phrases (`PROMO_SHORT_ONLY`), which count only in short blocks: a
    /// list of their own, so that longer blocks with only their words skip the promo check.
    PromoShort = 4096,
    /// The networks of a share bar (`SHARE_NETWORKS`).
    ShareBar = 8192,
    /// News agencies and caption words (`NEWS_AGENCIES`, `BARE_CREDIT_WORDS`): a
    /// bare credit or source line holds one of them.
    SourceCredit = 16384,
}

impl Hits {
    /// The list may match: run its check.
    pub(crate) fn may(self, list: List) -> bool {
        self.0 & list as u32 != 0
    }

    /// The list may match by the block's first word too (for the [`FIRST_WORD_LISTS`]; always
    /// true for the others): run its check.
    pub(crate) fn may_open(self, list: List) -> bool {
        self.may(list)
            && (FIRST_WORD_LISTS & list as u16 == 0 || self.0 & (list as u32) << FIRST_SHIFT != 0)
    }

    /// The list may match by both of its key words (for the [`SECOND_KEY_LISTS`]; by the
    /// first alone for the others): run its check.
    pub(crate) fn may_both(self, list: List) -> bool {
        self.may(list)
            && (SECOND_KEY_LISTS & list as u16 == 0 || self.0 & (list as u32) << FIRST_SHIFT != 0)
    }
}

/// Words in the longest share bar ("Share on Facebook Share on X Share on LinkedIn Email").
const MAX_SHARE_BAR_WORDS: usize = 16;

/// Number of slots of the key-word table (a power of two, 64 KiB): a few thousand key
/// words leave most slots empty, so probes are short.
const KEY_SLOTS: usize = 1 << 13;

/// Frequent words never chosen as a phrase's key word when it has another: they would
/// flag the phrase's list on most lines of prose.
const COMMON_WORDS: &[&str] = &[
    "with", "from", "your", "that", "this", "have", "more", "about", "the", "our", "for", "and",
    "you", "all", "get", "new", "out", "now", "here", "what", "of", "to", "in", "on", "us", "up",
    "by", "at", "is", "it", "a",
];

/// The key-word hash of a word's bytes (see [`key_step`]).
fn word_hash(word: &[u8]) -> u32 {
    word.iter().fold(FNV_OFFSET, |h, &b| key_step(h, b))
}

/// One byte of a key-word hash: a rotate and an XOR, two instructions with a one-cycle
/// dependency each (FNV's multiply makes three cycles per byte in the word loop). The table
/// mixes the hash with a multiply once per word (see `KeyWords::first_slot`) and compares the
/// whole hash, so a poorer spread only costs a rare needless check, never a missed one.
fn key_step(hash: u32, byte: u8) -> u32 {
    hash.rotate_left(5) ^ u32::from(byte)
}

const FNV_OFFSET: u32 = 0x811c_9dc5;

fn fnv_step(hash: u32, byte: u8) -> u32 {
    (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
}

/// The key words of the phrase lists by hash, with the lists each one marks: open
/// addressing, the full hash kept so that a word of prose matches only its own entry. A
/// bit filter in front (one bit per value of some bits of the hash, 4 KiB) answers "no key
/// word" for most words of prose without touching the 64 KiB table.
pub(crate) struct KeyWords {
    /// A fixed size, so that masked indices need no bounds check.
    /// The hash and the lists (with the first-word lists above [`FIRST_SHIFT`]) of each key word.
    slots: Box<[(u32, u32); KEY_SLOTS]>,
    filter: Box<[u64; FILTER_WORDS]>,
}

/// Words of the filter in front of the key-word table (a power of two).
const FILTER_WORDS: usize = 1 << 9;

impl KeyWords {
    fn new() -> Self {
        KeyWords {
            slots: Box::new([(0, 0); KEY_SLOTS]),
            filter: Box::new([0; FILTER_WORDS]),
        }
    }

    fn first_slot(hash: u32) -> usize {
        // Fibonacci hashing: the top bits of a multiply mix every input bit.
        (hash.wrapping_mul(0x9e37_79b1) >> (32 - KEY_SLOTS.trailing_zeros())) as usize
    }

    /// The filter word and bit of a hash: the bits of the multiply just below those of
    /// [`Self::first_slot`].
    #[inline(always)]
    fn filter_bit(hash: u32) -> (usize, u64) {
        let mixed = hash.wrapping_mul(0x9e37_79b1);
        (
            (mixed >> 10) as usize & (FILTER_WORDS - 1),
            1 << (mixed >> 4 & 63),
        )
    }

    fn insert(&mut self, hash: u32, lists: u32) {
        let (word, bit) = Self::filter_bit(hash);
        self.filter[word] |= bit;
        let mut i = Self::first_slot(hash);
        // Entries have at least one list bit (key word or first word), so `0` marks a free
        // slot; the table is far
        // from full, so a free slot or this hash's entry is always found.
        for _ in 0..KEY_SLOTS {
            let slot = &mut self.slots[i];
            if slot.1 == 0 || slot.0 == hash {
                *slot = (hash, slot.1 | lists);
                return;
            }
            i = (i + 1) & (KEY_SLOTS - 1);
        }
    }

    /// The lists marked by the key word with this hash (0 when none).
    #[inline(always)]
    fn get(&self, hash: u32) -> u32 {
        let (word, bit) = Self::filter_bit(hash);
        // Every inserted hash set its bit: a clear bit means no entry.
        if self.filter[word] & bit == 0 {
            return 0;
        }
        self.probe(hash)
    }

    /// The lists of this hash from the table itself (what [`Self::get`] answers).
    fn probe(&self, hash: u32) -> u32 {
        let mut i = Self::first_slot(hash);
        for _ in 0..KEY_SLOTS {
            let (h, lists) = self.slots[i];
            if lists == 0 || h == hash {
                return lists;
            }
            i = (i + 1) & (KEY_SLOTS - 1);
        }
        0
    }
}

/// The alphanumeric runs of `s` (its words in the sense of [`Hits`]), calling `f` with each.
fn for_each_word<'a>(s: &'a str, mut f: impl FnMut(&'a [u8])) {
    let bytes = s.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let (alnum, len) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            match s[i..].chars().next() {
                Some(c) => (is_alphanumeric(c), c.len_utf8()),
                None => break,
            }
        };
        match (alnum, start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                f(&bytes[from..i]);
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(from) = start {
        f(&bytes[from..]);
    }
}

/// The key-word table: for each phrase, one of its words marks the phrase's list in that
/// word's slot; which word does not matter for correctness, only for how often lists are
/// checked for nothing.
///
/// The phrases of the [`FIRST_WORD_LISTS`] also mark their lists (above [`FIRST_SHIFT`]) in
/// their first word's slot, or always when they do not open with a word.
fn key_words(lists: &[(List, &[&str])]) -> (KeyWords, u32) {
    let mut table = KeyWords::new();
    let mut always = 0u32;
    for (list, phrases) in lists {
        for phrase in phrases.iter() {
            // The longest word, preferring uncommon ones (the rarest, as a rule).
            let rank = |w: &[u8]| (!COMMON_WORDS.iter().any(|c| c.as_bytes() == w), w.len());
            let mut key: Option<&[u8]> = None;
            for_each_word(phrase, |w| {
                if key.is_none_or(|k| rank(w) > rank(k)) {
                    key = Some(w);
                }
            });
            match key {
                Some(k) => table.insert(word_hash(k), *list as u32),
                None => always |= *list as u32,
            }
            if SECOND_KEY_LISTS & *list as u16 != 0 {
                let second_bit = (*list as u32) << FIRST_SHIFT;
                let mut second: Option<&[u8]> = None;
                // Not a common word: every line of prose would look it up in the table.
                for_each_word(phrase, |w| {
                    if Some(w) != key && rank(w).0 && second.is_none_or(|k| rank(w) > rank(k)) {
                        second = Some(w);
                    }
                });
                match second.or(key) {
                    Some(w) => table.insert(word_hash(w), second_bit),
                    None => always |= second_bit,
                }
            }
            if FIRST_WORD_LISTS & *list as u16 != 0 {
                let first = (*list as u32) << FIRST_SHIFT;
                let mut opening: Option<&[u8]> = None;
                for_each_word(phrase, |w| {
                    opening = opening.or(Some(w));
                });
                // The first word must open the phrase itself.
                match opening.filter(|w| w.as_ptr() == phrase.as_ptr()) {
                    Some(w) => table.insert(word_hash(w), first),
                    None => always |= first,
                }
            }
        }
    }
    (table, always)
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
    let byline_prefixes: Vec<&'static str> = phrases::BYLINE_PREFIXES
        .iter()
        .copied()
        .chain(BYLINE_WORDS.iter().copied())
        .collect();
    let (key_words, always) = key_words(&[
        (List::ReadMore, phrases::READ_MORE),
        (List::Tail, phrases::TAIL_HEADINGS),
        (List::PrevNext, phrases::PREV_NEXT),
        (List::Advertisement, phrases::ADVERTISEMENT),
        (List::Navigation, phrases::NAVIGATION),
        (List::DateLabels, phrases::DATE_LABELS),
        (List::Promo, phrases::PROMO),
        (List::PromoShort, phrases::PROMO_SHORT_ONLY),
        (List::Cookie, phrases::COOKIE),
        (List::Mirror, phrases::MIRROR),
        (List::Footer, phrases::FOOTER),
        (List::Byline, &byline_prefixes),
        // The words before the name on a dated byline ("... 2026 by Sabine"): any of them
        // lets `meta::dated_byline` run.
        (List::Byline, phrases::DATED_BYLINE_WORDS),
        (List::Credit, &["contributed"]),
        (List::ShareBar, phrases::SHARE_NETWORKS),
        (List::SourceCredit, phrases::NEWS_AGENCIES),
        (List::SourceCredit, phrases::BARE_CREDIT_WORDS),
    ]);
    Lexicon {
        read_more: Leading::new(phrases::READ_MORE),
        tail: Leading::new(phrases::TAIL_HEADINGS),
        prev_next: phrases::PREV_NEXT.iter().copied().collect(),
        comments: phrases::COMMENTS.iter().copied().collect(),
        comment_shapes: Shapes::of(phrases::COMMENTS),
        advertisement: phrases::ADVERTISEMENT.iter().copied().collect(),
        navigation: phrases::NAVIGATION.iter().copied().collect(),
        date_labels: phrases::DATE_LABELS.iter().copied().collect(),
        promo: automaton(&[phrases::PROMO, phrases::PROMO_SHORT_ONLY].concat(), false),
        cookie: automaton(phrases::COOKIE, false),
        mirror: automaton(phrases::MIRROR, false),
        footer: automaton(phrases::FOOTER, false),
        // Unlike the lists above, run on most lines and on long ones (no word gate): a
        // prefilter skips to the bytes a credit word can start with.
        caption_hint: AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(true)
            .build(
                [
                    phrases::CAPTION_CREDITS,
                    &["getty", "©", "courtesy", "credit"],
                    // News agencies, credited after a slash ("JEAN DUPONT / AFP").
                    &[
                        "afp", "reuters", "epa", "dpa", "pap", "ansa", "efe", "anp", "belga",
                        "apa", "imago", "sipa", "abaca", "keystone", "xinhua", "tass",
                    ],
                ]
                .concat(),
            )
            .unwrap_or_else(|e| panic!("phrase list does not compile: {e}")),
        longest_byline_prefix: longest(&[&byline_prefixes]),
        byline_prefixes: byline_prefixes.into_iter().collect(),
        share_bar_words: phrases::SHARE_NETWORKS
            .iter()
            .chain(phrases::SHARE_BAR_WORDS)
            .flat_map(|w| w.split('-'))
            .collect(),
        key_words,
        always,
        longest_line_entry: longest(&[
            phrases::PREV_NEXT,
            phrases::COMMENTS,
            phrases::ADVERTISEMENT,
            phrases::NAVIGATION,
        ]),
        longest_date_label: longest(&[phrases::DATE_LABELS]),
    }
});

/// Words that open a byline besides [`phrases::BYLINE_PREFIXES`].
const BYLINE_WORDS: &[&str] = &["author", "written", "words", "story", "reported"];

/// Lowercases and simplifies a block for matching. Returns an empty string for long blocks.
pub(crate) fn normalise(text: &str) -> String {
    let mut buf = String::new();
    normalise_in(text, &mut buf).to_string()
}

/// [`normalise`] into a buffer reused from call to call.
pub(crate) fn normalise_in<'b>(text: &str, buf: &'b mut String) -> &'b str {
    let (range, _) = normalise_words(text, buf, None, false);
    &buf[range]
}

/// The normalised text before its trims (for tests).
#[cfg(test)]
pub(crate) fn normalise_untrimmed(text: &str) -> String {
    let mut buf = String::new();
    normalise_words(text, &mut buf, None, false);
    buf
}

/// Whether writing the ASCII `run` only lowercases it: no control byte, tab or line break,
/// no backtick, and no space after a space (or, when `after_space`, at its start).
fn only_lowercases(run: &[u8], after_space: bool) -> bool {
    let mut prev_space = after_space;
    let mut i = 0;
    // Eight bytes per test.
    while let Some(&eight) = run.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(eight);
        let spaces = swar::eq(x, b' ');
        let space_before = (spaces << 8) | u64::from(prev_space) << 7;
        if swar::below(x, 0x20) | swar::eq(x, b'`') | (spaces & space_before) != 0 {
            return false;
        }
        prev_space = spaces >> 63 != 0;
        i += 8;
    }
    for &b in &run[i..] {
        if b < 0x20 || b == b'`' || (b == b' ' && prev_space) {
            return false;
        }
        prev_space = b == b' ';
    }
    true
}

/// Writes a run of ASCII text to the normalised text `out` as the character loop of
/// [`normalise_words`] would, given whether a space is pending before it; returns whether one
/// is pending after it. Written as `str` pieces and lowercased in place, so that `out` never
/// needs a UTF-8 check: most runs are copied whole.
fn push_ascii_run(run: &str, out: &mut String, pending_space: bool) -> bool {
    if pending_space {
        out.push(' ');
    }
    // A space just written, or nothing written at all: further whitespace is dropped.
    let mut after_space = pending_space || out.is_empty();
    let bytes = run.as_bytes();
    let from = out.len();
    if only_lowercases(bytes, after_space) {
        out.push_str(run);
        after_space = bytes.last() == Some(&b' ');
    } else {
        // Pieces between whitespace, backticks written as apostrophes, one space between.
        let mut i = 0;
        while i < bytes.len() {
            if matches!(bytes[i], b'\t'..=b'\r' | b' ') {
                if !after_space {
                    out.push(' ');
                }
                after_space = true;
                i += 1;
                continue;
            }
            let end = bytes[i..]
                .iter()
                .position(|&b| matches!(b, b'\t'..=b'\r' | b' ' | b'`'))
                .map_or(bytes.len(), |n| i + n);
            // Cut at ASCII bytes: character boundaries.
            out.push_str(run.get(i..end).unwrap_or_default());
            if bytes.get(end) == Some(&b'`') {
                out.push('\'');
                i = end + 1;
            } else {
                i = end;
            }
            after_space = false;
        }
    }
    if let Some(written) = out.get_mut(from..) {
        written.make_ascii_lowercase();
    }
    // A trailing space becomes pending again: written only before a next character.
    let pending = after_space && out.ends_with(' ');
    if pending {
        out.pop();
    }
    pending
}

/// End of the run of ASCII bytes that starts at `i`: eight bytes per test.
fn ascii_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(eight) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        if u64::from_le_bytes(*eight) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii) {
        i += 1;
    }
    i
}

/// `u8::is_ascii_alphanumeric` for every byte value (false for the bytes of non-ASCII
/// characters).
const WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The word pass of [`Hits`] run on the normalised text as it is written: the key-word hash of
/// each maximal run of alphanumeric characters, looked up in the key-word table when the run
/// ends. The same words as a pass over the finished text, without decoding its non-ASCII
/// characters a second time.
struct WordPass<'t> {
    table: &'t KeyWords,
    hash: u32,
    in_word: bool,
    bits: u32,
    /// What of a word's entry counts: all of it for the first word, the key-word lists (not
    /// the first-word ones) after it.
    keep: u32,
}

/// [`WordPass::keep`] after the first word: the key-word lists and the second key words.
const KEY_LISTS: u32 = ((1 << FIRST_SHIFT) - 1) | ((SECOND_KEY_LISTS as u32) << FIRST_SHIFT);

impl<'t> WordPass<'t> {
    fn new(table: &'t KeyWords) -> Self {
        WordPass {
            table,
            hash: FNV_OFFSET,
            in_word: false,
            bits: 0,
            keep: u32::MAX,
        }
    }

    /// ASCII bytes as written (lowercase), 64 at a time without a branch per byte: each
    /// byte steps the hash (a letter or digit) or resets it to the FNV offset (any other
    /// byte), the hash after every byte is stored, and a mask of the letters and digits
    /// then gives the word ends, whose hashes are looked up in one loop. (A branch per byte
    /// mispredicts at nearly every word end.) Between words `hash` is back at the FNV offset.
    fn ascii(&mut self, written: &[u8]) {
        // Short texts (most lines) with a smaller array of hashes to clear.
        if written.len() < 16 {
            self.ascii_blocks::<16>(written);
        } else {
            self.ascii_blocks::<64>(written);
        }
    }

    /// [`Self::ascii`] in blocks of `N - 1` bytes (`N` at most 64, the bits of the mask).
    #[inline(always)]
    fn ascii_blocks<const N: usize>(&mut self, written: &[u8]) {
        let (table, mut hash, mut in_word, mut bits, mut keep) =
            (self.table, self.hash, self.in_word, self.bits, self.keep);
        // `hashes[i]`: the hash after the block's first `i` bytes (`hashes[0]` the one
        // carried in). Cleared once: a block reads only the slots it wrote.
        let mut hashes = [0u32; N];
        for block in written.chunks(N - 1) {
            hashes[0] = hash;
            let mut mask = 0u64;
            for ((slot, &b), i) in hashes[1..].iter_mut().zip(block).zip(0..) {
                let word = WORD_BYTE[usize::from(b)];
                hash = if word { key_step(hash, b) } else { FNV_OFFSET };
                *slot = hash;
                mask |= u64::from(word) << i;
            }
            // A word ends at a byte that is not a letter or digit after one that is.
            let valid = u64::MAX >> (64 - block.len());
            let mut ends = !mask & (mask << 1 | u64::from(in_word)) & valid;
            while ends != 0 {
                let i = ends.trailing_zeros() as usize;
                ends &= ends - 1;
                if let Some(&h) = hashes.get(i) {
                    bits |= table.get(h) & keep;
                    keep = KEY_LISTS;
                }
            }
            in_word = mask >> (block.len() - 1) & 1 != 0;
        }
        (self.hash, self.in_word, self.bits, self.keep) = (hash, in_word, bits, keep);
    }

    /// One non-ASCII character as written.
    fn char(&mut self, c: char, encoded: &[u8]) {
        if is_alphanumeric(c) {
            self.hash = encoded.iter().fold(self.hash, |h, &b| key_step(h, b));
            self.in_word = true;
        } else {
            self.end();
        }
    }

    /// A character that is not alphanumeric (or whitespace, written or not) ends the word.
    fn end(&mut self) {
        if self.in_word {
            self.bits |= self.table.get(self.hash) & self.keep;
            self.keep = KEY_LISTS;
            self.hash = FNV_OFFSET;
            self.in_word = false;
        }
    }
}

/// Lowercase forms of the characters below U+3000 that lowercase to a single character
/// below U+FFFF, built once from the standard library's own answers (`u16::MAX` for the
/// others, which go through `char::to_lowercase`): the same results without a table search
/// per character.
static LOWER_BELOW_CJK: Lazy<Vec<u16>> = Lazy::new(|| {
    (0..0x3000u32)
        .map(|u| {
            let Some(c) = char::from_u32(u) else {
                return u16::MAX;
            };
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => u16::try_from(u32::from(l))
                    .ok()
                    .filter(|&l| l != u16::MAX)
                    .unwrap_or(u16::MAX),
                _ => u16::MAX,
            }
        })
        .collect()
});

/// For each character below U+3000, what the character loop of [`normalise_words`] does
/// with it, built once from the same tests: its single-character lowercase form
/// ([`NORM_CHAR`] bits) and whether that is alphanumeric, whether the character is
/// whitespace or an apostrophe written as `'`; [`NORM_SLOW`] for the few whose lowercase
/// form is not one character (and for ASCII, never looked up), left to that loop.
static NON_ASCII_NORM: Lazy<Vec<u32>> = Lazy::new(|| {
    (0..0x3000u32)
        .map(|u| {
            let Some(c) = char::from_u32(u).filter(|c| !c.is_ascii()) else {
                return NORM_SLOW;
            };
            if is_whitespace(c) {
                return NORM_SPACE;
            }
            if matches!(c, '’' | '‘' | '´') {
                return NORM_APOSTROPHE;
            }
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => u32::from(l) | if is_alphanumeric(l) { NORM_ALNUM } else { 0 },
                _ => NORM_SLOW,
            }
        })
        .collect()
});

/// The fields of a [`NON_ASCII_NORM`] entry.
const NORM_CHAR: u32 = 0x1f_ffff;
const NORM_SPACE: u32 = 1 << 21;
const NORM_APOSTROPHE: u32 = 1 << 22;
const NORM_SLOW: u32 = 1 << 23;
const NORM_ALNUM: u32 = 1 << 24;

/// Writes the lowercase form of the non-ASCII character `c` to `out`, telling `words`.
fn push_lowercase(c: char, out: &mut String, words: &mut Option<WordPass>) {
    let single = LOWER_BELOW_CJK
        .get(c as usize)
        .filter(|&&l| l != u16::MAX)
        .and_then(|&l| char::from_u32(u32::from(l)));
    let mut write = |lower: char| {
        let at = out.len();
        out.push(lower);
        if let Some(words) = words.as_mut() {
            words.char(lower, out.as_bytes().get(at..).unwrap_or_default());
        }
    };
    match single {
        Some(lower) => write(lower),
        None => c.to_lowercase().for_each(write),
    }
}

/// Lowercases and simplifies a block for matching into `out` (overwritten), returning the
/// range of `out` that is the result (empty for long blocks) and, given the key-word table,
/// the key-word bits of its words (0 without it).
fn normalise_words(
    text: &str,
    out: &mut String,
    table: Option<&KeyWords>,
    lowercase_only: bool,
) -> (std::ops::Range<usize>, u32) {
    // Written as `str` pieces and characters: valid UTF-8 by construction; the buffer's
    // allocation is reused.
    out.clear();
    if text.len() > MAX_MATCH_BYTES {
        return (0..0, 0);
    }
    out.reserve(text.len());
    // The words of the whole text written (before the trims below), hashed as written.
    let mut words = table.map(WordPass::new);
    if lowercase_only {
        // What the loop below makes of such a text (see `Stats::lowercase_only`): one ASCII
        // run, copied and lowercased; a trailing space is dropped (it stays pending).
        out.push_str(text);
        out.make_ascii_lowercase();
        if out.ends_with(' ') {
            out.pop();
        }
        let bits = words.map_or(0, |mut words| {
            words.ascii(out.as_bytes());
            words.end();
            words.bits
        });
        return (trimmed(out), bits);
    }
    let mut pending_space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            if bytes[i] == b' ' && !bytes.get(i + 1).is_some_and(u8::is_ascii) {
                // A lone space between non-ASCII characters (between the words of Cyrillic
                // or Greek text): what `push_ascii_run` makes of it, without its set-up.
                pending_space = !out.is_empty();
                end_word(&mut words);
                i += 1;
                continue;
            }
            // The common case, without the Unicode tables: the whole ASCII run at once.
            let end = ascii_run_end(bytes, i);
            let from = out.len();
            pending_space =
                push_ascii_run(text.get(i..end).unwrap_or_default(), out, pending_space);
            if let Some(words) = words.as_mut() {
                words.ascii(out.as_bytes().get(from..).unwrap_or_default());
                if pending_space {
                    words.end();
                }
            }
            i = end;
            continue;
        }
        let Some((code, len)) = decode_at(text, i) else {
            break;
        };
        i += len;
        // Below U+3000, one table entry says all the character loop below asks.
        if let Some(&entry) = NON_ASCII_NORM.get(code as usize) {
            if entry & NORM_SLOW == 0 {
                if entry & NORM_SPACE != 0 {
                    pending_space = !out.is_empty();
                    end_word(&mut words);
                    continue;
                }
                write_pending_space(out, &mut pending_space);
                if entry & NORM_APOSTROPHE != 0 {
                    out.push('\'');
                    end_word(&mut words);
                    continue;
                }
                if let Some(lower) = char::from_u32(entry & NORM_CHAR) {
                    out.push(lower);
                    if let Some(words) = words.as_mut() {
                        if entry & NORM_ALNUM != 0 {
                            let mut utf8 = [0; 4];
                            let encoded = lower.encode_utf8(&mut utf8).as_bytes();
                            words.hash = encoded.iter().fold(words.hash, |h, &b| key_step(h, b));
                            words.in_word = true;
                        } else {
                            words.end();
                        }
                    }
                    continue;
                }
            }
        }
        let Some(c) = char::from_u32(code) else {
            break;
        };
        if is_whitespace(c) {
            pending_space = !out.is_empty();
            end_word(&mut words);
            continue;
        }
        write_pending_space(out, &mut pending_space);
        match c {
            '’' | '‘' | '´' => {
                out.push('\'');
                end_word(&mut words);
            }
            _ => push_lowercase(c, out, &mut words),
        }
    }
    let bits = words.map_or(0, |mut words| {
        words.end();
        words.bits
    });
    (trimmed(out), bits)
}

/// Writes the space that whitespace before this character left pending.
#[inline(always)]
fn write_pending_space(out: &mut String, pending_space: &mut bool) {
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
}

/// Ends the word being hashed, if words are being hashed.
#[inline(always)]
fn end_word(words: &mut Option<WordPass<'_>>) {
    if let Some(words) = words.as_mut() {
        words.end();
    }
}

/// The range of `norm` without its leading bullets and trailing punctuation. Most lines
/// start and end with an ASCII byte that is trimmed at neither end: no search then.
fn trimmed(norm: &str) -> std::ops::Range<usize> {
    let bytes = norm.as_bytes();
    let keeps_start = bytes
        .first()
        .is_none_or(|&b| b.is_ascii() && !matches!(b, b'*' | b'-' | b'>' | b'#' | b' '));
    let keeps_end = bytes.last().is_none_or(|&b| {
        b.is_ascii() && !matches!(b, b':' | b'.' | b'>' | b'|' | b'-' | b' ' | b'!')
    });
    if keeps_start && keeps_end {
        return 0..norm.len();
    }
    let trimmed = norm
        .trim_start_matches(|c: char| {
            matches!(c, '*' | '•' | '·' | '-' | '–' | '—' | '>' | '»' | '#' | ' ')
        })
        .trim_end_matches(|c: char| {
            matches!(
                c,
                ':' | '：' | '.' | '…' | '»' | '›' | '>' | '|' | '-' | '–' | '—' | ' ' | '!' | '→'
            )
        });
    let start = trimmed.as_ptr() as usize - norm.as_ptr() as usize;
    start..start + trimmed.len()
}

/// Strips a count from a label: "comments (12)", "12 comments", "comments 3".
fn without_count(norm: &str) -> &str {
    // Byte by byte: every character trimmed is ASCII, and an ASCII byte is always a whole
    // character in UTF-8, so the cuts fall on character boundaries.
    let bytes = norm.as_bytes();
    let end = bytes
        .iter()
        .rposition(|&b| !(b.is_ascii_digit() || matches!(b, b'(' | b')' | b' ' | b'[' | b']')))
        .map_or(0, |i| i + 1);
    let start = bytes[..end]
        .iter()
        .position(|&b| !(b.is_ascii_digit() || matches!(b, b'(' | b')' | b' ')))
        .unwrap_or(end);
    trim(norm.get(start..end).unwrap_or_default())
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
        .is_none_or(|c| !is_alphanumeric(c))
}

fn boundary_after(hay: &str, end: usize) -> bool {
    hay[end..]
        .chars()
        .next()
        .is_none_or(|c| !is_alphanumeric(c))
}

/// A phrase from `ac` occurs in `hay` on word boundaries.
fn contains(ac: &AhoCorasick, hay: &str) -> bool {
    ac.find_iter(hay)
        .any(|m| boundary_before(hay, m.start()) && boundary_after(hay, m.end()))
}

/// "Next Auto News", "Previous Tech Story": a pointer to the neighbouring story of a
/// named section, two to four words between a direction and a story word.
fn named_prev_next(norm: &str) -> bool {
    let words: Vec<&str> = norm
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    (2..=4).contains(&words.len())
        && phrases::PREV_NEXT_DIRECTIONS.contains(first)
        && phrases::PREV_NEXT_STORY_WORDS.contains(last)
}

/// A list of phrases matched at the start of a text (the leading markers), by first word:
/// the longest phrase that opens a text and holds a whole word opens with the text's first
/// word (a longer phrase than that word takes the word whole), so only the phrases with that
/// first word can be the longest match, or be followed by a word boundary. Small tables read
/// once per text, instead of an anchored automaton whose rows were cold in the cache.
struct Leading {
    /// For each first word (a maximal run of letters and digits at a phrase's start), its
    /// phrases, longest first.
    by_first_word: foldhash::HashMap<&'static str, Vec<&'static str>>,
    /// The phrases that do not open with a letter or digit, longest first.
    others: Vec<&'static str>,
}

impl Leading {
    fn new(phrases: &[&'static str]) -> Self {
        let mut by_first_word: foldhash::HashMap<&'static str, Vec<&'static str>> =
            foldhash::HashMap::default();
        let mut others = Vec::new();
        for &phrase in phrases {
            match first_word(phrase) {
                "" => others.push(phrase),
                word => by_first_word.entry(word).or_default().push(phrase),
            }
        }
        for list in by_first_word.values_mut().chain([&mut others]) {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        Leading {
            by_first_word,
            others,
        }
    }

    /// The end of the longest phrase that opens `hay`, when a word boundary follows it (what
    /// an anchored leftmost-longest search and a boundary test give).
    fn find(&self, hay: &str) -> Option<usize> {
        let candidates = match first_word(hay) {
            "" => &self.others,
            word => self.by_first_word.get(word)?,
        };
        let phrase = candidates.iter().find(|p| hay.starts_with(**p))?;
        boundary_after(hay, phrase.len()).then_some(phrase.len())
    }
}

/// The maximal run of letters and digits that opens `s` (empty when `s` opens with another
/// character).
fn first_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !is_alphanumeric(c))
        .map_or(s.len(), |(i, _)| i);
    s.get(..end).unwrap_or_default()
}

/// Longest phrase of a leading-marker list that starts `hay` and ends on a word boundary.
fn leading(list: &Leading, hay: &str) -> Option<usize> {
    list.find(hay)
}

impl Lexicon {
    /// Normalises `text` into `out` (see [`normalise_words`]) and, in the same pass, tells
    /// which lists may match it (see [`Hits`]).
    pub(crate) fn normalise_with_hits(
        &self,
        text: &str,
        out: &mut String,
        lowercase_only: bool,
    ) -> (std::ops::Range<usize>, Hits) {
        let (range, bits) = normalise_words(text, out, Some(&self.key_words), lowercase_only);
        (range, Hits(bits | self.always))
    }

    /// Which lists may match `norm` (see [`Hits`]): one pass over its words.
    #[cfg(test)]
    pub(crate) fn hits(&self, norm: &str) -> Hits {
        let mut bits = self.always;
        let mut keep = u32::MAX;
        // From the table itself, not through the filter: the tests compare the two.
        for_each_word(norm, |w| {
            bits |= self.key_words.probe(word_hash(w)) & keep;
            keep = KEY_LISTS;
        });
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
        (norm.len() <= self.longest_line_entry && self.prev_next.contains(norm))
            || named_prev_next(norm)
    }

    pub(crate) fn comments_label(&self, norm: &str) -> bool {
        let label = without_count(norm);
        self.comment_shapes.may_hold(label) && self.comments.contains(label)
    }

    pub(crate) fn advertisement(&self, norm: &str) -> bool {
        norm.len() <= self.longest_line_entry && self.advertisement.contains(norm)
    }

    /// A share bar: every word a share-bar word or a network (the caller has seen a
    /// network's key word), at most [`MAX_SHARE_BAR_WORDS`].
    pub(crate) fn share_bar(&self, norm: &str) -> bool {
        let mut words = norm
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        words
            .by_ref()
            .take(MAX_SHARE_BAR_WORDS + 1)
            .enumerate()
            .all(|(i, w)| i < MAX_SHARE_BAR_WORDS && self.share_bar_words.contains(w))
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

    /// A promo phrase occurs; the weaker ones (`PROMO_SHORT_ONLY`) count only in a `short`
    /// block.
    pub(crate) fn promo(&self, norm: &str, short: bool) -> bool {
        let strong = phrases::PROMO.len();
        self.promo.find_iter(norm).any(|m| {
            (short || m.pattern().as_usize() < strong)
                && boundary_before(norm, m.start())
                && boundary_after(norm, m.end())
        })
    }

    pub(crate) fn cookie(&self, norm: &str) -> bool {
        contains(&self.cookie, norm)
    }

    pub(crate) fn mirror(&self, norm: &str) -> bool {
        contains(&self.mirror, norm)
    }

    /// Any caption credit word occurs (a prefilter for the caption patterns).
    pub(crate) fn caption_hint(&self, norm: &str) -> bool {
        self.caption_hint.is_match(norm)
    }

    /// The line opens with a byline word ("by", "von", "par"...).
    pub(crate) fn byline_start(&self, norm: &str) -> bool {
        norm.split([' ', ':']).next().is_some_and(|w| {
            w.len() <= self.longest_byline_prefix && self.byline_prefixes.contains(w)
        })
    }

    pub(crate) fn footer(&self, norm: &str) -> bool {
        contains(&self.footer, norm) || norm.starts_with('©') || norm.starts_with("(c) ")
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
    fn leading_lists_find_what_the_anchored_automaton_finds() {
        use aho_corasick::{Anchored, Input};
        for list in [phrases::READ_MORE, phrases::TAIL_HEADINGS] {
            assert!(list.iter().all(|p| !p.is_empty()));
            let by_words = Leading::new(list);
            let ac = automaton(list, true);
            let reference = |hay: &str| {
                let m = ac.find(Input::new(hay).anchored(Anchored::Yes))?;
                boundary_after(hay, m.end()).then_some(m.end())
            };
            let mut hays: Vec<String> = vec![
                String::new(),
                "x".into(),
                ": read more".into(),
                "» related".into(),
            ];
            for phrase in list {
                let cut: String = phrase.chars().take(phrase.chars().count() / 2).collect();
                for rest in [
                    "",
                    " ",
                    ":",
                    " stories",
                    "s",
                    "ness here",
                    "é",
                    "’",
                    " - more",
                ] {
                    hays.push(format!("{phrase}{rest}"));
                    hays.push(format!("{cut}{rest}"));
                }
            }
            for hay in &hays {
                assert_eq!(by_words.find(hay), reference(hay), "{hay:?}");
            }
        }
    }

    #[test]
    fn leading_markers_and_promo_phrases_pass_their_gates() {
        let lx = &*LEXICON;
        let mut buf = String::new();
        for (list, phrases) in [
            (List::ReadMore, phrases::READ_MORE),
            (List::Tail, phrases::TAIL_HEADINGS),
        ] {
            for phrase in phrases {
                // The phrase alone, after trimmed punctuation, and before more words.
                for line in [
                    phrase.to_string(),
                    format!("» {phrase}:"),
                    format!("— {phrase} from our newsroom"),
                ] {
                    let (range, hits) = lx.normalise_with_hits(&line, &mut buf, false);
                    let norm = &buf[range];
                    let leads = match list {
                        List::ReadMore => leading(&lx.read_more, norm).is_some(),
                        _ => leading(&lx.tail, norm).is_some(),
                    };
                    assert!(!leads || hits.may_open(list), "{line:?}");
                }
            }
        }
        // Every promo phrase passes its two key words' gate, alone or inside a sentence.
        for (list, phrases) in [
            (List::Promo, phrases::PROMO),
            (List::PromoShort, phrases::PROMO_SHORT_ONLY),
        ] {
            for phrase in phrases {
                for line in [phrase.to_string(), format!("Please, {phrase} – today!")] {
                    let (range, hits) = lx.normalise_with_hits(&line, &mut buf, false);
                    assert!(lx.promo(&buf[range], true), "{line:?}");
                    assert!(hits.may_both(list), "{line:?}");
                }
            }
        }
        // A line whose first word opens no marker skips both checks.
        for line in ["Officials said more would follow", "The latest figures"] {
            let (_, hits) = lx.normalise_with_hits(line, &mut buf, false);
            assert!(
                !hits.may_open(List::ReadMore) && !hits.may_open(List::Tail),
                "{line}"
            );
        }
    }

    #[test]
    fn contained_phrases_respect_word_boundaries() {
        let lx = &*LEXICON;
        assert!(lx.promo(
            &n("For the latest headlines, follow our Google News channel online or via the app."),
            false
        ));
        assert!(lx.promo(&n("Folgen Sie uns auf Facebook"), false));
        assert!(!lx.promo(
            &n("The ministry said it would follow ourselves closely."),
            true
        ));
        // A weak phrase is promo in a short block only.
        assert!(lx.promo(&n("Get our newsletters"), true));
        assert!(!lx.promo(&n("The script read 28 newsletters."), false));
        assert!(lx.cookie(&n("This website uses cookies to improve your experience.")));
        assert!(lx.mirror(&n(
            "Our website can also be accessed at the following alternate addresses:"
        )));
        assert!(lx.footer(&n("© 2024 Example Media. All rights reserved.")));
        assert!(lx.footer(&n(
            "This document is subject to copyright. No part may be reproduced without permission."
        )));
    }

    #[test]
    fn word_pass_flags_every_phrase_of_every_list() {
        let lx = &*LEXICON;
        let lists: [(List, &[&str]); 12] = [
            (List::ReadMore, phrases::READ_MORE),
            (List::Tail, phrases::TAIL_HEADINGS),
            (List::PrevNext, phrases::PREV_NEXT),
            (List::Advertisement, phrases::ADVERTISEMENT),
            (List::Navigation, phrases::NAVIGATION),
            (List::DateLabels, phrases::DATE_LABELS),
            (List::Promo, phrases::PROMO),
            (List::PromoShort, phrases::PROMO_SHORT_ONLY),
            (List::Cookie, phrases::COOKIE),
            (List::Mirror, phrases::MIRROR),
            (List::Footer, phrases::FOOTER),
            (List::Byline, phrases::BYLINE_PREFIXES),
        ];
        for (list, phrases) in lists {
            for phrase in phrases {
                assert!(lx.hits(phrase).may(list), "{phrase}");
                assert!(lx.hits(&format!("x: {phrase} (y)")).may(list), "{phrase}");
            }
        }
        assert!(!lx.hits("").may(List::Promo));
    }

    #[test]
    fn hits_while_normalising_equal_hits_of_the_result() {
        let lx = &*LEXICON;
        let mut buf = String::new();
        for s in [
            "  Follow US on Telegram: now!",
            "Don’t Miss » Privacy Policy | Impressum",
            "ВСЕ ПРАВА ЗАЩИЩЕНЫ © 2024",
            "Veröffentlicht am: 2. März",
            "ﬁnal ǅungla İstanbul ß",
            "Follow\u{a0}Us – ÉDITION spéciale’s «Read More»",
            "ΣΊΣΥΦΟΣ ΌΔΟΣ Ⅻ KELVIN\u{212a} Ωhm\u{2126} caf\u{301}e",
            "  Read\u{2003}\u{2003}more:  \t ",
            "Copyright © 2024 ВСЕ ПРАВА",
            "",
        ] {
            let (range, hits) = lx.normalise_with_hits(s, &mut buf, false);
            assert_eq!(&buf[range.clone()], normalise(s), "{s}");
            assert_eq!(hits.0, lx.hits(&buf[range]).0, "{s}");
        }
    }

    #[test]
    fn key_word_filter_never_hides_an_entry() {
        let table = &LEXICON.key_words;
        // Every key word of every list passes the filter...
        for &(hash, lists) in table.slots.iter().filter(|s| s.1 != 0) {
            assert_eq!(table.get(hash), lists, "{hash:x}");
        }
        // ...and the filter answers as the table on any hash.
        for hash in (0..1_000_000u32).map(|i| i.wrapping_mul(0x9e37_79b1) ^ i) {
            assert_eq!(table.get(hash), table.probe(hash), "{hash:x}");
        }
    }

    #[test]
    fn block_word_pass_equals_the_byte_loop() {
        // Reference: the byte loop, a branch per byte.
        let reference = |pass: &mut WordPass, written: &[u8]| {
            for &b in written {
                if WORD_BYTE[usize::from(b)] {
                    pass.hash = key_step(pass.hash, b);
                    pass.in_word = true;
                } else if pass.in_word {
                    pass.bits |= pass.table.get(pass.hash) & pass.keep;
                    pass.keep = KEY_LISTS;
                    pass.hash = FNV_OFFSET;
                    pass.in_word = false;
                }
            }
        };
        let table = &LEXICON.key_words;
        let pieces = [
            "share",
            "comments",
            "advertisement",
            "read",
            "more",
            "newsletter",
            "follow",
            "x",
            "2024",
            " ",
            "  ",
            ",",
            ".",
            "-",
            "'",
            ":",
            "\u{1}",
            "(",
            "subscribe",
            "related",
        ];
        let mut next = crate::test_rng::below(0x9e37_79b9_7f4a_7c15u64);
        for round in 0..3000 {
            let mut text = String::new();
            while text.len() < round % 300 {
                text.push_str(pieces[next(pieces.len())]);
            }
            // Written in one piece or two (the state carried across), at every cut.
            let cut = next(text.len() + 1);
            let (a, b) = text.as_bytes().split_at(cut);
            let (mut fast, mut slow) = (WordPass::new(table), WordPass::new(table));
            fast.ascii(a);
            fast.ascii(b);
            reference(&mut slow, a);
            reference(&mut slow, b);
            assert_eq!(
                (fast.hash, fast.in_word, fast.bits),
                (slow.hash, slow.in_word, slow.bits),
                "{text:?} cut at {cut}"
            );
            fast.end();
            slow.end();
            assert_eq!(fast.bits, slow.bits, "{text:?}");
        }
    }

    #[test]
    fn lowercase_only_shortcut_gives_the_same_text_and_hits() {
        let lx = &*LEXICON;
        let (mut a, mut b) = (String::new(), String::new());
        for s in [
            "Follow US on Telegram: now!",
            "ALSO READ: EU is in no hurry",
            "* Read more >",
            "Copyright 2024 Example Media. All rights reserved.",
            "trailing space ",
            "x",
            " leading",
            "double  space",
            "tab\tin",
            "tick`s",
            "contributed to this report.",
        ] {
            let shortcut = super::super::features::Stats::of(s).lowercase_only;
            let (ra, ha) = lx.normalise_with_hits(s, &mut a, shortcut);
            let (rb, hb) = lx.normalise_with_hits(s, &mut b, false);
            assert_eq!(&a[ra], &b[rb], "{s}");
            assert_eq!(ha.0, hb.0, "{s}");
        }
    }

    #[test]
    fn normalises_every_character_as_the_character_rules_say() {
        // Reference: the rules one character at a time (whitespace runs to one space, curly
        // apostrophes to straight ones, the rest lowercased), then the trims.
        let reference = |text: &str| -> String {
            let words: Vec<String> = text
                .split_whitespace()
                .map(|w| {
                    w.chars()
                        .flat_map(|c| match c {
                            '’' | '‘' | '´' | '`' => vec!['\''],
                            _ => c.to_lowercase().collect(),
                        })
                        .collect()
                })
                .collect();
            let joined = words.join(" ");
            joined
                .trim_start_matches(['*', '•', '·', '-', '–', '—', '>', '»', '#', ' '])
                .trim_end_matches([
                    ':', '：', '.', '…', '»', '›', '>', '|', '-', '–', '—', ' ', '!', '→',
                ])
                .to_string()
        };
        let lx = &*LEXICON;
        let mut buf = String::new();
        for u in (0x80..0x3100).chain([0x1_0400, 0x1_E900]) {
            let Some(c) = char::from_u32(u) else { continue };
            for text in [
                format!("a{c}b"),
                format!("{c}"),
                format!("Ab {c}{c} x"),
                // Lone spaces between non-ASCII characters, and at the ends.
                format!(" {c} ü {c}x {c} "),
            ] {
                assert_eq!(normalise(&text), reference(&text), "{u:x}");
                let (range, hits) = lx.normalise_with_hits(&text, &mut buf, false);
                assert_eq!(hits.0, lx.hits(&buf[range]).0, "{u:x}");
            }
        }
    }

    #[test]
    fn labels_without_dates() {
        let lx = &*LEXICON;
        assert!(lx.date_labels_only(&n("Published: Updated:")));
        assert!(lx.date_labels_only(&n("Veröffentlicht am")));
        assert!(!lx.date_labels_only(&n("Published: 2 September 2021")));
    }

    #[test]
    fn share_bars_are_share_words_and_networks_only() {
        let lx = &*LEXICON;
        for bar in [
            "Compartir en Facebook Compartir en X WhatsApp",
            "Udostępnij Facebook Twitter",
            "Share on LinkedIn Email Print",
            "Partager sur Facebook Partager sur X Envoyer par e-mail",
        ] {
            assert!(lx.share_bar(&n(bar)), "{bar}");
        }
        for line in [
            "Facebook fined over data breach",
            "Share your story on Facebook",
            &"Facebook ".repeat(20),
        ] {
            assert!(!lx.share_bar(&n(line)), "{line}");
        }
    }

    #[test]
    fn whole_line_labels() {
        let lx = &*LEXICON;
        assert!(lx.prev_next(&n("Previous Story")));
        assert!(lx.comments_label(&n("12 Comments")));
        assert!(lx.advertisement(&n("ADVERTISEMENT")));
        assert!(lx.navigation(&n("Go toTop")));
        let notice = n("Oops! Something went wrong while submitting the form.");
        assert!(lx.navigation(&notice), "{notice:?}");
        assert!(lx.navigation(&n("Table of Contents")));
    }
}
