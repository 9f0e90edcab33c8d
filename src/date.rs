//! Finding calendar dates in short strings ("Published 2 September 2021", "2021年9月2日",
//! "Thu, 02 Sep 2021 10:00:00 GMT") and normalising them to ISO 8601, plus recognising lines
//! that are nothing but a date.
//!
//! The month, weekday and label vocabulary lives in [`names`]; this module only holds the
//! matching machinery. Every pattern is tried, and the match that starts earliest wins
//! (ties go to the more specific pattern), so "Updated 3 Sept 2021, first published 2021-09-01"
//! yields 2021-09-03.

// Callers (classifier, HTML metadata) are wired in on other branches; drop this then.
#![allow(dead_code)]

mod names;

use std::collections::HashSet;
use std::ops::Range;

use once_cell::sync::Lazy;
use regex::{Captures, Regex};

/// Years outside this range are more likely prices, counts or IDs than publication dates.
const YEARS: std::ops::RangeInclusive<u32> = 1990..=2100;

/// A line with more words than this is prose that mentions a date, not a date line.
const MAX_DATE_LINE_WORDS: usize = 12;

/// A dateline's place before the date, all its words capitalised: at most this many words
/// and bytes ("Sevilla", "NEW YORK", "San Francisco"; not "Rio de Janeiro").
const MAX_PLACE_WORDS: usize = 3;
const MAX_PLACE_BYTES: usize = 40;

/// Only the start of a long input is searched: dates worth finding sit in short strings.
const MAX_SCAN_BYTES: usize = 1024;

/// Returns the first calendar date in `s` as `YYYY-MM-DD`, or as
/// `YYYY-MM-DDTHH:MM:SS[±HH:MM]` when `s` is an ISO 8601 or RFC 2822 timestamp with a time.
///
/// Day-first is assumed for `02.09.2021` and `02-09-2021`; for `09/02/2021` month-first
/// unless the first number is over 12. Impossible dates and years outside 1990..=2100 are
/// rejected.
pub(crate) fn parse_date(s: &str) -> Option<String> {
    find_date(s).map(|found| found.iso)
}

/// Byte offset where the first calendar date in `s` starts (as [`parse_date`] finds it).
pub(crate) fn date_start(s: &str) -> Option<usize> {
    find_date(s).map(|found| found.span.start)
}

/// True when `s` is made only of the words that surround a date on a date line ("Updated",
/// "Published on", "Veröffentlicht am"), with no date.
pub(crate) fn is_date_label(s: &str) -> bool {
    let mut words = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|word| FILLER_WORDS.contains(word.to_lowercase().as_str()))
}

/// True when `s` is essentially only a date: the date itself plus, optionally, a label
/// ("Published", "Posted on", "Veröffentlicht am", "Опубликовано"...), a weekday, a time
/// ("10:30 AM", "14:30 Uhr"), a time zone and separators (`|`, `-`, `•`), at most about a
/// dozen words in all.
pub(crate) fn is_date_line(s: &str) -> bool {
    // Without a year `find_date` finds nothing: neither the line nor its end after a place.
    if !has_plausible_year(s) {
        return false;
    }
    is_bare_date_line(s) || place_dated(s).is_some_and(is_bare_date_line)
}

/// The date after a dateline's place ("Sevilla, 27 nov. 2026", "NEW YORK, Nov. 27, 2026"):
/// what follows the first comma when one to three capitalised words come before it.
fn place_dated(s: &str) -> Option<&str> {
    let s = s.trim_start();
    if !s.starts_with(char::is_uppercase) {
        return None;
    }
    let (place, rest) = s.split_once(", ")?;
    let words = place.split_whitespace();
    let capitalised = |word: &str| {
        word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
    };
    (place.len() <= MAX_PLACE_BYTES
        && words.clone().count() <= MAX_PLACE_WORDS
        && words.clone().all(capitalised))
    .then_some(rest)
}

/// [`is_date_line`] without a place before the date, on a line known to hold a plausible year
/// (a place holds no digit: the line after it holds the year too).
fn is_bare_date_line(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > MAX_SCAN_BYTES {
        return false;
    }
    // A line that gives two dates ("Publié le ... à 08h12 Mis à jour le ... à 10h45") may be
    // twice as long.
    let words = whitespace_words(s);
    if words > MAX_DATE_LINE_WORDS && (words > 2 * MAX_DATE_LINE_WORDS || plausible_years(s) < 2) {
        return false;
    }
    // Every word must be a date's, a time's or a filler word: most lines with a year have
    // another word (a headline, a copyright line), found before the date patterns run.
    if !words_may_form_date_line(s) {
        return false;
    }
    let mut rest = s.to_string();
    let mut dates = 0;
    // A line may carry two dates ("Published ... | Updated ..."); more is a list, not a line.
    // (The first search is on the line itself, short enough and with a year: checked above.)
    while dates < 3 {
        let found = if dates == 0 {
            find_date_with_year(&rest)
        } else {
            find_date(&rest)
        };
        match found {
            Some(found) => {
                rest.replace_range(found.span, " ");
                dates += 1;
            }
            None => break,
        }
    }
    if dates == 0 {
        return false;
    }
    // Every time `TIME` matches holds an ASCII digit: without one, no search.
    let rest = if rest.bytes().any(|b| b.is_ascii_digit()) {
        TIME.replace_all(&rest, " ")
    } else {
        std::borrow::Cow::Borrowed(rest.as_str())
    };
    let only_filler = |rest: &str| {
        rest.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .all(|word| {
                let word = word.to_lowercase();
                !word.chars().any(|c| c.is_ascii_digit()) && FILLER_WORDS.contains(word.as_str())
            })
    };
    // A reading time often shares the line ("December 18, 2025 · 3 min read").
    only_filler(&rest)
        || only_filler(&crate::rules::patterns::READING_TIME_IN_LINE.replace_all(&rest, " "))
}

