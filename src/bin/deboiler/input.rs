//! Finding inputs (files, folders, stdin) and opening them, gzip or not.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::read::MultiGzDecoder;
use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::args::{InputFormat, Mode};

/// One input stream: standard input or a file.
#[derive(Debug, Clone)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file; `rel` is its path relative to the folder argument it was found in (or its name).
    File { path: PathBuf, rel: PathBuf },
    /// A path that could not be listed; becomes an error record.
    Broken { path: PathBuf, error: String },
}

impl Source {
    /// The id of a whole-file document: its path as given, `-` for stdin.
    pub fn label(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File { path, .. } | Source::Broken { path, .. } => {
                path.to_string_lossy().into_owned()
            }
        }
    }

    /// The file name used to pick a kind by extension.
    pub fn name(&self) -> Option<&Path> {
        match self {
            Source::Stdin => None,
            Source::File { path, .. } | Source::Broken { path, .. } => Some(path),
        }
    }
}

/// Include/exclude filters for files found by walking folders.
pub struct Filter {
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Filter {
    /// Compiles the patterns; a bad pattern is a usage error.
    pub fn new(globs: &[String], excludes: &[String]) -> Result<Filter, String> {
        let build = |patterns: &[String]| -> Result<GlobSet, String> {
            let mut b = GlobSetBuilder::new();
            for p in patterns {
                b.add(Glob::new(p).map_err(|e| format!("bad pattern {p:?}: {e}"))?);
            }
            b.build().map_err(|e| e.to_string())
        };
        Ok(Filter {
            include: if globs.is_empty() {
                None
            } else {
                Some(build(globs)?)
            },
            exclude: build(excludes)?,
        })
    }

    /// A pattern matches either the path relative to the folder or the bare file name,
    /// so `*.html` and `2024/**/*.html` both do what one expects.
    fn matches(set: &GlobSet, rel: &Path) -> bool {
        set.is_match(rel) || rel.file_name().is_some_and(|n| set.is_match(n))
    }

    fn accepts(&self, rel: &Path) -> bool {
        let included = match &self.include {
            Some(set) => Self::matches(set, rel),
            None => true,
        };
        included && !Self::matches(&self.exclude, rel)
    }
}

/// Expands the path arguments into sources: files as given, folders walked recursively in
/// name order (hidden entries skipped), `-` or nothing as stdin.
/// The `--out` folder, if inside a walked folder, is skipped so a second run does not clean
/// its own outputs.
pub fn collect(paths: &[PathBuf], filter: &Filter, out_dir: Option<&Path>) -> Vec<Source> {
    if paths.is_empty() {
        return vec![Source::Stdin];
    }
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            let skip = out_dir.and_then(|d| d.canonicalize().ok());
            walk(p, filter, skip.as_deref(), &mut out);
        } else {
            let rel = p
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| p.clone());
            out.push(Source::File {
                path: p.clone(),
                rel,
            });
        }
    }
    out
}

fn walk(root: &Path, filter: &Filter, skip: Option<&Path>, out: &mut Vec<Source>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let is_out = e.file_type().is_dir()
                && skip.is_some_and(|s| e.path().canonicalize().is_ok_and(|p| p == s));
            !hidden && !is_out
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(e.path())
                    .to_path_buf();
                if filter.accepts(&rel) {
                    out.push(Source::File {
                        path: e.path().to_path_buf(),
                        rel,
                    });
                }
            }
            Ok(_) => {}
            Err(e) => out.push(Source::Broken {
                path: e.path().unwrap_or(root).to_path_buf(),
                error: e.to_string(),
            }),
        }
    }
}

/// Counts bytes read from the underlying file, for the progress bar.
struct Counting<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A readable input, decompressed when it starts with the gzip magic bytes.
pub type Reader = Box<dyn BufRead + Send>;

/// An opened source, not yet decompressed: whole-file documents are decompressed by the
/// workers (in parallel), record streams by the reader.
pub struct Opened {
    raw: BufReader<Counting<Box<dyn Read + Send>>>,
    /// Starts with the gzip magic bytes.
    pub gz: bool,
}

impl Opened {
    /// The decoded stream (multi-member gzip, as in Common Crawl, is read to the end).
    pub fn into_reader(self) -> Reader {
        if self.gz {
            Box::new(BufReader::with_capacity(
                1 << 16,
                MultiGzDecoder::new(self.raw),
            ))
        } else {
            Box::new(self.raw)
        }
    }

    /// The raw (possibly compressed) bytes, at most `limit + 1` of them.
    pub fn read_raw(mut self, limit: usize) -> io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        (&mut self.raw)
            .take(limit.saturating_add(1) as u64)
            .read_to_end(&mut buf)?;
        Ok(buf)
    }

    /// The first decoded bytes (for sniffing), without consuming anything.
    fn head(&mut self) -> Vec<u8> {
        let Ok(buf) = self.raw.fill_buf() else {
            return Vec::new();
        };
        if !self.gz {
            return buf[..buf.len().min(64)].to_vec();
        }
        let mut head = Vec::new();
        let _ = flate2::read::GzDecoder::new(buf)
            .take(64)
            .read_to_end(&mut head);
        head
    }
}

