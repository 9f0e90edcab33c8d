//! Block-level cues: what a block is on its own, before its neighbours are considered.

use super::features::{trim, Letter, SeenByte, Stats};
use std::cell::RefCell;

use memchr::memmem::Finder;
use once_cell::sync::Lazy;

use super::lexicon::{Hits, List, LEXICON};
use crate::rules::patterns::{
    BREADCRUMB_SEPARATOR, BYLINE, CAPTION_LEAD, CAPTION_SLASH_CREDIT, CAPTION_TAIL, COMMENT_COUNT,
    COMMENT_HEAD, CREDIT_LINE, FOLLOW_PROMPT, GALLERY_COUNTER, READING_TIME, RELATIVE_DAY_TIME,
    TAXONOMY_LINE,
};
use crate::rules::phrases::{
    AGENCY_LINE_JOINERS, BARE_CREDIT_WORDS, NEWS_AGENCIES, READ_MORE_ENDINGS, RELATIVE_DAYS,
};
use crate::rules::thresholds::{
    MAX_BREADCRUMB_ITEM_WORDS, MAX_LABEL_WORDS, MAX_PROMO_WEIGHT, MAX_WEAK_PROMO_WEIGHT,
};
use crate::rules::Rule;

/// What a block is, judged on its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Nothing recognised: prose or an ordinary short line.
    Plain,
    /// Boilerplate on its own, removed wherever it stands.
    Drop(Rule),
    /// A heading or pointer that opens a list of other stories ("Read more:", "Related",
    /// "Previous Story"); what follows it may be teasers.
    Marker(Rule),
    /// A line that is only a date (metadata).
    Date,
    /// An author line (metadata).
    Byline,
}

/// Words for "minute" that a reading-time label needs (a cheap test before the pattern).
const MINUTES: [&str; 3] = ["min", "мин", "分"];
const MINUTES_FIRST: [bool; 256] = first_bytes(&MINUTES);

/// Whether one of `needles` occurs in `hay`, `first` being their [`first_bytes`]: a plain
/// loop that compares only where one may start. On lines of a few dozen bytes this beats a
/// `memmem` search per needle, whose setup dominates.
#[inline]
fn contains_any(hay: &[u8], first: &[bool; 256], needles: &[&str]) -> bool {
    hay.iter().enumerate().any(|(i, &b)| {
        first[usize::from(b)]
            && needles
                .iter()
                .any(|n| n.as_bytes().first() == Some(&b) && hay[i..].starts_with(n.as_bytes()))
    })
}

/// A table of the first bytes of `words`, built at compile time.
const fn first_bytes(words: &[&str]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < words.len() {
        if let Some(&b) = words[i].as_bytes().first() {
            table[b as usize] = true;
        }
        i += 1;
    }
    table
}

/// `s` starts with one of `words`, `first` being their [`first_bytes`]: most lines are ruled
/// out by their first byte.
#[inline(always)]
fn starts_with_any(s: &str, first: &[bool; 256], words: &[&str]) -> bool {
    // Only the words with the line's first byte are compared. (Plain loops: the closures of
    // the iterator version were not always inlined.)
    let Some(&b) = s.as_bytes().first() else {
        return false;
    };
    if !first[usize::from(b)] {
        return false;
    }
    for w in words {
        if w.as_bytes().first() == Some(&b) && s.starts_with(w) {
            return true;
        }
    }
    false
}

