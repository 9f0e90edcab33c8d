//! Page metadata from the places publishers put it: Open Graph and other `<meta>` tags,
//! JSON-LD (schema.org), microdata, `<link>` tags, `<html lang>`, `<title>` and the first
//! `<h1>`. Each field tries its sources in a fixed order and takes the first usable value.

// Called by HTML segmentation, which lands on another branch; drop this then.
#![allow(dead_code)]

use std::collections::HashMap;

use once_cell::sync::Lazy;
use once_cell::unsync::OnceCell;
use scraper::node::Element;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use crate::date::parse_date;
use crate::rules::phrases::DATE_LABELS;
use crate::segment::PageMeta;

/// Longer "names" are sentences picked up by mistake, not author names.
const MAX_AUTHOR_CHARS: usize = 100;

/// An element classed "author-name" with more words holds more than a name.
const MAX_CLASSED_AUTHOR_WORDS: usize = 6;

/// Longest link text read as an author's name from a link to the author's page.
const MAX_LINKED_AUTHOR_WORDS: usize = 4;

/// Path segments that open an author's page: `/author/jane-roe`, `/autoren/max-muster`.
const AUTHOR_PAGE_SEGMENTS: &[&str] = &[
    "author",
    "authors",
    "contributor",
    "contributors",
    "autor",
    "autoren",
    "auteur",
    "auteurs",
    "autore",
    "autori",
    "autorzy",
    "writer",
    "writers",
];

/// First bytes of [`AUTHOR_PAGE_SEGMENTS`].
const AUTHOR_SEGMENT_FIRST: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < AUTHOR_PAGE_SEGMENTS.len() {
        table[AUTHOR_PAGE_SEGMENTS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    table
};

/// Longer texts in a date-classed element are not a date label.
const MAX_CLASSED_DATE_WORDS: usize = 12;

/// Longer headings are not titles.
const MAX_TITLE_CHARS: usize = 300;

/// JSON-LD objects visited per page, against pathological input.
const MAX_JSON_LD_OBJECTS: usize = 2000;

/// Separators between a headline and the site name in `<title>`, as in "Headline | Site".
/// The h1s looked at for the title (pages with more are listings).
const MAX_TITLE_HEADINGS: usize = 4;

const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ",
];

/// Words before an author's name that are not part of it ("By Jane Doe", "Von Max Muster").
const BYLINE_WORDS: &[&str] = &["by", "von", "par", "por", "door", "af", "av", "przez", "от"];

/// Byline words that also open surnames ("di Marco Bianchi" against "Di Maio"): taken off
/// only as written in lowercase.
const LOWERCASE_BYLINE_WORDS: &[&str] = &["di"];

/// Labels before an author's name, lowercase, longest first where one starts another
/// ("Written by Jane Doe", "Author: Jane Doe", "Autorin: Eva Muster").
const AUTHOR_LABELS: &[&str] = &[
    // (the author page's link text: "View all posts by Jane Doe")
    "view all posts by",
    "see all posts by",
    "all posts by",
    "more posts by",
    "posts by",
    "more from",
    "alle beiträge von",
    "alle artikel von",
    "voir tous les articles de",
    "tous les articles de",
    "ver todas las entradas de",
    "todas las entradas de",
    "tutti gli articoli di",
    "zobacz wszystkie wpisy",
    "alle berichten van",
    "written by",
    "authored by",
    "posted by",
    "post by",
    "text by",
    "words by",
    "recipe by",
    "story by",
    "authors",
    "author",
    "geschrieben von",
    "verfasst von",
    "autorin",
    "autor",
    "auteure",
    "auteur",
    "écrit par",
    "rédigé par",
    "escrito por",
    "autora",
    "scritto da",
    "autore",
    "napisał",
    "napisała",
    "autorka",
    "geschreven door",
    "skrivet av",
    "автор",
];

/// Labels and links found where an author's name goes, which name no one.
const NOT_AUTHORS: &[&str] = &[
    "author",
    "the author",
    "about the author",
    "authors",
    "learn more",
    "read more",
    "view profile",
    "see all posts",
    "unknown",
    "more",
    "mehr",
    "plus",
    "más",
    "więcej",
];

/// An author line ends where one of these starts ("Jane Doe | 2 weeks ago").
const AUTHOR_LINE_SEPARATORS: &[char] = &['|', '•', '·', '»'];

/// Reads title, author, publication date, language, site name and canonical URL.
pub(crate) fn extract(doc: &Html) -> PageMeta {
    let elements = Elements::of(doc);
    let doc = &elements;
    let metas = MetaTags::collect(doc);
    let json_ld = JsonLd::collect(doc);
    let published = published(doc, &metas, &json_ld);
    let site_name = metas
        .first(&["og:site_name"])
        .or_else(|| json_ld.publisher_name())
        .or_else(|| json_ld.website_name());
    PageMeta {
        title: title(doc, &metas, &json_ld, site_name.as_deref()),
        author: author(doc, &metas, &json_ld),
        published: published.clone(),
        // Only needed (and looked for) when the metadata has no date.
        published_label: published
            .is_none()
            .then(|| classed_date(doc).or_else(|| modified(&metas, &json_ld)))
            .flatten(),
        language: language(doc, &metas),
        site_name,
        url: link_href(doc, "canonical").or_else(|| metas.first(&["og:url"])),
        declared_article: metas
            .all(&["og:type"])
            .any(|t| t.to_ascii_lowercase().contains("article"))
            || json_ld.articles().next().is_some(),
        declared_product: metas
            .all(&["og:type"])
            .any(|t| t.trim().to_ascii_lowercase().starts_with("product"))
            || json_ld
                .objects
                .iter()
                .any(|object| has_type(object, |t| matches!(t, "Product" | "ProductGroup"))),
        declared_discussion: json_ld.objects.iter().any(|object| {
            has_type(object, |t| {
                matches!(
                    t,
                    "DiscussionForumPosting" | "QAPage" | "SocialMediaPosting"
                )
            })
        }),
    }
}

/// The `articleBody` of the page's JSON-LD article, when it has one.
pub(crate) fn json_ld_article_body(doc: &Html) -> Option<String> {
    JsonLd::collect(&Elements::of(doc))
        .articles()
        .filter_map(|object| object.get("articleBody").and_then(Value::as_str))
        .map(|body| decode_entities(body.trim()))
        .find(|body| !body.is_empty())
}

/// The first h1 that another title source confirms (as its first side, a substantial part
/// of it or its opening words, and not the site name: a lone h1 is often the site's logo),
/// preferring one that is the title's first side (title "Chapter | Book", h1s "Book" and
/// "Chapter": "Chapter"); else og:title, JSON-LD
/// headline, twitter:title and `<title>`, each without a site prefix or suffix; else the
/// first h1.
fn title(
    doc: &Elements,
    metas: &MetaTags,
    json_ld: &JsonLd,
    site_name: Option<&str>,
) -> Option<String> {
    let h1s: Vec<String> = select(doc, &H1)
        .map(element_text)
        .filter(|text| !text.is_empty() && text.chars().count() <= MAX_TITLE_CHARS)
        .take(MAX_TITLE_HEADINGS)
        .collect();
    let sources = [
        metas.first(&["og:title"]),
        json_ld.article_string("headline"),
        metas.first(&["twitter:title"]),
        first_text(doc, &TITLE),
    ];
    // Each string normalised once, not once per comparison.
    let normalized: Vec<String> = sources.iter().flatten().map(|s| normalize(s)).collect();
    let site = site_name.map(normalize);
    let confirmed = h1s
        .iter()
        .filter_map(|h1| {
            let heading = normalize(h1);
            normalized
                .iter()
                .filter_map(|source| confirms_normalized(source, &heading, site.as_deref()))
                .min()
                .map(|how| (how, h1))
        })
        .min_by_key(|(how, _)| *how);
    if let Some((_, h1)) = confirmed {
        return Some(h1.clone());
    }
    // A page without an h1 (an old layout, a blog theme) may head its article with an h2:
    // one that is a whole side of the title ("Site - News - Headline") is the headline.
    if h1s.is_empty() {
        let side = select(doc, &H2)
            .map(element_text)
            .filter(|text| !text.is_empty() && text.chars().count() <= MAX_TITLE_CHARS)
            .take(MAX_TITLE_HEADINGS)
            .find(|h2| {
                let heading = normalize(h2);
                site.as_deref() != Some(heading.as_str())
                    && normalized.iter().any(|source| is_side(source, &heading))
            });
        if side.is_some() {
            return side;
        }
    }
    sources
        .into_iter()
        .flatten()
        .map(|source| clean_document_title(&source, site_name))
        .chain(h1s.into_iter().next())
        .find(|title| !title.is_empty())
}

