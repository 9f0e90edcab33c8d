//! Rule families of the text-mode cleaner, each with positive and negative cases in several
//! languages, checked through the public API.

use deboiler::{BlockKind, Cleaner, Focus, Rule};

/// Three body paragraphs in the given language, long enough to be prose.
fn body(lang: &str) -> Vec<&'static str> {
    match lang {
        "de" => vec![
            "Die Regierung hat am Dienstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen, das ab dem kommenden Jahr gelten soll.",
            "Nach Angaben des Ministeriums sollen die Investitionen in Wind- und Solarenergie bis 2030 verdoppelt werden, um die Klimaziele zu erreichen.",
            "Kritiker bemängeln jedoch, dass die Finanzierung noch nicht gesichert sei und die Netze für den Ausbau nicht bereit seien.",
        ],
        "fr" => vec![
            "Le gouvernement a présenté mardi un projet de loi visant à accélérer le développement des énergies renouvelables dans tout le pays.",
            "Selon le ministère, les investissements dans l'éolien et le solaire devraient doubler d'ici 2030 afin d'atteindre les objectifs climatiques.",
            "Les opposants estiment toutefois que le financement n'est pas assuré et que le réseau électrique n'est pas prêt pour cette transition.",
        ],
        "pl" => vec![
            "Rząd przyjął we wtorek projekt ustawy, który ma przyspieszyć rozwój odnawialnych źródeł energii w całym kraju.",
            "Według ministerstwa inwestycje w energetykę wiatrową i słoneczną mają się podwoić do 2030 roku, aby osiągnąć cele klimatyczne.",
            "Krytycy zwracają jednak uwagę, że finansowanie nie jest zapewnione, a sieci przesyłowe nie są gotowe na taką rozbudowę.",
        ],
        "ru" => vec![
            "Правительство во вторник одобрило законопроект, который должен ускорить развитие возобновляемой энергетики по всей стране.",
            "По данным министерства, инвестиции в ветровую и солнечную энергетику к 2030 году должны удвоиться для достижения климатических целей.",
            "Критики, однако, отмечают, что финансирование пока не обеспечено, а сети не готовы к такому расширению мощностей.",
        ],
        "zh" => vec![
            "政府周二批准了一项旨在加快全国可再生能源发展的法案，该法案将于明年生效，并将为风能和太阳能项目提供新的资金支持。",
            "据能源部介绍，到2030年，风能和太阳能领域的投资预计将翻一番，以实现国家提出的气候目标和减排承诺。",
            "但批评人士指出，目前资金尚未落实，电网也还没有为如此大规模的扩建做好准备，专家呼吁尽快完善配套政策。",
        ],
        _ => vec![
            "The government approved a bill on Tuesday that aims to speed up the development of renewable energy across the country.",
            "According to the ministry, investment in wind and solar power is expected to double by 2030 in order to meet the climate targets.",
            "Critics say, however, that the funding has not been secured and that the grid is not ready for such a rapid expansion.",
        ],
    }
}

fn page(before: &[&str], lang: &str, after: &[&str]) -> String {
    let mut parts: Vec<&str> = before.to_vec();
    parts.extend(body(lang));
    parts.extend_from_slice(after);
    parts.join("\n\n")
}

fn explain(text: &str) -> deboiler::Article {
    Cleaner::builder()
        .explain(true)
        .build()
        .clean_text(text)
        .expect("cleans")
}

fn rule_of(article: &deboiler::Article, line: &str) -> Option<Rule> {
    article
        .removed
        .iter()
        .find(|r| r.text == line)
        .map(|r| r.rule)
}

fn assert_body_kept(article: &deboiler::Article, lang: &str) {
    let kept: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(kept, body(lang), "body of the {lang} page");
}

