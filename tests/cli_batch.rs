//! Batch use of the `deboiler` command: folders, JSON Lines, `--out`, resume, order, pipes.

mod common;

use common::{deboiler, gzip};

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use predicates::prelude::*;
use serde_json::Value;

fn body(n: usize) -> String {
    format!("Report number {n}\n\nThe committee published its findings on day {n} after a long review of the evidence.\n")
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is a JSON record"))
        .collect()
}

fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| match &r["id"] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// a.txt, b.txt.gz, sub/c.txt, sub/skip.md, notes.html.
fn corpus(dir: &Path) {
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::write(dir.join("a.txt"), body(1)).unwrap();
    fs::write(dir.join("b.txt.gz"), gzip(body(2).as_bytes())).unwrap();
    fs::write(dir.join("sub/c.txt"), body(3)).unwrap();
    fs::write(dir.join("sub/skip.md"), body(4)).unwrap();
    fs::write(dir.join("notes.html"), "<p>x</p>").unwrap();
}

#[test]
fn folder_with_glob_gives_jsonl_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let out = deboiler()
        .arg(dir.path())
        .args(["--glob", "*.txt", "--glob", "*.txt.gz", "-q"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let recs = records(&out);
    let names: Vec<String> = ids(&recs)
        .iter()
        .map(|p| p.rsplit('/').next().unwrap_or("").to_string())
        .collect();
    assert_eq!(names, ["a.txt", "b.txt.gz", "c.txt"]);
    assert!(recs[1]["text"].as_str().unwrap().contains("day 2"));
}

#[test]
fn exclude_removes_matches() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let out = deboiler()
        .arg(dir.path())
        .args(["--exclude", "sub/**", "--exclude", "*.html", "-q"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(records(&out).len(), 2);
}

#[test]
fn corrupt_gzip_and_unreadable_file_fail_but_others_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("1-good.txt"), body(1)).unwrap();
    let mut bad = gzip(body(2).as_bytes());
    let half = bad.len() / 2;
    bad.truncate(half);
    bad.extend_from_slice(b"garbage garbage garbage");
    fs::write(d.join("2-corrupt.txt.gz"), bad).unwrap();
    // A dangling link cannot be read, even by root.
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("missing-target"), d.join("3-dangling.txt")).unwrap();
    fs::write(d.join("4-good.txt"), body(4)).unwrap();
    let assert = deboiler().arg(d).assert().code(1);
    let output = assert.get_output();
    let recs = records(&output.stdout);
    let errors: Vec<&Value> = recs.iter().filter(|r| !r["error"].is_null()).collect();
    let good: Vec<&Value> = recs.iter().filter(|r| r["error"].is_null()).collect();
    assert_eq!(good.len(), 2, "{recs:?}");
    assert_eq!(errors.len(), if cfg!(unix) { 2 } else { 1 }, "{recs:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2-corrupt.txt.gz"), "{stderr}");
    assert!(stderr.contains("records in"), "summary line: {stderr}");
}

#[test]
fn jsonl_malformed_line_missing_field_and_pass_through() {
    let input = concat!(
        r#"{"id":"a","text":"The committee published its findings after a long review.","source":"feed-1","rank":3}"#,
        "\n",
        "{not json\n",
        "\n",
        r#"{"id":"c","title_hint":"x"}"#,
        "\n",
        r#"{"id":"d","html":42}"#,
        "\n",
    );
    let assert = deboiler()
        .args(["--input-format", "jsonl"])
        .write_stdin(input)
        .assert()
        .code(1);
    let output = assert.get_output();
    let recs = records(&output.stdout);
    assert_eq!(recs.len(), 4, "blank lines are not records");
    assert_eq!(recs[0]["source"], "feed-1");
    assert_eq!(recs[0]["rank"], 3);
    assert!(recs[0]["text"].as_str().unwrap().contains("findings"));
    assert!(recs[1]["error"].as_str().unwrap().contains("line 2"));
    assert!(recs[1]["error"]
        .as_str()
        .unwrap()
        .contains("malformed JSON"));
    assert_eq!(recs[2]["id"], "c");
    assert_eq!(recs[2]["title_hint"], "x");
    assert!(recs[2]["error"].as_str().unwrap().contains("line 4"));
    assert!(recs[2]["error"].as_str().unwrap().contains("`html`"));
    assert!(recs[3]["error"].as_str().unwrap().contains("not a string"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2"), "{stderr}");
}

#[test]
fn jsonl_custom_field_names_and_gzip_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docs.jsonl.gz");
    let line = r#"{"key":7,"body":"The committee published its findings after a long review.","html":"ignored"}"#;
    fs::write(&path, gzip(format!("{line}\n").as_bytes())).unwrap();
    let out = deboiler()
        .arg(&path)
        .args([
            "--id-field",
            "key",
            "--text-field",
            "body",
            "--html-field",
            "page_html",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], 7);
    assert!(recs[0]["text"].as_str().unwrap().contains("findings"));
    assert_eq!(recs[0]["html"], "ignored", "unused fields pass through");
}

#[test]
fn out_dir_mirrors_names_resumes_and_overwrites() {
    let input = tempfile::tempdir().unwrap();
    corpus(input.path());
    let out = tempfile::tempdir().unwrap();
    let stats = out.path().join("stats.json");
    let run = |extra: &[&str]| {
        deboiler()
            .arg(input.path())
            .args(["--glob", "*.txt*", "--out"])
            .arg(out.path().join("clean"))
            .args(extra)
            .arg("--stats")
            .arg(&stats)
            .assert()
            .success();
        serde_json::from_str::<Value>(&fs::read_to_string(&stats).unwrap()).unwrap()
    };
    let first = run(&[]);
    assert_eq!(first["written"], 3);
    assert_eq!(first["records_in"], 3);
    let clean = out.path().join("clean");
    for f in ["a.txt", "b.txt", "sub/c.txt"] {
        assert!(clean.join(f).is_file(), "{f} missing");
    }
    assert!(fs::read_to_string(clean.join("sub/c.txt"))
        .unwrap()
        .contains("day 3"));
    fs::write(clean.join("a.txt"), "stale").unwrap();

    let second = run(&[]);
    assert_eq!(second["written"], 0);
    assert_eq!(second["skipped_existing"], 3);
    assert_eq!(fs::read_to_string(clean.join("a.txt")).unwrap(), "stale");

    let third = run(&["--overwrite"]);
    assert_eq!(third["written"], 3);
    assert!(fs::read_to_string(clean.join("a.txt"))
        .unwrap()
        .contains("day 1"));
    // Atomic writes leave no temporary files behind.
    let leftovers = walk(&clean)
        .into_iter()
        .filter(|p| p.ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path().to_string_lossy().into_owned());
        }
    }
    out
}