/// How a title source confirms a heading, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Confirmation {
    /// The heading is the title's first side ("systemd - ArchWiki").
    FirstSide,
    /// The heading is a substantial part of the title.
    Substantial,
    /// The title opens with the heading, as a whole word.
    Opening,
}

/// `title` opens with `heading`, as whole words.
fn opens(title: &str, heading: &str) -> bool {
    title.starts_with(heading)
        && title[heading.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `title` contains `heading` as its first side or as a substantial part of it, and
/// the heading is not the site name.
#[cfg(test)]
fn confirms(title: &str, heading: &str, site_name: Option<&str>) -> Option<Confirmation> {
    confirms_normalized(
        &normalize(title),
        &normalize(heading),
        site_name.map(normalize).as_deref(),
    )
}

/// [`confirms`] on strings already passed through [`normalize`].
fn confirms_normalized(title: &str, heading: &str, site: Option<&str>) -> Option<Confirmation> {
    if heading.is_empty() || site == Some(heading) || !title.contains(heading) {
        return None;
    }
    let first_side = TITLE_SEPARATORS.iter().any(|separator| {
        [title.split_once(separator), title.rsplit_once(separator)]
            .into_iter()
            .flatten()
            .any(|(head, _)| head.trim() == heading)
    });
    let last_side = TITLE_SEPARATORS.iter().any(|separator| {
        [title.split_once(separator), title.rsplit_once(separator)]
            .into_iter()
            .flatten()
            .any(|(_, tail)| tail.trim() == heading)
    });
    if first_side {
        Some(Confirmation::FirstSide)
    } else if heading.chars().count() * 5 >= title.chars().count() * 2 {
        Some(Confirmation::Substantial)
    } else if !last_side && opens(title, heading) {
        // "Headlamps" in "Headlamps for Camping, Hiking & Running": the page's own name,
        // which the title spells out for search engines.
        Some(Confirmation::Opening)
    } else {
        None
    }
}

/// `heading` is the whole first or last side of `title` at one of its separators.
fn is_side(title: &str, heading: &str) -> bool {
    !heading.is_empty()
        && TITLE_SEPARATORS.iter().any(|separator| {
            [title.split_once(separator), title.rsplit_once(separator)]
                .into_iter()
                .flatten()
                .any(|(head, tail)| head.trim() == heading || tail.trim() == heading)
        })
}

/// Removes " | Site" (or "Site | ") when it names the site.
fn strip_site_name(title: &str, site_name: Option<&str>) -> String {
    let Some(site) = site_name.map(normalize).filter(|site| !site.is_empty()) else {
        return title.to_string();
    };
    for separator in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if normalize(tail) == site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(separator) {
            if normalize(head) == site && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// A title without its site prefix or suffix: without the site name when it is known, else
/// without its shorter end ("Headline | Site" loses "Site").
fn clean_document_title(title: &str, site_name: Option<&str>) -> String {
    let stripped = strip_site_name(title, site_name);
    if stripped != title {
        return stripped;
    }
    // Keep the longer side of the outermost separator: site names are short.
    let suffix_cut = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .max_by_key(|(head, _)| head.len());
    let prefix_cut = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.split_once(sep))
        .min_by_key(|(head, _)| head.len());
    let candidates = [
        suffix_cut.map(|(head, tail)| (head, tail.chars().count())),
        prefix_cut.map(|(head, tail)| (tail, head.chars().count())),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|(kept, removed)| kept.trim().chars().count() > *removed)
        .min_by_key(|(_, removed)| *removed)
        .map(|(kept, _)| kept.trim().to_string())
        .unwrap_or_else(|| title.to_string())
}

/// JSON-LD people, author `<meta>` tags, `rel=author` links, microdata, an element classed
/// like "author-name", then JSON-LD organisations.
fn author(doc: &Elements, metas: &MetaTags, json_ld: &JsonLd) -> Option<String> {
    json_ld
        .author(true)
        .or_else(|| {
            metas
                .all(&[
                    "author",
                    "article:author",
                    "byl",
                    "sailthru.author",
                    "parsely-author",
                    "dc.creator",
                ])
                .find_map(|value| clean_author(&value))
        })
        // A site's or a vendor's own key ("cXenseParse:author", "dc.author").
        .or_else(|| {
            metas
                .matching(is_author_key)
                .find_map(|value| clean_author(&value))
        })
        // Twitter's label and data pairs, as Yoast SEO writes them in every language:
        // "twitter:label1" = "Written by", "twitter:data1" = the name.
        .or_else(|| {
            (1..=4).find_map(|n| {
                let label = metas.first(&[format!("twitter:label{n}").as_str()])?;
                is_written_by(&label)
                    .then(|| metas.first(&[format!("twitter:data{n}").as_str()]))
                    .flatten()
                    .and_then(|name| clean_author(&name))
            })
        })
        .or_else(|| {
            // Scholarly pages list every author, "Last, First": the first is named.
            metas
                .all(&["citation_author"])
                .next()
                .and_then(|value| clean_author(&first_name_first(&value)))
        })
        .or_else(|| select(doc, &REL_AUTHOR).find_map(|link| clean_author(&first_block_text(link))))
        .or_else(|| {
            select(doc, &ITEMPROP_AUTHOR).find_map(|element| clean_author(&microdata_name(element)))
        })
        .or_else(|| {
            doc.with_class(is_author_name_class)
                .map(first_block_text)
                .filter(|text| text.split_whitespace().count() <= MAX_CLASSED_AUTHOR_WORDS)
                .find_map(|text| clean_author(&text))
        })
        .or_else(|| {
            // A link to the author's page: "/author/jane-roe", "/contributor/jane-roe".
            select(doc, &AUTHOR_PAGE_LINK)
                .filter(|link| link.attr("href").is_some_and(is_author_page))
                .map(|link| {
                    let text = first_block_text(link);
                    if text.trim().is_empty() {
                        link.attr("aria-label").unwrap_or_default().to_string()
                    } else {
                        text
                    }
                })
                .filter(|text| text.split_whitespace().count() <= MAX_LINKED_AUTHOR_WORDS)
                .find_map(|text| clean_author(&text))
        })
        .or_else(|| {
            // An element classed "author" or "byline", outside forms (a comment form's "Name"
            // field) and outside comments and reviews (their posters).
            doc.with_class(is_author_class)
                .filter(|element| !in_form_or_responses(*element))
                .map(spaced_text)
                // A byline carries a label and a date besides the name.
                .filter(|text| text.split_whitespace().count() <= 2 * MAX_CLASSED_AUTHOR_WORDS)
                .find_map(|text| {
                    clean_author(&text)
                        .filter(|name| name.split_whitespace().count() <= MAX_CLASSED_AUTHOR_WORDS)
                })
        })
        .or_else(|| json_ld.author(false))
        // "Headline | by Jane Roe | Publication": the title names the author.
        .or_else(|| {
            let title = first_text(doc, &TITLE)?;
            TITLE_SEPARATORS
                .iter()
                .flat_map(|separator| title.split(separator))
                .find_map(|side| {
                    let name = side.trim().strip_prefix("by ")?;
                    let words = name.split_whitespace().count();
                    ((1..=MAX_CLASSED_AUTHOR_WORDS).contains(&words)
                        && name.starts_with(char::is_uppercase))
                    .then(|| clean_author(name))
                    .flatten()
                })
        })
}

/// A label that announces the author ("Written by", "Geschrieben von", "Écrit par").
fn is_written_by(label: &str) -> bool {
    let label = label.trim().trim_end_matches(':').trim().to_lowercase();
    AUTHOR_LABELS.contains(&label.as_str()) || BYLINE_WORDS.contains(&label.as_str())
}

/// An address whose path names an author's page.
fn is_author_page(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or_default();
    let mut parts = path.split('/');
    let mut previous = parts.next();
    for part in parts {
        // Every segment starts with "a", "c" or "w": most path segments fail that first.
        let opens = previous.is_some_and(|p| {
            p.as_bytes()
                .first()
                .is_some_and(|b| AUTHOR_SEGMENT_FIRST[usize::from(b.to_ascii_lowercase())])
                && AUTHOR_PAGE_SEGMENTS
                    .iter()
                    .any(|segment| p.eq_ignore_ascii_case(segment))
        });
        if opens && !part.is_empty() {
            return true;
        }
        previous = Some(part);
    }
    false
}

/// Class names like "author-name", "authorName", "byline__name".
fn is_author_name_class(class: &str) -> bool {
    if class.is_ascii() {
        // Both words end in "e": only where the value has one can a match end. From there,
        // compare backwards, skipping separators, without allocating.
        let bytes = class.as_bytes();
        return memchr::memchr2_iter(b'e', b'E', bytes).any(|end| {
            // Both end in "me": most "e"s follow another letter (a separator may sit between).
            if end == 0 || !matches!(bytes[end - 1], b'm' | b'M' | b'-' | b'_') {
                return false;
            }
            let head = &bytes[..=end];
            ends_with_squeezed(head, b"authorname")
                || ends_with_squeezed(head, b"bylinename")
                // Elementor's author box: "elementor-author-box__name".
                || ends_with_squeezed(head, b"authorboxname")
        });
    }
    squeezed_is_author_name(class)
}

/// Class names whose last word is "author" or "byline": "author", "post-hero__author",
/// "story-byline" (not "author-bio", "author-avatar"); also the word in other languages
/// ("autor", "auteur", "autore").
fn is_author_class(class: &str) -> bool {
    class_ends_with(class, &["author", "byline", "autor", "auteur", "autore"])
}

/// One of the class names in `class` has one of `words` (lowercase ASCII) as its last word
/// after `-` or `_`, whatever its case.
fn class_ends_with(class: &str, words: &[&str]) -> bool {
    class.split_ascii_whitespace().any(|token| {
        // Most names end in a letter none of the words ends in: skipped before splitting.
        let Some(&end) = token.as_bytes().last() else {
            return false;
        };
        if !words
            .iter()
            .any(|w| w.as_bytes().last() == Some(&(end | 0x20)))
        {
            return false;
        }
        let last = token.rsplit(['-', '_']).next().unwrap_or(token);
        words.iter().any(|w| last.eq_ignore_ascii_case(w))
    })
}

/// The definition [`is_author_name_class`] implements: the value without `-` and `_`,
/// lowercased, contains "authorname" or "bylinename".
fn squeezed_is_author_name(class: &str) -> bool {
    let squeezed: String = class
        .chars()
        .filter(|c| !matches!(c, '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect();
    squeezed.contains("authorname")
        || squeezed.contains("bylinename")
        || squeezed.contains("authorboxname")
}

/// `hay`, without `-` and `_` and lowercased, ends with `word` (lowercase ASCII).
fn ends_with_squeezed(hay: &[u8], word: &[u8]) -> bool {
    let mut i = hay.len();
    for &w in word.iter().rev() {
        loop {
            if i == 0 {
                return false;
            }
            i -= 1;
            if !matches!(hay[i], b'-' | b'_') {
                break;
            }
        }
        if hay[i].to_ascii_lowercase() != w {
            return false;
        }
    }
    true
}

/// An author string without "By ", whitespace runs or URLs; `None` when nothing usable is left.
fn clean_author(raw: &str) -> Option<String> {
    let collapsed = collapse_whitespace(&decode_entities(raw));
    // "Jane Doe | 2 weeks ago", "Dec. 19, 2025 · Jane Doe": the name is the first part that
    // is not a date.
    let mut line = collapsed
        .split(AUTHOR_LINE_SEPARATORS)
        .map(str::trim)
        .find(|part| !part.is_empty() && !crate::date::is_date_line(part))?;
    // "Jane Doe on 4 August 2010": the date is not part of the name.
    if let Some(cut) = crate::date::date_start(line) {
        line = line[..cut].trim_end();
        line = line
            .strip_suffix(" on")
            .or_else(|| line.strip_suffix(" am"))
            .unwrap_or(line);
    }
    // What is left of "Updated 3 May 2025" is a label, not a name.
    if crate::date::is_date_label(line) {
        return None;
    }
    let line = strip_author_label(line.trim());
    let mut words = line.split(' ').peekable();
    if words.peek().is_some_and(|first| {
        BYLINE_WORDS.contains(&first.trim_end_matches(':').to_lowercase().as_str())
            || LOWERCASE_BYLINE_WORDS.contains(first)
    }) {
        words.next();
    }
    let mut words: Vec<&str> = words.collect();
    // "Reuters Updated": a date label run into the name.
    if words.len() > 1
        && words
            .last()
            .is_some_and(|last| DATE_LABELS.contains(&last.to_lowercase().as_str()))
    {
        words.pop();
    }
    let name = words.join(" ");
    let name = name
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | '|' | '-' | '·' | '•' | ':')
        })
        .to_string();
    let looks_like_url = name.starts_with("http://")
        || name.starts_with("https://")
        || name.starts_with("www.")
        || name.starts_with('/');
    // A template's unfilled field ("page.head.extra.author", "{{author}}").
    let placeholder = (name.contains('.')
        && !name.contains(' ')
        && name.chars().filter(|&c| c == '.').count() >= 2)
        || name.contains(['{', '}', '$']);
    let usable = !name.is_empty()
        && !looks_like_url
        && !placeholder
        && !NOT_AUTHORS.contains(&name.to_lowercase().as_str())
        && name.chars().count() <= MAX_AUTHOR_CHARS
        && name.chars().any(char::is_alphabetic);
    usable.then_some(name)
}

/// "Roy, Aniruddha" as "Aniruddha Roy"; other values as they are.
fn first_name_first(value: &str) -> String {
    match value.split_once(',') {
        Some((last, first)) if !first.contains(',') && !first.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => value.to_string(),
    }
}

/// `line` without a leading author label ("Written by", "Author:"), when what follows the
/// label is a separate word.
fn strip_author_label(line: &str) -> &str {
    for label in AUTHOR_LABELS {
        let Some(head) = line.get(..label.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(label) && head.to_lowercase() != *label {
            continue;
        }
        let rest = &line[label.len()..];
        if rest.is_empty() || rest.starts_with([' ', ':']) {
            return rest.trim_start_matches([' ', ':']);
        }
    }
    line
}

/// The name in a microdata author element: its `itemprop=name` child, else its `content`, else its text.
fn microdata_name(element: ElementRef) -> String {
    element
        .descendent_elements()
        .find(|child| {
            child
                .attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("name"))
        })
        .map(|child| {
            child
                .attr("content")
                .map(str::to_string)
                .unwrap_or_else(|| element_text(child))
        })
        .or_else(|| element.attr("content").map(str::to_string))
        .unwrap_or_else(|| element_text(element))
}

fn published(doc: &Elements, metas: &MetaTags, json_ld: &JsonLd) -> Option<String> {
    json_ld
        .dates("datePublished")
        .chain(metas.all(&[
            "article:published_time",
            "og:published_time",
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "publication_date",
            "dc.date.issued",
            "dcterms.issued",
            "dc.date",
            "sailthru.date",
            "parsely-pub-date",
            "datepublished",
            "citation_publication_date",
            "citation_online_date",
            "citation_date",
        ]))
        .chain(select(doc, &ITEMPROP_DATE_PUBLISHED).filter_map(|element| {
            ["content", "datetime"]
                .iter()
                .find_map(|attr| element.attr(attr))
                .map(str::to_string)
                .or_else(|| Some(element_text(element)))
        }))
        .chain(
            select(doc, &TIME_DATETIME)
                .filter_map(|time| time.attr("datetime").map(str::to_string))
                .take(1),
        )
        .chain(metas.matching(is_publish_date_key))
        // Home-made microdata names ("published-date", "publishDate").
        .chain(
            select(doc, &ITEMPROP_ANY)
                .filter(|element| {
                    element.attr("itemprop").is_some_and(|name| {
                        let name = name.to_ascii_lowercase();
                        name.contains("publish") && is_publish_date_key(&name)
                    })
                })
                .filter_map(|element| {
                    ["content", "datetime"]
                        .iter()
                        .find_map(|attr| element.attr(attr))
                        .map(str::to_string)
                        .or_else(|| Some(element_text(element)))
                }),
        )
        .chain(json_ld.dates("dateCreated"))
        .find_map(|raw| parse_date(&raw))
}

/// The date of the last change, for a page that gives no other: a page first published
/// and never changed states the same date, and a changed one is read as of that day.
fn modified(metas: &MetaTags, json_ld: &JsonLd) -> Option<String> {
    json_ld
        .dates("dateModified")
        .chain(metas.all(&[
            "article:modified_time",
            "og:updated_time",
            "last-modified",
            "dcterms.modified",
        ]))
        .find_map(|raw| parse_date(&raw))
}

/// The date in the first short element classed as a date ("post-date", "entry__date",
/// "published"): weaker than a date line before the body, which the classifier finds.
fn classed_date(doc: &Elements) -> Option<String> {
    doc.with_class(is_date_class)
        .filter(|element| !in_form_or_responses(*element))
        .map(spaced_text)
        .filter(|text| text.split_whitespace().count() <= MAX_CLASSED_DATE_WORDS)
        .find_map(|text| parse_date(&text))
}

/// Class names whose last word names a publication date: "date", "post-date",
/// "entry__date", "published", "pubdate" (not "update", "date-picker"), and the same word in
/// other languages ("datum", Polish and Italian "data", "fecha"), and "time" ("post-time").
fn is_date_class(class: &str) -> bool {
    class_ends_with(
        class,
        &[
            "date",
            "pubdate",
            "published",
            "posted",
            "postdate",
            "dateline",
            "datum",
            "data",
            "fecha",
            "time",
        ],
    )
}

fn language(doc: &Elements, metas: &MetaTags) -> Option<String> {
    let root = doc.doc.root_element();
    let html_lang = root
        .attr("lang")
        .or_else(|| root.attr("xml:lang"))
        .map(str::to_string);
    html_lang
        .into_iter()
        .chain(metas.all(&["content-language"]))
        .chain(metas.all(&["og:locale"]))
        .find_map(|value| primary_subtag(&value))
}

/// "en-US", "pt_BR", "de, en" -> "en", "pt", "de"; `None` unless it looks like a language code.
fn primary_subtag(value: &str) -> Option<String> {
    let first = value.split([',', ';']).next()?.trim();
    let primary = first.split(['-', '_']).next()?.to_ascii_lowercase();
    let valid =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    valid.then_some(primary)
}

/// The `href` of the first `<link rel=...>` containing `rel` among its space-separated values.
fn link_href(doc: &Elements, rel: &str) -> Option<String> {
    select(doc, &LINK_REL)
        .filter(|link| {
            link.attr("rel").is_some_and(|rels| {
                rels.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case(rel))
            })
        })
        .filter_map(|link| link.attr("href"))
        .map(str::trim)
        .find(|href| !href.is_empty())
        .map(str::to_string)
}

/// `<meta>` contents keyed by lowercase `property`, `name`, `itemprop` or `http-equiv`, in page order.
struct MetaTags {
    values: HashMap<String, Vec<String>>,
}

impl MetaTags {
    fn collect(doc: &Elements) -> Self {
        let mut values: HashMap<String, Vec<String>> = HashMap::new();
        for meta in select(doc, &META) {
            // Attribute values arrive decoded; a CMS that escaped its text twice leaves
            // `&amp;` in them, decoded once more here.
            let Some(content) = meta
                .attr("content")
                .map(|c| collapse_whitespace(&decode_entities(c)))
                .filter(|c| !c.is_empty())
            else {
                continue;
            };
            for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(key) = meta.attr(key_attr) {
                    values
                        .entry(key.trim().to_ascii_lowercase())
                        .or_default()
                        .push(content.clone());
                }
            }
        }
        MetaTags { values }
    }

    /// Every value for the keys, in key order then page order.
    fn all<'a>(&'a self, keys: &'a [&str]) -> impl Iterator<Item = String> + 'a {
        keys.iter()
            .filter_map(|key| self.values.get(*key))
            .flatten()
            .cloned()
    }

    fn first(&self, keys: &[&str]) -> Option<String> {
        self.all(keys).next()
    }

    /// Every value whose key passes `wanted`, keys in sorted order (the map has no page
    /// order; sorting keeps the choice stable).
    fn matching(&self, wanted: fn(&str) -> bool) -> impl Iterator<Item = String> + '_ {
        let mut keys: Vec<&String> = self.values.keys().filter(|k| wanted(k)).collect();
        keys.sort();
        keys.into_iter()
            .filter_map(|key| self.values.get(key))
            .flatten()
            .cloned()
    }
}

