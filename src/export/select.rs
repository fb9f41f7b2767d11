//! Which records an export holds: `select` turns a query into records, and `subset`
//! makes a dataset of some records and the sources they cite, valid on its own.

use std::collections::HashSet;
use std::sync::Arc;

use super::ExportError;
use crate::data::{Dataset, Item, List, Record};
use crate::search::SearchIndex;

/// The records `query` selects, as places in `Dataset::records`: every record the
/// finder would find for it, in dataset order.
pub fn select(data: &Arc<Dataset>, query: &str) -> Result<Vec<usize>, ExportError> {
    Ok(SearchIndex::new(Arc::clone(data)).select(query)?)
}

/// The dataset of the records `query` selects; none when it selects nothing.
pub fn selected(data: &Arc<Dataset>, query: &str) -> Result<Option<Dataset>, ExportError> {
    let picked = select(data, query)?;
    Ok((!picked.is_empty()).then(|| subset(data, |ordinal, _| picked.binary_search(&ordinal).is_ok())))
}

/// A dataset of the records `keep` picks, given each one's place in
/// `Dataset::records`, in file order, with the sources they cite. A list picked whole
/// keeps all its items; items picked alone keep their list's id and name.
pub fn subset(data: &Dataset, mut keep: impl FnMut(usize, Record<'_>) -> bool) -> Dataset {
    let mut out = Dataset::default();
    let mut picked: HashSet<&str> = HashSet::new();
    let mut cited: HashSet<&str> = HashSet::new();
    // The list whose items come next, unless it was picked whole, and its items picked.
    let mut partial: Option<(&List, Vec<Item>)> = None;
    for (ordinal, record) in data.records().enumerate() {
        if let Record::List(list) = record {
            flush(&mut partial, &mut out);
            if keep(ordinal, record) {
                out.livelihood.push(list.clone());
                list.items.iter().for_each(|i| cite(Record::Item(list, i), &mut cited));
            } else {
                partial = Some((list, Vec::new()));
            }
            continue;
        }
        // An item of a list picked whole is in already.
        if (matches!(record, Record::Item(..)) && partial.is_none()) || !keep(ordinal, record) {
            continue;
        }
        cite(record, &mut cited);
        match record {
            Record::Source(s) => {
                picked.insert(&s.id);
            }
            Record::Indicator(i, false) => out.industry.push(i.clone()),
            Record::Indicator(i, true) => out.ecology.push(i.clone()),
            Record::Event(e) => out.timeline.push(e.clone()),
            Record::Item(_, i) => partial.iter_mut().for_each(|(_, items)| items.push(i.clone())),
            Record::List(_) => {}
        }
    }
    flush(&mut partial, &mut out);
    out.sources = data.sources.iter().filter(|s| picked.contains(&*s.id) || cited.contains(&*s.id)).cloned().collect();
    out
}

/// Adds the list of the items picked alone, if any were.
fn flush(partial: &mut Option<(&List, Vec<Item>)>, out: &mut Dataset) {
    if let Some((list, items)) = partial.take().filter(|(_, items)| !items.is_empty()) {
        out.livelihood.push(List { id: list.id.clone(), name: list.name.clone(), items: items.into() });
    }
}

/// Every source `record` cites, an item's own citation included (a dataset must
/// hold it even when the item's figures cite others).
fn cite<'a>(record: Record<'a>, cited: &mut HashSet<&'a str>) {
    if let Record::Item(_, item) = record {
        cited.insert(&item.source);
    }
    cited.extend(record.cited_sources());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(data: &Dataset) -> Vec<&str> {
        data.records().map(|r| r.id()).collect()
    }

    #[test]
    fn picking_everything_gives_the_dataset_back() {
        let data = crate::embedded().unwrap();
        assert_eq!(subset(&data, |_, _| true), data);
    }

    #[test]
    fn a_subset_keeps_what_it_picks_in_file_order_and_the_sources_it_cites() {
        let data = crate::embedded().unwrap();
        let wanted = ["nev-output", "edu-new-classes", "ev-charcoal-car"];
        let sub = subset(&data, |_, r| wanted.contains(&r.id()));
        // The item comes with its list, which holds nothing else.
        assert_eq!(ids(&sub), ["d000", "d002", "d003", "nev-output", "ev-charcoal-car", "edu-list", "edu-new-classes"]);
        for record in sub.records() {
            for source in record.cited_sources() {
                assert!(sub.source(source).is_some(), "{} cites {source}, which is missing", record.id());
            }
        }
    }

    #[test]
    fn a_list_picked_whole_keeps_every_item_once() {
        let data = crate::embedded().unwrap();
        let list = &data.livelihood[0];
        let sub = subset(&data, |_, r| r.id() == &*list.id || r.id() == &*list.items[0].id);
        assert_eq!(sub.livelihood.len(), 1);
        assert_eq!(sub.livelihood[0], *list);
    }

    #[test]
    fn nothing_picked_is_an_empty_dataset() {
        let data = crate::embedded().unwrap();
        assert_eq!(ids(&subset(&data, |_, _| false)), Vec::<&str>::new());
    }
}
