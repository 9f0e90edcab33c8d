//! JSON Lines input: one record per line, holding an id and either HTML or text.

use std::io::{BufRead, Read};

use serde_json::Value;

use crate::input::{Reader, Source};
use crate::job::{Meta, Payload};
use crate::output::RESERVED;
use crate::run::Emitter;

/// Names of the fields read from each record.
#[derive(Debug, Clone)]
pub struct Fields {
    pub id: String,
    pub html: String,
    pub text: String,
}

/// Reads records line by line (never the whole stream) and emits one job per non-blank
/// line; a bad line becomes an error record naming its line number. False when the run is over.
/// Lines are read up to `2 × max_bytes` plus 1 MiB (JSON escapes inflate HTML); a longer
/// line is skipped as an error record without being held in memory.
pub fn read(
    reader: &mut Reader,
    source: &Source,
    fields: &Fields,
    max_bytes: usize,
    em: &mut Emitter,
) -> bool {
    let max_line = (max_bytes as u64).saturating_mul(2).saturating_add(1 << 20);
    let label = source.label();
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        number += 1;
        let fallback_id = Value::String(format!("{label}:{number}"));
        let meta = |id: Value| Meta {
            id,
            source: label.clone(),
            ..Meta::default()
        };
        match reader.by_ref().take(max_line).read_until(b'\n', &mut line) {
            Ok(0) => return true,
            Ok(n) if n as u64 == max_line && line.last() != Some(&b'\n') => {
                line.clear();
                let message = match skip_line(reader) {
                    Ok(()) => format!("line {number}: longer than {max_line} bytes"),
                    Err(e) => format!("line {number}: cannot read: {e}"),
                };
                if !em.emit(meta(fallback_id), Payload::Failed(message)) {
                    return false;
                }
                continue;
            }
            Ok(_) => {}
            Err(e) => {
                let message = format!("line {number}: cannot read: {e}");
                em.emit(meta(fallback_id), Payload::Failed(message));
                return true;
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let object = match serde_json::from_slice::<Value>(&line) {
            Ok(Value::Object(o)) => o,
            Ok(_) => {
                let message = format!("line {number}: not a JSON object");
                if !em.emit(meta(fallback_id), Payload::Failed(message)) {
                    return false;
                }
                continue;
            }
            Err(e) => {
                let message = format!("line {number}: malformed JSON: {e}");
                if !em.emit(meta(fallback_id), Payload::Failed(message)) {
                    return false;
                }
                continue;
            }
        };
        let (mut meta, payload) = split(object, fields, number, meta(fallback_id));
        meta.out_path = em.plan.record_path(source, &meta.id_text());
        if em.skip_existing(&meta.out_path) {
            continue;
        }
        if !em.emit(meta, payload) {
            return false;
        }
    }
}

/// Consumes the rest of an over-long line.
fn skip_line(reader: &mut Reader) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(i) = memchr::memchr(b'\n', buf) {
            reader.consume(i + 1);
            return Ok(());
        }
        let n = buf.len();
        reader.consume(n);
    }
}

/// Takes the id and the content out of a record; the other fields pass through.
fn split(
    mut object: serde_json::Map<String, Value>,
    fields: &Fields,
    number: u64,
    mut meta: Meta,
) -> (Meta, Payload) {
    if let Some(id) = object.remove(&fields.id) {
        meta.id = id;
    }
    let html = object.remove(&fields.html);
    let text = object.remove(&fields.text);
    let payload = match (html, text) {
        (Some(Value::String(h)), _) => Payload::HtmlStr(h),
        (None | Some(Value::Null), Some(Value::String(t))) => Payload::Text(t),
        (Some(v), _) if !v.is_null() => Payload::Failed(format!(
            "line {number}: field `{}` is not a string",
            fields.html
        )),
        (_, Some(v)) if !v.is_null() => Payload::Failed(format!(
            "line {number}: field `{}` is not a string",
            fields.text
        )),
        _ => Payload::Failed(format!(
            "line {number}: record has no `{}` or `{}` field",
            fields.html, fields.text
        )),
    };
    object.retain(|k, _| !RESERVED.contains(&k.as_str()));
    meta.extra = object;
    (meta, payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Fields {
        Fields {
            id: "id".into(),
            html: "html".into(),
            text: "text".into(),
        }
    }

    fn parse(line: &str) -> (Meta, Payload) {
        let Ok(Value::Object(o)) = serde_json::from_str(line) else {
            panic!("test input is not an object")
        };
        split(o, &fields(), 7, Meta::default())
    }

    #[test]
    fn takes_html_before_text_and_passes_other_fields() {
        let (meta, payload) = parse(r#"{"id":3,"html":"<p>x</p>","text":"t","lang":"fr"}"#);
        assert_eq!(meta.id, Value::from(3));
        assert!(matches!(payload, Payload::HtmlStr(h) if h == "<p>x</p>"));
        assert_eq!(meta.extra.get("lang"), Some(&Value::from("fr")));
        assert!(!meta.extra.contains_key("text"));
    }

    #[test]
    fn missing_and_wrong_typed_fields_are_errors() {
        let (_, p) = parse(r#"{"id":"a"}"#);
        assert!(matches!(p, Payload::Failed(m) if m.contains("line 7") && m.contains("`html`")));
        let (_, p) = parse(r#"{"id":"a","html":5}"#);
        assert!(matches!(p, Payload::Failed(m) if m.contains("not a string")));
        let (_, p) = parse(r#"{"id":"a","html":null,"text":"hi"}"#);
        assert!(matches!(p, Payload::Text(t) if t == "hi"));
    }
}