#[test]
fn date_labels_and_reading_times_go_in_every_language() {
    for (lang, lines) in [
        ("en", vec!["Published: Updated:", "5 mins read"]),
        ("de", vec!["Veröffentlicht am", "Lesezeit: 3 Min."]),
        ("fr", vec!["Publié le", "Temps de lecture : 4 min"]),
        ("pl", vec!["Opublikowano:", "Czas czytania: 5 minut"]),
        ("ru", vec!["Опубликовано:", "Время чтения: 4 минуты"]),
        ("pt", vec!["Publicado:", "Tempo de leitura: 1 minuto"]),
        ("zh", vec!["发布时间：", "阅读时间：5分钟"]),
    ] {
        let a = explain(&page(&lines, lang, &[]));
        assert_body_kept(&a, lang);
        assert_eq!(rule_of(&a, lines[0]), Some(Rule::DateLabel), "{lang}");
        assert_eq!(rule_of(&a, lines[1]), Some(Rule::ReadingTime), "{lang}");
    }
}

#[test]
fn read_more_tails_and_their_headlines_go() {
    for (lang, marker, teaser) in [
        (
            "en",
            "Read more:",
            "Ten things to know about the new energy law",
        ),
        (
            "de",
            "Lesen Sie auch:",
            "Zehn Fragen zum neuen Energiegesetz",
        ),
        ("fr", "Lire aussi :", "Dix questions sur la nouvelle loi"),
        ("pl", "Czytaj także:", "Dziesięć pytań o nową ustawę"),
        ("ru", "Читайте также:", "Десять вопросов о новом законе"),
        ("zh", "相关阅读", "关于新能源法的十个问题"),
    ] {
        let a = explain(&page(&[], lang, &[marker, teaser]));
        assert_body_kept(&a, lang);
        assert_eq!(rule_of(&a, marker), Some(Rule::ReadMore), "{lang}");
        assert!(rule_of(&a, teaser).is_some(), "{lang}: teaser kept");
    }
}

#[test]
fn inline_read_more_pointers_go_but_sentences_stay() {
    let pointer = "ALSO READ: EU is in no hurry to recognise the new government";
    let see_more = "SEE MORE: Hong Kong protests: 800 students under siege in university";
    let sentence = "Read more about the plan in the ministry's report, which was published on Monday and runs to 300 pages.";
    let mut lines = body("en");
    lines.insert(1, pointer);
    lines.insert(2, sentence);
    lines.insert(3, see_more);
    let a = explain(&lines.join("\n\n"));
    assert_eq!(rule_of(&a, pointer), Some(Rule::ReadMore));
    assert_eq!(rule_of(&a, see_more), Some(Rule::ReadMore));
    assert!(
        a.blocks.iter().any(|b| b.text == sentence),
        "sentence with 'Read more' kept"
    );
}

#[test]
fn related_zones_end_the_article() {
    for (lang, heading) in [
        ("en", "Don't Miss"),
        ("de", "Das könnte Sie auch interessieren"),
        ("fr", "Sur le même sujet"),
        ("pl", "Najczęściej czytane"),
        ("ru", "Похожие статьи"),
        ("pl", "Ostatnie wpisy"),
        ("fr", "Les plus commentés"),
        ("de", "Mehr aus dem Ressort"),
    ] {
        let after = [
            heading,
            "Storm closes schools across the region",
            "The storm brought heavy snow and strong winds to the north of the country on Monday",
            "Prices rise again as demand grows",
        ];
        let a = explain(&page(&[], lang, &after));
        assert_body_kept(&a, lang);
        let rule = rule_of(&a, heading);
        assert!(
            matches!(rule, Some(Rule::RelatedZone | Rule::ReadMore)),
            "{lang}: {heading}: {rule:?}"
        );
    }
}

#[test]
fn previous_and_next_story_links_go() {
    let a = explain(&page(
        &[],
        "en",
        &[
            "Previous Story",
            "India grills Twitter over lapses",
            "Next Story",
            "Air pollution study",
        ],
    ));
    assert_body_kept(&a, "en");
    assert_eq!(rule_of(&a, "Previous Story"), Some(Rule::PrevNext));
}

