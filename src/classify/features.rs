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
}

/// How many characters one CJK character counts as.
pub(crate) const CJK_WEIGHT: f32 = 3.0;

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

/// `char::is_alphanumeric`, by table for most characters.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    below_cjk(c, 1, char::is_alphanumeric)
}

/// `char::is_whitespace`, by table for most characters.
pub(crate) fn is_whitespace(c: char) -> bool {
    below_cjk(c, 2, char::is_whitespace)
}

/// `char::is_uppercase`, by table for most characters.
pub(crate) fn is_uppercase(c: char) -> bool {
    below_cjk(c, 4, char::is_uppercase)
}

/// The running state of [`Stats::of`]'s scan, small enough to stay in registers.
#[derive(Debug, Clone, Copy, Default)]
struct Scan {
    in_word: bool,
    word_has_alnum: bool,
    word_first_upper: bool,
    prev_terminal: bool,
    words: u32,
    caps: u32,
    cjk: u32,
    commas: u32,
    sentence_marks: u32,
}

impl Scan {
    /// One non-ASCII character.
    #[inline(never)]
    fn other(mut self, c: char) -> Scan {
        let c_is_cjk = is_cjk(c);
        self.cjk += u32::from(c_is_cjk);
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
}

/// Classes of ASCII bytes for [`Stats::of`]: the ASCII answers of `char::is_whitespace`,
/// `is_uppercase`, `is_alphanumeric`, [`is_terminal`], [`is_closing`] and the comma test.
const SPACE: u8 = 1;
const UPPER: u8 = 2;
const ALNUM: u8 = 4;
const TERMINAL: u8 = 8;
const CLOSING: u8 = 16;
const COMMA: u8 = 32;

static ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = match c {
            b' ' | b'\t'..=b'\r' => SPACE,
            b'A'..=b'Z' => UPPER | ALNUM,
            b'a'..=b'z' | b'0'..=b'9' => ALNUM,
            b'.' | b'!' | b'?' => TERMINAL,
            b'"' | b'\'' | b')' | b']' => CLOSING,
            b',' | b';' => COMMA,
            _ => 0,
        };
        b += 1;
    }
    table
};

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '…' | '؟' | '।')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '」' | '』' | '）' | '“'
    )
}

impl Stats {
    pub(crate) fn of(text: &str) -> Stats {
        let mut s = Stats::default();
        let bytes = text.as_bytes();
        let mut scan = Scan::default();
        // The ASCII steps work on plain integers (0 or 1) held in registers; the state goes
        // through `Scan` only around the rare non-ASCII characters. Same steps as
        // [`Scan::other`], without branches (mispredicted branches on word boundaries
        // dominate otherwise).
        let (mut in_word, mut has_alnum, mut first_upper, mut prev_terminal) = (0u32, 0, 0, 0);
        let (mut words, mut caps, mut commas, mut marks) = (0u32, 0, 0, 0);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                i += 1;
                let class = u32::from(ASCII_CLASS[usize::from(b)]);
                let space = class & u32::from(SPACE);
                let not_space = space ^ 1;
                let starts = not_space & (in_word ^ 1);
                let ends = space & in_word & has_alnum;
                commas += (class >> COMMA.trailing_zeros()) & 1;
                marks += space & prev_terminal;
                words += ends;
                caps += ends & first_upper;
                let upper = (class >> UPPER.trailing_zeros()) & 1;
                first_upper = (first_upper & (starts ^ 1)) | (starts & upper);
                has_alnum = (has_alnum & (starts ^ 1)) | ((class >> ALNUM.trailing_zeros()) & 1);
                let terminal = (class >> TERMINAL.trailing_zeros()) & 1;
                let closing = (class >> CLOSING.trailing_zeros()) & 1;
                prev_terminal = not_space & (terminal | (prev_terminal & closing));
                in_word = not_space;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            scan.in_word = in_word != 0;
            scan.word_has_alnum = has_alnum != 0;
            scan.word_first_upper = first_upper != 0;
            scan.prev_terminal = prev_terminal != 0;
            scan = scan.other(c);
            in_word = u32::from(scan.in_word);
            has_alnum = u32::from(scan.word_has_alnum);
            first_upper = u32::from(scan.word_first_upper);
            prev_terminal = u32::from(scan.prev_terminal);
        }
        scan.in_word = in_word != 0;
        scan.word_has_alnum = has_alnum != 0;
        scan.word_first_upper = first_upper != 0;
        scan.prev_terminal = prev_terminal != 0;
        scan.words += words;
        scan.caps += caps;
        scan.commas += commas;
        scan.sentence_marks += marks;
        let Scan {
            in_word,
            word_has_alnum,
            word_first_upper,
            prev_terminal,
            mut words,
            mut caps,
            cjk,
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
        let plain = text.chars().count() as u32 - cjk;
        let tail = text.trim_end().chars().rev().find(|&c| !is_closing(c));
        let trimmed = text.trim_end();
        // A trailing ellipsis marks a cut-off teaser, not the end of a sentence.
        let cut_off = trimmed.ends_with('…') || trimmed.ends_with("...");
        s.ends_sentence = !cut_off && tail.is_some_and(|c| is_terminal(c) || c == ':');
        if prev_terminal && !matches!(tail, Some('。' | '！' | '？')) {
            s.sentence_marks += 1;
        }
        s.weight = plain as f32 + CJK_WEIGHT * cjk as f32;
        s.words = words as f32 + cjk as f32 / 2.0;
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
    fn tables_agree_with_the_standard_library() {
        for u in (0..0x3100).chain([0x1_0000, 0x1_D400]) {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{u:x}");
            assert_eq!(is_whitespace(c), c.is_whitespace(), "{u:x}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{u:x}");
        }
    }

    #[test]
    fn capitalised_share_of_title_case() {
        assert!(Stats::of("Latest News From Top Stories").capitalised > 0.9);
        assert!(Stats::of("the cat sat on the mat").capitalised < 0.1);
    }
}