/// Opens a source; gzip is detected by its magic bytes, whatever the name.
pub fn open(source: &Source, raw_bytes: &Arc<AtomicU64>) -> io::Result<Opened> {
    let inner: Box<dyn Read + Send> = match source {
        Source::Stdin => Box::new(io::stdin()),
        Source::File { path, .. } => Box::new(File::open(path)?),
        Source::Broken { error, .. } => return Err(io::Error::other(error.clone())),
    };
    let mut raw = BufReader::with_capacity(
        1 << 16,
        Counting {
            inner,
            counter: raw_bytes.clone(),
        },
    );
    let gz = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(Opened { raw, gz })
}

/// Decompresses a whole gzip document (all members), refusing more than `limit` bytes
/// (returns `limit + 1` bytes so the cleaner reports the size error).
pub fn gunzip(bytes: &[u8], limit: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len().saturating_mul(4).min(limit));
    MultiGzDecoder::new(bytes)
        .take(limit.saturating_add(1) as u64)
        .read_to_end(&mut out)?;
    Ok(out)
}

/// The name without a trailing `.gz`, lower-cased, for extension checks.
fn base_name(name: &Path) -> String {
    let n = name
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    n.strip_suffix(".gz").map(str::to_string).unwrap_or(n)
}

/// The input framing of a source: as forced, else by name, else by content (a stream that
/// starts with `WARC/` is WARC; JSON Lines needs a name or the option).
pub fn framing(forced: InputFormat, name: Option<&Path>, opened: &mut Opened) -> InputFormat {
    if forced != InputFormat::Auto {
        return forced;
    }
    if let Some(name) = name {
        let base = base_name(name);
        if base.ends_with(".jsonl") || base.ends_with(".ndjson") {
            return InputFormat::Jsonl;
        }
        if base.ends_with(".warc") {
            return InputFormat::Warc;
        }
    }
    if opened.head().starts_with(b"WARC/") {
        InputFormat::Warc
    } else {
        InputFormat::Doc
    }
}

/// HTML or text for a whole-file document: by `--mode`, by extension, then by sniffing.
pub fn is_html(mode: Mode, name: Option<&str>, bytes: &[u8]) -> bool {
    match mode {
        Mode::Html => return true,
        Mode::Text => return false,
        Mode::Auto => {}
    }
    if let Some(name) = name {
        let base = base_name(Path::new(name));
        if [".html", ".htm", ".xhtml", ".shtml"]
            .iter()
            .any(|e| base.ends_with(e))
        {
            return true;
        }
        if [".txt", ".text", ".md"].iter().any(|e| base.ends_with(e)) {
            return false;
        }
    }
    sniff_html(bytes)
}

/// Markup openers that make a document HTML when they come first (after a BOM and spaces).
const HTML_OPENERS: &[&[u8]] = &[
    b"<!doctype",
    b"<html",
    b"<head",
    b"<body",
    b"<div",
    b"<meta",
    b"<title",
    b"<!--",
    b"<?xml",
    b"<p>",
    b"<p ",
    b"<article",
    b"<section",
    b"<table",
    b"<script",
    b"<style",
    b"<link",
];

/// True when the first bytes look like markup.
pub fn sniff_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 16)];
    let lower = head.to_ascii_lowercase();
    HTML_OPENERS.iter().any(|o| lower.starts_with(o))
}

/// Decodes text input: UTF-8 when valid, else the encoding `chardetng` guesses.
pub fn decode_text(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.strip_prefix('\u{feff}').unwrap_or(s).to_string(),
        Err(_) => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let encoding = detector.guess(None, true);
            encoding.decode_with_bom_removal(bytes).0.into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_markup_but_not_prose() {
        assert!(sniff_html(b"\xef\xbb\xbf  <!DOCTYPE html><html>"));
        assert!(sniff_html(b"<div class=x>"));
        assert!(!sniff_html(b"Plain text < with an angle"));
        assert!(!sniff_html(b""));
    }

    #[test]
    fn extension_wins_over_sniffing() {
        assert!(is_html(Mode::Auto, Some("a/page.HTM.gz"), b"hello"));
        assert!(!is_html(Mode::Auto, Some("notes.txt"), b"<html>"));
        assert!(is_html(Mode::Auto, Some("noext"), b"<html>"));
        assert!(!is_html(Mode::Text, Some("a.html"), b"<html>"));
    }

    #[test]
    fn filter_matches_name_or_relative_path() {
        let f = Filter::new(&["*.html".into()], &["drafts/**".into()]).unwrap();
        assert!(f.accepts(Path::new("x/y.html")));
        assert!(!f.accepts(Path::new("y.txt")));
        assert!(!f.accepts(Path::new("drafts/y.html")));
    }
}
