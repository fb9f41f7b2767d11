//! How the app drives the source pane: `o` opens it, a click on a citation too, `n`/`N`
//! step, Esc closes, and it follows the list. The pane's own state is in `reader`.

use ratatui::layout::{Position, Rect};

use super::action::Msg;
use super::geometry::{self, Hit};
use super::reader::{Of, Reading};
use super::state::App;
use crate::text;

impl App {
    /// Handles `msg` where it concerns the source pane; false lets `update` go on.
    pub(super) fn read(&mut self, msg: &Msg) -> bool {
        self.follow();
        if *msg == Msg::OpenSource {
            self.open_reading(None);
            return true;
        }
        if self.reading.is_none() {
            return matches!(*msg, Msg::Click { x, y } if self.open_at_click(x, y));
        }
        let Some(area) = self.reading_area() else {
            return false;
        };
        let size = (usize::from(area.width), usize::from(area.height));
        let narrow = geometry::is_narrow(self);
        let (data, shelf) = (&self.data, &mut self.shelf);
        let Some(r) = &mut self.reading else {
            return false;
        };
        if r.width != size.0 {
            r.place(size);
        }
        let whole = matches!(r.of, Of::Source(_));
        let page = size.1.saturating_sub(2).max(1) as i64;
        match *msg {
            Msg::NextCite | Msg::PrevCite => r.step(*msg == Msg::NextCite, data, shelf, size),
            Msg::Back => self.reading = None,
            Msg::Scroll(n) => r.scroll(i64::from(n), size.0),
            Msg::Wheel { x, y, down } if area.contains(Position::new(x, y)) => {
                r.scroll(if down { 3 } else { -3 }, size.0)
            }
            // A whole document has a line cursor; a record's pane on its own scrolls.
            Msg::Up | Msg::Down | Msg::PageUp | Msg::PageDown | Msg::Top | Msg::Bottom if whole || narrow => {
                let by = match *msg {
                    Msg::Up => -1,
                    Msg::Down => 1,
                    Msg::PageUp => -page,
                    Msg::PageDown => page,
                    Msg::Top => i64::MIN / 2,
                    _ => i64::MAX / 2,
                };
                if whole { r.move_cursor(by, size) } else { r.scroll(by, size.0) }
            }
            Msg::Enter if whole => {
                // Without the text there is no line the reader chose to jump from.
                let target = r.cites_on(r.cursor).next().filter(|_| r.doc.is_ok()).map(|c| c.target);
                // The jump closes the pane, and keeps it open in the place it leaves.
                if let Some(target) = target {
                    self.jump(target);
                }
            }
            _ => return false,
        }
        true
    }

    /// Opens the pane on the selection, at the `k`th of its citations (`docs::cited`)
    /// when given, else the first.
    fn open_reading(&mut self, k: Option<usize>) {
        let Some(target) = self.selected() else { return };
        self.citing = None;
        self.reading = Reading::open(target, k, &self.data, &mut self.shelf);
        // Open, the pane has its place on the screen (on a narrow one, the list's).
        let Some(area) = self.reading_area() else { return };
        if let Some(r) = &mut self.reading {
            r.place((usize::from(area.width), usize::from(area.height)));
        }
    }

    /// The pane shows the list's selection: it closes when the tab changes and
    /// reopens on another record.
    pub(super) fn follow(&mut self) {
        let Some(r) = &self.reading else { return };
        if r.target().tab() != self.tab {
            self.reading = None;
        } else if Some(r.target()) != self.selected() {
            self.open_reading(None);
        }
    }

    /// Inside the pane the text shows in (the detail's place).
    fn reading_area(&self) -> Option<Rect> {
        geometry::screen(self)?.detail.map(geometry::inner)
    }

    /// A click on a citation ("d000:29") in the detail pane opens the source pane there.
    fn open_at_click(&mut self, x: u16, y: u16) -> bool {
        if !matches!(geometry::hit(self, Position::new(x, y)), Some(Hit::Detail)) || self.citing.is_some() {
            return false;
        }
        let Some(pane) = geometry::screen(self).and_then(|s| s.detail) else { return false };
        let inner = geometry::inner(pane);
        let Some(detail) = geometry::detail_of(self, inner.width) else { return false };
        let text_area = detail.text_area(inner);
        if !text_area.contains(Position::new(x, y)) {
            return false;
        }
        let row = usize::from(self.scroll.min(detail.max_scroll(inner))) + usize::from(y - text_area.y);
        let Some(line) = detail.lines.get(row) else { return false };
        let shown: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let Some(target) = self.selected() else { return false };
        let Some(record) = target.record(&self.data) else { return false };
        // The citation nearest the click on that row.
        let column = usize::from(x - text_area.x);
        let nearest = crate::docs::cited(record)
            .iter()
            .enumerate()
            .filter_map(|(k, c)| {
                let token = format!("{}:{}", c.source, c.line);
                let at = shown.find(&token)?;
                Some((text::width(&shown[..at]).abs_diff(column), k))
            })
            .min();
        let Some((_, k)) = nearest else { return false };
        self.open_reading(Some(k));
        true
    }
}
