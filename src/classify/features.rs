//! Cheap per-block text statistics, computed once per segment.

use once_cell::sync::Lazy;

/// Statistics of one block's text.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stats {
    /// Characters, with CJK ideographs and kana counted as [`CJK_WEIGHT`] each (they carry
    /// about as much as a short word).
    pub weight: f32,
    /// Words: whitespace-separated runs with a letter or digit, plus CJK characters / 2.
    pub words: f32,
    /// Sentence-ending marks anywhere in the text (`.`, `!`, `?`, `。`...) followed by space or end.
    pub sentence_marks: u32,
    /// The text ends like a sentence (terminal punctuation, possibly inside closing quotes).
    pub ends_sentence: bool,
    /// Share of words that start with an uppercase letter (title-case headlines, menus).
    pub capitalised: f32,
    /// Commas, semicolons and their CJK equivalents: a sign of running prose.
    pub commas: u32,
    /// An ASCII digit occurs (a cheap test before the date and count patterns).
    pub has_digit: bool,
    /// A control character (but line breaks, tabs and form feeds) or U+FFFD occurs: without
    /// one, the block's junk shares are zero.
    pub may_have_junk: bool,
    /// Which of the bytes of [`SeenByte`] occur in the text (one bit each): cheap necessary
    /// conditions for the caption and breadcrumb patterns.
    pub bytes_seen: u16,
    /// Which of the ASCII letters of [`Letter`] occur, in either case (one bit each).
    pub letters: u8,
    /// The text is ASCII without control bytes, tabs, line breaks, backticks, a leading space
    /// or two spaces in a row: normalising it only lowercases it (and drops a trailing space).
    pub lowercase_only: bool,
}

/// Bytes whose presence [`Stats::bytes_seen`] records.
#[derive(Debug, Clone, Copy)]
#[repr(u16)]
pub(crate) enum SeenByte {
    CloseParen = 1,
    Colon = 2,
    Slash = 4,
    Pipe = 8,
    Greater = 16,
    /// 0xA9: the last byte of `©`.
    A9 = 32,
    /// 0xC2: the lead byte of U+0080 to U+00BF (`»`, `·`, `©`...).
    C2 = 64,
    /// 0xE2: the lead byte of U+2000 to U+2FFF (`›`, `→`, dashes...).
    E2 = 128,
    /// 0xB7, 0xBA, 0xBB, 0x92: the last bytes of `·` (C2 B7), `›` (E2 80 BA), `»` (C2 BB)
    /// and `→` (E2 86 92).
    B7 = 256,
    BA = 512,
    BB = 1024,
    X92 = 2048,
    /// Any byte of a non-ASCII character (0x80 and up).
    NonAscii = 4096,
}

impl Stats {
    /// Whether any of the bytes occurs in the text.
    pub(crate) fn has_any(&self, bytes: &[SeenByte]) -> bool {
        bytes.iter().any(|&b| self.bytes_seen & b as u16 != 0)
    }

    /// Whether `norm`, the text normalised (lowercased: see `lexicon::normalise`), may hold
    /// an ASCII word made of these letters (among others): each occurs in the text in
    /// either case, or the text has a non-ASCII character (whose lowercase form may be
    /// anything).
    pub(crate) fn may_hold_letters(&self, letters: &[Letter]) -> bool {
        letters.iter().all(|&l| self.letters & l as u8 != 0)
            || self.bytes_seen & SeenByte::NonAscii as u16 != 0
    }

    /// Whether each of these ASCII letters occurs in the text, in either case.
    pub(crate) fn has_letters(&self, letters: &[Letter]) -> bool {
        letters.iter().all(|&l| self.letters & l as u8 != 0)
    }

    /// Whether all of the bytes occur in the text.
    pub(crate) fn has_all(&self, bytes: &[SeenByte]) -> bool {
        bytes.iter().all(|&b| self.bytes_seen & b as u16 != 0)
    }
}

/// The [`SeenByte`] bit of every byte value (0 for the others).
static BYTE_SEEN: [u16; 256] = {
    let mut table = [0u16; 256];
    table[b')' as usize] = SeenByte::CloseParen as u16;
    table[b':' as usize] = SeenByte::Colon as u16;
    table[b'/' as usize] = SeenByte::Slash as u16;
    table[b'|' as usize] = SeenByte::Pipe as u16;
    table[b'>' as usize] = SeenByte::Greater as u16;
    table[0xA9] = SeenByte::A9 as u16;
    table[0xC2] = SeenByte::C2 as u16;
    table[0xE2] = SeenByte::E2 as u16;
    table[0xB7] = SeenByte::B7 as u16;
    table[0xBA] = SeenByte::BA as u16;
    table[0xBB] = SeenByte::BB as u16;
    let mut b = 0x80;
    while b < 256 {
        table[b] |= SeenByte::NonAscii as u16;
        b += 1;
    }
    table[0x92] |= SeenByte::X92 as u16;
    table
};

/// `str::trim`, without the search from both ends when they are ASCII bytes that are not
/// whitespace (most block texts, which are trimmed already): then nothing is cut.
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    // `char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed, carriage
    // return and space.
    let keeps = |b: &u8| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ');
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(first), Some(last)) if keeps(first) && keeps(last) => s,
        _ => s.trim(),
    }
}

/// How many characters one CJK character counts as.
pub(crate) const CJK_WEIGHT: f32 = 3.0;

