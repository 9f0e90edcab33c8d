//! What can go wrong while loading benchmark data or floors.

use std::path::PathBuf;

use thiserror::Error;

/// An evaluation error: missing benchmark folder, unreadable or malformed file.
///
/// ```
/// use deboiler::eval::EvalError;
/// let e = EvalError::NoBench { tried: vec!["/nowhere".into()] };
/// assert!(e.to_string().contains("/nowhere"));
/// ```
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum EvalError {
    /// No benchmark folder was found.
    #[error(
        "no benchmark folder found; pass --bench PATH or set DEBOILER_BENCH (tried: {})",
        tried.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    NoBench {
        /// The candidate folders, in the order tried.
        tried: Vec<PathBuf>,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A JSON file does not have the expected layout.
    #[error("malformed JSON in {path}: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: serde_json::Error,
    },
    /// A file parsed but lacks something required.
    #[error("{path}: {what}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        what: String,
    },
}
