//! The numbers the classifier compares against. Weights count characters, with a CJK
//! character counting as three (see `classify::features`).

/// Lines with at most this many words can be labels (navigation, markers, dates, bylines).
pub const MAX_LABEL_WORDS: f32 = 12.0;

/// Promo and footer phrases are only trusted in blocks up to this weight: a long paragraph
/// that mentions a newsletter is still prose.
pub const MAX_PROMO_WEIGHT: f32 = 320.0;

/// The weaker promo phrases (`phrases::PROMO_SHORT_ONLY`) only in blocks up to this weight.
pub const MAX_WEAK_PROMO_WEIGHT: f32 = 120.0;

/// Most words in one item of a breadcrumb trail.
pub const MAX_BREADCRUMB_ITEM_WORDS: usize = 5;

/// A block at least this heavy that is built of sentences counts as prose.
pub const PROSE_MIN_WEIGHT: f32 = 60.0;

/// Short sentences (at least this many words, ending with a stop) count as weak prose.
pub const SHORT_SENTENCE_MIN_WORDS: f32 = 5.0;

/// Score of a short non-sentence line (menu item, headline) is `-(SHORT_LINE_PENALTY +
/// SHORT_LINE_SLOPE * weight)`.
pub const SHORT_LINE_PENALTY: f32 = 12.0;
pub const SHORT_LINE_SLOPE: f32 = 0.3;

/// Long blocks that do not end like a sentence (cut-off teasers) score this share of their
/// weight, negatively.
pub const TEASER_SLOPE: f32 = 0.25;

/// Boilerplate found by a rule scores at least this negatively.
pub const BOILERPLATE_PENALTY: f32 = 25.0;

/// A tail marker inside the main span cuts the span when the prose after it weighs less than
/// this share of the prose before it.
pub const TAIL_CUT_SHARE: f32 = 0.5;

/// How many lines before the body start are searched for the headline.
pub const TITLE_WINDOW: usize = 12;

/// Headline length bounds, in words.
pub const TITLE_MIN_WORDS: f32 = 2.0;
pub const TITLE_MAX_WORDS: f32 = 25.0;

/// Inside the body, a run of at least this many short lines with no blank line between them
/// is a menu or link list, not subheads.
pub const MENU_RUN_MIN: usize = 3;

/// A comment-section marker opens the comment zone only after this much prose (a comment
/// count near the headline is a link, not the section).
pub const COMMENT_MIN_PROSE_BEFORE: f32 = 300.0;

/// A comment label with no comment heads after it opens the comment zone only when the prose
/// after it weighs less than this multiple of the body before it.
pub const COMMENT_MAX_AFTER_SHARE: f32 = 1.0;

/// Subheads inside the body: word bounds (a CJK character counts as half a word).
pub const SUBHEAD_MIN_WORDS: f32 = 2.0;
pub const SUBHEAD_MAX_WORDS: f32 = 15.0;

/// A run of at least this many non-prose blocks inside the body span may split it.
pub const SPLIT_RUN_MIN: usize = 6;

/// Share of prose under which the lighter side of a split goes.
pub const SPLIT_SHARE: f32 = 0.15;

/// Items of a list announced by a colon score this share of their weight (instead of the
/// short-line penalty), so that they join the body they follow.
pub const LIST_ITEM_CREDIT: f32 = 0.3;

/// Prose scores are scaled by how much of their neighbourhood (this many blocks each side) is
/// prose too, from this floor (no prose around) to 1 (all prose around).
pub const PROSE_NEIGHBOURHOOD: usize = 1;
pub const ISOLATED_PROSE_FLOOR: f32 = 0.25;
/// Blocks this long (bytes) are never damped as isolated: teasers are shorter.
pub const ISOLATED_PROSE_MAX_BYTES: usize = 700;

/// A headline listed after a marker has at most this many words; longer blocks are not teasers.
pub const MAX_TEASER_WORDS: f32 = 30.0;

/// Text input is refused as binary when more than these percentages of its characters are
/// control characters (other than line breaks and tabs) or U+FFFD left by a lossy decode.
/// Blocks past the lower block limits are dropped as junk, so that cleaned output always
/// passes the input check again.
pub const MAX_INPUT_CONTROL_PERCENT: f32 = 5.0;
pub const MAX_INPUT_REPLACED_PERCENT: f32 = 60.0;
pub const MAX_BLOCK_CONTROL_PERCENT: f32 = 3.0;
pub const MAX_BLOCK_REPLACED_PERCENT: f32 = 45.0;

/// HTML: a marker heading ("More from ...") drops the element it opens when at least this
/// share of that element's text is links (a list of stories, not a section of the text).
pub const MARKER_BOX_MIN_LINK_SHARE: f32 = 0.15;

/// ...and when the main content holds at least this much text (characters) before it.
pub const MARKER_BOX_MIN_TEXT_BEFORE: usize = 300;

/// Text mode: the kept blocks are read again as the output reads, dropping what that reading
/// drops, until nothing changes (see `classify::settle`); most texts settle in one or two
/// rounds, a text of repeated headline-and-label pairs in one round per pair. The rounds stop
/// when they have read this many times the text's block count, which keeps the cost linear.
pub const SETTLE_BLOCK_BUDGET: usize = 16;

/// Language detection reads at most this many bytes of the kept text: enough for a
/// confident guess, bounded whatever the document's size.
pub const LANGUAGE_SAMPLE_BYTES: usize = 600;

/// A quotation (a `<blockquote>`) at least this long (bytes) whose text occurs in the text kept
/// before it is a copy (a reply quoting an earlier post): shorter quotes are left alone.
pub const REPEAT_MIN_BYTES: usize = 30;
/// Bytes of earlier text searched for quotations, at most, per document.
pub const REPEAT_SEARCH_BUDGET_BYTES: usize = 64 << 20;

/// This many excerpts cut off at one length ("...a notice dated Decembe...") are a story
/// list's teasers: they go.
pub const CUT_EXCERPTS_MIN: usize = 3;
/// ...unless they make up this share of the body's text or more: then the page lists them.
pub const CUT_EXCERPTS_MAX_SHARE: f32 = 0.5;
/// Shorter blocks ending in an ellipsis are labels or asides, not excerpts.
pub const CUT_EXCERPT_MIN_BYTES: usize = 80;
