//! Finds where a record or field stands in a data file's text, so that a validation
//! problem found after parsing can still name its line and column.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::{Position, Problem, ProblemKind};

pub struct Locator {
    file: &'static str,
    text: String,
    /// Where each `id: "…"` stands, in file order; built on first use, in one pass.
    records: OnceLock<HashMap<String, Vec<usize>>>,
    /// Byte offset of each line's start; built on first use.
    lines: OnceLock<Vec<usize>>,
    /// Where `next_record` resumes.
    cursor: Cell<usize>,
}

impl Locator {
    pub fn new(file: &'static str, text: String) -> Self {
        Locator { file, text, records: OnceLock::new(), lines: OnceLock::new(), cursor: Cell::new(0) }
    }

    pub fn file(&self) -> &'static str {
        self.file
    }

    /// Line and column (1-based, in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let lines = self
            .lines
            .get_or_init(|| std::iter::once(0).chain(self.text.match_indices('\n').map(|(i, _)| i + 1)).collect());
        let line = lines.partition_point(|&start| start <= offset);
        let start = lines[line - 1];
        Position { line, col: self.text[start..offset].chars().count() + 1 }
    }

    /// Offsets of the successive `field:`s from `at`, each looked for after the last,
    /// so a record is scanned once however many it holds; `at` once none is left.
    pub fn fields_after<'a>(&'a self, at: usize, field: &'a str) -> impl Iterator<Item = usize> + 'a {
        let mut next = Some(at);
        std::iter::repeat_with(move || {
            let found = next.and_then(|from| self.field(from, field, 0));
            next = found.map(|f| f + 1);
            found.unwrap_or(at)
        })
    }

    /// Offset of the `nth` (0-based) `field:` at or after `from`.
    pub fn field(&self, from: usize, field: &str, nth: usize) -> Option<usize> {
        let text = self.text.get(from..)?;
        let is_ident = |c: char| c.is_alphanumeric() || c == '_';
        text.match_indices(field)
            .filter(|&(i, _)| {
                let before_ok = !text[..i].chars().next_back().is_some_and(is_ident);
                let after = text[i + field.len()..].trim_start();
                before_ok && after.starts_with(':')
            })
            .nth(nth)
            .map(|(i, _)| from + i)
    }

    /// Offset of the `nth` record whose `id` is `id`, from an index of every id.
    fn record(&self, id: &str, nth: usize) -> Option<usize> {
        self.records.get_or_init(|| self.index_records()).get(id)?.get(nth).copied()
    }

    /// Offset of the `nth` record whose `id` is `id`, looked for first just after the
    /// record found last: records are checked in file order, so one forward scan finds
    /// them all without indexing every id of a large file. Anything else (an `id:`
    /// inside a string, say) falls back to the index.
    pub fn next_record(&self, id: &str, nth: usize) -> Option<usize> {
        let next = self.field(self.cursor.get(), "id", 0).filter(|&at| self.id_at(at) == Some(id));
        let at = next.or_else(|| self.record(id, nth))?;
        self.cursor.set(at + 2);
        Some(at)
    }

    /// The string after the `id:` at `at`.
    fn id_at(&self, at: usize) -> Option<&str> {
        let value = self.text[at + 2..].trim_start().trim_start_matches(':').trim_start();
        value.strip_prefix('"').and_then(|v| v.split('"').next())
    }

    fn index_records(&self) -> HashMap<String, Vec<usize>> {
        let mut records: HashMap<String, Vec<usize>> = HashMap::new();
        let mut from = 0;
        while let Some(at) = self.field(from, "id", 0) {
            if let Some(id) = self.id_at(at) {
                records.entry(id.to_owned()).or_default().push(at);
            }
            from = at + 2;
        }
        records
    }

    pub fn problem(&self, offset: Option<usize>, kind: ProblemKind) -> Problem {
        Problem { file: self.file.to_owned(), pos: offset.map(|o| self.position(o)), kind }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_records_and_fields_by_character_column() {
        let text = "[\n  (id: \"a\", name: \"柳州\", value: 1),\n  (id: \"b\", value: 2, value : 3),\n]";
        let loc = Locator::new("x.ron", text.to_owned());
        let b = loc.record("b", 0).unwrap();
        assert_eq!(loc.position(b), Position { line: 3, col: 4 });
        let second_value = loc.field(b, "value", 1).unwrap();
        assert_eq!(loc.position(second_value), Position { line: 3, col: 23 });
        let after_hanzi = loc.field(0, "value", 0).unwrap();
        assert_eq!(loc.position(after_hanzi), Position { line: 2, col: 25 });
        assert_eq!(loc.record("c", 0), None);
    }

    #[test]
    fn records_in_file_order_are_found_by_one_scan_and_others_by_the_index() {
        let text = "[\n  (id: \"a\", note: \"id: b\"),\n  (id: \"b\"),\n  (id: \"a\"),\n]";
        let loc = Locator::new("x.ron", text.to_owned());
        let line = |at: Option<usize>| at.map(|o| loc.position(o).line);
        assert_eq!(line(loc.next_record("a", 0)), Some(2));
        // The next `id:` stands inside a string and names another record.
        assert_eq!(line(loc.next_record("b", 0)), Some(3));
        assert_eq!(line(loc.next_record("a", 1)), Some(4));
        // Out of order: found through the index.
        assert_eq!(line(loc.next_record("b", 0)), Some(3));
        assert_eq!(loc.next_record("c", 0), None);
    }
}