/// `s.split_whitespace().count()`, by bytes when `s` is ASCII (`char::is_whitespace` on ASCII:
/// tab, line feed, vertical tab, form feed, carriage return and space).
fn whitespace_words(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    let mut words = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let blank = matches!(b, b'\t'..=b'\r' | b' ');
        words += usize::from(!blank && !in_word);
        in_word = !blank;
    }
    words
}

/// A cheap necessary condition for [`is_date_line`]: every ASCII word without a digit (the
/// words as that function splits them, lowercased; the others pass) is one that a
/// date or a time match can take away, or a filler word. A word a match takes away lies
/// whole inside the match: the patterns bound their words by `\b` or whitespace (or by
/// digits, and a word with a digit is not checked here). Those words are the month names,
/// the words starting with the three letters of a weekday or month that RFC 2822 dates
/// accept (`[a-z]*` after them), "de", "del" and "of", the zone names and the time-of-day
/// words (see [`DATE_VOCABULARY`]). A word left must be a filler word.
fn words_may_form_date_line(s: &str) -> bool {
    let vocabulary = &*DATE_VOCABULARY;
    let mut buf = [0u8; 64];
    let split = |c: char| {
        if c.is_ascii() {
            !c.is_ascii_alphanumeric()
        } else {
            !c.is_alphanumeric()
        }
    };
    s.split(split).all(|word| {
        // Words with a digit, and words with a non-ASCII character (whose case folding the
        // vocabulary does not model), pass.
        if word.is_empty() || word.bytes().any(|b| b.is_ascii_digit() || !b.is_ascii()) {
            return true;
        }
        let rfc = word
            .get(..3)
            .is_some_and(|head| RFC_WORD_HEADS.iter().any(|h| head.eq_ignore_ascii_case(h)));
        if rfc {
            return true;
        }
        match buf.get_mut(..word.len()) {
            Some(lower) => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|w| vocabulary.contains(w))
            }
            None => vocabulary.contains(word.to_ascii_lowercase().as_str()),
        }
    })
}

