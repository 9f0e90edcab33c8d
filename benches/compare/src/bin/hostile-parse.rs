//! The parsing floor on the hostile shapes of `tests/hostile_html.rs`: how long bare
//! `scraper::Html::parse_document` takes (release build), then deboiler's HTML mode on the same
//! input. Shows which costs come from the parser and which from the extractor.
//!
//! ```text
//! cargo run --release --manifest-path benches/compare/Cargo.toml --bin hostile-parse
//! ```

use std::time::Instant;

fn case(name: &str, html: String) {
    let start = Instant::now();
    let doc = scraper::Html::parse_document(&html);
    let parse = start.elapsed();
    drop(doc);
    let start = Instant::now();
    let result = deboiler::clean_html(&html);
    let clean = start.elapsed();
    let outcome = match &result {
        Ok(a) => format!("Ok, {} blocks", a.blocks.len()),
        Err(e) => format!("Err({e})"),
    };
    println!(
        "{name:<28} {:>7.1} MB  parse {:>8.3} s  deboiler {:>8.3} s  {outcome}",
        html.len() as f64 / 1e6,
        parse.as_secs_f64(),
        clean.as_secs_f64()
    );
}

fn nested(depth: usize) -> String {
    format!(
        "<html><body>{}<p>The paragraph at the bottom.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

fn main() {
    for depth in [10_000, 25_000, 50_000, 100_000] {
        case(&format!("nested divs {depth}"), nested(depth));
    }
    case(
        "million tiny paragraphs",
        format!("<html><body>{}</body></html>", "<p>a</p>".repeat(1_000_000)),
    );
    let mut table = String::from("<table>");
    for row in 0..50_000 {
        table.push_str(&format!("<tr><td>{row}</td><td>Station {row}</td><td>12.5</td><td><a href=\"/s/{row}\">details</a></td></tr>"));
    }
    case(
        "giant table 50k rows",
        format!("<html><body>{table}</table></body></html>"),
    );
    for n in [1_000, 5_000] {
        let junk = "<div><p><b><i><span><table><tr><td><ul><li><a href='/x'><font><select><option>cell text ".repeat(n);
        case(
            &format!("unclosed everything x{n}"),
            format!("<html><body>{junk}<p>end"),
        );
    }
    let chunk = "<div class=\"nav\"><a href=\"/\">Home</a></div><article><h2>Title</h2><p>The council voted on Monday night to spend twelve million pounds on new flood defences along the river.</p><p>Construction will start in the autumn and take about eighteen months.</p></article>\n";
    case(
        "50 MB realistic blocks",
        format!(
            "<html><body>{}</body></html>",
            chunk.repeat((50 << 20) / chunk.len())
        ),
    );
    case(
        "10 MB line",
        format!(
            "<html><body><p>{}</p></body></html>",
            "lorem ipsum dolor sit amet ".repeat((10 << 20) / 27)
        ),
    );
}
