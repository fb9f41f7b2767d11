//! A one-line text field and its editing: the finder's query, the export prompt's path.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::action::Edit;

/// A one-line text field. `cursor` is a byte offset that always sits on a grapheme
/// boundary, so editing never cuts a character in two.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    text: String,
    cursor: usize,
}

impl Input {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Cells from the start of the field to the cursor.
    pub fn cursor_column(&self) -> usize {
        crate::text::width(&self.text[..self.cursor])
    }

    /// A field holding `text`, the cursor at its end.
    pub fn with(text: &str) -> Input {
        let mut input = Input::default();
        input.insert(text);
        input
    }

    /// What a field `width` cells wide shows: the text, or when the cursor is past the
    /// field's end the text before it; and the cursor's column there.
    pub fn view(&self, width: usize) -> (Cow<'_, str>, usize) {
        let column = self.cursor_column();
        if column < width {
            return (crate::text::truncate(&self.text, width), column);
        }
        let before = crate::text::tail(&self.text[..self.cursor], width.saturating_sub(1));
        (Cow::Borrowed(before), crate::text::width(before))
    }

    pub fn edit(&mut self, edit: &Edit) {
        let before = &self.text[..self.cursor];
        let prev = before.grapheme_indices(true).next_back().map_or(0, |(i, _)| i);
        let next = self.text[self.cursor..].graphemes(true).next().map_or(self.cursor, |g| self.cursor + g.len());
        match edit {
            Edit::Insert(c) => self.insert(&c.to_string()),
            Edit::Backspace => {
                self.text.replace_range(prev..self.cursor, "");
                self.cursor = prev;
            }
            Edit::Delete => self.text.replace_range(self.cursor..next, ""),
            Edit::Left => self.cursor = prev,
            Edit::Right => self.cursor = next,
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::ClearBefore => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Edit::ClearAfter => self.text.truncate(self.cursor),
            Edit::DeleteWord => {
                let start = self.word_start();
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Edit::WordLeft => self.cursor = self.word_start(),
            Edit::WordRight => {
                let rest = &self.text[self.cursor..];
                let word = rest.trim_start();
                let end = word.find(char::is_whitespace).unwrap_or(word.len());
                self.cursor += rest.len() - word.len() + end;
            }
        }
    }

    /// Where the word before the cursor starts, past any spaces after it: words are
    /// what spaces separate, as the query's terms are.
    fn word_start(&self) -> usize {
        let before = self.text[..self.cursor].trim_end();
        before.rfind(char::is_whitespace).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8))
    }

    /// Inserts typed or pasted text at the cursor, leaving out control characters.
    pub fn insert(&mut self, s: &str) {
        let clean: String = s.chars().filter(|c| !c.is_control()).collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        // A combining mark typed after the cursor's character joins it; keep the
        // cursor on a grapheme boundary.
        while !self.text.is_char_boundary(self.cursor) || !is_grapheme_boundary(&self.text, self.cursor) {
            self.cursor += 1;
        }
    }
}

fn is_grapheme_boundary(s: &str, at: usize) -> bool {
    at == s.len() || s.grapheme_indices(true).any(|(i, _)| i == at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_edits_whole_graphemes() {
        let mut input = Input::default();
        for c in "柳州e\u{301}".chars() {
            input.edit(&Edit::Insert(c));
        }
        assert_eq!(input.cursor_column(), 5);
        input.edit(&Edit::Backspace);
        assert_eq!(input.text(), "柳州");
        input.edit(&Edit::Left);
        assert_eq!(input.cursor_column(), 2);
        input.edit(&Edit::Insert('x'));
        assert_eq!(input.text(), "柳x州");
        input.edit(&Edit::Delete);
        assert_eq!(input.text(), "柳x");
        input.edit(&Edit::Home);
        input.edit(&Edit::Delete);
        assert_eq!(input.text(), "x");
        input.edit(&Edit::End);
        input.edit(&Edit::ClearBefore);
        assert_eq!(input.text(), "");
    }

    #[test]
    fn words_are_what_spaces_separate() {
        let mut input = Input::with("质量 强市  year:2021 ");
        input.edit(&Edit::DeleteWord);
        assert_eq!(input.text(), "质量 强市  ");
        input.edit(&Edit::WordLeft);
        assert_eq!(input.cursor_column(), 5, "before 强市");
        input.edit(&Edit::WordLeft);
        input.edit(&Edit::WordLeft);
        assert_eq!(input.cursor_column(), 0, "stays at the start");
        input.edit(&Edit::WordRight);
        assert_eq!(input.cursor_column(), 4, "after 质量");
        input.edit(&Edit::ClearAfter);
        assert_eq!(input.text(), "质量");
        input.edit(&Edit::Home);
        input.edit(&Edit::DeleteWord);
        assert_eq!(input.text(), "质量", "nothing before the cursor");
        input.edit(&Edit::End);
        input.edit(&Edit::DeleteWord);
        assert_eq!(input.text(), "");
    }

    #[test]
    fn a_field_shows_the_text_before_the_cursor_when_it_is_too_long() {
        let input = Input::with("liuzhou-industry.csv");
        assert_eq!(input.view(30), ("liuzhou-industry.csv".into(), 20));
        assert_eq!(input.view(8), ("try.csv".into(), 7));
        let mut input = Input::with("柳州螺蛳粉.md");
        input.edit(&Edit::Home);
        assert_eq!(input.view(6), ("柳州…".into(), 0));
    }
}
