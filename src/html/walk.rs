//! One iterative walk over the parsed DOM: text blocks out, plus a table of the block
//! elements (parent, segment range, hints) for the main-content choice.
//!
//! The walk keeps an explicit stack (never recursion), so arbitrarily deep pages cannot
//! overflow; past `max_depth` deeper elements are read as inline text of their ancestor.

use foldhash::{HashMap, HashMapExt};

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::Node;

use crate::article::BlockKind;
use crate::options::Options;
use crate::rules::html_hints::{COPY_MIN_CHARS, COPY_MIN_SHARE};
use crate::rules::Rule;
use crate::segment::Segment;

use super::classes::{self, ClassVerdict};
use super::tags::{self, Tag};

/// No node (the parent of the root).
pub(crate) const NONE: u32 = u32::MAX;

/// One block element of the page, in document order (a parent comes before its children).
#[derive(Debug, Clone)]
pub(crate) struct BlockNode {
    /// Index of the enclosing block element, or [`NONE`].
    pub parent: u32,
    /// Segments emitted inside this element: `seg_start..seg_end`.
    pub seg_start: u32,
    pub seg_end: u32,
    /// The boilerplate rule its tag, role, class or id points at.
    pub hint: Option<Rule>,
    /// The boilerplate rule its class or id points at on a page that declares a product
    /// (see `PRODUCT_PAGE_WORDS`), under the same conditions as `hint`.
    pub product_hint: Option<Rule>,
    /// A strong main-content signal: `<article>`, `<main>`, `role=main`,
    /// `itemprop=articleBody`, or a content class word.
    pub strong: bool,
    /// A body signal: a strong signal other than the `<article>` tag, which also marks
    /// teasers and comments.
    pub body_signal: bool,
    /// Hidden by an inline style (see `Hidden::Styled`); `hint` is then set.
    pub styled_hidden: bool,
    /// Repeats text shown earlier on the page (see `mark_copies`): removed whatever its size.
    pub duplicate: bool,
    /// An `<aside>` inside `<article>`/`<main>`: a side box of the article, which is
    /// content when it is running text (a sidebar explainer), boilerplate otherwise.
    pub inner_aside: bool,
    /// A dialog laid over the page (`role=dialog`, `aria-modal`, a modal or popup class):
    /// never the content.
    pub dialog: bool,
    /// Tag name and first class name, hashed: siblings sharing it are items of one list.
    pub shape: u32,
}

impl BlockNode {
    /// A block element with no hint or signal whose segments start at `seg_start`.
    fn plain(parent: u32, seg_start: u32) -> Self {
        BlockNode {
            parent,
            seg_start,
            seg_end: seg_start,
            hint: None,
            product_hint: None,
            strong: false,
            body_signal: false,
            styled_hidden: false,
            duplicate: false,
            inner_aside: false,
            dialog: false,
            shape: 0,
        }
    }
}

/// The walk's result: segments, the block element owning each, and the element table.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    pub segments: Vec<Segment<'static>>,
    /// For each segment, the index in `nodes` of the innermost block element holding it.
    pub owners: Vec<u32>,
    pub nodes: Vec<BlockNode>,
    /// A block element carries schema.org `Product` microdata: the page is a shop page.
    pub product_microdata: bool,
}

/// The kind a block gets from its nearest kind-giving ancestors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Plain,
    Heading(u8),
    Code,
    Row,
    Item,
    Quote,
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    tag: Tag,
    /// Block node owning text written in this frame.
    owner: u32,
    ctx: Ctx,
    /// Links open around the innermost block: text of a link wrapping whole blocks (a
    /// card) is the card's text, not link text.
    link_base: u32,
}

#[derive(Debug, Clone, Copy)]
struct RowState {
    /// The row's cells turned out to hold blocks: a layout table, not a data row.
    layout: bool,
    /// A cell of this row is open.
    in_cell: bool,
    /// Where the open cell's text starts in the buffer, and the link characters before it:
    /// while the row reads as data, earlier cells' text sits in the buffer before it.
    cell_start: usize,
    links_before_cell: u32,
    /// The element that owns the row's text.
    owner: u32,
}

