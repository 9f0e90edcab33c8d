//! A linear pre-pass that caps element nesting before the HTML parser sees the page.
//!
//! html5ever's tree builder checks scopes by walking its stack of open elements, so each start
//! tag costs O(depth): 100,000 nested `<div>`s take ~26 s to parse. This scan finds the tags
//! with `memchr`, follows the tokenizer's states that hide markup (comments, doctype, CDATA,
//! raw-text elements, quoted attribute values) and tracks the open elements roughly as the tree
//! builder will: end tags close the nearest open element of their name, the common implied end
//! tags (`<p>`, `<li>`, `<dd>`/`<dt>`, `<option>`, table parts, `<a>`) apply, void, raw-text
//! and self-closed foreign elements never stay open. A start tag that would open at depth
//! `max_depth` or deeper is dropped together with its end tag; the text between stays, so an
//! article nested thousands deep still comes out whole. A page that never goes that deep comes
//! back borrowed, untouched: the common case costs one scan and no copy.
//!
//! The tracking is an approximation (no adoption agency, no insertion modes), which only
//! matters on a page that nests past the cap: every error there costs a structure tag, never
//! text.

use std::borrow::Cow;

use memchr::{memchr, memchr3, memmem};

/// End tags look at most this far down the stack for their element, so a run of unmatched end
/// tags over a deep stack stays linear.
const SEARCH_LIMIT: usize = 512;

/// `html` with start tags past `max_depth` open elements removed (and their end tags), or the
/// input itself when no element opens that deep.
pub(crate) fn cap_depth(html: &str, max_depth: usize) -> Cow<'_, str> {
    // Each open element has its own `<`: with no more than `max_depth` of them, no element
    // can open at depth `max_depth`, so most pages need no scan at all.
    if !more_than(html.as_bytes(), b'<', max_depth) {
        return Cow::Borrowed(html);
    }
    let mut scan = Scan::new(html.as_bytes(), max_depth);
    scan.run();
    if scan.drops.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for drop in &scan.drops {
        out.push_str(&html[at..drop.start]);
        // A literal `<` or `&` right before the removed tag would join the text after it into
        // markup the page does not have ("l<" + "<a>" + "News" reads as a `<News>` tag).
        if drop.space || out.ends_with(['<', '&']) {
            out.push(' ');
        }
        at = drop.end;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

/// Whether `byte` occurs more than `limit` times in `bytes`: counted by chunks (a loop the
/// compiler vectorises), stopping as soon as the answer is known.
fn more_than(bytes: &[u8], byte: u8, limit: usize) -> bool {
    let mut seen = 0;
    // A chunk's count fits a byte, so the sum runs in byte lanes.
    for chunk in bytes.chunks(usize::from(u8::MAX)) {
        seen += usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(b == byte)));
        if seen > limit {
            return true;
        }
    }
    false
}

// Kind flags of a tag name (see `flags`).
const VOID: u32 = 1;
/// Raw text or RCDATA: the content up to the matching end tag is text.
const RAW: u32 = 1 << 1;
const PLAINTEXT: u32 = 1 << 2;
/// `html`, `head`, `body`: opened once, never nested.
const ROOT: u32 = 1 << 3;
/// The HTML spec's "special" category: a non-special end tag does not close through it.
const SPECIAL: u32 = 1 << 4;
/// Scope boundary: a special end tag does not close through it.
const SCOPE: u32 = 1 << 5;
/// Its start tag closes an open `<p>`.
const CLOSES_P: u32 = 1 << 6;
const P: u32 = 1 << 7;
const LI: u32 = 1 << 8;
const DD_DT: u32 = 1 << 9;
const HEADING: u32 = 1 << 10;
const OPTION: u32 = 1 << 11;
const OPTGROUP: u32 = 1 << 12;
/// `a` and `nobr`: a new one closes the open one.
const ANCHOR: u32 = 1 << 13;
const BUTTON: u32 = 1 << 14;
const CELL: u32 = 1 << 15;
const ROW: u32 = 1 << 16;
const SECTION: u32 = 1 << 17;
const TABLE: u32 = 1 << 18;
const FORM: u32 = 1 << 19;
const SELECT: u32 = 1 << 20;
/// `svg`, `math`: foreign content starts.
const FOREIGN_ROOT: u32 = 1 << 21;
/// An HTML start tag that ends foreign content.
const BREAKOUT: u32 = 1 << 22;
const TEMPLATE: u32 = 1 << 23;
/// `address`, `div`, `p`: a new `<li>` closes the open one through them.
const LI_PASS: u32 = 1 << 24;

