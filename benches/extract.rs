//! Speed of HTML mode and text mode on a sample of real pages, next to the floor: parsing the
//! same pages with `scraper::Html::parse_document` and nothing else.
//!
//! Pages come from the benchmark folder (`DEBOILER_BENCH`, else `../shared/bench` next to the
//! crate); on a clean checkout without it, from `seeds/*.txt` and `tests/fixtures/bench/*.html`,
//! so `cargo bench` always runs. See docs/performance.md.

use std::fs;
use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// Pages per source in the sample: enough variety, few enough that a run takes minutes.
const WCXB_PAGES: usize = 40;
const SCRAPINGHUB_PAGES: usize = 20;
const TEXT_DUMPS: usize = 20;
/// How many copies of one page's body the scaling bench concatenates.
const SCALES: [usize; 3] = [1, 4, 16];

/// One input page with a short name for the report.
struct Page {
    name: String,
    text: String,
}

/// Everything the benches run on, loaded once.
struct Sample {
    html: Vec<Page>,
    /// The `html-text` dumps (or the seeds).
    text: Vec<Page>,
    /// The `inscriptis` dumps of the same pages (empty without the bench folder).
    inscriptis: Vec<Page>,
}

fn bench_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("DEBOILER_BENCH") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench"),
    };
    dir.join("wcxb-dev/html").is_dir().then_some(dir)
}

/// `k` names spread evenly over the sorted list, so the sample covers the whole set.
fn spread<T: Clone>(sorted: &[T], k: usize) -> Vec<T> {
    let n = sorted.len();
    (0..k.min(n))
        .map(|i| sorted[i * n / k.min(n)].clone())
        .collect()
}

fn gunzip(path: &Path) -> Option<String> {
    let bytes = fs::read(path).ok()?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_end(&mut out)
        .ok()?;
    Some(String::from_utf8_lossy(&out).into_owned())
}

fn html_pages(dir: &Path, k: usize, label: &str) -> Vec<Page> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.to_string_lossy().ends_with(".html.gz"));
    files.sort();
    spread(&files, k)
        .into_iter()
        .filter_map(|p| {
            let id = p.file_name()?.to_string_lossy().replace(".html.gz", "");
            Some(Page {
                name: format!("{label}/{id}"),
                text: gunzip(&p)?,
            })
        })
        .collect()
}

fn text_dumps(path: &Path, k: usize, label: &str) -> Vec<Page> {
    let Ok(json) = fs::read_to_string(path) else {
        return Vec::new();
    };
    let Ok(map) = serde_json::from_str::<std::collections::BTreeMap<String, String>>(&json) else {
        return Vec::new();
    };
    let entries: Vec<(String, String)> = map.into_iter().collect();
    spread(&entries, k)
        .into_iter()
        .map(|(id, text)| Page {
            name: format!("{label}/{}", id.get(..8).unwrap_or(&id)),
            text,
        })
        .collect()
}

/// Files in `dir` whose name ends with `suffix`, read as text, sorted by name.
fn local_files(dir: &Path, suffix: &str) -> Vec<Page> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| {
        let name = p.to_string_lossy();
        name.ends_with(suffix) && !name.ends_with(&format!(".expected{suffix}"))
    });
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            Some(Page {
                name: p.file_name()?.to_string_lossy().into_owned(),
                text: fs::read_to_string(&p).ok()?,
            })
        })
        .collect()
}

fn load() -> Sample {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = match bench_dir() {
        Some(dir) => {
            let mut html = html_pages(&dir.join("wcxb-dev/html"), WCXB_PAGES, "wcxb");
            html.extend(html_pages(
                &dir.join("scrapinghub/html"),
                SCRAPINGHUB_PAGES,
                "sh",
            ));
            let dumps = dir.join("scrapinghub/text");
            let text = text_dumps(&dumps.join("html-text.json"), TEXT_DUMPS, "sh-text");
            let inscriptis = text_dumps(&dumps.join("inscriptis.json"), TEXT_DUMPS, "sh-inscr");
            eprintln!("bench pages from {}", dir.display());
            Sample {
                html,
                text,
                inscriptis,
            }
        }
        None => {
            eprintln!("no bench folder (set DEBOILER_BENCH); using seeds and small fixtures");
            Sample {
                html: local_files(&root.join("tests/fixtures/bench"), ".html"),
                text: local_files(&root.join("seeds"), ".txt"),
                inscriptis: Vec::new(),
            }
        }
    };
    for (label, pages) in [
        ("html", &sample.html),
        ("text (html-text)", &sample.text),
        ("text (inscriptis)", &sample.inscriptis),
    ] {
        let bytes: usize = pages.iter().map(|p| p.text.len()).sum();
        eprintln!(
            "{label}: {} pages, {:.2} MB (time per page = corpus time / {})",
            pages.len(),
            bytes as f64 / 1e6,
            pages.len()
        );
    }
    sample
}

fn total_bytes(pages: &[Page]) -> u64 {
    pages.iter().map(|p| p.text.len() as u64).sum()
}

/// The page of median size: a typical single page for the per-page benches.
fn median(pages: &[Page]) -> Option<&Page> {
    let mut by_size: Vec<&Page> = pages.iter().collect();
    by_size.sort_by_key(|p| p.text.len());
    by_size.get(by_size.len() / 2).copied()
}

/// Smallest, median and largest page.
fn representatives(pages: &[Page]) -> Vec<&Page> {
    let mut by_size: Vec<&Page> = pages.iter().collect();
    by_size.sort_by_key(|p| p.text.len());
    let mut picked = Vec::new();
    if let (Some(first), Some(last)) = (by_size.first(), by_size.last()) {
        picked.push(*first);
        picked.push(by_size[by_size.len() / 2]);
        picked.push(*last);
    }
    picked.dedup_by_key(|p| p.name.clone());
    picked
}

