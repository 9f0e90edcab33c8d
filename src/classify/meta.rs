//! Metadata found among the blocks: the headline, the date line and the byline.

use super::cues::Cue;
use super::features::Stats;
use crate::rules::patterns::{BYLINE, RELATIVE_TIME};
use crate::rules::phrases;
use crate::rules::thresholds::{TITLE_MAX_WORDS, TITLE_MIN_WORDS, TITLE_WINDOW};

/// Separators between a page title and the site name ("Headline - Site", "Site | Headline").
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • "];

/// Could this block be a headline?
fn headline_like(text: &str, stats: &Stats, cue: Cue) -> bool {
    cue == Cue::Plain
        && (TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&stats.words)
        && !text.trim_end().ends_with(['.', ':', ',', ';'])
        && stats.sentence_marks <= 1
        && text.chars().any(char::is_alphabetic)
        // "Atualizado há 2 horas": a date label, not a headline.
        && !(stats.has_digit && RELATIVE_TIME.is_match(text))
}

/// The same words, case and punctuation aside: "Climat : la France…" reads as "climat la
/// france…".
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    // Quick exit: the titles compared are mostly not the headline at all.
    if a.len().abs_diff(b.len()) > a.len().max(b.len()) / 2 {
        return false;
    }
    // Lowercase word characters, a space after each word; compared without allocating.
    fn words(s: &str) -> impl Iterator<Item = char> + '_ {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .flat_map(|w| w.chars().flat_map(char::to_lowercase).chain([' ']))
    }
    words(a).next().is_some() && words(a).eq(words(b))
}

/// `candidate` is the page title with the site name cut off: `first` is "candidate - Site".
fn is_page_title_of(candidate: &str, first: &str) -> bool {
    candidate.len() < first.len()
        && TITLE_SEPARATORS.iter().any(|sep| {
            first.starts_with(candidate) && first[candidate.len()..].starts_with(sep)
                || first.ends_with(candidate)
                    && first[..first.len() - candidate.len()].ends_with(sep)
        })
}

/// Score taken from a headline candidate that reads as the standfirst of the line above.
const STANDFIRST_PENALTY: f32 = 1.0;

/// Picks the headline among the blocks just before the body starts at `start`. Returns its index.
pub(crate) fn find_title(
    texts: &[&str],
    gaps: &[bool],
    stats: &[Stats],
    cues: &[Cue],
    start: usize,
) -> Option<usize> {
    let first = texts.first()?.trim();
    let lo = start.saturating_sub(TITLE_WINDOW);
    let mut best: Option<(f32, usize)> = None;
    for i in lo..start {
        if !headline_like(texts[i], &stats[i], cues[i]) {
            continue;
        }
        let text = texts[i].trim();
        // Distance in lines that a rule left standing: labels a rule removed ("Published:
        // Updated:", "5 min read") sit between a headline and its body.
        let between = (i + 1..start)
            .filter(|&j| !matches!(cues[j], Cue::Drop(_)))
            .count();
        let mut score = -0.5 * (between + 1) as f32;
        if i > 0 && (text == first || is_page_title_of(text, first)) {
            score += 6.0;
        }
        if (4.0..=20.0).contains(&stats[i].words) {
            score += 2.0;
        }
        // Headlines stand alone: a break before and after.
        if gaps[i] && gaps.get(i + 1).copied().unwrap_or(true) {
            score += 1.5;
        }
        let digits = text.chars().filter(char::is_ascii_digit).count();
        if digits * 5 > text.chars().count()
            || spaced_count(text, b'-') + spaced_count(text, b'|') >= 2
        {
            score -= 3.0;
        }
        // A longer headline-like line right under a shorter one is its standfirst.
        if i > lo
            && headline_like(texts[i - 1], &stats[i - 1], cues[i - 1])
            && stats[i - 1].words < stats[i].words
        {
            score -= STANDFIRST_PENALTY;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    if let Some((_, i)) = best {
        return Some(i);
    }
    // The document's first line is often the page title.
    (start > 0 && headline_like(first, &stats[0], cues[0])).then_some(0)
}

/// `text.matches(" M ").count()` for an ASCII mark `M`: the non-overlapping occurrences of
/// the mark between two spaces, found from the mark's positions.
fn spaced_count(text: &str, mark: u8) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut free_from) = (0, 0);
    for at in memchr::memchr_iter(mark, bytes) {
        // A match is `at - 1 .. at + 2`; the next may start where it ends.
        if at > free_from && bytes.get(at - 1) == Some(&b' ') && bytes.get(at + 1) == Some(&b' ') {
            count += 1;
            free_from = at + 2;
        }
    }
    count
}