// Flags of a stack entry, besides its kind flags.
/// The element's content is foreign (SVG/MathML) markup.
const IN_FOREIGN: u32 = 1 << 30;
/// The start tag was dropped.
const DROPPED: u32 = 1 << 31;

/// The kind flags of a lowercase tag name.
fn flags(name: &[u8]) -> u32 {
    const BLOCK: u32 = SPECIAL | CLOSES_P | BREAKOUT;
    match name {
        b"div" => BLOCK | LI_PASS,
        b"address" => SPECIAL | CLOSES_P | LI_PASS,
        b"blockquote" | b"center" | b"dl" | b"listing" | b"menu" | b"ol" | b"ul" => BLOCK,
        b"article" | b"aside" | b"details" | b"dir" | b"fieldset" | b"figcaption" | b"figure"
        | b"footer" | b"header" | b"hgroup" | b"main" | b"nav" | b"search" | b"section"
        | b"summary" => SPECIAL | CLOSES_P,
        b"dialog" => CLOSES_P,
        b"pre" => BLOCK,
        b"p" => BLOCK | P | LI_PASS,
        b"li" => BLOCK | LI,
        b"dd" | b"dt" => BLOCK | DD_DT,
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => BLOCK | HEADING,
        b"table" => SPECIAL | SCOPE | CLOSES_P | BREAKOUT | TABLE,
        b"form" => SPECIAL | CLOSES_P | FORM,
        b"td" | b"th" => SPECIAL | SCOPE | CELL,
        b"tr" => SPECIAL | ROW,
        b"tbody" | b"thead" | b"tfoot" => SPECIAL | SECTION,
        b"caption" => SPECIAL | SCOPE,
        b"applet" | b"marquee" | b"object" => SPECIAL | SCOPE,
        b"template" => SPECIAL | SCOPE | TEMPLATE,
        b"colgroup" | b"frameset" => SPECIAL,
        b"button" => SPECIAL | BUTTON,
        b"select" => SPECIAL | SELECT,
        b"option" => OPTION,
        b"optgroup" => OPTGROUP,
        b"a" => ANCHOR,
        b"nobr" => ANCHOR | BREAKOUT,
        b"b" | b"big" | b"code" | b"em" | b"i" | b"ruby" | b"s" | b"small" | b"span"
        | b"strong" | b"strike" | b"sub" | b"sup" | b"tt" | b"u" | b"var" => BREAKOUT,
        b"area" | b"base" | b"basefont" | b"bgsound" | b"col" | b"frame" | b"image" | b"input"
        | b"keygen" | b"link" | b"param" | b"source" | b"track" | b"wbr" => VOID,
        b"br" | b"embed" | b"img" | b"meta" => VOID | BREAKOUT,
        b"hr" => VOID | CLOSES_P | BREAKOUT,
        b"script" | b"style" | b"textarea" | b"title" | b"iframe" | b"noembed" | b"noframes"
        | b"noscript" => RAW,
        b"xmp" => RAW | CLOSES_P,
        b"plaintext" => PLAINTEXT | CLOSES_P,
        b"html" | b"body" => ROOT,
        b"head" => ROOT | BREAKOUT,
        b"svg" | b"math" => FOREIGN_ROOT,
        _ => 0,
    }
}

