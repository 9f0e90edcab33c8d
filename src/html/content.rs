//! The main-content choice: settles each segment's hint, scores every block element by the
//! net running text it holds (one bottom-up pass over the element table), and marks the
//! segments inside the winner as [`Zone::Main`].

use crate::article::BlockKind;
use crate::rules::html_hints::{
    AD_HINT_MAX_CHARS, ASIDE_PROSE_MAX_LINK_DENSITY, ASIDE_PROSE_MIN_CHARS, ASIDE_PROSE_MIN_SHARE,
    BODY_FILL_MIN_CHARS, BODY_FILL_SHARE, CAPTION_HINT_MAX_CHARS, CARD_WEIGHT,
    COMMENTS_MIN_SHARE_OF_PAGE, DISCUSSION_MAX_OTHER_CHARS, HINT_MAX_SHARE_OF_PAGE,
    HINT_MISFIRE_MIN_CHARS, HINT_WEIGHT, LINK_CHAR_WEIGHT, LINK_DENSE, LINK_DENSE_WEIGHT,
    LINK_ITEM_WEIGHT, LISTING_MAX_PARAGRAPH_CHARS, LONE_BLOCK_MAX_PARAGRAPH_SHARE,
    NAMED_BOX_MIN_OTHER_CHARS, PARAGRAPH_MIN_CHARS, SECTION_JOIN_SHARE, SECTION_WRAPPER_MAX_SHARE,
    SHORT_WEIGHT, STORY_LIST_HEADING_MAX_BYTES, STRONG_PEERS_MIN_PARAGRAPH_SHARE,
    STRONG_PEER_MIN_NET_PER_CHAR, STRONG_PEER_MIN_SHARE, STRONG_RUN_MIN_OTHERS,
    STRONG_RUN_MIN_OTHERS_SHARE, STRONG_SIGNAL_MIN_PARAGRAPHS, STRONG_SIGNAL_MIN_SHARE,
    TEASER_MAX_SUMMARY_CHARS, TEASER_RUN_MIN, TIGHTEN_SHARE,
};
use crate::rules::Rule;
use crate::segment::{PageMeta, Segment, Zone};
use foldhash::{HashMap, HashMapExt};

use super::walk::{Walk, NONE};

/// What the scoring looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Running text: link lists count against their container.
    Article,
    /// Items: on a page whose running text is too thin to be the content (a category page,
    /// a shop grid), link-dense blocks are its entries and count for their container.
    Listing,
}

/// Per-segment measures used by the scoring.
struct Measure {
    chars: u32,
    links: u32,
}

impl Measure {
    fn of(segment: &Segment) -> Measure {
        let chars = segment.text.chars().count() as u32;
        Measure {
            chars,
            links: segment.link_chars.min(chars),
        }
    }

    fn link_density(&self) -> f32 {
        self.links as f32 / self.chars.max(1) as f32
    }

    /// Running text: long enough, few links.
    fn is_paragraph(&self) -> bool {
        self.chars >= PARAGRAPH_MIN_CHARS && self.link_density() < 0.3
    }
}

/// Net running-text weight of one segment: positive for text, negative for links and
/// boilerplate.
fn weight(segment: &Segment, m: &Measure, mode: Mode) -> f32 {
    let chars = m.chars as f32;
    if segment.hint.is_some() {
        return -HINT_WEIGHT * chars;
    }
    if m.link_density() > LINK_DENSE {
        // A data table's rows are its records, whatever they link to; a menu is a list.
        if segment.context_link_density > LINK_DENSE
            && mode == Mode::Article
            && segment.kind != BlockKind::TableRow
        {
            return -LINK_DENSE_WEIGHT * chars;
        }
        return LINK_ITEM_WEIGHT * chars;
    }
    let own = (m.chars - m.links) as f32 - LINK_CHAR_WEIGHT * m.links as f32;
    if m.chars < PARAGRAPH_MIN_CHARS && !ends_sentence(&segment.text) {
        own * SHORT_WEIGHT
    } else {
        own
    }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with([
        '.', '!', '?', '。', '！', '？', ':', ';', '"', '”', '»', ')',
    ])
}

