//! Marking indicators to compare, opening the comparison, and ordering the Trends
//! tab: the parts of `update` that issue 19's compare and trends added.

use super::i18n::Message;
use super::state::{App, Overlay};
use super::tabs::Tab;
use super::tabs::trends::Trends;
use crate::compare::{Comparison, MAX_SERIES, series};
use crate::data::Indicator;

impl App {
    /// Marks the selected indicator, or unmarks it if marked.
    pub(super) fn toggle_mark(&mut self) {
        let Some(target) = self.selected() else { return };
        if let Some(at) = self.marks.iter().position(|&m| m == target) {
            self.marks.remove(at);
            return;
        }
        let refused = match target.indicator(&self.data) {
            None => Some(Message::MarkIndicatorsOnly),
            Some(ind) if series(ind).is_empty() => Some(Message::MarkNoYears),
            Some(_) if self.marks.len() >= MAX_SERIES => Some(Message::MarksFull(MAX_SERIES)),
            Some(_) => None,
        };
        match refused {
            Some(why) => self.status = Some(why.get(self.lang)),
            None => self.marks.push(target),
        }
    }

    /// Opens the comparison of the marked indicators; with none marked, says how to mark.
    pub(super) fn open_compare(&mut self) {
        let marked: Vec<&Indicator> = self.marks.iter().filter_map(|m| m.indicator(&self.data)).collect();
        match Comparison::of(&marked) {
            Ok(c) => self.overlay = Overlay::Compare(c),
            Err(_) => self.status = Some(Message::MarkFirst.get(self.lang)),
        }
    }

    /// Switches the language; the Trends list's names sort in it.
    pub(super) fn toggle_lang(&mut self) {
        self.lang = self.lang.toggle();
        self.order_trends(false);
    }

    /// Makes the Trends tab's list, the first time the tab shows: a large dataset's
    /// takes a while to make and holds a row for every indicator, and start-up should
    /// not wait for, nor memory hold, a tab that may never be opened.
    pub(super) fn trends_ready(&mut self) {
        if self.trends.is_none() {
            let trends = Trends::new(&self.data, self.lang);
            self.rows[Tab::Trends.index()] = trends.rows();
            self.trends = Some(trends);
        }
    }

    /// Puts the Trends list in its next order (`next`) or re-sorts it for a new
    /// language, keeping the same indicator selected.
    pub(super) fn order_trends(&mut self, next: bool) {
        let t = Tab::Trends.index();
        // Not made yet: it will be, in the language of the day.
        let Some(trends) = self.trends.as_mut() else { return };
        if next {
            if self.tab != Tab::Trends {
                return;
            }
            trends.sort = trends.sort.next();
        }
        let selected = self.rows[t].target(self.sel[t]);
        trends.order(self.lang);
        self.rows[t] = trends.rows();
        if let Some(pos) = selected.and_then(|s| self.rows[t].position(s)) {
            self.sel[t] = pos;
        }
    }
}
