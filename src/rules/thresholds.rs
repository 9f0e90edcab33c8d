//! The numbers the classifier compares against.
