//! What HTML structure says about a block: class and id words that mark boilerplate or
//! content, and the thresholds of the main-content choice. Data only; the machinery that
//! applies it lives in `src/html/`.

use crate::rules::Rule;

/// A class or id word that marks its element as boilerplate.
pub(crate) struct ClassWord {
    /// Lowercase ASCII word, matched case-insensitively inside `class` and `id` values.
    pub word: &'static str,
    /// The rule it points at.
    pub rule: Rule,
    /// Match only as a whole word (between non-alphanumeric characters), for short words
    /// that occur inside unrelated ones ("ad" in "header").
    pub whole: bool,
}

const fn w(word: &'static str, rule: Rule, whole: bool) -> ClassWord {
    ClassWord { word, rule, whole }
}

/// Boilerplate class and id words, English and their equivalents in the main European languages
/// ("partage", "werbung", "powiazane"). When several match, the first listed wins. ("banner" is
/// not one: themes name their hero sections so, and those hold the page's own text; ad
/// banners are images and carry no text to remove.)
pub(crate) const BOILERPLATE_WORDS: &[ClassWord] = &[
    w("comment", Rule::Comments, false),
    w("disqus", Rule::Comments, false),
    w("respond", Rule::Comments, true),
    w("replies", Rule::Comments, true),
    // Other languages (German "Kommentar" alone names an opinion piece, so only the plural).
    w("kommentare", Rule::Comments, false),
    w("comentarios", Rule::Comments, false),
    w("komentarze", Rule::Comments, false),
    w("reacties", Rule::Comments, false),
    w("breadcrumb", Rule::Breadcrumb, false),
    w("ariane", Rule::Breadcrumb, true),
    w("brotkrume", Rule::Breadcrumb, false),
    w("migas", Rule::Breadcrumb, true),
    w("okruszki", Rule::Breadcrumb, false),
    w("briciole", Rule::Breadcrumb, false),
    w("kruimel", Rule::Breadcrumb, false),
    w("cookie", Rule::CookieNotice, false),
    w("consent", Rule::CookieNotice, false),
    w("gdpr", Rule::CookieNotice, false),
    w("navbar", Rule::Navigation, false),
    w("navigation", Rule::Navigation, false),
    w("nawigacja", Rule::Navigation, false),
    w("navegacion", Rule::Navigation, false),
    w("navigazione", Rule::Navigation, false),
    w("navegacao", Rule::Navigation, false),
    w("nav", Rule::Navigation, true),
    w("menu", Rule::Navigation, false),
    w("pagination", Rule::Navigation, false),
    w("pager", Rule::Navigation, true),
    w("skip-link", Rule::Navigation, false),
    w("toolbar", Rule::Navigation, false),
    w("footer", Rule::Footer, false),
    w("fusszeile", Rule::Footer, false),
    w("pied-de-page", Rule::Footer, false),
    w("pie-de-pagina", Rule::Footer, false),
    w("rodape", Rule::Footer, false),
    w("stopka", Rule::Footer, false),
    w("copyright", Rule::Footer, false),
    w("masthead", Rule::BeforeContent, false),
    w("topbar", Rule::BeforeContent, false),
    w("related", Rule::RelatedZone, false),
    w("recommend", Rule::RelatedZone, false),
    w("more-stories", Rule::RelatedZone, false),
    w("trending", Rule::RelatedZone, false),
    w("popular", Rule::RelatedZone, false),
    w("most-read", Rule::RelatedZone, false),
    w("read-next", Rule::RelatedZone, false),
    w("readnext", Rule::RelatedZone, false),
    w("lire-aussi", Rule::RelatedZone, false),
    w("sur-le-meme-sujet", Rule::RelatedZone, false),
    w("plus-lus", Rule::RelatedZone, false),
    w("populaire", Rule::RelatedZone, false),
    w("verwandte", Rule::RelatedZone, false),
    w("weitere-artikel", Rule::RelatedZone, false),
    w("mehr-zum-thema", Rule::RelatedZone, false),
    w("meistgelesen", Rule::RelatedZone, false),
    w("relacionad", Rule::RelatedZone, false),
    w("mas-leid", Rule::RelatedZone, false),
    w("correlat", Rule::RelatedZone, false),
    w("leggi-anche", Rule::RelatedZone, false),
    w("piu-lett", Rule::RelatedZone, false),
    w("powiazane", Rule::RelatedZone, false),
    w("czytaj-takze", Rule::RelatedZone, false),
    w("czytaj-tez", Rule::RelatedZone, false),
    w("zobacz-takze", Rule::RelatedZone, false),
    w("zobacz-tez", Rule::RelatedZone, false),
    w("najczesciej", Rule::RelatedZone, false),
    w("gerelateerd", Rule::RelatedZone, false),
    w("lees-ook", Rule::RelatedZone, false),
    w("leia-tambem", Rule::RelatedZone, false),
    w("outbrain", Rule::RelatedZone, false),
    w("taboola", Rule::RelatedZone, false),
    w("ticker", Rule::RelatedZone, false),
    w("breaking-news", Rule::RelatedZone, false),
    w("sidebar", Rule::BoilerplateContainer, false),
    w("share", Rule::Promo, false),
    w("sharing", Rule::Promo, false),
    w("social", Rule::Promo, false),
    w("partage", Rule::Promo, false),
    w("teilen", Rule::Promo, true),
    w("compartir", Rule::Promo, false),
    w("compartilhar", Rule::Promo, false),
    w("condividi", Rule::Promo, false),
    w("udostepnij", Rule::Promo, false),
    w("delen", Rule::Promo, true),
    w("newsletter", Rule::Promo, false),
    w("subscribe", Rule::Promo, false),
    w("subscription", Rule::Promo, false),
    w("signup", Rule::Promo, false),
    w("sign-up", Rule::Promo, false),
    w("promo", Rule::Promo, false),
    w("popup", Rule::Promo, false),
    w("modal", Rule::Promo, false),
    w("overlay", Rule::Promo, false),
    w("follow-us", Rule::Promo, false),
    w("author-bio", Rule::Byline, false),
    // Forum posts: the poster's profile panel and signature frame each post.
    w("signature", Rule::Byline, false),
    w("postprofile", Rule::Byline, false),
    w("userinfo", Rule::Byline, false),
    w("user-info", Rule::Byline, false),
    w("user_info", Rule::Byline, false),
    w("userdetails", Rule::Byline, false),
    w("user-details", Rule::Byline, false),
    w("authorpane", Rule::Byline, false),
    w("author-pane", Rule::Byline, false),
    w("poster-info", Rule::Byline, false),
    w("caption", Rule::Caption, false),
    w("credit", Rule::Caption, false),
    w("bildunterschrift", Rule::Caption, false),
    w("bildtext", Rule::Caption, false),
    w("bildquelle", Rule::Caption, false),
    w("bildnachweis", Rule::Caption, false),
    w("legende", Rule::Caption, true),
    w("legenda", Rule::Caption, true),
    w("didascalia", Rule::Caption, false),
    w("pie-de-foto", Rule::Caption, false),
    w("piefoto", Rule::Caption, false),
    w("bijschrift", Rule::Caption, false),
    w("onderschrift", Rule::Caption, false),
    w("podpis-zdjecia", Rule::Caption, false),
    w("advert", Rule::Advertisement, false),
    w("sponsor", Rule::Advertisement, false),
    w("werbung", Rule::Advertisement, false),
    w("anzeige", Rule::Advertisement, true),
    w("publicite", Rule::Advertisement, false),
    w("publicidad", Rule::Advertisement, false),
    w("pubblicita", Rule::Advertisement, false),
    w("reklama", Rule::Advertisement, false),
    w("reclame", Rule::Advertisement, false),
    w("ad", Rule::Advertisement, true),
    w("ads", Rule::Advertisement, true),
    w("adslot", Rule::Advertisement, false),
    w("ad-slot", Rule::Advertisement, false),
    w("ad-container", Rule::Advertisement, false),
    w("dfp", Rule::Advertisement, true),
];

