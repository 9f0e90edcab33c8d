//! Language detection for documents that do not declare theirs (text mode, HTML without
//! `<html lang>` or a language meta tag), with `whatlang` on the start of the kept text.

use crate::rules::thresholds::LANGUAGE_SAMPLE_BYTES;

/// The ISO 639-1 code of the language of `text`, when the detector is confident; `None` for
/// short or mixed text and for languages without a two-letter code.
pub(crate) fn detect<'a>(blocks: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut sample = String::new();
    for block in blocks {
        if sample.len() >= LANGUAGE_SAMPLE_BYTES {
            break;
        }
        let room = LANGUAGE_SAMPLE_BYTES - sample.len();
        let mut cut = block.len().min(room);
        while !block.is_char_boundary(cut) {
            cut -= 1;
        }
        sample.push_str(&block[..cut]);
        sample.push('\n');
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso_639_1(info.lang().code()).map(str::to_string)
}

/// ISO 639-3 codes of the languages `whatlang` knows, as ISO 639-1 codes.
fn iso_639_1(code: &str) -> Option<&'static str> {
    ISO_639_3_TO_1
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| *two)
}

const ISO_639_3_TO_1: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_detected_with_two_letter_codes() {
        let cases = [
            ("en", "The government approved a bill on Tuesday that aims to speed up the development of renewable energy across the country."),
            ("de", "Die Regierung hat am Dienstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen, das ab dem kommenden Jahr gelten soll."),
            ("pl", "Rząd przyjął we wtorek projekt ustawy, który ma przyspieszyć rozwój odnawialnych źródeł energii w całym kraju."),
            ("ru", "Правительство во вторник одобрило законопроект, который должен ускорить развитие возобновляемой энергетики по всей стране."),
        ];
        for (code, text) in cases {
            assert_eq!(detect([text].into_iter()).as_deref(), Some(code), "{text}");
        }
    }

    #[test]
    fn too_little_text_detects_nothing_and_every_code_maps() {
        assert_eq!(detect(["ok"].into_iter()), None);
        assert_eq!(detect(std::iter::empty()), None);
        for lang in whatlang::Lang::all() {
            assert!(iso_639_1(lang.code()).is_some(), "{}", lang.code());
        }
    }

    #[test]
    fn the_sample_is_cut_at_a_character_boundary() {
        let long = "ü".repeat(LANGUAGE_SAMPLE_BYTES);
        let _ = detect([long.as_str(), "more"].into_iter());
    }
}
