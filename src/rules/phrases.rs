//! Multilingual phrase lists.