/// Boilerplate words above that name a dialog laid over the page (a modal, a popup): never
/// the content, however much of the page's text it holds, like `role=dialog`.
pub(crate) const DIALOG_WORDS: &[&str] = &["modal", "popup", "overlay"];

/// Class and id words that mark boilerplate only on a page that declares itself a product
/// (Open Graph `og:type` product, a JSON-LD `Product`, `itemtype` schema.org/Product): a
/// shop page's customer reviews are its comments, while on a review site they are the
/// content.
pub(crate) const PRODUCT_PAGE_WORDS: &[ClassWord] = &[w("reviews", Rule::Comments, false)];

/// Class and id words that mark an element as the article body.
pub(crate) const CONTENT_WORDS: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "article__body",
    "article-content",
    "article_content",
    "article__content",
    "articlecontent",
    "article-text",
    "articletext",
    "entry-content",
    "entry_content",
    "entry-body",
    "post-content",
    "post_content",
    "postcontent",
    "post-body",
    "post_body",
    "postbody",
    "post-entry",
    "story-body",
    "storybody",
    "story-content",
    "story-text",
    "body-text",
    "bodytext",
    "main-content",
    "page-content",
    "content-body",
    "rich-text",
    "blog-content",
    "news-content",
    "text-content",
];

/// Class and id words that usually name content; a boilerplate word (other than a
/// comments word) in the same `class` or `id` is then not trusted.
pub(crate) const POSITIVE_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "column",
    // Embedded posts (tweets, social embeds) are quoted content, not share buttons.
    "embed", "tweet",
];

