//! Text layout by terminal cell width. Every width, truncation, padding and wrap in
//! the UI goes through here, so a wide character is never split and a cell is never
//! overfilled. Widths are counted per grapheme, as ratatui's buffer counts them.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub const ELLIPSIS: &str = "…";

/// The graphemes that take space on screen, with their widths. Control characters
/// and zero-width graphemes are dropped, as ratatui drops them when drawing.
fn cells(s: &str) -> impl Iterator<Item = (&str, usize)> {
    s.graphemes(true).filter(|g| !g.contains(char::is_control)).map(|g| (g, g.width())).filter(|&(_, w)| w > 0)
}

/// Printable ASCII, where every byte is a grapheme one cell wide: most English text
/// is measured and cut without segmenting it.
fn printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b' '..=b'~'))
}

/// Display width in terminal cells.
pub fn width(s: &str) -> usize {
    if printable_ascii(s) { s.len() } else { cells(s).map(|(_, w)| w).sum() }
}

/// Cuts `s` to at most `max` cells, ending in "…" when anything was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if printable_ascii(s) {
        return match max {
            _ if s.len() <= max => Cow::Borrowed(s),
            0 => Cow::Borrowed(""),
            _ => Cow::Owned(format!("{}{ELLIPSIS}", &s[..max - 1])),
        };
    }
    let fits = width(s) <= max;
    if fits && !s.contains(char::is_control) {
        return Cow::Borrowed(s);
    }
    if fits {
        return Cow::Owned(cells(s).map(|(g, _)| g).collect());
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for (g, w) in cells(s) {
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push_str(ELLIPSIS);
    Cow::Owned(out)
}

/// The longest end of `s` that fits in `max` cells (for a text field scrolled to
/// its cursor).
pub fn tail(s: &str, max: usize) -> &str {
    let mut used = 0;
    let mut start = s.len();
    for (i, g) in s.grapheme_indices(true).rev() {
        let w = width(g);
        if used + w > max {
            break;
        }
        used += w;
        start = i;
    }
    &s[start..]
}

/// `s` truncated to `w` cells and padded with spaces to exactly `w`.
pub fn pad(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let fill = w - width(&t);
    format!("{t}{}", " ".repeat(fill))
}

/// Like [`pad`], but right-aligned.
pub fn pad_left(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let fill = w - width(&t);
    format!("{}{t}", " ".repeat(fill))
}

/// Characters that must not end a line (opening punctuation).
fn no_line_end(g: &str) -> bool {
    matches!(g, "（" | "《" | "「" | "『" | "“" | "‘" | "【" | "〈")
}

/// Characters that must not begin a line (closing punctuation).
fn no_line_start(g: &str) -> bool {
    matches!(
        g,
        "，" | "。"
            | "、"
            | "；"
            | "："
            | "！"
            | "？"
            | "）"
            | "》"
            | "」"
            | "』"
            | "”"
            | "’"
            | "】"
            | "…"
            | ","
            | "."
            | ";"
            | ":"
            | "!"
            | "?"
            | ")"
            | "%"
    )
}

/// Wraps `s` into lines of at most `w` cells. Lines break at spaces between words,
/// between any two wide characters (Chinese has no spaces), at `\n`, and inside a
/// word only when the word alone is wider than a line. Closing punctuation is kept
/// off the start of a line, and opening punctuation off its end, where the line before
/// can give up a character for it; a paragraph does not end on one Chinese character
/// alone where the line before can give it another.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    if w == 0 {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for paragraph in s.split('\n') {
        wrap_paragraph(paragraph, w, &mut lines);
    }
    lines
}

