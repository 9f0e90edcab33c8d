//! The batch pipeline: one reader thread, N cleaning workers, the writer on the main thread.
//!
//! Memory stays flat whatever the input size: the reader takes a token before it sends a
//! record and the writer gives the token back once the record is written, so at most
//! `window` records are in flight (queued, being cleaned, or waiting to be written in order).

use std::collections::BTreeMap;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread;

use deboiler::Cleaner;
use serde_json::Value;

use crate::args::{Args, Format, InputFormat};
use crate::input::{self, Filter, Source};
use crate::job::{self, Done, Job, Meta, Payload};
use crate::output::{OutPlan, Renderer, Writer};
use crate::progress::{bump, Progress, Stats, Summary};
use crate::{jsonl, warc};

/// How the reader hands records to the workers.
pub struct Emitter {
    jobs: SyncSender<Job>,
    tokens: Receiver<()>,
    next_seq: u64,
    pub stats: Arc<Stats>,
    pub plan: OutPlan,
}

impl Emitter {
    /// Sends a record to be cleaned; false once the writer has stopped (the run is over).
    pub fn emit(&mut self, meta: Meta, payload: Payload) -> bool {
        if self.tokens.recv().is_err() {
            return false;
        }
        bump(&self.stats.records_in);
        let job = Job {
            seq: self.next_seq,
            meta,
            payload,
        };
        self.next_seq += 1;
        self.jobs.send(job).is_ok()
    }

    /// True, and counted, when `out` already exists and must not be overwritten.
    pub fn skip_existing(&self, out: &Option<PathBuf>) -> bool {
        match out {
            Some(path) if !self.plan.overwrite && path.exists() => {
                bump(&self.stats.records_in);
                bump(&self.stats.skipped_existing);
                true
            }
            _ => false,
        }
    }

    /// Counts a record that is not HTML (WARC) and is therefore not cleaned.
    pub fn skip_non_html(&self) {
        bump(&self.stats.records_in);
        bump(&self.stats.skipped_non_html);
    }
}

/// What the reader needs from the arguments.
pub struct ReadOptions {
    pub input_format: InputFormat,
    pub max_input_bytes: usize,
    pub fields: jsonl::Fields,
    /// Stdin, already opened to sniff its framing before the output format was chosen.
    pub stdin: Option<(input::Opened, InputFormat)>,
}

/// Reads every source in order and emits its records.
fn read_all(sources: Vec<Source>, mut opts: ReadOptions, em: &mut Emitter) {
    for source in sources {
        if !read_source(&source, &mut opts, em) {
            return;
        }
    }
}

/// Reads one source; false when the run is over.
fn read_source(source: &Source, opts: &mut ReadOptions, em: &mut Emitter) -> bool {
    let label = source.label();
    let failed = |em: &mut Emitter, message: String| {
        let meta = Meta {
            id: Value::String(label.clone()),
            source: label.clone(),
            ..Meta::default()
        };
        em.emit(meta, Payload::Failed(message))
    };
    let pre_opened = match source {
        Source::Stdin => opts.stdin.take(),
        _ => None,
    };
    let (opened, framing) = match pre_opened {
        Some(opened) => opened,
        None => match input::open(source, &em.stats.raw_bytes) {
            Ok(mut o) => {
                let framing = input::framing(opts.input_format, source.name(), &mut o);
                (o, framing)
            }
            Err(e) => return failed(em, format!("cannot read: {e}")),
        },
    };
    match framing {
        InputFormat::Jsonl => jsonl::read(
            &mut opened.into_reader(),
            source,
            &opts.fields,
            opts.max_input_bytes,
            em,
        ),
        InputFormat::Warc => {
            warc::read(&mut opened.into_reader(), source, opts.max_input_bytes, em)
        }
        InputFormat::Doc | InputFormat::Auto => {
            let out_path = em.plan.doc_path(source);
            if em.skip_existing(&out_path) {
                return true;
            }
            let gz = opened.gz;
            // Compressed documents are read as they are and decompressed by a worker.
            let bytes = match opened.read_raw(opts.max_input_bytes) {
                Ok(b) => b,
                Err(e) => return failed(em, format!("cannot read: {e}")),
            };
            let meta = Meta {
                id: Value::String(label.clone()),
                source: label.clone(),
                out_path,
                ..Meta::default()
            };
            let name = source.name().map(|p| p.to_string_lossy().into_owned());
            em.emit(meta, Payload::Doc { bytes, name, gz })
        }
    }
}