/// Letters of the scripts written without spaces between words (Thai, Lao, Tibetan, Myanmar,
/// Khmer): their words are counted as [`NOSPACE_CHARS_PER_WORD`] characters each.
pub(crate) fn is_nospace_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF   // Thai, Lao
        | 0x0F00..=0x0FFF // Tibetan
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF) // Khmer
}

/// Characters of a word, on average, in the scripts of [`is_nospace_script`].
pub(crate) const NOSPACE_CHARS_PER_WORD: f32 = 5.0;

/// A line of at least this many characters of those scripts, mostly, reads as ending a
/// sentence: Thai, Lao and Khmer end sentences with a space, not a mark.
const NOSPACE_SENTENCE_MIN_CHARS: u32 = 40;

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // kana
        | 0x3400..=0x4DBF // CJK ext A
        | 0x4E00..=0x9FFF // CJK unified
        | 0xAC00..=0xD7AF // Hangul syllables
        | 0xF900..=0xFAFF)
}

/// Properties of the characters below U+3000 (Latin, Greek, Cyrillic, punctuation...), read
/// from a table built once from the standard library's own answers: the same results,
/// without a Unicode table search per character.
static BELOW_CJK: Lazy<Vec<u8>> = Lazy::new(|| {
    (0..TABLE_END)
        .map(|u| {
            char::from_u32(u).map_or(0, |c| {
                u8::from(c.is_alphanumeric())
                    | u8::from(c.is_whitespace()) << 1
                    | u8::from(c.is_uppercase()) << 2
            })
        })
        .collect()
});

const TABLE_END: u32 = 0x3000;

fn below_cjk(c: char, bit: u8, slow: fn(char) -> bool) -> bool {
    match BELOW_CJK.get(c as usize) {
        Some(class) if (c as u32) < TABLE_END => class & bit != 0,
        _ => slow(c),
    }
}

/// `char::is_alphanumeric` of the rest of the Basic Multilingual Plane (U+3000 to U+FFFF:
/// kana, CJK, Hangul...), one bit each, built once (when first needed) from the standard
/// library's answers: CJK text asks for every character, and the standard library answers
/// with a table search each time.
static ALNUM_ABOVE: Lazy<Vec<u64>> = Lazy::new(|| {
    let mut bits = vec![0u64; ((0x1_0000 - TABLE_END) / 64) as usize];
    for u in TABLE_END..0x1_0000 {
        if char::from_u32(u).is_some_and(char::is_alphanumeric) {
            let i = (u - TABLE_END) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
});

/// `char::is_alphanumeric`, by table for the Basic Multilingual Plane.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    let u = c as u32;
    if u < TABLE_END {
        return below_cjk(c, 1, char::is_alphanumeric);
    }
    let i = (u - TABLE_END) as usize;
    match ALNUM_ABOVE.get(i / 64) {
        Some(word) => word >> (i % 64) & 1 != 0,
        None => c.is_alphanumeric(),
    }
}

/// `char::is_whitespace`, by table for most characters.
pub(crate) fn is_whitespace(c: char) -> bool {
    below_cjk(c, 2, char::is_whitespace)
}

/// `char::is_uppercase`, by table for most characters.
pub(crate) fn is_uppercase(c: char) -> bool {
    below_cjk(c, 4, char::is_uppercase)
}

/// The running state of [`Stats::of`]'s scan around non-ASCII characters.
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    in_word: bool,
    word_has_alnum: bool,
    word_first_upper: bool,
    prev_terminal: bool,
    words: u32,
    caps: u32,
    cjk: u32,
    /// Letters of the scripts written without spaces (see [`is_nospace_script`]).
    nospace: u32,
    commas: u32,
    sentence_marks: u32,
    /// A C1 control character or U+FFFD was seen.
    junk: bool,
}

impl Scan {
    /// One non-ASCII character.
    #[inline(never)]
    fn other(mut self, c: char) -> Scan {
        let c_is_cjk = is_cjk(c);
        self.cjk += u32::from(c_is_cjk);
        self.nospace += u32::from(is_nospace_script(c));
        self.junk |= matches!(c, '\u{80}'..='\u{9f}' | char::REPLACEMENT_CHARACTER);
        if matches!(c, '，' | '、' | '；') {
            self.commas += 1;
        }
        if is_whitespace(c) {
            if self.prev_terminal {
                self.sentence_marks += 1;
            }
            if self.in_word && self.word_has_alnum {
                self.words += 1;
                if self.word_first_upper {
                    self.caps += 1;
                }
            }
            self.in_word = false;
            self.prev_terminal = false;
            return self;
        }
        if !self.in_word {
            self.in_word = true;
            self.word_has_alnum = false;
            self.word_first_upper = is_uppercase(c);
        }
        if !c_is_cjk && is_alphanumeric(c) {
            self.word_has_alnum = true;
        }
        if is_terminal(c) {
            self.prev_terminal = true;
        } else if !is_closing(c) {
            self.prev_terminal = false;
        }
        if matches!(c, '。' | '！' | '？') {
            self.sentence_marks += 1;
            self.prev_terminal = false;
        }
        self
    }

    /// The state as the 4 bits that index [`ASCII_STEP`].
    fn bits(&self) -> usize {
        let bit = |on: bool, bit: usize| if on { bit } else { 0 };
        bit(self.in_word, IN_WORD)
            | bit(self.word_has_alnum, HAS_ALNUM)
            | bit(self.word_first_upper, FIRST_UPPER)
            | bit(self.prev_terminal, PREV_TERMINAL)
    }