#[test]
fn promo_cookie_and_mirror_notices_go() {
    for (lang, line, rule) in [
        (
            "en",
            "For the latest headlines, follow our Google News channel online or via the app.",
            Rule::Promo,
        ),
        (
            "de",
            "Folgen Sie uns auf Facebook und Instagram.",
            Rule::Promo,
        ),
        (
            "fr",
            "Abonnez-vous à notre newsletter pour ne rien manquer.",
            Rule::Promo,
        ),
        ("pl", "Obserwuj nas w Google News!", Rule::Promo),
        ("ru", "Подписывайтесь на наш телеграм-канал.", Rule::Promo),
        (
            "en",
            "This website uses cookies to improve your experience.",
            Rule::CookieNotice,
        ),
        (
            "en",
            "The website can also be accessed at the following alternate addresses:",
            Rule::MirrorNotice,
        ),
    ] {
        let mut lines = body(lang);
        lines.insert(1, line);
        let a = explain(&lines.join("\n\n"));
        assert_body_kept(&a, lang);
        assert_eq!(rule_of(&a, line), Some(rule), "{lang}: {line}");
    }
}

#[test]
fn continues_after_the_ad_notices_go() {
    for (lang, line) in [
        ("en", "Story continues below advertisement"),
        ("de", "Artikel wird unter der Anzeige fortgesetzt"),
        ("fr", "Suite de l’article après la publicité"),
        ("pl", "Dalsza część artykułu pod materiałem wideo"),
    ] {
        let mut lines = body(lang);
        lines.insert(2, line);
        let a = explain(&lines.join("\n\n"));
        assert_body_kept(&a, lang);
        assert_eq!(
            rule_of(&a, line),
            Some(Rule::Advertisement),
            "{lang}: {line}"
        );
    }
}

#[test]
fn paywall_notices_go() {
    for (lang, line) in [
        (
            "en",
            "This story is available to subscribers only. Already a subscriber? Log in.",
        ),
        (
            "de",
            "Dieser Artikel ist nur für Abonnenten verfügbar. Jetzt weiterlesen mit Plus.",
        ),
        (
            "fr",
            "Il vous reste 62.45% de cet article à lire. La suite est réservée aux abonnés.",
        ),
        (
            "pl",
            "Ten artykuł jest dostępny tylko dla subskrybentów. Masz już subskrypcję?",
        ),
    ] {
        let mut lines = body(lang);
        lines.push(line);
        let a = explain(&lines.join("\n\n"));
        assert_body_kept(&a, lang);
        assert_eq!(rule_of(&a, line), Some(Rule::Promo), "{lang}: {line}");
    }
}

#[test]
fn a_long_paragraph_that_mentions_a_newsletter_is_prose() {
    let para = "The company, which started as a small newsletter for local investors in 1998, now employs more than 4,000 people and follows our industry closely, publishing research that regulators and competitors read with great attention every quarter, and it plans to double its staff.";
    let mut lines = body("en");
    lines.insert(1, para);
    let a = explain(&lines.join("\n\n"));
    assert!(a.blocks.iter().any(|b| b.text == para));
}

#[test]
fn captions_with_credits_and_breadcrumbs_go() {
    let crumbs = "News \u{a0} / \u{a0} Politics \u{a0} / \u{a0} Energy";
    let caption_en = "Wind turbines stand in a field near the coast on Monday. (AFP photo)";
    let caption_de = "Windräder an der Küste bei Husum. Foto: dpa";
    let a = explain(&page(
        &[
            crumbs,
            "Parliament passes energy bill",
            caption_en,
            caption_de,
        ],
        "en",
        &[],
    ));
    assert_body_kept(&a, "en");
    assert_eq!(rule_of(&a, crumbs), Some(Rule::Breadcrumb));
    assert_eq!(rule_of(&a, caption_en), Some(Rule::Caption));
    assert_eq!(rule_of(&a, caption_de), Some(Rule::Caption));
    assert_eq!(a.title.as_deref(), Some("Parliament passes energy bill"));
}

