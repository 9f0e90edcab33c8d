//! WARC input (ISO 28500; e.g. Common Crawl): `response` records carrying HTML are cleaned,
//! other responses are counted as skipped, other record types are ignored.
//!
//! Records are read one at a time from a buffered stream (gzip members are undone by the
//! caller's `MultiGzDecoder`), so memory is bounded by the largest record.

use std::io::{self, BufRead, Read};

use flate2::read::{GzDecoder, ZlibDecoder};
use memchr::memmem;
use serde_json::Value;

use crate::input::{sniff_html, Reader, Source};
use crate::job::{Meta, Payload};
use crate::run::Emitter;

/// Longest header line accepted, WARC or HTTP.
const MAX_LINE: u64 = 64 * 1024;

/// The WARC headers we use.
#[derive(Debug, Default)]
struct WarcHeader {
    kind: String,
    target_uri: Option<String>,
    record_id: Option<String>,
    content_type: Option<String>,
    length: Option<u64>,
}

/// Reads records until the end; a malformed or truncated record becomes an error record and
/// ends this input (the next record's start cannot be trusted). False when the run is over.
pub fn read(reader: &mut Reader, source: &Source, max_bytes: usize, em: &mut Emitter) -> bool {
    let label = source.label();
    let mut index = 0u64;
    loop {
        index += 1;
        let fail = |em: &mut Emitter, header: WarcHeader, message: String| {
            let id = header.record_id;
            let meta = Meta {
                id: Value::String(id.clone().unwrap_or_else(|| format!("{label}#{index}"))),
                source: label.clone(),
                url: header.target_uri,
                warc_record_id: id,
                ..Meta::default()
            };
            em.emit(meta, Payload::Failed(message));
        };
        let header = match read_header(reader) {
            Ok(Some(h)) => h,
            Ok(None) => return true,
            Err(e) => {
                fail(
                    em,
                    WarcHeader::default(),
                    format!("WARC record {index}: {e}"),
                );
                return true;
            }
        };
        let Some(length) = header.length else {
            fail(
                em,
                header,
                format!("WARC record {index}: no valid Content-Length"),
            );
            return true;
        };
        let wanted = matches!(header.kind.as_str(), "response" | "resource");
        if !wanted || length > max_bytes as u64 + MAX_LINE {
            let skipped = io::copy(&mut reader.take(length), &mut io::sink()).unwrap_or(0);
            if skipped < length {
                fail(
                    em,
                    header,
                    format!("truncated WARC record {index}: {skipped} of {length} bytes"),
                );
                return true;
            }
            if wanted {
                let message =
                    format!("WARC record {index}: {length} bytes, over the limit of {max_bytes}");
                fail(em, header, message);
            }
            continue;
        }
        let mut block = Vec::with_capacity(length.min(1 << 24) as usize);
        let got = reader.take(length).read_to_end(&mut block);
        if got.is_err() || (block.len() as u64) < length {
            let why = match got {
                Err(e) => e.to_string(),
                Ok(_) => format!("{} of {length} bytes", block.len()),
            };
            fail(em, header, format!("truncated WARC record {index}: {why}"));
            return true;
        }
        let (content_type, body) = if header.kind == "response" {
            match http_payload(&block, max_bytes) {
                Ok(p) => p,
                Err(message) => {
                    fail(em, header, format!("WARC record {index}: {message}"));
                    continue;
                }
            }
        } else {
            (header.content_type.clone(), block)
        };
        let is_html = match &content_type {
            Some(ct) => ct.to_ascii_lowercase().contains("html"),
            None => sniff_html(&body),
        };
        if !is_html {
            em.skip_non_html();
            continue;
        }
        let id = header
            .record_id
            .clone()
            .unwrap_or_else(|| format!("{label}#{index}"));
        let meta = Meta {
            id: Value::String(id.clone()),
            source: label.clone(),
            url: header.target_uri,
            warc_record_id: header.record_id,
            out_path: em.plan.record_path(source, &id),
            ..Meta::default()
        };
        if em.skip_existing(&meta.out_path) {
            continue;
        }
        let payload = Payload::HtmlBytes {
            bytes: body,
            content_type,
        };
        if !em.emit(meta, payload) {
            return false;
        }
    }
}