/// The weekday and month abbreviations of [`find_rfc2822`]'s pattern, which takes any ASCII
/// letters after them: a word of letters starting with one of these may be part of a date.
const RFC_WORD_HEADS: [&str; 19] = [
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The words (lowercase, split as [`is_date_line`] splits) a date or time match can take away
/// from a line, and the filler words: see [`words_may_form_date_line`].
static DATE_VOCABULARY: Lazy<HashSet<String>> = Lazy::new(|| {
    // The ISO and RFC 2822 zone names, the time-of-day words of `TIME`, and the words around
    // textual dates' numbers.
    let others = [
        "gmt", "utc", "ut", "z", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "de",
        "del", "of", "a", "p", "m", "am", "pm", "uhr", "hr", "hrs", "hs", "h", "t",
    ];
    let mut words = HashSet::new();
    let names = MONTHS
        .iter()
        .map(|(name, _)| name.to_string())
        .chain(FILLER_WORDS.iter().map(|w| w.to_string()))
        .chain(others.iter().map(|w| w.to_string()))
        .chain(READING_TIME_WORDS.iter().map(|w| w.to_string()));
    for name in names {
        // Lowercase, and the two non-ASCII letters that case folding relates to ASCII ones
        // (long s, Kelvin sign) as those: an ASCII word may match them.
        let folded = name
            .to_lowercase()
            .replace('ſ', "s")
            .replace('\u{212a}', "k");
        for w in folded.split(|c: char| !c.is_alphanumeric()) {
            if !w.is_empty() {
                words.insert(w.to_string());
            }
        }
    }
    words
});

/// The ASCII words of a reading time that `READING_TIME_IN_LINE` takes away from a date line
/// ("December 18, 2025 · 3 min read"): see [`is_date_line`].
const READING_TIME_WORDS: &[&str] = &[
    "estimated",
    "reading",
    "read",
    "time",
    "to",
    "lesezeit",
    "lesedauer",
    "lesen",
    "temps",
    "lecture",
    "tiempo",
    "lectura",
    "tempo",
    "leitura",
    "di",
    "lettura",
    "leestijd",
    "czas",
    "czytania",
    "about",
    "approx",
    "ca",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "min",
    "mins",
    "minute",
    "minutes",
    "minuten",
    "minuto",
    "minutos",
    "minuti",
    "minuut",
    "minut",
    "minuta",
    "minuty",
];

/// A date found in a string: where it is and its ISO form.
struct Found {
    span: Range<usize>,
    iso: String,
}

/// One date pattern's search.
type Finder = fn(&str) -> Option<Found>;

/// Tries every pattern and keeps the match that starts first.
fn find_date(s: &str) -> Option<Found> {
    let s = prefix(s, MAX_SCAN_BYTES);
    // Every pattern needs a year, and most lines (even with digits) have none.
    if !has_plausible_year(s) {
        return None;
    }
    find_date_with_year(s)
}

/// [`find_date`] on a string of at most [`MAX_SCAN_BYTES`] bytes known to hold a plausible
/// year.
fn find_date_with_year(s: &str) -> Option<Found> {
    // Each pattern, and the literal it cannot match without: skipping a pattern whose
    // literal is absent saves running it. (Each byte searched once; the CJK year signs only
    // in text that is not all ASCII.)
    let has = |b: u8| memchr::memchr(b, s.as_bytes()).is_some();
    let (dash, dot, slash) = (has(b'-'), has(b'.'), has(b'/'));
    let finders: [(Finder, bool); 6] = [
        (find_iso, dash),
        (find_rfc2822, has(b':')),
        (find_cjk, !s.is_ascii() && s.contains(['年', '년'])),
        (find_year_first, dot || slash),
        (find_textual, true),
        (find_numeric, dot || slash || dash),
    ];
    // `min_by_key` keeps the first of equal keys, so list order breaks ties.
    finders
        .iter()
        .filter(|(_, possible)| *possible)
        .filter_map(|(find, _)| find(s))
        .min_by_key(|found| found.span.start)
}

/// `2021-09-02`, `2021-09-02T10:00:00+02:00`, `2021-09-02 10:00 UTC`.
fn find_iso(s: &str) -> Option<Found> {
    static ISO: Lazy<Regex> = Lazy::new(|| {
        compile(
            r"(?i)([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:T|\s+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]+)?)?(?:(z)|\s*([+-][0-9]{2}(?::?[0-9]{2})?|utc|gmt)\b)?)?",
        )
    });
    first_valid(&ISO, s, |c| {
        let date = ymd(num(c, 1)?, num(c, 2)?, num(c, 3)?)?;
        let zone = c.get(7).or_else(|| c.get(8)).map(|m| m.as_str());
        Some(with_time(date, num(c, 4), num(c, 5), num(c, 6), zone))
    })
}

/// `Thu, 02 Sep 2021 10:00:00 GMT` (RFC 2822, as in HTTP headers and feeds).
fn find_rfc2822(s: &str) -> Option<Found> {
    static RFC: Lazy<Regex> = Lazy::new(|| {
        compile(
            r"(?i)(?:\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?\b([0-9]{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+([0-9]{4})\s+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\s*(gmt|utc|ut|z|[+-][0-9]{4}|[ecmp][sd]t)\b)?",
        )
    });
    first_valid(&RFC, s, |c| {
        let month = month_number(c.get(2)?.as_str())?;
        let date = ymd(num(c, 3)?, month, num(c, 1)?)?;
        let zone = c.get(7).map(|m| m.as_str());
        Some(with_time(date, num(c, 4), num(c, 5), num(c, 6), zone))
    })
}

/// `2021年9月2日` (Chinese, Japanese, also with full-width digits) and `2021년 9월 2일` (Korean).
fn find_cjk(s: &str) -> Option<Found> {
    static CJK: Lazy<Regex> = Lazy::new(|| {
        compile(
            r"([0-9０-９]{4})\s*[年년]\s*([0-9０-９]{1,2})\s*[月월]\s*([0-9０-９]{1,2})\s*[日일]",
        )
    });
    first_valid(&CJK, s, |c| ymd(num(c, 1)?, num(c, 2)?, num(c, 3)?))
}

/// `2021/09/02`, `2021.09.02`, `2021. 9. 2.`: a leading four-digit year is always year-month-day.
fn find_year_first(s: &str) -> Option<Found> {
    static YEAR_FIRST: Lazy<Regex> =
        Lazy::new(|| compile(r"([0-9]{4})(\.\s?|/)([0-9]{1,2})(\.\s?|/)([0-9]{1,2})"));
    first_valid(&YEAR_FIRST, s, |c| {
        if !same_separator(c) {
            return None;
        }
        ymd(num(c, 1)?, num(c, 3)?, num(c, 5)?)
    })
}

/// `02.09.2021`, `2.9.2021`, `02-09-2021` (day-first) and `09/02/2021` (month-first unless
/// the first number cannot be a month).
fn find_numeric(s: &str) -> Option<Found> {
    static NUMERIC: Lazy<Regex> =
        Lazy::new(|| compile(r"([0-9]{1,2})(\.\s?|/|-)([0-9]{1,2})(\.\s?|/|-)([0-9]{4})"));
    first_valid(&NUMERIC, s, |c| {
        if !same_separator(c) {
            return None;
        }
        let (first, second, year) = (num(c, 1)?, num(c, 3)?, num(c, 5)?);
        match c.get(2)?.as_str().trim() {
            "/" if first <= 12 => ymd(year, first, second),
            "-" if second > 12 => ymd(year, first, second),
            _ => ymd(year, second, first),
        }
    })
}

/// Dates with a month name, month-first ("September 2, 2021", "Sept 2nd 2021") or day-first
/// ("2 September 2021", "2. Sept. 2021", "1er septembre 2021", "2 de septiembre de 2021",
/// "2 сентября 2021").
fn find_textual(s: &str) -> Option<Found> {
    static MONTH_FIRST: Lazy<Regex> = Lazy::new(|| compile(&months_in(MONTH_FIRST_PATTERN)));
    static DAY_FIRST: Lazy<Regex> = Lazy::new(|| compile(&months_in(DAY_FIRST_PATTERN)));
    // Each pattern runs only where its plain DFA matches. The groups are read from the
    // matched text (see `month_first_parts`): the capture engines, slow on the long month
    // alternation, run only for a match of unexpected shape.
    let month_first = MONTH_FIRST_ANYWHERE.is_match(s).then(|| {
        first_valid_parts(&MONTH_FIRST, s, month_first_parts, |c| {
            Some((c.get(1)?.as_str(), num(c, 2)?, num(c, 3)?))
        })
    });
    let day_first = DAY_FIRST_ANYWHERE.is_match(s).then(|| {
        first_valid_parts(&DAY_FIRST, s, day_first_parts, |c| {
            Some((c.get(2)?.as_str(), num(c, 1)?, num(c, 3)?))
        })
    });
    [month_first.flatten(), day_first.flatten()]
        .into_iter()
        .flatten()
        .min_by_key(|found| found.span.start)
}

/// A textual date's month name, day and year.
type Parts<'a> = (&'a str, u32, u32);

