//! One-document use of the `deboiler` command: input kinds, formats, options, exit codes.

mod common;

use common::{deboiler, gzip};

use predicates::prelude::*;
use serde_json::Value;

const ARTICLE: &str = "Storm closes schools across the region\n\n\
    Schools across the region stayed closed on Tuesday as the storm brought heavy snow.\n\n\
    Officials said classes would resume once roads had been cleared and power restored.\n";

fn json_of(stdout: &[u8]) -> Value {
    serde_json::from_slice(stdout).expect("stdout is one JSON document")
}

#[test]
fn text_file_prints_the_article_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    deboiler()
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("stayed closed on Tuesday"))
        // One input: no summary line, no header.
        .stdout(predicate::str::contains("==>").not())
        .stderr("");
}

#[test]
fn gzip_file_is_read_transparently_even_without_gz_name() {
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("story.txt.gz");
    let unnamed = dir.path().join("story.bin");
    std::fs::write(&named, gzip(ARTICLE.as_bytes())).unwrap();
    std::fs::write(&unnamed, gzip(ARTICLE.as_bytes())).unwrap();
    for path in [named, unnamed] {
        deboiler()
            .arg(&path)
            .assert()
            .success()
            .stdout(predicate::str::contains("Officials said classes"));
    }
}

#[test]
fn stdin_is_read_with_no_path_or_dash_and_gets_id_dash() {
    for args in [vec!["-f", "json"], vec!["-f", "json", "-"]] {
        let out = deboiler()
            .args(&args)
            .write_stdin(ARTICLE)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let record = json_of(&out);
        assert_eq!(record["id"], "-");
        assert!(record["error"].is_null());
        assert!(record["text"]
            .as_str()
            .unwrap()
            .contains("stayed closed on Tuesday"));
        for key in ["title", "author", "published", "language"] {
            assert!(record.get(key).is_some(), "record lacks {key}");
        }
    }
}

#[test]
fn gzip_on_stdin_is_decompressed() {
    deboiler()
        .write_stdin(gzip(ARTICLE.as_bytes()))
        .assert()
        .success()
        .stdout(predicate::str::contains("stayed closed on Tuesday"));
}

#[test]
fn html_file_gives_an_article_or_an_error_record_never_a_crash() {
    // TODO(tighten when HTML extraction lands): expect `text` to hold the paragraph.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(
        &path,
        "<!DOCTYPE html><html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav>\
         <article><p>The river burst its banks overnight, flooding dozens of homes.</p></article>\
         </body></html>",
    )
    .unwrap();
    let assert = deboiler().args(["-f", "jsonl"]).arg(&path).assert();
    let output = assert.get_output();
    let code = output.status.code();
    let record = json_of(&output.stdout);
    assert_eq!(record["id"], path.to_string_lossy().as_ref());
    match (&record["text"], &record["error"]) {
        (Value::String(text), Value::Null) => {
            assert_eq!(code, Some(0));
            assert!(text.contains("river burst its banks"));
        }
        (Value::Null, Value::String(_)) => assert_eq!(code, Some(1)),
        other => panic!("exactly one of text and error must be set: {other:?}"),
    }
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

#[test]
fn markdown_and_json_formats() {
    deboiler()
        .args(["--format", "markdown", "--mode", "text"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout(predicate::str::contains("Officials said"));
    let out = deboiler()
        .args(["--format", "json", "--explain"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        json_of(&out)["removed"].is_array(),
        "--explain adds `removed`"
    );
}

#[test]
fn empty_input_gives_an_empty_article() {
    let out = deboiler()
        .args(["-f", "json"])
        .write_stdin("")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let record = json_of(&out);
    assert_eq!(record["text"], "");
    assert!(record["error"].is_null());
}

#[test]
fn binary_junk_is_a_clear_error_not_a_panic() {
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 32) as u8).collect();
    deboiler()
        .args(["-f", "jsonl"])
        .write_stdin(junk)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"error\":\"input is binary data"))
        .stderr(predicate::str::contains("binary").and(predicate::str::contains("panicked").not()));
}

#[test]
fn max_input_bytes_refuses_large_documents() {
    deboiler()
        .args(["--max-input-bytes", "10", "-f", "jsonl"])
        .write_stdin(ARTICLE)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("over the limit of 10 bytes"));
}

#[test]
fn builder_options_are_accepted() {
    deboiler()
        .args([
            "--focus",
            "precision",
            "--language",
            "en",
            "--no-headings",
            "--include-comments",
            "--mode",
            "text",
        ])
        .write_stdin(ARTICLE)
        .assert()
        .success();
}

#[test]
fn missing_file_fails_with_exit_1_and_names_the_file() {
    deboiler()
        .arg("/nonexistent/deboiler-test.txt")
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("deboiler-test.txt")
                .and(predicate::str::contains("cannot read")),
        );
}

#[test]
fn bad_usage_exits_2() {
    deboiler().arg("--no-such-flag").assert().code(2);
    deboiler().args(["--focus", "sideways"]).assert().code(2);
    deboiler().args(["-j", "0"]).assert().code(2);
    deboiler().args(["--glob", "[", "."]).assert().code(2);
}

#[test]
fn help_has_examples() {
    deboiler().arg("--help").assert().success().stdout(
        predicate::str::contains("Examples:").and(predicate::str::contains("--input-format jsonl")),
    );
}

#[test]
fn explain_in_text_format_lists_the_json_removed_blocks_on_stderr() {
    // Vacuous while the classifier removes nothing; binding once it does.
    let page = "Published: Updated:\n\n5 mins read\n\n\
                The council approved the new budget on Monday after a long debate.\n\nRead more:\n";
    let json_out = deboiler()
        .args(["--explain", "-f", "json"])
        .write_stdin(page)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let record = json_of(&json_out);
    let text_run = deboiler()
        .arg("--explain")
        .write_stdin(page)
        .assert()
        .success();
    let output = text_run.get_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stdout.trim_end(), record["text"].as_str().unwrap());
    let removed = record["removed"].as_array().unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), removed.len(), "{stderr}");
    for (line, r) in lines.iter().zip(removed) {
        let expected = format!(
            "[{}] {}",
            r["rule"].as_str().unwrap(),
            r["text"].as_str().unwrap()
        );
        assert_eq!(*line, expected);
    }
}

#[test]
fn text_language_is_detected_on_request() {
    let language = |extra: &[&str]| {
        let out = deboiler()
            .args(["-f", "json", "--mode", "text"])
            .args(extra)
            .write_stdin(ARTICLE)
            .output()
            .expect("runs");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
        json["language"].as_str().map(str::to_string)
    };
    assert_eq!(
        language(&["--detect-language", "yes"]).as_deref(),
        Some("en")
    );
    assert_eq!(language(&[]), None);
}