/// Settles hints and zones of `walk.segments`; returns the chosen element, if any.
pub(crate) fn choose(walk: &mut Walk, mode: Mode, page: &PageMeta) -> Option<u32> {
    let declared_article = page.declared_article;
    let n = walk.nodes.len();
    if n == 0 {
        return None;
    }
    let measures: Vec<Measure> = walk.segments.iter().map(Measure::of).collect();
    // Teaser items count as cards: their summaries are not the page's running text.
    // Only on a page declared an article: elsewhere (forums, section pages) such runs are
    // the content.
    let teasers = if declared_article && !page.declared_discussion && mode == Mode::Article {
        teaser_items(walk, &measures)
    } else {
        vec![false; n]
    };
    let cards: Vec<bool> = walk
        .segments
        .iter()
        .zip(&walk.owners)
        .map(|(segment, &owner)| segment.card || teasers[owner as usize])
        .collect();

    // Paragraph text per element, bottom-up (children come after parents).
    let mut para = vec![0u32; n];
    for ((m, &owner), &card) in measures.iter().zip(&walk.owners).zip(&cards) {
        if m.is_paragraph() && !card {
            para[owner as usize] += m.chars;
        }
    }
    for i in (1..n).rev() {
        let parent = walk.nodes[i].parent;
        if parent != NONE {
            para[parent as usize] += para[i];
        }
    }
    let page_para = para[0].max(1) as f32;
    let mut holds_body = vec![false; n];
    for i in (0..n).rev() {
        holds_body[i] |= walk.nodes[i].body_signal;
        let parent = walk.nodes[i].parent;
        if parent != NONE && holds_body[i] {
            holds_body[parent as usize] = true;
        }
    }

    // Text and link characters per element, bottom-up, for each block's context.
    let mut chars = vec![0u32; n];
    let mut links = vec![0u32; n];
    for (m, &owner) in measures.iter().zip(&walk.owners) {
        chars[owner as usize] += m.chars;
        links[owner as usize] += m.links;
    }
    for i in (1..n).rev() {
        let parent = walk.nodes[i].parent;
        if parent != NONE {
            chars[parent as usize] += chars[i];
            links[parent as usize] += links[i];
        }
    }
    for (segment, &owner) in walk.segments.iter_mut().zip(&walk.owners) {
        let parent = walk.nodes[owner as usize].parent;
        let context = if parent == NONE { owner } else { parent } as usize;
        segment.context_link_density = links[context] as f32 / chars[context].max(1) as f32;
    }

    // A boilerplate name on an element holding most of the page's text is a misfire.
    // A page whose text is nearly all comments is a discussion thread: its comments are
    // the content.
    // Text in other boilerplate-named boxes (a sidebar of rules) does not count against it.
    let mut in_hinted = vec![false; n];
    let (mut comment_para, mut other_hinted_para) = (0u32, 0u32);
    for i in 0..n {
        let parent = walk.nodes[i].parent;
        let inherited = parent != NONE && in_hinted[parent as usize];
        match walk.nodes[i].hint {
            Some(Rule::Comments) if !inherited => comment_para += para[i],
            Some(_) if !inherited => other_hinted_para += para[i],
            _ => {}
        }
        in_hinted[i] = inherited || walk.nodes[i].hint.is_some();
    }
    // On a page that declares an article, its own text counts wherever it sits.
    let counted_para = if declared_article {
        para[0]
    } else {
        para[0].saturating_sub(other_hinted_para)
    };
    let discussion = page.declared_discussion
        || (comment_para as f32 >= COMMENTS_MIN_SHARE_OF_PAGE * counted_para.max(1) as f32
            && counted_para.saturating_sub(comment_para) < DISCUSSION_MAX_OTHER_CHARS);
    let opened = story_list_boxes(walk);
    let mut effective: Vec<Option<Rule>> = vec![None; n];
    // The nearest element with a strong body signal around each element.
    let mut body_around = vec![NONE; n];
    for i in 0..n {
        let node = &walk.nodes[i];
        body_around[i] = if node.strong && node.body_signal {
            i as u32
        } else if node.parent == NONE {
            NONE
        } else {
            body_around[node.parent as usize]
        };
        if node.duplicate {
            effective[i] = Some(Rule::Duplicate);
            continue;
        }
        let product_hint = node.product_hint.filter(|_| page.declared_product);
        let mut hint = node.hint.or(opened[i]);
        let shop_hint = hint.is_none() && product_hint.is_some();
        hint = hint.or(product_hint);
        if discussion && hint == Some(Rule::Comments) {
            hint = None;
        }
        if let Some(rule) = hint {
            let share = para[i] as f32 / page_para;
            let limit = if rule == Rule::Comments {
                COMMENTS_MIN_SHARE_OF_PAGE
            } else {
                HINT_MAX_SHARE_OF_PAGE
            };
            let body = holds_body[i] && !node.styled_hidden;
            // A consent notice or a dialog is never the content, however much of the page it holds.
            let never_content = rule == Rule::CookieNotice || node.dialog;
            // A boilerplate name on the element that fills the declared body is a misfire
            // ("related-product" around a shop's whole grid).
            let around = body_around[i];
            let fills_body = rule != Rule::Comments
                && !never_content
                && around != NONE
                && around != i as u32
                && chars[i] >= BODY_FILL_MIN_CHARS
                && chars[i] as f32 >= BODY_FILL_SHARE * chars[around as usize] as f32;
            // On an article page, a box a "Related" heading opens stays related however
            // long its teasers, while the page has running text of its own besides.
            let named_box = declared_article
                && opened[i].is_some()
                && para[0].saturating_sub(para[i]) >= NAMED_BOX_MIN_OTHER_CHARS;
            // A shop page's reviews may outweigh its description; they stay reviews.
            let misfire = !named_box
                && !shop_hint
                && !never_content
                && ((para[i] >= HINT_MISFIRE_MIN_CHARS && share >= limit)
                    // A page of short items (a shop grid) that a script reveals.
                    || (node.styled_hidden
                        && chars[i] as f32 >= HINT_MAX_SHARE_OF_PAGE * chars[0] as f32));
            // A side box of the article made of running text is part of it.
            let prose_aside = node.inner_aside
                && para[i] >= ASIDE_PROSE_MIN_CHARS
                && para[i] as f32 >= ASIDE_PROSE_MIN_SHARE * chars[i] as f32
                && (links[i] as f32) < ASIDE_PROSE_MAX_LINK_DENSITY * chars[i] as f32;
            // A caption is a line or two under a picture; a long text in a "caption" box is a
            // description (a type style or a product's text).
            // Nor does a caption hold a heading: a "product-caption" under a shop tile is the
            // item's title and summary.
            let long_caption = rule == Rule::Caption
                && (chars[i] >= CAPTION_HINT_MAX_CHARS || holds_heading(walk, i));
            // Ads carry a label and a few words; a "more-ads" section around a news feed
            // names what is mixed into it, not what it is.
            let long_ad = rule == Rule::Advertisement && chars[i] >= AD_HINT_MAX_CHARS;
            if body || misfire || prose_aside || fills_body || long_caption || long_ad {
                hint = None;
            }
        }
        let inherited = if node.parent == NONE {
            None
        } else {
            effective[node.parent as usize]
        };
        effective[i] = hint.or(inherited);
    }
    for (segment, &owner) in walk.segments.iter_mut().zip(&walk.owners) {
        segment.hint = effective[owner as usize];
    }

    // Net text weight per element, bottom-up.
    let mut score = vec![0f32; n];
    for (((segment, m), &owner), &card) in walk
        .segments
        .iter()
        .zip(&measures)
        .zip(&walk.owners)
        .zip(&cards)
    {
        let w = weight(segment, m, mode);
        score[owner as usize] += if card && w > 0.0 { w * CARD_WEIGHT } else { w };
    }
    let mut best_child = vec![NONE; n];
    for i in (1..n).rev() {
        let parent = walk.nodes[i].parent;
        if parent == NONE {
            continue;
        }
        let p = parent as usize;
        score[p] += score[i];
        if effective[i].is_none() {
            let current = best_child[p];
            if current == NONE || score[i] > score[current as usize] {
                best_child[p] = i as u32;
            }
        }
    }

    let candidate = |i: usize| effective[i].is_none();
    let mut best = (0..n)
        .filter(|&i| candidate(i))
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))?;
    // Tighten: a child that keeps nearly all of the net text is the better container.
    loop {
        let child = best_child[best];
        if child == NONE || score[child as usize] < TIGHTEN_SHARE * score[best] {
            break;
        }
        best = child as usize;
    }
    // A strong signal that is not a wrapper of the winner and holds enough of its text.
    let strong = (0..n)
        .filter(|&i| candidate(i) && walk.nodes[i].strong)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)));
    if let Some(s) = strong {
        if score[s] >= STRONG_SIGNAL_MIN_SHARE * score[best] && !is_ancestor(walk, s, best) {
            best = join_strong_peers(walk, (&score, &para, &chars), best, s, &candidate);
        }
    }
    {
        let by_para = (0..n)
            .filter(|&i| candidate(i) && walk.nodes[i].strong)
            .max_by(|&a, &b| para[a].cmp(&para[b]).then(b.cmp(&a)));
        if let Some(s) = by_para {
            if para[s] as f32 >= STRONG_SIGNAL_MIN_PARAGRAPHS * para[best] as f32
                && para[s] > 0
                && !is_ancestor(walk, s, best)
            {
                best = join_strong_peers(walk, (&score, &para, &chars), best, s, &candidate);
            }
        }
    }
    // A page that is not an article reads as sections (a landing page, a service page):
    // while the siblings on the way up hold enough running text of their own, their
    // parent is the content.
    if !declared_article
        && !page.declared_product
        && mode == Mode::Article
        && !walk.nodes[best].strong
    {
        let mut positive = vec![0f32; n];
        for i in 1..n {
            let parent = walk.nodes[i].parent;
            if parent != NONE && effective[i].is_none() && score[i] > 0.0 {
                positive[parent as usize] += score[i];
            }
        }
        let base = score[best];
        let mut at = best;
        loop {
            let parent = walk.nodes[at].parent;
            if parent == NONE || !candidate(parent as usize) {
                break;
            }
            let siblings = positive[parent as usize] - score[at].max(0.0);
            if siblings >= SECTION_JOIN_SHARE * base {
                best = parent as usize;
            } else if siblings > SECTION_WRAPPER_MAX_SHARE * base {
                break;
            }
            // A wrapper with little else of worth (a heading, a label): look further up.
            at = parent as usize;
        }
    }
    // A lone block among sibling paragraphs is one paragraph of its parent's text (whose
    // score a long comment section under it pulled down), never the content on its own.
    let leaf = walk
        .nodes
        .get(best + 1)
        .is_none_or(|next| next.parent as usize != best);
    let parent = walk.nodes[best].parent;
    if leaf
        && parent != NONE
        && candidate(parent as usize)
        && para[parent as usize] as f32
            >= LONE_BLOCK_MAX_PARAGRAPH_SHARE.recip() * para[best] as f32
    {
        best = parent as usize;
    }
    if score[best] <= 0.0 {
        // No container dominates: keep what the hints and link density allow.
        for segment in &mut walk.segments {
            segment.zone = Zone::Main;
            segment.in_listing = true;
        }
        return None;
    }
    mark_boxes(walk, best);
    let (start, end) = (walk.nodes[best].seg_start, walk.nodes[best].seg_end);
    let listing = mode == Mode::Listing || para[best] < LISTING_MAX_PARAGRAPH_CHARS;
    for (k, segment) in walk.segments.iter_mut().enumerate() {
        let k = k as u32;
        segment.zone = if start <= k && k < end {
            segment.in_listing = listing;
            Zone::Main
        } else {
            Zone::Outside
        };
    }
    Some(best as u32)
}

