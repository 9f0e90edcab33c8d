//! The classifier: one decision per segment, keep or drop with the rule that dropped it.
//!
//! 1. Each block gets [`features::Stats`] and a [`cues::Cue`] from the phrase lists and patterns.
//! 2. The body span is found: from the DOM's zones for HTML, by score ([`region`]) for text.
//! 3. A tail marker ("Related", "Previous Story") inside the span ends it when little prose
//!    follows.
//! 4. Inside the span, boilerplate cues, teaser lists after markers and menu runs are dropped.
//! 5. The headline, date line and byline before the body become metadata ([`meta`]).

mod cues;
mod features;
mod html;
mod lexicon;
mod meta;
mod region;
mod swar;

use cues::Cue;
use features::Stats;

use crate::article::BlockKind;
use crate::options::{Focus, Options};
use crate::rules::phrases::SITE_MORE_PREFIXES;
use crate::rules::thresholds::{
    COMMENT_MAX_AFTER_SHARE, COMMENT_MIN_PROSE_BEFORE, CUT_EXCERPTS_MAX_SHARE, CUT_EXCERPTS_MIN,
    CUT_EXCERPT_MIN_BYTES, ISOLATED_PROSE_FLOOR, ISOLATED_PROSE_MAX_BYTES, LIST_ITEM_CREDIT,
    MARKER_BOX_MIN_LINK_SHARE, MARKER_BOX_MIN_TEXT_BEFORE, MAX_TEASER_WORDS, MENU_RUN_MIN,
    PROSE_NEIGHBOURHOOD, REPEAT_MIN_BYTES, REPEAT_SEARCH_BUDGET_BYTES, SPLIT_RUN_MIN, SPLIT_SHARE,
    SUBHEAD_MAX_WORDS, SUBHEAD_MIN_WORDS, TAIL_CUT_SHARE, TITLE_WINDOW,
};
use crate::rules::{thresholds, Rule};
use crate::segment::{Document, Origin, PageMeta, Segment, Zone};
use foldhash::{HashMap, HashMapExt};

/// The decision for one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Keep,
    Drop(Rule),
}

/// Verdicts (one per segment, same order), kinds the classifier assigned (e.g. a text-mode
/// line recognised as a subhead), and metadata found among the blocks.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub verdicts: Vec<Verdict>,
    pub kinds: Vec<Option<BlockKind>>,
    pub meta: PageMeta,
}

/// Whether a block's text, on its own, opens a list of other stories ("Related", "You may
/// also like", "Read more:"): the element it opens is then a related box (HTML content choice).
pub(crate) fn opens_story_list(text: &str) -> bool {
    let stats = Stats::of(text);
    matches!(
        cues::cue(text, &stats),
        Cue::Marker(Rule::RelatedZone | Rule::ReadMore)
    )
}

/// Classifies every segment of `doc`.
pub(crate) fn classify(doc: &Document, options: &Options) -> Outcome {
    let segs = &doc.segments;
    // A block's statistics and cue depend on its text alone: a text met before in the page
    // (menu items, share labels, dates and bylines of a listing) takes the first one's.
    let first = first_of_each_text(segs);
    let mut stats: Vec<Stats> = Vec::with_capacity(segs.len());
    for (i, seg) in segs.iter().enumerate() {
        let st = match first.get(i) {
            Some(&j) if (j as usize) < i => stats[j as usize],
            _ => Stats::of(&seg.text),
        };
        stats.push(st);
    }
    let mut cues: Vec<Cue> = Vec::with_capacity(segs.len());
    for (i, (seg, st)) in segs.iter().zip(&stats).enumerate() {
        let cue = match first.get(i) {
            Some(&j) if (j as usize) < i => cues[j as usize],
            _ => own_cue(&seg.text, st),
        };
        cues.push(cue);
    }
    // A table row's cells are written between separators: a row of short cells
    // ("gsoc-2018 | 3.3 GB/s | 0.091 GB/s") is data, not a breadcrumb trail. (Decided per
    // block, after the cues that depend on the text alone.)
    for (cue, seg) in cues.iter_mut().zip(segs) {
        if *cue == Cue::Drop(Rule::Breadcrumb) && seg.kind == BlockKind::TableRow {
            *cue = Cue::Plain;
        }
    }
    let mut out = classify_blocks(doc, &stats, cues.clone(), options);
    if doc.origin == Origin::Text {
        settle(doc, &stats, &cues, options, &mut out);
    }
    out
}

/// Texts up to this many bytes are looked up among the page's earlier blocks before they
/// are judged (see [`classify`]): repeated texts are mostly short, and past this length the
/// hashing costs more than the rare repeat saves (text mode: 281.3 M instructions at 32
/// bytes, 280.1 M at 64, 277.4 M at 400, 277.7 M with no limit).
const REPEAT_LOOKUP_MAX_BYTES: usize = 400;