/// Foreign elements whose content is HTML again.
fn is_integration_point(name: &[u8]) -> bool {
    matches!(
        name,
        b"foreignobject" | b"desc" | b"title" | b"mi" | b"mo" | b"mn" | b"ms" | b"mtext"
    )
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// A tag name, lowercased: the first bytes for the kind lookup (longer names are never known
/// tags) and a hash of the whole name to match end tags.
struct Name {
    short: [u8; 16],
    len: usize,
    hash: u32,
}

impl Name {
    fn of(raw: &[u8]) -> Name {
        let mut short = [0u8; 16];
        let mut hash: u32 = 0x811c_9dc5;
        for (i, &b) in raw.iter().enumerate() {
            let b = b.to_ascii_lowercase();
            if i < short.len() {
                short[i] = b;
            }
            hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
        Name {
            short,
            len: raw.len(),
            hash,
        }
    }

    fn bytes(&self) -> &[u8] {
        if self.len <= self.short.len() {
            &self.short[..self.len]
        } else {
            b""
        }
    }

    fn flags(&self) -> u32 {
        flags(self.bytes())
    }
}

#[derive(Clone, Copy)]
struct Open {
    hash: u32,
    flags: u32,
}

/// A byte range of the input to remove, replaced by a space when it was a block tag.
struct Drop {
    start: usize,
    end: usize,
    space: bool,
}

/// A tag read from the input.
struct TagToken {
    name_start: usize,
    name_end: usize,
    /// Just past the closing `>`.
    end: usize,
    self_closing: bool,
}

struct Scan<'a> {
    bytes: &'a [u8],
    cap: usize,
    stack: Vec<Open>,
    /// Open elements per hash bucket: an end tag with no open element of its name is ignored
    /// without a search.
    open_per_bucket: [u32; 256],
    drops: Vec<Drop>,
}

fn bucket(hash: u32) -> usize {
    (hash & 0xff) as usize
}

impl<'a> Scan<'a> {
    fn new(bytes: &'a [u8], cap: usize) -> Self {
        Scan {
            bytes,
            cap,
            stack: Vec::with_capacity(64),
            open_per_bucket: [0; 256],
            drops: Vec::new(),
        }
    }

    fn run(&mut self) {
        let bytes = self.bytes;
        let mut at = 0;
        while let Some(offset) = memchr(b'<', &bytes[at..]) {
            let lt = at + offset;
            let next = match bytes.get(lt + 1) {
                Some(&b) => b,
                None => return,
            };
            let resume = match next {
                b'!' => self.markup_declaration(lt),
                b'?' => bogus_comment(bytes, lt + 2),
                b'/' => match bytes.get(lt + 2) {
                    Some(b) if b.is_ascii_alphabetic() => self.end_tag(lt),
                    Some(b'>') => Some(lt + 3),
                    Some(_) => bogus_comment(bytes, lt + 2),
                    None => None,
                },
                b if b.is_ascii_alphabetic() => self.start_tag(lt),
                _ => Some(lt + 1),
            };
            match resume {
                Some(next_at) => at = next_at,
                // The rest of the input is a comment, raw text or an unfinished tag.
                None => return,
            }
        }
    }

    /// `<!`: a comment, CDATA in foreign content, or a doctype/bogus comment up to `>`.
    fn markup_declaration(&self, lt: usize) -> Option<usize> {
        let rest = &self.bytes[lt + 2..];
        if rest.starts_with(b"--") {
            return comment_end(self.bytes, lt + 4);
        }
        if rest.starts_with(b"[CDATA[") && self.in_foreign() {
            let from = lt + 9;
            return memmem::find(&self.bytes[from..], b"]]>").map(|i| from + i + 3);
        }
        bogus_comment(self.bytes, lt + 2)
    }

    fn in_foreign(&self) -> bool {
        self.stack.last().is_some_and(|o| o.flags & IN_FOREIGN != 0)
    }

    fn start_tag(&mut self, lt: usize) -> Option<usize> {
        let tag = read_tag(self.bytes, lt + 1)?;
        let name = Name::of(&self.bytes[tag.name_start..tag.name_end]);
        let flags = name.flags();
        if self.in_foreign() {
            if flags & BREAKOUT == 0 {
                if !tag.self_closing {
                    let content = if is_integration_point(name.bytes()) {
                        0
                    } else {
                        IN_FOREIGN
                    };
                    self.push(name.hash, content, lt, tag.end, false);
                }
                return Some(tag.end);
            }
            // An HTML tag ends foreign content.
            while self.in_foreign() {
                self.pop();
            }
        }
        if flags & (VOID | ROOT) != 0 {
            return Some(tag.end);
        }
        if flags & RAW != 0 {
            return Some(raw_text_end(self.bytes, tag.end, name.bytes()));
        }
        if flags & PLAINTEXT != 0 {
            return None;
        }
        self.implied_ends(flags);
        if flags & FORM != 0 && self.has_open(name.hash) {
            // A form inside a form is ignored.
            return Some(tag.end);
        }
        if flags & SELECT != 0 && self.has_open(name.hash) {
            // A select inside a select closes it.
            if let Some(pos) = self.find(|o| o.flags & SELECT != 0, SCOPE) {
                self.close(pos);
            }
            return Some(tag.end);
        }
        if flags & FOREIGN_ROOT != 0 && tag.self_closing {
            return Some(tag.end);
        }
        let content = if flags & FOREIGN_ROOT != 0 {
            IN_FOREIGN
        } else {
            0
        };
        let space = flags & (SPECIAL | CLOSES_P) != 0;
        self.push(name.hash, flags | content, lt, tag.end, space);
        Some(tag.end)
    }

    /// The end tags a start tag implies, as the tree builder applies them.
    fn implied_ends(&mut self, flags: u32) {
        if flags & CLOSES_P != 0 {
            self.close_nearest(P, SCOPE | BUTTON);
        }
        if flags & LI != 0 {
            self.close_list_item(LI);
        } else if flags & DD_DT != 0 {
            self.close_list_item(DD_DT);
        } else if flags & HEADING != 0 {
            if self.top_has(HEADING) {
                self.pop();
            }
        } else if flags & OPTION != 0 {
            if self.top_has(OPTION) {
                self.pop();
            }
        } else if flags & OPTGROUP != 0 {
            if self.top_has(OPTION) {
                self.pop();
            }
            if self.top_has(OPTGROUP) {
                self.pop();
            }
        } else if flags & ANCHOR != 0 {
            self.close_nearest(flags & ANCHOR, SCOPE);
        } else if flags & BUTTON != 0 {
            self.close_nearest(BUTTON, SCOPE);
        } else if flags & CELL != 0 {
            self.close_nearest(CELL, TABLE | TEMPLATE);
        } else if flags & ROW != 0 {
            self.close_nearest(ROW, TABLE | TEMPLATE);
        } else if flags & SECTION != 0 {
            self.close_nearest(SECTION, TABLE | TEMPLATE);
        }
    }

    /// A new `<li>` (or `<dd>`/`<dt>`) closes the open one, unless a special element other
    /// than `address`, `div` or `p` lies between.
    fn close_list_item(&mut self, kind: u32) {
        let start = self.stack.len().saturating_sub(SEARCH_LIMIT);
        for pos in (start..self.stack.len()).rev() {
            let open = self.stack[pos];
            if open.flags & kind != 0 {
                self.close(pos);
                return;
            }
            if open.flags & SPECIAL != 0 && open.flags & LI_PASS == 0 {
                return;
            }
        }
    }

    /// Closes the nearest open element with `kind`, if no element with `stop` lies between.
    fn close_nearest(&mut self, kind: u32, stop: u32) {
        if let Some(pos) = self.find(|o| o.flags & kind != 0, stop) {
            self.close(pos);
        }
    }

    fn end_tag(&mut self, lt: usize) -> Option<usize> {
        let tag = read_tag(self.bytes, lt + 2)?;
        let name = Name::of(&self.bytes[tag.name_start..tag.name_end]);
        let flags = name.flags();
        if !self.has_open(name.hash) {
            return Some(tag.end);
        }
        let stop = if self.in_foreign() {
            0
        } else if flags & (TABLE | SECTION | ROW | CELL) != 0 {
            // Table parts close through open cells, up to the table.
            TABLE | TEMPLATE
        } else if flags & SPECIAL != 0 {
            SCOPE
        } else {
            SPECIAL
        };
        let hash = name.hash;
        if let Some(pos) = self.find(|o| o.hash == hash, stop) {
            if self.stack[pos].flags & DROPPED != 0 {
                let space = flags & (SPECIAL | CLOSES_P) != 0;
                self.drops.push(Drop {
                    start: lt,
                    end: tag.end,
                    space,
                });
            }
            self.close(pos);
        }
        Some(tag.end)
    }

    /// The nearest open element matching `is`, searching down from the top until an element
    /// with a `stop` flag (which may itself match).
    fn find(&self, is: impl Fn(&Open) -> bool, stop: u32) -> Option<usize> {
        let start = self.stack.len().saturating_sub(SEARCH_LIMIT);
        for pos in (start..self.stack.len()).rev() {
            let open = &self.stack[pos];
            if is(open) {
                return Some(pos);
            }
            if open.flags & stop != 0 {
                return None;
            }
        }
        None
    }

    fn has_open(&self, hash: u32) -> bool {
        self.open_per_bucket[bucket(hash)] > 0
    }

    fn top_has(&self, flags: u32) -> bool {
        self.stack.last().is_some_and(|o| o.flags & flags != 0)
    }

    /// Opens an element; past the cap its start tag (`start..end`) is dropped.
    fn push(&mut self, hash: u32, mut flags: u32, start: usize, end: usize, space: bool) {
        if self.stack.len() >= self.cap {
            // Dropped: the parser never sees it, so its content stays in the parent's context.
            flags = (flags & !IN_FOREIGN) | DROPPED;
            if self.in_foreign() {
                flags |= IN_FOREIGN;
            }
            self.drops.push(Drop { start, end, space });
        }
        self.open_per_bucket[bucket(hash)] += 1;
        self.stack.push(Open { hash, flags });
    }

    fn pop(&mut self) {
        if let Some(open) = self.stack.pop() {
            self.open_per_bucket[bucket(open.hash)] -= 1;
        }
    }

    /// Closes the element at `pos` and everything opened inside it.
    fn close(&mut self, pos: usize) {
        while self.stack.len() > pos {
            self.pop();
        }
    }
}

/// Reads a tag from just after `<` (or `</`) to its `>`, following the tokenizer through
/// attributes so a `>` inside a quoted value does not end it. `None` at end of input.
fn read_tag(bytes: &[u8], name_start: usize) -> Option<TagToken> {
    let mut at = name_start;
    while at < bytes.len() && !is_space(bytes[at]) && bytes[at] != b'/' && bytes[at] != b'>' {
        at += 1;
    }
    let name_end = at;
    // Fast path: a `>` before any quote ends the tag whatever the attributes are.
    let first = memchr3(b'>', b'"', b'\'', &bytes[at..])?;
    if bytes[at + first] == b'>' {
        let gt = at + first;
        return Some(TagToken {
            name_start,
            name_end,
            end: gt + 1,
            self_closing: gt > name_end && bytes[gt - 1] == b'/',
        });
    }
    loop {
        // Before an attribute name.
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        match *bytes.get(at)? {
            b'>' => {
                return Some(TagToken {
                    name_start,
                    name_end,
                    end: at + 1,
                    self_closing: false,
                })
            }
            b'/' => {
                if bytes.get(at + 1) == Some(&b'>') {
                    return Some(TagToken {
                        name_start,
                        name_end,
                        end: at + 2,
                        self_closing: true,
                    });
                }
                at += 1;
                continue;
            }
            _ => {}
        }
        // Attribute name: its first character may be anything, even `=`.
        at += 1;
        while at < bytes.len() && !matches!(bytes[at], b'/' | b'>' | b'=') && !is_space(bytes[at]) {
            at += 1;
        }
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        if bytes.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        match *bytes.get(at)? {
            quote @ (b'"' | b'\'') => {
                at += 1;
                at += memchr(quote, &bytes[at..])? + 1;
            }
            b'>' => continue,
            _ => {
                while at < bytes.len() && bytes[at] != b'>' && !is_space(bytes[at]) {
                    at += 1;
                }
            }
        }
    }
}

/// After `<!--`: just past the comment's end (`-->`, `--!>`, or the abrupt `<!-->`/`<!--->`).
fn comment_end(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = &bytes[from..];
    if rest.starts_with(b">") {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    let mut at = from;
    loop {
        at += memmem::find(&bytes[at..], b"--")?;
        match bytes.get(at + 2) {
            Some(b'>') => return Some(at + 3),
            Some(b'!') if bytes.get(at + 3) == Some(&b'>') => return Some(at + 4),
            Some(_) => at += 1,
            None => return None,
        }
    }
}

/// A bogus comment or doctype: up to the next `>`.
fn bogus_comment(bytes: &[u8], from: usize) -> Option<usize> {
    memchr(b'>', &bytes[from..]).map(|i| from + i + 1)
}

/// Just past the end tag closing a raw-text element named `name`, or the end of the input.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(i) = memchr(b'<', &bytes[at..]) {
        let lt = at + i;
        let name_start = lt + 2;
        let name_end = name_start + name.len();
        if bytes.get(lt + 1) == Some(&b'/')
            && bytes
                .get(name_start..name_end)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes
                .get(name_end)
                .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
        {
            return read_tag(bytes, name_start).map_or(bytes.len(), |tag| tag.end);
        }
        at = lt + 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize, inner: &str) -> String {
        format!("{}{inner}{}", "<div>".repeat(depth), "</div>".repeat(depth))
    }

    fn capped(html: &str, cap: usize) -> String {
        cap_depth(html, cap).into_owned()
    }

    #[test]
    fn shallow_pages_are_borrowed() {
        let html = "<!DOCTYPE html><html><head><title>a<b</title></head><body>\
                    <div><p>One<p>Two</div><ul><li>a<li>b</ul><img src=x></body></html>";
        assert!(matches!(cap_depth(html, 4), Cow::Borrowed(_)));
        assert!(matches!(cap_depth(&nested(50, "x"), 50), Cow::Borrowed(_)));
    }

    #[test]
    fn the_tag_count_shortcut_is_exact_at_the_cap() {
        // `cap` start tags cannot open an element at depth `cap`; one more can.
        assert!(!more_than(b"<<<", b'<', 3) && more_than(b"<<<<", b'<', 3));
        assert!(matches!(cap_depth(&"<div>".repeat(3), 3), Cow::Borrowed(_)));
        assert_eq!(capped(&"<div>".repeat(4), 3), "<div><div><div> ");
        let long = format!("{}{}", "x".repeat(10_000), "<b>".repeat(5_000));
        assert!(
            more_than(long.as_bytes(), b'<', 4_999) && !more_than(long.as_bytes(), b'<', 5_000)
        );
    }

    #[test]
    fn deep_nesting_is_cut_at_the_cap_and_keeps_the_text() {
        let html = nested(10, "<p>deep text</p>");
        let out = capped(&html, 3);
        assert_eq!(out.matches("<div>").count(), 3);
        assert_eq!(out.matches("</div>").count(), 3);
        assert!(out.contains("deep text"));
        assert!(
            !out.contains("<p>"),
            "the paragraph is past the cap too: {out}"
        );
    }

    #[test]
    fn a_removed_tag_never_joins_a_literal_lt_to_the_text_after_it() {
        let html = "<div><div>l&lt;<<a href=x>News</a>more</div></div>";
        let capped = cap_depth(html, 1);
        assert!(capped.contains("< News"), "{capped}");
    }

    #[test]
    fn dropped_block_tags_leave_a_space_and_inline_tags_nothing() {
        let out = capped("<div>a<div>b<span>c</span>d</div>e</div>", 1);
        assert_eq!(out, "<div>a bcd e</div>");
    }

    #[test]
    fn end_tags_close_their_element_through_unclosed_inline_ones() {
        // Each `</div>` closes the `<b>` left open inside it: the depth never exceeds 2.
        let html = "<div><b>x</div>".repeat(100);
        assert!(matches!(cap_depth(&html, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn implied_end_tags_do_not_count_as_nesting() {
        let html = "<div><p>a<p>b<ul><li>c<li>d</ul><dl><dt>e<dd>f</dl>\
                    <select><option>g<option>h<optgroup><option>i</select>\
                    <table><tr><td>j<td>k<tr><td>l</table><a href=1>m<a href=2>n</a></div>";
        let repeated = html.repeat(200);
        assert!(matches!(cap_depth(&repeated, 6), Cow::Borrowed(_)));
    }

    #[test]
    fn void_and_self_closing_foreign_elements_stay_shallow() {
        let html = "<br><img src=a><input><hr><meta charset=x><link rel=y><wbr>".repeat(100);
        assert!(matches!(cap_depth(&html, 1), Cow::Borrowed(_)));
        let svg = format!(
            "<svg>{}</svg>",
            "<path d=\"M0 0\"/><circle r=1 />".repeat(100)
        );
        assert!(matches!(cap_depth(&svg, 2), Cow::Borrowed(_)));
        // In HTML content `/>` does not close: `<div/>` opens a div.
        let out = capped(&"<div/>".repeat(5), 2);
        assert_eq!(out.matches("<div/>").count(), 2);
    }

    #[test]
    fn markup_hidden_in_comments_raw_text_and_attributes_is_not_counted() {
        let divs = "<div>".repeat(20);
        for html in [
            format!("<!-- {divs} -->"),
            format!("<!DOCTYPE html><!{}>", "<div".repeat(20)),
            format!("<script>var s = '{divs}';</script>"),
            format!("<style>/* {divs} */</style>"),
            format!("<textarea>{divs}</textarea>"),
            format!("<title>{divs}</title>"),
            format!("<xmp>{divs}</xmp>"),
            format!("<iframe>{divs}</iframe>"),
            format!("<noembed>{divs}</noembed>"),
            format!("<noframes>{divs}</noframes>"),
            format!("<noscript>{divs}</noscript>"),
            format!("<plaintext>{divs}"),
            format!("<a title=\"{divs}\">x</a>"),
            format!("<a title='>{divs}'>x</a>"),
            format!("<svg><![CDATA[{divs}]]></svg>"),
            format!("<?php {} ?>", "<div".repeat(20)),
        ] {
            let with_suffix = format!("{html}<p>after</p>");
            assert!(
                matches!(cap_depth(&with_suffix, 3), Cow::Borrowed(_)),
                "counted hidden markup in {html}"
            );
        }
        // Hidden markup ends where the tokenizer says, and real nesting after it counts.
        let html = format!("<script>x</SCRIPT >{}", "<div>".repeat(5));
        assert_eq!(capped(&html, 2).matches("<div>").count(), 2);
        for comment in ["<!-- a --!>", "<!-->", "<!--->", "<!-- a --->"] {
            let html = format!("{comment}{}", "<div>".repeat(5));
            assert_eq!(capped(&html, 2).matches("<div>").count(), 2, "{comment}");
        }
    }

    #[test]
    fn cdata_outside_foreign_content_is_a_bogus_comment() {
        // In HTML content `<![CDATA[` ends at the first `>`, so the divs after it count.
        let html = format!("<![CDATA[ x > {}]]>", "<div>".repeat(5));
        assert_eq!(capped(&html, 2).matches("<div>").count(), 2);
    }

    #[test]
    fn unmatched_end_tags_are_ignored_and_never_dropped() {
        let html = format!("{}{}", "</span></div></p>".repeat(50), nested(5, "x"));
        let out = capped(&html, 3);
        assert_eq!(out.matches("</span></div></p>").count(), 50);
        assert_eq!(out.matches("<div>").count(), 3);
    }

    #[test]
    fn end_tags_of_dropped_elements_are_dropped_with_them() {
        let out = capped("<div><div><div>x</div>y</div>z</div>after", 1);
        assert_eq!(out, "<div>  x y z</div>after");
    }

    #[test]
    fn unfinished_constructs_at_the_end_do_not_panic() {
        for tail in [
            "<",
            "</",
            "<!",
            "<!-",
            "<!--",
            "<!-- x -",
            "<a",
            "<a href",
            "<a href=",
            "<a href=\"",
            "<a href='x",
            "<a b=c",
            "<a /",
            "<script>",
            "<script>x</scr",
            "</a",
            "<![CDATA[",
            "<?",
            "<svg><![CDATA[ x",
        ] {
            let html = format!("{}{tail}", "<div>".repeat(4));
            let out = capped(&html, 2);
            assert!(out.len() <= html.len() + 4, "{tail}");
        }
    }

    #[test]
    fn cap_of_zero_drops_every_element_but_keeps_text() {
        let out = capped("<html><body><div><b>bold</b> text</div></body></html>", 0);
        assert_eq!(out, "<html><body> bold text </body></html>");
    }

    #[test]
    fn hundred_thousand_divs_are_capped_in_linear_time() {
        let html = nested(100_000, "<p>bottom</p>");
        let start = std::time::Instant::now();
        let out = capped(&html, 4096);
        assert!(start.elapsed().as_secs() < 5);
        assert_eq!(out.matches("<div>").count(), 4096);
        assert_eq!(out.matches("</div>").count(), 4096);
        assert!(out.contains("bottom"));
    }

    /// The deepest element nesting of the parsed DOM (html and body included).
    fn dom_depth(html: &str) -> usize {
        let dom = scraper::Html::parse_document(html);
        dom.tree
            .root()
            .descendants()
            .filter(|n| n.value().is_element())
            .map(|n| n.ancestors().filter(|a| a.value().is_element()).count() + 1)
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn the_scan_never_sees_deeper_nesting_than_the_parser_builds() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut pages: Vec<String> = [
            "bench/news_article.html",
            "bench/forum_thread.html",
            "bench/recipe_blog.html",
            "html/news_article.html",
        ]
        .iter()
        .map(|f| std::fs::read_to_string(dir.join(f)).expect("fixture"))
        .collect();
        pages.push("<ul><li>a<li>b<ul><li>c<li>d</ul></ul><p>x<p>y<div><p>z</div>".repeat(30));
        pages.push("<table><tr><td>a<td>b<tr><td><table><tr><td>c</table></table>".repeat(30));
        pages.push(
            "<p><b>x<i>y</p><a href=1>a<a href=2>b</a><select><option>1<option>2</select>"
                .repeat(30),
        );
        for page in &pages {
            let depth = dom_depth(page);
            assert!(
                matches!(cap_depth(page, depth), Cow::Borrowed(_)),
                "capped at the parser's own depth {depth}: {:.80}",
                page
            );
        }
    }
}