/// The first match of `re` in `s` that is not glued to other numbers and whose parts name a
/// real date: as [`first_valid`], the parts read by `parts` from the matched text, or, when
/// it does not recognise the match's shape, by `captured` from the pattern's groups.
fn first_valid_parts<'s>(
    re: &Regex,
    s: &'s str,
    parts: fn(&'s str) -> Option<Parts<'s>>,
    captured: fn(&Captures<'s>) -> Option<Parts<'s>>,
) -> Option<Found> {
    re.find_iter(s).find_map(|whole| {
        if glued(s[..whole.start()].chars().rev()) || glued(s[whole.end()..].chars()) {
            return None;
        }
        let (month, day, year) = match parts(whole.as_str()) {
            Some(found) => found,
            // The same match: the leftmost one from its own start.
            None => captured(&re.captures_at(s, whole.start())?)?,
        };
        let iso = ymd(year, month_number(month)?, day)?;
        Some(Found {
            span: whole.range(),
            iso,
        })
    })
}

/// The tokens of a textual date match: its text split at whitespace and at the punctuation
/// the patterns allow between the month, the day and the year. No month name holds one of
/// these characters (checked by a test), so the month is always a whole token.
fn date_tokens(m: &str) -> impl Iterator<Item = &str> {
    m.split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '-' | '°'))
        .filter(|t| !t.is_empty())
}

/// A day of one or two ASCII digits followed by one of `suffixes` (or nothing), any ASCII case.
fn day_with_suffix(token: &str, suffixes: &[&str]) -> Option<u32> {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    let (day, suffix) = token.split_at_checked(digits)?;
    let known = suffix.is_empty() || suffixes.iter().any(|x| suffix.eq_ignore_ascii_case(x));
    ((1..=2).contains(&digits) && known).then(|| ascii_number(day))
}

/// A year of exactly four ASCII digits.
fn year_token(token: &str) -> Option<u32> {
    (token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit())).then(|| ascii_number(token))
}

fn ascii_number(digits: &str) -> u32 {
    digits
        .bytes()
        .fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
}

/// The parts of a match of [`MONTH_FIRST_PATTERN`]: `MONTH DAY[suffix] [de] YEAR`, `None` for
/// any other shape. The month is the first token (the match starts with it), the year the
/// last (it ends with four digits), and the day the digits of the second.
fn month_first_parts(m: &str) -> Option<Parts<'_>> {
    let tokens: Vec<&str> = date_tokens(m).collect();
    let (month, day, year) = match tokens[..] {
        [month, day, year] => (month, day, year),
        [month, day, de, year] if de.eq_ignore_ascii_case("de") => (month, day, year),
        _ => return None,
    };
    let day = day_with_suffix(day, &["st", "nd", "rd", "th"])?;
    Some((month, day, year_token(year)?))
}

/// The parts of a match of [`DAY_FIRST_PATTERN`]: `DAY[suffix] [of|de] MONTH [de|del] YEAR`,
/// `None` for any other shape (or an ambiguous one).
fn day_first_parts(m: &str) -> Option<Parts<'_>> {
    let tokens: Vec<&str> = date_tokens(m).collect();
    let is = |t: &str, words: &[&str]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
    let (day, month, year) = match tokens[..] {
        [day, month, year] => (day, month, year),
        [day, a, b, year] => match (is(a, &["of", "de"]), is(b, &["de", "del"])) {
            (true, false) => (day, b, year),
            (false, true) => (day, a, year),
            _ => return None,
        },
        [day, of, month, de, year] if is(of, &["of", "de"]) && is(de, &["de", "del"]) => {
            (day, month, year)
        }
        _ => return None,
    };
    let day = day_with_suffix(day, &["st", "nd", "rd", "th", "er", "re", "º"])?;
    Some((month, day, year_token(year)?))
}

/// Month-first dates, `MONTHS` standing for the month names.
const MONTH_FIRST_PATTERN: &str = r"(?i)\b(MONTHS)\b(?:\.\s*|\s+)([0-9]{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\.?\s+)(?:de\s+)?([0-9]{4})";

/// Day-first dates, `MONTHS` standing for the month names.
const DAY_FIRST_PATTERN: &str = r"(?i)\b([0-9]{1,2})(?:st|nd|rd|th|er|re|º|°|\.)?[\s-]*(?:of\s+|de\s+)?\b(MONTHS)\b\.?,?[\s-]*(?:de\s+|del\s+)?([0-9]{4})";

/// A pattern with the month names in place of `MONTHS`.
fn months_in(pattern: &str) -> String {
    pattern.replace("MONTHS", &MONTH_ALTERNATION)
}

/// Each textual pattern without its word boundaries, which only widens what it matches: the
/// pattern cannot match where this does not. Without `\b` the test runs on a plain DFA, where
/// the Unicode word boundaries need a slower engine on non-ASCII text.
static MONTH_FIRST_ANYWHERE: Lazy<Regex> = Lazy::new(|| compile(&unbounded(MONTH_FIRST_PATTERN)));
static DAY_FIRST_ANYWHERE: Lazy<Regex> = Lazy::new(|| compile(&unbounded(DAY_FIRST_PATTERN)));

fn unbounded(pattern: &str) -> String {
    months_in(pattern).replace(r"\b", "")
}

/// Compiles one of this module's fixed patterns (covered by the unit tests).
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("date patterns are valid")
}

/// The first match of `re` in `s` that is not glued to other numbers and that `convert`
/// accepts.
fn first_valid(
    re: &Regex,
    s: &str,
    convert: impl Fn(&Captures) -> Option<String>,
) -> Option<Found> {
    re.captures_iter(s).find_map(|c| {
        let whole = c.get(0)?;
        if glued(s[..whole.start()].chars().rev()) || glued(s[whole.end()..].chars()) {
            return None;
        }
        convert(&c).map(|iso| Found {
            span: whole.range(),
            iso,
        })
    })
}