/// A site's own key for the author: its last part, after `:`, `.` or `-`, is "author"
/// (keys are lowercase).
fn is_author_key(key: &str) -> bool {
    key.rsplit([':', '.', '-']).next() == Some("author") && key != "author"
}

/// A site's own name for the publication date: "w-published-date", "cludo:date",
/// "article.published"; never a modification, expiry or creation date.
fn is_publish_date_key(key: &str) -> bool {
    let dated = key.contains("publish")
        || key.ends_with(":date")
        || key.ends_with("_date")
        || key.ends_with("-date")
        || key.ends_with(".date");
    dated
        && !["modif", "updat", "expir", "creat", "revis", "review"]
            .iter()
            .any(|w| key.contains(w))
}

/// The typed objects of every JSON-LD block on the page, articles first.
struct JsonLd {
    objects: Vec<Value>,
    /// Names of objects that have an `@id`, to resolve `"author": {"@id": ...}` references.
    names_by_id: HashMap<String, String>,
}

impl JsonLd {
    fn collect(doc: &Elements) -> Self {
        let mut objects = Vec::new();
        for script in select(doc, &JSON_LD) {
            let text: String = script.text().collect();
            // Invalid JSON is common (trailing commas, raw newlines): skip that block only.
            let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
                continue;
            };
            // Iterative walk: arrays, @graph and nested objects (mainEntity, isPartOf...).
            let mut stack = vec![value];
            while let Some(value) = stack.pop() {
                if objects.len() >= MAX_JSON_LD_OBJECTS {
                    break;
                }
                match value {
                    Value::Array(items) => stack.extend(items.into_iter().rev()),
                    Value::Object(map) => {
                        let nested: Vec<Value> = map
                            .iter()
                            .filter(|(key, _)| {
                                key.as_str() != "author" && key.as_str() != "publisher"
                            })
                            .filter(|(_, v)| v.is_object() || v.is_array())
                            .map(|(_, v)| v.clone())
                            .rev()
                            .collect();
                        let object = Value::Object(map);
                        if object.get("@type").is_some() {
                            objects.push(object);
                        }
                        stack.extend(nested);
                    }
                    _ => {}
                }
            }
        }
        // Stable sort: articles first, page order otherwise.
        objects.sort_by_key(|object| !is_article(object));
        let names_by_id = objects
            .iter()
            .filter_map(|object| {
                let id = object.get("@id")?.as_str()?;
                let name = object.get("name")?.as_str()?;
                Some((id.to_string(), name.to_string()))
            })
            .collect();
        JsonLd {
            objects,
            names_by_id,
        }
    }

    fn articles(&self) -> impl Iterator<Item = &Value> {
        self.objects.iter().filter(|object| is_article(object))
    }

    /// A non-empty string field of the first article that has it.
    fn article_string(&self, field: &str) -> Option<String> {
        self.articles()
            .filter_map(|object| object.get(field)?.as_str())
            .map(|s| collapse_whitespace(&decode_entities(s)))
            .find(|s| !s.is_empty())
    }

    /// A date field from every object that has it, articles first.
    fn dates<'a>(&'a self, field: &'a str) -> impl Iterator<Item = String> + 'a {
        self.objects
            .iter()
            .filter_map(move |object| object.get(field)?.as_str().map(str::to_string))
    }

    /// Author names of the first object (articles first) that names any, joined with ", ".
    /// With `people_only`, organisations (often the publisher repeated) are left out.
    fn author(&self, people_only: bool) -> Option<String> {
        self.objects
            .iter()
            .filter_map(|object| object.get("author"))
            .find_map(|author| {
                let mut names: Vec<String> = Vec::new();
                let items: Vec<&Value> = match author {
                    Value::Array(items) => items.iter().collect(),
                    other => vec![other],
                };
                for item in items {
                    if people_only && item.is_object() && !has_type(item, |t| t == "Person") {
                        // Untyped objects are usually people too.
                        if item.get("@type").is_some() {
                            continue;
                        }
                    }
                    let raw = match item {
                        Value::String(name) => Some(name.clone()),
                        Value::Object(map) => map.get("name").and_then(name_string).or_else(|| {
                            map.get("@id")
                                .and_then(Value::as_str)
                                .and_then(|id| self.names_by_id.get(id).cloned())
                        }),
                        _ => None,
                    };
                    if let Some(name) = raw.as_deref().and_then(clean_author) {
                        if !names.contains(&name) {
                            names.push(name);
                        }
                    }
                }
                (!names.is_empty()).then(|| names.join(", "))
            })
    }

    fn publisher_name(&self) -> Option<String> {
        self.objects
            .iter()
            .filter_map(|object| object.get("publisher"))
            .flat_map(|publisher| match publisher {
                Value::Array(items) => items.iter().collect::<Vec<_>>(),
                other => vec![other],
            })
            .filter_map(|publisher| match publisher {
                Value::String(name) => Some(name.clone()),
                other => other.get("name").and_then(name_string),
            })
            .map(|name| collapse_whitespace(&decode_entities(&name)))
            .find(|name| !name.is_empty())
    }

    fn website_name(&self) -> Option<String> {
        self.objects
            .iter()
            .filter(|object| has_type(object, |t| t == "WebSite"))
            .filter_map(|object| object.get("name").and_then(name_string))
            .map(|name| collapse_whitespace(&decode_entities(&name)))
            .find(|name| !name.is_empty())
    }
}