struct Walker<'o> {
    options: &'o Options,
    out: Walk,
    frames: Vec<Frame>,
    rows: Vec<RowState>,
    buf: String,
    buf_links: u32,
    pending_space: bool,
    br_pending: bool,
    link_depth: u32,
    pre_depth: u32,
    article_depth: u32,
    flat_depth: usize,
    in_noscript: bool,
    /// Elements whose boilerplate hint comes from their `id` alone, with that id: checked
    /// against their heading at the end (see [`Walker::clear_heading_slug_hints`]).
    id_hints: Vec<(u32, String)>,
}

/// Code lines and table rows repeat in their own right (one response shape per endpoint,
/// "Yes | Yes" rows): never evidence of a copied element.
fn repeats_by_nature(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Code | BlockKind::TableRow)
}

/// Smallest `<noscript>` content read as markup (bytes).
const NOSCRIPT_MIN_BYTES: usize = 2000;
/// Fewest tags in a `<noscript>` read as markup: a long tracking-pixel address escaped as
/// text ("&lt;img src=...") is not a page.
const NOSCRIPT_MIN_TAGS: usize = 8;

/// Walks the document under `root` into segments and block nodes.
pub(crate) fn walk(root: NodeRef<'_, Node>, options: &Options) -> Walk {
    let mut w = Walker {
        options,
        out: Walk::default(),
        frames: Vec::with_capacity(64),
        rows: Vec::new(),
        buf: String::with_capacity(1024),
        buf_links: 0,
        pending_space: false,
        br_pending: false,
        link_depth: 0,
        pre_depth: 0,
        article_depth: 0,
        flat_depth: 0,
        in_noscript: false,
        id_hints: Vec::new(),
    };
    // A synthetic root node owns text outside any block element.
    w.out.nodes.push(BlockNode::plain(NONE, 0));
    w.frames.push(Frame {
        tag: Tag::Root,
        owner: 0,
        ctx: Ctx::Plain,
        link_base: 0,
    });
    w.walk_tree(root);
    w.finish()
}