/// Reads one line (bounded), without its line ending. `None` at end of stream.
fn read_line(reader: &mut Reader) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    let n = reader
        .by_ref()
        .take(MAX_LINE)
        .read_until(b'\n', &mut line)?;
    if n == 0 {
        return Ok(None);
    }
    while matches!(line.last(), Some(b'\n' | b'\r')) {
        line.pop();
    }
    Ok(Some(String::from_utf8_lossy(&line).into_owned()))
}

/// Reads a WARC header block; `None` at a clean end of stream.
fn read_header(reader: &mut Reader) -> io::Result<Option<WarcHeader>> {
    // Records are separated by blank lines.
    let version = loop {
        match read_line(reader)? {
            None => return Ok(None),
            Some(l) if l.trim().is_empty() => continue,
            Some(l) => break l,
        }
    };
    if !version.starts_with("WARC/") {
        let shown: String = version.chars().take(40).collect();
        return Err(io::Error::other(format!(
            "not a WARC record (starts with {shown:?})"
        )));
    }
    let mut header = WarcHeader::default();
    loop {
        let Some(line) = read_line(reader)? else {
            return Err(io::Error::other("truncated WARC header"));
        };
        if line.is_empty() {
            return Ok(Some(header));
        }
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_string();
        match name.trim().to_ascii_lowercase().as_str() {
            "warc-type" => header.kind = value.to_ascii_lowercase(),
            "warc-target-uri" => header.target_uri = Some(value),
            "warc-record-id" => header.record_id = Some(value),
            "content-type" => header.content_type = Some(value),
            "content-length" => header.length = value.parse().ok(),
            _ => {}
        }
    }
}

/// Splits an HTTP response into its Content-Type and its body, undoing chunked transfer
/// encoding and gzip/deflate content encoding. An error when the body is in an encoding we
/// cannot undo.
fn http_payload(block: &[u8], max_bytes: usize) -> Result<(Option<String>, Vec<u8>), String> {
    let (head_end, body_start) = match memmem::find(block, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => match memmem::find(block, b"\n\n") {
            Some(i) => (i, i + 2),
            None => (block.len(), block.len()),
        },
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for line in head.lines().skip(1) {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.to_string()),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => encoding = Some(value.to_ascii_lowercase()),
            _ => {}
        }
    }
    let raw = &block[body_start..];
    let body = if chunked {
        dechunk(raw).unwrap_or_else(|| raw.to_vec())
    } else {
        raw.to_vec()
    };
    let body = match encoding.as_deref() {
        None | Some("" | "identity") => body,
        Some("gzip" | "x-gzip") => decode(GzDecoder::new(&body[..]), max_bytes).unwrap_or(body),
        Some("deflate") => decode(ZlibDecoder::new(&body[..]), max_bytes).unwrap_or(body),
        Some(other) => return Err(format!("content encoding {other:?} not supported")),
    };
    Ok((content_type, body))
}

fn decode(reader: impl Read, max_bytes: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    reader
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// Undoes chunked transfer encoding; `None` when the data is not chunked after all (crawlers
/// often store the decoded body but keep the header).
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let end = memchr::memchr(b'\n', data)?;
        let size_field = std::str::from_utf8(&data[..end]).ok()?;
        let size_hex = size_field.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        data = &data[end + 1..];
        if size == 0 {
            return Some(out);
        }
        let chunk = data.get(..size)?;
        out.extend_from_slice(chunk);
        data = &data[size..];
        data = data.strip_prefix(b"\r\n").or(data.strip_prefix(b"\n"))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks_and_falls_back_on_plain_bodies() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n6;x=1\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"Hello world"[..])
        );
        assert_eq!(dechunk(b"<html>not chunked</html>"), None);
    }

    #[test]
    fn http_headers_are_stripped() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=koi8-r\r\n\r\n<p>x</p>";
        let (ct, body) = http_payload(block, 1000).unwrap_or_default();
        assert_eq!(ct.as_deref(), Some("text/html; charset=koi8-r"));
        assert_eq!(body, b"<p>x</p>");
    }

    #[test]
    fn unknown_content_encoding_is_skipped() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx";
        assert!(http_payload(block, 1000).is_err());
    }
}
