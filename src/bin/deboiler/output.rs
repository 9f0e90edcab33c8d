//! Rendering records (text, JSON, Markdown) and writing them to stdout or to files.

use std::fs;
use std::io::{self, BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};

use deboiler::Article;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::args::Format;
use crate::input::Source;
use crate::job::{Done, Meta};
use crate::progress::{bump, Progress, Stats};

/// Where `--out` puts each record's file.
#[derive(Debug, Clone)]
pub struct OutPlan {
    pub dir: Option<PathBuf>,
    pub ext: &'static str,
    pub overwrite: bool,
}

impl OutPlan {
    /// The file extension for a format.
    pub fn ext_for(format: Format) -> &'static str {
        match format {
            Format::Text => "txt",
            Format::Json | Format::Jsonl => "json",
            Format::Markdown => "md",
        }
    }

    /// Output of a whole-file document: the input's path under DIR, extension replaced
    /// (`sub/a.html.gz` becomes `sub/a.txt`); stdin becomes `stdin.txt`.
    pub fn doc_path(&self, source: &Source) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(dir.join(stem_path(source)).with_extension(self.ext))
    }

    /// Output of one record of a JSONL or WARC input: `DIR/<input stem>/<id>.<ext>`, the id
    /// reduced to safe file-name characters.
    pub fn record_path(&self, source: &Source, id: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(
            dir.join(stem_path(source))
                .join(format!("{}.{}", safe_name(id), self.ext)),
        )
    }
}

/// The source's relative path without `.gz` and without its last extension.
fn stem_path(source: &Source) -> PathBuf {
    let rel = match source {
        Source::Stdin => return PathBuf::from("stdin"),
        Source::File { rel, .. } => rel.clone(),
        Source::Broken { path, .. } => path.file_name().map(PathBuf::from).unwrap_or_default(),
    };
    let rel = if rel
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        rel.with_extension("")
    } else {
        rel
    };
    rel.with_extension("")
}

/// Keeps ASCII letters, digits, `-`, `_` and `.`; everything else becomes `_`. Capped at 150
/// bytes; never empty, never hidden.
fn safe_name(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(150)
        .collect();
    if s.is_empty() || s.starts_with('.') {
        s.insert(0, 'r');
    }
    s
}

/// One removed block in JSON.
#[derive(Serialize)]
struct RemovedOut<'a> {
    rule: &'a str,
    text: &'a str,
}

/// The JSON record: fixed fields first, then the JSONL pass-through fields.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warc_record_id: Option<&'a str>,
    title: Option<&'a str>,
    author: Option<&'a str>,
    published: Option<&'a str>,
    language: Option<&'a str>,
    text: Option<String>,
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    removed: Option<Vec<RemovedOut<'a>>>,
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
}

/// Field names the record owns; pass-through fields with these names are dropped.
pub const RESERVED: &[&str] = &[
    "id",
    "url",
    "warc_record_id",
    "title",
    "author",
    "published",
    "language",
    "text",
    "error",
    "removed",
];

fn record<'a>(meta: &'a Meta, result: &'a Result<Article, String>, explain: bool) -> Record<'a> {
    let article = result.as_ref().ok();
    Record {
        id: &meta.id,
        url: meta.url.as_deref(),
        warc_record_id: meta.warc_record_id.as_deref(),
        title: article.and_then(|a| a.title.as_deref()),
        author: article.and_then(|a| a.author.as_deref()),
        published: article.and_then(|a| a.published.as_deref()),
        language: article.and_then(|a| a.language.as_deref()),
        text: article.map(Article::text),
        error: result.as_ref().err().map(String::as_str),
        removed: match (explain, article) {
            (true, Some(a)) => Some(
                a.removed
                    .iter()
                    .map(|r| RemovedOut {
                        rule: r.rule.name(),
                        text: &r.text,
                    })
                    .collect(),
            ),
            _ => None,
        },
        extra: &meta.extra,
    }
}

/// Turns a cleaned record into its output bytes. Runs in the workers, so serialising and
/// writing `--out` files happen in parallel; the writer only concatenates.
#[derive(Debug, Clone, Copy)]
pub struct Renderer {
    pub format: Format,
    /// Several records expected: JSON becomes an array of compact objects.
    pub multi: bool,
    pub explain: bool,
}

impl Renderer {
    /// Fills `done.rendered`; with `--out`, writes the file instead (a write failure turns
    /// the record into a failed one).
    pub fn render(&self, done: &mut Done) {
        let Ok(article) = &done.result else {
            if done.meta.out_path.is_none() && matches!(self.format, Format::Json | Format::Jsonl) {
                done.rendered = self.json(&done.meta, &done.result);
            }
            return;
        };
        if let Some(path) = &done.meta.out_path {
            let body = match self.format {
                Format::Text => with_newline(article.text()).into_bytes(),
                Format::Markdown => with_newline(article.to_markdown()).into_bytes(),
                Format::Json | Format::Jsonl => {
                    let rec = record(&done.meta, &done.result, self.explain);
                    let mut out = serde_json::to_vec_pretty(&rec).unwrap_or_default();
                    out.push(b'\n');
                    out
                }
            };
            if let Err(e) = write_atomic(path, &body) {
                done.result = Err(format!("cannot write {}: {e}", path.display()));
            }
            return;
        }
        done.rendered = match self.format {
            Format::Text => with_newline(article.text()).into_bytes(),
            Format::Markdown => with_newline(article.to_markdown()).into_bytes(),
            Format::Json | Format::Jsonl => self.json(&done.meta, &done.result),
        };
    }

