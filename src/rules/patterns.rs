//! Regular expressions, compiled once. Each is applied only to short blocks.

use once_cell::sync::Lazy;
use regex::Regex;

fn compile(pattern: &str) -> Regex {
    // The patterns are constants of this module, checked by the tests below.
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in pattern {pattern}: {e}"))
}

/// The parts of a reading time, shared by [`READING_TIME`] and [`READING_TIME_IN_LINE`]: an
/// optional label ("Lesezeit:", "Temps de lecture :"), a number, a unit, an optional "read".
const READING_TIME_LABEL: &str = r"(?:(?:estimated )?(?:reading time|read time|time to read|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura|leestijd|czas czytania|время чтения|阅读时间|読了時間|lectura|lettura|leitura|lecture|read more|continue reading|weiterlesen|lire la suite|leer más|seguir leyendo|leggi tutto|continua a leggere|lees verder|czytaj dalej|czytaj więcej|ler mais|continuar lendo|читать далее)\W*)?";
const READING_TIME_AMOUNT: &str = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:-|–)?\s*(?:min\.?|mins\.?|minutes?|minuten|minutos?|minuti|minuut|minut[ay]?|мин\.?|минут[аы]?|分钟?)";
const READING_TIME_READ: &str = r"(?:read|reading|lesezeit|lesen|de lecture|de lectura|de leitura|di lettura|leestijd|czytania|чтения|阅读|で読めます)";

/// A reading-time label: "5 mins read", "Lesezeit: 3 Min.", "Temps de lecture : 4 min".
pub static READING_TIME: Lazy<Regex> = Lazy::new(|| {
    compile(&format!(
        r"(?i)^\W*{READING_TIME_LABEL}(?:about |approx\.? |ca\.? |~|≈)?{READING_TIME_AMOUNT}\s*{READING_TIME_READ}?\W*$"
    ))
});

/// A relative time, with or without a label: "Updated 2 hours ago", "vor 3 Stunden",
/// "il y a 2 heures", "hace 2 horas", "Atualizado há 2 horas", "2 ore fa", "5 godzin temu",
/// "2 uur geleden".
pub static RELATIVE_TIME: Lazy<Regex> = Lazy::new(|| {
    compile(
        r"(?i)^\W*(?:[\p{L}.]+\s+){0,3}?(?:\d{1,3}\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)\s+ago|vor\s+\d{1,3}\s*(?:sekunden|minuten|min\.?|stunden|std\.?|tagen|wochen|monaten)|il\s+y\s+a\s+\d{1,3}\s*(?:secondes?|minutes?|min|heures?|h|jours?|semaines?|mois)|(?:hace|há)\s+\d{1,3}\s*(?:segundos?|minutos?|min|horas?|h|días?|dias?|semanas?|meses?)|\d{1,3}\s*(?:secondi|minuti|min|ore|ora|giorni|giorno|settimane|mesi)\s+fa|\d{1,3}\s*(?:sekund[y]?|minut[ay]?|min\.?|godzin[ay]?|godz\.?|dni|dzień|tygodni[e]?|miesięcy)\s+temu|\d{1,3}\s*(?:seconden|minuten|min|uur|uren|dagen|dag|weken|maanden)\s+geleden)\W*$",
    )
});

/// A time of day on a relative day, the date line of a story published lately: "Today,
/// 17:40", "Heute, 14:32 Uhr", "Wczoraj o 09:15", "Сегодня в 11:20", "Šodien, 17:40". Its
/// date needs the day the page was fetched: the line is a label, not the published date.
pub static RELATIVE_DAY_TIME: Lazy<Regex> = Lazy::new(|| {
    compile(&format!(
        r"(?i)^\W*(?:{})\s*[,|·•\-–]?\s*(?:at|um|à|a las|às|alle|om|o|в|о|v|ve|plkst\.?|kl\.?|klo)?\s*\d{{1,2}}[:.h]\d{{2}}(?:\s*(?:uhr|h|am|pm|godz\.?))?\W*$",
        super::phrases::RELATIVE_DAYS.join("|")
    ))
});

/// A reading time inside a line: "December 18, 2025 · 3 min read".
pub static READING_TIME_IN_LINE: Lazy<Regex> = Lazy::new(|| {
    compile(&format!(
        r"(?i){READING_TIME_LABEL}\b{READING_TIME_AMOUNT}(?:\s*{READING_TIME_READ})?"
    ))
});