/// A run of exactly four digits (not part of a longer number) whose value lies in
/// [`YEARS`]: every date pattern captures its year that way. In each pattern the year is
/// bounded by the match's ends (checked by [`glued`]) or by a separator or whitespace, so a
/// string with no such run has no valid date, and the regexes need not run.
/// How many separate runs of four ASCII digits in [`YEARS`] `s` holds.
fn plausible_years(s: &str) -> usize {
    s.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .filter(|run| {
            run.len() == 4
                && std::str::from_utf8(run)
                    .ok()
                    .and_then(|r| r.parse::<u32>().ok())
                    .is_some_and(|y| YEARS.contains(&y))
        })
        .count()
}

fn has_plausible_year(s: &str) -> bool {
    let bytes = s.as_bytes();
    // Full-width digits are three bytes starting with 0xEF: bytes are scanned up to the first
    // 0xEF byte, characters from the start when one occurs (a full-width digit may continue a
    // run of ASCII digits: such a run, or one that may, is left to the character scan).
    let mut i = 0;
    let by_bytes = loop {
        let Some(&b) = bytes.get(i) else {
            break Some(false);
        };
        if b == 0xEF {
            break None;
        }
        if !b.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut value = 0u32;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            value = value
                .saturating_mul(10)
                .saturating_add(u32::from(bytes[i] - b'0'));
            i += 1;
        }
        if bytes.get(i) == Some(&0xEF) {
            break None;
        }
        if i - start == 4 && YEARS.contains(&value) {
            break Some(true);
        }
    };
    if let Some(found) = by_bytes {
        return found;
    }
    has_plausible_year_by_chars(s)
}

/// [`has_plausible_year`] one character at a time (ASCII and full-width digits alike): the
/// fallback of the byte scan, and what the tests check the byte scan against.
fn has_plausible_year_by_chars(s: &str) -> bool {
    let (mut run, mut value) = (0usize, 0u32);
    for c in s.chars().chain(std::iter::once(' ')) {
        let digit = match c {
            '0'..='9' => Some(c as u32 - '0' as u32),
            '０'..='９' => Some(c as u32 - '０' as u32),
            _ => None,
        };
        match digit {
            Some(d) => {
                run += 1;
                value = value.saturating_mul(10).saturating_add(d);
            }
            None => {
                if run == 4 && YEARS.contains(&value) {
                    return true;
                }
                (run, value) = (0, 0);
            }
        }
    }
    false
}

/// The text next to a match (walking away from it) continues a number: a digit, or a
/// separator then a digit, as in version numbers ("1.2.3.2021") or longer numeric runs.
fn glued(mut outward: impl Iterator<Item = char>) -> bool {
    match outward.next() {
        Some(c) if is_digit(c) => true,
        Some('.' | '/' | '-') => outward.next().is_some_and(is_digit),
        _ => false,
    }
}

/// ASCII or full-width digit.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Numeric value of capture group `i` (ASCII or full-width digits).
fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i)?.as_str().chars().try_fold(0u32, |acc, ch| {
        let digit = match ch {
            '0'..='9' => ch as u32 - '0' as u32,
            '０'..='９' => ch as u32 - '０' as u32,
            _ => return None,
        };
        acc.checked_mul(10)?.checked_add(digit)
    })
}

/// Both separators of a three-part numeric date are the same character.
fn same_separator(c: &Captures) -> bool {
    match (c.get(2), c.get(4)) {
        (Some(a), Some(b)) => a.as_str().trim() == b.as_str().trim(),
        _ => false,
    }
}

/// `YYYY-MM-DD` when the date exists and the year is plausible.
fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    if !YEARS.contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // `format!("{year:04}-{month:02}-{day:02}")` digit by digit (the formatting machinery
    // costs more than the date search on the many lines that hold one): every part is in
    // range here, the year four digits and the others two.
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let mut iso = String::with_capacity(10);
    for n in [year / 1000, year / 100, year / 10, year] {
        iso.push(digit(n));
    }
    for part in [month, day] {
        iso.push('-');
        iso.push(digit(part / 10));
        iso.push(digit(part));
    }
    Some(iso)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Appends a valid time (and zone, when known) to a date; an invalid time leaves the date alone.
fn with_time(
    date: String,
    hour: Option<u32>,
    minute: Option<u32>,
    second: Option<u32>,
    zone: Option<&str>,
) -> String {
    let (Some(hour), Some(minute)) = (hour, minute) else {
        return date;
    };
    let second = second.unwrap_or(0);
    if hour > 23 || minute > 59 || second > 60 {
        return date;
    }
    let zone = zone.and_then(zone_offset).unwrap_or_default();
    format!("{date}T{hour:02}:{minute:02}:{second:02}{zone}")
}

/// `Z`, `GMT`, `+0200`, `+02`, `EDT`... as `±HH:MM`; unknown names give `None`.
fn zone_offset(zone: &str) -> Option<String> {
    let named = match zone.to_ascii_lowercase().as_str() {
        "z" | "gmt" | "utc" | "ut" => Some("+00:00"),
        "edt" => Some("-04:00"),
        "est" | "cdt" => Some("-05:00"),
        "cst" | "mdt" => Some("-06:00"),
        "mst" | "pdt" => Some("-07:00"),
        "pst" => Some("-08:00"),
        _ => None,
    };
    if let Some(offset) = named {
        return Some(offset.to_string());
    }
    let (sign, digits) = zone.split_at_checked(1)?;
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if !matches!(sign, "+" | "-") || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match digits.len() {
        2 => Some(format!("{sign}{digits}:00")),
        4 => Some(format!("{sign}{}:{}", &digits[..2], &digits[2..])),
        _ => None,
    }
}

/// Month number for a month name or abbreviation in any supported language.
fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .find_map(|(candidate, month)| (*candidate == name).then_some(*month))
}