impl Walker<'_> {
    /// Visits every node under `root` in document order with an explicit cursor.
    fn walk_tree(&mut self, root: NodeRef<'_, Node>) {
        let root_id = root.id();
        let Some(mut cur) = root.first_child() else {
            return;
        };
        'outer: loop {
            if self.open(cur) {
                if let Some(child) = cur.first_child() {
                    cur = child;
                    continue;
                }
                self.close(cur);
            }
            loop {
                if let Some(next) = cur.next_sibling() {
                    cur = next;
                    continue 'outer;
                }
                match cur.parent() {
                    Some(parent) if parent.id() != root_id => {
                        cur = parent;
                        self.close(cur);
                    }
                    _ => break 'outer,
                }
            }
        }
    }

    /// A `<noscript>` holding a page's worth of markup (a crawler view) is read as part
    /// of the page; small ones (tracking pixels, "enable JavaScript") are not.
    fn noscript(&mut self, el: NodeRef<'_, Node>) {
        if self.in_noscript {
            return;
        }
        let Some(Node::Text(text)) = el.first_child().map(|c| c.value()) else {
            return;
        };
        if text.len() < NOSCRIPT_MIN_BYTES
            || memchr::memchr_iter(b'<', text.as_bytes())
                .take(NOSCRIPT_MIN_TAGS)
                .count()
                < NOSCRIPT_MIN_TAGS
        {
            return;
        }
        let text = super::depth_cap::cap_depth(text, self.options.limits.max_depth);
        let fragment = scraper::Html::parse_fragment(&text);
        // The view gets a block node of its own, so that a copy can be removed whole.
        self.enter_block();
        let parent = self.top();
        let index = self.out.nodes.len() as u32;
        let start = self.out.segments.len() as u32;
        self.out.nodes.push(BlockNode::plain(parent.owner, start));
        self.frames.push(Frame {
            tag: Tag::Container,
            owner: index,
            ctx: Ctx::Plain,
            link_base: self.link_depth,
        });
        self.in_noscript = true;
        self.walk_tree(fragment.tree.root());
        self.in_noscript = false;
        self.flush();
        self.frames.pop();
        let end = self.out.segments.len() as u32;
        if let Some(node) = self.out.nodes.get_mut(index as usize) {
            node.seg_end = end;
        }
    }

    /// Marks block elements that repeat, nearly whole, text shown earlier on the page:
    /// responsive variants of one article, a gated copy, a `<noscript>` view of a page that
    /// is server-rendered anyway, a carousel's cloned slides. The first copy stays.
    fn mark_copies(&mut self) {
        let segments = &self.out.segments;
        // For each segment, where its text first occurs; `repeats` is a prefix sum of the
        // bytes of segments seen before, a cheap upper bound that filters the candidates.
        let mut first: HashMap<&str, u32> = HashMap::with_capacity(segments.len());
        let mut first_at = Vec::with_capacity(segments.len());
        let mut repeats = Vec::with_capacity(segments.len() + 1);
        let mut total = Vec::with_capacity(segments.len() + 1);
        repeats.push(0usize);
        total.push(0usize);
        for (i, s) in segments.iter().enumerate() {
            let text = s.text.trim();
            let at = *first.entry(text).or_insert(i as u32);
            first_at.push(at);
            let len = if text.is_empty() { 0 } else { s.text.len() };
            let repeated = if (at as usize) < i && !repeats_by_nature(s.kind) {
                len
            } else {
                0
            };
            repeats.push(repeats[i] + repeated);
            total.push(total[i] + len);
        }
        let mut budget = 4 * segments.len() + 1024;
        let mut covered_until = 0u32;
        let mut copies = Vec::new();
        for (index, node) in self.out.nodes.iter().enumerate().skip(1) {
            let (start, end) = (node.seg_start as usize, node.seg_end as usize);
            if node.seg_start < covered_until || end > segments.len() || start >= end {
                continue;
            }
            let chars = total[end] - total[start];
            let share = |r: usize| r as f32 >= COPY_MIN_SHARE * chars as f32;
            if chars < COPY_MIN_CHARS || !share(repeats[end] - repeats[start]) {
                continue;
            }
            // The exact count: text first shown before this element began.
            if budget < end - start {
                break;
            }
            budget -= end - start;
            let repeated: usize = (start..end)
                .filter(|&i| (first_at[i] as usize) < start && !repeats_by_nature(segments[i].kind))
                .map(|i| segments[i].text.len())
                .sum();
            if share(repeated) {
                copies.push(index);
                covered_until = node.seg_end;
            }
        }
        for index in copies {
            if let Some(node) = self.out.nodes.get_mut(index) {
                node.duplicate = true;
            }
        }
    }

    fn finish(mut self) -> Walk {
        self.flush();
        self.mark_copies();
        self.clear_heading_slug_hints();
        let end = self.out.segments.len() as u32;
        if let Some(root) = self.out.nodes.first_mut() {
            root.seg_end = end;
        }
        self.out
    }

    /// A section whose `id` is the slug of its own heading ("respond-to-review-comments"
    /// around "Respond to review comments") is named by its subject, not by a page part:
    /// the boilerplate word in the id does not count. Short slugs ("comments",
    /// "related-posts") are how themes name those parts, and stay.
    fn clear_heading_slug_hints(&mut self) {
        for (index, id) in std::mem::take(&mut self.id_hints) {
            let Some(node) = self.out.nodes.get(index as usize) else {
                continue;
            };
            let heading = self
                .out
                .segments
                .get(node.seg_start as usize)
                .filter(|_| node.seg_end > node.seg_start)
                .filter(|segment| matches!(segment.kind, BlockKind::Heading(_)));
            let Some(heading) = heading else { continue };
            // On the heading itself, an anchor may carry a generator's prefix or counter; on
            // a section around it, only the heading's own slug names it ("terms-of-use" in
            // "modal-terms-of-use" names the dialog, not its heading).
            let on_heading = node.seg_end - node.seg_start == 1;
            let slug = slug_of(&heading.text);
            let names = if on_heading {
                id_names_heading(&id, &slug)
            } else {
                id.split('-').count() >= SLUG_ID_MIN_WORDS && slug == id
            };
            if names {
                if let Some(node) = self.out.nodes.get_mut(index as usize) {
                    node.hint = None;
                }
            }
        }
    }

    fn top(&self) -> Frame {
        self.frames.last().copied().unwrap_or(Frame {
            tag: Tag::Root,
            owner: 0,
            ctx: Ctx::Plain,
            link_base: 0,
        })
    }

    /// Handles a node on the way down; returns whether to walk its children.
    fn open(&mut self, node: NodeRef<'_, Node>) -> bool {
        match node.value() {
            Node::Text(text) => {
                self.text(&text[..]);
                false
            }
            Node::Element(el) => {
                if el.name() == "noscript" {
                    self.noscript(node);
                    return false;
                }
                self.open_element(el)
            }
            _ => false,
        }
    }

    fn open_element(&mut self, el: &Element) -> bool {
        let name = el.name();
        let tag = Tag::of(name);
        let hidden = hidden(el);
        if tag == Tag::Skip
            || hidden == Hidden::Yes
            || (hidden == Hidden::Styled && !(tag.is_block() || tag == Tag::Cell))
        {
            // The text on either side of a skipped element (a button, a script) is not one
            // word: gluing it would make a word the page does not have.
            self.pending_space = true;
            return false;
        }
        if self.flat_depth > 0 || self.frames.len() >= self.options.limits.max_depth {
            // Too deep: read as inline text of the ancestor.
            self.flat_depth += 1;
            if tag == Tag::Br {
                self.pending_space = true;
            }
            return true;
        }
        match tag {
            Tag::Br => {
                self.line_break();
                return false;
            }
            Tag::Rule => {
                self.flush();
                return false;
            }
            Tag::Link => self.link_depth += 1,
            Tag::Pre => self.pre_depth += 1,
            Tag::Article | Tag::Main => self.article_depth += 1,
            _ => {}
        }
        let parent = self.top();
        if tag == Tag::Cell {
            self.open_cell();
        } else if tag.is_block() {
            self.enter_block();
        }
        let owner = if tag.is_block() || tag == Tag::Cell {
            self.push_node(el, name, tag, parent.owner, hidden)
        } else {
            parent.owner
        };
        if tag == Tag::Row {
            self.rows.push(RowState {
                layout: false,
                in_cell: false,
                cell_start: 0,
                links_before_cell: 0,
                owner,
            });
        }
        let ctx = match tag {
            Tag::Heading(level) => Ctx::Heading(level),
            Tag::Pre => Ctx::Code,
            Tag::Row => Ctx::Row,
            Tag::ListItem => Ctx::Item,
            Tag::Quote => Ctx::Quote,
            Tag::Paragraph | Tag::Cell | Tag::Link | Tag::Inline => parent.ctx,
            _ => match parent.ctx {
                Ctx::Heading(_) | Ctx::Code | Ctx::Quote => parent.ctx,
                _ => Ctx::Plain,
            },
        };
        let link_base = if tag.is_block() {
            self.link_depth
        } else {
            parent.link_base
        };
        self.frames.push(Frame {
            tag,
            owner,
            ctx,
            link_base,
        });
        true
    }

    fn close(&mut self, node: NodeRef<'_, Node>) {
        if !node.value().is_element() {
            return;
        }
        if self.flat_depth > 0 {
            self.flat_depth -= 1;
            return;
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        // The frame is back on top while its own text is flushed.
        self.frames.push(frame);
        match frame.tag {
            Tag::Cell => {
                if self.rows.last().is_some_and(|r| r.layout) {
                    self.flush();
                }
                if let Some(row) = self.rows.last_mut() {
                    row.in_cell = false;
                }
            }
            tag if tag.is_block() => self.flush(),
            _ => {}
        }
        self.frames.pop();
        match frame.tag {
            Tag::Link => self.link_depth = self.link_depth.saturating_sub(1),
            Tag::Pre => self.pre_depth = self.pre_depth.saturating_sub(1),
            Tag::Article | Tag::Main => self.article_depth = self.article_depth.saturating_sub(1),
            Tag::Row => {
                self.rows.pop();
            }
            _ => {}
        }
        if frame.tag.is_block() || frame.tag == Tag::Cell {
            let end = self.out.segments.len() as u32;
            if let Some(node) = self.out.nodes.get_mut(frame.owner as usize) {
                node.seg_end = end;
            }
        }
    }

    fn push_node(
        &mut self,
        el: &Element,
        name: &str,
        tag: Tag,
        parent: u32,
        hidden: Hidden,
    ) -> u32 {
        let styled_hidden = hidden == Hidden::Styled;
        let mut hint = Tag::hint(name, self.article_depth > 0);
        let mut strong = matches!(tag, Tag::Article | Tag::Main);
        let mut verdict = ClassVerdict::default();
        let mut id_verdict = ClassVerdict::default();
        let mut id_value = "";
        let mut first_class = "";
        let mut dialog = false;
        for (attr, value) in el.attrs() {
            match attr {
                "class" => {
                    first_class = value.split_ascii_whitespace().next().unwrap_or("");
                    classes::classify(value, &mut verdict);
                }
                "id" => {
                    id_value = value;
                    classes::classify(value, &mut id_verdict);
                }
                "aria-modal" => dialog |= value.trim().eq_ignore_ascii_case("true"),
                "role" => {
                    dialog |= role_in(value, DIALOG_ROLES);
                    if role_in(value, &["main"]) {
                        strong = true;
                    } else if hint.is_none() {
                        hint = tags::role_hint(value);
                    }
                }
                "itemprop" if value.trim().eq_ignore_ascii_case("articleBody") => strong = true,
                "itemtype" if is_product_type(value) => self.out.product_microdata = true,
                _ => {}
            }
        }
        let hint_from_id = verdict.boilerplate.is_none() && id_verdict.boilerplate.is_some();
        verdict.merge(&id_verdict);
        if verdict.content {
            strong = true;
        }
        let body_signal = strong && tag != Tag::Article;
        let guarded = verdict.positive && verdict.boilerplate != Some(Rule::Comments);
        let mut product_hint = None;
        if hint.is_none()
            && !strong
            && !guarded
            && !matches!(tag, Tag::Root | Tag::Article | Tag::Main)
        {
            hint = verdict.boilerplate;
            product_hint = verdict.product_page;
        }
        if styled_hidden {
            hint = Some(Rule::BoilerplateContainer);
        }
        // A shop's tabs (specifications, shipping, reviews) are not its description.
        if hidden == Hidden::Panel && product_hint.is_none() {
            product_hint = Some(Rule::BoilerplateContainer);
        }
        let index = self.out.nodes.len() as u32;
        if hint_from_id && hint.is_some() && !styled_hidden && id_value.len() <= SLUG_ID_MAX_BYTES {
            self.id_hints.push((index, id_value.to_ascii_lowercase()));
        }
        let start = self.out.segments.len() as u32;
        self.out.nodes.push(BlockNode {
            parent,
            seg_start: start,
            seg_end: start,
            hint,
            product_hint,
            strong,
            body_signal,
            styled_hidden,
            duplicate: false,
            inner_aside: name == "aside" && self.article_depth > 0 && verdict.boilerplate.is_none(),
            dialog: dialog || verdict.dialog,
            shape: shape_of(name, first_class),
        });
        index
    }

    /// A block element opens: ends the current block, and marks an enclosing data row as
    /// a layout row (its cells hold blocks).
    fn enter_block(&mut self) {
        let mut earlier_cells = None;
        if let Some(row) = self.rows.last_mut() {
            if row.in_cell && !row.layout {
                row.layout = true;
                earlier_cells = Some((row.cell_start, row.links_before_cell, row.owner));
            }
        }
        // The row turns out to be layout: the text of its earlier cells (a menu column
        // beside the article column) is theirs, not this cell's.
        if let Some((start, links, owner)) = earlier_cells.filter(|&(start, ..)| start > 0) {
            if let Some(current) = self.buf.get(start..).map(str::to_owned) {
                let current_links = self.buf_links.saturating_sub(links);
                self.buf.truncate(start);
                self.buf_links = links;
                let at = self.out.segments.len() as u32;
                self.flush_as(owner);
                // The open cell's range starts after that segment (the content choice marks
                // segments by range).
                if self.out.segments.len() as u32 > at {
                    for frame in self.frames.iter().rev() {
                        if let Some(node) = self.out.nodes.get_mut(frame.owner as usize) {
                            if node.seg_start == at {
                                node.seg_start = at + 1;
                                node.seg_end = node.seg_end.max(at + 1);
                            }
                        }
                        if frame.tag == Tag::Cell {
                            break;
                        }
                    }
                }
                self.buf = current;
                self.buf_links = current_links;
            }
        }
        self.flush();
    }

    fn open_cell(&mut self) {
        if let Some(row) = self.rows.last_mut() {
            row.in_cell = true;
        }
        match self.rows.last() {
            Some(row) if !row.layout => {
                if !self.buf.trim().is_empty() {
                    self.buf.push_str(" | ");
                    self.pending_space = false;
                }
            }
            _ => self.flush(),
        }
        let (start, links) = (self.buf.len(), self.buf_links);
        if let Some(row) = self.rows.last_mut() {
            row.cell_start = start;
            row.links_before_cell = links;
        }
    }

    fn line_break(&mut self) {
        if self.pre_depth > 0 {
            self.buf.push('\n');
            return;
        }
        if self.br_pending {
            self.flush();
        } else {
            self.br_pending = true;
            self.pending_space = true;
        }
    }

    fn text(&mut self, text: &str) {
        if self.buf.len() >= self.options.limits.max_block_bytes {
            return;
        }
        if self.pre_depth > 0 && self.flat_depth == 0 {
            self.buf.push_str(text);
            if self.link_depth > self.top().link_base {
                self.buf_links += text.chars().count() as u32;
            }
            if !text.trim().is_empty() {
                self.br_pending = false;
            }
            return;
        }
        if text.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        let in_link = self.link_depth > self.top().link_base && self.flat_depth == 0;
        for_each_word(text, |word| {
            if self.pending_space && !self.buf.is_empty() && !self.buf.ends_with(' ') {
                self.buf.push(' ');
            }
            self.buf.push_str(word);
            if in_link {
                self.buf_links += word.chars().count() as u32;
            }
            self.pending_space = true;
            self.br_pending = false;
        });
        if !text.ends_with(char::is_whitespace) {
            self.pending_space = false;
        }
    }

    /// Ends the current block, emitting a segment if it holds text.
    fn flush(&mut self) {
        self.flush_as(self.top().owner);
    }

    /// [`Self::flush`], the segment owned by `owner`.
    fn flush_as(&mut self, owner: u32) {
        self.pending_space = false;
        self.br_pending = false;
        if self.buf.is_empty() {
            return;
        }
        let top = self.top();
        let kind = match top.ctx {
            Ctx::Plain => BlockKind::Paragraph,
            Ctx::Heading(level) => BlockKind::Heading(level),
            Ctx::Code => BlockKind::Code,
            Ctx::Row if self.rows.last().is_some_and(|r| !r.layout) => BlockKind::TableRow,
            Ctx::Row => BlockKind::Paragraph,
            Ctx::Item => BlockKind::ListItem,
            Ctx::Quote => BlockKind::Quote,
        };
        let text = if kind == BlockKind::Code {
            self.buf.trim_matches(|c| c == '\n' || c == '\r').trim_end()
        } else {
            // `trim_end_matches(" |")` and `trim_start_matches("| ")` without building a
            // substring searcher per block.
            let mut text = self.buf.trim();
            while let Some(rest) = text.strip_suffix(" |") {
                text = rest;
            }
            while let Some(rest) = text.strip_prefix("| ") {
                text = rest;
            }
            text
        };
        let mut text = text.to_owned();
        let cap = self.options.limits.max_block_bytes;
        if text.len() > cap {
            let mut cut = cap;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        let links = self.buf_links;
        self.buf.clear();
        self.buf_links = 0;
        if text.is_empty() || self.out.segments.len() >= self.options.limits.max_blocks {
            return;
        }
        let mut segment = Segment::new(text, kind);
        segment.link_chars = links;
        segment.bullet = kind == BlockKind::ListItem;
        segment.card = top.link_base > 0;
        self.out.segments.push(segment);
        self.out.owners.push(owner);
    }
}

/// Calls `f` with each word of `text`, as `str::split_whitespace` gives them: ASCII bytes are
/// tested without decoding, the rest as characters.
fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Runs of bytes of one kind in tight loops: ASCII whitespace, other ASCII, and the lead
    // bytes of the non-ASCII spaces (0xC2 U+0085 U+00A0, 0xE1 U+1680, 0xE2 U+2000..U+205F,
    // 0xE3 U+3000), decoded one character at a time; other non-ASCII bytes are word bytes.
    let space_at = |i: usize| -> Option<usize> {
        match BYTE_SPACE[usize::from(bytes[i])] {
            SPACE => Some(1),
            MAYBE => text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .filter(|c| c.is_whitespace())
                .map(char::len_utf8),
            _ => None,
        }
    };
    while i < bytes.len() {
        while i < bytes.len() {
            match space_at(i) {
                Some(len) => i += len,
                None => break,
            }
        }
        if i >= bytes.len() {
            break;
        }
        let start = i;
        while i < bytes.len() && BYTE_SPACE[usize::from(bytes[i])] == WORD {
            i += 1;
        }
        while i < bytes.len() && space_at(i).is_none() {
            i += 1;
            while i < bytes.len() && BYTE_SPACE[usize::from(bytes[i])] == WORD {
                i += 1;
            }
        }
        // `i` is at a space or the end: a character boundary, like `start`.
        if let Some(word) = text.get(start..i) {
            f(word);
        }
    }
}