/// A caption that opens with a credit label: "Photo: Reuters", "Foto: dpa/...".
pub static CAPTION_LEAD: Lazy<Regex> = Lazy::new(|| {
    compile(
        r"(?i)^\W*(?:photo|photos|image|picture|pic|foto|fotos|bild|zdjęcie|fot\.|фото|imagen|imagem|immagine|crédit photo|photo credit|image credit)\s*(?:credit|courtesy|by)?\s*(?:[:|©]|(?:copyright|source),?\s+[^.!?]{1,60}$)",
    )
});

/// A caption that ends with a credit: "... (AFP photo)", "... Photo: Reuters", "... / Getty Images".
pub static CAPTION_TAIL: Lazy<Regex> = Lazy::new(|| {
    // The credit word closes the parenthesis ("(AFP photo)") or comes before an attribution
    // ("(AP Photo/Jane Roe)", "(Photo by ...)"); "(page images at ...)" describes, not credits.
    compile(
        r"(?i)(?:\((?:[^()]{0,60}?\b)?(?:photo|photos|image|images|picture|pic|credit|foto|fotos|bild|zdjęcie|fot\.|фото|imagen|imagem|immagine|file photo|illustration|screengrab|video grab)\s*(?:\)|(?:[/:©]|\b(?:by|courtesy|credit|via|from|source|copyright|von|par|por|de|di|z)\b)[^()]{0,60}\))|(?:photo|foto|bild|image|imagen|imagem|zdjęcie|фото|credit)s?\s*(?:credit)?\s*:\s*[^.!?]{1,60}|[/|]\s*getty images|©\s*[^.!?]{1,60})(?:cc[ -]by[a-z -]{0,9}\d\.\d)?\s*\.?\s*$",
    )
});

/// A caption that ends with a credit after a slash: a news agency ("JEAN DUPONT / AFP",
/// "Jan Kowalski/PAP") or "Fot." and its source ("Fot. PAP/Jan Kowalski"). Kept apart from
/// [`CAPTION_TAIL`], whose every run it would slow down, and run only on lines with a slash.
/// The agencies are `phrases::NEWS_AGENCIES`.
pub static CAPTION_SLASH_CREDIT: Lazy<Regex> = Lazy::new(|| {
    compile(&format!(
        r"(?i)(?:\bfot\.\s*[^.!?/]{{1,30}}/[^.!?]{{1,40}}|[/|]\s*(?:{})\b(?:\s*/\s*[^.!?/]{{1,40}}|\s+photos?|\s+images)?)\s*\.?\s*$",
        super::phrases::NEWS_AGENCIES.join("|")
    ))
});

/// An author line: "By Jane Doe", "Von Max Mustermann", "Par Jean Dupont | AFP".
pub static BYLINE: Lazy<Regex> = Lazy::new(|| {
    compile(
        r"^(?i:by|written by|words by|story by|reported by|von|par|por|di|door|przez|autor|autorin|auteur|autore|автор|авторы|autors|autori|autorius|autoři|szerző|yazar|författare|forfatter|author)\s*:?\s+\p{Lu}[\p{L}'’.\-]*(?:[\s,&]+(?:(?i:and|und|et|y|e|en|i|и|un|ir|a|és|ve|och|og)\s+)?\p{Lu}[\p{L}'’.\-]*){0,6}\s*(?:[|,–\-]\s*[\p{L}\s.]{0,40}|\([^()]{1,80}\))?$",
    )
});

/// A wire story's closing credits: "(Reporting by Jane Doe; Editing by John Roe)",
/// "Additional reporting by ...", "Jane Doe contributed to this report.", "Mit Material
/// von dpa", "Avec AFP".
pub static CREDIT_LINE: Lazy<Regex> = Lazy::new(|| {
    compile(
        r"(?i)^\(?\s*(?:(?:additional|further|with)\s+)?(?:reporting|editing|writing)\s+by\b|^\(?\s*(?:mit material (?:von|der|des)|mitarbeit\s*:|avec (?:l'afp|afp|reuters|ap)\b\s*\)?\s*$)|\bcontributed(?:\s+reporting|\s+to\s+this\s+(?:report|story|article))(?:\s+(?:from|in)\s+[\p{L} .,-]{1,40})?\s*\.?\s*\)?$",
    )
});

/// A gallery's position label: "Image 1 of 5", "1 of 6", "1 - 5 of 36", "Bild 2 von 8".
pub static GALLERY_COUNTER: Lazy<Regex> = Lazy::new(|| {
    compile(
        r"(?i)^(?:(?:image|photo|picture|slide|bild|foto|photo|zdjęcie|фото|imagen|immagine)\s+)?\d+(?:\s*[-–]\s*\d+)?\s*(?:of|von|de|di|z|из|sur|/)\s*\d+$",
    )
});

