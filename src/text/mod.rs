//! Text input: splitting extracted text into segments, one per non-empty line.

use crate::article::BlockKind;
use crate::error::{Error, Result};
use crate::options::Options;
use crate::segment::{Document, Origin, PageMeta, Segment};

/// Share of control bytes above which text input is refused as binary.
use crate::rules::thresholds::{MAX_INPUT_CONTROL_PERCENT, MAX_INPUT_REPLACED_PERCENT};

/// Refuses input that is mostly control characters or undecodable bytes (U+FFFD left by a
/// lossy decode): binary data given as text.
pub(crate) fn check_not_binary(text: &str) -> Result<()> {
    let (control, replaced) = junk_percent(text, BINARY_SAMPLE_CHARS);
    if control > MAX_INPUT_CONTROL_PERCENT || replaced > MAX_INPUT_REPLACED_PERCENT {
        return Err(Error::Binary {
            control_share: control + replaced,
        });
    }
    Ok(())
}

/// Shares, in percent, of control characters (other than line breaks and tabs) and of U+FFFD
/// among the first `sample` characters of `text`; zeros for empty text.
pub(crate) fn junk_percent(text: &str, sample: usize) -> (f32, f32) {
    // A character takes at most 4 bytes, so the sample lies within this prefix; when the
    // prefix has no byte that can start or be a junk character, every share is zero.
    if !has_junk(text.as_bytes(), text.len().min(sample.saturating_mul(4))) {
        return (0.0, 0.0);
    }
    let (mut total, mut control, mut replaced) = (0usize, 0usize, 0usize);
    for c in text.chars().take(sample) {
        total += 1;
        control += usize::from(c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0c}'));
        replaced += usize::from(c == char::REPLACEMENT_CHARACTER);
    }
    if total == 0 {
        return (0.0, 0.0);
    }
    let pct = |n: usize| n as f32 * 100.0 / total as f32;
    (pct(control), pct(replaced))
}

/// Whether a junk character starts in the first `end` bytes: a branch-free test per chunk
/// that the compiler vectorises, then the exact test on the rare chunks it flags.
fn has_junk(bytes: &[u8], end: usize) -> bool {
    const CHUNK: usize = 32;
    let head = bytes.get(..end).unwrap_or(bytes);
    // Fixed-size chunks, whose test the compiler turns into a few vector compares; the last
    // partial chunk goes through the same test byte by byte.
    let chunks = head.chunks_exact(CHUNK);
    let rest_at = head.len() - chunks.remainder().len();
    for (n, chunk) in chunks.enumerate() {
        let Ok(chunk) = <&[u8; CHUNK]>::try_from(chunk) else {
            continue;
        };
        let flagged = chunk
            .iter()
            .fold(0u8, |acc, &b| acc | u8::from(may_be_junk(b)))
            != 0;
        let offset = n * CHUNK;
        if flagged && (offset..offset + CHUNK).any(|i| is_junk_at(bytes, i)) {
            return true;
        }
    }
    (rest_at..head.len()).any(|i| may_be_junk(bytes[i]) && is_junk_at(bytes, i))
}

/// The byte may start a junk character (see [`is_junk_at`]): a control byte but line breaks,
/// tabs and form feeds, DEL, or the lead byte of C1 controls (0xC2) or of U+FFFD (0xEF).
#[inline(always)]
fn may_be_junk(b: u8) -> bool {
    ((b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0c))
        | (b == 0x7f)
        | (b == 0xc2)
        | (b == 0xef)
}

/// A junk character starts at byte `i` of UTF-8 text: a control character (C0 but line
/// breaks, tabs and form feeds; DEL; C1, encoded `0xC2 0x80..=0x9F`) or U+FFFD (`0xEF 0xBF
/// 0xBD`).
fn is_junk_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' | b'\r' | b'\t' | 0x0c => false,
        0x00..=0x1f | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)),
        0xef => bytes.get(i + 1..i + 3) == Some(&[0xbf, 0xbd][..]),
        _ => false,
    }
}

/// How many leading characters the binary check samples.
const BINARY_SAMPLE_CHARS: usize = 8192;

/// Words after a dash from which a sentence reads as a quotation, not a list item.
const DIALOGUE_MIN_WORDS: usize = 12;

