//! Markdown rendering of an [`Article`]. Plain text is [`Article::text`]; JSON is serde.

use crate::article::{Article, BlockKind};

/// Renders the article as Markdown. Consecutive list items and table rows stay together
/// (one newline between them); other blocks are separated by a blank line.
pub(crate) fn markdown(article: &Article) -> String {
    let mut out = String::new();
    if let Some(title) = &article.title {
        out.push_str("# ");
        out.push_str(title);
        out.push('\n');
    }
    let mut prev: Option<BlockKind> = None;
    let mut table_header_done = false;
    for block in &article.blocks {
        let tight = matches!(
            (prev, block.kind),
            (Some(BlockKind::ListItem), BlockKind::ListItem)
                | (Some(BlockKind::TableRow), BlockKind::TableRow)
        );
        if !out.is_empty() && !tight {
            out.push('\n');
        }
        if block.kind != BlockKind::TableRow {
            table_header_done = false;
        }
        match block.kind {
            BlockKind::Code => {
                out.push_str("```\n");
                out.push_str(&block.text);
                out.push_str("\n```\n");
            }
            BlockKind::TableRow => {
                let cells = block.text.split(" | ").count();
                out.push_str("| ");
                out.push_str(&block.text);
                out.push_str(" |\n");
                if !table_header_done {
                    out.push('|');
                    for _ in 0..cells {
                        out.push_str(" --- |");
                    }
                    out.push('\n');
                    table_header_done = true;
                }
            }
            BlockKind::Quote => {
                for line in block.text.lines() {
                    out.push_str("> ");
                    out.push_str(line);
                    out.push('\n');
                }
            }
            kind => {
                out.push_str(kind.markdown_prefix());
                out.push_str(&block.text);
                out.push('\n');
            }
        }
        prev = Some(block.kind);
    }
    out
}