/// A follow prompt naming the outlet: "Follow RT on", "Follow Newsbeat on Instagram",
/// "Suivez Le Monde sur X" (a name, not "the steps", between the verb and the network).
pub static FOLLOW_PROMPT: Lazy<Regex> = Lazy::new(|| {
    compile(
        r"^(?i:follow|folgen sie|folge|suivez|seguici|síguenos|obserwuj)\s+(?:(?i:us|uns|nous)|[@\p{Lu}]\S*(?:\s+[\p{Lu}\p{N}]\S*){0,3})\s+(?i:on|auf|sur|su|en|na)\b",
    )
});

/// A taxonomy line: "Tags: a, b, c", "Tags calendario, stock car", "Filed under: Politics",
/// "Schlagwörter: ...". A label, then a colon and a list, or a list of three or more
/// comma-separated items without sentence punctuation (prose that opens with "Categories
/// of risk include a, b and c." is not one).
pub static TAXONOMY_LINE: Lazy<Regex> = Lazy::new(|| {
    compile(
        r"^(?i:tags?|tagged(?: with)?|getaggt(?: mit)?|verschlagwortet(?: mit)?|abgelegt unter|categor(?:y|ies)|filed under|posted in|schlagw(?:ö|o)rte?r?|stichw(?:ö|o)rter|kategorien?|étiquettes|mots[- ]clés|catégories?|etiquetas|categor(?:ía|ia|ias|ías)|tagi|kategori[ae]|parole chiave|trefwoorden|теги|метки|рубрик[аи])(?:\s*:\s+\S.{0,300}|\s+[^,:.!?]{1,60}(?:,[^,:.!?]{1,60}){2,})$",
    )
});

/// The head of one reader comment: "jane_doe says:", "Max schreibt:".
pub static COMMENT_HEAD: Lazy<Regex> = Lazy::new(|| {
    compile(
        r"(?i)^[\p{L}\p{N}_.\-@]+(?: [\p{L}\p{N}_.\-@]+){0,3}\s+(?:says|said|wrote|writes|commented|replied|schreibt|sagt|schrieb|dit|a dit|écrit|a écrit|dice|escribió|escribe|diz|disse|escreveu|scrive|ha scritto|zegt|schreef|pisze|napisał|napisała|пишет|написал|написала)\s*:?$",
    )
});

/// A comment count that opens the comment section: "34 responses to “...”", "12 Kommentare".
pub static COMMENT_COUNT: Lazy<Regex> = Lazy::new(|| {
    compile(
        r"(?i)^[\[(]?\s*(?:\d+|one|no)\s+(?:responses?|comments?|replies|thoughts|reactions?|kommentare?|commentaires?|comentarios?|comentários?|commenti|reacties|komentarz[ey]?|комментари[йея]в?)\b",
    )
});

