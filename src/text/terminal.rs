//! The width text is laid out to: the terminal's when standard output is one (`COLUMNS` when
//! set, as `ls` and `less` honour it), else none for tables, which are never cut when piped.

use std::io::IsTerminal;

/// Columns of a terminal when its width cannot be known.
pub const DEFAULT_WIDTH: usize = 80;

/// Columns of wrapped text that goes to a file or a pipe.
pub const PIPED_WIDTH: usize = 100;

/// The width of the terminal standard output is, or none when it is not a terminal.
pub fn width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    Some(columns().unwrap_or_else(|| {
        terminal_size::terminal_size()
            .map(|(w, _)| usize::from(w.0))
            .unwrap_or(DEFAULT_WIDTH)
    }))
}

/// `COLUMNS`, when it holds a width.
fn columns() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()?
        .trim()
        .parse()
        .ok()
        .filter(|&w| w > 0)
}

/// `text` wrapped at word boundaries to `width` columns, the first line after `first`, the
/// others after `rest`; a word longer than a line stays whole. As in French typography, a line
/// never starts with `;`, `:`, `?`, `!` or `»`, nor ends with `«`.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    const GLUE: char = '\u{a0}';
    let glued = text
        .replace(" ;", "\u{a0};")
        .replace(" :", "\u{a0}:")
        .replace(" ?", "\u{a0}?")
        .replace(" !", "\u{a0}!")
        .replace(" »", "\u{a0}»")
        .replace("« ", "«\u{a0}")
        .replace(" —", "\u{a0}—");
    let options = textwrap::Options::new(width.max(first.len() + 20))
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    // No-break spaces of the text itself show as spaces too.
    textwrap::fill(&glued, options).replace(GLUE, " ")
}

/// `s` cut to `width` columns of a terminal, an ellipsis marking the cut.
pub fn fit(s: &str, width: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_to_terminal_columns_with_an_ellipsis() {
        assert_eq!(fit("court", 10), "court");
        assert_eq!(fit("Années d'expérience", 10), "Années d'…");
        assert_eq!(fit("ab cd ef", 6), "ab cd…");
        // Wide characters take two columns.
        assert_eq!(fit("日本語のテキスト", 7), "日本語…");
    }

    #[test]
    fn text_wraps_between_words_with_its_indents() {
        let text = "Diplôme le plus élevé : « BT santé » ; niveau bac, au moins bac+3 requis";
        assert_eq!(
            wrap(text, 40, "  ✗ ", "    "),
            "  ✗ Diplôme le plus élevé : « BT\n    santé » ; niveau bac, au moins bac+3\n    requis"
        );
        // A word wider than the line is never broken.
        let long = "x".repeat(50);
        assert_eq!(wrap(&long, 30, "", ""), long);
    }
}
