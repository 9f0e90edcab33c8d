//! Regular expressions, compiled once.
