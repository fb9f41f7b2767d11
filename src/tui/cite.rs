//! How every tab names where a figure comes from: the short form in tables, the source's
//! summary in details, and the file and line in copied text.

use super::i18n::Label;
use crate::data::{Dataset, Lang};

/// "d000:29"
pub fn cite(source: &str, line: u32) -> String {
    format!("{source}:{line}")
}

/// "《title》 publisher, date"
pub fn source_summary(data: &Dataset, lang: Lang, id: &str) -> String {
    match data.source(id) {
        Some(s) => {
            let inferred = if s.date_inferred.is_some() { Label::InferredSuffix.get(lang) } else { "" };
            format!("《{}》 {}, {}{inferred}", s.title.get(lang), s.publisher.get(lang), s.date)
        }
        None => id.to_owned(),
    }
}

/// "000_….txt line 29", the same in both languages: copied text is read outside the app.
pub fn cite_line(data: &Dataset, source: &str, line: u32) -> String {
    let file = data.source(source).map_or(source, |s| &*s.file);
    format!("{file} line {line}")
}
