//! The export prompt's state: what it exports, the format, the path being typed, and
//! whether it is asking before it replaces a file. Opening it and writing the file
//! are in export.rs; drawing it is `widgets::prompt`.

use std::path::PathBuf;

use super::input::Input;
use super::tabs::Tab;
use crate::data::Lang;
use crate::export::Format;

/// The formats the prompt offers, in the order Tab cycles them (RON writes a
/// directory, so it is left to the command line).
pub const FORMATS: [Format; 3] = [Format::Csv, Format::Md, Format::Json];

/// What `e` exports: what the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// A tab's records.
    Tab(Tab),
    /// The finder's results.
    Results,
    /// The compared indicators.
    Comparison,
}

pub struct ExportPrompt {
    pub shown: Shown,
    /// The records to write, as places in `Dataset::records`, in order.
    pub records: Vec<usize>,
    pub format: Format,
    pub path: Input,
    /// Asking whether to replace the file at the path (y/n).
    pub replacing: bool,
}

impl ExportPrompt {
    /// A prompt for `records` (sorted), with CSV (Markdown for sources) and a file in
    /// the current directory named after what is shown.
    pub fn new(shown: Shown, records: Vec<usize>) -> ExportPrompt {
        let stem = match shown {
            // "industry", "policy-timeline": the English title, as a file name.
            Shown::Tab(tab) => tab.title(Lang::En).to_lowercase().replace(' ', "-"),
            Shown::Results => "search".to_owned(),
            Shown::Comparison => "comparison".to_owned(),
        };
        // CSV holds data points, and sources have none: their table is in Markdown.
        let format = if matches!(shown, Shown::Tab(Tab::Sources)) { Format::Md } else { FORMATS[0] };
        let path = Input::with(&format!("liuzhou-{stem}.{}", format.extension()));
        ExportPrompt { shown, records, format, path, replacing: false }
    }

    /// The next format (`by` 1) or the one before (-1). A path ending in the old
    /// format's extension takes the new one's.
    pub fn cycle(&mut self, by: i64) {
        let at = FORMATS.iter().position(|&f| f == self.format).unwrap_or(0) as i64;
        let next = FORMATS[(at + by).rem_euclid(FORMATS.len() as i64) as usize];
        let old = format!(".{}", self.format.extension());
        if let Some(stem) = self.path.text().strip_suffix(&old) {
            self.path = Input::with(&format!("{stem}.{}", next.extension()));
        }
        self.format = next;
    }

    /// The file to write: the path typed, with a leading `~/` meaning the home
    /// directory; none when nothing is typed.
    pub fn target(&self) -> Option<PathBuf> {
        let typed = self.path.text().trim();
        match typed.strip_prefix("~/").zip(std::env::var_os("HOME")) {
            _ if typed.is_empty() => None,
            Some((rest, home)) => Some(PathBuf::from(home).join(rest)),
            None => Some(PathBuf::from(typed)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Edit;

    #[test]
    fn the_default_path_names_what_is_shown_and_follows_the_format() {
        let mut p = ExportPrompt::new(Shown::Tab(Tab::Timeline), vec![1]);
        assert_eq!(p.path.text(), "liuzhou-policy-timeline.csv");
        p.cycle(1);
        assert_eq!((p.format, p.path.text()), (Format::Md, "liuzhou-policy-timeline.md"));
        p.cycle(1);
        p.cycle(1);
        assert_eq!((p.format, p.path.text()), (Format::Csv, "liuzhou-policy-timeline.csv"));
        p.cycle(-1);
        assert_eq!((p.format, p.path.text()), (Format::Json, "liuzhou-policy-timeline.json"));
        // A name of the user's own is left as typed.
        p.path.edit(&Edit::ClearBefore);
        p.path.insert("notes.txt");
        p.cycle(1);
        assert_eq!((p.format, p.path.text()), (Format::Csv, "notes.txt"));
        assert_eq!(ExportPrompt::new(Shown::Results, vec![]).path.text(), "liuzhou-search.csv");
    }

    #[test]
    fn the_target_is_the_typed_path_with_home_expanded() {
        let mut p = ExportPrompt::new(Shown::Results, vec![]);
        assert_eq!(p.target(), Some(PathBuf::from("liuzhou-search.csv")));
        p.path = Input::with("  ");
        assert_eq!(p.target(), None);
        if let Some(home) = std::env::var_os("HOME") {
            p.path = Input::with("~/out.md");
            assert_eq!(p.target(), Some(PathBuf::from(home).join("out.md")));
        }
    }
}