#[test]
fn out_dir_with_json_and_markdown_formats() {
    let input = tempfile::tempdir().unwrap();
    fs::write(input.path().join("a.txt"), body(1)).unwrap();
    let out = tempfile::tempdir().unwrap();
    for (format, ext) in [("json", "json"), ("markdown", "md")] {
        deboiler()
            .arg(input.path().join("a.txt"))
            .args(["-q", "--format", format, "--out"])
            .arg(out.path())
            .assert()
            .success();
        let written = fs::read_to_string(out.path().join(format!("a.{ext}"))).unwrap();
        assert!(written.contains("day 1"));
    }
    let record: Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("a.json")).unwrap()).unwrap();
    assert!(record["error"].is_null());
}

fn numbered_jsonl(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{{\"id\":{i},\"text\":{}}}\n",
                serde_json::to_string(&body(i)).unwrap()
            )
        })
        .collect()
}

#[test]
fn two_workers_keep_input_order_and_unordered_keeps_every_record() {
    let input = numbered_jsonl(400);
    let out = deboiler()
        .args(["--input-format", "jsonl", "-j", "2"])
        .write_stdin(input.clone())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let expected: Vec<String> = (0..400).map(|i| i.to_string()).collect();
    assert_eq!(ids(&records(&out)), expected);

    let out = deboiler()
        .args(["--input-format", "jsonl", "-j", "2", "--unordered"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut got = ids(&records(&out));
    got.sort_by_key(|s| s.parse::<u32>().unwrap_or(u32::MAX));
    assert_eq!(got, expected);
}

#[test]
fn summary_counts_add_up_and_quiet_silences_it() {
    let input = "{\"id\":1,\"text\":\"one\"}\n{bad\n";
    deboiler()
        .args(["--input-format", "jsonl"])
        .write_stdin(input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "2 records in, 1 written, 1 failed, 0 skipped (non-HTML), 0 skipped (existing)",
        ));
    deboiler()
        .args(["--input-format", "jsonl", "-q"])
        .write_stdin(input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("records in").not());
}

#[test]
fn closed_stdout_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    fs::write(&path, numbered_jsonl(50_000)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin!("deboiler");
    let mut child = std::process::Command::new(bin)
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    {
        let stdout = child.stdout.take().unwrap();
        BufReader::new(stdout).read_line(&mut first).unwrap();
        // Dropping the reader closes the pipe, as `| head -1` does.
    }
    let output = child.wait_with_output().unwrap();
    assert!(first.contains("\"id\":0"));
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}

#[test]
fn several_text_inputs_get_headers_and_json_becomes_an_array() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    fs::write(&a, body(1)).unwrap();
    fs::write(&b, body(2)).unwrap();
    deboiler()
        .args(["-q", "-f", "text"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .stdout(predicate::str::contains("==> ").count(2));
    let out = deboiler()
        .args(["-q", "-f", "json"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let array: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(array.as_array().map(Vec::len), Some(2));
}

#[test]
fn over_long_jsonl_line_is_skipped_as_an_error_and_the_next_is_read() {
    let long = format!(
        "{{\"id\":\"big\",\"text\":\"{}\"}}\n",
        "x".repeat(1_200_000)
    );
    let input = format!("{long}{{\"id\":\"next\",\"text\":\"fine\"}}\n");
    let out = deboiler()
        .args(["--input-format", "jsonl", "--max-input-bytes", "10", "-q"])
        .write_stdin(input)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert!(recs[0]["error"]
        .as_str()
        .unwrap()
        .contains("line 1: longer than"));
    assert_eq!(recs[1]["id"], "next");
    // The next record is read and cleaned without error (what a one-word text keeps is the
    // classifier's business, not the reader's).
    assert!(recs[1]["error"].is_null());
}

#[cfg(unix)]
#[test]
fn closed_pipe_shared_by_stdout_and_stderr_is_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    fs::write(&path, "{bad\n".repeat(20_000)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin!("deboiler");
    // Every line is an error reported on stderr, which is the closed pipe too.
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg("set -o pipefail; \"$0\" \"$1\" 2>&1 | head -n 2 >/dev/null; echo \"status=$?\"")
        .arg(bin)
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("status=0"), "{stdout}");
}
