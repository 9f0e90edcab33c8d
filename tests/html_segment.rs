//! HTML segmentation and main-content choice, on small hand-written pages.

use deboiler::{BlockKind, Cleaner, Rule};

const NEWS: &str = include_str!("fixtures/html/news_article.html");

fn clean(html: &str) -> deboiler::Article {
    Cleaner::builder()
        .explain(true)
        .build()
        .clean_html(html)
        .expect("HTML input is accepted")
}

fn kinds(article: &deboiler::Article) -> Vec<(BlockKind, &str)> {
    article
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect()
}

#[test]
fn article_body_is_kept_and_boilerplate_removed() {
    let article = clean(NEWS);
    let text = article.text();
    assert!(text.contains("The council approved the new budget on Monday"));
    assert!(text.contains("review the plan again next spring"));
    for gone in [
        "should never appear",
        "color: red",
        "Weather",
        "Home / News",
        "Share on Facebook",
        "Most read",
        "Ten tips for driving",
        "All rights reserved",
        "long overdue",
        "Photo: Jane Roe",
    ] {
        assert!(!text.contains(gone), "{gone:?} leaked into {text:?}");
    }
}

#[test]
fn removed_blocks_carry_structural_rules() {
    let article = clean(NEWS);
    let rule_of = |needle: &str| {
        article
            .removed
            .iter()
            .find(|r| r.text.contains(needle))
            .map(|r| r.rule)
    };
    assert_eq!(rule_of("Weather"), Some(Rule::Navigation));
    assert_eq!(rule_of("long overdue"), Some(Rule::Comments));
    assert_eq!(rule_of("All rights reserved"), Some(Rule::Footer));
    assert_eq!(rule_of("Photo: Jane Roe"), Some(Rule::Caption));
}

#[test]
fn comments_are_kept_on_request() {
    let article = Cleaner::builder()
        .include_comments(true)
        .build()
        .clean_html(NEWS)
        .expect("HTML input is accepted");
    assert!(article.text().contains("long overdue"));
}

#[test]
fn block_kinds_follow_the_markup() {
    let article = clean(NEWS);
    let blocks = kinds(&article);
    assert!(blocks.contains(&(BlockKind::Heading(2), "What changes for residents")));
    assert!(blocks.contains(&(BlockKind::TableRow, "Item | Amount")));
    assert!(blocks.contains(&(BlockKind::TableRow, "Roads and bridges | 4.2 million")));
    assert!(blocks.contains(&(BlockKind::Code, "total = roads + library + nurses")));
}

#[test]
fn lists_quotes_and_double_breaks() {
    let html = "<html><body><article>\
        <p>The committee published its findings on Tuesday, listing three reasons for the delay in the project.</p>\
        <ul><li>Funding arrived late from the regional office.</li><li>Two contractors withdrew.</li></ul>\
        <blockquote><p>We will finish the work before the winter, whatever it takes.</p></blockquote>\
        <p>First line of the letter, written in the spring.<br><br>Second part of the letter, written in the autumn.</p>\
        </article></body></html>";
    let article = clean(html);
    let blocks = kinds(&article);
    assert!(blocks.contains(&(BlockKind::ListItem, "Two contractors withdrew.")));
    assert!(blocks.contains(&(
        BlockKind::Quote,
        "We will finish the work before the winter, whatever it takes."
    )));
    assert!(blocks.contains(&(
        BlockKind::Paragraph,
        "First line of the letter, written in the spring."
    )));
    assert!(blocks.contains(&(
        BlockKind::Paragraph,
        "Second part of the letter, written in the autumn."
    )));
}

#[test]
fn a_long_noscript_of_escaped_text_is_not_read_as_a_page() {
    // A tracking pixel whose long address a page saved escaped: a browser without scripts
    // would show "<img src=...>" as text; it is not a crawler view of the page.
    let pixel = format!(
        "&lt;img src=\"https://stats.example.com/?{}\" height=\"1\" width=\"1\" alt=\"\"&gt;",
        "c8=%E1%80%94%E1%80%AD&amp;amp;".repeat(120)
    );
    let html = format!(
        "<html><body><div class=\"story\">\
         <p>The bridge reopened to traffic on Friday after three months of repairs to its deck.</p>\
         <p>Engineers said the repairs should keep the bridge safe for another forty years.</p>\
         </div><noscript>{pixel}</noscript></body></html>"
    );
    let text = clean(&html).text();
    assert!(text.contains("bridge reopened"), "{text}");
    assert!(!text.contains("img src"), "{text}");
}

#[test]
fn never_content_and_hidden_elements_contribute_nothing() {
    let html = "<html><body><div class=\"story\">\
        <p>The bridge reopened to traffic on Friday after three months of repairs to its steel deck.</p>\
        <button>Click me now</button><select><option>Option text</option></select>\
        <textarea>Typed text</textarea><noscript>Enable scripts</noscript>\
        <svg><text>Vector label</text></svg><iframe>Frame text</iframe>\
        <div hidden>Hidden attribute text</div>\
        <div aria-hidden=\"true\">Aria hidden text</div>\
        <div style=\"display: none\">Display none text</div>\
        <p>Engineers said the repairs should keep the bridge safe for another forty years of heavy use.</p>\
        </div></body></html>";
    let text = clean(html).text();
    assert!(text.contains("bridge reopened"));
    assert!(text.contains("another forty years"));
    for gone in [
        "Click me",
        "Option text",
        "Typed text",
        "Enable scripts",
        "Vector label",
        "Frame text",
        "Hidden attribute",
        "Aria hidden",
        "Display none",
    ] {
        assert!(!text.contains(gone), "{gone:?} leaked into {text:?}");
    }
}

#[test]
fn main_content_is_found_without_article_markup() {
    let html = "<html><body>\
        <div id=\"top\"><a href=\"/\">Home</a> <a href=\"/a\">About</a> <a href=\"/c\">Contact</a> <a href=\"/s\">Shop</a></div>\
        <div id=\"wrap\"><div id=\"left\">\
          <p>The harvest this year was the largest the farm has seen since records began in the nineteen fifties.</p>\
          <p>Farmers credited a wet spring and a long, warm summer, though prices have fallen as a result of the glut.</p>\
          <p>Some growers plan to store part of the crop until the market recovers later in the winter months.</p>\
        </div>\
        <div id=\"right\"><ul><li><a href=\"/1\">Weather forecast for the week</a></li><li><a href=\"/2\">Market prices today</a></li>\
        <li><a href=\"/3\">Letters to the editor</a></li></ul></div></div>\
        </body></html>";
    let article = clean(html);
    let text = article.text();
    assert!(text.contains("largest the farm has seen"));
    assert!(text.contains("until the market recovers"));
    assert!(!text.contains("Weather forecast"));
    assert!(!text.contains("Contact"));
}

