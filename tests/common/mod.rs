//! Helpers shared by the command-line tests.
#![allow(dead_code)]

use std::io::Write;

use assert_cmd::Command;
use flate2::write::GzEncoder;

/// The `deboiler` binary built for this test run.
pub fn deboiler() -> Command {
    assert_cmd::cargo::cargo_bin_cmd!("deboiler")
}

/// `bytes` as one gzip member.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("in-memory write");
    enc.finish().expect("in-memory gzip")
}