/// For each segment, the index of the first segment with the same text (its own index when
/// it is the first, or when its text is too long to be looked up).
///
/// The texts are found in an open-addressing table of segment indices keyed by a cheap
/// fingerprint (length, first and last eight bytes): equal texts have equal fingerprints, and
/// a candidate is taken only when its text is equal. (A general hash map hashed every byte of
/// every text; two texts whose fingerprints collide only share a probe sequence.)
fn first_of_each_text(segs: &[Segment]) -> Vec<u32> {
    // Slots hold a segment index plus one (0: empty); at most half of them are ever used.
    let bits = (segs.len().max(1) * 2).next_power_of_two().trailing_zeros();
    let mut slots = vec![0u32; 1 << bits];
    let mask = slots.len() - 1;
    segs.iter()
        .enumerate()
        .map(|(i, seg)| {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            let text: &str = &seg.text;
            if text.len() > REPEAT_LOOKUP_MAX_BYTES || i == u32::MAX {
                return i;
            }
            let mut at = (fingerprint(text.as_bytes()) >> (64 - bits)) as usize & mask;
            // A bounded probe: texts crafted to share a fingerprint cost at most this many
            // comparisons each (one not found is judged on its own).
            for _ in 0..REPEAT_LOOKUP_MAX_PROBES {
                match slots[at] {
                    0 => {
                        slots[at] = i + 1;
                        return i;
                    }
                    taken => {
                        let j = taken - 1;
                        if segs.get(j as usize).is_some_and(|s| *s.text == *text) {
                            return j;
                        }
                    }
                }
                at = (at + 1) & mask;
            }
            i
        })
        .collect()
}

/// Slots [`first_of_each_text`] probes for one text before judging it on its own.
const REPEAT_LOOKUP_MAX_PROBES: usize = 16;

/// A hash of a text from its length and its first and last eight bytes (all of them when
/// shorter): equal texts have equal fingerprints.
fn fingerprint(bytes: &[u8]) -> u64 {
    let word = |b: &[u8]| b.iter().fold(0u64, |acc, &x| acc << 8 | u64::from(x));
    let (head, tail) = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(head), Some(tail)) => (u64::from_le_bytes(*head), u64::from_le_bytes(*tail)),
        _ => (word(bytes), 0),
    };
    (head ^ tail.rotate_left(29) ^ bytes.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ (tail.wrapping_mul(0xc2b2_ae3d_27d4_eb4f) >> 17)
}

/// The cue of a block from its text and statistics alone, a junk block (control characters,
/// undecodable bytes) dropped whatever it reads as.
fn own_cue(text: &str, stats: &Stats) -> Cue {
    if stats.may_have_junk {
        let (control, replaced) = crate::text::junk_percent(text, usize::MAX);
        if control > thresholds::MAX_BLOCK_CONTROL_PERCENT
            || replaced > thresholds::MAX_BLOCK_REPLACED_PERCENT
        {
            return Cue::Drop(Rule::Junk);
        }
    }
    cues::cue(text, stats)
}

