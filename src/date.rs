//! Dates: recognising date lines and normalising dates to ISO 8601.
//! (Minimal version; the multilingual parser replaces it.)

use once_cell::sync::Lazy;
use regex::Regex;

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

static ISO: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").unwrap_or_else(|e| panic!("{e}")));
static MDY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .unwrap_or_else(|e| panic!("{e}"))
});
static DMY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b")
        .unwrap_or_else(|e| panic!("{e}"))
});

fn month(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .map(|i| i as u32 + 1)
}

fn iso(y: &str, m: u32, d: &str) -> Option<String> {
    let y: u32 = y.parse().ok()?;
    let d: u32 = d.parse().ok()?;
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Finds a calendar date in a short string and returns it as `YYYY-MM-DD`.
pub(crate) fn parse_date(s: &str) -> Option<String> {
    if let Some(c) = ISO.captures(s) {
        return iso(&c[1], c[2].parse().ok()?, &c[3]);
    }
    if let Some(c) = MDY.captures(s) {
        if let Some(m) = month(&c[1]) {
            return iso(&c[3], m, &c[2]);
        }
    }
    if let Some(c) = DMY.captures(s) {
        if let Some(m) = month(&c[2]) {
            return iso(&c[3], m, &c[1]);
        }
    }
    None
}

/// True when the line is essentially only a date, possibly with a label and a time.
pub(crate) fn is_date_line(s: &str) -> bool {
    s.split_whitespace().count() <= 12 && parse_date(s).is_some()
}
