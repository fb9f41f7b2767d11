//! How every tab names where a figure comes from: the short form in tables, the source's
//! summary in details, and the file and line in copied text.

use super::i18n::{Label, comma};
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
            format!("《{}》 {}{}{}{inferred}", s.title.get(lang), s.publisher.get(lang), comma(lang), s.date)
        }
        None => id.to_owned(),
    }
}

/// "《title》 publisher, date, 000_….txt line 29" for copied text. The file and line
/// read the same in both languages; English adds the source's own Chinese title, by
/// which the original can be found.
pub fn copied_source(data: &Dataset, lang: Lang, source: &str, line: u32) -> String {
    let summary = source_summary(data, lang, source);
    match data.source(source) {
        Some(s) if lang == Lang::En => format!("{summary}, 《{}》 {} line {line}", s.title.zh(), s.file),
        Some(s) => format!("{summary}，{} 第{line}行", s.file),
        None => format!("{summary} line {line}"),
    }
}