thread_local! {
    /// The normalised text of the block being judged, reused from block to block.
    static NORM: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The cue of one block.
pub(crate) fn cue(text: &str, stats: &Stats) -> Cue {
    NORM.with(|buf| match buf.try_borrow_mut() {
        Ok(mut buf) => {
            let (range, hits) = LEXICON.normalise_with_hits(text, &mut buf, stats.lowercase_only);
            cue_of(text, &buf[range], hits, stats)
        }
        // Only reachable on reentry, which does not happen; stay correct regardless.
        Err(_) => {
            let mut buf = String::new();
            let (range, hits) = LEXICON.normalise_with_hits(text, &mut buf, stats.lowercase_only);
            cue_of(text, &buf[range], hits, stats)
        }
    })
}

/// The cue of one block given its normalised text and the phrase lists that may match it
/// (found in the same pass).
fn cue_of(text: &str, norm: &str, hits: Hits, stats: &Stats) -> Cue {
    if norm.is_empty() {
        return Cue::Plain;
    }
    let lx = &*LEXICON;
    let words = stats.words;
    let short = words <= MAX_LABEL_WORDS;
    // Cheap tests that rule out the regular expressions on most lines.
    let digit = stats.has_digit;
    // First bytes of "min", "мин" (0xD0 0xBC) and "分" (0xE5).
    // ("min" needs an `m`, the others a non-ASCII character: see `Stats::may_hold_letters`.)
    let minutes = || {
        stats.may_hold_letters(&[Letter::M])
            && contains_any(norm.as_bytes(), &MINUTES_FIRST, &MINUTES)
    };
    if hits.may(List::DateLabels) && lx.date_labels_only(norm) {
        Cue::Drop(Rule::DateLabel)
    } else if is_quoted_excerpt(text) {
        // A pingback quoting the story back: "[…] an excerpt of the post […]".
        Cue::Drop(Rule::Comments)
    } else if short && minutes() && READING_TIME.is_match(text) {
        Cue::Drop(Rule::ReadingTime)
    // (A line with two dates, published and updated, may be twice a label's length.)
    } else if words <= 2.0 * MAX_LABEL_WORDS && digit && crate::date::is_date_line(text) {
        Cue::Date
    } else if words <= 6.0
        && digit
        && starts_with_any(norm, &RELATIVE_DAY_FIRST, RELATIVE_DAYS)
        && RELATIVE_DAY_TIME.is_match(text)
    {
        Cue::Drop(Rule::DateLabel)
    } else if short && digit && hits.may(List::Byline) && super::meta::dated_byline(text).is_some()
    {
        Cue::Byline
    } else if hits.may_open(List::ReadMore) && lx.bare_read_more(norm) {
        Cue::Marker(Rule::ReadMore)
    } else if hits.may_open(List::ReadMore) && lx.read_more(norm, text) {
        Cue::Drop(Rule::ReadMore)
    } else if hits.may(List::ReadMore) && ends_with_read_more(norm) {
        // A teaser with its link: "...Seht selbst! Weiterlesen".
        Cue::Drop(Rule::ReadMore)
    } else if short && hits.may(List::PrevNext) && lx.prev_next(norm) {
        Cue::Marker(Rule::PrevNext)
    } else if short
        && hits.may_open(List::Tail)
        && lx.tail_heading(norm)
        && !stats.ends_sentence_strictly()
    {
        Cue::Marker(Rule::RelatedZone)
    } else if short
        && (lx.comments_label(norm)
            || (digit || norm.starts_with("one ") || norm.starts_with("no "))
                && may_be_comment_count(text)
                && COMMENT_COUNT.is_match(text)
            || words <= 6.0 && may_be_comment_head(text) && COMMENT_HEAD.is_match(trim(text)))
    {
        Cue::Marker(Rule::Comments)
    } else if short && hits.may(List::Advertisement) && lx.advertisement(norm) {
        Cue::Drop(Rule::Advertisement)
    } else if short && hits.may(List::Navigation) && lx.navigation(norm) {
        Cue::Drop(Rule::Navigation)
    } else if hits.may(List::Mirror) && lx.mirror(norm) {
        Cue::Drop(Rule::MirrorNotice)
    } else if hits.may(List::Cookie) && lx.cookie(norm) {
        Cue::Drop(Rule::CookieNotice)
    } else if stats.weight <= MAX_PROMO_WEIGHT
        && (hits.may_both(List::Promo)
            || stats.weight <= MAX_WEAK_PROMO_WEIGHT && hits.may_both(List::PromoShort))
        && lx.promo(norm, stats.weight <= MAX_WEAK_PROMO_WEIGHT)
        // A share bar: share verbs and networks only.
        || hits.may(List::ShareBar) && lx.share_bar(norm)
    {
        Cue::Drop(Rule::Promo)
    } else if stats.weight <= MAX_PROMO_WEIGHT
        && (hits.may(List::Footer) || norm.starts_with('©') || norm.starts_with("(c) "))
        && lx.footer(norm)
    {
        Cue::Drop(Rule::Footer)
    } else if (may_be_caption(stats, norm)
        && (opens_with_lead_word(norm) || may_end_caption(text, stats))
        && lx.caption_hint(norm)
        && (CAPTION_LEAD.is_match(text)
            || CAPTION_TAIL.is_match(text)
            || stats.has_any(&[SeenByte::Slash, SeenByte::Pipe])
                && CAPTION_SLASH_CREDIT.is_match(text)))
        // A gallery's position label: "Image 1 of 5".
        || (short && digit && words <= 6.0 && ends_with_digit(text) && GALLERY_COUNTER.is_match(trim(text)))
        // A bare credit line: "Foto ANSA", "Photo AFP", "Bild Kay Nietfeld".
        || (words <= 5.0
            && hits.may(List::SourceCredit)
            && opens_with_lead_word(norm)
            && is_bare_credit(text))
    {
        Cue::Drop(Rule::Caption)
    } else if words <= 4.0 && hits.may(List::SourceCredit) && is_agency_line(text) {
        // The story's source under it: "EFE", "(dpa)", "AFP/Reuters" ("Le Monde avec AFP"
        // is not one: a name besides the agency).
        Cue::Drop(Rule::Byline)
    } else if short
        && starts_with_any(norm, &FOLLOW_FIRST, FOLLOW_VERBS)
        && FOLLOW_PROMPT.is_match(text.trim_start())
    {
        Cue::Drop(Rule::Promo)
    } else if is_breadcrumb(text, stats) {
        Cue::Drop(Rule::Breadcrumb)
    } else if stats.weight <= MAX_PROMO_WEIGHT
        && starts_with_any(norm, &TAXONOMY_FIRST, TAXONOMY_LABELS)
        && memchr::memchr2(b':', b',', text.as_bytes()).is_some()
        && TAXONOMY_LINE.is_match(trim(text))
    {
        Cue::Drop(Rule::Navigation)
    } else if words <= 2.0 * MAX_LABEL_WORDS // a byline may carry a long date
        && hits.may(List::Byline)
        && lx.byline_start(norm)
        && BYLINE.is_match(super::meta::byline_part(text))
    {
        Cue::Byline
    } else if stats.weight <= MAX_PROMO_WEIGHT
        && may_be_credit(norm, hits, stats)
        && CREDIT_LINE.is_match(trim(text))
    {
        Cue::Drop(Rule::Byline)
    } else {
        Cue::Plain
    }
}

/// Last words of the verbs of [`COMMENT_HEAD`] ("says", "dit" for "a dit"), the ASCII ones
/// only, read from the pattern itself so that the test below follows edits of the verb
/// list; `None` (no shortcut) if the pattern no longer has the expected shape. A verb with
/// a non-ASCII last word cannot end an all-ASCII line: its letters (é, ó, ł, Cyrillic) fold
/// to no ASCII letter.
static COMMENT_VERB_WORDS: Lazy<Option<VerbWords>> = Lazy::new(|| {
    let pattern: &'static str = COMMENT_HEAD.as_str();
    let (_, verbs) = pattern.rsplit_once(r"\s+(?:")?;
    let verbs = verbs.strip_suffix(r")\s*:?$")?;
    let mut words = Vec::new();
    let mut any_end = [false; 128];
    for verb in verbs.split('|') {
        if verb.is_empty() || verb.contains(['(', ')', '[', '\\', '?', '*', '+', '.']) {
            return None;
        }
        let last = verb.rsplit(' ').next()?;
        if last.is_empty() {
            return None;
        }
        if let Some(end) = last.chars().next_back().filter(char::is_ascii) {
            any_end[usize::from(end as u8 & 0x7f)] = true;
        }
        if last.is_ascii() {
            words.push(last);
        }
    }
    let mut ends = [0u64; 128];
    for w in &words {
        if let Some(&end) = w.as_bytes().last() {
            ends[usize::from(end & 0x7f)] |= 1 << w.len().min(63);
        }
    }
    Some(VerbWords {
        words,
        ends,
        any_end,
    })
});

/// The ASCII last words of the comment verbs, and for each last letter the lengths of those
/// that end with it (one bit per length).
struct VerbWords {
    words: Vec<&'static str>,
    ends: [u64; 128],
    /// The ASCII last letters of all the verbs' last words, ASCII or not ("écrit": `t`).
    any_end: [bool; 128],
}

/// First words of the credit lines [`CREDIT_LINE`] matches ("(Reporting by ...") besides
/// those that end "contributed to this report": a cheap test before the pattern. The pattern
/// allows "additional", "further" or "with" only before "reporting", "editing" or "writing"
/// (whitespace between, a single space once normalised; none of these words holds a letter
/// that Unicode case folding relates to a non-ASCII one, `s` or `k`), so those come as pairs:
/// lines that merely start with "With" do not run the pattern.
const CREDIT_STARTS: &[&str] = &[
    "reporting",
    "editing",
    "writing",
    "additional reporting",
    "additional editing",
    "additional writing",
    "further reporting",
    "further editing",
    "further writing",
    "with reporting",
    "with editing",
    "with writing",
    "mit material",
    "mitarbeit",
    "avec",
];

/// First words of the taxonomy lines [`TAXONOMY_LINE`] matches (normalised): a cheap test
/// before the pattern.
const TAXONOMY_LABELS: &[&str] = &[
    "tag",
    "categor",
    "filed under",
    "posted in",
    "schlagw",
    "stichw",
    "getaggt",
    "verschlagwortet",
    "abgelegt unter",
    "kategori",
    "étiquettes",
    "mots",
    "catégor",
    "etiquetas",
    "parole chiave",
    "trefwoorden",
    "теги",
    "метки",
    "рубрик",
];

/// A cheap necessary condition for [`CREDIT_LINE`]: the normalised line starts with one of
/// [`CREDIT_STARTS`] (after an opening parenthesis) or holds "contributed".
#[inline]
fn may_be_credit(norm: &str, hits: Hits, stats: &Stats) -> bool {
    static CONTRIBUTED: Lazy<Finder<'static>> = Lazy::new(|| Finder::new("contributed"));
    // The pattern wants "contributed" between a word boundary and whitespace: in ASCII text a
    // whole word, which the word pass flags. (Beyond ASCII a boundary may sit between two
    // alphanumeric characters, such as "²" and "c": the substring search decides.)
    if hits.may(List::Credit) {
        return true;
    }
    // `trim_start_matches(['(', ' '])` by bytes (both are ASCII: the cut is a character
    // boundary); most lines start with neither.
    let lead = match norm.as_bytes().first() {
        Some(b'(' | b' ') => {
            let skip = norm
                .bytes()
                .position(|b| b != b'(' && b != b' ')
                .unwrap_or(norm.len());
            norm.get(skip..).unwrap_or_default()
        }
        _ => norm,
    };
    starts_with_any(lead, &CREDIT_FIRST, CREDIT_STARTS)
        || (stats.has_any(&[SeenByte::NonAscii])
            // (Its `c` and `u` are ASCII letters of the text: no other character folds or
            // lowercases to either.)
            && stats.has_letters(&[Letter::C, Letter::U])
            && !norm.is_ascii()
            && CONTRIBUTED.find(norm.as_bytes()).is_some())
}

/// First words of the follow prompts [`FOLLOW_PROMPT`] matches (normalised): a cheap test
/// before the pattern.
const FOLLOW_VERBS: &[&str] = &[
    "follow",
    "folgen",
    "folge",
    "suivez",
    "seguici",
    "síguenos",
    "obserwuj",
];

const FOLLOW_FIRST: [bool; 256] = first_bytes(FOLLOW_VERBS);
const RELATIVE_DAY_FIRST: [bool; 256] = first_bytes(RELATIVE_DAYS);
const TAXONOMY_FIRST: [bool; 256] = first_bytes(TAXONOMY_LABELS);
const CREDIT_FIRST: [bool; 256] = first_bytes(CREDIT_STARTS);

/// A cheap necessary condition for [`COMMENT_HEAD`]: the line's last word (before an optional
/// colon) is the last word of one of its verbs, in any ASCII case. Non-ASCII last words are
/// left to the pattern (case folding may relate them to a verb: `ſ` to `s`).
fn may_be_comment_head(text: &str) -> bool {
    let Some(verbs) = COMMENT_VERB_WORDS.as_ref() else {
        return true;
    };
    // Only the end counts: no need to trim the start. ASCII whitespace is trimmed by bytes; a
    // non-ASCII character at the end (maybe a space) leaves the decision to the pattern.
    let trim = |line: &[u8]| -> Option<usize> {
        let end = line
            .iter()
            .rposition(|&b| !matches!(b, b'\t'..=b'\r' | b' '))
            .map_or(0, |i| i + 1);
        match line[..end].last() {
            Some(&b) if !b.is_ascii() => None,
            _ => Some(end),
        }
    };
    let bytes = text.as_bytes();
    let Some(end) = trim(bytes) else {
        return true;
    };
    let line = match bytes[..end].strip_suffix(b":") {
        Some(rest) => match trim(rest) {
            Some(end) => &rest[..end],
            None => return true,
        },
        None => &bytes[..end],
    };
    // The last letter first: an ASCII one that ends no verb rules the line out (letters that
    // fold to ASCII ones, such as `ſ`, are not ASCII).
    if line
        .last()
        .is_some_and(|&b| b.is_ascii() && !verbs.any_end[usize::from(b.to_ascii_lowercase())])
    {
        return false;
    }
    // The last word, if ASCII: back to ASCII whitespace (`\t`..`\r`, space) or the start.
    let start = line
        .iter()
        .rposition(|&b| !b.is_ascii() || matches!(b, b'\t'..=b'\r' | b' '))
        .map_or(0, |i| i + 1);
    if start > 0 && !line[start - 1].is_ascii() {
        // A non-ASCII letter or space ends the line: the pattern decides.
        return true;
    }
    let last = &line[start..];
    // The last letter and the length first: most lines fail there.
    let Some(&end) = last.last() else {
        return false;
    };
    let lengths = verbs.ends[usize::from(end.to_ascii_lowercase() & 0x7f)];
    lengths >> last.len().min(63) & 1 != 0
        && verbs
            .words
            .iter()
            .any(|v| last.eq_ignore_ascii_case(v.as_bytes()))
}

/// A cheap necessary condition for [`COMMENT_COUNT`]: the line starts with a digit (`\d` is
/// a numeric character), or with `o` or `n` ("one", "no") in either case.
fn may_be_comment_count(text: &str) -> bool {
    text.trim_start_matches(['[', '(', ' '])
        .chars()
        .next()
        .is_some_and(|c| matches!(c, 'o' | 'O' | 'n' | 'N') || c.is_numeric())
}

/// A cheap necessary condition for [`GALLERY_COUNTER`]: the trimmed line ends with a digit.
fn ends_with_digit(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_some_and(char::is_numeric)
}

/// Every caption pattern needs a credit separator (`:`, `|`, `/`, `©`), a closing
/// parenthesis, or a "copyright"/"source" credit word; most lines that mention a photo have
/// none of them. (0xA9 is the last byte of `©`.) The words are looked for in the normalised
/// text, which holds every ASCII letter of `text` lowercased: it has them whenever `text` has
/// them in any ASCII case (and when it is empty, the caption hint fails anyway).
fn may_be_caption(stats: &Stats, norm: &str) -> bool {
    const CREDIT_WORDS: [&str; 2] = ["copyright", "source"];
    const CREDIT_WORDS_FIRST: [bool; 256] = first_bytes(&CREDIT_WORDS);
    // Vectorised searches on longer lines ('c' and 's' are too common for a first-byte
    // scan); on short ones their setup costs more than the scan.
    static FINDERS: Lazy<[Finder<'static>; 2]> = Lazy::new(|| CREDIT_WORDS.map(Finder::new));
    use Letter::{C, G, H, P, U, Y};
    use SeenByte::{CloseParen, Colon, Pipe, Slash, A9};
    stats.has_any(&[CloseParen, Colon, Slash, Pipe, A9])
        // Without those bytes only `CAPTION_LEAD`'s "copyright"/"source" branch can match,
        // and it opens with a caption word (see `opens_with_lead_word`): the letters of
        // "copyright" or of "source" first (see `Stats::may_hold_letters`), that word, then
        // "copyright" and "source" themselves.
        || (stats.may_hold_letters(&[Y, P, G, H]) || stats.may_hold_letters(&[U, C]))
            && opens_with_lead_word(norm)
            && if norm.len() < 32 {
            contains_any(norm.as_bytes(), &CREDIT_WORDS_FIRST, &CREDIT_WORDS)
        } else {
            FINDERS
                .iter()
                .any(|word| word.find(norm.as_bytes()).is_some())
        }
}

/// Prefixes of the caption words [`CAPTION_LEAD`] opens with ("photo", "image credit",
/// "fot.", "фото", "crédit photo"...), normalised.
const LEAD_WORDS: &[&str] = &[
    "pho", "pic", "fot", "bild", "zdj", "фото", "imag", "imm", "crédit",
];

/// A cheap necessary condition for a match of [`CAPTION_LEAD`] in the text `norm` was
/// normalised from: after its leading characters that are not alphabetic, `norm` opens with
/// one of [`LEAD_WORDS`]. The pattern opens with `\W*` (no alphabetic character: those are
/// word characters) and a caption word, in any case; the normalised text holds the same
/// non-alphabetic lead (lowercasing maps no other character to a letter) and the word in
/// lowercase. (None of the words holds `s` or `k`, the ASCII letters that Unicode case
/// folding relates to other characters, before its prefix ends.)
fn opens_with_lead_word(norm: &str) -> bool {
    // Most lines start with an ASCII letter: then the word starts there.
    if norm.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return starts_with_any(norm, &LEAD_FIRST, LEAD_WORDS);
    }
    // ASCII bytes that are not letters skipped by bytes, then any other non-alphabetic
    // characters by characters.
    let ascii = norm
        .bytes()
        .position(|b| !b.is_ascii() || b.is_ascii_alphabetic())
        .unwrap_or(norm.len());
    let rest = norm.get(ascii..).unwrap_or_default();
    let start = rest
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    starts_with_any(
        rest.get(start..).unwrap_or_default(),
        &LEAD_FIRST,
        LEAD_WORDS,
    )
}

const LEAD_FIRST: [bool; 256] = first_bytes(LEAD_WORDS);

/// A cheap necessary condition for a match of [`CAPTION_TAIL`], which ends with
/// `\s*\.?\s*$`: without that whitespace and full stop ("the body"), the text ends with the
/// closing parenthesis of a credit (first branch), with "getty images" in any case (third
/// branch; its last letter may also be `ſ`, which case folding relates to `s`), or it holds a `:`
/// or `©` after its last `.`, `!` or `?` (second and fourth branches, whose credit after the
/// colon or sign holds none of these), or a slash credit there (see [`slash_credit`]).
///
/// `stats` are the text's: a `:`, `©` (0xA9 its last byte), `/` or `|` must occur for the last
/// three tests, which are skipped (with the search for the last sentence mark) when none does.
fn may_end_caption(text: &str, stats: &Stats) -> bool {
    use SeenByte::{Colon, Pipe, Slash, A9};
    let body = text.trim_end();
    let body = body.strip_suffix('.').unwrap_or(body).trim_end();
    if body.ends_with(')') {
        return true;
    }
    // "getty image" holds no letter that case folding relates to a non-ASCII character.
    if let Some(rest) = body.strip_suffix(['s', 'S', 'ſ']) {
        let bytes = rest.as_bytes();
        let word = b"getty image";
        if bytes.len() >= word.len()
            && bytes
                .get(bytes.len() - word.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(word))
        {
            return true;
        }
    }
    if !stats.has_any(&[Colon, A9, Slash, Pipe]) {
        return false;
    }
    let bytes = body.as_bytes();
    // `.`, `!`, `?` and `:` are ASCII, `©` is C2 A9: the cuts are character boundaries.
    // (A point between digits, as in a licence's "CC BY 2.0", ends no sentence.)
    let mut end = bytes.len();
    let after = loop {
        match memchr::memrchr3(b'.', b'!', b'?', &bytes[..end]) {
            Some(i)
                if bytes[i] == b'.'
                    && i > 0
                    && bytes[i - 1].is_ascii_digit()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) =>
            {
                end = i
            }
            Some(i) => break i + 1,
            None => break 0,
        }
    };
    let tail = bytes.get(after..).unwrap_or_default();
    // (`©` found by its last byte, without a substring searcher's set-up per line.)
    (stats.has_any(&[Colon]) && memchr::memchr(b':', tail).is_some())
        || (stats.has_any(&[A9])
            && memchr::memchr_iter(0xA9, tail).any(|i| i > 0 && tail[i - 1] == 0xC2))
        || (stats.has_any(&[Slash, Pipe]) && slash_credit(&bytes[..after], tail))
}

