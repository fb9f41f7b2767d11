//! Places and the jump history: where the user is on a tab, each tab's place kept
//! while another tab shows, and the places jumps left, to go back and forth as in
//! vim's jump list.

use super::reader::Bookmark;
use super::tabs::Tab;
use super::tabs::sources::Citing;

/// How many places back the history keeps; the oldest go first.
const DEPTH: usize = 100;

/// What is open on a tab beyond its selection. The list's selection and offset live
/// per tab in `App::sel` and `App::offset`; these fields are the current tab's in
/// `App`, and every other tab's here.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    /// Lines the detail pane is scrolled by.
    pub scroll: u16,
    /// On a narrow screen, the detail shows in the list's place.
    pub detail_open: bool,
    /// Sources: the records citing the selected source, with their own selection.
    pub citing: Option<Citing>,
    /// The source pane, where it was in its document.
    pub reading: Option<Bookmark>,
}

/// Exactly where the user is: the tab, its list's selection and offset, and what is
/// open on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub tab: Tab,
    pub sel: usize,
    pub offset: usize,
    pub view: View,
}

/// The places jumps left behind (back) and the ones going back left (forward), and the
/// view each tab had when it was last left.
#[derive(Debug, Clone, Default)]
pub struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
    kept: [View; Tab::ALL.len()],
    /// The citing list last closed, so that opening it again for the same source
    /// returns to the same row.
    closed: Option<Citing>,
}

impl History {
    /// A jump is leaving `from`: it becomes the place to go back to, and what was
    /// ahead is dropped, as a new jump in vim drops the jumps after it.
    pub fn record(&mut self, from: Place) {
        self.forward.clear();
        if self.back.len() == DEPTH {
            self.back.remove(0);
        }
        self.back.push(from);
    }

    /// The place before `here`, if any; `here` becomes the one forward.
    pub fn back(&mut self, here: Place) -> Option<Place> {
        let to = self.back.pop()?;
        self.forward.push(here);
        Some(to)
    }

    /// The place ahead of `here`, after going back; `here` is back again.
    pub fn forward(&mut self, here: Place) -> Option<Place> {
        let to = self.forward.pop()?;
        self.back.push(here);
        Some(to)
    }

    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// Keeps a citing list just closed.
    pub fn close(&mut self, citing: Citing) {
        self.closed = Some(citing);
    }

    /// The citing list of the `source`th source as it was closed, if it was the last.
    pub fn reopen(&mut self, source: usize) -> Option<Citing> {
        self.closed.take_if(|c| c.source == source)
    }

    /// Keeps `view` as `tab`'s while another tab shows.
    pub fn keep(&mut self, tab: Tab, view: View) {
        self.kept[tab.index()] = view;
    }

    /// The view `tab` had when last left; the tab starts afresh after.
    pub fn take(&mut self, tab: Tab) -> View {
        std::mem::take(&mut self.kept[tab.index()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(sel: usize) -> Place {
        Place { tab: Tab::Industry, sel, offset: 0, view: View::default() }
    }

    #[test]
    fn back_and_forth_walk_the_jumps_and_a_new_jump_drops_what_was_ahead() {
        let mut h = History::default();
        h.record(at(1)); // jumped 1 → 2
        h.record(at(2)); // jumped 2 → 3
        assert_eq!(h.back(at(3)), Some(at(2)));
        assert_eq!(h.back(at(2)), Some(at(1)));
        assert_eq!(h.back(at(1)), None);
        assert_eq!(h.forward(at(1)), Some(at(2)));
        assert_eq!(h.forward(at(2)), Some(at(3)));
        assert_eq!(h.forward(at(3)), None);
        assert_eq!(h.back(at(3)), Some(at(2)));
        h.record(at(2)); // jumped elsewhere: 3 is no longer ahead
        assert_eq!(h.forward(at(9)), None);
        assert_eq!(h.back(at(9)), Some(at(2)));
    }

    #[test]
    fn the_oldest_places_go_first() {
        let mut h = History::default();
        for i in 0..DEPTH + 5 {
            h.record(at(i));
        }
        let mut here = at(999);
        let mut seen = Vec::new();
        while let Some(p) = h.back(here) {
            seen.push(p.sel);
            here = p;
        }
        assert_eq!(seen.len(), DEPTH);
        assert_eq!(seen.last(), Some(&5));
    }
}