/// Characters of the segments the structure lets through (inside the main content, no
/// boilerplate hint, not a link list among links unless in a listing): what the chosen
/// container will yield, before the block rules.
pub(crate) fn yield_chars(segments: &[Segment]) -> usize {
    segments
        .iter()
        .filter(|s| {
            s.zone == Zone::Main
                && s.hint.is_none()
                && (s.in_listing
                    || s.link_density() <= LINK_DENSE
                    || s.context_link_density <= LINK_DENSE)
        })
        .map(|s| s.text.chars().count())
        .sum()
}

/// Elements inside teaser items: a run of at least `TEASER_RUN_MIN` siblings of one shape
/// (tag and first class) that each open with a linked title followed by a short summary.
/// Indexed by element; descendants of an item are marked too.
fn teaser_items(walk: &Walk, measures: &[Measure]) -> Vec<bool> {
    let n = walk.nodes.len();
    let mut teaser = vec![false; n];
    let mut para_prefix = Vec::with_capacity(measures.len() + 1);
    let mut total = 0u32;
    para_prefix.push(0);
    for m in measures {
        if m.is_paragraph() {
            total += m.chars;
        }
        para_prefix.push(total);
    }
    let mut runs: HashMap<(u32, u32), u32> = HashMap::new();
    let mut is_item = vec![false; n];
    for (i, node) in walk.nodes.iter().enumerate() {
        let (start, end) = (node.seg_start as usize, node.seg_end as usize);
        if node.parent == NONE || end < start + 2 || end > measures.len() {
            continue;
        }
        // The linked title opens the item, or follows one label (a section, a date).
        let Some(title) = (start..(start + 2).min(end - 1)).find(|&k| {
            matches!(walk.segments[k].kind, BlockKind::Heading(_))
                && measures[k].links * 2 > measures[k].chars
        }) else {
            continue;
        };
        let summary = para_prefix[end] - para_prefix[title + 1];
        if summary > 0 && summary <= TEASER_MAX_SUMMARY_CHARS {
            is_item[i] = true;
            *runs.entry((node.parent, node.shape)).or_insert(0) += 1;
        }
    }
    for i in 0..n {
        let node = &walk.nodes[i];
        let in_run = is_item[i]
            && runs
                .get(&(node.parent, node.shape))
                .is_some_and(|&count| count >= TEASER_RUN_MIN);
        teaser[i] = in_run || (node.parent != NONE && teaser[node.parent as usize]);
    }
    teaser
}

