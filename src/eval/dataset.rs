//! Finding and reading the benchmark folder (`scrapinghub/`, `wcxb-dev/`).
//!
//! Pages are read lazily, one at a time ([`read_gz`]), so a run holds one decompressed page
//! in memory rather than the whole set.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use super::error::EvalError;
use super::metadata::MetadataReference;

/// Environment variable naming the benchmark folder.
///
/// ```
/// assert_eq!(deboiler::eval::BENCH_ENV, "DEBOILER_BENCH");
/// ```
pub const BENCH_ENV: &str = "DEBOILER_BENCH";

/// Finds the benchmark folder: `explicit` if given (it must exist), else `$DEBOILER_BENCH`,
/// (when set and not empty), else `../shared/bench` from the current directory, else `../shared/bench` from this
/// crate's directory. The last two keep walking up (`../../shared/bench`, ...), so that
/// git worktrees nested one level deeper find the same folder.
///
/// ```
/// use deboiler::eval::bench_root;
/// let err = bench_root(Some(std::path::Path::new("/no/such/bench"))).unwrap_err();
/// assert!(err.to_string().contains("/no/such/bench"));
/// ```
pub fn bench_root(explicit: Option<&Path>) -> Result<PathBuf, EvalError> {
    let named = explicit.map(Path::to_path_buf).or_else(|| {
        std::env::var_os(BENCH_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    if let Some(path) = named {
        return if path.is_dir() {
            Ok(path)
        } else {
            Err(EvalError::NoBench { tried: vec![path] })
        };
    }
    let mut tried: Vec<PathBuf> = Vec::new();
    let starts = std::env::current_dir()
        .ok()
        .into_iter()
        .chain(std::iter::once(PathBuf::from(env!("CARGO_MANIFEST_DIR"))));
    for start in starts {
        for dir in start.ancestors().skip(1) {
            let candidate = dir.join("shared").join("bench");
            if candidate.is_dir() {
                return Ok(candidate);
            }
            if !tried.contains(&candidate) {
                tried.push(candidate);
            }
        }
    }
    Err(EvalError::NoBench { tried })
}

/// Reads a whole file.
///
/// ```
/// assert!(deboiler::eval::read_file(std::path::Path::new("/no/such/file")).is_err());
/// ```
pub fn read_file(path: &Path) -> Result<Vec<u8>, EvalError> {
    fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads and decompresses a gzip file.
///
/// ```
/// assert!(deboiler::eval::read_gz(std::path::Path::new("/no/such/page.html.gz")).is_err());
/// ```
pub fn read_gz(path: &Path) -> Result<Vec<u8>, EvalError> {
    let compressed = read_file(path)?;
    let mut out = Vec::with_capacity(compressed.len() * 6);
    flate2::read::MultiGzDecoder::new(compressed.as_slice())
        .read_to_end(&mut out)
        .map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(out)
}

/// Reads and parses a JSON file.
///
/// ```
/// let r: Result<serde_json::Value, _> = deboiler::eval::read_json(std::path::Path::new("/no/such.json"));
/// assert!(r.is_err());
/// ```
pub fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, EvalError> {
    let bytes = read_file(path)?;
    serde_json::from_slice(&bytes).map_err(|source| EvalError::Json {
        path: path.to_path_buf(),
        source,
    })
}

/// One ScrapingHub page: its id, the truth and where its HTML is.
///
/// ```
/// use deboiler::eval::ScrapingHubPage;
/// let p = ScrapingHubPage { id: "0001".into(), url: None, truth: "Body".into(), html: "x.html.gz".into() };
/// assert_eq!(p.truth, "Body");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScrapingHubPage {
    /// Page id (file stem).
    pub id: String,
    /// Address of the page, when the truth gives it.
    pub url: Option<String>,
    /// The true article body.
    pub truth: String,
    /// The gzip HTML file.
    pub html: PathBuf,
}

#[derive(Deserialize)]
struct ScrapingHubTruth {
    #[serde(rename = "articleBody", default)]
    article_body: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// The ScrapingHub pages under `root/scrapinghub`, in id order.
///
/// ```no_run
/// let root = deboiler::eval::bench_root(None).unwrap();
/// let pages = deboiler::eval::scrapinghub_pages(&root).unwrap();
/// assert_eq!(pages.len(), 181);
/// ```
pub fn scrapinghub_pages(root: &Path) -> Result<Vec<ScrapingHubPage>, EvalError> {
    let dir = root.join("scrapinghub");
    let truth: BTreeMap<String, ScrapingHubTruth> = read_json(&dir.join("ground-truth.json"))?;
    Ok(truth
        .into_iter()
        .map(|(id, t)| ScrapingHubPage {
            html: dir.join("html").join(format!("{id}.html.gz")),
            truth: t.article_body.unwrap_or_default(),
            url: t.url,
            id,
        })
        .collect())
}

/// The names of the ScrapingHub text dumps (files `scrapinghub/text/NAME.json`).
///
/// ```
/// assert!(deboiler::eval::TEXT_DUMPS.contains(&"html-text"));
/// ```
pub const TEXT_DUMPS: [&str; 2] = ["html-text", "inscriptis"];

/// One text dump: `{id: whole-page text}`.
///
/// ```no_run
/// let root = deboiler::eval::bench_root(None).unwrap();
/// let dump = deboiler::eval::text_dump(&root, "html-text").unwrap();
/// assert_eq!(dump.len(), 181);
/// ```
pub fn text_dump(root: &Path, name: &str) -> Result<BTreeMap<String, String>, EvalError> {
    let path = root
        .join("scrapinghub")
        .join("text")
        .join(format!("{name}.json"));
    let raw: BTreeMap<String, Value> = read_json(&path)?;
    // A null or non-string entry is treated as an empty dump rather than an error.
    Ok(raw
        .into_iter()
        .map(|(id, v)| (id, v.as_str().unwrap_or_default().to_string()))
        .collect())
}

/// One WCXB page: its id, type, reference text, snippets and where its HTML is.
///
/// ```
/// use deboiler::eval::{MetadataReference, WcxbCase};
/// let c = WcxbCase { id: "0001".into(), page_type: "article".into(), url: None,
///     reference: String::new(), with: vec![], without: vec![],
///     meta: MetadataReference::default(), html: "x".into() };
/// assert!(c.reference.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WcxbCase {
    /// Page id (file stem).
    pub id: String,
    /// Page type, `unknown` when neither file gives one.
    pub page_type: String,
    /// Address of the page.
    pub url: Option<String>,
    /// `ground_truth.main_content` (empty when absent).
    pub reference: String,
    /// Snippets that must appear.
    pub with: Vec<String>,
    /// Snippets that must not appear.
    pub without: Vec<String>,
    /// `ground_truth.title`, `author` and `publish_date`.
    pub meta: MetadataReference,
    /// The gzip HTML file.
    pub html: PathBuf,
}

/// The WCXB dev pages under `root/wcxb-dev`, one per ground-truth file, in id order.
///
/// The page type comes from `metadata.json` (`files.ID.page_type`), else from the
/// ground truth's `_internal.page_type` (a string or `{primary: ...}`).
///
/// ```no_run
/// let root = deboiler::eval::bench_root(None).unwrap();
/// let cases = deboiler::eval::wcxb_cases(&root).unwrap();
/// assert!(cases.iter().all(|c| !c.page_type.is_empty()));
/// ```
pub fn wcxb_cases(root: &Path) -> Result<Vec<WcxbCase>, EvalError> {
    let dir = root.join("wcxb-dev");
    let metadata: Value = read_json(&dir.join("metadata.json"))?;
    let truth_dir = dir.join("ground-truth");
    let entries = fs::read_dir(&truth_dir).map_err(|source| EvalError::Io {
        path: truth_dir.clone(),
        source,
    })?;
    let mut ids: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    ids.sort();
    ids.into_iter()
        .map(|id| {
            let path = truth_dir.join(format!("{id}.json"));
            let truth: Value = read_json(&path)?;
            let gt = &truth["ground_truth"];
            if !gt.is_object() {
                return Err(EvalError::Invalid {
                    path,
                    what: "no ground_truth object".into(),
                });
            }
            let page_type = type_name(&metadata["files"][&id]["page_type"])
                .or_else(|| type_name(&truth["_internal"]["page_type"]))
                .unwrap_or("unknown")
                .to_string();
            Ok(WcxbCase {
                page_type,
                url: truth["url"].as_str().map(str::to_string),
                reference: gt["main_content"].as_str().unwrap_or_default().to_string(),
                with: strings(&gt["with"]),
                without: strings(&gt["without"]),
                meta: MetadataReference::new(
                    gt["title"].as_str(),
                    gt["author"].as_str(),
                    gt["publish_date"].as_str(),
                ),
                html: dir.join("html").join(format!("{id}.html.gz")),
                id,
            })
        })
        .collect()
}

/// A page type given as `"article"` or as `{"primary": "article", ...}`.
fn type_name(v: &Value) -> Option<&str> {
    v.as_str()
        .or_else(|| v["primary"].as_str())
        .filter(|s| !s.is_empty())
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_type_accepts_string_or_object() {
        assert_eq!(type_name(&serde_json::json!("forum")), Some("forum"));
        assert_eq!(
            type_name(&serde_json::json!({"primary": "article", "confidence": "verified"})),
            Some("article")
        );
        assert_eq!(type_name(&serde_json::json!(null)), None);
        assert_eq!(type_name(&serde_json::json!("")), None);
    }

    #[test]
    fn snippet_lists_skip_non_strings() {
        assert_eq!(strings(&serde_json::json!(["a", 1, "b"])), ["a", "b"]);
        assert!(strings(&serde_json::json!(null)).is_empty());
    }

    #[test]
    fn explicit_missing_bench_is_an_error() {
        let err = bench_root(Some(Path::new("/definitely/not/here"))).unwrap_err();
        assert!(matches!(err, EvalError::NoBench { .. }));
    }
}
