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

/// Writes finished records, in the order it is given them.
pub struct Writer {
    pub format: Format,
    pub plan: OutPlan,
    /// Several records expected: text output gets `==> id <==` headers, JSON an array.
    pub multi: bool,
    pub explain: bool,
    stdout: BufWriter<Stdout>,
    records_on_stdout: u64,
}

impl Writer {
    pub fn new(format: Format, plan: OutPlan, multi: bool, explain: bool) -> Writer {
        Writer {
            format,
            plan,
            multi,
            explain,
            stdout: BufWriter::with_capacity(1 << 16, io::stdout()),
            records_on_stdout: 0,
        }
    }

    /// Writes one record and counts it. An `Err` is a stdout failure (a closed pipe ends the run).
    pub fn write(&mut self, done: &Done, stats: &Stats, progress: &Progress) -> io::Result<()> {
        let label = done.meta.id_text();
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
                if self.explain && matches!(self.format, Format::Text | Format::Markdown) {
                    if self.multi && !article.removed.is_empty() {
                        progress.println(&format!("==> {label} <=="));
                    }
                    for r in &article.removed {
                        progress.println(&format!("[{}] {}", r.rule, r.text));
                    }
                }
            }
        }
        if let Some(path) = &done.meta.out_path {
            if let Ok(article) = &done.result {
                let body = self.render_file(&done.meta, &done.result, article);
                match write_atomic(path, body.as_bytes()) {
                    Ok(()) => bump(&stats.written),
                    Err(e) => {
                        bump(&stats.failed);
                        progress.println(&format!(
                            "deboiler: {label}: cannot write {}: {e}",
                            path.display()
                        ));
                    }
                }
            }
            return Ok(());
        }
        if done.result.is_ok() {
            bump(&stats.written);
        }
        self.write_stdout(done, &label)
    }

    fn render_file(
        &self,
        meta: &Meta,
        result: &Result<Article, String>,
        article: &Article,
    ) -> String {
        match self.format {
            Format::Text => with_newline(article.text()),
            Format::Markdown => with_newline(article.to_markdown()),
            Format::Json | Format::Jsonl => {
                let rec = record(meta, result, self.explain);
                with_newline(serde_json::to_string_pretty(&rec).unwrap_or_default())
            }
        }
    }

    fn write_stdout(&mut self, done: &Done, label: &str) -> io::Result<()> {
        let first = self.records_on_stdout == 0;
        match self.format {
            Format::Text | Format::Markdown => {
                let Ok(article) = &done.result else {
                    return Ok(());
                };
                self.records_on_stdout += 1;
                if self.multi {
                    if !first {
                        self.stdout.write_all(b"\n")?;
                    }
                    writeln!(self.stdout, "==> {label} <==")?;
                }
                let body = if self.format == Format::Text {
                    article.text()
                } else {
                    article.to_markdown()
                };
                self.stdout.write_all(with_newline(body).as_bytes())?;
            }
            Format::Jsonl => {
                self.records_on_stdout += 1;
                let rec = record(&done.meta, &done.result, self.explain);
                serde_json::to_writer(&mut self.stdout, &rec).map_err(io::Error::from)?;
                self.stdout.write_all(b"\n")?;
            }
            Format::Json => {
                self.records_on_stdout += 1;
                let rec = record(&done.meta, &done.result, self.explain);
                if self.multi {
                    self.stdout.write_all(if first { b"[\n" } else { b",\n" })?;
                    serde_json::to_writer(&mut self.stdout, &rec).map_err(io::Error::from)?;
                } else {
                    serde_json::to_writer_pretty(&mut self.stdout, &rec)
                        .map_err(io::Error::from)?;
                    self.stdout.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    }

    /// Flushes stdout (called when no record is waiting, so streams stay live).
    pub fn flush(&mut self) -> io::Result<()> {
        self.stdout.flush()
    }

    /// Closes the JSON array, if any, and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.format == Format::Json && self.multi && self.plan.dir.is_none() {
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
        f.write_all(bytes)?;
        f.sync_data()?;
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
