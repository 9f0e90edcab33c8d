//! Page bytes to text: picks the character encoding the way browsers do (WHATWG "encoding
//! sniffing", simplified) and decodes with `encoding_rs`, so malformed bytes become U+FFFD
//! instead of errors.
//!
//! Sources, first hit wins: byte order mark; the HTTP `Content-Type` charset given by the
//! caller; a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first few KB; an
//! `<?xml encoding?>` declaration; valid UTF-8; `chardetng`'s guess. An unknown label is
//! skipped rather than reported, so the next source gets its turn.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252, X_USER_DEFINED};
use memchr::memmem;
use once_cell::sync::Lazy;
use regex::bytes::Regex;

use crate::error::{Error, Result};

/// How far into the page the `<meta>` prescan looks (the WHATWG prescan uses 1024 bytes;
/// real pages often put the declaration after long `<script>` or `<link>` runs).
const PRESCAN_BYTES: usize = 4096;

/// How much of the page the binary check samples.
const BINARY_SAMPLE_BYTES: usize = 8192;

/// Share of control bytes above which the input is taken for binary data. Text in any
/// ASCII-compatible encoding has almost none; random or compressed data has about 11%.
const MAX_CONTROL_SHARE: f32 = 0.05;

/// Decodes page bytes to a string, detecting the encoding (see the module docs).
///
/// Fails only with [`Error::Binary`] when the bytes are not text at all.
pub(crate) fn decode(bytes: &[u8], content_type: Option<&str>) -> Result<String> {
    let (encoding, bom_len) = detect(bytes, content_type);
    let body = bytes.get(bom_len..).unwrap_or_default();
    if bom_len == 0 && !is_utf16(encoding) {
        check_not_binary(body)?;
    }
    let (text, _had_errors) = encoding.decode_without_bom_handling(body);
    Ok(match text {
        Cow::Borrowed(text) => text.to_string(),
        Cow::Owned(text) => text,
    })
}

/// The encoding of `bytes` and the length of its byte order mark (0 when there is none).
pub(crate) fn detect(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, usize) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (encoding, bom_len);
    }
    let declared = content_type
        .and_then(http_charset)
        .or_else(|| meta_charset(bytes))
        .or_else(|| xml_encoding(bytes));
    if let Some(encoding) = declared {
        // A legacy declaration on bytes that are valid, non-ASCII UTF-8 is a stale template
        // or server default: text in a legacy encoding is almost never valid UTF-8 by chance.
        if !is_utf16(encoding) && encoding != UTF_8 && is_non_ascii_utf8(bytes) {
            return (UTF_8, 0);
        }
        return (encoding, 0);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, 0);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    (detector.guess(None, true), 0)
}

/// The `charset` parameter of a `Content-Type` value, or a bare label given on its own.
fn http_charset(content_type: &str) -> Option<&'static Encoding> {
    static CHARSET: Lazy<regex::Regex> = Lazy::new(|| {
        regex::Regex::new(r#"(?i)\bcharset\s*=\s*["']?\s*([^"';,\s]+)"#)
            .expect("charset pattern is valid")
    });
    let label = match CHARSET.captures(content_type) {
        Some(captures) => captures.get(1)?.as_str(),
        // "utf-8" alone is a label; "text/html" alone says nothing about the encoding.
        None if !content_type.contains(['/', '=', ';']) => content_type,
        None => return None,
    };
    Encoding::for_label_no_replacement(label.trim().as_bytes())
}

/// The encoding a `<meta>` tag in the first [`PRESCAN_BYTES`] declares, with the WHATWG
/// corrections: a UTF-16 declaration means UTF-8 (the bytes were evidently readable as
/// ASCII), and x-user-defined means windows-1252.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static META: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i-u)<meta\b[^>]*>").expect("meta pattern is valid"));
    static CHARSET: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r#"(?i-u)[\s"'/;]charset\s*=\s*["']?\s*([a-z0-9_:.+\-]+)"#)
            .expect("charset pattern is valid")
    });
    static NAME_ATTR: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i-u)\sname\s*=").expect("name pattern is valid"));
    static HTTP_EQUIV: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i-u)\shttp-equiv\s*=").expect("http-equiv pattern is valid"));

    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    META.find_iter(head)
        .filter(|tag| !in_comment(head, tag.start()))
        .filter_map(|tag| {
            let tag = tag.as_bytes();
            // `<meta name="description" content="... charset=...">` declares nothing.
            if NAME_ATTR.is_match(tag) && !HTTP_EQUIV.is_match(tag) {
                return None;
            }
            let label = CHARSET.captures(tag)?.get(1)?.as_bytes();
            Encoding::for_label_no_replacement(label)
        })
        .map(|encoding| match encoding {
            e if is_utf16(e) => UTF_8,
            e if e == X_USER_DEFINED => WINDOWS_1252,
            e => e,
        })
        .next()
}