/// Text mode: the output, cleaned again, must keep all of it. A cleaned text has lost what told
/// the first pass where the body was (the boilerplate around it, blank lines between list
/// items, the lines a rule removed), so the body span, the neighbourhood of each block and the
/// headline window can all come out differently on it. The kept blocks are therefore read again
/// as the output reads (one paragraph each, a blank line between), and what that reading drops
/// is dropped now, until nothing changes: the result is a fixed point of the cleaner.
fn settle(doc: &Document, stats: &[Stats], cues: &[Cue], options: &Options, out: &mut Outcome) {
    let mut budget = thresholds::SETTLE_BLOCK_BUDGET.saturating_mul(doc.segments.len());
    loop {
        let kept: Vec<usize> = (0..doc.segments.len())
            .filter(|&i| out.verdicts[i] == Verdict::Keep)
            .collect();
        if kept.is_empty() || kept.len() > budget {
            return;
        }
        budget -= kept.len();
        let again = Document {
            origin: Origin::Text,
            segments: kept
                .iter()
                .map(|&i| Segment::new(doc.segments[i].text.clone(), BlockKind::Paragraph))
                .collect(),
            meta: PageMeta::default(),
        };
        let again_stats: Vec<Stats> = kept.iter().map(|&i| stats[i]).collect();
        let again_cues: Vec<Cue> = kept.iter().map(|&i| cues[i]).collect();
        let verdicts = classify_blocks(&again, &again_stats, again_cues, options).verdicts;
        let mut changed = false;
        for (&i, verdict) in kept.iter().zip(verdicts) {
            if verdict != Verdict::Keep {
                out.verdicts[i] = verdict;
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

/// Classifies the segments of `doc` given their statistics and cues.
fn classify_blocks(
    doc: &Document,
    stats: &[Stats],
    mut cues: Vec<Cue>,
    options: &Options,
) -> Outcome {
    let segs = &doc.segments;
    let n = segs.len();
    if let Some(site) = &doc.meta.site_name {
        mark_site_headings(segs, site, &mut cues);
    }
    mark_marker_lists(segs, stats, &mut cues);
    if doc.origin == Origin::Html {
        mark_marker_boxes(segs, &mut cues);
    }
    if options.include_comments {
        // Comment labels and heads still go, but they no longer end the body.
        for c in &mut cues {
            if *c == Cue::Marker(Rule::Comments) {
                *c = Cue::Drop(Rule::Comments);
            }
        }
    }
    let mut out = Outcome {
        verdicts: vec![Verdict::Keep; n],
        kinds: vec![None; n],
        meta: PageMeta::default(),
    };

    // Structure first (HTML): blocks outside the main content or in boilerplate containers.
    let structural = structural_drops(doc, options);
    let candidate = |i: usize| structural[i].is_none();

    let introduced = introduced_lists(segs, stats, &cues);
    let score_all = |cues: &[Cue]| {
        let mut scores = score_all(stats, cues, &structural, options);
        damp_isolated_prose(&mut scores, cues, segs);
        for (i, s) in scores.iter_mut().enumerate() {
            if introduced[i] && cues[i] == Cue::Plain && *s < 0.0 {
                *s = LIST_ITEM_CREDIT * stats[i].weight;
            }
        }
        scores
    };
    let mut scores = score_all(&cues);
    let mut span = find_span(doc, &scores, &structural);
    // Comments start at the first comment-section marker inside the body: once known, the
    // body is found again without them. (In HTML the comment containers are structural.)
    let cut_comments = !options.include_comments && doc.origin == Origin::Text;
    if let (Some((start, _)), true) = (span, cut_comments) {
        if mark_comment_zone(stats, &mut cues, start) {
            scores = score_all(&cues);
            span = find_span(doc, &scores, &structural);
        }
    }
    let Some((mut start, mut end)) = span else {
        for (i, v) in out.verdicts.iter_mut().enumerate() {
            *v = Verdict::Drop(structural[i].unwrap_or(match cues[i] {
                Cue::Drop(rule) | Cue::Marker(rule) => rule,
                _ => Rule::OutsideContent,
            }));
        }
        return out;
    };

    // A tail marker ends the body when little prose comes after it.
    let mut tail_rule = None;
    // Prefix sums of the positive scores: the prose weight of any range in constant time.
    // (Pushed into a vector sized once: collected from the chained iterator, it regrew.)
    let mut prefix: Vec<f64> = Vec::with_capacity(scores.len() + 1);
    let mut acc = 0.0f64;
    prefix.push(acc);
    for &s in &scores {
        acc += f64::from(s.max(0.0));
        prefix.push(acc);
    }
    let positive = |a: usize, b: usize| -> f32 { (prefix[b.max(a)] - prefix[a]) as f32 };
    // (HTML: the DOM already bounded the content; a marker inside it is a box, not the end.)
    let text_mode = doc.origin == Origin::Text;
    let tail = (start + 1..=end)
        .filter(|_| text_mode)
        .find_map(|m| match cues[m] {
            Cue::Marker(rule)
                if candidate(m)
                    && positive(m + 1, end + 1) < TAIL_CUT_SHARE * positive(start, m) =>
            {
                Some((m, rule))
            }
            _ => None,
        });
    if let Some((m, _)) = tail {
        tail_rule = tail;
        end = m - 1;
    }
    // A long run of non-prose lines (a menu, a story list) inside the span splits it: the
    // lighter side goes when it weighs less than the cut share of the other.
    if doc.origin == Origin::Text {
        (start, end) = split_at_runs(&scores, start, end, positive);
    }

    for i in 0..n {
        let own = structural[i].or(match cues[i] {
            Cue::Drop(rule) | Cue::Marker(rule) => Some(rule),
            _ => None,
        });
        out.verdicts[i] = if i < start {
            Verdict::Drop(own.unwrap_or(Rule::BeforeContent))
        } else if i > end {
            let zone_rule = match tail_rule {
                Some((m, rule)) if i >= m => rule,
                _ => Rule::OutsideContent,
            };
            Verdict::Drop(own.unwrap_or(zone_rule))
        } else {
            match own {
                Some(rule) => Verdict::Drop(rule),
                None => Verdict::Keep,
            }
        };
    }

    drop_menu_runs(segs, stats, &introduced, start, end, &mut out.verdicts);
    drop_repeats(segs, start, end, &mut out.verdicts);
    // (A listing's or a service page's own items may be such excerpts.)
    if doc.origin == Origin::Text || doc.meta.declared_article {
        drop_cut_excerpts(segs, start, end, &mut out.verdicts);
    }
    let known_title = doc.meta.title.as_deref();
    metadata(segs, stats, &cues, (start, end), known_title, &mut out);
    mark_subheads(segs, stats, start, end, text_mode, options, &mut out);
    drop_emptied_headings(segs, start, end, &mut out);
    drop_author_lines(segs, start, end, doc.meta.author.as_deref(), &mut out);
    out
}

/// The level of a kept block that is a heading.
fn heading_level(segs: &[Segment], out: &Outcome, i: usize) -> Option<u8> {
    match out.kinds[i].unwrap_or(segs[i].kind) {
        BlockKind::Heading(level) => Some(level),
        _ => None,
    }
}

/// A heading whose whole section went as boilerplate (a newsletter box's title over its
/// pitch, "More on this" over a story list) goes with it, for the same reason: the blocks
/// after it, at least one, up to the next kept heading of its level or above (or the end),
/// were all dropped by a rule that removes a box of its own. (Not after a dropped date or
/// byline: a listing's headline over its date line is an entry.)
fn drop_emptied_headings(segs: &[Segment], start: usize, end: usize, out: &mut Outcome) {
    for i in start..end {
        if out.verdicts[i] != Verdict::Keep {
            continue;
        }
        let Some(level) = heading_level(segs, out, i) else {
            continue;
        };
        let next_kept = (i + 1..=end).find(|&j| out.verdicts[j] == Verdict::Keep);
        if next_kept.is_some_and(|j| heading_level(segs, out, j).is_none_or(|l| l > level)) {
            continue;
        }
        let section = i + 1..next_kept.unwrap_or(end + 1);
        let first = match out.verdicts[i + 1] {
            Verdict::Drop(rule) if is_box_rule(rule) => rule,
            _ => continue,
        };
        if out.verdicts[section]
            .iter()
            .all(|v| matches!(v, Verdict::Drop(rule) if is_box_rule(*rule)))
        {
            out.verdicts[i] = Verdict::Drop(first);
        }
    }
}

/// Rules that remove a box of the page's furniture, heading and all. (Not a footer or a
/// read-more link: a listing's entries end with a "card-footer" and a "Read more" link.)
fn is_box_rule(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::Promo
            | Rule::RelatedZone
            | Rule::Comments
            | Rule::Advertisement
            | Rule::CookieNotice
            | Rule::MirrorNotice
    )
}

/// A block that is only the author's name (a signature under the text, an author box's
/// name line) is a byline.
fn drop_author_lines(
    segs: &[Segment],
    start: usize,
    end: usize,
    author: Option<&str>,
    out: &mut Outcome,
) {
    let Some(author) = author.or(out.meta.author.as_deref()).map(str::to_owned) else {
        return;
    };
    let (Some(verdicts), Some(segs)) = (out.verdicts.get_mut(start..=end), segs.get(start..=end))
    else {
        return;
    };
    for (segment, verdict) in segs.iter().zip(verdicts) {
        if *verdict == Verdict::Keep && meta::same_words(&segment.text, &author) {
            *verdict = Verdict::Drop(Rule::Byline);
        }
    }
}

/// Structural drops from the DOM (HTML only): outside the main content, inside an element
/// whose tag, class or id marks boilerplate, or link-dense (see [`html::structural_verdicts`]).
fn structural_drops(doc: &Document, options: &Options) -> Vec<Option<Rule>> {
    if doc.origin != Origin::Html {
        return vec![None; doc.segments.len()];
    }
    html::structural_verdicts(doc, options)
}

/// After a marker ("Read more:", "Related", "Latest Headlines"), the lines that follow are the
/// stories it lists: the first run of lines (no blank line between them), then standalone
/// short lines that are not sentences, until prose resumes.
fn mark_marker_lists(segs: &[Segment], stats: &[Stats], cues: &mut [Cue]) {
    let n = segs.len();
    let short = |j: usize| {
        !region::is_prose(&stats[j])
            && !stats[j].ends_sentence_strictly()
            && stats[j].words <= MAX_TEASER_WORDS
    };
    let run_continues = |j: usize| j + 1 < n && !segs[j + 1].gap_before;
    let mut i = 0;
    while i < n {
        let Cue::Marker(rule) = cues[i] else {
            i += 1;
            continue;
        };
        if rule == Rule::Comments {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut first_run = true;
        let mut item_prose: Option<bool> = None;
        // (HTML) The list stays in the marker's container: a "Latest" menu item does not
        // reach past the menu into the article.
        let same_box = |j: usize| segs[j].zone == segs[i].zone && segs[j].hint == segs[i].hint;
        while j < n && !matches!(cues[j], Cue::Marker(_)) && same_box(j) {
            // A bare "Read more" introduces headlines; a heading such as "Latest Headlines"
            // may introduce a run of teasers with a sentence each.
            let listed = if rule == Rule::ReadMore || rule == Rule::PrevNext {
                short(j)
            } else if j == i + 1 {
                short(j) || run_continues(j)
            } else if !segs[j].gap_before {
                first_run
            } else {
                first_run = false;
                short(j) && (!run_continues(j) || short(j + 1))
            };
            if !listed {
                break;
            }
            if cues[j] == Cue::Plain {
                // Items are alike: after headline items, prose is the article resuming.
                let prose_item = !short(j);
                if *item_prose.get_or_insert(prose_item) != prose_item && prose_item {
                    break;
                }
                cues[j] = Cue::Drop(rule);
            }
            j += 1;
        }
        i = j;
    }
}

/// HTML: a marker heading ("Related", "More from ...") that opens an element drops that
/// element: the section it titles.
fn mark_marker_boxes(segs: &[Segment], cues: &mut [Cue]) {
    // Running text of the main content before each block: a box opened before the body
    // is the page's own list (a listing's "Latest"), not an appendix to an article.
    let mut text_before = 0usize;
    let mut i = 0;
    while i < segs.len() {
        let end = (segs[i].box_end as usize).min(segs.len());
        match cues[i] {
            Cue::Marker(rule)
                if rule != Rule::Comments
                    && end > i + 1
                    && text_before >= MARKER_BOX_MIN_TEXT_BEFORE
                    && box_link_share(&segs[i + 1..end]) >= MARKER_BOX_MIN_LINK_SHARE =>
            {
                for c in &mut cues[i + 1..end] {
                    if matches!(c, Cue::Plain | Cue::Date | Cue::Byline) {
                        *c = Cue::Drop(rule);
                    }
                }
                i = end;
            }
            _ => {
                let segment = &segs[i];
                if segment.zone == Zone::Main && segment.link_density() < 0.5 {
                    text_before += segment.text.chars().count();
                }
                i += 1;
            }
        }
    }
}

/// "More <site name>": a heading that points at the rest of the site, from the page's own
/// name for itself.
fn mark_site_headings(segs: &[Segment], site: &str, cues: &mut [Cue]) {
    let site = lexicon::normalise(site);
    if site.is_empty() {
        return;
    }
    let mut buf = String::new();
    for (segment, cue) in segs.iter().zip(cues.iter_mut()) {
        if *cue != Cue::Plain || segment.text.len() > site.len() + 24 {
            continue;
        }
        let norm = lexicon::normalise_in(&segment.text, &mut buf);
        // "More <site>", or a few words around the name: "More Great <Site> Stories".
        let names_site = SITE_MORE_PREFIXES.iter().any(|prefix| {
            norm.strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| {
                    rest == site
                        || (rest.contains(site.as_str())
                            && rest.split(' ').count() <= site.split(' ').count() + 2)
                })
        });
        if names_site {
            *cue = Cue::Marker(Rule::RelatedZone);
        }
    }
}

/// Share of the characters of `segs` inside links.
fn box_link_share(segs: &[Segment]) -> f32 {
    let (mut links, mut chars) = (0usize, 0usize);
    for s in segs {
        links += s.link_chars as usize;
        chars += s.text.chars().count();
    }
    links as f32 / chars.max(1) as f32
}

/// Everything after the first comment-section marker that follows real body prose (from
/// `start` on) is comments. Returns whether a comment zone was marked.
fn mark_comment_zone(stats: &[Stats], cues: &mut [Cue], start: usize) -> bool {
    let prose = |i: usize| {
        if region::is_prose(&stats[i]) {
            stats[i].weight
        } else {
            0.0
        }
    };
    // Without a comment marker from `start` on (most pages), nothing opens.
    if !cues
        .get(start..)
        .is_some_and(|after| after.contains(&Cue::Marker(Rule::Comments)))
    {
        return false;
    }
    // Totals after each position, so that each marker is judged in constant time.
    let n = cues.len();
    let (mut heads_after, mut prose_after) = (vec![0usize; n + 1], vec![0.0f32; n + 1]);
    for i in (0..n).rev() {
        heads_after[i] = heads_after[i + 1] + usize::from(cues[i] == Cue::Marker(Rule::Comments));
        prose_after[i] = prose_after[i + 1] + prose(i);
    }
    let mut prose_before = 0.0f32;
    for i in start..n {
        // A comment-count link near the headline is followed by the whole article; a real
        // comment section by more comment heads, or by less prose than the body.
        let opens = cues[i] == Cue::Marker(Rule::Comments)
            && prose_before >= COMMENT_MIN_PROSE_BEFORE
            && (heads_after[i + 1] >= 2
                || prose_after[i + 1] < COMMENT_MAX_AFTER_SHARE * prose_before);
        if opens {
            for c in &mut cues[i + 1..] {
                if matches!(c, Cue::Plain | Cue::Date | Cue::Byline) {
                    *c = Cue::Drop(Rule::Comments);
                }
            }
            return true;
        }
        prose_before += prose(i);
    }
    false
}

/// Cuts the span `[start, end]` at runs of at least [`SPLIT_RUN_MIN`] negative blocks, keeping
/// the side with most prose while the other weighs less than [`TAIL_CUT_SHARE`] of it.
fn split_at_runs(
    scores: &[f32],
    mut start: usize,
    mut end: usize,
    positive: impl Fn(usize, usize) -> f32,
) -> (usize, usize) {
    let mut i = start;
    while i <= end {
        if scores[i] >= 0.0 {
            i += 1;
            continue;
        }
        let run_start = i;
        while i <= end && scores[i] < 0.0 {
            i += 1;
        }
        if i - run_start < SPLIT_RUN_MIN {
            continue;
        }
        let before = positive(start, run_start);
        let after = positive(i, end + 1);
        if after < SPLIT_SHARE * before {
            end = run_start.saturating_sub(1).max(start);
            break;
        }
        if before < SPLIT_SHARE * after {
            start = i;
        }
    }
    (start, end)
}

/// Prose among non-prose neighbours (a teaser between a headline and an author line) counts
/// less than prose among prose: body paragraphs come in runs. A paragraph as long as a
/// short story's whole text is no teaser: it is not damped.
fn damp_isolated_prose(scores: &mut [f32], cues: &[Cue], segs: &[Segment]) {
    let n = scores.len();
    let positive: Vec<bool> = scores.iter().map(|&s| s > 0.0).collect();
    // Lines a rule already removed (a promo line, a caption) are holes, not neighbours.
    let hole = |j: usize| matches!(cues[j], Cue::Drop(_));
    for i in 0..n {
        if !positive[i] || segs[i].text.len() >= ISOLATED_PROSE_MAX_BYTES {
            continue;
        }
        let before = (0..i).rev().filter(|&j| !hole(j)).take(PROSE_NEIGHBOURHOOD);
        let after = (i + 1..n).filter(|&j| !hole(j)).take(PROSE_NEIGHBOURHOOD);
        let (mut seen, mut prose) = (0usize, 0usize);
        for j in before.chain(after) {
            seen += 1;
            prose += usize::from(positive[j]);
        }
        if seen > 0 {
            let density = prose as f32 / seen as f32;
            scores[i] *= ISOLATED_PROSE_FLOOR + (1.0 - ISOLATED_PROSE_FLOOR) * density;
        }
    }
}

/// Lines of a list announced by a line ending in a colon ("Tour dates:"), up to the next
/// blank line: they are short, yet part of whatever the announcing line belongs to.
///
/// When a blank line separates every block (as in cleaned output), blank lines say nothing
/// about grouping: the list then runs until a sentence.
fn introduced_lists(segs: &[Segment], stats: &[Stats], cues: &[Cue]) -> Vec<bool> {
    let mut out = vec![false; segs.len()];
    let mut open = false;
    // The list just opened: a blank line between the announcing line and its first item
    // does not close it.
    let mut fresh = false;
    let uniform = segs.iter().all(|s| s.gap_before);
    for (i, seg) in segs.iter().enumerate() {
        let item_like = !stats[i].ends_sentence_strictly();
        if seg.gap_before && !(uniform && item_like) && !fresh {
            open = false;
        }
        fresh = false;
        out[i] = open;
        if cues[i] == Cue::Plain && features::trim(&seg.text).ends_with([':', '：']) {
            open = true;
            fresh = true;
        }
    }
    out
}

/// Scores every block; structurally dropped blocks can never be body.
fn score_all(
    stats: &[Stats],
    cues: &[Cue],
    structural: &[Option<Rule>],
    options: &Options,
) -> Vec<f32> {
    (0..stats.len())
        .map(|i| {
            if structural[i].is_none() {
                region::score(&stats[i], cues[i], options.focus)
            } else {
                f32::NEG_INFINITY
            }
        })
        .collect()
}

/// The body span: by score for text, from the first to the last structural candidate for HTML.
fn find_span(
    doc: &Document,
    scores: &[f32],
    structural: &[Option<Rule>],
) -> Option<(usize, usize)> {
    match doc.origin {
        Origin::Text => region::best_span(scores),
        Origin::Html => {
            let first = structural.iter().position(Option::is_none);
            let last = structural.iter().rposition(Option::is_none);
            first.zip(last)
        }
    }
}

/// Runs of short lines with no blank line between them, inside the body, are menus, tag lists
/// or share bars.
fn drop_menu_runs(
    segs: &[Segment],
    stats: &[Stats],
    introduced: &[bool],
    start: usize,
    end: usize,
    verdicts: &mut [Verdict],
) {
    let short = |verdicts: &[Verdict], i: usize| {
        verdicts[i] == Verdict::Keep
            && !introduced[i]
            && !region::is_prose(&stats[i])
            && !stats[i].ends_sentence_strictly()
            && stats[i].words <= 4.0
    };
    let mut i = start;
    while i <= end {
        if !short(verdicts, i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j <= end && short(verdicts, j) && !segs[j].gap_before {
            j += 1;
        }
        if j - i >= MENU_RUN_MIN {
            for v in &mut verdicts[i..j] {
                *v = Verdict::Drop(Rule::Navigation);
            }
        }
        i = j;
    }
}

/// A quotation of text kept before it is a copy: a reply quoting an earlier post, a pull
/// quote repeating the article. The first stays. Short quotes are left alone.
fn drop_repeats(segs: &[Segment], start: usize, end: usize, verdicts: &mut [Verdict]) {
    let quotation = |i: usize| {
        segs[i].kind == BlockKind::Quote && segs[i].text.trim().len() >= REPEAT_MIN_BYTES
    };
    // Most pages quote nothing: no copy of their text is made.
    if !(start..=end).any(|i| verdicts[i] == Verdict::Keep && quotation(i)) {
        return;
    }
    // The kept text so far, one block per line, searched for each quotation (within a budget:
    // a page of a million quotes stays linear).
    let mut earlier = String::new();
    let mut budget = REPEAT_SEARCH_BUDGET_BYTES;
    for i in start..=end {
        if verdicts[i] != Verdict::Keep {
            continue;
        }
        let text = segs[i].text.trim();
        if quotation(i) && budget >= earlier.len() {
            budget -= earlier.len();
            if memchr::memmem::find(earlier.as_bytes(), text.as_bytes()).is_some() {
                verdicts[i] = Verdict::Drop(Rule::Duplicate);
                continue;
            }
        }
        earlier.push_str(text);
        earlier.push('\n');
    }
}

/// Excerpts cut off by a story list at a fixed length ("...a notice dated Decembe..."): at
/// least [`CUT_EXCERPTS_MIN`] blocks ending in an ellipsis with the same number of characters
/// or of words. A writer's trailing ellipses do not line up so.
fn drop_cut_excerpts(segs: &[Segment], start: usize, end: usize, verdicts: &mut [Verdict]) {
    // (index, characters, words)
    let mut cut: Vec<(usize, usize, usize)> = Vec::new();
    for i in start..=end {
        if verdicts[i] != Verdict::Keep {
            continue;
        }
        if cut_excerpt(&segs[i].text) {
            let text = segs[i].text.trim();
            cut.push((i, text.chars().count(), text.split_whitespace().count()));
        }
    }
    if cut.len() < CUT_EXCERPTS_MIN {
        return;
    }
    let mut by_chars: HashMap<usize, usize> = HashMap::new();
    let mut by_words: HashMap<usize, usize> = HashMap::new();
    for &(_, chars, words) in &cut {
        *by_chars.entry(chars).or_insert(0) += 1;
        *by_words.entry(words).or_insert(0) += 1;
    }
    cut.retain(|&(_, chars, words)| {
        by_chars.get(&chars).is_some_and(|&n| n >= CUT_EXCERPTS_MIN)
            || by_words.get(&words).is_some_and(|&n| n >= CUT_EXCERPTS_MIN)
    });
    // On a page made of them (a blog's front page), they are the content.
    let kept: usize = (start..=end)
        .filter(|&i| verdicts[i] == Verdict::Keep)
        .map(|i| segs[i].text.len())
        .sum();
    let excerpts: usize = cut.iter().map(|&(i, _, _)| segs[i].text.len()).sum();
    if excerpts as f32 >= CUT_EXCERPTS_MAX_SHARE * kept as f32 {
        return;
    }
    for &(i, _, _) in &cut {
        verdicts[i] = Verdict::Drop(Rule::RelatedZone);
    }
}

/// Whether a block of some length ends with its last word running straight into an
/// ellipsis ("...", "…", "[…]").
fn cut_excerpt(text: &str) -> bool {
    let text = text.trim_end();
    if text.len() < CUT_EXCERPT_MIN_BYTES {
        return false;
    }
    let rest = text
        .strip_suffix("[…]")
        .or_else(|| text.strip_suffix("[...]"))
        .map(str::trim_end)
        .or_else(|| text.strip_suffix("..."))
        .or_else(|| text.strip_suffix('…'));
    rest.and_then(|t| t.trim_end().chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

/// Headline, date and byline around the start of the body.
///
/// With the page's own title known (HTML), the headline is the block just before or at the
/// start of the body that reads as that title; a guess from the blocks' shape would name a
/// sign-in line or a kicker the title.
fn metadata(
    segs: &[Segment],
    stats: &[Stats],
    cues: &[Cue],
    (start, end): (usize, usize),
    known_title: Option<&str>,
    out: &mut Outcome,
) {
    let texts: Vec<&str> = segs.iter().map(|s| s.text.as_ref()).collect();
    let lo = start.saturating_sub(TITLE_WINDOW);
    let title = match known_title {
        Some(known) => (lo..=start.min(end))
            .rev()
            .find(|&i| meta::same_words(texts[i], known)),
        None => {
            let gaps: Vec<bool> = segs.iter().map(|s| s.gap_before).collect();
            meta::find_title(&texts, &gaps, stats, cues, start)
        }
    };
    if let Some(t) = title {
        out.meta.title = Some(meta::title_text(texts[t]));
        out.verdicts[t] = Verdict::Drop(Rule::Title);
    }
    let near = |i: &usize| (lo..=end.min(start + 3)).contains(i);
    let dates = (0..segs.len()).filter(|&i| cues[i] == Cue::Date);
    let mut first_date = None;
    for i in dates {
        out.verdicts[i] = Verdict::Drop(Rule::Dateline);
        if first_date.is_none() || near(&i) && !first_date.as_ref().is_some_and(near) {
            first_date = Some(i);
        }
    }
    out.meta.published = first_date.and_then(|i| crate::date::parse_date(texts[i]));
    for i in lo..=end.min(start + 3) {
        if cues[i] == Cue::Byline {
            out.verdicts[i] = Verdict::Drop(Rule::Byline);
            if out.meta.author.is_none() {
                out.meta.author = meta::author_from_byline(texts[i]);
            }
            // "By Anna Nowak | 27.11.2026, 14:30": the byline carries the date.
            if out.meta.published.is_none() {
                out.meta.published = crate::date::parse_date(texts[i]);
            }
        }
    }
}

/// Short lines inside the body that are not sentences: a subhead (standing alone, followed by
/// prose) is kept and marked as a heading; other fragments (labels, bylines with extras,
/// "Shares") are dropped unless the focus is recall.
fn mark_subheads(
    segs: &[Segment],
    stats: &[Stats],
    start: usize,
    end: usize,
    text_mode: bool,
    options: &Options,
    out: &mut Outcome,
) {
    // Fragments cluster at the head of the body (section label, byline extras, share
    // counts); deeper in, short lines are more often part of the article (lists, steps).
    let head_end = (start..=end)
        .filter(|&j| region::is_prose(&stats[j]) && out.verdicts[j] == Verdict::Keep)
        .nth(1)
        .unwrap_or(end);
    for i in start..=end {
        if out.verdicts[i] != Verdict::Keep || segs[i].kind != BlockKind::Paragraph {
            continue;
        }
        let st = &stats[i];
        if region::is_prose(st) || st.ends_sentence_strictly() {
            continue;
        }
        let next_prose = (i + 1..=end)
            .find(|&j| out.verdicts[j] == Verdict::Keep)
            .is_some_and(|j| region::is_prose(&stats[j]));
        let subhead = next_prose
            && segs[i].gap_before
            && st.words >= SUBHEAD_MIN_WORDS
            && st.words <= SUBHEAD_MAX_WORDS
            && !segs[i].text.trim_end().ends_with(',');
        out.verdicts[i] = if subhead && options.keep_headings {
            out.kinds[i] = Some(BlockKind::Heading(2));
            Verdict::Keep
        } else if subhead {
            Verdict::Drop(Rule::HeadingOption)
        } else if options.focus == Focus::Recall || i > head_end || !text_mode {
            // In HTML the element structure already vouched for the block.
            Verdict::Keep
        } else {
            Verdict::Drop(Rule::ShortFragment)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_texts_point_at_their_first_block() {
        let long = "x".repeat(REPEAT_LOOKUP_MAX_BYTES + 1);
        let texts = ["Share", "Body.", "Share", &long, &long, "Share"];
        let segs: Vec<Segment> = texts
            .iter()
            .map(|t| Segment::new(*t, BlockKind::Paragraph))
            .collect();
        assert_eq!(first_of_each_text(&segs), [0, 1, 0, 3, 4, 0]);
        // Texts with the same fingerprint but not equal stay apart.
        let texts = [
            "abcdefgh-1-stuvwxyz",
            "abcdefgh-2-stuvwxyz",
            "abcdefgh-1-stuvwxyz",
            "",
            "",
            "é",
        ];
        let segs: Vec<Segment> = texts
            .iter()
            .map(|t| Segment::new(*t, BlockKind::Paragraph))
            .collect();
        assert_eq!(
            fingerprint(texts[0].as_bytes()),
            fingerprint(texts[1].as_bytes())
        );
        assert_eq!(first_of_each_text(&segs), [0, 1, 0, 3, 3, 5]);
        // Many texts crafted to share one fingerprint: each is judged on its own once the
        // probe limit is reached, and the lookup stays linear.
        let crafted: Vec<String> = (0..20_000)
            .map(|k| format!("abcdefgh{k:06}stuvwxyz"))
            .collect();
        let segs: Vec<Segment> = crafted
            .iter()
            .chain(crafted.iter().take(3))
            .map(|t| Segment::new(t.as_str(), BlockKind::Paragraph))
            .collect();
        let first = first_of_each_text(&segs);
        assert!(first
            .iter()
            .enumerate()
            .take(20_000)
            .all(|(i, &j)| j as usize == i));
        assert_eq!(&first[20_000..], [0, 1, 2]);
        // The cue taken over is the one the block would get on its own.
        let junk = "a\u{1}\u{1}\u{1}";
        assert_eq!(own_cue(junk, &Stats::of(junk)), Cue::Drop(Rule::Junk));
        assert_eq!(
            own_cue("Read more:", &Stats::of("Read more:")),
            cues::cue("Read more:", &Stats::of("Read more:"))
        );
    }
}