/// A short line of a caption word and then a credit: an agency or words in capitals
/// ("Foto ANSA", "Photo AFP / Getty") or a name of two or more capitalised words ("Bild Kay
/// Nietfeld"). A heading such as "Photo Gallery" (one capitalised word) is not one.
fn is_bare_credit(text: &str) -> bool {
    let mut words = text
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_end_matches([':', '.']).to_lowercase();
    if !BARE_CREDIT_WORDS.contains(&first.as_str()) {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    if rest.is_empty() || rest.len() > 4 {
        return false;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let agency_or_capitals = |w: &str| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        NEWS_AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(bare))
            || bare.chars().count() >= 2
                && bare.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    rest.iter().all(|w| agency_or_capitals(w))
        || rest.len() >= 2 && rest.iter().all(|w| capitalised(w))
}

/// A line naming only news agencies ("EFE", "(dpa)", "AFP/Reuters", "PAP, AFP", "dpa und AFP").
fn is_agency_line(text: &str) -> bool {
    let mut agencies = 0;
    let all = text
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '/' | ',' | '(' | ')' | '-' | '–' | '.' | ';')
        })
        .filter(|w| !w.is_empty())
        .all(|w| {
            let agency = NEWS_AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(w));
            agencies += usize::from(agency);
            agency
                || AGENCY_LINE_JOINERS
                    .iter()
                    .any(|j| j.eq_ignore_ascii_case(w))
        });
    all && agencies > 0
}