/// Elements opened by a heading that introduces other stories ("Related", "You may also
/// like"): the innermost element that starts with such a block and holds more is a
/// related box, named or not.
fn story_list_boxes(walk: &Walk) -> Vec<Option<Rule>> {
    let n = walk.nodes.len();
    let mut innermost = vec![NONE; walk.segments.len()];
    for (i, node) in walk.nodes.iter().enumerate() {
        if node.seg_end > node.seg_start + 1 {
            if let Some(slot) = innermost.get_mut(node.seg_start as usize) {
                *slot = i as u32;
            }
        }
    }
    let mut opened = vec![None; n];
    for (segment, &node) in walk.segments.iter().zip(&innermost) {
        if node != NONE
            && segment.text.len() <= STORY_LIST_HEADING_MAX_BYTES
            && crate::classify::opens_story_list(&segment.text)
        {
            opened[node as usize] = Some(Rule::RelatedZone);
        }
    }
    opened
}

/// For each segment, the end of the innermost element strictly inside `best` that starts
/// with it and holds more (see [`Segment::box_end`]).
fn mark_boxes(walk: &mut Walk, best: usize) {
    let n = walk.nodes.len();
    let mut inside = vec![false; n];
    for segment in &mut walk.segments {
        segment.box_end = 0;
    }
    for i in best + 1..n {
        let parent = walk.nodes[i].parent;
        if parent == NONE {
            continue;
        }
        inside[i] = parent as usize == best || inside[parent as usize];
        let node = &walk.nodes[i];
        // Descendants come after their ancestors: the last element starting at a segment
        // and holding more than it is the innermost such box.
        if inside[i] && node.seg_end > node.seg_start + 1 {
            if let Some(segment) = walk.segments.get_mut(node.seg_start as usize) {
                segment.box_end = node.seg_end;
            }
        }
    }
}