fn wrap_paragraph(s: &str, w: usize, lines: &mut Vec<String>) {
    let first = lines.len();
    // Tokens: a run of narrow non-space graphemes (a word), or one wide grapheme.
    let mut tokens: Vec<(String, usize, bool)> = Vec::new(); // (text, width, space before)
    let mut space = false;
    // A tab parts words as a space does, though as a control it takes no cell.
    for g in s.graphemes(true) {
        if g.chars().all(char::is_whitespace) {
            space = true;
            continue;
        }
        let gw = g.width();
        if gw == 0 || g.contains(char::is_control) {
            continue;
        }
        match tokens.last_mut() {
            Some((t, tw, _)) if gw == 1 && !space && *tw > 0 && width_of_last(t) == 1 => {
                t.push_str(g);
                *tw += 1;
            }
            _ => tokens.push((g.to_owned(), gw, space)),
        }
        space = false;
    }

    let mut line: Vec<(String, usize)> = Vec::new(); // pieces, with any leading space included
    let mut used = 0;
    let flush = |line: &mut Vec<(String, usize)>, used: &mut usize, lines: &mut Vec<String>| {
        lines.push(line.drain(..).map(|(t, _)| t).collect());
        *used = 0;
    };
    for (text, tw, space_before) in tokens {
        let gap = usize::from(space_before && used > 0);
        if used + gap + tw <= w {
            let piece = if gap == 1 { format!(" {text}") } else { text };
            line.push((piece, tw + gap));
            used += tw + gap;
            continue;
        }
        if tw <= w {
            // Keep closing punctuation with the character before it: the closing
            // punctuation that ends the line (as in 行）。) goes over with it too. Not
            // across a space, which the break takes the place of.
            let wide = |(t, lw): &(String, usize), rule: fn(&str) -> bool| *lw == 2 && rule(t);
            let mut from = line.len();
            if no_line_start(&text) && !space_before {
                let run = line.iter().rev().take_while(|p| wide(p, no_line_start)).count();
                let anchor = line.len().saturating_sub(run + 1);
                // The anchor: a character, or a word the punctuation closes, as in
                // （Ctrl-s）, with no space before it to lose.
                if line.get(anchor).is_some_and(|(t, _)| !t.starts_with(' ')) {
                    from = anchor;
                }
            }
            // Opening punctuation goes over with what it opens.
            while from > 1 && !space_before && wide(&line[from - 1], no_line_end) {
                from -= 1;
            }
            let cw: usize = line[from..].iter().map(|(_, lw)| lw).sum();
            let carried = if from > 0 && cw + tw <= w { line.split_off(from) } else { Vec::new() };
            flush(&mut line, &mut used, lines);
            used = carried.iter().map(|(_, lw)| lw).sum();
            line = carried;
            line.push((text, tw));
            used += tw;
            continue;
        }
        // A word wider than a line: fill this line, then break it by grapheme.
        if gap == 1 && used + 2 <= w {
            line.push((" ".into(), 1));
            used += 1;
        } else if used > 0 && (gap == 1 || used + 1 > w) {
            flush(&mut line, &mut used, lines);
        }
        for (g, gw) in cells(&text) {
            if gw > w {
                continue; // a wide character in a one-cell column cannot be shown at all
            }
            if used + gw > w {
                flush(&mut line, &mut used, lines);
            }
            line.push((g.to_owned(), gw));
            used += gw;
        }
    }
    flush(&mut line, &mut used, lines);
    if let [.., before, last] = &mut lines[first..] {
        mend_widow(s, w, before, last);
    }
}

/// A paragraph's last line holding one Chinese character alone (with any closing
/// punctuation after it) takes the character before it from the line above, as
/// Chinese typesetting does, when that breaks none of the rules above; and only where
/// the two met with no space between them in the paragraph `s`, which the lines no
/// longer show.
fn mend_widow(s: &str, w: usize, before: &mut String, last: &mut String) {
    let mut graphemes = last.graphemes(true);
    let hanzi = |g: &str| g.width() == 2 && !no_line_start(g) && !no_line_end(g);
    if !graphemes.next().is_some_and(hanzi) || !graphemes.all(no_line_start) {
        return;
    }
    let mut ends = before.grapheme_indices(true).rev();
    let (Some((at, moved)), Some((_, kept))) = (ends.next(), ends.next()) else { return };
    let joined = s.trim_end().strip_suffix(last.as_str()).is_some_and(|s| s.ends_with(moved));
    if hanzi(moved) && kept.width() == 2 && !no_line_end(kept) && joined && width(moved) + width(last) <= w {
        last.insert_str(0, moved);
        before.truncate(at);
    }
}

fn width_of_last(t: &str) -> usize {
    t.graphemes(true).next_back().map_or(0, UnicodeWidthStr::width)
}

/// `s` with its control characters, but those in `keep`, written as Rust escapes
/// (`\u{1b}`): text from a data file never drives the terminal it is printed on.
pub fn escape_controls<'a>(s: &'a str, keep: &str) -> Cow<'a, str> {
    let escaped = |c: char| c.is_control() && !keep.contains(c);
    if !s.contains(escaped) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| if escaped(c) { c.escape_default().to_string() } else { c.to_string() }).collect())
}