/// Class-name prefixes that describe the item rather than the element (WordPress adds
/// `tag-social`, `category-sidebar`...), ignored when matching.
pub(crate) const IGNORED_CLASS_PREFIXES: &[&str] = &[
    "tag-",
    "category-",
    "categories-",
    "format-",
    "type-",
    "status-",
    "postid-",
    "page-id-",
    "author-",
    "has-",
    "is-",
    "wp-block-",
];

/// Words after a navigation word that name a slider's controls ("nav-btns", "nav-arrows",
/// "navigation-dots"): on a carousel of items, not a menu.
pub(crate) const CONTROL_WORDS: &[&str] = &["btn", "button", "arrow", "dot", "bullet"];

/// A boilerplate class hint is ignored when its element holds at least this share of the
/// page's paragraph text: a misnamed wrapper, not a sidebar.
pub(crate) const HINT_MAX_SHARE_OF_PAGE: f32 = 0.6;

/// Comments holding at least this share of the page's paragraph text are the page's
/// content (a discussion thread), not an appendix to it.
pub(crate) const COMMENTS_MIN_SHARE_OF_PAGE: f32 = 0.6;

/// ...and when the paragraph text outside all comments is under this (characters): no
/// article of its own above the comments.
pub(crate) const DISCUSSION_MAX_OTHER_CHARS: u32 = 600;

/// A boilerplate-named element holding this share of the text of the body element around
/// it (`entry-content`, `itemprop=articleBody`, `<main>`)...
pub(crate) const BODY_FILL_SHARE: f32 = 0.8;
/// ...and at least this many characters is the body itself, misnamed.
pub(crate) const BODY_FILL_MIN_CHARS: u32 = 200;

/// An element named a caption holding at least this many characters is not one: captions
/// are a line or two, and "caption" also names type styles and product descriptions.
pub(crate) const CAPTION_HINT_MAX_CHARS: u32 = 1200;

/// An element named an ad holding at least this many characters of text is not one: ad
/// slots hold a label and a few words.
pub(crate) const AD_HINT_MAX_CHARS: u32 = 800;

/// Paragraph text needed before a hint-misfire check applies (characters).
pub(crate) const HINT_MISFIRE_MIN_CHARS: u32 = 400;

/// On an article page, teaser cards (links around whole blocks) whose text is less than the
/// page's other main text divided by this are all teasers of other stories.
pub(crate) const FEW_CARDS_TEXT_RATIO: usize = 3;

/// A segment at least this long (characters) with few links counts as running text.
pub(crate) const PARAGRAPH_MIN_CHARS: u32 = 60;

/// A main content with less running text than this (characters) is a listing: its
/// link-dense blocks are its items and stay.
pub(crate) const LISTING_MAX_PARAGRAPH_CHARS: u32 = 1500;

/// On an article page, a paragraph that is one link (at least this share of its characters)
/// of this many words, without a sentence end, points at another story.
pub(crate) const LINKED_HEADLINE_MIN_DENSITY: f32 = 0.8;
pub(crate) const LINKED_HEADLINE_MIN_WORDS: usize = 4;
pub(crate) const LINKED_HEADLINE_MAX_WORDS: usize = 25;

/// A segment whose link share exceeds this is link-dense.
pub(crate) const LINK_DENSE: f32 = 0.5;

/// A strong content signal (`<article>`, `itemprop=articleBody`, a content class) is
/// chosen when it holds at least this share of the best candidate's net text score...
pub(crate) const STRONG_SIGNAL_MIN_SHARE: f32 = 0.5;

/// ...or at least this share of its paragraph text (teaser cards not counted).
pub(crate) const STRONG_SIGNAL_MIN_PARAGRAPHS: f32 = 0.4;
/// A strong sibling of the chosen strong element with this share of its score is part of
/// the same body (an article split by a callout): the choice widens to their parent.
pub(crate) const STRONG_PEER_MIN_SHARE: f32 = 0.3;
/// ...and is running text, not teasers: its net score per character (1 for plain prose,
/// less for links and short labels) is at least this...
pub(crate) const STRONG_PEER_MIN_NET_PER_CHAR: f32 = 0.6;
/// ...when the strong siblings together hold this share of the parent's paragraph text.
pub(crate) const STRONG_PEERS_MIN_PARAGRAPH_SHARE: f32 = 0.8;