#[test]
fn metadata_title_date_and_byline_come_out_of_the_body() {
    for (lang, date, iso) in [
        ("en", "September 2, 2021", "2021-09-02"),
        ("de", "2. September 2021", "2021-09-02"),
        ("fr", "2 septembre 2021", "2021-09-02"),
        ("pl", "2 września 2021", "2021-09-02"),
        ("ru", "2 сентября 2021", "2021-09-02"),
        ("zh", "2021年9月2日", "2021-09-02"),
    ] {
        let a = explain(&page(
            &["Energy bill passes after long debate", date, "By Jane Doe"],
            lang,
            &[],
        ));
        assert_body_kept(&a, lang);
        assert_eq!(
            a.title.as_deref(),
            Some("Energy bill passes after long debate"),
            "{lang}"
        );
        assert_eq!(a.published.as_deref(), Some(iso), "{lang}");
        assert_eq!(rule_of(&a, date), Some(Rule::Dateline), "{lang}");
    }
    let a = explain(&page(&["Energy bill passes", "By Jane Doe"], "en", &[]));
    assert_eq!(a.author.as_deref(), Some("Jane Doe"));
}

#[test]
fn comment_sections_go_unless_asked_for() {
    let after = [
        "34 responses to “Energy bill passes”",
        "greenfan says:",
        "This is the best news I have read all year, finally some progress on the climate.",
        "gridwatcher says:",
        "The grid will never cope with this, mark my words, we will see blackouts in winter.",
    ];
    let text = page(&["Energy bill passes"], "en", &after);
    let a = explain(&text);
    assert_body_kept(&a, "en");
    assert!(rule_of(&a, after[2]).is_some());
    let with = Cleaner::builder()
        .include_comments(true)
        .build()
        .clean_text(&text)
        .expect("cleans");
    assert!(with.blocks.iter().any(|b| b.text == after[2]));
}

#[test]
fn subheads_stay_as_headings_and_can_be_dropped() {
    let mut lines = body("en");
    lines.insert(2, "What happens next");
    let text = lines.join("\n\n");
    let a = explain(&text);
    let sub = a
        .blocks
        .iter()
        .find(|b| b.text == "What happens next")
        .expect("subhead kept");
    assert_eq!(sub.kind, BlockKind::Heading(2));
    let without = Cleaner::builder()
        .keep_headings(false)
        .explain(true)
        .build()
        .clean_text(&text)
        .expect("cleans");
    assert_eq!(
        rule_of(&without, "What happens next"),
        Some(Rule::HeadingOption)
    );
}

#[test]
fn cjk_pages_with_menus_and_related_lists() {
    let before = ["首页", "新闻", "国际", "财经", "体育", "新能源法案获批"];
    let after = ["相关新闻", "电动车销量创新高", "光伏企业扩产"];
    let a = explain(&page(&before, "zh", &after));
    assert_body_kept(&a, "zh");
    assert_eq!(a.title.as_deref(), Some("新能源法案获批"));
}

#[test]
fn menus_before_the_article_go() {
    let before = [
        "Home",
        "World",
        "Business",
        "Sport",
        "Culture",
        "Travel",
        "Subscribe",
        "Sign in",
    ];
    let a = explain(&page(
        &before,
        "en",
        &["© 2024 Example Media. All rights reserved."],
    ));
    assert_body_kept(&a, "en");
    assert_eq!(
        rule_of(&a, "© 2024 Example Media. All rights reserved."),
        Some(Rule::Footer)
    );
}

#[test]
fn focus_orders_how_much_is_kept() {
    let text = page(
        &["Energy bill passes", "Short label"],
        "en",
        &["A short line", "Another short line after it"],
    );
    let kept = |focus| {
        Cleaner::builder()
            .focus(focus)
            .build()
            .clean_text(&text)
            .expect("cleans")
            .blocks
            .len()
    };
    assert!(kept(Focus::Precision) <= kept(Focus::Balanced));
    assert!(kept(Focus::Balanced) <= kept(Focus::Recall));
}