/// The headline text: a page title line loses its site-name suffix when a separator splits it
/// into a long part and a short one.
pub(crate) fn title_text(text: &str) -> String {
    let text = text.trim();
    for sep in TITLE_SEPARATORS {
        // Most titles hold none of the separators: their second byte (the ASCII mark, or the
        // lead byte of the dash or dot) rules them out without setting up a search.
        if sep
            .as_bytes()
            .get(1)
            .is_none_or(|&b| memchr::memchr(b, text.as_bytes()).is_none())
        {
            continue;
        }
        if let Some((head, tail)) = text.rsplit_once(sep) {
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    text.to_string()
}

/// The author's name from a byline ("By Jane Doe | Reuters" gives "Jane Doe").
pub(crate) fn author_from_byline(text: &str) -> Option<String> {
    if let Some(name) = dated_byline(text) {
        return Some(name.to_string());
    }
    let text = byline_part(text);
    if !BYLINE.is_match(text) {
        return None;
    }
    let after = text.split_once(char::is_whitespace)?.1.trim_start();
    let after = after.strip_prefix("by ").unwrap_or(after);
    let after = after.trim_start_matches(':').trim();
    let name = after.split(['|', '–', '(']).next()?.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Words in the name that closes a dated byline, at most.
const DATED_BYLINE_MAX_NAME_WORDS: usize = 4;

/// The author's name closing a date line ("Posted on May 12, 2026 by Sabine"): one to four
/// words without digits or sentence marks after the last byline word, and a date line before
/// it. Only the last words are looked at, from the end: most lines have no byline word there.
pub(crate) fn dated_byline(text: &str) -> Option<&str> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    for _ in 0..=DATED_BYLINE_MAX_NAME_WORDS {
        // Spaces are ASCII: the cuts are character boundaries.
        let space = memchr::memrchr(b' ', &bytes[..end])?;
        let word = &text[space + 1..end];
        if end < bytes.len()
            && phrases::DATED_BYLINE_WORDS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word) || *w == word)
        {
            let name = text[end..].trim();
            let plain = name
                .chars()
                .all(|c| !c.is_ascii_digit() && !matches!(c, '.' | '!' | '?' | ':' | ';' | '|'));
            return (plain
                && name.starts_with(char::is_alphabetic)
                && crate::date::is_date_line(&text[..space]))
            .then_some(name);
        }
        end = space;
    }
    None
}

/// A byline without the date that may follow it ("By Jane Doe Monday, November 18, 2019,
/// 04:05 pm PT"), trimmed.
pub(crate) fn byline_part(text: &str) -> &str {
    let text = text.trim();
    let Some(cut) = crate::date::date_start(text).filter(|&cut| cut > 0) else {
        return text;
    };
    let separator = |c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | '|' | '·' | '•');
    let mut head = text[..cut].trim_end_matches(separator);
    // The weekday or label before the date ("Monday,", "Updated").
    while let Some((rest, last)) = head.rsplit_once(char::is_whitespace) {
        if !crate::date::is_date_label(last) {
            break;
        }
        head = rest.trim_end_matches(separator);
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_bylines_name_their_author() {
        for (line, name) in [
            ("Posted on May 12, 2026 by Sabine", "Sabine"),
            (
                "Veröffentlicht am 12. Mai 2026 von Sabine Weber",
                "Sabine Weber",
            ),
            ("Opublikowano 3 marca 2026 przez Asia", "Asia"),
            ("Publié le 3 mars 2026 par Julie", "Julie"),
        ] {
            assert_eq!(dated_byline(line), Some(name), "{line}");
            assert_eq!(author_from_byline(line).as_deref(), Some(name), "{line}");
        }
        for line in [
            "The plan was approved on May 12, 2026 by the council of the city.",
            "May 12, 2026 by 3 votes to 2",
            "Posted on May 12, 2026 by Sabine. She wrote it in the garden.",
        ] {
            assert_eq!(dated_byline(line), None, "{line}");
        }
    }

    #[test]
    fn spaced_count_matches_str_matches() {
        for t in [
            "",
            " - ",
            "a - b - c",
            " - - ",
            " -  - ",
            "-- | -",
            "x | y | z - w",
            " - - - ",
        ] {
            for (mark, pat) in [(b'-', " - "), (b'|', " | ")] {
                assert_eq!(spaced_count(t, mark), t.matches(pat).count(), "{t:?}");
            }
        }
    }

    #[test]
    fn a_byline_loses_the_date_after_it() {
        assert_eq!(
            author_from_byline("by Jeff Foust Monday, November 18, 2019").as_deref(),
            Some("Jeff Foust")
        );
        assert_eq!(
            author_from_byline("Von Eva Muster | Aktualisiert am 3. März 2025").as_deref(),
            Some("Eva Muster")
        );
    }

    #[test]
    fn site_suffix_is_removed() {
        assert_eq!(
            title_text("Storm closes schools - Daily Planet"),
            "Storm closes schools"
        );
        assert_eq!(
            title_text("US may coordinate with Taliban against ISIS: Top military official"),
            "US may coordinate with Taliban against ISIS: Top military official"
        );
    }

    #[test]
    fn page_title_match() {
        assert!(is_page_title_of(
            "Storm closes schools",
            "Storm closes schools | Daily Planet"
        ));
        assert!(!is_page_title_of(
            "Storm",
            "Storm closes schools | Daily Planet"
        ));
    }

    #[test]
    fn author_names() {
        assert_eq!(
            author_from_byline("By Jane Doe | Reuters").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            author_from_byline("Von Max Mustermann").as_deref(),
            Some("Max Mustermann")
        );
        assert_eq!(author_from_byline("The end."), None);
    }
}