/// A cheap key for "same kind of element": the tag name and the first class name, each by
/// its length and its first and last eight bytes (class names of one list share those).
fn shape_of(name: &str, first_class: &str) -> u32 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let word = |bytes: &[u8]| {
        let mut w = [0u8; 8];
        let n = bytes.len().min(8);
        w[..n].copy_from_slice(&bytes[..n]);
        u64::from_le_bytes(w)
    };
    let class = first_class.as_bytes();
    let tail = &class[class.len().saturating_sub(8)..];
    let mut hash = ((name.len() as u64) << 32 | class.len() as u64).wrapping_mul(K);
    for w in [word(name.as_bytes()), word(class), word(tail)] {
        hash = (hash ^ w).wrapping_mul(K);
    }
    (hash >> 32) as u32
}

/// A schema.org `Product` item type (`https://schema.org/Product`).
fn is_product_type(value: &str) -> bool {
    let value = value.trim();
    let name = value.rsplit('/').next().unwrap_or(value);
    value.contains("schema.org") && name.eq_ignore_ascii_case("product")
}

/// Classes of bytes for [`for_each_word`]: part of a word, ASCII whitespace (`char::is_whitespace`
/// on ASCII: tab to carriage return, space), or the lead byte of a character that may be
/// whitespace.
const WORD: u8 = 0;
const SPACE: u8 = 1;
const MAYBE: u8 = 2;
const BYTE_SPACE: [u8; 256] = {
    let mut table = [WORD; 256];
    table[b' ' as usize] = SPACE;
    let mut b = b'\t';
    while b <= b'\r' {
        table[b as usize] = SPACE;
        b += 1;
    }
    table[0xC2] = MAYBE;
    table[0xE1] = MAYBE;
    table[0xE2] = MAYBE;
    table[0xE3] = MAYBE;
    table
};