/// The slash credits of [`CAPTION_TAIL`]: "Fot. PAP/Jan Kowalski" (the last sentence mark is
/// the point of "Fot.", and a slash follows it) or an agency right after a `/` or `|` in the
/// tail ("JEAN DUPONT / AFP").
fn slash_credit(head: &[u8], tail: &[u8]) -> bool {
    let fot = head.len() >= 4
        && head[head.len() - 4..].eq_ignore_ascii_case(b"fot.")
        && memchr::memchr(b'/', tail).is_some();
    fot || memchr::memchr2_iter(b'/', b'|', tail).any(|at| {
        let after = &tail[at + 1..];
        let start = after
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(after.len());
        let after = &after[start..];
        // The agency as a whole word ("/ AP", not "/app").
        NEWS_AGENCIES.iter().any(|agency| {
            after.len() >= agency.len()
                && after[..agency.len()].eq_ignore_ascii_case(agency.as_bytes())
                && after
                    .get(agency.len())
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
        })
    })
}

/// A block that ends with a read-more link after a finished (or cut) sentence: "...Seht
/// selbst! Weiterlesen", "...the new season. Read more »". A sentence that ends in the words
/// ("...to read more.") has no mark before them.
fn ends_with_read_more(norm: &str) -> bool {
    let body = norm.trim_end_matches(|c: char| !c.is_alphanumeric());
    READ_MORE_ENDINGS.iter().any(|marker| {
        body.strip_suffix(marker).is_some_and(|before| {
            let before = before.trim_end();
            before.len() > marker.len()
                && before.ends_with(['.', '!', '?', '…', ']', ')', '。', '"', '”', '»'])
        })
    })
}