/// All month names, each once.
static MONTHS: Lazy<Vec<(&'static str, u32)>> = Lazy::new(|| {
    let mut seen = HashSet::new();
    names::ALL_MONTHS
        .iter()
        .flat_map(|list| list.iter().zip(1..))
        .flat_map(|(forms, month)| forms.iter().map(move |name| (*name, month)))
        .filter(|(name, _)| seen.insert(*name))
        .collect()
});

/// `september|sept|sep|...`, longest first so a full name wins over its abbreviation.
static MONTH_ALTERNATION: Lazy<String> = Lazy::new(|| {
    let mut all: Vec<&str> = MONTHS.iter().map(|(name, _)| *name).collect();
    all.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
    all.iter()
        .map(|name| regex::escape(name))
        .collect::<Vec<_>>()
        .join("|")
});

/// Times of day and numeric zone offsets, removed before a date line's words are checked:
/// `10:30`, `10:30:15`, `10.30 Uhr`, `14h30`, `10 AM`, `10:30 p.m.`, `+02:00`, `+3`.
static TIME: Lazy<Regex> = Lazy::new(|| {
    compile(
        r"(?i)\b[0-9]{1,2}(?:(?:[:.h][0-9]{2}){1,2}(?:\s*(?:[ap]\.?\s?m\b\.?|uhr\b|hrs?\b|hs\b|h\b|ч\b\.?))?|\s*(?:[ap]\.?\s?m\b\.?|uhr\b))|[+-][0-9]{1,2}(?::?[0-9]{2})?\b",
    )
});

/// Words allowed around a date on a date line: labels, prepositions, weekdays.
static FILLER_WORDS: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    names::DATE_LINE_WORDS
        .iter()
        .chain(names::WEEKDAYS)
        .copied()
        .collect()
});