/// A `name` that is a string, or the first string of an array of them.
fn name_string(value: &Value) -> Option<String> {
    match value {
        Value::String(name) => Some(name.clone()),
        Value::Array(items) => items.iter().find_map(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// Article, NewsArticle, BlogPosting, Report and the like.
fn is_article(object: &Value) -> bool {
    has_type(object, |t| {
        t.ends_with("Article") || t.ends_with("Posting") || t == "Report" || t == "Review"
    })
}

/// Whether one of the object's `@type`s (prefixes like "schema:" or full URLs removed) passes.
fn has_type(object: &Value, test: impl Fn(&str) -> bool) -> bool {
    let short = |t: &str| t.rsplit(['/', ':', '#']).next().unwrap_or(t).to_string();
    match object.get("@type") {
        Some(Value::String(t)) => test(&short(t)),
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .any(|t| test(&short(t))),
        _ => false,
    }
}

/// The collapsed text of the first element matching `selector`, if not empty.
fn first_text(doc: &Elements, query: &Query) -> Option<String> {
    select(doc, query)
        .map(element_text)
        .find(|text| !text.is_empty())
}

fn element_text(element: ElementRef) -> String {
    collapse_whitespace(&element.text().collect::<String>())
}

/// The element's text up to its second block: a name box often holds the name and then,
/// in a block of its own, a job title or a date ("<p>Harry Roe</p><p>Tech Reporter</p>").
fn first_block_text(element: ElementRef) -> String {
    let mut text = String::new();
    for edge in element.traverse() {
        if let ego_tree::iter::Edge::Open(node) = edge {
            match node.value() {
                scraper::Node::Text(t) => text.push_str(t),
                scraper::Node::Element(el)
                    if node.id() != element.id()
                        && NAME_BOX_BLOCKS.contains(&el.name())
                        && !text.trim().is_empty() =>
                {
                    break;
                }
                _ => {}
            }
        }
    }
    collapse_whitespace(&text)
}

/// Tags that start a new line inside a name box.
const NAME_BOX_BLOCKS: &[&str] = &[
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dd", "dt", "section",
];

/// The element's text with a space between its text nodes: "Jane Doe" and "May 2, 2025" in
/// sibling spans do not run together.
fn spaced_text(element: ElementRef) -> String {
    collapse_whitespace(&element.text().collect::<Vec<_>>().join(" "))
}

/// Inside a form or a label, or inside an element classed as comments, reviews or
/// testimonials.
fn in_form_or_responses(element: ElementRef) -> bool {
    std::iter::once(element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .any(|el| {
            let value = el.value();
            matches!(value.name(), "form" | "label")
                || value.attr("class").is_some_and(|class| {
                    let class = class.to_ascii_lowercase();
                    ["comment", "review", "testimonial"]
                        .iter()
                        .any(|word| class.contains(word))
                })
        })
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lowercase, whitespace-collapsed form for comparing titles.
fn normalize(s: &str) -> String {
    // Dashes compare equal: a heading's "-" is often the title's "–".
    collapse_whitespace(s)
        .to_lowercase()
        .replace(['–', '—', '‐', '‑', '−'], "-")
}

/// Decodes the HTML entities JSON-LD strings often carry (`&amp;`, `&#8217;`, `&quot;`...).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.get(1..).and_then(|after| {
            let end = after.find(';').filter(|end| *end <= 10)?;
            let entity = &after[..end];
            let c = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "rsquo" => '’',
                "lsquo" => '‘',
                "rdquo" => '”',
                "ldquo" => '“',
                "ndash" => '–',
                "mdash" => '—',
                "hellip" => '…',
                "reg" => '®',
                "copy" => '©',
                "trade" => '™',
                "laquo" => '«',
                "raquo" => '»',
                "middot" => '·',
                "bull" => '•',
                _ => {
                    let code = entity.strip_prefix('#')?;
                    let value = match code.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => code.parse().ok()?,
                    };
                    char::from_u32(value)?
                }
            };
            Some((c, end + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("metadata selectors are valid")
}

/// A selector and the kind of element it can match: the full matching, which is costly,
/// runs only on the elements of that kind.
struct Query {
    selector: Selector,
    kind: Kind,
}

impl Query {
    fn new(css: &str, kind: Kind) -> Query {
        Query {
            selector: selector(css),
            kind,
        }
    }
}

/// What the queries look for: a tag name, or an attribute any element may carry.
#[derive(Clone, Copy)]
enum Kind {
    Meta,
    H1,
    H2,
    Title,
    Link,
    A,
    Time,
    Script,
    Itemprop,
    Class,
}

const KINDS: usize = 10;

/// The elements of each tag [`Kind`], in document order, found in one pass over the tree
/// (every query used to walk the whole tree). Attribute kinds are looked for when asked:
/// only fallbacks need them.
struct Elements<'a> {
    doc: &'a Html,
    of_kind: [Vec<ElementRef<'a>>; KINDS],
    /// Elements with a `class` and its value, in document order, collected on first use:
    /// several fallbacks read them, none needs the others' tree walk.
    /// (Node ids, not references: a cell of references would make the index invariant in
    /// its lifetime.)
    classed: OnceCell<Vec<ego_tree::NodeId>>,
}

impl<'a> Elements<'a> {
    fn of(doc: &'a Html) -> Self {
        let mut of_kind: [Vec<ElementRef<'a>>; KINDS] = Default::default();
        for element in doc.tree.nodes().filter_map(ElementRef::wrap) {
            // `Html::select` skips elements without a parent (the document node's kind).
            if element.parent().is_none() {
                continue;
            }
            let el = element.value();
            let by_name = match el.name().len() {
                1 if named(el, "a") => Some(Kind::A),
                2 if named(el, "h1") => Some(Kind::H1),
                2 if named(el, "h2") => Some(Kind::H2),
                4 if named(el, "meta") => Some(Kind::Meta),
                4 if named(el, "link") => Some(Kind::Link),
                4 if named(el, "time") => Some(Kind::Time),
                5 if named(el, "title") => Some(Kind::Title),
                6 if named(el, "script") => Some(Kind::Script),
                _ => None,
            };
            if let Some(kind) = by_name {
                of_kind[kind as usize].push(element);
            }
        }
        Elements {
            doc,
            of_kind,
            classed: OnceCell::new(),
        }
    }

    /// The elements whose `class` value passes `test`, in document order (as
    /// `Html::select("[class]")` lists them).
    fn with_class(&self, test: fn(&str) -> bool) -> impl Iterator<Item = ElementRef<'a>> + '_ {
        self.classed
            .get_or_init(|| {
                self.doc
                    .tree
                    .nodes()
                    .filter_map(ElementRef::wrap)
                    .filter(|element| element.parent().is_some() && class_of(element).is_some())
                    .map(|element| element.id())
                    .collect()
            })
            .iter()
            .filter_map(|&id| ElementRef::wrap(self.doc.tree.get(id)?))
            .filter(move |element| class_of(element).is_some_and(test))
    }
}

/// The element's `class` value. (`Element::attr` interns the name it is given on every
/// call; a scan of the few attributes is cheaper.)
fn class_of<'b>(element: &ElementRef<'b>) -> Option<&'b str> {
    element
        .value()
        .attrs()
        .find_map(|(name, value)| (name == "class").then_some(value))
}

fn named(el: &Element, name: &str) -> bool {
    el.name().eq_ignore_ascii_case(name)
}

/// The elements matching `query`, in the order (and with the same results) of
/// `Html::select`.
fn select<'a>(
    elements: &'a Elements<'a>,
    query: &'a Query,
) -> impl Iterator<Item = ElementRef<'a>> + 'a {
    let attr = match query.kind {
        Kind::Itemprop => Some("itemprop"),
        Kind::Class => Some("class"),
        _ => None,
    };
    let listed = elements.of_kind[query.kind as usize].iter().copied();
    let scanned = attr.into_iter().flat_map(move |attr| {
        elements
            .doc
            .tree
            .nodes()
            .filter_map(ElementRef::wrap)
            .filter(move |element| element.parent().is_some() && has_attr(element.value(), attr))
    });
    listed
        .chain(scanned)
        .filter(move |element| query.selector.matches(element))
}

fn has_attr(el: &Element, attr: &str) -> bool {
    el.attrs().any(|(name, _)| name.eq_ignore_ascii_case(attr))
}

static META: Lazy<Query> = Lazy::new(|| Query::new("meta", Kind::Meta));
static H1: Lazy<Query> = Lazy::new(|| Query::new("h1", Kind::H1));
static H2: Lazy<Query> = Lazy::new(|| Query::new("h2", Kind::H2));
static TITLE: Lazy<Query> = Lazy::new(|| Query::new("title", Kind::Title));
static LINK_REL: Lazy<Query> = Lazy::new(|| Query::new("link[rel][href]", Kind::Link));
static REL_AUTHOR: Lazy<Query> = Lazy::new(|| Query::new("a[rel~=author]", Kind::A));
static AUTHOR_PAGE_LINK: Lazy<Query> = Lazy::new(|| Query::new("a[href]", Kind::A));
static ITEMPROP_AUTHOR: Lazy<Query> =
    Lazy::new(|| Query::new("[itemprop~=author]", Kind::Itemprop));
static ITEMPROP_DATE_PUBLISHED: Lazy<Query> =
    Lazy::new(|| Query::new("[itemprop~=datePublished]", Kind::Itemprop));
static ITEMPROP_ANY: Lazy<Query> = Lazy::new(|| Query::new("[itemprop]", Kind::Itemprop));
static TIME_DATETIME: Lazy<Query> = Lazy::new(|| Query::new("time[datetime]", Kind::Time));
static JSON_LD: Lazy<Query> =
    Lazy::new(|| Query::new(r#"script[type="application/ld+json" i]"#, Kind::Script));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_confirms_a_title_whatever_its_dashes() {
        let title = "Nintendo Switch \u{2013} OLED Model - Nintendo - Official Site";
        assert!(confirms(title, "Nintendo Switch - OLED Model", None).is_some());
        assert!(confirms(title, "Nintendo", Some("Nintendo")).is_none());
    }

    #[test]
    fn author_name_classes_match_as_the_squeezed_lowercase_value_does() {
        for class in [
            "author-name",
            "authorName",
            "byline__name",
            "BYLINE-NAME x",
            "post author_na-me",
            "author name",
            "authorname-e",
            "e",
            "",
            "writer-name",
            "byline-namespace",
            "xauthor-nameE",
        ] {
            assert_eq!(
                is_author_name_class(class),
                squeezed_is_author_name(class),
                "{class:?}"
            );
        }
    }

    macro_rules! fixture {
        ($name:literal) => {
            Html::parse_document(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/meta/",
                $name
            )))
        };
    }

    fn meta_of(doc: &Html) -> [Option<String>; 6] {
        let meta = extract(doc);
        [
            meta.title,
            meta.author,
            meta.published,
            meta.language,
            meta.site_name,
            meta.url,
        ]
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn news_article_with_json_ld_graph() {
        let doc = fixture!("news-article.html");
        assert_eq!(
            meta_of(&doc),
            [
                some("Storm closes schools across the region"),
                some("Jane Doe, John Roe"),
                some("2021-09-02T07:30:00+01:00"),
                some("en"),
                some("The Daily Example"),
                some("https://news.example.org/2021/09/storm-closes-schools"),
            ]
        );
        assert_eq!(
            json_ld_article_body(&doc).as_deref(),
            Some("Schools across the region stayed closed on Tuesday. Officials said classes would resume & roads would reopen.")
        );
    }

    #[test]
    fn minimal_blog_without_structured_data() {
        let doc = fixture!("blog-minimal.html");
        assert_eq!(
            meta_of(&doc),
            [
                some("Warum Sauerteig Zeit braucht"),
                some("Erika Mustermann"),
                some("2021-09-02T10:00:00+00:00"),
                some("de"),
                None,
                None,
            ]
        );
        assert_eq!(json_ld_article_body(&doc), None);
    }

    #[test]
    fn invalid_json_ld_is_skipped_and_references_resolved() {
        let doc = fixture!("jsonld-messy.html");
        assert_eq!(
            meta_of(&doc),
            [
                some("Le conseil vote le budget des écoles"),
                some("Marie Curie"),
                some("2021-09-01"),
                some("fr"),
                None,
                some("https://journal.example.fr/article-42"),
            ]
        );
        assert_eq!(
            json_ld_article_body(&doc).as_deref(),
            Some("Le conseil municipal a voté le budget.")
        );
    }

    #[test]
    fn microdata_author_and_date() {
        let doc = fixture!("microdata.html");
        assert_eq!(
            meta_of(&doc),
            [
                some("Câmara aprova orçamento das escolas"),
                some("Ana Souza"),
                some("2021-09-02"),
                some("pt"),
                None,
                None,
            ]
        );
    }

    #[test]
    fn a_name_box_gives_its_first_line_not_the_job_title_or_date() {
        let author_of = |html: &str| extract(&Html::parse_document(html)).author;
        assert_eq!(
            author_of(
                r#"<div class="editor-author-name-wrap"><div class="author-name">Stephen Roe</div>
                   <div class="author-name weight">AI Writer, Embarque</div></div>"#
            )
            .as_deref(),
            Some("Stephen Roe")
        );
        assert_eq!(
            author_of(
                r#"<a href="/news/author/chris-doe/"><p>Chris Doe</p><p>30 Sep 2022, 11:07am</p></a>"#
            )
            .as_deref(),
            Some("Chris Doe")
        );
        assert_eq!(
            author_of(r#"<meta name="cXenseParse:author" content="Harry Roe">"#).as_deref(),
            Some("Harry Roe")
        );
    }

    #[test]
    fn yoast_twitter_pairs_and_medium_titles_name_the_author() {
        let author_of = |html: &str| extract(&Html::parse_document(html)).author;
        assert_eq!(
            author_of(
                r#"<meta name="twitter:label1" content="Est. reading time">
                   <meta name="twitter:data1" content="4 minutes">
                   <meta name="twitter:label2" content="Geschrieben von">
                   <meta name="twitter:data2" content="Tyler Braun">"#
            )
            .as_deref(),
            Some("Tyler Braun")
        );
        assert_eq!(
            author_of(
                r#"<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">"#
            ),
            None
        );
        assert_eq!(
            author_of("<title>Have an App Idea? | by Summer Swann | AI Development | Yeti</title>")
                .as_deref(),
            Some("Summer Swann")
        );
        assert_eq!(author_of("<title>Stand by Me | Film Review</title>"), None);
    }

    #[test]
    fn home_made_microdata_and_time_classes_date_the_page() {
        let date_of = |html: &str| {
            let meta = extract(&Html::parse_document(html));
            meta.published.or(meta.published_label)
        };
        assert_eq!(
            date_of(r#"<span itemprop="published-date" content="Published Oct 20, 2025 at 5:00 PM PST">Oct 20</span>"#)
                .as_deref(),
            Some("2025-10-20")
        );
        // Not a modification date under a home-made name.
        assert_eq!(
            date_of(r#"<span itemprop="date-modified" content="2025-10-21">x</span>"#),
            None
        );
        assert_eq!(
            date_of(r#"<div class="author">Yucy <span class="time">3/4/2025</span></div>"#)
                .as_deref(),
            Some("2025-03-04")
        );
    }

    #[test]
    fn an_h1_that_is_one_side_of_the_title_is_the_title() {
        let title_of = |html: &str| extract(&Html::parse_document(html)).title;
        // The shorter side, named by the h1: not the longer side.
        assert_eq!(
            title_of("<title>systemd - ArchWiki</title><h1>systemd</h1>").as_deref(),
            Some("systemd")
        );
        // A book's name in the first h1, the chapter's in the second.
        assert_eq!(
            title_of(
                "<title>Error Handling - The Rust Book</title><body><h1>The Rust Book</h1>\
                 <main><h1>Error Handling</h1></main></body>"
            )
            .as_deref(),
            Some("Error Handling")
        );
        // The document title spells out the h1 for search engines.
        assert_eq!(
            title_of("<title>Headlamps for Camping, Hiking &amp; Running | REI</title><h1>Headlamps</h1>")
                .as_deref(),
            Some("Headlamps")
        );
        // But not a word that merely starts the title's first word.
        assert_eq!(
            title_of(
                "<title>Headlampsworld: the best lights for camping</title><h1>Headlamps</h1>"
            )
            .as_deref(),
            Some("Headlampsworld: the best lights for camping")
        );
        // A logo h1 alone is not the title.
        assert_eq!(
            title_of(
                "<title>Council approves the budget for schools | Gazette</title><h1>Gazette</h1>"
            )
            .as_deref(),
            Some("Council approves the budget for schools")
        );
    }

    #[test]
    fn citation_dates_count_and_a_modification_date_is_the_last_resort() {
        let meta = |html: &str| extract(&Html::parse_document(html));
        let cited =
            meta(r#"<meta name="citation_publication_date" content="2023/01/07"><h1>T</h1>"#);
        assert_eq!(cited.published.as_deref(), Some("2023-01-07"));
        let changed =
            r#"<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">"#;
        let only_changed = meta(changed);
        assert_eq!(only_changed.published, None);
        assert_eq!(
            only_changed.published_label.as_deref(),
            Some("2023-06-12T10:39:42+00:00")
        );
        // A date-classed element comes first.
        let labelled = meta(&format!(
            "{changed}<span class=\"post-date\">March 2, 2021</span>"
        ));
        assert_eq!(labelled.published_label.as_deref(), Some("2021-03-02"));
    }

    #[test]
    fn authors_from_citations_and_author_boxes_but_not_labels_or_placeholders() {
        let author_of = |html: &str| extract(&Html::parse_document(html)).author;
        assert_eq!(
            author_of(
                r#"<meta name="citation_author" content="Roy, Aniruddha"><meta name="citation_author" content="Patel, Jyoti">"#
            )
            .as_deref(),
            Some("Aniruddha Roy")
        );
        assert_eq!(
            author_of(r#"<div class="elementor-author-box__text"><h4 class="elementor-author-box__name"> Liz Kenny </h4></div>"#)
                .as_deref(),
            Some("Liz Kenny")
        );
        assert_eq!(
            author_of(r#"<meta name="author" content="page.head.extra.author">"#),
            None
        );
        assert_eq!(author_of(r#"<span class="author">The Author</span>"#), None);
        assert_eq!(author_of(r#"<span class="byline">Learn More</span>"#), None);
    }

    #[test]
    fn document_title_loses_its_site_prefix() {
        let doc = fixture!("title-only.html");
        assert_eq!(
            meta_of(&doc),
            [
                some("Council approves a budget for schools and libraries"),
                None,
                None,
                None,
                None,
                None,
            ]
        );
    }

    #[test]
    fn people_beat_organisations_and_logo_h1_is_not_the_title() {
        let doc = fixture!("org-author.html");
        let meta = extract(&doc);
        assert_eq!(meta.author.as_deref(), Some("Dr. Jane Roe, RN"));
        assert_eq!(
            meta.title.as_deref(),
            Some("10 heart-healthy habits you can start today")
        );
        let no_person = Html::parse_document(
            r#"<script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"Example Clinic"}}</script>"#,
        );
        assert_eq!(
            extract(&no_person).author.as_deref(),
            Some("Example Clinic")
        );
    }

    #[test]
    fn a_link_to_the_authors_page_names_the_author() {
        let doc = Html::parse_document(
            r#"<a href="/authors/">All authors</a><p>Text by <a href="/contributor/hunter-dukes/">Hunter Dukes</a></p>"#,
        );
        assert_eq!(extract(&doc).author.as_deref(), Some("Hunter Dukes"));
        let labelled = Html::parse_document(
            r#"<a href="https://example.com/blog/authors/emmanuel-oyibo" aria-label="Emmanuel Oyibo"><img src=a.jpg></a>"#,
        );
        assert_eq!(extract(&labelled).author.as_deref(), Some("Emmanuel Oyibo"));
        let elsewhere = Html::parse_document(r#"<a href="/authorship-guide">How we write</a>"#);
        assert_eq!(extract(&elsewhere).author, None);
    }

    #[test]
    fn a_sites_own_publication_date_meta_is_read_but_not_its_modified_date() {
        let doc = Html::parse_document(
            r#"<meta name="w-modified-date" content="2025-06-01"><meta name="w-published-date" content="2025-05-27T06:03:43.274Z">"#,
        );
        assert!(extract(&doc)
            .published
            .as_deref()
            .is_some_and(|d| d.starts_with("2025-05-27")));
        let modified =
            Html::parse_document(r#"<meta name="w-modified-date" content="2025-06-01">"#);
        assert_eq!(extract(&modified).published, None);
    }

    #[test]
    fn an_element_classed_author_names_the_author_outside_forms_and_reviews() {
        let doc = Html::parse_document(
            r#"<div class="review"><span class="review-author">Tom K.</span></div>
               <form><p class="comment-form-author"><label>Name *</label><input></p></form>
               <div class="post-hero__author"><span>Written by</span> <a href="/team">Lisa Pham</a>
               <span>May 2, 2025</span></div>"#,
        );
        assert_eq!(extract(&doc).author.as_deref(), Some("Lisa Pham"));
        // The same word in other languages.
        for class in ["autor", "article-auteur", "firma__autore"] {
            let html = format!(r#"<p class="{class}">Lucía Fernández</p>"#);
            let doc = Html::parse_document(&html);
            assert_eq!(
                extract(&doc).author.as_deref(),
                Some("Lucía Fernández"),
                "{class}"
            );
        }
        // Only the last word of a class counts: an author box is not a name.
        let bio =
            Html::parse_document(r#"<div class="author-bio">Lisa writes about gardens.</div>"#);
        assert_eq!(extract(&bio).author, None);
    }

    #[test]
    fn author_lines_lose_labels_dates_and_trailers() {
        for (raw, name) in [
            ("Written by Jane Roe", Some("Jane Roe")),
            ("Author: Jane Roe", Some("Jane Roe")),
            ("Autorin: Eva Muster", Some("Eva Muster")),
            ("Jane Roe | 2 weeks ago", Some("Jane Roe")),
            ("Andrew Gerrand 4 August 2010", Some("Andrew Gerrand")),
            ("FlowGuard EMEA on 04-08-2021", Some("FlowGuard EMEA")),
            ("Sat, 20 Dec 2025", None),
            ("Written By", None),
            ("Dec. 19, 2025 · Niko Matsakis", Some("Niko Matsakis")),
            ("March 20, 2023 | Wellness", Some("Wellness")),
            ("Updated March 3, 2025", None),
            ("Post by galitsyn » Sat Oct 12, 2024", Some("galitsyn")),
            ("Authority Magazine", Some("Authority Magazine")),
            ("di Marco Bianchi", Some("Marco Bianchi")),
            ("Di Maio", Some("Di Maio")),
            ("przez Annę Kowalską", Some("Annę Kowalską")),
        ] {
            assert_eq!(clean_author(raw).as_deref(), name, "{raw}");
        }
    }

    #[test]
    fn date_classes_are_named_by_their_last_word() {
        for class in [
            "date",
            "post-date",
            "entry__date",
            "meta published",
            "pubdate",
            "article-datum",
            "data",
            "fecha",
        ] {
            assert!(is_date_class(class), "{class}");
        }
        for class in [
            "update",
            "date-picker",
            "candidate",
            "validated",
            "metadata",
        ] {
            assert!(!is_date_class(class), "{class}");
        }
    }

    #[test]
    fn a_twice_escaped_meta_title_is_decoded() {
        let doc = Html::parse_document(
            r#"<meta property="og:title" content="Kneelers &amp;amp&#x3B; More &amp;quot;Pro&amp;quot;">"#,
        );
        assert_eq!(
            extract(&doc).title.as_deref(),
            Some("Kneelers & More \"Pro\"")
        );
    }

    #[test]
    fn empty_page_has_no_metadata() {
        let doc = fixture!("empty.html");
        assert_eq!(meta_of(&doc), [None, None, None, None, None, None]);
        assert_eq!(json_ld_article_body(&doc), None);
    }

    #[test]
    fn title_cleaning() {
        let cases = [
            ("Headline of the day | Site", None, "Headline of the day"),
            ("Site :: Headline of the day", None, "Headline of the day"),
            ("Headline of the day – Site", None, "Headline of the day"),
            (
                "Headline - with dash | Example News",
                Some("Example News"),
                "Headline - with dash",
            ),
            ("Example News | Headline", Some("example news"), "Headline"),
            (
                "Headline of the day | Site",
                Some("Site"),
                "Headline of the day",
            ),
            ("Just a title", None, "Just a title"),
            ("A | B", None, "A | B"),
        ];
        for (title, site, expected) in cases {
            assert_eq!(clean_document_title(title, site), expected, "{title}");
        }
        assert_eq!(
            confirms("Section - Headline here | Site", "Headline here", None),
            Some(Confirmation::Substantial)
        );
        assert_eq!(
            confirms("systemd - ArchWiki", "systemd", None),
            Some(Confirmation::FirstSide)
        );
        assert!(confirms("Headline of the day | Site", "Site", None).is_none());
        assert!(confirms("Site | Headline", "Site", Some("site")).is_none());
        assert!(confirms("Headline", "Other heading", None).is_none());
        assert_eq!(strip_site_name("Headline | Site", Some("Site")), "Headline");
        assert_eq!(
            strip_site_name("Headline | Other", Some("Site")),
            "Headline | Other"
        );
        assert_eq!(strip_site_name("Site", Some("Site")), "Site");
    }

    #[test]
    fn author_cleaning() {
        assert_eq!(
            clean_author("  By  Jane   Doe ").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            clean_author("von Max Muster").as_deref(),
            Some("Max Muster")
        );
        assert_eq!(clean_author("https://example.com/jane"), None);
        assert_eq!(clean_author("By "), None);
        assert_eq!(clean_author("12345"), None);
        assert_eq!(clean_author(", USA TODAY").as_deref(), Some("USA TODAY"));
        // The author page's link text, a date label run into the name, a "more" link.
        assert_eq!(
            clean_author("View all posts by Daniel Lemire").as_deref(),
            Some("Daniel Lemire")
        );
        assert_eq!(
            clean_author("Alle Beiträge von Anna Weber").as_deref(),
            Some("Anna Weber")
        );
        assert_eq!(clean_author("Reuters Updated").as_deref(), Some("Reuters"));
        assert_eq!(clean_author("Thi Le").as_deref(), Some("Thi Le"));
        assert_eq!(clean_author("mehr"), None);
        assert!(is_author_name_class("meta author-name"));
        assert!(is_author_name_class("authorDateBlock_authorName__N6j3Y"));
        assert!(!is_author_name_class("author-bio"));
        assert_eq!(clean_author(&"word ".repeat(40)), None);
    }

    #[test]
    fn language_codes() {
        assert_eq!(primary_subtag("en-US").as_deref(), Some("en"));
        assert_eq!(primary_subtag("pt_BR").as_deref(), Some("pt"));
        assert_eq!(primary_subtag("DE, en").as_deref(), Some("de"));
        assert_eq!(primary_subtag("fil").as_deref(), Some("fil"));
        assert_eq!(primary_subtag("english"), None);
        assert_eq!(primary_subtag(""), None);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &#8217; &#x41; &quot;q&quot; TFC8&reg;"),
            "a & b ’ A \"q\" TFC8®"
        );
        assert_eq!(
            decode_entities("AT&T &unknown; &#xFFFFFFFF; é&"),
            "AT&T &unknown; &#xFFFFFFFF; é&"
        );
        assert_eq!(decode_entities("&amp;é"), "&é");
    }

    #[test]
    fn deep_json_ld_does_not_overflow() {
        let deep = "[".repeat(5000) + &"]".repeat(5000);
        let nested = r#"{"@type":"Article","a":"#.repeat(100) + "1" + &"}".repeat(100);
        let page = format!(
            r#"<script type="application/ld+json">{deep}</script><script type="application/ld+json">{nested}</script>"#
        );
        let doc = Html::parse_document(&page);
        let _ = extract(&doc);
    }
}