#[test]
fn deep_nesting_comes_out_whole() {
    let depth = 10_000;
    let mut html = String::from("<html><body><article>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str(
        "<p>The deepest paragraph still holds the whole story of the flood and the rescue.</p>",
    );
    html.push_str(
        "<p>A second paragraph explains how the village recovered over the following year.</p>",
    );
    html.push_str(&"</div>".repeat(depth));
    html.push_str("</article></body></html>");
    let text = clean(&html).text();
    assert!(
        text.contains("the whole story of the flood"),
        "got {text:?}"
    );
    assert!(text.contains("how the village recovered"), "got {text:?}");
}

#[test]
fn broken_markup_does_not_panic() {
    for html in [
        "",
        "<",
        "<html><body><p>Unclosed <b>bold <i>italic",
        "<table><td>cell<tr><p>para</table></td>",
        "</div></div><p>stray closers</p></span>",
        "<div class=\"ad💩x\">emoji class</div>",
        "<pre>code<br>line</pre><br><br><br>",
        "<a href=x><div><p>card text inside a link</p></div></a>",
    ] {
        let _ = Cleaner::new().clean_html(html);
    }
}

/// A category page: one intro sentence and a long list of links, between a menu and a
/// footer. The links are the page's content.
fn category_page(og_type: &str) -> String {
    category_page_with(
        og_type,
        "This category lists individual programming languages, one page each.",
    )
}

fn category_page_with(og_type: &str, intro: &str) -> String {
    let items: String = (1..=40)
        .map(|i| {
            format!("<li><a href=\"/lang/{i}\">Programming language number {i} (compiled)</a></li>")
        })
        .collect();
    format!(
        "<html><head><meta property=\"og:type\" content=\"{og_type}\"></head><body>\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/about\">About</a></li>\
         <li><a href=\"/contact\">Contact</a></li></ul></nav>\
         <div id=\"content\"><h1>Category: Programming languages</h1>\
         <p>{intro}</p>\
         <div class=\"category-pages\"><ul>{items}</ul></div></div>\
         <div class=\"footer\">All rights reserved.</div></body></html>"
    )
}

#[test]
fn a_listing_page_keeps_its_link_items() {
    let article = clean(&category_page("website"));
    let text = article.text();
    assert!(
        text.contains("Programming language number 1 (compiled)"),
        "{text}"
    );
    assert!(
        text.contains("Programming language number 40 (compiled)"),
        "{text}"
    );
    assert!(!text.contains("All rights reserved"), "{text}");
    assert!(!text.contains("Contact"), "{text}");
}

#[test]
fn a_declared_article_does_not_become_a_listing() {
    // The same shape on a page that says it is an article: a short story beside a list
    // of other headlines. The headlines are not its content.
    let story = "This category lists individual programming languages, one page each. The \
                 committee met on Monday to review the list and decided to split it by decade. \
                 Each language keeps its page; the lists of compilers and tools move to their \
                 own categories next month, after a vote by the editors.";
    let text = clean(&category_page_with("article", story)).text();
    assert!(text.contains("The committee met on Monday"), "{text}");
    assert!(
        !text.contains("Programming language number 1 (compiled)"),
        "{text}"
    );
    // A page calling itself an article whose own text is a sliver of its lists is a
    // section page: the lists are its content.
    let text = clean(&category_page("article")).text();
    assert!(
        text.contains("Programming language number 40 (compiled)"),
        "{text}"
    );
}

#[test]
fn a_streamed_react_segment_is_read_but_other_hidden_elements_are_not() {
    // React's streaming server rendering sends the page inside `<div hidden id="S:0">` and
    // swaps it in by script; any other `hidden` element stays unseen.
    let body = "<p>The river rose two metres overnight and the old bridge was closed to traffic \
                until engineers could inspect it.</p><p>Residents on the lower streets were \
                asked to move their cars to higher ground before the evening.</p>";
    let page = format!(
        "<html><body><template id=\"B:0\"></template>\
         <div hidden id=\"S:0\"><main><h1>Flood closes the old bridge</h1>{body}</main></div>\
         <div hidden id=\"menu\"><p>This hidden menu text must never appear in the output at all.</p></div>\
         </body></html>"
    );
    let text = clean(&page).text();
    assert!(
        text.contains("The river rose two metres overnight"),
        "{text}"
    );
    assert!(text.contains("move their cars to higher ground"), "{text}");
    assert!(!text.contains("hidden menu text"), "{text}");
}

/// An article whose container ends with a "More <site>" box of teasers: headline links,
/// author lines and one-sentence excerpts.
fn article_with_more_box(heading: &str) -> String {
    let para = "<p>The council approved the new budget on Monday after a long debate about \
                roads, schools and the new library in the district.</p>";
    let teasers: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=\"item\"><a href=\"/s/{i}\">Story number {i} about something else</a>\
                 <p>Jane Writer</p><p>An excerpt of another story that runs for one full \
                 sentence about its own subject, number {i}.</p></div>"
            )
        })
        .collect();
    format!(
        "<html><head><meta property=\"og:site_name\" content=\"Daily Example\"></head><body>\
         <div class=\"story\"><h1>Council approves budget</h1>{para}{para}{para}\
         <div class=\"box\"><h3>{heading}</h3>{teasers}</div></div></body></html>"
    )
}

#[test]
fn a_more_from_the_site_box_goes_with_its_teasers() {
    for heading in [
        "More Daily Example",
        "Mehr von Daily Example",
        "More Great Daily Example Stories",
        "Related",
    ] {
        let article = clean(&article_with_more_box(heading));
        let text = article.text();
        assert!(
            text.contains("The council approved the new budget"),
            "{text}"
        );
        assert!(!text.contains(heading), "{heading}: {text}");
        assert!(
            !text.contains("An excerpt of another story"),
            "{heading}: {text}"
        );
        assert!(!text.contains("Jane Writer"), "{heading}: {text}");
    }
    // A heading that names something else is the article's own.
    let article = clean(&article_with_more_box("More about the library"));
    assert!(article.text().contains("An excerpt of another story"));
}

#[test]
fn a_marker_in_the_menu_does_not_reach_into_the_article() {
    // "Latest" is a tail heading; as a menu item it must not take the article's first,
    // short lines for its list.
    let page = "<html><body><nav><ul><li><a href=\"/\">Home</a></li>\
                <li><a href=\"/latest\">Latest</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav>\
                <div class=\"post-body\">Chelsea paid the release fee this morning to sign the keeper<br>\
                This frees the move of the other keeper to Madrid<br><br>\
                The keeper will have a medical today ahead of the move, which will make him the \
                most expensive keeper in history.<br><br>He flew to London last night and will \
                spend the day completing the formalities of the deal.</div></body></html>";
    let text = clean(page).text();
    assert!(text.contains("Chelsea paid the release fee"), "{text}");
    assert!(text.contains("This frees the move"), "{text}");
    assert!(!text.contains("Sport"), "{text}");
}

