//! Finding the article body in a sequence of blocks with no DOM to go by.
//!
//! Each block gets a score: prose scores its weight, labels and short lines score negatively,
//! cut-off teasers a little negatively. The body is the span with the highest total (the
//! maximum-sum subarray), which bridges the odd ad or promo line inside the article but stops
//! at the menus and story lists around it.

use super::cues::Cue;
use super::features::Stats;
use crate::options::Focus;
use crate::rules::thresholds::{
    BOILERPLATE_PENALTY, PROSE_MIN_WEIGHT, SHORT_LINE_PENALTY, SHORT_LINE_SLOPE,
    SHORT_SENTENCE_MIN_WORDS, TEASER_SLOPE,
};
use crate::rules::Rule;

/// How strongly negative evidence counts, by focus.
fn penalty_factor(focus: Focus) -> f32 {
    match focus {
        Focus::Precision => 1.6,
        Focus::Balanced => 1.0,
        Focus::Recall => 0.6,
    }
}

/// Is this block prose: heavy enough and made of sentences?
pub(crate) fn is_prose(stats: &Stats) -> bool {
    stats.is_prose(PROSE_MIN_WEIGHT)
}

/// The evidence a block gives for being body text (positive) or not (negative).
pub(crate) fn score(stats: &Stats, cue: Cue, focus: Focus) -> f32 {
    let k = penalty_factor(focus);
    match cue {
        // Ad labels and photo credits sit between an article's paragraphs ("Continua a
        // leggere dopo la pubblicità"): holes in the text, not its edge.
        Cue::Drop(Rule::Advertisement) => 0.0,
        Cue::Drop(_) | Cue::Marker(_) => -k * BOILERPLATE_PENALTY.max(0.5 * stats.weight),
        Cue::Date | Cue::Byline => -k * SHORT_LINE_PENALTY,
        Cue::Plain => {
            if is_prose(stats) {
                stats.weight
            } else if stats.ends_sentence_strictly() && stats.words >= SHORT_SENTENCE_MIN_WORDS {
                0.5 * stats.weight
            } else if stats.weight >= 2.0 * PROSE_MIN_WEIGHT {
                -k * TEASER_SLOPE * stats.weight
            } else {
                -k * (SHORT_LINE_PENALTY + SHORT_LINE_SLOPE * stats.weight)
            }
        }
    }
}

/// The span `[start, end]` (inclusive) with the highest total score, or `None` when no block
/// scores positively.
pub(crate) fn best_span(scores: &[f32]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut run_sum = 0.0f32;
    let mut run_start = 0usize;
    for (i, &s) in scores.iter().enumerate() {
        if run_sum <= 0.0 {
            run_sum = 0.0;
            run_start = i;
        }
        run_sum += s;
        if run_sum > 0.0 && best.is_none_or(|(b, _, _)| run_sum > b) {
            best = Some((run_sum, run_start, i));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_span_bridges_small_gaps_but_not_big_ones() {
        assert_eq!(
            best_span(&[-5.0, 100.0, -20.0, 80.0, -300.0, 50.0]),
            Some((1, 3))
        );
        assert_eq!(best_span(&[-1.0, -2.0]), None);
        assert_eq!(best_span(&[]), None);
    }

    #[test]
    fn prose_scores_positive_menus_negative() {
        let prose =
            Stats::of("The council approved the budget on Monday after a long and heated debate.");
        let menu = Stats::of("World News");
        assert!(score(&prose, Cue::Plain, Focus::Balanced) > 0.0);
        assert!(score(&menu, Cue::Plain, Focus::Balanced) < 0.0);
    }
}
