//! `deboiler`: clean web pages from the command line, one file or a whole crawl.
//!
//! See `deboiler --help` and docs/batch.md. Layout: [`args`] (options), [`input`] (finding
//! and opening inputs), [`jsonl`] and [`warc`] (record framings), [`job`] (one unit of work),
//! [`run`] (reader, workers, ordered writer), [`output`] (rendering and files),
//! [`progress`] (counters, progress bar, summary).

mod args;
mod input;
mod job;
mod jsonl;
mod output;
mod progress;
mod run;
mod warc;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = args::Args::parse();
    match run::run(args) {
        Ok(run::Outcome::Finished { failed: 0 }) => ExitCode::SUCCESS,
        Ok(run::Outcome::Finished { .. }) => ExitCode::from(1),
        // A closed stdout (`deboiler ... | head`) is a normal way to stop.
        Ok(run::Outcome::BrokenPipe) => ExitCode::SUCCESS,
        Ok(run::Outcome::WriteError(e)) => {
            progress::note(&format!("deboiler: cannot write output: {e}"));
            ExitCode::from(1)
        }
        Err(message) => {
            progress::note(&format!("deboiler: {message}"));
            ExitCode::from(2)
        }
    }
}
