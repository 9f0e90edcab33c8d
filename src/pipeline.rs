//! Glue: classify a segmented document and assemble the [`Article`].

use crate::article::{Article, Block, Removed};
use crate::classify::{self, Verdict};
use crate::options::Options;
use crate::segment::Document;

/// Runs the classifier over `doc` and builds the article from its verdicts.
pub(crate) fn run(doc: Document, options: &Options) -> Article {
    let outcome = classify::classify(&doc, options);
    let mut article = Article {
        title: outcome.meta.title.or(doc.meta.title),
        author: outcome.meta.author.or(doc.meta.author),
        published: outcome.meta.published.or(doc.meta.published),
        language: options.language.clone().or(doc.meta.language),
        site_name: doc.meta.site_name,
        url: doc.meta.url,
        ..Article::default()
    };
    let decisions = outcome.verdicts.into_iter().zip(outcome.kinds);
    for (position, (segment, (verdict, kind))) in
        doc.segments.into_iter().zip(decisions).enumerate()
    {
        match verdict {
            Verdict::Keep => article.blocks.push(Block {
                kind: kind.unwrap_or(segment.kind),
                text: segment.text.into_owned(),
            }),
            Verdict::Drop(rule) => {
                if options.explain {
                    article.removed.push(Removed {
                        rule,
                        text: segment.text.into_owned(),
                        position,
                    });
                }
            }
        }
    }
    article
}
