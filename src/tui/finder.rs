//! The finder's state and how keys change it: the query, the results and the one
//! place they are stored, paging through them, the query-language help, and the
//! session's earlier queries. Drawing it is `widgets::finder`.

use super::action::Msg;
use super::input::Input;
use crate::search::{Found, Hit, QueryError, SearchIndex};

/// How many results are asked for at first, and how many more each time the
/// selection comes within a page of the end of those held: a few screens' worth, since
/// every result asked for is scored in full on each keystroke.
pub const FINDER_LIMIT: usize = 50;

/// The most queries a session remembers.
const HISTORY_LEN: usize = 100;

/// The finder: its query, the results, which is selected, and the first shown.
pub struct Finder {
    pub input: Input,
    /// The best matches, best first: the first `limit` of them or fewer.
    pub hits: Vec<Hit>,
    /// How many records match in all; `None` when the engine only says "at least
    /// `hits.len()`".
    pub total: Option<usize>,
    /// The years the query's `year:` asks for: a row shows its record's figure of them.
    pub years: Option<(i32, i32)>,
    /// A message about the query (a bad qualifier), shown in place of the count.
    pub error: Option<QueryError>,
    pub sel: usize,
    pub offset: usize,
    /// How many results to ask for; grows as the selection nears the end.
    limit: usize,
    /// The query-language help is showing, scrolled by this many lines; ↑↓ and the
    /// page keys scroll it, any other key closes it.
    pub help: Option<usize>,
    /// Which earlier query the field shows (0 the newest), while ↑/↓ walk them.
    recall: Option<usize>,
}

/// The finder's room on the screen: result rows that show, and how far its help scrolls.
#[derive(Debug, Clone, Copy)]
pub struct Room {
    pub page: usize,
    pub help_max: usize,
}

/// What the app does after a message to the finder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Close,
    /// Close and show the record at this position of `Dataset::records`.
    Jump(usize),
}

impl Default for Finder {
    fn default() -> Finder {
        Finder {
            input: Input::default(),
            hits: Vec::new(),
            total: Some(0),
            years: None,
            error: None,
            sel: 0,
            offset: 0,
            limit: FINDER_LIMIT,
            help: None,
            recall: None,
        }
    }
}

impl Finder {
    /// Stores results, keeping the selected record selected when it is among them
    /// (as when more are fetched); else the best is selected.
    pub fn set_results(&mut self, found: Found) {
        let selected = self.hits.get(self.sel).map(|h| h.entry);
        self.sel = selected.and_then(|e| found.hits.iter().position(|h| h.entry == e)).unwrap_or(0);
        if self.sel == 0 {
            self.offset = 0;
        }
        (self.hits, self.total, self.years) = (found.hits, Some(found.total), found.years);
        self.error = None;
    }

    /// Asks the index again for the query, `limit` results at most.
    fn search(&mut self, index: &mut SearchIndex) {
        match index.search(self.input.text(), self.limit) {
            Ok(found) => self.set_results(found),
            Err(e) => {
                self.hits.clear();
                (self.sel, self.offset, self.total) = (0, 0, None);
                self.error = Some(e);
            }
        }
    }

    /// A new query: results from the top.
    fn requery(&mut self, index: &mut SearchIndex) {
        (self.sel, self.offset, self.limit) = (0, 0, FINDER_LIMIT);
        self.hits.clear();
        self.search(index);
    }

    /// True when there may be results beyond those held.
    fn more(&self) -> bool {
        self.total.map_or(self.hits.len() >= self.limit, |n| n > self.hits.len())
    }