/// The strong element `s` chosen inside `best`, or `best` itself when it is the parent of
/// `s` and of a strong sibling of comparable weight (an article body split in two by a
/// callout is two "rich-text" siblings, and the second alone is half the article), or when
/// `s` is one of a run of `<article>` posts that together fill `best`.
fn join_strong_peers(
    walk: &Walk,
    (score, para, chars): (&[f32], &[u32], &[u32]),
    best: usize,
    s: usize,
    candidate: &impl Fn(usize) -> bool,
) -> usize {
    let end = walk.nodes[best].seg_end;
    let share = |part: u32| part as f32 >= STRONG_PEERS_MIN_PARAGRAPH_SHARE * para[best] as f32;
    // One pass over the winner's elements counts two kinds of company for `s`:
    // - a run of `<article>` elements of its shape deeper in the winner (the posts of a
    //   thread; strong without a body signal, since tab panels of one shape are parts of one
    //   body): with nearly all its paragraphs, the winner is their list, no post the content;
    // - strong siblings of comparable weight under the winner (an article split in two).
    let (mut alike, mut alike_para) = (0, 0u32);
    let (mut peers, mut joined_para) = (0, para[s]);
    let direct = walk.nodes[s].parent as usize == best;
    for t in (best + 1..walk.nodes.len()).take_while(|&t| walk.nodes[t].seg_start < end) {
        let node = &walk.nodes[t];
        if t == s || !node.strong || !candidate(t) {
            continue;
        }
        if !node.body_signal && node.shape == walk.nodes[s].shape {
            alike += 1;
            alike_para += para[t];
        }
        if direct
            && node.parent as usize == best
            && score[t] >= STRONG_PEER_MIN_SHARE * score[s]
            && score[t] >= STRONG_PEER_MIN_NET_PER_CHAR * chars[t] as f32
        {
            peers += 1;
            joined_para += para[t];
        }
    }
    let run = alike >= STRONG_RUN_MIN_OTHERS
        && alike_para as f32 >= STRONG_RUN_MIN_OTHERS_SHARE * para[s] as f32
        && share(alike_para + para[s]);
    // Split halves join only when the winner is their parent and the strong siblings
    // together hold nearly all of its paragraphs: then the scores already say both belong.
    if run || (peers > 0 && share(joined_para)) {
        best
    } else {
        s
    }
}

/// Whether element `i` holds a heading block.
fn holds_heading(walk: &Walk, i: usize) -> bool {
    let node = &walk.nodes[i];
    walk.segments
        .get(node.seg_start as usize..node.seg_end as usize)
        .is_some_and(|segments| {
            segments
                .iter()
                .any(|s| matches!(s.kind, BlockKind::Heading(_)))
        })
}

/// Whether `a` encloses `b` (or is `b`).
fn is_ancestor(walk: &Walk, a: usize, b: usize) -> bool {
    let mut cur = b as u32;
    while cur != NONE {
        if cur as usize == a {
            return true;
        }
        cur = walk.nodes[cur as usize].parent;
    }
    false
}
