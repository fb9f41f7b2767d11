//! `e`: what is shown, written to a file. Opens the prompt over the tab or the finder,
//! takes its keys, asks before replacing a file, writes with the library's atomic
//! writer, and says in the status line where the file went or what went wrong.

use std::collections::HashSet;

use super::action::{Edit, Msg};
use super::i18n::{Label, Message};
use super::prompt::{ExportPrompt, Shown};
use super::state::{App, Overlay};
use super::tabs::{Row, Tab};
use crate::data::Record;
use crate::export;

impl App {
    /// Opens the prompt for what is shown: every match of the finder's query or the
    /// compared indicators when either is open, else the current tab's records.
    pub(super) fn open_export(&mut self) {
        let (shown, records) = match &self.overlay {
            Overlay::Finder(f) => {
                // All it found, not only the page of them it holds.
                let all = self.index.as_mut().and_then(|index| index.select(f.input.text()).ok());
                (Shown::Results, all.unwrap_or_default())
            }
            Overlay::Compare(c) => {
                (Shown::Comparison, self.ordinals_of(&c.columns.iter().map(|col| col.id.as_str()).collect()))
            }
            _ => (Shown::Tab(self.tab), self.tab_records(self.tab)),
        };
        if records.is_empty() {
            self.status = Some(Label::NothingToExport.get(self.lang).to_owned());
            return;
        }
        let under = Box::new(std::mem::replace(&mut self.overlay, Overlay::None));
        self.overlay = Overlay::Export { prompt: ExportPrompt::new(shown, records), under };
    }

    /// A key while the prompt is open.
    pub(super) fn export_key(&mut self, msg: Msg) {
        let Overlay::Export { prompt, .. } = &mut self.overlay else {
            return;
        };
        if prompt.replacing {
            match msg {
                Msg::Edit(Edit::Insert('y' | 'Y')) => self.write_export(true),
                Msg::Edit(Edit::Insert('n' | 'N')) | Msg::Back => prompt.replacing = false,
                _ => {}
            }
            return;
        }
        match msg {
            Msg::Edit(edit) => prompt.path.edit(&edit),
            Msg::Paste(text) => prompt.path.insert(&text),
            Msg::Down => prompt.cycle(1),
            Msg::Up => prompt.cycle(-1),
            Msg::Enter => match prompt.target() {
                None => self.status = Some(Label::NoPath.get(self.lang).to_owned()),
                // A directory is not asked about: writing names it as the error.
                Some(path) if path.is_file() => prompt.replacing = true,
                Some(_) => self.write_export(false),
            },
            Msg::Back => self.close_export(),
            _ => {}
        }
    }

    /// Writes the prompt's records; closes it when that worked, else stays open with
    /// the error in the status line.
    fn write_export(&mut self, replace: bool) {
        let Overlay::Export { prompt, .. } = &mut self.overlay else {
            return;
        };
        prompt.replacing = false;
        let Some(path) = prompt.target() else {
            return;
        };
        let records = &prompt.records;
        let subset = export::subset(&self.data, |ordinal, _| records.binary_search(&ordinal).is_ok());
        match export::to_path(prompt.format, &subset, self.lang, &path, replace) {
            Ok(()) => {
                let path = std::path::absolute(&path).unwrap_or(path);
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                let dir = path.parent().unwrap_or(&path).display().to_string();
                let n = records.len();
                self.status = Some(Message::Exported { n, name: &name, dir: &dir }.get(self.lang));
                self.close_export();
            }
            Err(e) => self.status = Some(Message::ExportFailed(&e).get(self.lang)),
        }
    }

    /// Back to what the prompt was opened over.
    fn close_export(&mut self) {
        self.overlay = match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::Export { under, .. } => *under,
            other => other,
        };
    }
}

impl App {
    /// The records a tab lists, as places in `Dataset::records`, in order: the
    /// Livelihood tab lists items (not their lists), Trends the indicators it charts.
    fn tab_records(&self, tab: Tab) -> Vec<usize> {
        let listed: HashSet<&str> = self.rows[tab as usize]
            .rows
            .iter()
            .filter_map(|row| match row {
                Row::Entry(target) => Some(target.id(&self.data)),
                _ => None,
            })
            .collect();
        self.ordinals_of(&listed)
    }

    /// The places in `Dataset::records` of the records with these ids, in order; a
    /// list is left out, as its items stand for it.
    fn ordinals_of(&self, ids: &HashSet<&str>) -> Vec<usize> {
        let records = self.data.records().enumerate();
        records.filter(|(_, r)| !matches!(r, Record::List(_)) && ids.contains(r.id())).map(|(k, _)| k).collect()
    }
}
