//! Typed errors: each variant says what was wrong with the input or the call.

use thiserror::Error;

/// Everything that can go wrong while cleaning one document.
///
/// Errors are about the input, never about internal state: the cleaner does not
/// panic, and anything it cannot handle comes back as one of these.
///
/// ```
/// use deboiler::{Cleaner, Error};
///
/// let cleaner = Cleaner::builder().max_input_bytes(10).build();
/// let err = cleaner.clean_text("far more than ten bytes of text").unwrap_err();
/// assert!(matches!(err, Error::InputTooLarge { .. }));
/// ```
#[derive(Debug, Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`crate::CleanerBuilder::max_input_bytes`].
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The input does not look like text at all (control characters, NUL bytes, or bytes
    /// that did not decode).
    #[error(
        "input is binary data, not text ({control_share:.0}% control or undecodable characters)"
    )]
    Binary {
        /// Share of control or undecodable characters in the sampled prefix, in percent.
        control_share: f32,
    },
    /// The declared or requested encoding is not one the decoder knows.
    #[error("unknown character encoding {label:?}")]
    UnknownEncoding {
        /// The label that was given.
        label: String,
    },
    /// The requested feature is not available in this build.
    #[error("{what} is not supported yet")]
    Unsupported {
        /// What was asked for.
        what: &'static str,
    },
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