/// A passage quoted from elsewhere between bracketed ellipses ("[…] text […]", "[...] text
/// [...]"), as a pingback or trackback shows the post that linked to the story.
fn is_quoted_excerpt(text: &str) -> bool {
    let text = text.trim();
    if !text.starts_with('[') {
        return false;
    }
    let marks = ["[…]", "[...]"];
    marks.iter().any(|m| text.starts_with(m))
        && marks.iter().any(|m| text.ends_with(m))
        && text.len() > 2 * "[...]".len()
}

/// "News / Military / Afghanistan", "Home › Sport › Football": short items between separators.
#[inline]
fn is_breadcrumb(text: &str, stats: &Stats) -> bool {
    use SeenByte::{Colon, Greater, Pipe, Slash, C2, E2};
    // Every separator is `>`, `/`, `|`, `:` or starts with 0xC2 (`»`, `·`) or 0xE2 (`›`,
    // `→`): most lines have none of these bytes (checked before trimming, and before a call).
    stats.has_any(&[Greater, Slash, Pipe, Colon, C2, E2]) && is_breadcrumb_trail(text, stats)
}

/// [`is_breadcrumb`] past its byte test.
#[inline(never)]
fn is_breadcrumb_trail(text: &str, stats: &Stats) -> bool {
    let text = trim(text);
    if text.len() > 200 || !has_breadcrumb_separator(text, stats) {
        return false;
    }
    let items: Vec<&str> = BREADCRUMB_SEPARATOR
        .split(text)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() < 3 && !(items.len() == 2 && starts_with_home(text)) {
        return false;
    }
    items.iter().all(|item| {
        let w = item.split_whitespace().count();
        w <= MAX_BREADCRUMB_ITEM_WORDS
            && !item.ends_with(['.', '!', '?'])
            && item.chars().any(char::is_alphabetic)
    })
}