#[test]
fn empty_junk_and_oversized_inputs() {
    assert!(deboiler::clean_text("").expect("empty is fine").is_empty());
    assert!(deboiler::clean_text("\n\n  \n")
        .expect("blank is fine")
        .is_empty());
    let junk: String = (0..2000u32)
        .map(|i| char::from_u32(i % 32).unwrap_or(' '))
        .collect();
    assert!(matches!(
        deboiler::clean_text(&junk),
        Err(deboiler::Error::Binary { .. })
    ));
    // A few undecodable bytes in real text are cleaned; bytes that are mostly undecodable are
    // refused as binary.
    let mut bytes = body("en").join("\n\n").into_bytes();
    bytes.extend_from_slice(&[0xff, 0xfe, 0x80]);
    assert!(deboiler::clean_text(&String::from_utf8_lossy(&bytes)).is_ok());
    let lossy =
        String::from_utf8_lossy(&[0x66, 0xff, 0xfe, 0x80, 0x81, 0x82, 0x6f, 0x80]).into_owned();
    assert!(matches!(
        deboiler::clean_text(&lossy),
        Err(deboiler::Error::Binary { .. })
    ));
    let small = Cleaner::builder().max_input_bytes(16).build();
    assert!(matches!(
        small.clean_text(&"x".repeat(17)),
        Err(deboiler::Error::InputTooLarge {
            size: 17,
            limit: 16
        })
    ));
}

#[test]
fn like_and_share_widgets_go_in_every_language() {
    for (lang, lines) in [
        (
            "en",
            vec!["Like this:", "Like Loading...", "Sharing is caring!"],
        ),
        (
            "de",
            vec!["Gefällt mir:", "Gefällt mir Wird geladen …", "Teilen mit:"],
        ),
        (
            "fr",
            vec!["J’aime ça :", "J’aime chargement…", "Partager :"],
        ),
        (
            "pl",
            vec!["Podoba mi się:", "Polub Wczytywanie…", "Udostępnij:"],
        ),
        (
            "ru",
            vec!["Нравится:", "Нравится Загрузка...", "Поделиться:"],
        ),
    ] {
        let a = explain(&page(&[], lang, &lines));
        assert_body_kept(&a, lang);
        for line in lines {
            assert!(rule_of(&a, line).is_some(), "{lang}: {line:?} kept");
        }
    }
    // A sentence that merely starts like a widget stays.
    let sentence = "Like this year's budget, the plan was approved by a large majority on Tuesday.";
    let mut lines = body("en");
    lines.insert(1, sentence);
    let a = explain(&lines.join("\n\n"));
    assert!(a.blocks.iter().any(|b| b.text == sentence), "sentence kept");
}

#[test]
fn prose_about_newsletters_is_not_promo() {
    // A paragraph that mentions newsletters in passing is prose; a short prompt is promo.
    let prose = "After pulling posts from 28 newsletters, the script found 74 articles from the \
                 past week and summarised seven of the highest scoring pieces for the digest.";
    let mut parts = body("en");
    parts.insert(2, prose);
    parts.push("Get our newsletters");
    let article = explain(&parts.join("\n\n"));
    let kept: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    let mut expected = body("en");
    expected.insert(2, prose);
    assert_eq!(kept, expected);
    assert_eq!(rule_of(&article, "Get our newsletters"), Some(Rule::Promo));
}

#[test]
fn named_neighbour_story_links_and_click_here_prompts_go() {
    let tail = [
        "- Next Auto News",
        "Previous Tech Story -",
        "GET THE NEWS APP BY CLICKING HERE",
    ];
    let article = explain(&page(&[], "en", &tail));
    assert_body_kept(&article, "en");
    assert_eq!(rule_of(&article, "Next Auto News"), Some(Rule::PrevNext));
    assert_eq!(
        rule_of(&article, "GET THE NEWS APP BY CLICKING HERE"),
        Some(Rule::Promo)
    );
    // A heading that starts with "Next" is not a pointer.
    let steps = explain(&page(&[], "en", &["Next steps for the council"]));
    assert_ne!(
        rule_of(&steps, "Next steps for the council"),
        Some(Rule::PrevNext)
    );
}

#[test]
fn wire_credit_lines_go_but_sentences_about_contributions_stay() {
    let tail = [
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Max Smith contributed reporting from Hong Kong.",
        "Fox News’ Ann Lee contributed to this report.",
    ];
    let article = explain(&page(&[], "en", &tail));
    assert_body_kept(&article, "en");
    for line in tail {
        assert_eq!(rule_of(&article, line), Some(Rule::Byline), "{line}");
    }
    let mut parts = body("en");
    let sentence = "Dozens of residents contributed to the repair fund after the storm damaged the old pier last winter.";
    parts.insert(1, sentence);
    let article = explain(&parts.join("\n\n"));
    assert!(article.blocks.iter().any(|b| b.text == sentence));
}

