//! Moving between places: switching tabs keeps each tab's place, every jump to a
//! record goes through `App::jump` and is recorded, and `go_back`/`go_forward` return
//! to exactly where a jump left.

use super::geometry;
use super::history::{Place, View};
use super::reader::Reading;
use super::state::App;
use super::tabs::{Tab, Target};

impl App {
    /// Where the user is now.
    pub fn place(&self) -> Place {
        let t = self.tab.index();
        let reading = self.reading.as_ref().map(Reading::bookmark);
        let view = View { scroll: self.scroll, detail_open: self.detail_open, citing: self.citing.clone(), reading };
        Place { tab: self.tab, sel: self.sel[t], offset: self.offset[t], view }
    }

    /// Puts back what was open on the current tab.
    fn set_view(&mut self, view: View) {
        let View { scroll, detail_open, citing, reading } = view;
        (self.scroll, self.detail_open, self.citing) = (scroll, detail_open, citing);
        self.reading = reading.and_then(|b| Reading::reopen(b, &self.data, &mut self.shelf));
    }

    /// Shows `tab` as it was left; the tab being left keeps its view for later.
    pub(super) fn go_to(&mut self, tab: Tab) {
        if tab != self.tab {
            let citing = self.citing.take();
            let reading = self.reading.take().map(|r| r.bookmark());
            let view = View { scroll: self.scroll, detail_open: self.detail_open, citing, reading };
            self.history.keep(self.tab, view);
            self.tab = tab;
            if tab == Tab::Trends {
                self.trends_ready();
            }
            let view = self.history.take(tab);
            self.set_view(view);
        }
        self.keep_visible();
    }

    /// Shows `target` selected in its tab, with nothing open over it but a source pane
    /// that follows it there, and records the
    /// place left so that `go_back` returns there. Every jump (from the finder, a
    /// source's citing list, a citation) comes through here.
    pub fn jump(&mut self, target: Target) {
        let from = self.place();
        let same_tab = target.tab() == self.tab;
        self.go_to(target.tab());
        let t = self.tab.index();
        if let Some(pos) = self.rows[t].position(target) {
            self.sel[t] = pos;
        }
        (self.scroll, self.detail_open, self.citing) = (0, false, None);
        // A source pane open on the same tab follows the jump (see `follow`).
        if !same_tab {
            self.reading = None;
        }
        self.keep_visible();
        if self.place() != from {
            self.history.record(from);
        }
    }

    /// Back to where the last jump left, if there was one.
    pub(super) fn go_back(&mut self) -> bool {
        let here = self.place();
        self.history.back(here).map(|to| self.restore(to)).is_some()
    }

    /// Forward again, after going back.
    pub(super) fn go_forward(&mut self) {
        let here = self.place();
        if let Some(to) = self.history.forward(here) {
            self.restore(to);
        }
    }

    /// Esc: closes what is open (the citing list, or the detail where it hides the
    /// list); with nothing open, goes back to where the last jump left.
    pub(super) fn close_or_go_back(&mut self) {
        let open = self.citing.is_some() || (self.detail_open && geometry::is_narrow(self));
        if open || !self.history.can_go_back() {
            if let Some(citing) = self.citing.take() {
                self.history.close(citing);
            } else {
                self.detail_open = false;
            }
            self.scroll = 0;
        } else {
            self.go_back();
        }
    }

    fn restore(&mut self, to: Place) {
        self.go_to(to.tab);
        let t = self.tab.index();
        (self.sel[t], self.offset[t]) = (to.sel, to.offset);
        self.set_view(to.view);
        // The screen may have changed size since: the selection must still show, and
        // the detail scroll no further than its end.
        self.keep_visible();
        self.scroll = self.scroll.min(geometry::max_scroll(self));
    }
}
