//! Which text of a record the body index holds, field by field, in both languages:
//! everything a reader sees of it but its titles, as it is shown.

use super::body::Field;
use crate::data::{Dataset, Lang, Record, Scope, Theme};

/// The fields of `r`'s text, in the order a match in them says most (see
/// `Field::weight`), each language's text as its own field.
pub(super) fn record_fields(r: Record<'_>, out: &mut Vec<(Field, String)>) {
    out.clear();
    let both = |out: &mut Vec<(Field, String)>, field, text: &crate::data::Text| {
        out.push((field, text.zh().to_owned()));
        out.push((field, text.en().to_owned()));
    };
    out.push((Field::Id, r.id().to_owned()));
    match r {
        Record::Source(s) => {
            both(out, Field::Summary, &s.summary);
            both(out, Field::Publisher, &s.publisher);
            out.push((Field::Source, s.file.to_string()));
            out.push((Field::Date, s.date.to_string()));
        }
        Record::Indicator(i, _) => {
            both(out, Field::Summary, &i.summary);
            if let Some(d) = &i.disagreement {
                both(out, Field::Disagreement, d);
            }
            if i.scope != Scope::City {
                out.push((Field::Scope, i.scope.label(Lang::Zh)));
                out.push((Field::Scope, i.scope.label(Lang::En)));
            }
        }
        Record::Event(e) => {
            both(out, Field::Summary, &e.summary);
            for d in &e.dates {
                out.push((Field::Date, d.display(Lang::Zh)));
                out.push((Field::Date, d.display(Lang::En)));
            }
        }
        Record::Item(_, i) => out.extend(i.since.map(|y| (Field::Year, y.to_string()))),
        Record::List(_) => {}
    }
    for p in r.points() {
        out.push((Field::Figure, p.display(Lang::Zh)));
        out.push((Field::Figure, p.display(Lang::En)));
        out.push((Field::Year, p.when(Lang::Zh)));
        out.push((Field::Year, p.when(Lang::En)));
        if let Some(n) = &p.note {
            both(out, Field::Note, n);
        }
    }
    let mut cited: Vec<&str> = r.cited_sources().collect();
    cited.sort_unstable();
    cited.dedup();
    out.extend(cited.into_iter().map(|id| (Field::Source, id.to_owned())));
    // A year or a percentage reads the same in both languages: held once.
    out.dedup();
}

/// The themes of the dataset's indicators, each once, in order of first use.
pub(super) fn themes(data: &Dataset) -> Vec<Theme> {
    let mut out: Vec<Theme> = Vec::new();
    for i in data.industry.iter().chain(&data.ecology) {
        if !out.contains(&i.theme) {
            out.push(i.theme);
        }
    }
    out
}

/// Text many records share, held once: what names each source (its id, file name and
/// title), for a term that finds the records citing it; then each theme's label, for
/// a term that finds the indicators of that theme.
pub(super) fn shared_fields(data: &Dataset) -> Vec<Vec<(Field, String)>> {
    let sources = data.sources.iter().map(|s| {
        let texts = [s.id.to_string(), s.file.to_string(), s.title.zh().to_owned(), s.title.en().to_owned()];
        texts.into_iter().map(|t| (Field::Source, t)).collect()
    });
    let themes = themes(data).into_iter().map(|t| {
        let label = t.label();
        vec![(Field::Theme, label.zh().to_owned()), (Field::Theme, label.en().to_owned())]
    });
    sources.chain(themes).collect()
}
