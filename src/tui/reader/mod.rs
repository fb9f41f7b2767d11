//! The source pane: a document open at a line a record cites, or whole, with every
//! line cited from it marked (the Sources tab). It owns what is open and where it is
//! scrolled; `draw` lays the text out, and the same layout decides the scrolling.

mod draw;

use std::sync::Arc;

use self::draw::Layout;
pub use self::draw::draw;
use super::tabs::Target;
use crate::data::Dataset;
use crate::docs::{self, Docs, DocsError, Document};

/// Where the documents are, and each one read so far (by source position), so that
/// stepping back and forth reads a file once.
#[derive(Debug, Clone)]
pub struct Shelf {
    docs: Result<Docs, DocsError>,
    opened: Vec<(usize, Result<Arc<Document>, DocsError>)>,
}

impl Default for Shelf {
    fn default() -> Shelf {
        Shelf::new(Err(DocsError::NotGiven))
    }
}

impl Shelf {
    pub fn new(docs: Result<Docs, DocsError>) -> Shelf {
        Shelf { docs, opened: Vec::new() }
    }

    /// The `source`th source's document, or why it cannot be shown.
    pub fn get(&mut self, data: &Dataset, source: usize) -> Result<Arc<Document>, DocsError> {
        if let Some((_, doc)) = self.opened.iter().find(|(s, _)| *s == source) {
            return doc.clone();
        }
        let doc = match (&self.docs, data.sources.get(source)) {
            (Ok(docs), Some(src)) => docs.open(src).map(Arc::new),
            (Err(e), _) => Err(e.clone()),
            (Ok(_), None) => Err(DocsError::NotGiven),
        };
        self.opened.push((source, doc.clone()));
        doc
    }
}

/// What the pane was opened on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Of {
    /// A record: its citations, one at a time.
    Record(Target),
    /// A source (the `n`th), read whole.
    Source(usize),
}

/// One citation: the record, which of its citations (`docs::cited`) it is, and where.
impl Of {
    pub fn target(self) -> Target {
        match self {
            Of::Record(t) => t,
            Of::Source(s) => Target::Source(s),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cite {
    pub target: Target,
    pub k: usize,
    pub source: usize,
    pub line: usize,
}

/// Where the text starts: a document line, and how many of its wrapped rows are above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Top {
    pub line: usize,
    pub row: usize,
}

/// Where a pane was, to open it there again (going back, or returning to a tab): the
/// document is read again from the shelf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bookmark {
    of: Of,
    at: usize,
    cursor: usize,
    top: Top,
    width: usize,
}

#[derive(Debug, Clone)]
pub struct Reading {
    pub of: Of,
    /// A record's citations in its order; a source's, from every record, by line.
    pub cites: Vec<Cite>,
    /// The citation shown (a record's pane).
    pub at: usize,
    /// The source shown, and its document or why it is not at hand.
    pub source: usize,
    pub doc: Result<Arc<Document>, DocsError>,
    /// The line the pane is on (1-based): the cited one, or the cursor in a whole document.
    pub cursor: usize,
    pub top: Top,
    /// The text width `top` was worked out for: at another, the pane starts again
    /// from the cursor.
    pub width: usize,
}

impl Reading {
    /// The pane for `target`: a source opens whole; a record at the `k`th of its
    /// citations (`docs::cited`) when given, else its first. None when it cites nothing.
    pub fn open(target: Target, k: Option<usize>, data: &Dataset, shelf: &mut Shelf) -> Option<Reading> {
        let (of, source, cites) = match target {
            Target::Source(s) => (Of::Source(s), s, citations_of_source(data, s)),
            _ => {
                let cites = citations_of(target, data, None);
                (Of::Record(target), cites.first()?.source, cites)
            }
        };
        let cursor = cites.first().map_or(1, |c| c.line);
        let doc = shelf.get(data, source);
        let top = Top { line: cursor, row: 0 };
        let mut r = Reading { of, cites, at: 0, source, doc, cursor, top, width: 0 };
        if let Some(at) = r.cites.iter().position(|c| Some(c.k) == k) {
            r.show(at, data, shelf);
        }
        Some(r)
    }