    fn set_bits(&mut self, state: usize) {
        self.in_word = state & IN_WORD != 0;
        self.word_has_alnum = state & HAS_ALNUM != 0;
        self.word_first_upper = state & FIRST_UPPER != 0;
        self.prev_terminal = state & PREV_TERMINAL != 0;
    }
}

/// The code point and the length in bytes of the non-ASCII character that starts at byte `i`
/// of `text` (`None` past its end or off a character boundary). Two- and three-byte
/// sequences (everything below U+10000: Latin, Greek, Cyrillic, CJK...) are decoded from the
/// bytes directly: `text` is valid UTF-8, so a lead byte from 0xC2 to 0xDF is followed by one
/// continuation byte and one from 0xE0 to 0xEF by two.
#[inline(always)]
pub(crate) fn decode_at(text: &str, i: usize) -> Option<(u32, usize)> {
    let bytes = text.as_bytes();
    let cont = |k: usize| bytes.get(i + k).map(|&b| u32::from(b & 0x3f));
    match *bytes.get(i)? {
        lead @ 0xc2..=0xdf => Some((u32::from(lead & 0x1f) << 6 | cont(1)?, 2)),
        lead @ 0xe0..=0xef => Some((u32::from(lead & 0x0f) << 12 | cont(1)? << 6 | cont(2)?, 3)),
        _ => {
            let c = text.get(i..)?.chars().next()?;
            Some((u32::from(c), c.len_utf8()))
        }
    }
}

/// Classes of ASCII bytes for [`Stats::of`]: the ASCII answers of `char::is_whitespace`,
/// `is_uppercase`, `is_alphanumeric`, [`is_terminal`], [`is_closing`] and the comma test;
/// digits, and the control bytes the junk check counts.
const SPACE: u8 = 1;
const UPPER: u8 = 2;
const ALNUM: u8 = 4;
const TERMINAL: u8 = 8;
const CLOSING: u8 = 16;
const COMMA: u8 = 32;
const DIGIT: u8 = 64;
const CONTROL: u8 = 128;

const ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = match c {
            b' ' | b'\t'..=b'\r' => SPACE,
            b'A'..=b'Z' => UPPER | ALNUM,
            b'0'..=b'9' => ALNUM | DIGIT,
            b'a'..=b'z' => ALNUM,
            b'.' | b'!' | b'?' => TERMINAL,
            b'"' | b'\'' | b')' | b']' => CLOSING,
            b',' | b';' => COMMA,
            _ => 0,
        };
        // The control characters `text::junk_percent` counts (vertical tab is also a space).
        if matches!(c, 0x00..=0x1f | 0x7f) && !matches!(c, b'\n' | b'\r' | b'\t' | 0x0c) {
            table[b] |= CONTROL;
        }
        b += 1;
    }
    table
};

/// For each character below U+3000, an ASCII byte of the same class (see [`ASCII_CLASS`]; not
/// a digit), whose [`ASCII_STEP`] is then the character's own step (what [`Scan::other`]
/// does with it); 0xFF for the few without one. Below U+3000 no character is CJK or a CJK
/// comma or full stop, so the class says all `Scan::other` reads.
static STAND_INS: Lazy<Vec<u8>> = Lazy::new(|| {
    let stand_in = |class: u8| {
        (0u8..128)
            .find(|&b| ASCII_CLASS[usize::from(b)] == class && !b.is_ascii_digit())
            .unwrap_or(0xff)
    };
    (0..TABLE_END)
        .map(|u| match char::from_u32(u) {
            // (Their letters are counted apart: `Scan::other`.)
            Some(c) if !c.is_ascii() && !is_nospace_script(c) => stand_in(class_of(c)),
            _ => 0xff,
        })
        .collect()
});

/// The [`ASCII_CLASS`] bits of a character below U+3000, from the tests `Scan::other` makes.
fn class_of(c: char) -> u8 {
    let mut class = 0;
    if is_whitespace(c) {
        class |= SPACE;
    }
    if is_uppercase(c) {
        class |= UPPER;
    }
    if is_alphanumeric(c) {
        class |= ALNUM;
    }
    if is_terminal(c) {
        class |= TERMINAL;
    }
    if is_closing(c) {
        class |= CLOSING;
    }
    if matches!(c, '\u{80}'..='\u{9f}') {
        class |= CONTROL;
    }
    class
}

/// Bits of the scan state between ASCII bytes.
const IN_WORD: usize = 1;
const HAS_ALNUM: usize = 2;
const FIRST_UPPER: usize = 4;
const PREV_TERMINAL: usize = 8;

/// An [`ASCII_STEP`] entry holds what one byte adds to each count, in fields of
/// [`FIELD_BITS`] bits (words ended, capitalised words ended, sentence marks, commas), flags
/// of what the byte is (see [`SEEN_SHIFT`]), and in its top bits the next state already
/// shifted into a table index (`state << 7`): adding entries sums every count at once (the
/// bits above the fields overflow harmlessly), and the next entry's index is one shift and
/// an OR away.
const FIELD_BITS: u32 = 8;
const WORDS: u32 = 0;
const CAPS: u32 = 1;
const MARKS: u32 = 2;
const COMMAS: u32 = 3;
/// Where the shifted state starts: its 11 bits end at bit 63.
const STATE_SHIFT: u32 = 53;
/// Where an entry holds its byte's flags, between the fields and the state: its
/// [`SeenByte`] bit (the five ASCII ones), whether it is a digit or a control byte, and its
/// [`Letter`] bit. The scan ORs the entries into a separate word, so that a flag costs one OR
/// per byte for all of them (and no count: only their presence matters).
const SEEN_SHIFT: u32 = 32;
/// The [`SeenByte`] bits of ASCII bytes: `)`, `:`, `/`, `|` and `>`.
const ASCII_SEEN_MASK: u64 = 0x1f;
const DIGIT_FLAG: u64 = 1 << (SEEN_SHIFT + 5);
const CONTROL_FLAG: u64 = 1 << (SEEN_SHIFT + 6);
/// Where the [`Letter`] bits start among the flags.
const LETTER_SHIFT: u32 = SEEN_SHIFT + 7;
/// A byte that normalisation does more with than lowercase it (see
/// [`Stats::lowercase_only`]): a control byte, tab or line break, a backtick, or a space
/// at the start or after whitespace (the state has no word open).
const REWRITE_FLAG: u64 = 1 << (LETTER_SHIFT + 7);