/// `values` joined by `sep`, the last two by `last`: "a, b or c", "a、b 或 c".
pub fn listed(values: &[String], sep: &str, last: &str) -> String {
    match values.split_last() {
        Some((end, [])) => end.clone(),
        Some((end, rest)) => format!("{}{last}{end}", rest.join(sep)),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_reads_as_a_sentence() {
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(listed(&list(&["city", "guangxi", "company"]), ", ", " or "), "city, guangxi or company");
        assert_eq!(listed(&list(&["computed", "disputed"]), "、", " 或 "), "computed 或 disputed");
        assert_eq!(listed(&list(&["one"]), ", ", " or "), "one");
        assert_eq!(listed(&[], ", ", " or "), "");
    }

    #[test]
    fn widths_count_cells() {
        assert_eq!(width("柳州 Liuzhou"), 12);
        assert_eq!(width("e\u{301}"), 1, "NFD é is one cell");
        assert_eq!(width("a\tb"), 2, "controls take no cell");
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate("柳州螺蛳粉", 10), "柳州螺蛳粉");
        assert_eq!(truncate("柳州螺蛳粉", 9), "柳州螺蛳…");
        assert_eq!(truncate("柳州螺蛳粉", 8), "柳州螺…");
        assert_eq!(truncate("柳州螺蛳粉", 1), "…");
        assert_eq!(truncate("柳州", 0), "");
        assert_eq!(pad("柳州", 5), "柳州 ");
        assert_eq!(pad_left("柳州", 5), " 柳州");
        assert_eq!(pad("柳州螺蛳粉", 4), "柳… ");
    }

    #[test]
    fn tail_keeps_whole_characters() {
        assert_eq!(tail("柳州luosifen", 4), "ifen");
        assert_eq!(tail("螺蛳粉", 5), "蛳粉");
        assert_eq!(tail("螺蛳粉", 0), "");
    }

    #[test]
    fn wraps_chinese_between_characters_and_english_at_spaces() {
        assert_eq!(wrap("柳州是螺蛳粉故乡", 6), ["柳州是", "螺蛳粉", "故乡"]);
        assert_eq!(wrap("over 2,000 ha of parks", 10), ["over 2,000", "ha of", "parks"]);
        assert_eq!(wrap("柳州 Liuzhou 城市", 9), ["柳州", "Liuzhou", "城市"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 3), ["a", "", "b"]);
        assert_eq!(wrap("", 3), [""]);
        assert!(wrap("柳州", 0).is_empty());
        assert!(wrap("柳州", 1).iter().all(|l| width(l) <= 1));
        // A tab parts words; a long word after a space that leaves no room starts a line.
        assert_eq!(wrap("a\tb", 5), ["a b"]);
        assert_eq!(wrap("%A aa%A", 3), ["%A", "aa%", "A"]);
    }

    #[test]
    fn closing_punctuation_does_not_start_a_line() {
        assert_eq!(wrap("柳州螺蛳粉。好", 10), ["柳州螺蛳", "粉。好"]);
        // A run of it: the char before the run goes over with the whole run.
        assert_eq!(wrap("提升（d002第25行）。好", 18), ["提升（d002第25", "行）。好"]);
        // Nor opening punctuation end one.
        assert_eq!(wrap("好好好（柳州）", 8), ["好好好", "（柳州）"]);
        assert_eq!(wrap("好好好《「柳州」》", 10), ["好好好", "《「柳", "州」》"]);
        // A word closed by the punctuation goes over with it, with what opens it.
        assert_eq!(wrap("搜索结果（Ctrl-s）或比较", 16), ["搜索结果", "（Ctrl-s）或比较"]);
        // Never so far that a line is left empty.
        assert_eq!(wrap("）。好", 4), ["）。", "好"]);
    }

    #[test]
    fn a_paragraph_does_not_end_on_one_character_alone() {
        assert_eq!(wrap("返回上次跳转的位置后", 6), ["返回上", "次跳转", "的位", "置后"]);
        assert_eq!(wrap("柳州螺蛳粉好。", 12), ["柳州螺蛳", "粉好。"]);
        // The line above may end in closing punctuation, not in opening punctuation.
        assert_eq!(wrap("所引的行（来源页：整篇）", 18), ["所引的行（来源页：", "整篇）"]);
        assert_eq!(wrap("柳州（螺好", 8), ["柳州（螺", "好"]);
        // Punctuation does not go over, nor a character across a space or a new line.
        assert_eq!(wrap("柳州螺蛳，好", 10), ["柳州螺蛳，", "好"]);
        assert_eq!(wrap("柳州 好", 4), ["柳州", "好"]);
        assert_eq!(wrap("柳州\n好", 4), ["柳州", "好"]);
    }

    #[test]
    fn control_characters_are_escaped_but_those_kept() {
        assert_eq!(escape_controls("柳州", ""), "柳州");
        assert_eq!(escape_controls("a\x1b[2Jb\n", ""), "a\\u{1b}[2Jb\\n");
        assert_eq!(escape_controls("a\tb\n\u{9b}", "\t\n"), "a\tb\n\\u{9b}");
    }
}