/// Bullet markers that open a list item line.
const BULLETS: &[&str] = &["* ", "• ", "· ", "- ", "– ", "— ", "▪ ", "► ", "◦ "];

/// Splits a line's bullet marker off: `"* item"` gives `(true, "item")`.
#[inline(always)]
fn strip_bullet(line: &str) -> (bool, &str) {
    // Every marker starts with `*`, `-` or the lead byte 0xC2 or 0xE2 (`•`, `·`, dashes...).
    if !matches!(line.as_bytes().first(), Some(b'*' | b'-' | 0xC2 | 0xE2)) {
        return (false, line);
    }
    for b in BULLETS {
        if let Some(rest) = line.strip_prefix(b) {
            if b.starts_with(['–', '—']) && is_dialogue(rest) {
                return (false, line);
            }
            return (true, rest.trim_start());
        }
    }
    if line == "*" || line == "•" {
        return (true, "");
    }
    (false, line)
}

/// A dash before a long sentence opens a quotation, as Polish, French, Spanish, Italian and
/// Russian papers print them ("– To budżet odpowiedzialny – powiedział minister."), not a
/// list item: the line stays a paragraph, dash and all.
#[cold]
#[inline(never)]
fn is_dialogue(rest: &str) -> bool {
    rest.split_whitespace()
        .nth(DIALOGUE_MIN_WORDS - 1)
        .is_some()
        && rest
            .trim_end()
            .ends_with(['.', '!', '?', '…', '»', '"', '”'])
}

/// Splits text into one segment per non-empty line, recording indentation, bullets and
/// whether a blank line came before.
#[inline(never)]
pub(crate) fn segment<'a>(text: &'a str, options: &Options) -> Document<'a> {
    let limits = &options.limits;
    // A first guess of the segment count (extracted pages average a segment per 30 bytes or
    // so), so that pushing rarely regrows the vector; at most a segment per 64 bytes is
    // reserved up front, never more than `max_blocks`.
    let mut segments = Vec::with_capacity((text.len() / 64).min(limits.max_blocks));
    let mut gap = true;
    for raw in lines(text) {
        let trimmed = trim(raw);
        if trimmed.is_empty() {
            gap = true;
            continue;
        }
        // `trim` starts where `trim_start` does: the indent is the offset of the trimmed line.
        let indent = trimmed.as_ptr() as usize - raw.as_ptr() as usize;
        let (bullet, mut body) = strip_bullet(trimmed);
        // "- - x" is one item: strip every marker, so that the output reads back the same.
        if bullet {
            while let (true, rest) = strip_bullet(body) {
                body = rest;
            }
        }
        if body.is_empty() {
            continue;
        }
        if segments.len() >= limits.max_blocks {
            break;
        }
        let body = cut_at_char_boundary(body, limits.max_block_bytes);
        let mut seg = Segment::new(
            body,
            if bullet {
                BlockKind::ListItem
            } else {
                BlockKind::Paragraph
            },
        );
        seg.bullet = bullet;
        seg.indent = indent.min(u32::MAX as usize) as u32;
        seg.gap_before = gap;
        segments.push(seg);
        gap = false;
    }
    Document {
        origin: Origin::Text,
        segments,
        meta: PageMeta::default(),
    }
}