/// How the run ended, for the exit code.
pub enum Outcome {
    /// Every record was read; `failed` of them failed.
    Finished { failed: u64 },
    /// Stdout was closed (`| head`): stop quietly.
    BrokenPipe,
    /// Stdout failed otherwise.
    WriteError(io::Error),
}

/// Runs the whole pipeline.
pub fn run(args: Args) -> Result<Outcome, String> {
    let filter = Filter::new(&args.globs, &args.exclude)?;
    let sources = input::collect(&args.paths, &filter, args.out.as_deref());
    let containers = matches!(args.input_format, InputFormat::Jsonl | InputFormat::Warc)
        || sources.iter().any(|s| {
            s.name().is_some_and(|n| {
                let n = n.to_string_lossy().to_lowercase();
                let n = n.strip_suffix(".gz").unwrap_or(&n);
                n.ends_with(".jsonl") || n.ends_with(".ndjson") || n.ends_with(".warc")
            })
        });
    let stats = Arc::new(Stats::default());
    // Stdin alone is opened now, so a WARC stream on stdin gets the batch defaults too.
    let mut stdin = None;
    if let [Source::Stdin] = sources.as_slice() {
        if !args.quiet && std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            crate::progress::note(
                "deboiler: reading standard input (end with Ctrl-D; --help for usage)",
            );
        }
        if let Ok(mut r) = input::open(&Source::Stdin, &stats.raw_bytes) {
            let framing = input::framing(args.input_format, None, &mut r);
            stdin = Some((r, framing));
        }
    }
    let stdin_container = matches!(stdin, Some((_, InputFormat::Jsonl | InputFormat::Warc)));
    let multi =
        sources.len() > 1 || args.paths.iter().any(|p| p.is_dir()) || containers || stdin_container;
    let format = args.format.unwrap_or(if multi && args.out.is_none() {
        Format::Jsonl
    } else {
        Format::Text
    });
    let total_raw = sources
        .iter()
        .map(|s| match s {
            Source::File { path, .. } => std::fs::metadata(path).ok().map(|m| m.len()),
            Source::Broken { .. } => Some(0),
            Source::Stdin => None,
        })
        .sum::<Option<u64>>();

    let mut builder = Cleaner::builder()
        .focus(args.focus.into())
        .keep_headings(!args.no_headings)
        .include_comments(args.include_comments)
        .explain(args.explain);
    if let Some(lang) = &args.language {
        builder = builder.language(lang.clone());
    }
    if let Some(detect) = args.detect_language {
        builder = builder.detect_language(detect == crate::args::YesNo::Yes);
    }
    if let Some(n) = args.max_input_bytes {
        builder = builder.max_input_bytes(n);
    }
    let cleaner = Arc::new(builder.build());
    let max_input_bytes = cleaner.options().limits.max_input_bytes;

    let workers = args.jobs.map(usize::from).unwrap_or_else(|| {
        thread::available_parallelism()
            .map(usize::from)
            .unwrap_or(1)
    });
    let window = (workers * 4).max(16);
    let plan = OutPlan {
        dir: args.out.clone(),
        ext: OutPlan::ext_for(format),
        overwrite: args.overwrite,
    };
    let progress = Progress::new(args.quiet, total_raw);

    let (job_tx, job_rx) = sync_channel::<Job>(window);
    let (done_tx, done_rx) = sync_channel::<Done>(window);
    let (token_tx, token_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = token_tx.send(());
    }

    let mut emitter = Emitter {
        jobs: job_tx,
        tokens: token_rx,
        next_seq: 0,
        stats: stats.clone(),
        plan: plan.clone(),
    };
    let read_opts = ReadOptions {
        input_format: args.input_format,
        max_input_bytes,
        fields: jsonl::Fields {
            id: args.id_field.clone(),
            html: args.html_field.clone(),
            text: args.text_field.clone(),
        },
        stdin,
    };
    let reader = thread::spawn(move || read_all(sources, read_opts, &mut emitter));

    let renderer = Renderer {
        format,
        multi,
        explain: args.explain,
    };
    let job_rx = Arc::new(Mutex::new(job_rx));
    let mut pool = Vec::with_capacity(workers);
    for _ in 0..workers {
        let job_rx = job_rx.clone();
        let done_tx = done_tx.clone();
        let cleaner = cleaner.clone();
        let mode = args.mode;
        pool.push(thread::spawn(move || loop {
            // The lock is held only while taking a job, not while cleaning it.
            let next = match job_rx.lock() {
                Ok(rx) => rx.recv(),
                Err(_) => return,
            };
            let Ok(job) = next else { return };
            // A panic in the cleaner would lose the record and stall the ordered writer:
            // turn it into an error record instead (the lead gets the panic message on stderr).
            let (seq, id, source) = (job.seq, job.meta.id.clone(), job.meta.source.clone());
            let mut done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                job::process(job, &cleaner, mode)
            }))
            .unwrap_or_else(|_| Done {
                seq,
                meta: Meta {
                    id,
                    source,
                    ..Meta::default()
                },
                result: Err("internal error: the cleaner panicked on this input".to_string()),
                rendered: Vec::new(),
                bytes: 0,
            });
            renderer.render(&mut done);
            if done_tx.send(done).is_err() {
                return;
            }
        }));
    }
    drop(done_tx);

    let mut writer = Writer::new(renderer, args.out.is_some());
    let outcome = write_all(
        &done_rx,
        &token_tx,
        &mut writer,
        &stats,
        &progress,
        !args.unordered,
    );
    let outcome = match outcome {
        Ok(()) => writer.finish(),
        Err(e) => Err(e),
    };
    if let Err(e) = outcome {
        progress.finish();
        return Ok(if e.kind() == io::ErrorKind::BrokenPipe {
            Outcome::BrokenPipe
        } else {
            Outcome::WriteError(e)
        });
    }
    // All records are written, so the reader and the workers have ended or are ending.
    let _ = reader.join();
    for w in pool {
        let _ = w.join();
    }
    progress.finish();

    let summary = Summary::new(&stats, progress.elapsed());
    if !args.quiet && (multi || args.out.is_some()) {
        crate::progress::note(&summary.line());
    }
    if let Some(path) = &args.stats {
        let json = serde_json::to_string_pretty(&summary).unwrap_or_default();
        std::fs::write(path, json + "\n")
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(Outcome::Finished {
        failed: summary.failed,
    })
}

/// Receives finished records and writes them, restoring input order when `ordered`.
fn write_all(
    done_rx: &Receiver<Done>,
    tokens: &SyncSender<()>,
    writer: &mut Writer,
    stats: &Stats,
    progress: &Progress,
    ordered: bool,
) -> io::Result<()> {
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    loop {
        let done = match done_rx.try_recv() {
            Ok(d) => d,
            Err(TryRecvError::Empty) => {
                // Nothing ready: flush so a downstream reader sees what is done.
                writer.flush()?;
                match done_rx.recv() {
                    Ok(d) => d,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        if !ordered {
            writer.write(&done, stats, progress)?;
            let _ = tokens.send(());
            progress.update(stats);
            continue;
        }
        pending.insert(done.seq, done);
        while let Some(done) = pending.remove(&next) {
            writer.write(&done, stats, progress)?;
            let _ = tokens.send(());
            next += 1;
        }
        progress.update(stats);
    }
    // Only reachable with gaps if a worker died; write what is left rather than drop it.
    for done in pending.into_values() {
        writer.write(&done, stats, progress)?;
    }
    Ok(())
}
