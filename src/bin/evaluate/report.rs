//! Printing: the summary table, WCXB details and the worst-pages report.

use std::collections::HashMap;

use deboiler::eval::{self, lines_absent_from, EvalError, TextIndex, WcxbScore};
use deboiler::{Cleaner, Focus, Rule};

use crate::run::{Input, Metric, Page, Run};

/// Longest excerpt printed, in characters.
const LINE_CHARS: usize = 110;
/// Most lines printed per section of a worst-page entry.
const SECTION_LINES: usize = 8;

/// The summary table, one row per run.
pub fn table(runs: &[Run]) {
    println!(
        "{:<18} {:>6} {:>6} {:>7} {:>9} {:>7} {:>8} {:>7}",
        "dataset", "pages", "errors", "F1", "precision", "recall", "pages/s", "MB/s"
    );
    for r in runs {
        let (pages_s, mb_s) = match r.clean_time {
            Some(t) if t.as_secs_f64() > 0.0 => {
                let s = t.as_secs_f64();
                (
                    format!("{:.1}", r.pages.len() as f64 / s),
                    format!("{:.2}", r.input_bytes as f64 / 1e6 / s),
                )
            }
            _ => ("-".into(), "-".into()),
        };
        println!(
            "{:<18} {:>6} {:>6} {:>7.4} {:>9.4} {:>7.4} {:>8} {:>7}",
            r.name,
            r.pages.len(),
            r.errors,
            r.figures.f1,
            r.figures.precision,
            r.figures.recall,
            pages_s,
            mb_s
        );
        if let Some(first) = r.pages.iter().find_map(|p| p.error.as_deref()) {
            println!(
                "  {} cleaning errors (scored as empty output); first: {first}",
                r.errors
            );
        }
    }
}

/// Snippet rates and figures per page type.
pub fn wcxb(score: &WcxbScore) {
    println!(
        "snippets: with {:.4} (found, higher is better), without {:.4} (found, lower is better)",
        score.all.with_rate, score.all.without_rate
    );
    println!(
        "{:<14} {:>6} {:>7} {:>9} {:>7} {:>7} {:>8}",
        "page type", "pages", "F1", "precision", "recall", "with", "without"
    );
    for (name, m) in &score.by_type {
        println!(
            "{:<14} {:>6} {:>7.4} {:>9.4} {:>7.4} {:>7.4} {:>8.4}",
            name, m.pages, m.f1, m.precision, m.recall, m.with_rate, m.without_rate
        );
    }
}

/// The `n` lowest-F1 pages of a run, each with what was wrongly kept, what was missed and
/// what the cleaner removed (cleaned again with `explain` on, outside the timed run).
pub fn worst(run: &Run, n: usize, focus: Focus) -> Result<(), EvalError> {
    let explainer = Cleaner::builder().focus(focus).explain(true).build();
    let mut ranked: Vec<&Page> = run.pages.iter().filter(|p| p.f1.is_some()).collect();
    ranked.sort_by(|a, b| {
        let (fa, fb) = (a.f1.unwrap_or(1.0), b.f1.unwrap_or(1.0));
        // Among equal scores, the page with more truth at stake first.
        fa.total_cmp(&fb)
            .then_with(|| b.truth.len().cmp(&a.truth.len()))
            .then_with(|| a.id.cmp(&b.id))
    });
    println!(
        "\n=== {}: {} worst pages ===",
        run.name,
        n.min(ranked.len())
    );
    let fold_case = matches!(run.metric, Metric::Wcxb);
    let index = |text: &str| {
        if fold_case {
            TextIndex::case_blind(text)
        } else {
            TextIndex::new(text)
        }
    };
    for page in ranked.into_iter().take(n) {
        println!(
            "\n--- {}  F1 {:.3}  P {:.3}  R {:.3}  {}",
            page.id,
            page.f1.unwrap_or(0.0),
            page.precision,
            page.recall,
            clip(&page.label, 80)
        );
        println!(
            "    kept {} words, truth {} words{}",
            eval::words(&page.kept).count(),
            eval::words(&page.truth).count(),
            page.error
                .as_deref()
                .map(|e| format!(", cleaning error: {e}"))
                .unwrap_or_default()
        );
        let truth_index = index(&page.truth);
        let extra = lines_absent_from(&page.kept, &truth_index);
        section("kept, not in truth", "+", &extra, word_count(&extra));
        let missed = lines_absent_from(&page.truth, &index(&page.kept));
        section(
            "missed (in truth, not kept)",
            "-",
            &missed,
            word_count(&missed),
        );
        let article = match &page.input {
            Input::Html(path) => {
                let html = eval::read_gz(path)?;
                explainer.clean_html_bytes(&html, None).ok()
            }
            Input::Text(text) => explainer.clean_text(text).ok(),
            Input::Raw => None,
        };
        if let Some(article) = article {
            removed(&article.removed, &truth_index);
        }
    }
    Ok(())
}

/// Removed blocks: those holding truth text listed in full, the rest counted by rule.
fn removed(blocks: &[deboiler::Removed], truth: &TextIndex) {
    let mut wrong: Vec<String> = Vec::new();
    let mut wrong_words = 0;
    let mut right: HashMap<Rule, usize> = HashMap::new();
    for b in blocks {
        if eval::words(&b.text).next().is_none() {
            continue;
        }
        if truth.contains(&b.text) {
            wrong_words += eval::words(&b.text).count();
            wrong.push(format!("[{}] {}", b.rule, b.text));
        } else {
            *right.entry(b.rule).or_insert(0) += 1;
        }
    }
    let refs: Vec<&str> = wrong.iter().map(String::as_str).collect();
    section("removed, but in truth", "x", &refs, wrong_words);
    if !right.is_empty() {
        let mut by_rule: Vec<(Rule, usize)> = right.into_iter().collect();
        by_rule.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name().cmp(b.0.name())));
        let total: usize = by_rule.iter().map(|r| r.1).sum();
        let list: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
        println!(
            "    removed, not in truth: {total} blocks ({})",
            clip(&list.join(", "), LINE_CHARS)
        );
    }
}

/// Prints up to `SECTION_LINES` lines; `words` is the section's word total.
fn section(title: &str, mark: &str, lines: &[&str], words: usize) {
    if lines.is_empty() {
        return;
    }
    println!("    {title} ({} lines, {words} words):", lines.len());
    for l in lines.iter().take(SECTION_LINES) {
        println!("      {mark} {}", clip(l, LINE_CHARS));
    }
    if lines.len() > SECTION_LINES {
        println!("      {mark} ... {} more", lines.len() - SECTION_LINES);
    }
}

fn word_count(lines: &[&str]) -> usize {
    lines.iter().map(|l| eval::words(l).count()).sum()
}

/// Whitespace collapsed, cut to `max` characters with an ellipsis.
fn clip(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (count, word) in text.split_whitespace().enumerate() {
        if count > 0 {
            out.push(' ');
        }
        out.push_str(word);
        if out.chars().count() > max {
            break;
        }
    }
    if out.chars().count() > max {
        let mut cut: String = out.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        out
    }
}
