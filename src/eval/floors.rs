//! Quality floors for CI: `{"run name": {"f1": 0.80, "precision": 0.7}}`.

use std::collections::BTreeMap;
use std::path::Path;

use super::dataset::read_json;
use super::error::EvalError;

/// Floors per run name (`scrapinghub`, `wcxb`, `text/html-text`, ...) and figure name
/// (`f1`, `precision`, `recall`; for WCXB also `title`, `author`, `published`).
///
/// ```
/// let floors: deboiler::eval::Floors = serde_json::from_str(r#"{"wcxb": {"f1": 0.7}}"#).unwrap();
/// assert_eq!(floors["wcxb"]["f1"], 0.7);
/// ```
pub type Floors = BTreeMap<String, BTreeMap<String, f64>>;

/// Reads a floors file.
///
/// ```
/// assert!(deboiler::eval::read_floors(std::path::Path::new("/no/floors.json")).is_err());
/// ```
pub fn read_floors(path: &Path) -> Result<Floors, EvalError> {
    read_json(path)
}

/// The headline figures of one run.
///
/// ```
/// use deboiler::eval::Figures;
/// let f = Figures { f1: 0.9, precision: 0.85, recall: 0.95, ..Default::default() };
/// assert_eq!(f.get("recall"), Some(0.95));
/// assert_eq!(f.get("title"), None);
/// assert_eq!(f.get("speed"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    /// F1.
    pub f1: f64,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// Share of pages whose title, author and publication date the cleaner names as the
    /// reference does (see [`MetadataScore`](super::MetadataScore)), for runs that check them.
    pub title: Option<f64>,
    pub author: Option<f64>,
    pub published: Option<f64>,
}

impl Figures {
    /// A figure by its floors-file name.
    ///
    /// ```
    /// let f = deboiler::eval::Figures { f1: 0.5, ..Default::default() };
    /// assert_eq!(f.get("f1"), Some(0.5));
    /// ```
    pub fn get(&self, name: &str) -> Option<f64> {
        match name {
            "f1" => Some(self.f1),
            "precision" => Some(self.precision),
            "recall" => Some(self.recall),
            "title" => self.title,
            "author" => self.author,
            "published" => self.published,
            _ => None,
        }
    }
}

/// Checks runs against floors; returns one message per figure below its floor (or unknown).
/// Floors for runs that did not take place are ignored.
///
/// ```
/// use deboiler::eval::{check_floors, Figures, Floors};
/// let floors: Floors = serde_json::from_str(r#"{"wcxb": {"f1": 0.5}, "scrapinghub": {"f1": 0.9}}"#).unwrap();
/// let runs = [("wcxb".to_string(), Figures { f1: 0.4, precision: 0.5, recall: 0.5, ..Default::default() })];
/// let failures = check_floors(&floors, &runs);
/// assert_eq!(failures.len(), 1);
/// assert!(failures[0].contains("wcxb f1 0.4000 is below its floor 0.5000"));
/// ```
pub fn check_floors(floors: &Floors, runs: &[(String, Figures)]) -> Vec<String> {
    let mut failures = Vec::new();
    for (run, figures) in runs {
        let Some(wanted) = floors.get(run) else {
            continue;
        };
        for (name, &floor) in wanted {
            match figures.get(name) {
                Some(value) if value + 1e-12 >= floor => {}
                Some(value) => failures.push(format!(
                    "{run} {name} {value:.4} is below its floor {floor:.4}"
                )),
                None => failures.push(format!(
                    "{run}: no figure {name:?} (floors take f1, precision or recall, and for \
                     runs that check metadata title, author or published)"
                )),
            }
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    fn floors(json: &str) -> Floors {
        serde_json::from_str(json).unwrap_or_default()
    }

    #[test]
    fn figures_at_or_above_their_floor_pass() {
        let f = floors(r#"{"text/html-text": {"f1": 0.8, "recall": 0.9}}"#);
        let runs = [(
            "text/html-text".to_string(),
            Figures {
                f1: 0.8,
                precision: 0.1,
                recall: 0.95,
                ..Default::default()
            },
        )];
        assert!(check_floors(&f, &runs).is_empty());
    }

    #[test]
    fn metadata_floors_apply_to_runs_that_check_metadata() {
        let f = floors(r#"{"wcxb": {"title": 0.7}}"#);
        let low = Figures {
            title: Some(0.6),
            ..Default::default()
        };
        assert_eq!(check_floors(&f, &[("wcxb".to_string(), low)]).len(), 1);
        let high = Figures {
            title: Some(0.75),
            ..Default::default()
        };
        assert!(check_floors(&f, &[("wcxb".to_string(), high)]).is_empty());
        // A run without the figure fails loudly rather than passing silently.
        assert_eq!(
            check_floors(&f, &[("wcxb".to_string(), Figures::default())]).len(),
            1
        );
    }

    #[test]
    fn unknown_figure_names_fail_loudly() {
        let f = floors(r#"{"wcxb": {"F1": 0.1}}"#);
        let runs = [("wcxb".to_string(), Figures::default())];
        assert_eq!(check_floors(&f, &runs).len(), 1);
    }

    #[test]
    fn runs_without_floors_are_not_checked() {
        let f = floors(r#"{"wcxb": {"f1": 0.99}}"#);
        let runs = [("scrapinghub".to_string(), Figures::default())];
        assert!(check_floors(&f, &runs).is_empty());
    }
}