/// A necessary condition for a match of [`BREADCRUMB_SEPARATOR`] (without one the trail has a
/// single item): an arrow (`>`, `»`, `›`, `→`) anywhere, or `/`, `|`, `::` or `·` right
/// after whitespace.
fn has_breadcrumb_separator(text: &str, stats: &Stats) -> bool {
    // Every separator is `>`, `/`, `|`, `:` or starts with 0xC2 (`»`, `·`) or 0xE2 (`›`,
    // `→`): most lines have none of these bytes.
    use SeenByte::{Colon, Greater, Pipe, Slash, B7, BA, BB, C2, E2, X92};
    if !stats.has_any(&[Greater, Slash, Pipe, Colon, C2, E2]) {
        return false;
    }
    let bytes = text.as_bytes();
    // An arrow anywhere: `>` is one (and the stats saw it), the others are found from their
    // lead bytes when the bytes of one occur.
    if stats.has_any(&[Greater]) {
        return true;
    }
    let may_have_arrow =
        stats.has_all(&[C2, BB]) || (stats.has_any(&[E2]) && stats.has_any(&[BA, X92]));
    if may_have_arrow
        && memchr::memchr2_iter(0xC2, 0xE2, bytes)
            .any(|i| ARROWS.iter().any(|a| bytes[i..].starts_with(a.as_bytes())))
    {
        return true;
    }
    // `/`, `|`, `:` or `·` (C2 B7) right after a whitespace character.
    if !stats.has_any(&[Slash, Pipe, Colon]) && !stats.has_all(&[C2, B7]) {
        return false;
    }
    let after_space = |i: usize| {
        i > 0
            && text
                .get(..i)
                .and_then(|before| before.chars().next_back())
                .is_some_and(char::is_whitespace)
    };
    // The ASCII separators found by `memchr3` (most lines with one of these bytes have a
    // few); `·` by its lead byte, only when both of its bytes occur.
    memchr::memchr3_iter(b'/', b'|', b':', bytes).any(after_space)
        || (stats.has_all(&[C2, B7])
            && memchr::memchr_iter(0xC2, bytes)
                .any(|i| bytes.get(i + 1) == Some(&0xB7) && after_space(i)))
}

/// The arrows of [`BREADCRUMB_SEPARATOR`]: `>`, `»` (C2 BB), `›` (E2 80 BA), `→` (E2 86 92).
const ARROWS: [&str; 4] = [">", "»", "›", "→"];

fn starts_with_home(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    [
        "home",
        "startseite",
        "accueil",
        "inicio",
        "início",
        "strona główna",
        "главная",
        "首页",
    ]
    .iter()
    .any(|h| lower.starts_with(h))
}