/// Short runs: the point is comparison between modes and the floor, not nanosecond precision.
fn quick<M: criterion::measurement::Measurement>(group: &mut criterion::BenchmarkGroup<'_, M>) {
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
}

fn html_benches(c: &mut Criterion, sample: &Sample) {
    let cleaner = deboiler::Cleaner::new();
    let pages = &sample.html;
    if pages.is_empty() {
        return;
    }

    let mut corpus = c.benchmark_group("html_corpus");
    quick(&mut corpus);
    corpus.throughput(Throughput::Bytes(total_bytes(pages)));
    corpus.bench_function("deboiler", |b| {
        b.iter(|| {
            for page in pages {
                let _ = black_box(cleaner.clean_html(black_box(&page.text)));
            }
        })
    });
    corpus.bench_function("scraper_parse", |b| {
        b.iter(|| {
            for page in pages {
                black_box(scraper::Html::parse_document(black_box(&page.text)));
            }
        })
    });
    corpus.finish();

    let mut single = c.benchmark_group("html_page");
    quick(&mut single);
    for page in representatives(pages) {
        single.throughput(Throughput::Bytes(page.text.len() as u64));
        single.bench_with_input(
            BenchmarkId::new("deboiler", &page.name),
            &page.text,
            |b, html| b.iter(|| cleaner.clean_html(black_box(html))),
        );
        single.bench_with_input(
            BenchmarkId::new("scraper_parse", &page.name),
            &page.text,
            |b, html| b.iter(|| scraper::Html::parse_document(black_box(html))),
        );
    }
    single.finish();
}

fn text_benches(c: &mut Criterion, sample: &Sample) {
    let cleaner = deboiler::Cleaner::new();
    let pages = &sample.text;
    if pages.is_empty() {
        return;
    }

    let mut corpus = c.benchmark_group("text_corpus");
    quick(&mut corpus);
    corpus.throughput(Throughput::Bytes(total_bytes(pages)));
    corpus.bench_function("deboiler", |b| {
        b.iter(|| {
            for page in pages {
                let _ = black_box(cleaner.clean_text(black_box(&page.text)));
            }
        })
    });
    // The same pages as dumped by another converter (indented, more whitespace).
    let inscriptis = &sample.inscriptis;
    if !inscriptis.is_empty() {
        corpus.throughput(Throughput::Bytes(total_bytes(inscriptis)));
        corpus.bench_function("deboiler_inscriptis", |b| {
            b.iter(|| {
                for page in inscriptis {
                    let _ = black_box(cleaner.clean_text(black_box(&page.text)));
                }
            })
        });
    }
    corpus.finish();

    let mut single = c.benchmark_group("text_page");
    quick(&mut single);
    for page in representatives(pages) {
        single.throughput(Throughput::Bytes(page.text.len() as u64));
        single.bench_with_input(
            BenchmarkId::new("deboiler", &page.name),
            &page.text,
            |b, text| b.iter(|| cleaner.clean_text(black_box(text))),
        );
    }
    single.finish();
}

/// The page with its `<body>` content repeated `times` times (the whole page when it has no
/// body tags).
fn repeat_body(html: &str, times: usize) -> String {
    let lower = html.to_ascii_lowercase();
    let open = lower
        .find("<body")
        .and_then(|i| lower[i..].find('>').map(|j| i + j + 1));
    let close = lower.rfind("</body");
    match (open, close) {
        (Some(start), Some(end)) if start <= end => {
            let mut out = String::with_capacity(html.len() * times);
            out.push_str(&html[..start]);
            for _ in 0..times {
                out.push_str(&html[start..end]);
            }
            out.push_str(&html[end..]);
            out
        }
        _ => html.repeat(times),
    }
}

/// Cost must grow linearly with size: MB/s should stay flat from 1x to 16x.
fn scaling_benches(c: &mut Criterion, sample: &Sample) {
    let cleaner = deboiler::Cleaner::new();
    let mut group = c.benchmark_group("scaling");
    quick(&mut group);
    if let Some(page) = median(&sample.html) {
        for times in SCALES {
            let html = repeat_body(&page.text, times);
            group.throughput(Throughput::Bytes(html.len() as u64));
            group.bench_with_input(BenchmarkId::new("html_deboiler", times), &html, |b, h| {
                b.iter(|| cleaner.clean_html(black_box(h)))
            });
            group.bench_with_input(
                BenchmarkId::new("html_scraper_parse", times),
                &html,
                |b, h| b.iter(|| scraper::Html::parse_document(black_box(h))),
            );
        }
    }
    if let Some(page) = median(&sample.text) {
        for times in SCALES {
            let text = distinct_copies(&page.text, times);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new("text_deboiler", times), &text, |b, t| {
                b.iter(|| cleaner.clean_text(black_box(t)))
            });
        }
    }
    group.finish();
}

/// `times` copies of a text dump, each line of copy `k > 0` numbered (`"k line"`): the
/// cleaner judges a line seen before in the same document only once, so plain repeats would
/// measure that shortcut, not how cost grows with the input.
fn distinct_copies(text: &str, times: usize) -> String {
    (0..times)
        .map(|k| {
            if k == 0 {
                return text.to_string();
            }
            text.lines()
                .map(|line| {
                    if line.trim().is_empty() {
                        line.to_string()
                    } else {
                        format!("{k} {line}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn benches(c: &mut Criterion) {
    let sample = load();
    html_benches(c, &sample);
    text_benches(c, &sample);
    scaling_benches(c, &sample);
}

criterion_group!(extract, benches);
criterion_main!(extract);
