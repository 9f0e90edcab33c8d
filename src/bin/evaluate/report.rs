//! Printing: the summary table, WCXB details and the worst-pages report.

use std::collections::HashMap;

use deboiler::eval::{
    self, lines_absent_from, EvalError, MetadataScore, Tally, TextIndex, WcxbScore,
};
use deboiler::{Article, Cleaner, Focus, Rule};

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

/// Title, author and date found as the reference names them.
pub fn metadata(m: &MetadataScore) {
    let rate = |t: &Tally| match t.rate() {
        Some(r) => format!("{r:.4} of {}", t.checked),
        None => "-".to_string(),
    };
    println!(
        "metadata: title {}, author {}, published {} (same words / same day)",
        rate(&m.title),
        rate(&m.author),
        rate(&m.published)
    );
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
    let index = |text: &str| index_for(run, text);
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
        let article = explain(page, &explainer)?;
        if let Some(article) = article {
            removed(&article.removed, &truth_index);
        }
    }
    Ok(())
}

/// A page's removed blocks, split by whether they hold truth text.
#[derive(Default)]
struct RemovedSplit<'a> {
    /// Blocks mostly in the truth: wrongly removed.
    wrong: Vec<(Rule, &'a str)>,
    /// Count of the other removed blocks per rule.
    right: HashMap<Rule, usize>,
}

fn split_removed<'a>(blocks: &'a [deboiler::Removed], truth: &TextIndex) -> RemovedSplit<'a> {
    let mut split = RemovedSplit::default();
    for b in blocks {
        if eval::words(&b.text).next().is_none() {
            continue;
        }
        if truth.contains(&b.text) {
            split.wrong.push((b.rule, &b.text));
        } else {
            *split.right.entry(b.rule).or_insert(0) += 1;
        }
    }
    split
}

/// Removed blocks: those holding truth text listed, the rest counted by rule.
fn removed(blocks: &[deboiler::Removed], truth: &TextIndex) {
    let split = split_removed(blocks, truth);
    let wrong: Vec<String> = split
        .wrong
        .iter()
        .map(|(rule, text)| format!("[{rule}] {text}"))
        .collect();
    let refs: Vec<&str> = wrong.iter().map(String::as_str).collect();
    let words = split
        .wrong
        .iter()
        .map(|(_, t)| eval::words(t).count())
        .sum();
    section("removed, but in truth", "x", &refs, words);
    if !split.right.is_empty() {
        let mut by_rule: Vec<(Rule, usize)> = split.right.into_iter().collect();
        by_rule.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name().cmp(b.0.name())));
        let total: usize = by_rule.iter().map(|r| r.1).sum();
        let list: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
        println!(
            "    removed, not in truth: {total} blocks ({})",
            clip(&list.join(", "), LINE_CHARS)
        );
    }
}

/// Cleans a page again with `explain` on; `None` for raw runs or on error.
fn explain(page: &Page, explainer: &Cleaner) -> Result<Option<Article>, EvalError> {
    Ok(match &page.input {
        Input::Html(path) => explainer.clean_html_bytes(&eval::read_gz(path)?, None).ok(),
        Input::Text(text) => explainer.clean_text(text).ok(),
        Input::Raw => None,
    })
}

/// Per rule over the whole run: blocks removed, and how many of them (and how many words)
/// held truth text. Cleans every page again with `explain` on, outside the timed run.
pub fn rules(run: &Run, focus: Focus) -> Result<(), EvalError> {
    #[derive(Default)]
    struct Tally {
        blocks: usize,
        wrong_blocks: usize,
        wrong_words: usize,
        pages: usize,
    }
    let explainer = Cleaner::builder().focus(focus).explain(true).build();
    let mut tallies: HashMap<Rule, Tally> = HashMap::new();
    for page in &run.pages {
        let Some(article) = explain(page, &explainer)? else {
            continue;
        };
        let split = split_removed(&article.removed, &index_for(run, &page.truth));
        let mut seen: Vec<Rule> = Vec::new();
        for (rule, n) in &split.right {
            tallies.entry(*rule).or_default().blocks += n;
            seen.push(*rule);
        }
        for (rule, text) in &split.wrong {
            let t = tallies.entry(*rule).or_default();
            t.blocks += 1;
            t.wrong_blocks += 1;
            t.wrong_words += eval::words(text).count();
            seen.push(*rule);
        }
        seen.sort_by_key(|r| r.name());
        seen.dedup();
        for rule in seen {
            tallies.entry(rule).or_default().pages += 1;
        }
    }
    let mut rows: Vec<(Rule, Tally)> = tallies.into_iter().collect();
    rows.sort_by(|a, b| {
        b.1.wrong_words
            .cmp(&a.1.wrong_words)
            .then_with(|| b.1.blocks.cmp(&a.1.blocks))
            .then_with(|| a.0.name().cmp(b.0.name()))
    });
    println!(
        "
=== {}: removals per rule ===",
        run.name
    );
    println!(
        "{:<24} {:>6} {:>8} {:>13} {:>12}",
        "rule", "pages", "blocks", "in truth", "truth words"
    );
    for (rule, t) in rows {
        println!(
            "{:<24} {:>6} {:>8} {:>13} {:>12}",
            rule.name(),
            t.pages,
            t.blocks,
            t.wrong_blocks,
            t.wrong_words
        );
    }
    Ok(())
}

/// The index used to compare a run's outputs with its truth (WCXB ignores case).
fn index_for(run: &Run, text: &str) -> TextIndex {
    match run.metric {
        Metric::Wcxb => TextIndex::case_blind(text),
        Metric::ScrapingHub => TextIndex::new(text),
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

#[cfg(test)]
mod tests {
    use super::*;
    use deboiler::Removed;

    #[test]
    fn clip_collapses_whitespace_and_cuts_long_lines() {
        assert_eq!(clip("a  b\n c", 10), "a b c");
        assert_eq!(clip("abcdefghijkl", 5), "abcd…");
        assert_eq!(clip("", 5), "");
    }

    #[test]
    fn removed_blocks_holding_truth_are_flagged_with_their_rule() {
        let truth = TextIndex::new("The storm closed schools across the region on Tuesday.");
        let removed = |rule, text: &str| Removed {
            rule,
            text: text.into(),
            position: 0,
        };
        let blocks = [
            removed(Rule::Caption, "The storm closed schools across the region"),
            removed(Rule::Navigation, "Home News Sport"),
            removed(Rule::Navigation, "World Business"),
            removed(Rule::Promo, "  --  "),
        ];
        let split = split_removed(&blocks, &truth);
        assert_eq!(split.wrong.len(), 1);
        assert_eq!(split.wrong[0].0, Rule::Caption);
        assert_eq!(split.right.get(&Rule::Navigation), Some(&2));
        assert_eq!(split.right.get(&Rule::Promo), None);
    }
}