#[test]
fn gallery_counters_follow_prompts_and_text_size_labels_go() {
    let tail = [
        "Image 1 of 5",
        "1 - 5 of 36",
        "Follow Newsbeat on Instagram, Facebook and YouTube.",
        "Suivez Le Monde sur Instagram",
        "Text size",
    ];
    let article = explain(&page(&[], "en", &tail));
    assert_body_kept(&article, "en");
    assert_eq!(rule_of(&article, "Image 1 of 5"), Some(Rule::Caption));
    assert_eq!(
        rule_of(
            &article,
            "Follow Newsbeat on Instagram, Facebook and YouTube."
        ),
        Some(Rule::Promo)
    );
    assert_eq!(
        rule_of(&article, "Suivez Le Monde sur Instagram"),
        Some(Rule::Promo)
    );
    // Instructions that start with "Follow" are prose.
    let mut parts = body("en");
    let sentence = "Follow the steps on the form to apply for the grant before the deadline in June, she said.";
    parts.insert(2, sentence);
    let article = explain(&parts.join("\n\n"));
    assert!(article.blocks.iter().any(|b| b.text == sentence));
}

#[test]
fn german_and_french_wire_credits_go() {
    let de = explain(&page(
        &[],
        "de",
        &["Mit Material von dpa", "Mitarbeit: Anna Schmidt"],
    ));
    assert_body_kept(&de, "de");
    assert_eq!(rule_of(&de, "Mit Material von dpa"), Some(Rule::Byline));
    let fr = explain(&page(&[], "fr", &["Avec AFP"]));
    assert_body_kept(&fr, "fr");
    assert_eq!(rule_of(&fr, "Avec AFP"), Some(Rule::Byline));
}

#[test]
fn tag_and_category_lines_go_but_prose_about_categories_stays() {
    let tail = [
        "Tags: Employment, Health & Fitness, Mid-sized Businesses",
        "Tags calendario stock car 2018, stock car brasil, stock car cascavel",
        "Filed under: Politics",
        "Schlagwörter: Energie, Klima, Berlin",
        "Catégories : Société, Environnement",
        "Теги: энергетика, климат",
    ];
    let article = explain(&page(&[], "en", &tail));
    assert_body_kept(&article, "en");
    for line in tail {
        // Removed as a taxonomy line, or inside the tail that an earlier one opened.
        assert!(rule_of(&article, line).is_some(), "{line}");
    }
    assert_eq!(rule_of(&article, tail[0]), Some(Rule::Navigation));
    let mut parts = body("en");
    let sentences = [
        "Categories of risk include market, credit and liquidity risk.",
        "Tags are useful for organising notes, and most apps support them.",
    ];
    for (i, sentence) in sentences.iter().enumerate() {
        parts.insert(1 + i, sentence);
    }
    let article = explain(&parts.join("\n\n"));
    for sentence in sentences {
        assert!(
            article.blocks.iter().any(|b| b.text == sentence),
            "{sentence}"
        );
    }
}

#[test]
fn contents_headings_and_form_notices_go_but_prose_about_contents_stays() {
    let before = [
        "Table of contents",
        "Inhaltsverzeichnis",
        "Spis treści",
        "Oops! Something went wrong while submitting the form.",
    ];
    let article = explain(&page(&before, "en", &[]));
    assert_body_kept(&article, "en");
    for line in before {
        assert!(rule_of(&article, line).is_some(), "{line}");
    }
    let mut parts = body("en");
    let sentence = "The contents of the report were published on Monday by the ministry.";
    parts.insert(1, sentence);
    let article = explain(&parts.join("\n\n"));
    assert!(article.blocks.iter().any(|b| b.text == sentence));
}