    /// Handles `msg` in the room the screen gives.
    pub fn update(&mut self, msg: Msg, index: &mut SearchIndex, history: &mut History, room: Room) -> Outcome {
        if let Some(scroll) = self.help {
            let step = |by: i64| Some(scroll.saturating_add_signed(by as isize).min(room.help_max));
            self.help = match msg {
                Msg::Up | Msg::Wheel { down: false, .. } => step(-1),
                Msg::Down | Msg::Wheel { down: true, .. } => step(1),
                Msg::PageUp => step(-(room.page as i64)),
                Msg::PageDown => step(room.page as i64),
                _ => None,
            };
            return Outcome::Stay;
        }
        let page = room.page;
        match msg {
            Msg::Edit(edit) => {
                self.recall = None;
                let before = self.input.text().to_owned();
                self.input.edit(&edit);
                if self.input.text() != before {
                    self.requery(index);
                }
            }
            Msg::Paste(text) => {
                self.recall = None;
                self.input.insert(&text);
                self.requery(index);
            }
            Msg::ToggleHelp => self.help = Some(0),
            Msg::Up if self.recall.is_some() || self.input.text().is_empty() => {
                let older = self.recall.map_or(0, |r| r + 1);
                if let Some(q) = history.get(older) {
                    self.show_query(q, index);
                    self.recall = Some(older);
                }
            }
            Msg::Down if self.recall.is_some() => {
                let newer = self.recall.and_then(|r| r.checked_sub(1));
                let q = newer.and_then(|r| history.get(r)).unwrap_or_default();
                self.show_query(q, index);
                self.recall = newer;
            }
            Msg::Up | Msg::Wheel { down: false, .. } => self.step(-1, index, page),
            Msg::Down | Msg::Wheel { down: true, .. } => self.step(1, index, page),
            Msg::PageUp => self.step(-(page as i64), index, page),
            Msg::PageDown => self.step(page as i64, index, page),
            Msg::Enter => {
                history.record(self.input.text());
                return self.hits.get(self.sel).map_or(Outcome::Close, |h| Outcome::Jump(h.entry));
            }
            Msg::Back => {
                history.record(self.input.text());
                return Outcome::Close;
            }
            _ => {}
        }
        Outcome::Stay
    }

    fn show_query(&mut self, q: &str, index: &mut SearchIndex) {
        self.input = Input::default();
        self.input.insert(q);
        self.requery(index);
    }

    /// Moves the selection, fetching more results when it comes within a page of the
    /// end of those held, and scrolls so it shows. Once in the results, ↑ and ↓ stay
    /// there rather than walk the earlier queries.
    fn step(&mut self, by: i64, index: &mut SearchIndex, page: usize) {
        self.recall = None;
        let page = page.max(1);
        let to = (self.sel as i64).saturating_add(by).max(0) as usize;
        while to + page >= self.hits.len() && self.more() {
            self.limit += FINDER_LIMIT.max(page);
            self.search(index);
        }
        self.sel = to.min(self.hits.len().saturating_sub(1));
        if self.sel < self.offset {
            self.offset = self.sel;
        } else if self.sel >= self.offset + page {
            self.offset = self.sel + 1 - page;
        }
    }
}

/// The session's queries, newest last, with no two alike in a row.
#[derive(Debug, Default)]
pub struct History(Vec<String>);

impl History {
    /// Remembers a query left with Enter or Esc; blank ones are not worth recalling.
    pub fn record(&mut self, query: &str) {
        if query.trim().is_empty() || self.0.last().is_some_and(|q| q == query) {
            return;
        }
        if self.0.len() == HISTORY_LEN {
            self.0.remove(0);
        }
        self.0.push(query.to_owned());
    }

    /// The `n`th query back, 0 the newest.
    pub fn get(&self, n: usize) -> Option<&str> {
        self.0.iter().rev().nth(n).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_skips_blanks_and_repeats_and_keeps_the_newest() {
        let mut h = History::default();
        for q in ["a", "a", " ", "b", "a"] {
            h.record(q);
        }
        assert_eq!([h.get(0), h.get(1), h.get(2), h.get(3)], [Some("a"), Some("b"), Some("a"), None]);
        for i in 0..HISTORY_LEN + 5 {
            h.record(&i.to_string());
        }
        assert_eq!(h.get(0), Some("104"));
        assert_eq!(h.get(HISTORY_LEN - 1), Some("5"));
        assert_eq!(h.get(HISTORY_LEN), None);
    }
}
