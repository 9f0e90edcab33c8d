//! The unit of work passed from the reader to the workers and on to the writer.

use std::path::PathBuf;

use deboiler::{Article, Cleaner};
use serde_json::{Map, Value};

use crate::args::Mode;
use crate::input;

/// Everything about a record except its content: carried through to the output.
#[derive(Debug, Default)]
pub struct Meta {
    /// The record id as written in the output (`-` for stdin, the path, a JSONL id, a WARC record id).
    pub id: Value,
    /// The input it came from, for messages.
    pub source: String,
    /// WARC-Target-URI.
    pub url: Option<String>,
    /// WARC-Record-ID.
    pub warc_record_id: Option<String>,
    /// JSONL fields passed through untouched.
    pub extra: Map<String, Value>,
    /// Where the output goes with `--out`.
    pub out_path: Option<PathBuf>,
}

impl Meta {
    /// The id as plain text (a JSON string without quotes).
    pub fn id_text(&self) -> String {
        match &self.id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
}

/// The content of a record, in the form the reader found it.
#[derive(Debug)]
pub enum Payload {
    /// A whole file: HTML or text is decided by `--mode`, the name, then sniffing.
    /// `gz`: still gzip-compressed (decompressed by the worker).
    Doc {
        bytes: Vec<u8>,
        name: Option<String>,
        gz: bool,
    },
    /// HTML bytes with the HTTP `Content-Type` (charset hint), e.g. from WARC.
    HtmlBytes {
        bytes: Vec<u8>,
        content_type: Option<String>,
    },
    /// HTML already decoded (a JSON string).
    HtmlStr(String),
    /// Text already decoded (a JSON string).
    Text(String),
    /// The reader could not get the content; the message says why.
    Failed(String),
}

impl Payload {
    /// Size of the content in bytes, for throughput figures.
    pub fn len(&self) -> usize {
        match self {
            Payload::Doc { bytes, .. } | Payload::HtmlBytes { bytes, .. } => bytes.len(),
            Payload::HtmlStr(s) | Payload::Text(s) => s.len(),
            Payload::Failed(_) => 0,
        }
    }
}

/// A record on its way to a worker; `seq` restores input order.
#[derive(Debug)]
pub struct Job {
    pub seq: u64,
    pub meta: Meta,
    pub payload: Payload,
}

/// A cleaned (or failed) record on its way to the writer.
#[derive(Debug)]
pub struct Done {
    pub seq: u64,
    pub meta: Meta,
    pub result: Result<Article, String>,
    /// The output bytes for stdout, filled by the worker (empty when nothing goes to stdout).
    pub rendered: Vec<u8>,
    /// Size of the document handed to the cleaner (decompressed), for throughput figures.
    pub bytes: u64,
}

/// Cleans one job.
pub fn process(job: Job, cleaner: &Cleaner, mode: Mode) -> Done {
    let mut size = job.payload.len();
    let result = match job.payload {
        Payload::Doc { bytes, name, gz } => {
            let bytes = if gz {
                match input::gunzip(&bytes, cleaner.options().limits.max_input_bytes) {
                    Ok(b) => b,
                    Err(e) => {
                        return Done {
                            seq: job.seq,
                            meta: job.meta,
                            result: Err(format!("cannot read: corrupt gzip: {e}")),
                            rendered: Vec::new(),
                            bytes: 0,
                        }
                    }
                }
            } else {
                bytes
            };
            size = bytes.len();
            if input::is_html(mode, name.as_deref(), &bytes) {
                cleaner.clean_html_bytes(&bytes, None)
            } else {
                cleaner.clean_text(&input::decode_text(&bytes))
            }
        }
        Payload::HtmlBytes {
            bytes,
            content_type,
        } => cleaner.clean_html_bytes(&bytes, content_type.as_deref()),
        Payload::HtmlStr(html) => cleaner.clean_html(&html),
        Payload::Text(text) => cleaner.clean_text(&text),
        Payload::Failed(message) => {
            return Done {
                seq: job.seq,
                meta: job.meta,
                result: Err(message),
                rendered: Vec::new(),
                bytes: 0,
            }
        }
    };
    Done {
        seq: job.seq,
        meta: job.meta,
        result: result.map_err(|e| e.to_string()),
        rendered: Vec::new(),
        bytes: size as u64,
    }
}