/// Hidden from readers: `hidden`, `aria-hidden=true`, or an inline `display:none` /
/// `visibility:hidden` style.
fn hidden(el: &Element) -> Hidden {
    let mut styled = false;
    for (attr, value) in el.attrs() {
        match attr {
            // React streams server-rendered parts as `<div hidden id="S:0">` and swaps
            // them in by script: shown to readers.
            "hidden" if is_streamed_segment(el) => {}
            "hidden" if is_collapsed_panel(el) && !is_dialog(el) => return Hidden::Panel,
            "hidden" => return Hidden::Yes,
            "aria-hidden" if value.trim().eq_ignore_ascii_case("true") => return Hidden::Yes,
            "style" => {
                styled |= style_has(value, "display:none") || style_has(value, "visibility:hidden");
            }
            _ => {}
        }
    }
    if styled && !is_collapsed_panel(el) {
        Hidden::Styled
    } else {
        Hidden::No
    }
}

/// A collapsed accordion or tab panel: hidden until its heading is clicked, but part of
/// the page's text (`role=region|tabpanel`, `aria-labelledby`, or a collapse/accordion class).
fn is_collapsed_panel(el: &Element) -> bool {
    el.attrs().any(|(attr, value)| match attr {
        "role" => role_in(value, &["region", "tabpanel"]),
        "aria-labelledby" => true,
        "class" => value.split_ascii_whitespace().any(|c| {
            let c = c.to_ascii_lowercase();
            c.contains("accordion") || c.contains("collapse") || c.contains("tab-pane")
        }),
        _ => false,
    })
}