/// The longest prefix of `s` no longer than `max` bytes that ends on a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_and_word_scans_match_the_character_scans() {
        for s in [
            "",
            "2021",
            "In 2021 the plan",
            "12021",
            "2021１",
            "１2021",
            "２０２１年",
            "2021年１月",
            "1月 2021",
            "café 2021 résumé",
            "x\u{feff}2021",
            "1989 and 2101",
            "Published 27.11.2026, 14:30",
        ] {
            assert_eq!(
                has_plausible_year(s),
                has_plausible_year_by_chars(s),
                "{s:?}"
            );
            assert_eq!(whitespace_words(s), s.split_whitespace().count(), "{s:?}");
        }
        for s in [
            "",
            " a  b\tc\n",
            "\u{b}x\u{c}y\r",
            "a\u{a0}b \u{3000} c",
            "one",
        ] {
            assert_eq!(whitespace_words(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn date_line_word_check_lets_date_lines_through() {
        for line in [
            "Published: September 2, 2021",
            "Updated Thu, 02 Sep 2021 10:00:00 GMT",
            "Posted on Monday, 2 September 2021 at 10:30 a.m. EDT",
            "2 de septiembre de 2021",
            "2nd of Sept. 2021 | 14:30 Uhr",
            "2021-09-02T10:00:00Z",
            "Sept 2nd 2021",
            "Friday 02.09.2021, 10h30",
        ] {
            assert!(words_may_form_date_line(line), "{line}");
        }
        assert!(!words_may_form_date_line(
            "(c) 2019 The New York Times Company"
        ));
        // The zone names.
        for zone in ["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt"] {
            assert!(DATE_VOCABULARY.contains(zone), "{zone}");
        }
    }

    #[test]
    fn ymd_formats_as_format_does() {
        for (y, m, d) in [(1990, 1, 1), (2021, 9, 2), (2100, 12, 31), (2024, 2, 29)] {
            assert_eq!(ymd(y, m, d), Some(format!("{y:04}-{m:02}-{d:02}")));
        }
        assert_eq!(ymd(2023, 2, 29), None);
        assert_eq!(ymd(1989, 1, 1), None);
    }

    fn date(s: &str) -> Option<String> {
        parse_date(s)
    }

    fn check(cases: &[(&str, &str)]) {
        for (input, expected) in cases {
            assert_eq!(date(input).as_deref(), Some(*expected), "input: {input:?}");
        }
    }

    fn check_none(cases: &[&str]) {
        for input in cases {
            assert_eq!(date(input), None, "input: {input:?}");
        }
    }

    #[test]
    fn month_names_agree_across_languages() {
        let mut seen: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        for list in names::ALL_MONTHS {
            for (forms, month) in list.iter().zip(1..) {
                for name in forms.iter() {
                    assert_eq!(name.to_lowercase(), *name, "{name} must be lowercase");
                    if let Some(previous) = seen.insert(name, month) {
                        assert_eq!(previous, month, "{name} maps to two months");
                    }
                }
            }
        }
        for word in names::DATE_LINE_WORDS.iter().chain(names::WEEKDAYS) {
            assert_eq!(word.to_lowercase(), *word, "{word} must be lowercase");
        }
    }

    #[test]
    fn month_names_are_whole_date_tokens() {
        for (name, _) in MONTHS.iter() {
            assert_eq!(date_tokens(name).collect::<Vec<_>>(), [*name], "{name}");
            for word in ["of", "de", "del"] {
                assert!(!name.eq_ignore_ascii_case(word), "{name}");
            }
        }
    }

    #[test]
    fn textual_parts_read_from_the_match_equal_the_captured_groups() {
        let month_first = compile(&months_in(MONTH_FIRST_PATTERN));
        let day_first = compile(&months_in(DAY_FIRST_PATTERN));
        let mut inputs = vec![
            "September 2, 2021",
            "Sep. 2, 2021",
            "Sept 2nd 2021",
            "Sept. 2nd, 2021",
            "SEPT 2ND , 2021",
            "Mayo 2 de 2021",
            "2 September 2021",
            "2nd of September 2021",
            "Thu 2 Sep 2021",
            "02-Sep-2021",
            "2. Sept. 2021",
            "1er septembre 2021",
            "2 de septiembre de 2021",
            "2 de septiembre del 2021",
            "2º de mayo, 2021",
            "2° mayo 2021",
            "3 mayo - de 2021",
            "2 сентября 2021",
            "2 WRZEŚNIA 2021",
            "1ſt of may 2021",
            "may 1ſt 2021",
            "21 października 2021 r.",
            "15. März 2021 and 16. März 2021",
        ];
        let long = "mars 3 2021 ".repeat(3) + "2 de de mayo 2021";
        inputs.push(&long);
        for s in inputs {
            for (re, parts, groups) in [
                (
                    &month_first,
                    month_first_parts as fn(&str) -> Option<Parts>,
                    [1, 2, 3],
                ),
                (&day_first, day_first_parts, [2, 1, 3]),
            ] {
                for c in re.captures_iter(s) {
                    let whole = c.get(0).map_or("", |m| m.as_str());
                    let Some((month, day, year)) = parts(whole) else {
                        continue;
                    };
                    assert_eq!(Some(month), c.get(groups[0]).map(|m| m.as_str()), "{s}");
                    assert_eq!(Some(day), num(&c, groups[1]), "{s}");
                    assert_eq!(Some(year), num(&c, groups[2]), "{s}");
                }
            }
        }
    }

    #[test]
    fn iso_dates_and_timestamps() {
        check(&[
            ("2021-09-02", "2021-09-02"),
            ("2021-9-2", "2021-09-02"),
            ("2021-09-02T10:00:00Z", "2021-09-02T10:00:00+00:00"),
            ("2021-09-02T10:00:00+02:00", "2021-09-02T10:00:00+02:00"),
            ("2021-09-02T10:00:00.123-0500", "2021-09-02T10:00:00-05:00"),
            ("2021-09-02T10:00", "2021-09-02T10:00:00"),
            ("2021-09-02 10:00:30 UTC", "2021-09-02T10:00:30+00:00"),
            ("Posted 2021-09-02", "2021-09-02"),
            ("2021-09-02T25:00:00Z", "2021-09-02"),
        ]);
        check_none(&[
            "2021-13-02",
            "2021-02-30",
            "1989-01-01",
            "2101-01-01",
            "12021-09-02",
        ]);
    }

    #[test]
    fn rfc2822_timestamps() {
        check(&[
            ("Thu, 02 Sep 2021 10:00:00 GMT", "2021-09-02T10:00:00+00:00"),
            (
                "Thu, 2 Sep 2021 10:00:00 +0200",
                "2021-09-02T10:00:00+02:00",
            ),
            ("Thu, 02 Sep 2021 10:00 EDT", "2021-09-02T10:00:00-04:00"),
            ("02 Sep 2021 10:00:00", "2021-09-02T10:00:00"),
        ]);
    }

    #[test]
    fn numeric_dates() {
        check(&[
            ("2021/09/02", "2021-09-02"),
            ("2021.09.02", "2021-09-02"),
            ("2021. 9. 2.", "2021-09-02"),
            ("02.09.2021", "2021-09-02"),
            ("2.9.2021", "2021-09-02"),
            ("2. 9. 2021", "2021-09-02"),
            ("02-09-2021", "2021-09-02"),
            ("09-30-2021", "2021-09-30"),
            ("09/02/2021", "2021-09-02"),
            ("9/2/2021", "2021-09-02"),
            ("30/09/2021", "2021-09-30"),
            ("12/31/2021", "2021-12-31"),
        ]);
        check_none(&[
            "02/30/2021",
            "31.02.2021",
            "13.13.2021",
            "02.09/2021",
            "2021/09.02",
            "1.2.3.2021",
            "02.09.1850",
            "version 1.2.2021.3",
        ]);
    }

    #[test]
    fn english_dates() {
        check(&[
            ("September 2, 2021", "2021-09-02"),
            ("Sep. 2, 2021", "2021-09-02"),
            ("Sept 2nd 2021", "2021-09-02"),
            ("Sept. 2nd, 2021", "2021-09-02"),
            ("2 September 2021", "2021-09-02"),
            ("2nd of September 2021", "2021-09-02"),
            ("Thursday, September 2, 2021", "2021-09-02"),
            ("Thu 2 Sep 2021", "2021-09-02"),
            ("february 29, 2020", "2020-02-29"),
            ("May 1, 2021", "2021-05-01"),
            ("DECEMBER 31, 1999", "1999-12-31"),
            ("02-Sep-2021", "2021-09-02"),
        ]);
        check_none(&[
            "February 29, 2021",
            "September 31, 2021",
            "September 2021",
            "September 2",
            "Sep 22021",
            "Omar 5, 2021",
            "5 mins read",
            "Chapter 2, 2021 edition",
        ]);
    }

    #[test]
    fn german_dates() {
        check(&[
            ("2. September 2021", "2021-09-02"),
            ("2. Sept. 2021", "2021-09-02"),
            ("Donnerstag, 2. September 2021", "2021-09-02"),
            ("15. März 2021", "2021-03-15"),
            ("1. Jänner 2021", "2021-01-01"),
            ("24. Dez. 2020", "2020-12-24"),
        ]);
        check_none(&["2. Sept.", "32. März 2021"]);
    }

    #[test]
    fn french_dates() {
        check(&[
            ("2 septembre 2021", "2021-09-02"),
            ("1er septembre 2021", "2021-09-01"),
            ("jeudi 2 septembre 2021", "2021-09-02"),
            ("15 août 2021", "2021-08-15"),
            ("3 févr. 2021", "2021-02-03"),
            ("12 déc. 2021", "2021-12-12"),
        ]);
    }

    #[test]
    fn spanish_portuguese_italian_dutch_dates() {
        check(&[
            ("2 de septiembre de 2021", "2021-09-02"),
            ("2 de setembro de 2021", "2021-09-02"),
            ("jueves, 2 de septiembre del 2021", "2021-09-02"),
            ("15 de março de 2021", "2021-03-15"),
            ("2 settembre 2021", "2021-09-02"),
            ("2 set 2021", "2021-09-02"),
            ("giovedì 2 settembre 2021", "2021-09-02"),
            ("2 september 2021", "2021-09-02"),
            ("2 mrt. 2021", "2021-03-02"),
            ("17 mei 2021", "2021-05-17"),
            ("2 maj 2021", "2021-05-02"),
        ]);
    }

    #[test]
    fn slavic_dates() {
        check(&[
            ("2 września 2021", "2021-09-02"),
            ("2 wrzesień 2021", "2021-09-02"),
            ("2 WRZEŚNIA 2021", "2021-09-02"),
            ("21 października 2021 r.", "2021-10-21"),
            ("2 сентября 2021", "2021-09-02"),
            ("2 сентября 2021 г.", "2021-09-02"),
            ("2 Сентября 2021г.", "2021-09-02"),
            ("2 сентябрь 2021", "2021-09-02"),
            ("2 вересня 2021", "2021-09-02"),
            ("2. září 2021", "2021-09-02"),
            ("2. května 2021", "2021-05-02"),
            ("2 Eylül 2021", "2021-09-02"),
        ]);
        check_none(&["2 сентября", "31 ноября 2021"]);
    }

    #[test]
    fn cjk_dates() {
        check(&[
            ("2021年9月2日", "2021-09-02"),
            ("2021年09月02日 10:30", "2021-09-02"),
            ("发布时间：2021年9月2日", "2021-09-02"),
            ("２０２１年９月２日", "2021-09-02"),
            ("2021년 9월 2일", "2021-09-02"),
        ]);
        check_none(&["2021年13月2日", "9月2日"]);
    }

    #[test]
    fn earliest_date_wins() {
        check(&[
            (
                "Updated 3 Sept 2021, first published 2021-09-01",
                "2021-09-03",
            ),
            ("2021-09-01 (updated September 3, 2021)", "2021-09-01"),
        ]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let long = "é".repeat(5000) + " 2 September 2021";
        for input in [
            "",
            " ",
            "9999999999999999999999-01-01",
            "日月年",
            &long,
            "2021-",
            "Z",
        ] {
            let _ = parse_date(input);
            let _ = is_date_line(input);
        }
        assert_eq!(parse_date("99999999999/99999999999/99999999999"), None);
    }

    #[test]
    fn date_lines() {
        for line in [
            "September 2, 2021",
            "Published September 2, 2021",
            "Published: Thursday, September 2, 2021 10:30 AM EDT",
            "Posted on Sep. 2, 2021 at 10:30 a.m.",
            "Last updated: 2021-09-02T10:00:00Z",
            "Updated 2 Sep 2021 | Published 1 Sep 2021",
            "Posted • 2 September 2021",
            "02.09.2021",
            "02.09.2021, 14:30 Uhr",
            "Veröffentlicht am 2. September 2021 um 14:30 Uhr",
            "Aktualisiert: Donnerstag, 2. September 2021",
            "Publié le 1er septembre 2021 à 14h30",
            "Mis à jour le 2 septembre 2021",
            "Publicado el 2 de septiembre de 2021",
            "Publicado em 2 de setembro de 2021, às 10:30",
            "Pubblicato il 2 settembre 2021 alle ore 10:30",
            "Gepubliceerd op 2 september 2021 om 10:30 uur",
            "Opublikowano: 2 września 2021, 10:30",
            "Опубликовано 2 сентября 2021 г. в 10:30",
            "发布时间：2021年9月2日 10:30",
            "2021年9月2日(木) 10:30",
            "입력 2021년 9월 2일 오전 10:30",
            "Thu, 02 Sep 2021 10:00:00 GMT",
            "- 2 September 2021 -",
            "Sep. 2, 2021 8:03 am ET",
            "14:53 GMT +3 2 September 2021",
            "December 18, 2025 ・ 3 min read",
            "2. September 2021 · Lesezeit: 4 Min.",
            "Sevilla, 27 nov. 2021 - 10:15 h",
            "Publié le 27 novembre 2021 à 08h12 Mis à jour le 27 novembre 2021 à 10h45",
            "NEW YORK, Sept. 2, 2021",
            "San Francisco, 2 September 2021",
        ] {
            assert!(is_date_line(line), "should be a date line: {line:?}");
        }
    }

    #[test]
    fn not_date_lines() {
        for line in [
            "",
            "5 mins read",
            "Published:",
            "Published: Updated:",
            "On September 2, 2021, the council approved the new budget after a long debate.",
            "The council met on 2 September 2021.",
            "Am 2. September 2021 hat der Rat den Haushalt beschlossen.",
            "Le 2 septembre 2021, le conseil a voté le budget.",
            "2 сентября 2021 года совет утвердил бюджет.",
            "By John Smith | September 2, 2021",
            "September 2, 2021 | 12 comments",
            "September 2021",
            "Published 3 hours ago",
            "Tickets: 02.09.2021, 19:30, Stadthalle",
            "Page 2 of 10",
            "Reuters September 2, 2021 11:03 PM",
            "21:17 02.09.2021 Get short URL",
            "1. 2 Sep 2021, 9:42am",
            "Smith and Jones, 2 September 2021",
            "The council, 2 September 2021",
        ] {
            assert!(!is_date_line(line), "should not be a date line: {line:?}");
        }
    }
}
