//! WARC input: HTML responses cleaned with their URL and record id, the rest counted.

mod common;

use common::{deboiler, gzip};

use std::fs;

use serde_json::Value;

/// One WARC record; `declared` overrides Content-Length to build a truncated record.
fn record(kind: &str, uri: &str, id: &str, block: &[u8], declared: Option<usize>) -> Vec<u8> {
    let content_type = match kind {
        "response" => "application/http; msgtype=response",
        "request" => "application/http; msgtype=request",
        _ => "application/warc-fields",
    };
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{id}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        declared.unwrap_or(block.len())
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

const PAGE: &str = "<html><head><title>Flood</title></head><body><article><p>The river burst its banks \
                    overnight, flooding dozens of homes along the valley.</p></article></body></html>";

fn html_response() -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{PAGE}",
        PAGE.len()
    )
    .into_bytes()
}

fn chunked_html_response() -> Vec<u8> {
    let (a, b) = PAGE.split_at(40);
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n",
        a.len(),
        b.len()
    )
    .into_bytes()
}

fn warc_bytes() -> Vec<u8> {
    let mut w = record("warcinfo", "", "0", b"software: test\r\n", None);
    w.extend(record(
        "request",
        "https://news.example/flood",
        "1",
        b"GET /flood HTTP/1.1\r\n\r\n",
        None,
    ));
    w.extend(record(
        "response",
        "https://news.example/flood",
        "2",
        &html_response(),
        None,
    ));
    w.extend(record(
        "response",
        "https://news.example/logo.png",
        "3",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n",
        None,
    ));
    w.extend(record(
        "response",
        "https://news.example/chunked",
        "4",
        &chunked_html_response(),
        None,
    ));
    let full = html_response();
    let mut truncated = record(
        "response",
        "https://news.example/cut",
        "5",
        &full,
        Some(full.len() + 500),
    );
    truncated.truncate(truncated.len() - 4);
    w.extend(truncated);
    w
}

fn check_records(stdout: &[u8]) {
    let recs: Vec<Value> = String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        recs.len(),
        3,
        "two HTML responses and one truncated record: {recs:?}"
    );
    assert_eq!(recs[0]["id"], "<urn:uuid:2>");
    assert_eq!(recs[0]["warc_record_id"], "<urn:uuid:2>");
    assert_eq!(recs[0]["url"], "https://news.example/flood");
    assert_eq!(recs[1]["url"], "https://news.example/chunked");
    // TODO(tighten when HTML extraction lands): expect text containing "river burst".
    for r in &recs[..2] {
        match (&r["text"], &r["error"]) {
            (Value::String(t), Value::Null) => assert!(t.contains("river burst"), "{t}"),
            (Value::Null, Value::String(e)) => assert!(!e.contains("truncated"), "{e}"),
            other => panic!("exactly one of text and error: {other:?}"),
        }
    }
    assert_eq!(recs[2]["id"], "<urn:uuid:5>");
    assert!(recs[2]["error"].as_str().unwrap().contains("truncated"));
}

#[test]
fn warc_file_detected_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc");
    fs::write(&path, warc_bytes()).unwrap();
    let stats = dir.path().join("stats.json");
    let assert = deboiler()
        .arg(&path)
        .arg("--stats")
        .arg(&stats)
        .assert()
        .code(1);
    check_records(&assert.get_output().stdout);
    let summary: Value = serde_json::from_str(&fs::read_to_string(&stats).unwrap()).unwrap();
    assert_eq!(summary["skipped_non_html"], 1);
    assert_eq!(summary["records_in"], 4);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr);
    assert!(stderr.contains("1 skipped (non-HTML)"), "{stderr}");
    assert!(stderr.contains("truncated"), "{stderr}");
}

#[test]
fn common_crawl_style_gzip_members_on_stdin() {
    // Common Crawl compresses each record as its own gzip member.
    let mut members = Vec::new();
    for rec in [
        record(
            "response",
            "https://news.example/flood",
            "2",
            &html_response(),
            None,
        ),
        record(
            "response",
            "https://news.example/chunked",
            "4",
            &chunked_html_response(),
            None,
        ),
    ] {
        members.extend(gzip(&rec));
    }
    // Named explicitly, or sniffed from the `WARC/` start (then JSON Lines is the default).
    for args in [&["--input-format", "warc", "-f", "jsonl"][..], &[]] {
        let assert = deboiler().args(args).write_stdin(members.clone()).assert();
        let out = &assert.get_output().stdout;
        let ids: Vec<Value> = String::from_utf8_lossy(out)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
            .collect();
        assert_eq!(
            ids,
            [Value::from("<urn:uuid:2>"), Value::from("<urn:uuid:4>")]
        );
    }
}

#[test]
fn warc_gz_by_name_into_out_dir() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("segment.warc.gz");
    fs::write(&path, gzip(&warc_bytes())).unwrap();
    let out = dir.path().join("out");
    let assert = deboiler()
        .arg(&path)
        .args(["-f", "json", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr);
    assert!(stderr.contains("4 records in"), "{stderr}");
    // Whatever succeeded is under out/segment/, one file per record id.
    if out.exists() {
        for entry in fs::read_dir(out.join("segment")).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(
                name.starts_with("_urn_uuid_") && name.ends_with(".json"),
                "{name}"
            );
        }
    }
}

#[test]
fn garbage_named_warc_is_an_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.warc");
    fs::write(&path, b"this is not a warc file\n").unwrap();
    deboiler()
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("not a WARC record"));
}