/// The `encoding` of an XML declaration opening the document (XHTML served as HTML).
fn xml_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    static XML_DECL: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r#"(?i-u)\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([a-z0-9_:.+\-]+)"#)
            .expect("xml declaration pattern is valid")
    });
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let label = XML_DECL.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label_no_replacement(label)?;
    Some(if is_utf16(encoding) { UTF_8 } else { encoding })
}

/// Whether `pos` lies inside an HTML comment opened before it and not yet closed.
fn in_comment(head: &[u8], pos: usize) -> bool {
    let before = &head[..pos];
    match memmem::rfind(before, b"<!--") {
        Some(open) => memmem::find(&before[open + 4..], b"-->").is_none(),
        None => false,
    }
}

fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding.output_encoding() != encoding
}

/// Valid UTF-8 with at least one multi-byte sequence.
fn is_non_ascii_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// Rejects input whose sampled prefix is mostly control bytes (images, archives...).
fn check_not_binary(bytes: &[u8]) -> Result<()> {
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE_BYTES)];
    if sample.is_empty() {
        return Ok(());
    }
    // Tab, line feed, form feed, carriage return and escape (ISO-2022-JP) occur in text.
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | 0x1B)) || b == 0x7F)
        .count();
    let share = control as f32 / sample.len() as f32;
    if share > MAX_CONTROL_SHARE {
        return Err(Error::Binary {
            control_share: share * 100.0,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! fixture {
        ($name:literal) => {
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/encodings/",
                $name
            ))
            .as_slice()
        };
    }

    const FRENCH: &str = "L’été dernier, le conseil municipal a approuvé un budget ambitieux";
    const POLISH: &str =
        "Wczoraj rada miasta zatwierdziła nowy budżet, który przewiduje remont szkół";
    const JAPANESE: &str =
        "昨年の夏、市議会は市内の学校や図書館、保育園を改修するための野心的な予算を承認した。";
    const CHINESE: &str =
        "去年夏天，市议会批准了一项雄心勃勃的预算，用于翻修全市的学校、图书馆和托儿所。";
    const RUSSIAN: &str =
        "Прошлым летом городской совет утвердил амбициозный бюджет на ремонт школ";

    fn decoded(bytes: &[u8], content_type: Option<&str>) -> String {
        match decode(bytes, content_type) {
            Ok(text) => text,
            Err(err) => panic!("decode failed: {err}"),
        }
    }

    fn encoding_name(bytes: &[u8], content_type: Option<&str>) -> &'static str {
        detect(bytes, content_type).0.name()
    }

    #[test]
    fn declared_in_meta() {
        for (bytes, expected, encoding) in [
            (fixture!("windows-1252-meta.html"), FRENCH, "windows-1252"),
            (fixture!("iso-8859-2-meta.html"), POLISH, "ISO-8859-2"),
            (fixture!("shift_jis-meta.html"), JAPANESE, "Shift_JIS"),
            (fixture!("gbk-meta.html"), CHINESE, "GBK"),
            (fixture!("koi8-r-meta.html"), RUSSIAN, "KOI8-R"),
        ] {
            assert_eq!(encoding_name(bytes, None), encoding);
            let text = decoded(bytes, None);
            assert!(text.contains(expected), "{encoding}: {text}");
            assert!(!text.contains('\u{FFFD}'), "{encoding}: {text}");
        }
    }

    #[test]
    fn undeclared_pages_are_detected() {
        for (bytes, expected) in [
            (fixture!("windows-1252-bare.html"), FRENCH),
            (fixture!("iso-8859-2-bare.html"), POLISH),
            (fixture!("shift_jis-bare.html"), JAPANESE),
            (fixture!("gbk-bare.html"), CHINESE),
            (fixture!("koi8-r-bare.html"), RUSSIAN),
        ] {
            let text = decoded(bytes, None);
            assert!(
                text.contains(expected),
                "guessed {}: {text}",
                encoding_name(bytes, None)
            );
        }
    }

    #[test]
    fn http_charset_overrides_meta() {
        let bytes = fixture!("koi8-r-wrong-meta.html");
        assert!(
            !decoded(bytes, None).contains(RUSSIAN),
            "the meta is wrong on purpose"
        );
        for content_type in [
            "text/html; charset=koi8-r",
            "text/html;charset=\"KOI8-R\"",
            "text/html; Charset = 'koi8-r'; foo=bar",
            "koi8-r",
        ] {
            let text = decoded(bytes, Some(content_type));
            assert!(text.contains(RUSSIAN), "{content_type}: {text}");
        }
    }

    #[test]
    fn unknown_labels_fall_through() {
        let bytes = fixture!("koi8-r-wrong-meta.html");
        // Unknown HTTP label: the (wrong) meta is used, as the next source.
        assert_eq!(
            encoding_name(bytes, Some("text/html; charset=no-such-thing")),
            "windows-1251"
        );
        assert_eq!(encoding_name(bytes, Some("text/html")), "windows-1251");
        // Unknown meta label: detection takes over.
        let page = b"<meta charset=\"klingon\"><p>caf\xe9 cr\xe8me br\xfbl\xe9e</p>";
        assert_eq!(encoding_name(page, None), "windows-1252");
        // The "replacement" encoding would turn the page into one U+FFFD: skipped too.
        assert_ne!(
            encoding_name(page, Some("text/html; charset=iso-2022-kr")),
            "replacement"
        );
    }

    #[test]
    fn byte_order_mark_wins() {
        for name in ["bom-utf8.html", "bom-utf16le.html", "bom-utf16be.html"] {
            let bytes: &[u8] = match name {
                "bom-utf8.html" => fixture!("bom-utf8.html"),
                "bom-utf16le.html" => fixture!("bom-utf16le.html"),
                _ => fixture!("bom-utf16be.html"),
            };
            let text = decoded(bytes, Some("text/html; charset=koi8-r"));
            assert!(
                text.starts_with("<!DOCTYPE html>"),
                "{name}: BOM kept or misread"
            );
            assert!(text.contains(FRENCH), "{name}: {text}");
        }
    }

    #[test]
    fn whatwg_meta_corrections() {
        // A page declaring UTF-16 in ASCII-compatible bytes is UTF-8.
        assert_eq!(encoding_name(fixture!("meta-utf16.html"), None), "UTF-8");
        assert!(decoded(fixture!("meta-utf16.html"), None).contains(FRENCH));
        let page = b"<meta charset=x-user-defined><p>caf\xe9</p>";
        assert_eq!(encoding_name(page, None), "windows-1252");
    }

    #[test]
    fn meta_in_comment_is_ignored() {
        let bytes = fixture!("meta-in-comment.html");
        assert_eq!(encoding_name(bytes, None), "ISO-8859-2");
        assert!(decoded(bytes, None).contains(POLISH));
    }

    #[test]
    fn meta_prescan_is_tolerant_and_bounded() {
        for (page, expected) in [
            (&b"<META CHARSET=KOI8-R>"[..], "KOI8-R"),
            (b"<meta charset='iso-8859-2'/>", "ISO-8859-2"),
            (
                b"<meta\ncontent=\"text/html; charset=Shift_JIS\"\nhttp-equiv=\"Content-Type\">",
                "Shift_JIS",
            ),
            (
                b"<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html>",
                "ISO-8859-2",
            ),
            (
                b"<meta name=\"description\" content=\"charset=koi8-r\"><p>plain</p>",
                "UTF-8",
            ),
        ] {
            assert_eq!(
                encoding_name(page, None),
                expected,
                "{}",
                String::from_utf8_lossy(page)
            );
        }
        let mut late = vec![b' '; PRESCAN_BYTES];
        late.extend_from_slice(b"<meta charset=koi8-r><p>plain</p>");
        assert_eq!(encoding_name(&late, None), "UTF-8");
    }

    #[test]
    fn utf8_wins_over_a_stale_legacy_declaration() {
        let page = "<meta charset=iso-8859-1><p>Crème brûlée à la française</p>";
        assert_eq!(decoded(page.as_bytes(), None), page);
        assert_eq!(
            decoded(page.as_bytes(), Some("text/html; charset=windows-1252")),
            page
        );
    }

    #[test]
    fn malformed_bytes_become_replacement_characters() {
        let text = decoded(
            b"<p>ok \xff\xfe\xfd ok</p>",
            Some("text/html; charset=utf-8"),
        );
        assert!(text.contains('\u{FFFD}'));
        assert!(text.starts_with("<p>ok "));
        assert_eq!(decoded(b"", None), "");
    }

    #[test]
    fn binary_input_is_rejected() {
        let png: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(matches!(decode(&png, None), Err(Error::Binary { .. })));
        // UTF-16 with a BOM is full of NUL bytes but is text.
        assert!(decode(fixture!("bom-utf16le.html"), None).is_ok());
    }
}