#[test]
fn forum_posts_lose_their_profile_panels_and_signatures() {
    let post = |user: &str, body: &str| {
        format!(
            "<div class=\"post\"><dl class=\"postprofile\"><dt>{user}</dt><dd>Posts: 4032</dd>\
             <dd>Joined: Dec 11, 2021</dd></dl><div class=\"postbody\"><p>{body}</p>\
             <div class=\"signature\">Visit my garden blog for more pictures of tomatoes.</div>\
             </div></div>"
        )
    };
    let page = format!(
        "<html><body><div id=\"page-body\">{}{}{}</div></body></html>",
        post("alice", "My tomato plants have yellow leaves at the bottom since last week. Is it too much water or a lack of nitrogen in the soil?"),
        post("bob", "Yellow lower leaves are usually a sign of nitrogen shortage. Feed them with compost tea and water less often in cool weather."),
        post("carol", "I had the same problem last summer; mulching and a weekly feed fixed it within two weeks, and the new leaves came out green."),
    );
    let text = clean(&page).text();
    assert!(
        text.contains("My tomato plants have yellow leaves"),
        "{text}"
    );
    assert!(text.contains("mulching and a weekly feed"), "{text}");
    assert!(!text.contains("Posts: 4032"), "{text}");
    assert!(!text.contains("garden blog"), "{text}");
}

#[test]
fn a_related_heading_makes_its_box_related_however_long_the_teasers() {
    // A short article, then an unnamed box opened by "You may also like" holding long
    // excerpts of other posts: the box must not win the main-content choice.
    let excerpt = "An excerpt of another post that runs on for a long while about its own \
                   subject, with several sentences of text. It keeps going so that the box \
                   holds more text than the article. Then it ends abruptly …";
    let teasers: String = (0..6)
        .map(|i| {
            format!(
                "<article><h2><a href=\"/p/{i}\">Other post {i}</a></h2><p>{excerpt}</p></article>"
            )
        })
        .collect();
    let page = format!(
        "<html><head><meta property=\"og:type\" content=\"article\"></head><body>\
         <article><h1>Only those who love themselves</h1><p>Living a true experience of love is \
         one of the greatest pleasures of life. Liking is feeling with the soul, but expressing \
         feelings depends on the ideas of each one of us. We condition love to our needs and end \
         it. We want to be loved and do not love ourselves; we want to be understood and do not \
         understand ourselves. Each one is solely responsible for their own needs.</p><p>When \
         we abandon ourselves, we look for someone to fill the hole we dug. Dissatisfaction and \
         the inner void turn into a continuous search for new relationships, whose frustrating \
         results will repeat. Only those who love themselves can find true love.</p></article>\
         <section><h3>You may also like...</h3>{teasers}</section></body></html>"
    );
    let text = clean(&page).text();
    assert!(text.contains("Living a true experience of love"), "{text}");
    assert!(!text.contains("An excerpt of another post"), "{text}");
}

#[test]
fn collapsed_accordion_panels_are_content_but_other_styled_hidden_blocks_are_not() {
    let panel = |i: u32| {
        format!(
            "<div class=\"es-accordion\"><h3 id=\"h{i}\">Step {i}</h3>\
             <div style=\"display:none\" role=\"region\" aria-labelledby=\"h{i}\">\
             <p>Step {i} of the installation takes about a week: the installer visits the \
             house, checks the roof and prepares the permits for the town.</p></div></div>"
        )
    };
    let page = format!(
        "<html><body><div role=\"main\"><h1>How solar panels are installed</h1>{}{}{}{}\
         <div style=\"display:none\"><p>Your session has expired, please sign in again to \
         continue where you left off.</p></div></div></body></html>",
        panel(1),
        panel(2),
        panel(3),
        panel(4)
    );
    let text = clean(&page).text();
    for i in 1..=4 {
        assert!(
            text.contains(&format!("Step {i} of the installation")),
            "{text}"
        );
    }
    assert!(!text.contains("session has expired"), "{text}");
}

#[test]
fn a_page_declared_a_discussion_keeps_its_replies() {
    let reply = |i: u32| {
        format!(
            "<div class=\"comment\"><p>Reply {i}: I would start with a hub that speaks Z-Wave and \
             add one sensor at a time, so that each automation can be tested before the next.</p></div>"
        )
    };
    let replies: String = (1..=5).map(reply).collect();
    let page = |ld: &str| {
        format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"{ld}\"}}</script></head>\
             <body><main><h1>Where should I start with a smart home?</h1><p>I have nothing smart in \
             my flat yet and want to begin with lights and a door alarm. The question is which \
             system to pick first, and whether it is worth running my own server for it at all. \
             I read about several hubs but cannot decide between them. My budget is small, the \
             flat is rented, so nothing can be drilled or wired into the walls, and the landlord \
             wants everything gone when I move out. The router is old and sits in the hall, far \
             from the bedroom, and the signal there is weak. Any advice on where to begin, what \
             to buy first and what to avoid would be very welcome.</p>\
             <div class=\"comments\">{replies}</div></main></body></html>"
        )
    };
    let text = clean(&page("DiscussionForumPosting")).text();
    assert!(text.contains("I have nothing smart in my flat"), "{text}");
    assert!(text.contains("Reply 3: I would start with a hub"), "{text}");
    // The same page as an article: the replies are comments.
    let text = clean(&page("NewsArticle")).text();
    assert!(text.contains("I have nothing smart in my flat"), "{text}");
    assert!(!text.contains("Reply 3"), "{text}");
}

fn paragraphs(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "<p>{prefix} paragraph {i} tells the story of the harbour, the boats that \
                 came in at dawn and the people who waited for them on the quay.</p>"
            )
        })
        .collect()
}

#[test]
fn a_second_copy_of_the_article_is_removed_as_a_duplicate() {
    // Responsive layouts and gated views ship the same article twice; readers see one.
    let body = paragraphs("Body", 12);
    let html = format!(
        "<html><body><div class=desktop><h1>Harbour</h1>{body}</div>\
         <div class=mobile>{body}</div><footer>All rights reserved</footer></body></html>"
    );
    let article = clean(&html);
    let text = article.text();
    assert_eq!(text.matches("Body paragraph 3 tells").count(), 1, "{text}");
    assert!(text.contains("Body paragraph 11 tells"));
    assert!(article
        .removed
        .iter()
        .any(|r| r.rule == Rule::Duplicate && r.text.contains("Body paragraph 3")));
}

