//! Properties of the text layer over arbitrary mixed CJK, ASCII, emoji and combining text.

use liuzhou_tui::text::{pad, truncate, width, wrap};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

fn mixed() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9,.%]{1,12}",
        "[柳州螺蛳粉质量强市新能源汽车生态，。、（）《》“”]{1,8}",
        Just(" ".to_owned()),
        Just("  ".to_owned()),
        Just("\n".to_owned()),
        Just("😀".to_owned()),
        Just("👩‍👩‍👧".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\t".to_owned()),
        Just("ｶﾞ".to_owned()),
    ];
    prop::collection::vec(piece, 0..20).prop_map(|v| v.concat())
}

/// The visible graphemes of `s`, in order, ignoring spaces and controls.
fn visible(s: &str) -> Vec<String> {
    s.graphemes(true)
        .filter(|g| !g.chars().all(char::is_whitespace) && !g.contains(char::is_control) && g.width() > 0)
        .map(str::to_owned)
        .collect()
}

proptest! {
    // PROPTEST_CASES=N runs longer than CI's 2000.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
    ))]

    #[test]
    fn wrapped_lines_fit_and_keep_every_character(s in mixed(), w in 0usize..40) {
        let lines = wrap(&s, w);
        for line in &lines {
            prop_assert!(width(line) <= w, "{line:?} is wider than {w}");
        }
        // Nothing lost, nothing split: the lines hold the same graphemes, in order
        // (a grapheme wider than the whole line is the only thing that can be dropped).
        let expected: Vec<String> = visible(&s).into_iter().filter(|g| w > 0 && g.width() <= w).collect();
        let got: Vec<String> = lines.iter().flat_map(|l| visible(l)).collect();
        prop_assert_eq!(got, expected);
    }

    /// A line is a piece of the text as written: wrapping moves no character across a
    /// space, and joins nothing the text kept apart.
    #[test]
    fn each_line_is_a_piece_of_the_text(s in mixed(), w in 1usize..40) {
        let squeeze = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let whole = squeeze(&s);
        for line in wrap(&s, w) {
            let line = squeeze(&line);
            // A grapheme wider than the line is left out, so only lines that hold all
            // their text are pieces of it.
            if !s.graphemes(true).any(|g| g.width() > w) {
                prop_assert!(whole.contains(&line), "{line:?} is not in {whole:?}");
            }
        }
    }

    /// A Chinese paragraph does not end on one character alone when the line above
    /// can give it another.
    #[test]
    fn a_chinese_paragraph_does_not_end_on_one_character(s in "[柳州螺蛳粉质量强市]{2,40}", w in 4usize..40) {
        let lines = wrap(&s, w);
        prop_assert!(lines.last().is_some_and(|l| l.chars().count() >= 2), "{lines:?}");
    }

    /// Chinese line-breaking rules: no line but the first begins with closing
    /// punctuation, and none but the last ends with opening punctuation, where the
    /// text allows it (a char between any two marks, lines of four chars or more).
    #[test]
    fn punctuation_keeps_to_its_side_of_a_break(s in "([柳州螺蛳粉质量]{1,6}[，。、）》（《]?){1,12}", w in 8usize..40) {
        let lines = wrap(&s, w);
        for (i, line) in lines.iter().enumerate() {
            let first = line.chars().next().unwrap_or(' ');
            let last = line.chars().next_back().unwrap_or(' ');
            prop_assert!(i == 0 || !"，。、）》".contains(first), "{lines:?}");
            prop_assert!(i + 1 == lines.len() || !"（《".contains(last), "{lines:?}");
        }
    }

    #[test]
    fn truncation_fits_and_is_a_prefix(s in mixed(), w in 0usize..40) {
        let t = truncate(&s, w);
        prop_assert!(width(&t) <= w);
        let body = t.strip_suffix('…').unwrap_or(&t);
        let original = visible(&s).concat();
        prop_assert!(original.starts_with(&visible(body).concat()));
        if width(&s) <= w {
            prop_assert_eq!(visible(&t), visible(&s));
        }
    }

    #[test]
    fn width_is_the_sum_of_visible_graphemes(s in mixed()) {
        let cells: usize = s.graphemes(true).filter(|g| !g.contains(char::is_control)).map(|g| g.width()).sum();
        prop_assert_eq!(width(&s), cells);
    }

    #[test]
    fn ascii_is_cut_to_exactly_the_room(s in "[ -~]{0,60}", w in 0usize..40) {
        let t = truncate(&s, w);
        let expected = if s.len() <= w { s.clone() } else if w == 0 { String::new() } else { format!("{}…", &s[..w - 1]) };
        prop_assert_eq!(t.as_ref(), expected.as_str());
    }

    #[test]
    fn padding_is_exact(s in mixed(), w in 0usize..40) {
        prop_assert_eq!(width(&pad(&s, w)), w);
    }
}