    pub fn bookmark(&self) -> Bookmark {
        Bookmark { of: self.of, at: self.at, cursor: self.cursor, top: self.top, width: self.width }
    }

    /// The pane as `b` left it; at another width it starts again from its line.
    pub fn reopen(b: Bookmark, data: &Dataset, shelf: &mut Shelf) -> Option<Reading> {
        let mut r = Reading::open(b.of.target(), None, data, shelf)?;
        r.show(b.at, data, shelf);
        (r.cursor, r.top, r.width) = (b.cursor, b.top, b.width);
        Some(r)
    }

    /// Moves a record's pane to its `at`th citation.
    fn show(&mut self, at: usize, data: &Dataset, shelf: &mut Shelf) {
        let Some(&c) = self.cites.get(at) else { return };
        self.at = at;
        if c.source != self.source {
            self.source = c.source;
            self.doc = shelf.get(data, c.source);
        }
        self.cursor = c.line;
    }

    pub fn target(&self) -> Target {
        self.of.target()
    }

    /// The citations on `line` of the document shown.
    pub fn cites_on(&self, line: usize) -> impl Iterator<Item = &Cite> {
        self.cites.iter().filter(move |c| c.source == self.source && c.line == line)
    }

    /// `n`/`N`: a record's next or previous citation; in a whole document, the next or
    /// previous cited line. Both wrap round.
    pub fn step(&mut self, forward: bool, data: &Dataset, shelf: &mut Shelf, area: (usize, usize)) {
        let n = self.cites.len();
        if n == 0 {
            return;
        }
        match self.of {
            Of::Record(_) => self.show(if forward { (self.at + 1) % n } else { (self.at + n - 1) % n }, data, shelf),
            Of::Source(_) => {
                let lines = self.cites.iter().map(|c| c.line);
                let next = if forward {
                    lines.clone().find(|&l| l > self.cursor).or_else(|| lines.clone().next())
                } else {
                    lines.clone().rev().find(|&l| l < self.cursor).or_else(|| lines.clone().next_back())
                };
                self.cursor = next.unwrap_or(self.cursor);
            }
        }
        self.place(area);
    }

    /// Puts the cursor's line a little below the top, so the lines before it show.
    pub fn place(&mut self, (width, height): (usize, usize)) {
        if let Some(layout) = self.layout(width) {
            self.top = layout.back_from(self.cursor, context(height));
        }
    }

    /// Where the text starts in a pane of this size.
    pub fn top_at(&self, layout: &Layout, (width, height): (usize, usize)) -> Top {
        if width == self.width { self.top } else { layout.back_from(self.cursor, context(height)) }
    }

    /// Moves the cursor of a whole document by `by` lines, scrolling as little as
    /// keeps its line in view.
    pub fn move_cursor(&mut self, by: i64, (width, height): (usize, usize)) {
        let Some(layout) = self.layout(width) else { return };
        self.cursor = (self.cursor as i64).saturating_add(by).clamp(1, layout.len() as i64) as usize;
        if self.cursor <= self.top.line {
            self.top = Top { line: self.cursor, row: 0 };
            return;
        }
        // Walks from the top at most a screenful: a far cursor needs no count of the rows between.
        let mut line = self.top.line;
        let mut used = layout.rows(line).saturating_sub(self.top.row);
        while line < self.cursor && used <= height {
            line += 1;
            used += layout.rows(line);
        }
        if used > height {
            // The cursor's line ends the view, or starts it when taller than the pane.
            self.top = layout.back_from(self.cursor, height.saturating_sub(layout.rows(self.cursor)));
        }
    }

    /// Scrolls by `by` wrapped rows, within the document; each line crossed is wrapped once.
    pub fn scroll(&mut self, by: i64, width: usize) {
        let Some(layout) = self.layout(width) else { return };
        let mut top = self.top;
        let mut rows = layout.rows(top.line);
        top.row = top.row.min(rows - 1);
        let mut left = by.unsigned_abs() as usize;
        while left > 0 {
            if by > 0 {
                let room = rows - 1 - top.row;
                if room >= left || top.line >= layout.len() {
                    top.row += left.min(room);
                    break;
                }
                left -= room + 1;
                top = Top { line: top.line + 1, row: 0 };
                rows = layout.rows(top.line);
            } else {
                if top.row >= left || top.line <= 1 {
                    top.row -= left.min(top.row);
                    break;
                }
                left -= top.row + 1;
                rows = layout.rows(top.line - 1);
                top = Top { line: top.line - 1, row: rows - 1 };
            }
        }
        self.top = top;
    }