/// ASCII letters (either case) whose presence [`Stats::letters`] records: cheap necessary
/// conditions for the searches of a few words in the normalised text.
#[derive(Debug, Clone, Copy)]
#[repr(u8)]
pub(crate) enum Letter {
    M = 1,
    Y = 2,
    P = 4,
    G = 8,
    H = 16,
    U = 32,
    C = 64,
}

/// The [`Letter`] bit of an ASCII byte (0 for the others).
const fn letter_bit(b: u8) -> u8 {
    match b.to_ascii_lowercase() {
        b'm' => Letter::M as u8,
        b'y' => Letter::Y as u8,
        b'p' => Letter::P as u8,
        b'g' => Letter::G as u8,
        b'h' => Letter::H as u8,
        b'u' => Letter::U as u8,
        b'c' => Letter::C as u8,
        _ => 0,
    }
}

/// ASCII bytes scanned between two flushes of the sums: no field can overflow.
const FLUSH_BYTES: usize = (1 << FIELD_BITS) - 1;

const fn one(field: u32) -> u64 {
    1 << (field * FIELD_BITS)
}

/// The count of one field in a sum of entries.
fn field(sum: u64, field: u32) -> u32 {
    (sum >> (field * FIELD_BITS) & ((1 << FIELD_BITS) - 1)) as u32
}

/// The scan as a table: for each state (4 bits) and ASCII byte, the next state and what the
/// byte adds. One load and one add per byte instead of the dozen bit operations of a step.
static ASCII_STEP: [u64; 16 * 128] = {
    let mut table = [0u64; 16 * 128];
    let mut state = 0;
    while state < 16 {
        let mut b = 0;
        while b < 128 {
            let rewritten =
                b < 0x20 || b == b'`' as usize || (b == b' ' as usize && state & IN_WORD == 0);
            table[state << 7 | b] = ascii_step(state, ASCII_CLASS[b])
                | (BYTE_SEEN[b] as u64) << SEEN_SHIFT
                | (letter_bit(b as u8) as u64) << LETTER_SHIFT
                | if rewritten { REWRITE_FLAG } else { 0 };
            b += 1;
        }
        state += 1;
    }
    table
};

/// One ASCII byte of class `class` read in `state`: a word ends at whitespace (counted when it
/// has a letter or digit), a sentence mark is a terminal, possibly followed by closing quotes,
/// then whitespace.
const fn ascii_step(state: usize, class: u8) -> u64 {
    let in_word = state & IN_WORD != 0;
    let has_alnum = state & HAS_ALNUM != 0;
    let first_upper = state & FIRST_UPPER != 0;
    let prev_terminal = state & PREV_TERMINAL != 0;
    let space = class & SPACE != 0;
    let starts = !space && !in_word;
    let ends = space && in_word && has_alnum;
    let mut out = 0u64;
    if ends {
        out += one(WORDS);
        if first_upper {
            out += one(CAPS);
        }
    }
    if space && prev_terminal {
        out += one(MARKS);
    }
    if class & COMMA != 0 {
        out += one(COMMAS);
    }
    if class & DIGIT != 0 {
        out |= DIGIT_FLAG;
    }
    if class & CONTROL != 0 {
        out |= CONTROL_FLAG;
    }
    let first_upper = if starts {
        class & UPPER != 0
    } else {
        first_upper
    };
    let has_alnum = (has_alnum && !starts) || class & ALNUM != 0;
    let prev_terminal =
        !space && (class & TERMINAL != 0 || (prev_terminal && class & CLOSING != 0));
    let mut next = 0;
    if !space {
        next |= IN_WORD;
    }
    if has_alnum {
        next |= HAS_ALNUM;
    }
    if first_upper {
        next |= FIRST_UPPER;
    }
    if prev_terminal {
        next |= PREV_TERMINAL;
    }
    out | ((next as u64) << 7) << STATE_SHIFT
}

fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '。' | '！' | '？' | '…' | '؟' | '।' | '॥' | '۔' | '။' | '።' | '։'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '」' | '』' | '）' | '“'
    )
}

/// What [`ascii_chunks`] read: how many bytes, the state after them, the sum and the OR of
/// their table entries.
struct AsciiRun {
    len: usize,
    at: usize,
    sum: u64,
    steps: u64,
}

/// One [`ASCII_STEP`] of the table scan: the byte's entry added to `sum` and ORed into
/// `steps`, the next state read from it.
#[inline(always)]
fn ascii_step_of(at: &mut usize, sum: &mut u64, steps: &mut u64, b: u8) {
    let step = ASCII_STEP[*at | usize::from(b & 0x7f)];
    *sum = sum.wrapping_add(step);
    *steps |= step;
    *at = (step >> STATE_SHIFT) as usize;
}