/// A strong element inside the winner with at least this many others of its shape (tag and
/// first class: the posts of a thread)...
pub(crate) const STRONG_RUN_MIN_OTHERS: u32 = 2;
/// ...holding together at least this share of its paragraph text is one item of a list:
/// the winner stays.
pub(crate) const STRONG_RUN_MIN_OTHERS_SHARE: f32 = 0.5;

/// A child replaces its parent as the main container when it keeps this share of the
/// parent's net score (tightening).
pub(crate) const TIGHTEN_SHARE: f32 = 0.85;
/// On a page not declared an article, the choice widens to its parent while the parent's
/// other children hold at least this share of the chosen element's net score.
pub(crate) const SECTION_JOIN_SHARE: f32 = 0.4;
/// ...looking up through wrappers whose other children hold at most this share (a heading).
pub(crate) const SECTION_WRAPPER_MAX_SHARE: f32 = 0.1;
/// A chosen block element without child elements holding less than this share of its
/// parent's paragraph text gives way to the parent.
pub(crate) const LONE_BLOCK_MAX_PARAGRAPH_SHARE: f32 = 0.34;

/// Score weights per character of a block, by what the block is. Running text counts
/// 1; inside a boilerplate-named element (removed whatever the choice, so it only needs to
/// tip the balance towards tighter containers, not sink a post that holds its comments):
pub(crate) const HINT_WEIGHT: f32 = 0.25;
/// A link-dense block among other link-dense blocks (a menu), subtracted:
pub(crate) const LINK_DENSE_WEIGHT: f32 = 1.0;
/// A link-dense block among text (an item title in a listing), added:
pub(crate) const LINK_ITEM_WEIGHT: f32 = 0.3;
/// Each link character of a text block, subtracted:
pub(crate) const LINK_CHAR_WEIGHT: f32 = 1.0;
/// A short block with no sentence end, factor:
pub(crate) const SHORT_WEIGHT: f32 = 0.6;
/// Teaser items: at least this many siblings of one shape (tag and first class)...
pub(crate) const TEASER_RUN_MIN: u32 = 3;
/// ...each opening with a linked title over a summary of at most this many characters of
/// running text, weigh as teaser cards.
pub(crate) const TEASER_MAX_SUMMARY_CHARS: u32 = 400;
/// Text inside a teaser card (a link around whole blocks), factor:
pub(crate) const CARD_WEIGHT: f32 = 0.5;

/// When the main content chosen for running text yields fewer characters than this, the
/// page may be a listing (a category page, a shop grid): its link items are looked for...
pub(crate) const LISTING_FALLBACK_MAX_CHARS: usize = 1000;

/// ...and the listing choice replaces it when it yields at least this many times more.
pub(crate) const LISTING_FALLBACK_GAIN: f32 = 3.0;

/// The same for a page that declares itself an article: its own text must be shorter
/// than this (characters)...
pub(crate) const DECLARED_ARTICLE_LISTING_MAX_CHARS: usize = 700;

/// ...and its lists must hold this many times more.
pub(crate) const DECLARED_ARTICLE_LISTING_GAIN: f32 = 10.0;

/// Longest heading (bytes) checked for opening a related box ("You may also like").
pub(crate) const STORY_LIST_HEADING_MAX_BYTES: usize = 80;

/// On a page declared an article, a box opened by a "Related" heading keeps its hint
/// however much text it holds, when the page has at least this much running text
/// (characters) outside it.
pub(crate) const NAMED_BOX_MIN_OTHER_CHARS: u32 = 500;

/// A block element repeating this share of its text from earlier on the page is a copy
/// (responsive variants, gated or `<noscript>` views, cloned slides)...
pub(crate) const COPY_MIN_SHARE: f32 = 0.8;
/// ...when it holds at least this many bytes of text: pricing cards and forum quotes
/// repeat shorter runs as content.
pub(crate) const COPY_MIN_CHARS: usize = 1000;

/// An `<aside>` inside the article is part of it when it is running text: at least this
/// many characters of paragraphs...
pub(crate) const ASIDE_PROSE_MIN_CHARS: u32 = 200;
/// ...making up at least this share of its text...
pub(crate) const ASIDE_PROSE_MIN_SHARE: f32 = 0.8;
/// ...with links under this share of its characters.
pub(crate) const ASIDE_PROSE_MAX_LINK_DENSITY: f32 = 0.1;