    /// The layout at `width`, where `top` is first brought to it.
    fn layout(&mut self, width: usize) -> Option<Layout> {
        let layout = Layout::new(self.doc.as_ref().ok()?, width);
        self.top = self.top_at(&layout, (width, 0));
        self.width = width;
        Some(layout)
    }
}

/// Rows shown above the cursor's line when the pane moves to it.
fn context(height: usize) -> usize {
    (height / 3).min(6)
}

/// `target`'s citations, of the `only`th source when given.
fn citations_of(target: Target, data: &Dataset, only: Option<usize>) -> Vec<Cite> {
    let Some(record) = target.record(data) else { return Vec::new() };
    docs::cited(record)
        .iter()
        .enumerate()
        .filter_map(|(k, c)| {
            let source = data.sources.iter().position(|s| *s.id == *c.source)?;
            let keep = only.is_none_or(|o| o == source);
            keep.then_some(Cite { target, k, source, line: c.line as usize })
        })
        .collect()
}

/// Every citation of the `source`th source, by line, records in file order.
fn citations_of_source(data: &Dataset, source: usize) -> Vec<Cite> {
    let mut cites: Vec<Cite> = data
        .citing(&data.sources[source].id)
        .iter()
        .filter_map(|c| Target::of(c.ordinal, data))
        .flat_map(|t| citations_of(t, data, Some(source)))
        .collect();
    cites.sort_by_key(|c| c.line);
    cites
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole document of `lines`, in a pane 13 cells wide (a 10-cell text column
    /// beside the gutter of a one-digit line count).
    fn reading(lines: &[&str]) -> Reading {
        let doc = Document::new(lines.join("\n").as_bytes());
        let (of, cites, source, top) = (Of::Source(0), Vec::new(), 0, Top { line: 1, row: 0 });
        Reading { of, cites, at: 0, source, doc: Ok(Arc::new(doc)), cursor: 1, top, width: 13 }
    }

    #[test]
    fn scrolling_counts_wrapped_rows_and_stops_at_the_ends() {
        // Line 2 wraps to six rows of ten cells.
        let mut r = reading(&["a", "柳州柳州柳州柳州柳州柳州柳州柳州柳州柳州柳州柳州柳州柳州柳", "b", "c"]);
        r.scroll(2, 13);
        assert_eq!(r.top, Top { line: 2, row: 1 });
        r.scroll(6, 13);
        assert_eq!(r.top, Top { line: 4, row: 0 });
        r.scroll(100, 13);
        assert_eq!(r.top, Top { line: 4, row: 0 }, "the last row is as far as it goes");
        r.scroll(-2, 13);
        assert_eq!(r.top, Top { line: 2, row: 5 });
        r.scroll(i64::MIN / 2, 13);
        assert_eq!(r.top, Top { line: 1, row: 0 });
    }

    #[test]
    fn the_cursor_stays_in_view_and_the_view_moves_as_little_as_it_can() {
        let lines: Vec<String> = (1..=9).map(|n| format!("line{n}")).collect();
        let mut r = reading(&lines.iter().map(String::as_str).collect::<Vec<_>>());
        r.move_cursor(3, (13, 4));
        assert_eq!((r.cursor, r.top.line), (4, 1), "still in view: no scrolling");
        r.move_cursor(1, (13, 4));
        assert_eq!((r.cursor, r.top.line), (5, 2), "one line further scrolls one line");
        r.move_cursor(i64::MAX / 2, (13, 4));
        assert_eq!((r.cursor, r.top.line), (9, 6));
        r.move_cursor(-6, (13, 4));
        assert_eq!((r.cursor, r.top.line), (3, 3));
        r.place((13, 9));
        assert_eq!(r.top.line, 1, "three rows above the cursor, two lines there are");
    }
}