    fn json(&self, meta: &Meta, result: &Result<Article, String>) -> Vec<u8> {
        let rec = record(meta, result, self.explain);
        match self.format {
            Format::Json if !self.multi => {
                let mut out = serde_json::to_vec_pretty(&rec).unwrap_or_default();
                out.push(b'\n');
                out
            }
            Format::Json => serde_json::to_vec(&rec).unwrap_or_default(),
            _ => {
                let mut out = serde_json::to_vec(&rec).unwrap_or_default();
                out.push(b'\n');
                out
            }
        }
    }
}

/// Writes finished records, in the order it is given them, and reports failures.
pub struct Writer {
    pub renderer: Renderer,
    pub to_files: bool,
    stdout: BufWriter<Stdout>,
    records_on_stdout: u64,
}

impl Writer {
    pub fn new(renderer: Renderer, to_files: bool) -> Writer {
        Writer {
            renderer,
            to_files,
            stdout: BufWriter::with_capacity(1 << 16, io::stdout()),
            records_on_stdout: 0,
        }
    }

    /// Writes one record and counts it. An `Err` is a stdout failure (a closed pipe ends the run).
    pub fn write(&mut self, done: &Done, stats: &Stats, progress: &Progress) -> io::Result<()> {
        let label = done.meta.id_text();
        stats
            .bytes_in
            .fetch_add(done.bytes, std::sync::atomic::Ordering::Relaxed);
        let Renderer {
            format,
            multi,
            explain,
        } = self.renderer;
        match &done.result {
            Err(message) => {
                bump(&stats.failed);
                let source = &done.meta.source;
                let generated = label == *source
                    || label
                        .strip_prefix(source.as_str())
                        .is_some_and(|rest| rest.starts_with(':') || rest.starts_with('#'));
                let context = if generated {
                    source.clone()
                } else {
                    format!("{source} (id {label})")
                };
                progress.println(&format!("deboiler: {context}: {message}"));
            }
            Ok(article) => {
                bump(&stats.written);
                if explain && matches!(format, Format::Text | Format::Markdown) {
                    if multi && !article.removed.is_empty() {
                        progress.println(&format!("==> {label} <=="));
                    }
                    for r in &article.removed {
                        progress.println(&format!("[{}] {}", r.rule, r.text));
                    }
                }
            }
        }
        if self.to_files || done.rendered.is_empty() {
            return Ok(());
        }
        let first = self.records_on_stdout == 0;
        self.records_on_stdout += 1;
        match format {
            Format::Text | Format::Markdown if multi => {
                if !first {
                    self.stdout.write_all(b"\n")?;
                }
                writeln!(self.stdout, "==> {label} <==")?;
            }
            Format::Json if multi => {
                self.stdout.write_all(if first { b"[\n" } else { b",\n" })?;
            }
            _ => {}
        }
        self.stdout.write_all(&done.rendered)
    }

    /// Flushes stdout (called when no record is waiting, so streams stay live).
    pub fn flush(&mut self) -> io::Result<()> {
        self.stdout.flush()
    }

    /// Closes the JSON array, if any, and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.renderer.format == Format::Json && self.renderer.multi && !self.to_files {
            if self.records_on_stdout == 0 {
                self.stdout.write_all(b"[")?;
            }
            self.stdout.write_all(b"\n]\n")?;
        }
        self.stdout.flush()
    }
}

fn with_newline(mut s: String) -> String {
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Writes a file so that it either exists whole or not at all: a temporary file in the same
/// folder, then a rename (atomic on the same file system).
fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        // No fsync: the rename protects against an interrupted run, not a power cut, and
        // an fsync per file would dominate the run time on large batches.
        f.write_all(bytes)?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirrors_names_and_replaces_extensions() {
        let plan = OutPlan {
            dir: Some(PathBuf::from("out")),
            ext: "txt",
            overwrite: false,
        };
        let src = Source::File {
            path: PathBuf::from("in/sub/a.html.gz"),
            rel: PathBuf::from("sub/a.html.gz"),
        };
        assert_eq!(plan.doc_path(&src), Some(PathBuf::from("out/sub/a.txt")));
        assert_eq!(
            plan.doc_path(&Source::Stdin),
            Some(PathBuf::from("out/stdin.txt"))
        );
        let warc = Source::File {
            path: PathBuf::from("crawl.warc.gz"),
            rel: PathBuf::from("crawl.warc.gz"),
        };
        assert_eq!(
            plan.record_path(&warc, "<urn:uuid:1-2>"),
            Some(PathBuf::from("out/crawl/_urn_uuid_1-2_.txt"))
        );
    }

    #[test]
    fn safe_names_are_never_hidden_or_empty() {
        assert_eq!(safe_name(""), "r");
        assert_eq!(safe_name("../x"), "r.._x");
    }
}