/// The scan's view of an ASCII byte for [`PAIR_STEP`] (its transitions and counts depend on
/// nothing else): space, uppercase letter, other letter or digit, sentence mark, closing
/// quote or bracket, other, comma.
const PAIR_CLASSES: usize = 7;
/// A byte of each of those classes with no flag of its own (see [`BYTE_STEP`]), whose
/// [`ASCII_STEP`] entries are those of every byte of its class but for the flags.
const CLASS_BYTES: [u8; PAIR_CLASSES] = [b' ', b'A', b'a', b'.', b'"', b'#', b','];

const fn pair_class(b: u8) -> u8 {
    let class = ASCII_CLASS[(b & 0x7f) as usize];
    if class & SPACE != 0 {
        0
    } else if class & UPPER != 0 {
        1
    } else if class & ALNUM != 0 {
        2
    } else if class & TERMINAL != 0 {
        3
    } else if class & CLOSING != 0 {
        4
    } else if class & COMMA != 0 {
        6
    } else {
        5
    }
}

/// Where a [`BYTE_STEP`] entry holds its byte's class twice (bits 58 to 63: the class shifted
/// by 3, then by 0, for the two halves of a [`PAIR_STEP`] index).
const BYTE_CLASS_SHIFT: u32 = 58;
/// Where a [`PAIR_STEP`] entry holds the next state as a [`PAIR_STEP`] index (`state << 6`).
const PAIR_STATE_SHIFT: u32 = 54;
/// The count fields of an [`ASCII_STEP`] entry.
const FIELDS: u64 = (1 << (4 * FIELD_BITS)) - 1;

/// What an ASCII byte adds to the scan whatever the state: its flags (those of
/// [`ASCII_STEP`] but the space's [`REWRITE_FLAG`], which depends on the state), and its
/// class for [`PAIR_STEP`]. Read from [`ASCII_STEP`] itself.
static BYTE_STEP: [u64; 128] = {
    let mut table = [0u64; 128];
    let mut b = 0;
    while b < 128 {
        let entry = ASCII_STEP[b];
        let flags =
            entry & (((1 << (REWRITE_FLAG.trailing_zeros() - SEEN_SHIFT)) - 1) << SEEN_SHIFT);
        let rewritten = b < 0x20 || b == b'`' as usize;
        let class = pair_class(b as u8) as u64;
        table[b] = flags
            | if rewritten { REWRITE_FLAG } else { 0 }
            | (class << 3 | class) << BYTE_CLASS_SHIFT;
        b += 1;
    }
    table
};

/// Two ASCII bytes of the table scan at once: for each state and pair of classes, what the
/// two [`ASCII_STEP`]s of the classes' [`CLASS_BYTES`] add to the counts (words, capitals,
/// marks, commas), the space's [`REWRITE_FLAG`], and the state after them (as the index of
/// the next pair). With [`BYTE_STEP`] for what each byte adds on its own, the scan takes one dependent
/// load per two bytes.
static PAIR_STEP: [u64; 16 * 64] = {
    let mut table = [0u64; 16 * 64];
    let mut state = 0;
    while state < 16 {
        let mut c1 = 0;
        while c1 < PAIR_CLASSES {
            let mut c2 = 0;
            while c2 < PAIR_CLASSES {
                let e1 = ASCII_STEP[state << 7 | CLASS_BYTES[c1] as usize];
                let s1 = (e1 >> STATE_SHIFT) as usize;
                let e2 = ASCII_STEP[s1 | CLASS_BYTES[c2] as usize];
                let s2 = (e2 >> STATE_SHIFT) as usize >> 7;
                table[state << 6 | c1 << 3 | c2] = ((e1 & FIELDS) + (e2 & FIELDS))
                    | ((e1 | e2) & REWRITE_FLAG)
                    | ((s2 << 6) as u64) << PAIR_STATE_SHIFT;
                c2 += 1;
            }
            c1 += 1;
        }
        state += 1;
    }
    table
};

/// One step of two ASCII bytes (see [`PAIR_STEP`]), `pair_at` being the state as a
/// [`PAIR_STEP`] index (`state << 6`).
#[inline(always)]
fn pair_step_of(pair_at: &mut usize, sum: &mut u64, steps: &mut u64, b1: u8, b2: u8) {
    let (x1, x2) = (
        BYTE_STEP[usize::from(b1 & 0x7f)],
        BYTE_STEP[usize::from(b2 & 0x7f)],
    );
    // The bits of `steps` other than the flags are never read: entries are ORed whole.
    *steps |= x1 | x2;
    let classes =
        (x1 >> BYTE_CLASS_SHIFT) as usize & 0x38 | (x2 >> (BYTE_CLASS_SHIFT + 3)) as usize;
    let step = PAIR_STEP[(*pair_at | classes) & (16 * 64 - 1)];
    // Likewise the bits of `sum` above the count fields.
    *sum = sum.wrapping_add(step);
    *steps |= step;
    *pair_at = (step >> PAIR_STATE_SHIFT) as usize;
}

