//! Which text of a record the body index holds, field by field, in both languages:
//! everything a reader sees of it but its titles, as it is shown.

use super::body::Field;
use crate::data::{Dataset, Lang, Record, Scope};

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
            both(out, Field::Theme, &i.theme.label());
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

/// What names each source, for a term that finds the records citing it: its id, file
/// name and title.
pub(super) fn source_fields(data: &Dataset) -> impl Iterator<Item = [(Field, &str); 4]> {
    data.sources.iter().map(|s| {
        [
            (Field::Source, &*s.id),
            (Field::Source, &*s.file),
            (Field::Source, s.title.zh()),
            (Field::Source, s.title.en()),
        ]
    })
}