/// The lines of `text` as `str::lines` gives them (split at `\n`, `\r\n` as one break),
/// except that a text ending with a line break also gives an empty last line, which
/// [`segment`] skips like any blank line. Line breaks are found by `memchr`, not by a
/// character searcher.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match memchr::memchr(b'\n', current.as_bytes()) {
            // `\n` is ASCII: both cuts fall on character boundaries.
            Some(i) => {
                rest = current.get(i + 1..);
                let line = current.get(..i).unwrap_or_default();
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// `str::trim`, with ASCII whitespace cut by bytes: the Unicode search runs only when a
/// non-ASCII character is left at either end.
fn trim(s: &str) -> &str {
    // `char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed, carriage
    // return and space.
    let blank = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = s.as_bytes();
    // Indentation (converters indent by nesting depth) skipped eight spaces at a time.
    let mut start = 0;
    while let Some(eight) = bytes.get(start..).and_then(<[u8]>::first_chunk::<8>) {
        if *eight != [b' '; 8] {
            break;
        }
        start += 8;
    }
    let start = bytes[start..]
        .iter()
        .position(|b| !blank(b))
        .map_or(bytes.len(), |i| start + i);
    let end = bytes
        .iter()
        .rposition(|b| !blank(b))
        .map_or(start, |i| i + 1);
    // Cut at ASCII bytes: always character boundaries.
    let inner = s.get(start..end).unwrap_or_default();
    match (inner.as_bytes().first(), inner.as_bytes().last()) {
        (Some(&first), Some(&last)) if !first.is_ascii() || !last.is_ascii() => inner.trim(),
        _ => inner,
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
pub(crate) fn cut_at_char_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_bullets_indent_and_gaps() {
        let doc = segment("Title\n\n  * one\n  * two\n\nPara.", &Options::default());
        let s = &doc.segments;
        assert_eq!(s.len(), 4);
        assert_eq!(s[1].text, "one");
        assert!(s[1].bullet && s[1].gap_before);
        assert!(!s[2].gap_before);
        assert_eq!(s[2].indent, 2);
        assert_eq!(s[3].kind, BlockKind::Paragraph);
    }

    #[test]
    fn a_dash_before_a_long_sentence_is_a_quotation_not_a_bullet() {
        let quote = "– To budżet odpowiedzialny, ale też budżet bezpieczeństwa na trudne czasy – powiedział minister finansów.";
        let text = format!("{quote}\n– krótka pozycja listy\n— Nous allons continuer.");
        let doc = segment(&text, &Options::default());
        let s = &doc.segments;
        assert_eq!(
            (s[0].text.as_ref(), s[0].kind),
            (quote, BlockKind::Paragraph)
        );
        assert!(!s[0].bullet);
        assert_eq!(
            (s[1].text.as_ref(), s[1].kind),
            ("krótka pozycja listy", BlockKind::ListItem)
        );
        assert_eq!(s[2].text, "Nous allons continuer.");
    }

    #[test]
    fn binary_is_refused() {
        assert!(check_not_binary(&"\0".repeat(100)).is_err());
        assert!(check_not_binary("plain text\n").is_ok());
        let lossy = String::from_utf8_lossy(&[0xff; 64]).into_owned();
        assert!(check_not_binary(&lossy).is_err());
        assert!(check_not_binary("Café crème, naïve résumé — “quoted” 日本語").is_ok());
    }

    #[test]
    fn junk_shares_match_a_char_by_char_count() {
        let reference = |t: &str| {
            let chars: Vec<char> = t.chars().collect();
            let n = chars.len().max(1) as f32;
            let control = chars
                .iter()
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0c}'))
                .count();
            let replaced = chars.iter().filter(|&&c| c == '\u{fffd}').count();
            (control as f32 * 100.0 / n, replaced as f32 * 100.0 / n)
        };
        let long_clean = "plain words and more words ".repeat(10);
        for t in [
            "",
            "plain\ttext\r\n\u{0c}",
            "nbsp\u{a0}and ©, «quotes», \u{ef}\u{bf}",
            "\u{85} next-line and \u{9f}",
            "a\u{0}b\u{7f}c\u{1b}",
            "bad \u{fffd}\u{fffd} bytes",
            long_clean.as_str(),
            &(long_clean.clone() + "\u{1}"),
        ] {
            assert_eq!(junk_percent(t, usize::MAX), reference(t), "{t:?}");
        }
    }

    #[test]
    fn lines_and_trim_match_the_standard_library() {
        for t in [
            "",
            "\n",
            "a\r\nb\n\n c \r\n",
            "  \u{a0}x\u{2003} \t",
            "\u{3000}\u{85}",
            " \u{b}y\u{c}",
            "last",
            "é\r",
            "\r\r\n",
        ] {
            let ours: Vec<&str> = lines(t).map(trim).filter(|l| !l.is_empty()).collect();
            let std: Vec<&str> = t.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            assert_eq!(ours, std, "{t:?}");
            for line in t.lines() {
                assert_eq!(trim(line), line.trim(), "{line:?}");
            }
        }
    }

    #[test]
    fn cuts_on_char_boundary() {
        assert_eq!(cut_at_char_boundary("héllo", 2), "h");
    }
}