#[test]
fn excerpts_cut_at_one_length_go_but_a_writers_ellipses_stay() {
    // A story list's teasers between the paragraphs, cut at 200 characters mid-sentence.
    let cut = |s: &str| format!("{}...", s.chars().take(200).collect::<String>());
    let teasers = [
        cut("Der Stadtrat hat am Montag beschlossen, die Buslinien im Norden der Stadt ab dem Frühjahr neu zu ordnen. Die Fahrgäste sollen dann alle zehn Minuten fahren können, auch am Abend. Der Verband der Pendler begrüßte die Pläne am Dienstag."),
        cut("Le festival de musique de la ville accueillera cette année plus de quarante groupes venus de toute l'Europe. Les organisateurs attendent près de cent mille visiteurs pendant les trois jours, un record pour la région."),
        cut("The regional hospital opened a new children's wing on Friday after three years of building work. The wing has forty beds and a play area, and it was paid for in part by a long public campaign led by parents in the town."),
    ];
    for t in &teasers {
        assert_eq!(t.chars().count(), 203, "{t}");
    }
    let paragraphs: Vec<&str> = body("en").into_iter().chain(body("fr")).collect();
    let mut parts: Vec<&str> = paragraphs[..4].to_vec();
    parts.extend(teasers.iter().map(String::as_str));
    parts.extend(&paragraphs[4..]);
    let article = explain(&parts.join("\n\n"));
    for p in &paragraphs {
        assert!(article.blocks.iter().any(|b| b.text == *p), "{p}");
    }
    for t in &teasers {
        assert_eq!(rule_of(&article, t), Some(Rule::RelatedZone), "{t}");
    }
    // A blogger's trailing ellipses come in all lengths: they stay.
    let musings = [
        "We planted the tomatoes early this year and I am still not sure it was the right call, but here we are…",
        "The beans on the other hand have done better than ever, climbing past the fence by the end of June and still going…",
        "And the bugs, well, the less said about the bugs eating the lettuce the better, because I would only start to complain…",
    ];
    let mut parts = body("en");
    parts.extend(musings);
    parts.extend(body("fr"));
    let article = explain(&parts.join("\n\n"));
    for m in musings {
        assert!(article.blocks.iter().any(|b| b.text == m), "{m}");
    }
}

#[test]
fn a_one_paragraph_post_wins_over_a_sidebar_of_recent_comments() {
    // A short blog post is one long paragraph between a menu and its tags; the sidebar's
    // recent-comments list runs to three sentence-like lines further down.
    let post =
        "Im Jahr des zehnten Jubiläums der für das deutsche Recht portierten Lizenzen wird es \
        endlich spannend rund um die Frage, was das Lizenzelement „keine kommerzielle Nutzung“ \
        bedeutet. Ein Gericht hat nun entschieden, dass ein Radiosender ein Foto nicht auf seiner \
        Website zeigen durfte, weil er kommerziell handle. Der Fotograf hatte das Bild unter einer \
        freien Lizenz veröffentlicht, die eine kommerzielle Nutzung ausschließt, und klagte gegen \
        die Veröffentlichung. Die Richter gaben ihm recht und sprachen ihm Schadensersatz zu. Ob \
        das Urteil in der nächsten Instanz Bestand hat, bleibt abzuwarten, denn der Sender hat \
        bereits angekündigt, in Berufung zu gehen, und viele Fachleute halten die Begründung für \
        angreifbar, sodass dies nicht das letzte Wort sein kann.";
    let text = [
        "Menü",
        "Was ist CC?\nFAQs\nKontakt",
        "Endlich wird es spannend: Die Einschränkung nach deutschem Recht",
        post,
        "Ähnliche Beiträge",
        "Tags: Bilder, Entscheidung, Fallrecht",
        "Neueste Kommentare",
        "Linkhaftung und offene Bildung: Paranoia oder berechtigte Sorgen? - Matthias bei Version 4.0 ist da!\n\
         Lizenzen: Gar nichts, ein bisschen - oder gleich alles? - Journalismus bei Es ist vollbracht!\n\
         Zehn Jahre Lizenzen, zehn Quellen für freie Musik bei der Feier: Am 8.12. in Berlin",
        "Archive\nNovember 2018\nMai 2017",
    ]
    .join("\n\n");
    let article = explain(&text);
    let kept: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(kept, [post], "{kept:?}");
}

