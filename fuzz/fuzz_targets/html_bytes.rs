//! Arbitrary bytes as an HTML page: no panic; when the bytes are UTF-8 (and the call says so),
//! every kept word occurs in the page's decoded text.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Any bytes, encoding detected by the library: must not panic.
    let _ = deboiler::clean_html_bytes(data, None);
    // With the encoding pinned to UTF-8 we know the decoded text exactly, so the content
    // property is sound.
    if let Ok(html) = std::str::from_utf8(data) {
        if let Ok(article) = deboiler::clean_html_bytes(data, Some("text/html; charset=utf-8")) {
            common::assert_words_from_html(html.trim_start_matches('\u{feff}'), &article);
        }
    }
});