/// The table scan over all of `bytes` (ASCII) from the state `at` (an [`ASCII_STEP`] index,
/// `state << 7`), two bytes per step (see [`PAIR_STEP`]), an odd last byte alone.
#[inline(always)]
fn ascii_chain(bytes: &[u8], at: usize) -> (usize, u64, u64) {
    let (mut sum, mut steps) = (0u64, 0u64);
    let mut pair_at = at >> 1;
    let pairs = bytes.chunks_exact(2);
    let rest = pairs.remainder();
    for pair in pairs {
        if let [b1, b2] = *pair {
            pair_step_of(&mut pair_at, &mut sum, &mut steps, b1, b2);
        }
    }
    let mut at = pair_at << 1;
    for &b in rest {
        ascii_step_of(&mut at, &mut sum, &mut steps, b);
    }
    (at, sum, steps)
}

/// The table scan of [`Stats::of`] over the leading ASCII bytes of `bytes`, from the state
/// `at`, up to the first non-ASCII byte: eight-byte chunks while they are all ASCII (four
/// [`PAIR_STEP`]s each, no test per byte), then the ASCII bytes before the next non-ASCII
/// one. `bytes` must be at most [`FLUSH_BYTES`] long, so that no field of the sum overflows.
#[inline(always)]
fn ascii_chunks(bytes: &[u8], at: usize) -> AsciiRun {
    let (mut sum, mut steps) = (0u64, 0u64);
    let mut pair_at = at >> 1;
    let mut len = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(&[b0, b1, b2, b3, b4, b5, b6, b7]) = <&[u8; 8]>::try_from(chunk) else {
            break;
        };
        if u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        pair_step_of(&mut pair_at, &mut sum, &mut steps, b0, b1);
        pair_step_of(&mut pair_at, &mut sum, &mut steps, b2, b3);
        pair_step_of(&mut pair_at, &mut sum, &mut steps, b4, b5);
        pair_step_of(&mut pair_at, &mut sum, &mut steps, b6, b7);
        len += 8;
    }
    let rest = bytes.get(len..).unwrap_or_default();
    let ascii = rest
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(rest.len());
    let (at, rest_sum, rest_steps) =
        ascii_chain(rest.get(..ascii).unwrap_or_default(), pair_at << 1);
    AsciiRun {
        len: len + ascii,
        at,
        sum: sum.wrapping_add(rest_sum),
        steps: steps | rest_steps,
    }
}

impl Stats {
    pub(crate) fn of(text: &str) -> Stats {
        let mut s = Stats::default();
        let bytes = text.as_bytes();
        let mut scan = Scan::default();
        // ASCII bytes go through the table with the state in a register (as the table index
        // `state << 7`); the state goes through `Scan` only around the rare non-ASCII
        // characters.
        let mut at = 0usize;
        // Characters, counted in the same pass (one per ASCII byte or decoded character).
        let mut chars = 0usize;
        let mut seen = 0u16;
        // The OR of the ASCII bytes' table entries: their `SeenByte` bits (see `SEEN_SHIFT`).
        let mut steps = 0u64;
        let mut i = 0;
        let mut stand_ins: Option<&[u8]> = None;
        while i < bytes.len() {
            let stop = bytes.len().min(i + FLUSH_BYTES);
            let mut sum = 0u64;
            while i < stop {
                // The ASCII bytes up to the next non-ASCII one, in a loop of their own (see
                // `ascii_chunks`).
                let run = ascii_chunks(bytes.get(i..stop).unwrap_or_default(), at);
                i += run.len;
                chars += run.len;
                at = run.at;
                sum = sum.wrapping_add(run.sum);
                steps |= run.steps;
                let Some(&b) = bytes.get(i).filter(|_| i < stop) else {
                    break;
                };
                chars += 1;
                // The lead byte and the continuation bytes (read straight from the text for
                // two- and three-byte characters, as `decode_at` decodes them).
                seen |= BYTE_SEEN[usize::from(b)];
                let Some((c, len)) = decode_at(text, i) else {
                    i = bytes.len();
                    break;
                };
                let byte_seen =
                    |k: usize| bytes.get(i + k).map_or(0, |&b| BYTE_SEEN[usize::from(b)]);
                seen |= match len {
                    2 => byte_seen(1),
                    3 => byte_seen(1) | byte_seen(2),
                    _ => (1..len).fold(0, |acc, k| acc | byte_seen(k)),
                };
                i += len;
                // Below U+3000 (Latin, Greek, Cyrillic, punctuation...) a character takes the
                // step of an ASCII byte of its class; the rest go through `Scan::other`. (The
                // table is looked up once per text.)
                let stand_ins = *stand_ins.get_or_insert_with(|| STAND_INS.as_slice());
                match stand_ins.get(c as usize) {
                    Some(&b) if b.is_ascii() => {
                        let step = ASCII_STEP[at | usize::from(b)];
                        sum = sum.wrapping_add(step);
                        // The stand-in's byte flags are not the character's; its class is
                        // (a C1 control is a control).
                        steps |= step & CONTROL_FLAG;
                        at = (step >> STATE_SHIFT) as usize;
                    }
                    _ => {
                        let Some(c) = char::from_u32(c) else {
                            continue;
                        };
                        scan.set_bits(at >> 7);
                        scan = scan.other(c);
                        at = scan.bits() << 7;
                    }
                }
            }
            scan.words += field(sum, WORDS);
            scan.caps += field(sum, CAPS);
            scan.sentence_marks += field(sum, MARKS);
            scan.commas += field(sum, COMMAS);
        }
        scan.set_bits(at >> 7);
        s.has_digit = steps & DIGIT_FLAG != 0;
        s.may_have_junk = scan.junk || steps & CONTROL_FLAG != 0;
        s.bytes_seen = seen | ((steps >> SEEN_SHIFT) & ASCII_SEEN_MASK) as u16;
        s.letters = (steps >> LETTER_SHIFT) as u8 & 0x7f;
        s.lowercase_only = seen & SeenByte::NonAscii as u16 == 0 && steps & REWRITE_FLAG == 0;
        let Scan {
            in_word,
            word_has_alnum,
            word_first_upper,
            prev_terminal,
            mut words,
            mut caps,
            cjk,
            nospace,
            ..
        } = scan;
        s.commas = scan.commas;
        s.sentence_marks = scan.sentence_marks;
        if in_word && word_has_alnum {
            words += 1;
            if word_first_upper {
                caps += 1;
            }
        }
        let plain = chars as u32 - cjk;
        // The last character that is not a closing quote, and whether the text ends with an
        // ellipsis (a cut-off teaser, not the end of a sentence). Most texts end with an ASCII
        // byte that is neither whitespace nor a closing quote: it is that character, and no
        // search from the back is needed.
        let (tail, cut_off) = match bytes.last() {
            Some(&b)
                if b.is_ascii()
                    && !matches!(b, b'\t'..=b'\r' | b' ' | b'"' | b'\'' | b')' | b']') =>
            {
                (Some(char::from(b)), bytes.ends_with(b"..."))
            }
            _ => {
                let trimmed = text.trim_end();
                let tail = trimmed.chars().rev().find(|&c| !is_closing(c));
                (tail, trimmed.ends_with('…') || trimmed.ends_with("..."))
            }
        };
        s.ends_sentence = !cut_off && tail.is_some_and(|c| is_terminal(c) || c == ':')
            || nospace >= NOSPACE_SENTENCE_MIN_CHARS && 2 * nospace as usize > chars;
        if prev_terminal && !matches!(tail, Some('。' | '！' | '？')) {
            s.sentence_marks += 1;
        }
        s.weight = plain as f32 + CJK_WEIGHT * cjk as f32;
        s.words = words as f32 + cjk as f32 / 2.0 + nospace as f32 / NOSPACE_CHARS_PER_WORD;
        s.capitalised = if words > 0 {
            caps as f32 / words as f32
        } else {
            0.0
        };
        s
    }