/// Separators of a breadcrumb trail.
pub static BREADCRUMB_SEPARATOR: Lazy<Regex> =
    Lazy::new(|| compile(r"\s+(?:/|>|»|›|→|\||::|·)\s+|\s*(?:»|›|→|>)\s*"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_times_in_several_languages() {
        for s in [
            "Updated 2 hours ago",
            "3 days ago",
            "vor 3 Stunden",
            "Aktualisiert vor 5 Min.",
            "il y a 2 heures",
            "Mis à jour il y a 10 minutes",
            "hace 2 horas",
            "Atualizado há 2 horas",
            "2 ore fa",
            "5 godzin temu",
            "2 uur geleden",
        ] {
            assert!(RELATIVE_TIME.is_match(s), "{s}");
        }
        for s in [
            "The talks began 2 hours ago in the capital and went on late",
            "Two hours ago",
            "Vor dem Gericht",
        ] {
            assert!(!RELATIVE_TIME.is_match(s), "{s}");
        }
    }

    #[test]
    fn reading_time_in_several_languages() {
        for s in [
            "5 mins read",
            "3 min read",
            "Lesezeit: 3 Min.",
            "Temps de lecture : 4 min",
            "Reading time: 7 minutes",
            "Czas czytania: 5 minut",
            "Время чтения: 4 минуты",
            "阅读时间：5分钟",
            "Lectura: 3 min",
            "Lettura 4 minuti",
        ] {
            assert!(READING_TIME.is_match(s), "{s}");
        }
        for s in [
            "5 people read the report",
            "Read more",
            "Minutes of the meeting",
        ] {
            assert!(!READING_TIME.is_match(s), "{s}");
        }
    }

    #[test]
    fn captions_by_credit() {
        assert!(CAPTION_TAIL.is_match("Officials meet in Kabul on Monday. (AFP photo)"));
        assert!(CAPTION_TAIL.is_match("Gen. Mark Milley testifies in Washington. (AP file photo)"));
        assert!(CAPTION_TAIL.is_match("Der Kanzler in Berlin. Foto: dpa"));
        assert!(CAPTION_TAIL.is_match("(Photo Credit : PTI File Photo )"));
        assert!(CAPTION_LEAD.is_match("Photo: Reuters"));
        assert!(CAPTION_LEAD.is_match("Image copyright Getty Images"));
        assert!(CAPTION_LEAD.is_match("Image source, EPA"));
        assert!(!CAPTION_LEAD.is_match(
            "Image source code is published under a free licence. It was released in May."
        ));
        assert!(!CAPTION_TAIL.is_match("He took a photo of the scene and left."));
        assert!(!CAPTION_TAIL.is_match("The bill passed (after a long debate)."));
        // The credit word opens or closes the parenthesis; in its middle it is a description.
        assert!(CAPTION_TAIL.is_match("Crowds at the gate. (Photo by Jane Roe/Getty Images)"));
        assert!(CAPTION_TAIL.is_match("Trims loaded in Hialeah, Fla. (AP Photo/Alan Diaz, File)"));
        assert!(CAPTION_TAIL.is_match("Der Kanzler in Berlin. (Foto: dpa)"));
        // A licence's version is part of the credit; a version number elsewhere is not.
        assert!(CAPTION_TAIL.is_match("Nicht labern, ranklotzen! Foto: Timur | flickr | CC BY 2.0"));
        assert!(CAPTION_TAIL.is_match("Am Hafen. Foto: Jan Kowalski, CC BY-SA 4.0"));
        assert!(!CAPTION_TAIL.is_match("    image: nginx:1.14.2"));
        let slash = &*CAPTION_SLASH_CREDIT;
        assert!(slash.is_match("Une centrale à charbon, le 12 octobre. JEAN DUPONT / AFP"));
        assert!(slash.is_match("Minister podczas konferencji. Fot. PAP/Paweł Supernak"));
        assert!(!slash.is_match("The ratio is 3 / 4 of the total, the report says."));
        assert!(!slash.is_match("He spoke to AFP / Reuters about the plan in Paris today."));
        assert!(!slash.is_match("See the guide at example.com/apps"));
        assert!(!CAPTION_TAIL
            .is_match("Catalogue of builders' hardware (1888) (page images at HathiTrust)"));
    }

    #[test]
    fn comment_heads() {
        assert!(COMMENT_HEAD.is_match("thelastchargersfan says:"));
        assert!(COMMENT_HEAD.is_match("Anna Nowak napisała:"));
        assert!(COMMENT_COUNT.is_match("34 responses to “Anthony Lynn”"));
        assert!(COMMENT_COUNT.is_match("12 Kommentare"));
        assert!(COMMENT_COUNT.is_match("[ 167 comments ]"));
        assert!(!COMMENT_HEAD.is_match("The minister says the plan will work."));
        assert!(!COMMENT_HEAD.is_match("He said, she said"));
        assert!(!COMMENT_COUNT.is_match("34 people responded to the survey"));
    }

    #[test]
    fn relative_day_times() {
        for s in [
            "Today, 17:40",
            "Heute, 14:32 Uhr",
            "Wczoraj o 09:15",
            "Сегодня в 11:20",
            "Šodien, 17:40",
            "Aujourd'hui à 08h12",
            "yesterday at 9:05 pm",
        ] {
            assert!(RELATIVE_DAY_TIME.is_match(s), "{s}");
        }
        for s in [
            "Today, 17 people came",
            "Heute 3:1 gewonnen",
            "Tomorrow's forecast: 17:40",
        ] {
            assert!(!RELATIVE_DAY_TIME.is_match(s), "{s}");
        }
    }

    #[test]
    fn bylines() {
        assert!(BYLINE.is_match("Autori: Anna Ūdre (LTV Ziņu dienesta redaktore)"));
        assert!(BYLINE.is_match("Autoři: Jan Novák a Petr Svoboda"));
        assert!(BYLINE.is_match("By Jane Doe"));
        assert!(BYLINE.is_match("By Jane Doe and John Smith"));
        assert!(BYLINE.is_match("Von Max Mustermann"));
        assert!(BYLINE.is_match("Par Jean Dupont | AFP"));
        assert!(!BYLINE.is_match("By the end of the year, prices had doubled."));
        assert!(!BYLINE.is_match("by then"));
    }
}