impl Stats {
    /// Ends with `.`, `!` or `?` (not a colon): a finished sentence.
    pub(crate) fn ends_sentence_strictly(&self) -> bool {
        self.ends_sentence && self.sentence_marks > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Cue {
        cue(s, &Stats::of(s))
    }

    #[test]
    fn seed_boilerplate_lines() {
        assert_eq!(c("Published: Updated:"), Cue::Drop(Rule::DateLabel));
        // A relative day stands for the date: a label whose date needs the fetch day.
        assert_eq!(c("Heute, 14:32 Uhr"), Cue::Drop(Rule::DateLabel));
        assert_eq!(c("Šodien, 17:40"), Cue::Drop(Rule::DateLabel));
        assert_eq!(
            c("Today, 17 people were rescued from the river."),
            Cue::Plain
        );
        // A read-more label with the story's reading time, under a teaser.
        assert_eq!(c("weiterlesen 5 Minuten"), Cue::Drop(Rule::ReadingTime));
        assert_eq!(c("Kommentare schreiben"), Cue::Marker(Rule::Comments));
        assert_eq!(c("Comentar"), Cue::Marker(Rule::Comments));
        assert_eq!(
            c("Nicht labern, ranklotzen! Foto: Timur | flickr| CC BY 2.0"),
            Cue::Drop(Rule::Caption)
        );
        assert_eq!(
            c("getaggt mit: Grundeinkommen Berlin Demonstration"),
            Cue::Drop(Rule::Navigation)
        );
        assert_eq!(
            c("Sommerzeit ist Urlaubszeit, das lässt sich Bella nicht zweimal sagen. Seht selbst! Weiterlesen"),
            Cue::Drop(Rule::ReadMore)
        );
        assert_eq!(
            c("The report is long, and I encourage everyone who cares about the river to read more."),
            Cue::Plain
        );
        assert_eq!(c("Was sind Cookies?"), Cue::Drop(Rule::CookieNotice));
        assert_eq!(c("Gefällt mir Lade..."), Cue::Drop(Rule::Navigation));
        assert_eq!(c("Weiterführende Links"), Cue::Marker(Rule::RelatedZone));
        assert_eq!(c("Photo credits"), Cue::Marker(Rule::RelatedZone));
        assert_eq!(c("Stay up-to-date on our work."), Cue::Drop(Rule::Promo));
        assert_eq!(
            c("[…] Gefällt mir – jovelblog – Unlängst spazierte ich durch Eimsbüttel: […]"),
            Cue::Drop(Rule::Comments)
        );
        assert_eq!(c("[…] and so the story ended."), Cue::Plain);
        // Typo-report prompts.
        assert_eq!(
            c("Нашли ошибку? Выделите текст и нажмите Ctrl+Enter"),
            Cue::Drop(Rule::Promo)
        );
        assert_eq!(
            c("Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu redaktoram!"),
            Cue::Drop(Rule::Promo)
        );
        assert_eq!(c("5 mins read"), Cue::Drop(Rule::ReadingTime));
        assert_eq!(c("Read more:"), Cue::Marker(Rule::ReadMore));
        assert_eq!(
            c("ALSO READ: EU is in no hurry to recognise Taliban"),
            Cue::Drop(Rule::ReadMore)
        );
        assert_eq!(c("Previous Story"), Cue::Marker(Rule::PrevNext));
        assert_eq!(c("Latest from -Top News"), Cue::Marker(Rule::RelatedZone));
        assert_eq!(c("[ 167 comments ]"), Cue::Marker(Rule::Comments));
        assert_eq!(c("Top Rated Comments"), Cue::Marker(Rule::Comments));
        for heading in [
            "Latest Headlines",
            "Read This Next",
            "Mehr Nachrichten",
            "Das könnte dich auch interessieren",
            "Sur le même thème",
            "Inne artykuły",
        ] {
            assert_eq!(c(heading), Cue::Marker(Rule::RelatedZone), "{heading}");
        }
        assert_eq!(c("Don't Miss"), Cue::Marker(Rule::RelatedZone));
        assert_eq!(
            c("News \u{a0} / \u{a0} Military \u{a0} / \u{a0} Afghanistan"),
            Cue::Drop(Rule::Breadcrumb)
        );
        assert_eq!(c("September 2, 2021"), Cue::Date);
        assert_eq!(c("By Jane Doe"), Cue::Byline);
        assert_eq!(
            c("By Mike Wuerthele and Malcolm Owen Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)"),
            Cue::Byline
        );
        assert_eq!(c("by Jeff Foust Monday, November 18, 2019"), Cue::Byline);
        assert_eq!(
            c("By the end of November 18, 2019 the plan was dead"),
            Cue::Plain
        );
        assert_eq!(
            c("US Gen. Mark Milley testifies on Capitol Hill in Washington. (AP file photo)"),
            Cue::Drop(Rule::Caption)
        );
    }

    #[test]
    fn caption_shortcut_lets_every_caption_shape_through() {
        for caption in [
            "Officials meet in Kabul on Monday. (AFP photo)",
            "Der Kanzler in Berlin. Foto: dpa",
            "Photo: Reuters",
            "Image copyright Getty Images",
            "Image source, EPA",
            "Kabul airport / Getty Images",
        ] {
            assert!(
                may_be_caption(
                    &Stats::of(caption),
                    &crate::classify::lexicon::normalise(caption)
                ),
                "{caption}"
            );
            assert_eq!(c(caption), Cue::Drop(Rule::Caption), "{caption}");
        }
    }

    #[test]
    fn bare_credit_lines() {
        for line in [
            "Foto ANSA",
            "Photo AFP / Getty",
            "Bild Kay Nietfeld",
            "Fot. Jan Kowalski",
        ] {
            assert!(is_bare_credit(line), "{line}");
            assert_eq!(
                cue(line, &Stats::of(line)),
                Cue::Drop(Rule::Caption),
                "{line}"
            );
        }
        for line in [
            "Photo Gallery",
            "Foto del giorno",
            "Photos of the week",
            "Image",
        ] {
            assert!(!is_bare_credit(line), "{line}");
        }
        for line in ["EFE", "(dpa)", "AFP/Reuters", "PAP, AFP", "dpa und AFP"] {
            assert!(is_agency_line(line), "{line}");
            // ("AFP/Reuters" is taken as a slash credit first: a caption.)
            assert!(
                matches!(
                    cue(line, &Stats::of(line)),
                    Cue::Drop(Rule::Byline | Rule::Caption)
                ),
                "{line}"
            );
        }
        for line in ["Le Monde avec AFP", "and", "The AP style guide"] {
            assert!(!is_agency_line(line), "{line}");
        }
    }

    #[test]
    fn tail_shortcut_lets_every_tail_caption_through() {
        for caption in [
            "Officials meet in Kabul on Monday. (AFP photo)",
            "Officials meet in Kabul on Monday. (AFP photo).",
            "Officials meet in Kabul on Monday. (AFP photo) . ",
            "Gen. Mark Milley testifies in Washington. (AP file photo)",
            "Der Kanzler in Berlin. Foto: dpa",
            "Der Kanzler in Berlin. Foto: dpa.",
            "(Photo Credit : PTI File Photo )",
            "Crowds at the gate. (Photo by Jane Roe/Getty Images)",
            "Trims loaded in Hialeah, Fla. (AP Photo/Alan Diaz, File)",
            "Kabul airport / Getty Images",
            "Kabul airport / GETTY IMAGES.",
            "Kabul airport | Getty Imageſ",
            "The minister. © Reuters 2021",
            "The minister. Photo credit: Jane Roe, Kabul",
        ] {
            assert!(CAPTION_TAIL.is_match(caption), "{caption}");
            assert!(may_end_caption(caption, &Stats::of(caption)), "{caption}");
        }
        for caption in [
            "Une centrale à charbon, le 12 octobre 2026. JEAN DUPONT / AFP",
            "Minister podczas konferencji. Fot. PAP/Paweł Supernak",
            "Minister podczas konferencji. Fot. PAP/Paweł Supernak.",
            "Kabul airport | Reuters photo",
        ] {
            assert!(CAPTION_SLASH_CREDIT.is_match(caption), "{caption}");
            assert!(may_end_caption(caption, &Stats::of(caption)), "{caption}");
        }
        for prose in [
            "He said: the plan works. It was approved.",
            "The bill passed (after a long debate) with a large majority.",
            "A sign reads © 2021. It was approved.",
            "The minister © 2021",
        ] {
            let expected = prose.ends_with("2021");
            assert_eq!(
                may_end_caption(prose, &Stats::of(prose)),
                expected,
                "{prose}"
            );
        }
    }

    #[test]
    fn lead_words_open_every_lead_caption() {
        for caption in [
            "Photo copyright Getty Images",
            "Image source, EPA",
            "“Picture source AFP",
            "— FOTO copyright dpa",
            "Fot. source PAP",
            "Zdjęcie source PAP",
            "ФОТО source ТАСС",
            "Imagen source EFE",
            "Immagine copyright Ansa",
            "Crédit photo source AFP",
            "Photo credit copyright Jane",
            "Bild source dpa",
        ] {
            assert!(CAPTION_LEAD.is_match(caption), "{caption}");
            let norm = crate::classify::lexicon::normalise(caption);
            assert!(opens_with_lead_word(&norm), "{caption}");
            assert!(may_be_caption(&Stats::of(caption), &norm), "{caption}");
        }
        assert!(!opens_with_lead_word("the source of the leak"));
    }

    #[test]
    fn comment_head_shortcut_reads_the_verbs() {
        let verbs = COMMENT_VERB_WORDS
            .as_ref()
            .expect("COMMENT_HEAD shape changed");
        let words = &verbs.words;
        assert!(words.contains(&"says") && words.contains(&"dit") && words.contains(&"scritto"));
        for s in [
            "thelastchargersfan says:",
            "Max SCHREIBT :",
            "Anna Nowak napisała:",
            "Jean a dit:",
            "Paul a écrit",
            "Mario ha scritto :",
            "Иван написал:",
        ] {
            assert!(
                may_be_comment_head(s) && COMMENT_HEAD.is_match(s.trim()),
                "{s}"
            );
        }
        assert!(!may_be_comment_head("Latest from our newsroom"));
        assert!(!may_be_comment_head("The minister's plans"));
        assert!(may_be_comment_count("12 Kommentare") && may_be_comment_count("One response"));
        assert!(!may_be_comment_count("Comments (12)"));
        assert!(ends_with_digit("Image 1 of 5 ") && !ends_with_digit("1 of 5 images"));
    }

    #[test]
    fn credit_gate_lets_every_credit_shape_through() {
        for line in [
            "(Reporting by Jane Roe; Editing by John Doe)",
            "Additional reporting by Jane Roe in Kabul",
            "With reporting by Jane Roe",
            "FURTHER EDITING BY JOHN DOE",
            "( with  writing by Max)",
            "Mit Material von dpa",
            "Mitarbeit: Max Mustermann",
            "(avec AFP)",
            "Jane Roe contributed to this report.",
            "Jane Roe contributed reporting from Kabul",
        ] {
            assert!(CREDIT_LINE.is_match(trim(line)), "{line}");
            assert!(
                may_be_credit(
                    &crate::classify::lexicon::normalise(line),
                    hits_of(line),
                    &Stats::of(line)
                ),
                "{line}"
            );
            assert_eq!(c(line), Cue::Drop(Rule::Byline), "{line}");
        }
        assert!(!may_be_credit(
            "with the help of friends",
            Hits::default(),
            &Stats::of("With the help of friends")
        ));
    }

    fn hits_of(line: &str) -> Hits {
        let mut buf = String::new();
        LEXICON
            .normalise_with_hits(line, &mut buf, Stats::of(line).lowercase_only)
            .1
    }

    #[test]
    fn breadcrumb_and_caption_tail_tests_match_plain_scans() {
        // References: the arrow search byte by byte, the last sentence mark by `rposition`.
        let has_arrow = |t: &str| ARROWS.iter().any(|a| t.contains(a));
        for t in [
            "News > World",
            "Home » Sport",
            "Home › News",
            "Start → Ende",
            "Он сказал — «нет» и ушёл",
            "Cyrillic кк “quoted” – dash",
            "º and ‒ but no arrow",
            "»",
            "plain line / with slash",
        ] {
            let stats = Stats::of(t);
            let arrow = has_arrow(t);
            if arrow {
                assert!(has_breadcrumb_separator(t, &stats), "{t}");
            }
            let slash_after_space = t.contains(" /") || t.contains(" |") || t.contains(" :");
            assert_eq!(
                has_breadcrumb_separator(t, &stats),
                arrow || slash_after_space || t.contains(" ·"),
                "{t}"
            );
        }
        for t in [
            "A. B: c",
            "Done! Photo: AP",
            "Is it? © AFP",
            "No mark: here",
            "Fot. PAP/Jan",
        ] {
            assert!(may_end_caption(t, &Stats::of(t)), "{t}");
        }
    }

    #[test]
    fn prose_stays_plain() {
        for s in [
            "“I would not make any leaps of logic to broader issues,” said Austin.",
            "Read more about the plan in the report, the minister said on Tuesday.",
            "Islamic State",
            "The bill passed (after a long debate) with a large majority.",
            "He said the road from Kabul / Jalalabad was closed.",
        ] {
            assert_eq!(c(s), Cue::Plain, "{s}");
        }
    }
}