    /// Looks like running prose: long enough and built of sentences.
    pub(crate) fn is_prose(&self, min_weight: f32) -> bool {
        self.weight >= min_weight && (self.ends_sentence || self.sentence_marks >= 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_sentences_and_words() {
        let s = Stats::of("One two three. Four five six! Seven?");
        assert_eq!(s.words, 7.0);
        assert_eq!(s.sentence_marks, 3);
        assert!(s.ends_sentence);
    }

    #[test]
    fn closing_quote_after_period_still_ends_sentence() {
        assert!(Stats::of("He said “no.”").ends_sentence);
        assert!(!Stats::of("A headline without a stop").ends_sentence);
    }

    #[test]
    fn cjk_text_has_weight_and_sentences_without_spaces() {
        let s = Stats::of("东京电力公司周三表示，核电站的处理水将于明年排放。政府已批准该计划。");
        assert!(s.weight > 80.0);
        assert_eq!(s.sentence_marks, 2);
        assert!(s.ends_sentence);
        assert!(s.commas >= 1);
    }

    #[test]
    fn alphanumeric_table_agrees_above_u3000() {
        for u in 0x3000..0x11_0000 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{u:x}");
        }
    }

    #[test]
    fn tables_agree_with_the_standard_library() {
        for u in (0..0x3100).chain([0x1_0000, 0x1_D400]) {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{u:x}");
            assert_eq!(is_whitespace(c), c.is_whitespace(), "{u:x}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{u:x}");
        }
    }

    /// Checks `Stats::of(t)` against every character through `Scan::other` (ASCII commas
    /// counted apart).
    fn check_against_character_scan(t: &str) {
        let reference = |t: &str| {
            let mut scan = Scan::default();
            for c in t.chars() {
                scan = scan.other(c);
                scan.commas += u32::from(matches!(c, ',' | ';'));
            }
            scan
        };
        let s = Stats::of(t);
        let mut r = reference(t);
        if r.in_word && r.word_has_alnum {
            r.words += 1;
            r.caps += u32::from(r.word_first_upper);
        }
        let words = r.words as f32 + r.cjk as f32 / 2.0 + r.nospace as f32 / NOSPACE_CHARS_PER_WORD;
        assert_eq!(s.words, words, "{t:?}");
        assert_eq!(s.commas, r.commas, "{t:?}");
        let tail_mark = u32::from(r.prev_terminal && !t.trim_end().ends_with(['。', '！', '？']));
        assert_eq!(s.sentence_marks, r.sentence_marks + tail_mark, "{t:?}");
        let caps = if r.words > 0 {
            r.caps as f32 / r.words as f32
        } else {
            0.0
        };
        assert_eq!(s.capitalised, caps, "{t:?}");
        assert_eq!(s.has_digit, t.bytes().any(|b| b.is_ascii_digit()), "{t:?}");
        let seen = t.bytes().fold(0, |acc, b| acc | BYTE_SEEN[usize::from(b)]);
        assert_eq!(s.bytes_seen, seen, "{t:?}");
        let letters = t
            .bytes()
            .filter(u8::is_ascii)
            .fold(0, |acc, b| acc | letter_bit(b));
        assert_eq!(s.letters, letters, "{t:?}");
        let b = t.as_bytes();
        let rewritten = !t.is_ascii()
            || b.iter().any(|&c| c < 0x20 || c == b'`')
            || b.first() == Some(&b' ')
            || b.windows(2)
                .any(|w| w[1] == b' ' && w[0].is_ascii_whitespace());
        assert_eq!(s.lowercase_only, !rewritten, "{t:?}");
        if s.lowercase_only && t.len() <= crate::classify::lexicon::MAX_MATCH_BYTES {
            let mut lower = t.to_ascii_lowercase();
            if lower.ends_with(' ') {
                lower.pop();
            }
            assert_eq!(
                crate::classify::lexicon::normalise_untrimmed(t),
                lower,
                "{t:?}"
            );
        }
        let (control, replaced) = crate::text::junk_percent(t, usize::MAX);
        assert_eq!(s.may_have_junk, control + replaced > 0.0, "{t:?}");
    }

    #[test]
    fn table_scan_matches_the_character_scan() {
        let long = "Word, another; \"Quoted.\" (Aside!) ".repeat(200);
        // Every character below U+3000 after a letter, a space and a full stop.
        let sweep: String = (0x80..0x3100)
            .filter_map(char::from_u32)
            .flat_map(|c| ['a', c, ' ', '.', c, 'Z', c])
            .collect();
        for t in [
            "",
            "Plain words. Two sentences!",
            "“Hello,” she said. «Oui.» Done?",
            "Café crème 2021, naïve—résumé… end",
            "tab\tand\x0bvertical\x0cform\u{1}ctl \u{85} \u{fffd}",
            "东京，大阪。 Tokyo. Ёлка Ёж",
            "Home › News » World / Asia | (c) © 2021 → a:b>c",
            "Plain ASCII line, with Capitals: and (parens) ",
            " leading space",
            "two  spaces",
            "tab\there",
            "back`tick",
            &sweep,
            long.as_str(),
        ] {
            check_against_character_scan(t);
        }
    }

    #[test]
    fn pair_steps_equal_two_byte_steps() {
        // Every state and every pair of ASCII bytes: the same next state, counts and flags.
        let flags = ((1u64 << (REWRITE_FLAG.trailing_zeros() + 1)) - 1) & !FIELDS;
        for state in 0..16 {
            for b1 in 0..128u8 {
                for b2 in 0..128u8 {
                    let (mut at, mut sum, mut steps) = (state << 7, 0, 0);
                    ascii_step_of(&mut at, &mut sum, &mut steps, b1);
                    ascii_step_of(&mut at, &mut sum, &mut steps, b2);
                    let (mut pair_at, mut pair_sum, mut pair_steps) = (state << 6, 0, 0);
                    pair_step_of(&mut pair_at, &mut pair_sum, &mut pair_steps, b1, b2);
                    assert_eq!(pair_at << 1, at, "{state} {b1} {b2}");
                    assert_eq!(pair_sum & FIELDS, sum & FIELDS, "{state} {b1} {b2}");
                    assert_eq!(pair_steps & flags, steps & flags, "{state} {b1} {b2}");
                }
            }
        }
    }

    #[test]
    fn pair_scan_matches_the_character_scan_on_random_texts() {
        // ASCII bytes are scanned two at a time (see `PAIR_STEP`), eight-byte chunks first:
        // random texts of the bytes every state bit reacts to, with non-ASCII characters
        // now and then, at every length up to past the flush length.
        let pieces = [
            " ", "  ", "\t", "\n", "\x0b", "a", "Z", "7", ".", "!", "?", "\"", "'", ")", "]", ",",
            ";", ":", "/", "|", ">", "`", "\u{1}", "\x7f", "My", "Cap", "word", "é", "’", "»",
            "。", "东", "\u{a0}", "\u{85}", "…",
        ];
        let mut next = crate::test_rng::below(0x2545_f491_4f6c_dd1du64);
        for round in 0..4000 {
            let target = round % 600;
            // Mostly ASCII, so that long ASCII runs occur.
            let ascii_only = round % 3 != 0;
            let mut t = String::new();
            while t.len() < target {
                let p = pieces[next(pieces.len())];
                if ascii_only && !p.is_ascii() {
                    continue;
                }
                t.push_str(p);
            }
            check_against_character_scan(&t);
        }
    }

    #[test]
    fn decodes_like_chars() {
        let text: String = (0x80..0x3100)
            .chain([0xfffd, 0xffff, 0x1_0000, 0x1_d400, 0x10_ffff])
            .filter_map(char::from_u32)
            .flat_map(|c| ['a', c])
            .collect();
        for (i, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            assert_eq!(
                decode_at(&text, i),
                Some((u32::from(c), c.len_utf8())),
                "{c:?}"
            );
        }
        assert_eq!(decode_at("é", 1), None);
        assert_eq!(decode_at("é", 2), None);
    }

    #[test]
    fn trim_matches_the_standard_library() {
        for b in 0u8..128 {
            assert_eq!(
                char::from(b).is_whitespace(),
                matches!(b, b'\t'..=b'\r' | b' '),
                "{b:x}"
            );
        }
        for t in [
            "",
            " ",
            "a",
            " a ",
            "a\u{a0}",
            "\u{3000}b",
            "x y",
            "\tq\r",
            "é",
            "\u{85}",
        ] {
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
    }

    #[test]
    fn capitalised_share_of_title_case() {
        assert!(Stats::of("Latest News From Top Stories").capitalised > 0.9);
        assert!(Stats::of("the cat sat on the mat").capitalised < 0.1);
    }
}
