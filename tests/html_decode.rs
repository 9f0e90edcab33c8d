//! Decoding through the public byte API.
//!
//! HTML segmentation is still a stub, so `clean_html_bytes` cannot return an article yet.
//! These tests only pin down what holds regardless: odd bytes never panic, binary input is
//! refused as such, and size limits apply before decoding. The encoding detection itself is
//! unit-tested in `src/html/decode.rs`.
//!
//! TODO(segmentation): once `clean_html_bytes` returns articles, assert on the decoded text
//! (e.g. a windows-1252 page with `charset=windows-1252` yields "été", not "Ã©").

use deboiler::{Cleaner, Error};

/// Whatever the bytes, the call returns (Ok or an error) instead of panicking.
#[test]
fn never_panics_on_odd_bytes() {
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\xff\xfe".to_vec(),
        b"\xfe\xff\x00".to_vec(),
        b"\xef\xbb\xbf".to_vec(),
        b"<p>caf\xe9 \xff\xfe\xfd \xc3</p>".to_vec(),
        b"<meta charset=\"\"><meta charset=\xff\xfe><p>x</p>".to_vec(),
        b"<meta http-equiv=content-type content=charset=utf-16><p>x</p>".to_vec(),
        b"<?xml encoding='utf-16'?><p>x</p>".to_vec(),
        b"<!-- <meta charset=koi8-r>".to_vec(),
        (0..=255u8).collect(),
        (0..=255u8).rev().cycle().take(10_000).collect(),
    ];
    let content_types = [
        None,
        Some(""),
        Some("text/html"),
        Some("text/html; charset="),
        Some("text/html; charset=\"unterminated"),
        Some("charset=utf-16le"),
        Some("text/html; charset=x-user-defined"),
        Some("text/html; charset=iso-2022-kr"),
    ];
    for bytes in &inputs {
        for content_type in content_types {
            let _ = deboiler::clean_html_bytes(bytes, content_type);
        }
    }
}

/// Image-like bytes are reported as binary, not decoded into mojibake.
#[test]
fn binary_input_is_an_error() {
    let noise: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let err = deboiler::clean_html_bytes(&noise, None).unwrap_err();
    assert!(matches!(err, Error::Binary { .. }), "{err:?}");
}

/// The size limit is checked before any decoding work.
#[test]
fn size_limit_applies_to_bytes() {
    let cleaner = Cleaner::builder().max_input_bytes(16).build();
    let err = cleaner
        .clean_html_bytes(&[b'a'; 64], Some("text/html; charset=utf-8"))
        .unwrap_err();
    assert!(matches!(err, Error::InputTooLarge { .. }), "{err:?}");
}