#[test]
fn short_repeated_cards_and_code_samples_are_not_copies() {
    // Pricing tiers repeat their features; API docs repeat their response shapes.
    let card = "<li>Unlimited revisions for thirty days</li><li>Cover letter included</li>";
    let code =
        "<pre>{\n  \"object\": \"charge\",\n  \"amount\": 1099,\n  \"currency\": \"usd\"\n}</pre>"
            .repeat(3);
    let html = format!(
        "<html><body><main>{}<div class=tier><h3>Basic</h3><ul>{card}</ul></div>\
         <div class=tier><h3>Pro</h3><ul>{card}</ul></div>\
         <h2>Create a charge</h2>{code}<h2>Retrieve a charge</h2>{code}</main></body></html>",
        paragraphs("Intro", 6)
    );
    let text = clean(&html).text();
    assert_eq!(text.matches("Cover letter included").count(), 2, "{text}");
    assert_eq!(text.matches("\"currency\": \"usd\"").count(), 6, "{text}");
}

#[test]
fn an_article_split_by_a_callout_keeps_both_halves() {
    // Two body elements under one parent, a newsletter and featured-story box between them.
    let html = format!(
        "<html><body><nav><a href=/>Home</a> <a href=/blog>Blog</a></nav>\
         <section><div class=wrapper><h1>Harbour</h1>\
         <div class=rich-text>{}</div>\
         <div class=callout><h4>Featured articles</h4><a href=/a>How to price your work</a>\
         <a href=/b>Negotiating as a freelancer</a><p>Join our email list today!</p></div>\
         <div class=rich-text>{}</div></div></section></body></html>",
        paragraphs("First", 5),
        paragraphs("Second", 7)
    );
    let text = clean(&html).text();
    assert!(text.contains("First paragraph 0 tells"), "{text}");
    assert!(text.contains("Second paragraph 6 tells"), "{text}");
    assert!(!text.contains("Negotiating as a freelancer"), "{text}");
}

#[test]
fn an_author_box_after_the_article_goes() {
    for heading in ["About the Author", "Über den Autor", "À propos de l'auteur"] {
        let html = format!(
            "<html><body><article><h1>Harbour</h1>{}\
             <div class=bio-box><h3>{heading}</h3><p>Jane Roe has covered the harbour for \
             twenty years and writes about boats.</p><a href=/jane>View all posts by Jane Roe</a>\
             </div></article></body></html>",
            paragraphs("Body", 6)
        );
        let text = clean(&html).text();
        assert!(text.contains("Body paragraph 5 tells"), "{text}");
        assert!(
            !text.contains("covered the harbour for twenty years"),
            "{heading}: {text}"
        );
    }
}

#[test]
fn an_explainer_aside_in_the_article_stays_but_a_teaser_aside_goes() {
    let html = format!(
        "<html><body><article><h1>Harbour</h1>{}\
         <aside class=callout><p>A tide gauge measures the height of the water every few \
         minutes; the harbour office has kept these records since 1870, long before the \
         new quay was built, and they show how the sea has risen by a hand's width.</p></aside>\
         {}<aside><h4>Read next</h4><ul><li><a href=/a>Boats of the north</a></li>\
         <li><a href=/b>The quay at night</a></li></ul></aside></article></body></html>",
        paragraphs("Body", 4),
        paragraphs("More", 3)
    );
    let text = clean(&html).text();
    assert!(text.contains("A tide gauge measures the height"), "{text}");
    assert!(text.contains("More paragraph 2 tells"), "{text}");
    assert!(!text.contains("Boats of the north"), "{text}");
}