/// Heading slugs this short are not told apart from a theme's names for page parts.
const SLUG_ID_MIN_WORDS: usize = 3;
/// Longer ids are not compared with their heading.
const SLUG_ID_MAX_BYTES: usize = 200;

/// Whether a heading's id is an anchor made from its text (`slug`, see [`slug_of`]): the
/// heading's first words (at least [`SLUG_ID_MIN_WORDS`]), in order, as a run of the id's
/// words, whatever the separators and a generator's prefix or counter
/// ("respond-to-review-comments", "nav_nur_die_folie__1" for "Nur die Folie bleibt zurück").
fn id_names_heading(id: &str, slug: &str) -> bool {
    let heading_words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let id_words: Vec<&str> = id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if heading_words.len() < SLUG_ID_MIN_WORDS {
        return false;
    }
    (0..id_words.len()).any(|start| {
        id_words[start..]
            .iter()
            .zip(&heading_words)
            .take_while(|(a, b)| a == b)
            .count()
            >= SLUG_ID_MIN_WORDS
    })
}

/// A heading's text as a document generator makes an anchor of it: lowercase ASCII letters
/// and digits, other runs as one `-`, none at the ends ("Respond to review comments¶":
/// "respond-to-review-comments").
fn slug_of(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// A dialog over the page (`role=dialog|alertdialog`, `aria-modal`): closed until opened.
fn is_dialog(el: &Element) -> bool {
    el.attrs().any(|(attr, value)| match attr {
        "role" => role_in(value, DIALOG_ROLES),
        "aria-modal" => true,
        _ => false,
    })
}

/// The ARIA roles of a dialog laid over the page.
const DIALOG_ROLES: &[&str] = &["dialog", "alertdialog"];

/// Whether a `role` value is one of `roles` (lowercase), whatever its case and spacing.
fn role_in(value: &str, roles: &[&str]) -> bool {
    let value = value.trim();
    roles.iter().any(|role| value.eq_ignore_ascii_case(role))
}

/// A React streaming-SSR segment: `id="S:<digits>"`.
fn is_streamed_segment(el: &Element) -> bool {
    el.id()
        .and_then(|id| id.strip_prefix("S:"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a `style` value holds `declaration` (lowercase, no spaces), ignoring ASCII
/// case and whitespace, without allocating.
fn style_has(style: &str, declaration: &str) -> bool {
    let want = declaration.as_bytes();
    let bytes = style.as_bytes();
    let Some(&first) = want.first() else {
        return false;
    };
    (0..bytes.len()).any(|start| {
        if !bytes[start].eq_ignore_ascii_case(&first) {
            return false;
        }
        let mut got = bytes[start..]
            .iter()
            .filter(|b| !b.is_ascii_whitespace())
            .map(|b| b.to_ascii_lowercase());
        want.iter().all(|&w| got.next() == Some(w))
    })
}

/// Whether an element is hidden from readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hidden {
    No,
    /// `hidden` or `aria-hidden=true`.
    Yes,
    /// A collapsed tab or accordion panel with the `hidden` attribute: a click shows it,
    /// so it is part of the page (except the tabs of a shop page, see `push_node`).
    Panel,
    /// An inline `display:none` or `visibility:hidden` style: scripts often reveal such
    /// a block, so a block element is walked and marked rather than skipped; the
    /// main-content choice drops it unless it holds the page's body.
    Styled,
}

#[cfg(test)]
mod tests {
    use super::{for_each_word, slug_of, style_has};

    #[test]
    fn heading_slugs() {
        assert_eq!(
            slug_of("Respond to review comments¶"),
            "respond-to-review-comments"
        );
        assert_eq!(slug_of("  What's new in 3.12? "), "what-s-new-in-3-12");
        assert_eq!(slug_of("¶"), "");
    }

    #[test]
    fn words_split_as_split_whitespace_does() {
        for t in [
            "",
            "  one  two\tthree\n",
            "a\u{a0}b\u{2003}c\u{3000}d\x0be\x0cf",
            "caf\u{e9} na\u{ef}ve\u{85}x \u{200b}zero-width",
            "\u{1680}lead",
        ] {
            let mut words = Vec::new();
            for_each_word(t, |w| words.push(w.to_string()));
            let expected: Vec<String> = t.split_whitespace().map(String::from).collect();
            assert_eq!(words, expected, "{t:?}");
        }
    }

    #[test]
    fn style_declarations_ignore_case_and_spaces() {
        assert!(style_has("color: red; DISPLAY : None", "display:none"));
        assert!(style_has("visibility:hidden", "visibility:hidden"));
        assert!(!style_has("display: block", "display:none"));
        assert!(!style_has("", "display:none"));
    }
}