#[test]
fn a_list_announced_by_a_colon_after_a_blank_line_stays_with_the_last_paragraph() {
    let mut lines: Vec<&str> = body("de");
    lines.push("Zur Beurteilung der Stoffwechselleistung kann der Landwirt verschiedene Indikatoren nutzen:");
    lines.push(
        "Fett-Eiweiß-Verhältnis aus der Milchleistungsprüfung,\nregelmäßige Gewichtsermittlung,\n\
         Kraftfutteraufnahme im Zusammenhang mit der Aktivität,\nWiederkauverhalten und Kotkonsistenz.",
    );
    let last = "Bereits die monatlichen Auswertungen der Milchinhaltsstoffe bieten dem Landwirt eine \
        Grundlage zur Überwachung seiner Fütterungsstrategie, die er mit den Sensordaten ergänzen kann.";
    lines.push(last);
    lines.push("Autor: Steffen Pache, Landesanstalt für Landwirtschaft");
    lines.push("Kontakt\nImpressum\nDatenschutz");
    let article = explain(&lines.join("\n\n"));
    let kept: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(
        kept.contains(&"Wiederkauverhalten und Kotkonsistenz."),
        "{kept:?}"
    );
    assert_eq!(kept.last(), Some(&last), "{kept:?}");
}

#[test]
fn thai_and_burmese_prose_is_prose_without_spaces_between_words() {
    // Thai writes no spaces between words and no full stop: a sentence ends at a space.
    let thai = [
        "รัฐบาลได้อนุมัติร่างกฎหมายฉบับใหม่เมื่อวันอังคารที่ผ่านมา ซึ่งมีเป้าหมายเพื่อเร่งการพัฒนาพลังงานหมุนเวียนทั่วประเทศ และจะมีผลบังคับใช้ตั้งแต่ต้นปีหน้าเป็นต้นไป",
        "กระทรวงพลังงานระบุว่าการลงทุนในพลังงานลมและพลังงานแสงอาทิตย์จะเพิ่มขึ้นเป็นสองเท่าภายในปี 2030 เพื่อให้บรรลุเป้าหมายด้านสภาพภูมิอากาศที่รัฐบาลได้ประกาศไว้",
        "อย่างไรก็ตาม ผู้วิจารณ์หลายคนชี้ว่างบประมาณยังไม่ได้รับการจัดสรรอย่างชัดเจน และโครงข่ายไฟฟ้ายังไม่พร้อมสำหรับการขยายตัวอย่างรวดเร็วในระดับนี้",
    ];
    // Burmese ends its sentences with "။".
    let burmese = [
        "အစိုးရသည် ပြန်လည်ပြည့်ဖြိုးမြဲ စွမ်းအင် ဖွံ့ဖြိုးတိုးတက်ရေးကို အရှိန်မြှင့်ရန် ဥပဒေကြမ်းအသစ်တစ်ခုကို အင်္ဂါနေ့တွင် အတည်ပြုခဲ့သည်။",
        "ဝန်ကြီးဌာန၏ အဆိုအရ လေအားနှင့် နေရောင်ခြည်စွမ်းအင်တွင် ရင်းနှီးမြှုပ်နှံမှုသည် ၂၀၃၀ ခုနှစ်တွင် နှစ်ဆတိုးလာမည်ဟု ခန့်မှန်းထားသည်။",
        "သို့သော် ဝေဖန်သူများက ရန်ပုံငွေ မသေချာသေးကြောင်းနှင့် ဓာတ်အားလိုင်းများ အဆင်သင့်မဖြစ်သေးကြောင်း ထောက်ပြကြသည်။",
    ];
    for body in [&thai[..], &burmese[..]] {
        let mut parts = vec!["Home\nNews\nSport\nContact"];
        parts.extend_from_slice(body);
        parts.push("Privacy Policy\nTerms of Use\nCookies");
        let article = explain(&parts.join("\n\n"));
        let kept: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(kept, body, "{kept:?}");
    }
}