#[test]
fn a_post_with_a_comment_section_three_times_its_length_comes_out_whole() {
    let comments: String = (0..40)
        .map(|i| {
            format!(
                "<li class=comment><p class=comment-author>Reader {i}</p><p>I read the piece \
                 twice and I still think the harbour office should publish every record it has \
                 kept, because the town deserves to see them. Comment number {i}.</p></li>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><div class=postarea><h1>Harbour</h1>{}\
         <div id=comments class=comments-area><h3>40 Comments</h3><ol>{comments}</ol></div>\
         </div></body></html>",
        paragraphs("Body", 8)
    );
    let text = clean(&html).text();
    assert!(text.contains("Body paragraph 0 tells"), "{text}");
    assert!(text.contains("Body paragraph 7 tells"), "{text}");
    assert!(!text.contains("Comment number 3"), "{text}");
}

#[test]
fn call_to_action_labels_inside_the_article_go() {
    let html = format!(
        "<html><body><article><h1>Harbour</h1>{}<p>Book a demo</p><p>Contact us</p>\
         {}<p>Pin this for later!</p><p><a href=/cart>Add to cart</a></p>\
         <p>Mehr erfahren</p></article></body></html>",
        paragraphs("Body", 3),
        paragraphs("More", 3)
    );
    let article = clean(&html);
    let text = article.text();
    assert!(text.contains("More paragraph 2 tells"), "{text}");
    for label in [
        "Book a demo",
        "Contact us",
        "Pin this for later!",
        "Add to cart",
        "Mehr erfahren",
    ] {
        assert!(!text.contains(label), "{label}: {text}");
        assert!(
            article
                .removed
                .iter()
                .any(|r| r.text == label && r.rule == Rule::Navigation),
            "{label}"
        );
    }
}

#[test]
fn a_heading_whose_section_went_as_boilerplate_goes_with_it() {
    let html = format!(
        "<html><body><article><h1>Harbour</h1>{}<h3>Our weekly letter</h3>\
         <p>Get the best stories in your inbox. Sign up for our newsletter today.</p>\
         </article></body></html>",
        paragraphs("Body", 4)
    );
    let article = clean(&html);
    let text = article.text();
    assert!(text.contains("Body paragraph 3 tells"), "{text}");
    assert!(!text.contains("Our weekly letter"), "{text}");
    assert!(article
        .removed
        .iter()
        .any(|r| r.text == "Our weekly letter" && r.rule == Rule::Promo));
}

#[test]
fn a_heading_over_its_dropped_date_line_stays() {
    // A listing's entry: the headline is content, the date under it is metadata.
    let html = format!(
        "<html><body><main>{}<h3>Harbour reopens after the storm</h3>\
         <p>March 3, 2026</p>{}</main></body></html>",
        paragraphs("Body", 3),
        paragraphs("More", 2)
    );
    let text = clean(&html).text();
    assert!(text.contains("Harbour reopens after the storm"), "{text}");
}

#[test]
fn a_menu_cells_trailing_text_stays_in_its_cell_of_a_layout_table() {
    // The row reads as data until the second cell opens a block: the first cell's last
    // line ("Weather today") was then emitted inside the article cell's range.
    let html = "<html><body><table><tr><td><a href=/>Home</a><br><a href=/a>About</a><br><br>\
        Weather today: 12 C</td><td><h2>Headline here</h2>\
        First paragraph of the story is long enough to count as running text, with clauses.<br><br>\
        Second paragraph of the story is long enough to count as running text, with clauses.<br><br>\
        Third paragraph of the story is long enough to count as running text, with clauses.\
        </td></tr></table></body></html>";
    let article = clean(html);
    let text = article.text();
    assert!(text.contains("Third paragraph of the story"), "{text}");
    assert!(!text.contains("Weather today"), "{text}");
}

#[test]
fn an_h2_that_is_a_side_of_the_title_heads_a_page_without_h1() {
    let html = format!(
        "<html><head><title>Village Hall - News - Square repairs start in April</title></head>\
         <body><h2>Latest</h2><h2>Square repairs start in April</h2>{}</body></html>",
        paragraphs("Body", 3)
    );
    let article = clean(&html);
    assert_eq!(
        article.title.as_deref(),
        Some("Square repairs start in April")
    );
}

#[test]
fn page_metadata_wins_over_headline_guesses_in_the_body() {
    // The body opens with a date line and a table-of-contents heading; the page's own
    // metadata names the title, date and author.
    let html = format!(
        "<html><head><title>Web Design Trends | Studio</title>\
         <meta property=og:title content='Web Design Trends to Expect in 2026'>\
         <meta name=author content='Selin Romano'>\
         <meta property=article:published_time content='2025-11-17T09:00:00Z'></head>\
         <body><article><p>Nov 20, 2025</p><h2>Table of Contents</h2>{}</article></body></html>",
        paragraphs("Body", 5)
    );
    let article = clean(&html);
    assert_eq!(
        article.title.as_deref(),
        Some("Web Design Trends to Expect in 2026")
    );
    assert_eq!(article.author.as_deref(), Some("Selin Romano"));
    assert!(article
        .published
        .as_deref()
        .is_some_and(|d| d.starts_with("2025-11-17")));
}

#[test]
fn a_date_line_before_the_body_beats_a_date_classed_element_elsewhere() {
    let body = paragraphs("Body", 5);
    // No date in the page's metadata: the date line over the body names it.
    let html = format!(
        "<html><body><article><h1>Council approves the budget</h1><p>March 3, 2025</p>{body}\
         </article><aside><div class=\"teaser\"><span class=\"post-date\">July 9, 2021</span>\
         <a href=/old>An older story</a></div></aside></body></html>"
    );
    assert_eq!(clean(&html).published.as_deref(), Some("2025-03-03"));
    // Without a date line, the element classed as a date gives it.
    let html = format!(
        "<html><body><article><h1>Council approves the budget</h1>\
         <div class=\"entry-meta\"><span class=\"entry__date\">Posted July 9, 2021 · 5 min read</span></div>\
         {body}</article></body></html>"
    );
    assert_eq!(clean(&html).published.as_deref(), Some("2021-07-09"));
}

/// A shop page: a short description, then customer reviews longer than it.
fn shop_page(head: &str, item_attrs: &str) -> String {
    let review = "I bought this kettle for my office and it boils water quickly, stays quiet \
                  and the handle never gets hot, which matters with a full pot in the morning.";
    let reviews: String = (0..6)
        .map(|i| format!("<div class=\"review\"><p>Reviewer {i}: {review}</p></div>"))
        .collect();
    format!(
        "<html><head>{head}</head><body><nav><a href=/>Home</a></nav>\
         <div {item_attrs}><h1>Steel kettle</h1>\
         <div class=\"description\"><p>A steel kettle with a two-litre pot, an automatic \
         shut-off and a base that turns all the way round, for kitchens and offices.</p>\
         <ul><li>Capacity: 2 litres</li><li>Power: 2200 W</li></ul></div>\
         <section class=\"product-reviews\">{reviews}</section></div></body></html>"
    )
}

#[test]
fn customer_reviews_on_a_declared_product_page_are_comments() {
    for (head, attrs) in [
        ("<meta property=\"og:type\" content=\"product\">", ""),
        (
            "<script type=\"application/ld+json\">{\"@type\": \"Product\", \"name\": \"Kettle\"}</script>",
            "",
        ),
        ("", "itemscope itemtype=\"https://schema.org/Product\""),
    ] {
        let article = clean(&shop_page(head, attrs));
        let text = article.text();
        assert!(text.contains("two-litre pot"), "{head}{attrs}: {text}");
        assert!(!text.contains("Reviewer 3"), "{head}{attrs}: {text}");
        assert!(article
            .removed
            .iter()
            .any(|r| r.text.contains("Reviewer 3") && r.rule == Rule::Comments));
    }
}

#[test]
fn reviews_on_a_page_not_declared_a_product_stay() {
    // A review site's reviews are its content.
    let text = clean(&shop_page("", "")).text();
    assert!(text.contains("Reviewer 3"), "{text}");
}

/// An article and, in the same wrapper, teasers for other posts (linked title and summary).
fn article_with_teasers(og_type: &str) -> String {
    let para = "The committee met on Tuesday to review the plan for the river crossing, and \
                its members heard from engineers, residents and the mayor about the cost, the \
                schedule and the noise that the works will make for two years in the centre.";
    let body: String = (0..5).map(|i| format!("<p>{i}. {para}</p>")).collect();
    let teasers: String = (0..3)
        .map(|i| {
            format!(
                "<div class=\"item\"><h3><a href=\"/p/{i}\">Other story {i}</a></h3>\
                 <p>Teaser {i}: a summary of another story on this site, a sentence or two \
                 that invites the reader to click.</p></div>"
            )
        })
        .collect();
    format!(
        "<html><head><meta property=\"og:type\" content=\"{og_type}\"></head><body>\
         <div id=\"wrapper\"><div class=\"story\">{body}</div>\
         <div class=\"recent\">{teasers}</div></div></body></html>"
    )
}

#[test]
fn teaser_runs_do_not_widen_the_article() {
    let text = clean(&article_with_teasers("article")).text();
    assert!(text.contains("4. The committee met"), "{text}");
    assert!(!text.contains("Teaser 1"), "{text}");
}

#[test]
fn teaser_runs_on_undeclared_pages_weigh_as_text() {
    // Without an article declaration the run may be the page's content (a section page).
    let text = clean(&article_with_teasers("website")).text();
    assert!(text.contains("Teaser 1"), "{text}");
}

#[test]
fn a_boilerplate_name_on_the_element_filling_the_body_is_a_misnomer() {
    // A shop theme names its whole category grid "related-products".
    let items: String = (0..6)
        .map(|i| {
            format!(
                "<div class=\"item\"><h3><a href=\"/p/{i}\">Garden mower model {i}</a></h3>\
                 <p>Cuts up to {i} acres on one charge, quietly and on its own.</p>\
                 <p>$ {i}99.00</p></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><nav><a href=/>Home</a> <a href=/shop>Shop</a></nav>\
         <div class=\"entry-content\"><section class=\"related-products\">{items}</section>\
         </div><footer>All rights reserved.</footer></body></html>"
    );
    let text = clean(&html).text();
    assert!(text.contains("Cuts up to 4 acres"), "{text}");
    assert!(!text.contains("All rights reserved"), "{text}");
}

/// A landing page: sections of heading and text between a large menu and a large footer.
fn landing_page(og_type: &str) -> String {
    let menu: String = (0..80)
        .map(|i| format!("<li><a href=\"/m/{i}\">Menu entry {i}</a></li>"))
        .collect();
    let footer: String = (0..80)
        .map(|i| format!("<a href=\"/f/{i}\">Footer link {i}</a> "))
        .collect();
    let section = |name: &str, sentences: usize| {
        let text: String = (0..sentences)
            .map(|i| {
                format!(
                    "The {name} plan number {i} runs your applications on servers in twelve \
                     regions, with backups and monitoring in one monthly price. "
                )
            })
            .collect();
        format!(
            "<div class=\"section\"><div class=\"inner\"><h2>{name}</h2><p>{text}</p></div></div>"
        )
    };
    format!(
        "<html><head><meta property=\"og:type\" content=\"{og_type}\"></head><body>\
         <div class=\"layout\"><div class=\"top\"><ul>{menu}</ul></div>{}{}{}\
         <div class=\"bottom\">{footer}</div></div></body></html>",
        section("Hero section", 2),
        section("Main section", 8),
        section("Support section", 4),
    )
}

#[test]
fn a_landing_page_keeps_all_its_sections() {
    let text = clean(&landing_page("website")).text();
    for name in ["Hero section", "Main section", "Support section"] {
        assert!(
            text.contains(&format!("The {name} plan number 1 ")),
            "{name}: {text}"
        );
    }
}

/// A box of long prose (opened by `opening`) over a short listing of linked items.
fn prose_box_over_listing(opening: &str) -> String {
    let clauses: String = (0..6)
        .map(|i| {
            format!(
                "<p>Clause {i}: information about your activity on this service can be \
                 stored and used to build a profile of your interests and to send you \
                 offers by email for as long as you keep an account.</p>"
            )
        })
        .collect();
    let items: String = (0..12)
        .map(|i| format!("<li><a href=\"/i/{i}\">Camping stove model {i}</a></li>"))
        .collect();
    format!(
        "<html><body>{opening}<h2>Your privacy</h2>{clauses}</div>\
         <div class=\"listing\"><h1>Camping stoves</h1><ul>{items}</ul></div>\
         </body></html>"
    )
}

#[test]
fn consent_notices_and_dialogs_are_never_the_content_however_long() {
    for opening in [
        "<div id=\"consent-dialog\">",
        "<div role=\"dialog\">",
        "<div class=\"signup-modal\">",
    ] {
        let text = clean(&prose_box_over_listing(opening)).text();
        assert!(!text.contains("Clause 3"), "{opening}: {text}");
        assert!(text.contains("Camping stove model 5"), "{opening}: {text}");
    }
}

#[test]
fn a_thread_of_article_posts_is_not_reduced_to_its_longest_post() {
    let post = |i: usize, sentences: usize| {
        let text: String = (0..sentences)
            .map(|k| {
                format!("Post {i} sentence {k} says what this watch collector expects next year. ")
            })
            .collect();
        format!(
            "<article class=\"post\"><div class=\"cell\"><a href=\"/u/{i}\">member{i}</a></div>\
             <div class=\"cell main\"><article class=\"message-body\"><p>{text}</p></article>\
             </div></article>"
        )
    };
    let posts: String = [post(0, 12), post(1, 3), post(2, 4), post(3, 3)].concat();
    let html = format!(
        "<html><body><nav><a href=/>Forums</a></nav><div class=\"thread\">{posts}</div>\
         <footer>Forum software</footer></body></html>"
    );
    let text = clean(&html).text();
    for i in 0..4 {
        assert!(
            text.contains(&format!("Post {i} sentence 1 ")),
            "post {i}: {text}"
        );
    }
}

#[test]
fn a_link_post_with_a_sidebar_is_a_discussion_whose_comments_are_content() {
    let rules: String = (0..10)
        .map(|i| format!("<p>Rule {i}: submissions must link to published research and titles must not be editorialised.</p>"))
        .collect();
    let comments: String = (0..8)
        .map(|i| {
            format!(
                "<div class=\"comment\"><a href=\"/u/{i}\">user{i}</a><p>Reply {i}: this \
                 could also help with hearing loss if the same cells can be grown in the \
                 inner ear, which would change treatment for millions of people.</p></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><div class=\"side\" id=\"sidebar\">{rules}</div>\
         <div class=\"content\"><p class=\"title\"><a href=\"https://example.org/study\">\
         Hair follicles grown in the lab</a></p>\
         <div class=\"commentarea\">{comments}</div></div></body></html>"
    );
    let text = clean(&html).text();
    assert!(text.contains("Reply 6: this could also help"), "{text}");
    assert!(!text.contains("Rule 3"), "{text}");
}

#[test]
fn a_news_ticker_inside_the_content_column_goes() {
    let ticker: String = (0..6)
        .map(|i| format!("<li><a href=\"/n/{i}\">Headline {i}</a> <span>CITY: Summary {i} of another story on the site today.</span></li>"))
        .collect();
    let body: String = (0..4)
        .map(|i| format!("<p>Paragraph {i} of the story, reporting what the officials said about the returning travellers on Wednesday.</p>"))
        .collect();
    let html = format!(
        "<html><body><div class=\"main-column\"><div class=\"breaking-news\"><ul>{ticker}</ul>\
         </div><div class=\"story\">{body}</div></div></body></html>"
    );
    let article = clean(&html);
    let text = article.text();
    assert!(text.contains("Paragraph 3 of the story"), "{text}");
    assert!(!text.contains("Summary 2"), "{text}");
}

/// An article with a linked headline set between its paragraphs.
fn article_with_linked_headline(og_type: &str) -> String {
    let para = |i: usize| {
        format!(
            "<p>Paragraph {i}: the actor said the family had a hard week and thanked the \
             fans for their messages of support during the show on Monday night.</p>"
        )
    };
    let before: String = (0..5).map(para).collect();
    let after: String = (5..9).map(para).collect();
    format!(
        "<html><head><meta property=\"og:type\" content=\"{og_type}\"></head><body>\
         <article><div class=\"article-body\">{before}\
         <p><strong><a href=\"/other-story\">SEAN SPICER ELIMINATED FROM 'DANCING WITH THE \
         STARS'</a></strong></p>\
         <p><a href=\"/report\">The full report is on the ministry's website.</a></p>\
         {after}</div></article></body></html>"
    )
}

#[test]
fn a_linked_headline_between_article_paragraphs_goes() {
    let article = clean(&article_with_linked_headline("article"));
    let text = article.text();
    assert!(!text.contains("SEAN SPICER"), "{text}");
    // A linked sentence is prose.
    assert!(text.contains("The full report is on"), "{text}");
    assert!(text.contains("Paragraph 8"), "{text}");
    assert!(article
        .removed
        .iter()
        .any(|r| r.text.contains("SEAN SPICER") && r.rule == Rule::ReadMore));
    // On a page that does not declare an article, linked lines may be its items.
    let text = clean(&article_with_linked_headline("website")).text();
    assert!(text.contains("SEAN SPICER"), "{text}");
}

/// An article whose body element, left open by the page, also holds the sidebar's teaser
/// cards (whole-block links to other stories), or a category page made of such cards.
fn page_with_cards(og_type: &str, paragraphs: usize) -> String {
    let body: String = (0..paragraphs)
        .map(|i| {
            format!(
                "<p>Paragraph {i}: the newspaper said the exercise was a hostile act and \
                 warned that the South would pay a price for going ahead with it.</p>"
            )
        })
        .collect();
    let cards: String = (0..5)
        .map(|i| {
            format!(
                "<li><article><a href=\"/view/{i}\"><figure><img src=\"/{i}.jpg\"></figure>\
                 <div><strong>Teaser headline number {i} about another story</strong></div>\
                 </a></article></li>"
            )
        })
        .collect();
    format!(
        "<html><head><meta property=\"og:type\" content=\"{og_type}\"></head><body>\
         <div class=\"story-body\"><h1>Main story headline</h1>{body}\
         <section><ul>{cards}</ul></section>\
         <a href=\"/rail\"><span>Rail plan</span><h3>Trains every half hour</h3>\
         <p>The railway wants to run its first long-distance trains every thirty minutes.</p></a>\
         </div></body></html>"
    )
}

#[test]
fn teaser_cards_inside_an_article_body_go_but_a_page_of_cards_keeps_them() {
    let article = clean(&page_with_cards("article", 8));
    let text = article.text();
    assert!(text.contains("Paragraph 7"), "{text}");
    assert!(!text.contains("Teaser headline number 2"), "{text}");
    // A card of another shape (kicker, short heading, summary) is a teaser too.
    assert!(!text.contains("Trains every half hour"), "{text}");
    assert!(!text.contains("first long-distance trains"), "{text}");
    assert!(article
        .removed
        .iter()
        .any(|r| r.text.contains("Teaser headline number 2") && r.rule == Rule::ReadMore));
    // Where the cards are most of the content, they are the page's entries.
    let text = clean(&page_with_cards("article", 1)).text();
    assert!(text.contains("Teaser headline number 2"), "{text}");
}

#[test]
fn an_undeclared_page_language_is_detected_unless_turned_off() {
    let paragraphs: String = (0..3)
        .map(|i| {
            format!(
                "<p>Paragraph {i}: the government approved a bill on Tuesday that aims to \
                 speed up the development of renewable energy across the country.</p>"
            )
        })
        .collect();
    let html = format!("<html><body><article>{paragraphs}</article></body></html>");
    assert_eq!(clean(&html).language.as_deref(), Some("en"));
    let declared = html.replace("<html>", "<html lang=\"de\">");
    assert_eq!(clean(&declared).language.as_deref(), Some("de"));
    let off = Cleaner::builder()
        .detect_language(false)
        .build()
        .clean_html(&html)
        .expect("HTML input is accepted");
    assert_eq!(off.language, None);
}

#[test]
fn a_reply_quoting_an_earlier_post_keeps_only_its_own_words() {
    let first = "Has anybody tried the beta yet? I would like to know which version will ship.";
    let html = format!(
        "<html><body><div class=\"thread\">\
         <div class=\"post\"><p>{first}</p><p>The release notes say nothing about it at all, which is odd for such a change.</p></div>\
         <div class=\"post\"><blockquote class=\"quote\"><div class=\"quote-body\"><div>{first}</div></div></blockquote>\
         <p>I tried it last week and the version in the beta is the one that ships, as far as I can tell.</p></div>\
         <div class=\"post\"><blockquote><div>A quotation from the manual, which nobody posted before in this thread.</div></blockquote>\
         <p>That passage of the manual answers the question, and it has been true for years now.</p></div>\
         </div></body></html>"
    );
    let article = clean(&html);
    let text = article.text();
    assert_eq!(text.matches(first).count(), 1, "{text}");
    assert!(text.contains("I tried it last week"), "{text}");
    // A quotation of text not kept before stays, as a quote (a `<div>` inside a blockquote is
    // still quoted).
    assert!(kinds(&article).contains(&(
        BlockKind::Quote,
        "A quotation from the manual, which nobody posted before in this thread."
    )));
    let dropped: Vec<_> = article
        .removed
        .iter()
        .filter(|r| r.text == first)
        .map(|r| r.rule)
        .collect();
    assert_eq!(dropped, [Rule::Duplicate]);
}

#[test]
fn a_data_row_of_short_cells_is_not_a_breadcrumb() {
    let html = "<html><body><article><h1>JSON parsing speed</h1>\
        <p>We parsed the same files with both libraries and measured the speed of each on one core.</p>\
        <table><tr><th>file</th><th>simdjson</th><th>other</th></tr>\
        <tr><td>gsoc-2018</td><td>3.3 GB/s</td><td>0.091 GB/s</td></tr>\
        <tr><td>twitter</td><td>2.2 GB/s</td><td>0.094 GB/s</td></tr></table>\
        <p>The gap is large on every file, and it grows with the share of numbers in the input.</p>\
        </article></body></html>";
    let text = clean(html).text();
    assert!(text.contains("gsoc-2018 | 3.3 GB/s | 0.091 GB/s"), "{text}");
    assert!(text.contains("twitter | 2.2 GB/s"), "{text}");
}

#[test]
fn a_table_of_linked_records_is_content_not_a_menu() {
    let rows: String = (0..40)
        .map(|i| {
            format!(
                "<tr><td>{}</td><td><a href=/p{i}a>Person Number{i} Alpha</a>; <a href=/p{i}b>Person Number{i} Beta</a></td>\
                 <td><a href=/c{i}>Laureate Chemist{i}</a></td></tr>",
                1901 + i
            )
        })
        .collect();
    let refs: String = (0..12)
        .map(|i| {
            format!(
                "<li>\"The prize ceremony of year {i}\". Foundation archive. Archived from the original on 2008-10-15. Retrieved 2008-11-27.</li>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><nav><a href=/>Home</a> <a href=/random>Random</a></nav>\
         <div id=\"content\"><h1>List of laureates</h1>\
         <p>The prizes are awarded every year to people from many countries.</p>\
         <table class=\"wikitable\"><tr><th>Year</th><th>Physics</th><th>Chemistry</th></tr>{rows}</table>\
         <h2>References</h2><ol class=\"references\">{refs}</ol></div></body></html>"
    );
    let text = clean(&html).text();
    assert!(text.contains("Person Number7 Alpha"), "{text}");
    assert!(text.contains("Laureate Chemist39"), "{text}");
    // The same table in an article with running text of its own: its rows stay too.
    let prose = paragraphs("History", 6);
    let article = html.replace("<table", &format!("{prose}<table"));
    let text = clean(&article).text();
    assert!(text.contains("History paragraph 5"), "{text}");
    assert!(text.contains("Person Number7 Alpha"), "{text}");
}

#[test]
fn a_long_text_in_a_caption_box_is_not_a_caption() {
    let description: String = (0..14)
        .map(|i| format!("<p>Feature {i} of the chair: the seat tilts forward and the back locks in place, so you sit well all day.</p>"))
        .collect();
    // As much text again besides: the box is not most of the page.
    let story: String = (0..14)
        .map(|i| format!("<p>Story {i}: we have sold this chair since it came out, and customers keep coming back for it.</p>"))
        .collect();
    let html = format!(
        "<html><body><main><h1>The Verte chair</h1>\
         <figure><img src=a.jpg><div class=\"caption\">The chair in black leather.</div></figure>\
         <div class=\"item-caption\">{description}</div>{story}</main></body></html>"
    );
    let article = clean(&html);
    let text = article.text();
    assert!(text.contains("Feature 13 of the chair"), "{text}");
    assert!(!text.contains("The chair in black leather."), "{text}");
}

#[test]
fn a_news_feed_in_a_section_named_for_its_ads_is_kept() {
    let cards: String = (0..20)
        .map(|i| {
            format!(
                "<article class=\"card\"><a href=/s{i}><h2>Story {i} about the markets this week</h2></a>\
                 <p>Summary {i}: prices rose again.</p></article>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><nav><a href=/>Home</a> <a href=/economy>Economy</a></nav>\
         <div class=\"container--section-more-ads\"><section class=\"feed\">{cards}</section>\
         <div class=\"ad-slot\"><p>Advertisement</p></div></div></body></html>"
    );
    let text = clean(&html).text();
    assert!(text.contains("Summary 19: prices rose again."), "{text}");
    assert!(!text.contains("Advertisement"), "{text}");
}

#[test]
fn a_caption_box_holding_a_heading_is_a_shop_tile_not_a_caption() {
    let tiles: String = (0..6)
        .map(|i| {
            format!(
                "<li class=\"product\"><img src=p{i}.jpg><div class=\"product-caption\">\
                 <h3><a href=/p{i}>Camp stool model {i}</a></h3>\
                 <p>A folding stool {i} that packs small.</p><span>$2{i}.00</span></div></li>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><nav><a href=/>Home</a> <a href=/shop>Shop</a></nav>\
         <main><h1>Outdoor gear</h1><ul class=\"products\">{tiles}</ul>\
         <figure><img src=a.jpg><figcaption class=\"caption\">Our shop in 1990.</figcaption></figure>\
         </main></body></html>"
    );
    let text = clean(&html).text();
    assert!(text.contains("Camp stool model 5"), "{text}");
    assert!(
        text.contains("A folding stool 3 that packs small."),
        "{text}"
    );
    assert!(!text.contains("Our shop in 1990."), "{text}");
}

#[test]
fn a_style_hidden_wrapper_around_the_whole_grid_is_the_content() {
    let items: String = (0..12)
        .map(|i| format!("<li><a href=/i{i}>Print number {i}, 8x11</a><span>$1{i}.95</span></li>"))
        .collect();
    let html = format!(
        "<html><body><header><a href=/>Shop</a></header>\
         <div id=\"app\" style=\"display:none\"><h1>Collectibles</h1><ul class=\"results\">{items}</ul></div>\
         <div style=\"display: none\"><p>Please enable scripts.</p></div></body></html>"
    );
    let text = clean(&html).text();
    assert!(text.contains("Print number 11, 8x11"), "{text}");
    assert!(!text.contains("Please enable scripts."), "{text}");
}

#[test]
fn shop_widget_labels_are_removed() {
    let html = "<html><body><main><h1>Wool runner</h1>\
        <p>A soft wool shoe for every day, made from merino and a sugarcane sole.</p>\
        <p>Add to wishlist</p><p>Sold out</p><p>Quantity:</p><p>Verified purchase</p>\
        <p>It washes in the machine: take out the insoles and laces first.</p></main></body></html>";
    let article = clean(html);
    let text = article.text();
    assert!(text.contains("take out the insoles"), "{text}");
    for label in [
        "Add to wishlist",
        "Sold out",
        "Quantity:",
        "Verified purchase",
    ] {
        assert!(!text.contains(label), "{label}: {text}");
    }
}

#[test]
fn hidden_tab_panels_are_content_but_hidden_dialogs_and_shop_tabs_are_not() {
    let intro: String = (0..4)
        .map(|i| format!("<p>Step {i}: install the command-line tool, then run it once to create the settings file.</p>"))
        .collect();
    let page = |og_type: &str| {
        format!(
            "<html><head><meta property=\"og:type\" content=\"{og_type}\"></head><body>\
             <main><h1>Getting started</h1>{intro}\
             <div role=\"tablist\"><button>Linux</button><button>Windows</button></div>\
             <div role=\"tabpanel\" aria-labelledby=\"tab-linux\"><p>On Linux, the settings file lives in your home folder.</p></div>\
             <div role=\"tabpanel\" aria-labelledby=\"tab-windows\" hidden><p>On Windows, the settings file lives in the AppData folder.</p></div>\
             <div role=\"dialog\" aria-labelledby=\"signup-title\" hidden><h2 id=\"signup-title\">Join the mailing list</h2>\
             <p>Get our tips in your inbox every week, with no spam ever.</p></div>\
             </main></body></html>"
        )
    };
    let text = clean(&page("website")).text();
    assert!(text.contains("AppData folder"), "{text}");
    assert!(text.contains("in your home folder"), "{text}");
    assert!(!text.contains("Get our tips"), "{text}");
    // A shop page's hidden tabs (specifications, shipping) are not its description.
    let text = clean(&page("product")).text();
    assert!(text.contains("Step 3: install"), "{text}");
    assert!(!text.contains("AppData folder"), "{text}");
}

#[test]
fn a_section_id_that_is_its_headings_slug_is_not_a_page_part() {
    let prose: String = (0..5)
        .map(|i| format!("<p>Paragraph {i} on how a patch gets merged: keep it small and explain why it is needed.</p>"))
        .collect();
    let html = format!(
        "<html><body><main><h1>Submitting patches</h1>{prose}\
         <section id=\"respond-to-review-comments\"><h2>Respond to review comments</h2>\
         <p>Reviewers will comment on your patch; answer each point politely and send a new version.</p></section>\
         <h3 id=\"nav_wait_for_the_merge__1\">Wait for the merge window</h3>\
         <p>Maintainers pick up patches when the merge window opens, so a week of silence is normal.</p>\
         <div id=\"comments\"><h3>Comments</h3><p>Great guide, thanks a lot for writing it up for us!</p></div>\
         </main></body></html>"
    );
    let text = clean(&html).text();
    assert!(text.contains("answer each point politely"), "{text}");
    assert!(text.contains("Wait for the merge window"), "{text}");
    assert!(!text.contains("Great guide"), "{text}");
}
