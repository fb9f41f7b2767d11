//! One finder over every record. Built once at load; each keystroke runs one query.

use crate::data::{Dataset, Text};

/// A searchable record.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    /// "indicator", "event", "item", "list", "source".
    pub kind: &'static str,
    /// The tab that shows it: "industry", "ecology", "timeline", "livelihood", "sources".
    pub tab: &'static str,
    pub title: Text,
}

/// A match: the entry, its score (higher is better) and the matched character
/// positions in the Chinese and English titles, for highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    pub zh: Vec<usize>,
    pub en: Vec<usize>,
}

pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    pub fn new(data: &Dataset) -> SearchIndex {
        let entries = data
            .records()
            .map(|r| Entry {
                id: r.id().to_owned(),
                kind: r.kind(),
                tab: r.tab(),
                title: r.name().clone(),
            })
            .collect();
        SearchIndex { entries }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The best `limit` matches for `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let zh = substring(&e.title.zh.to_lowercase(), &q);
                let en = substring(&e.title.en.to_lowercase(), &q);
                if zh.is_empty() && en.is_empty() && !e.id.contains(&q) {
                    return None;
                }
                let len = e.title.zh.chars().count() as i64;
                Some(Hit {
                    entry: i,
                    score: 1000 - len,
                    zh,
                    en,
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits.truncate(limit);
        hits
    }
}

/// Character positions of the first occurrence of `needle` in `hay`.
fn substring(hay: &str, needle: &str) -> Vec<usize> {
    match hay.find(needle) {
        Some(byte) => {
            let start = hay[..byte].chars().count();
            (start..start + needle.chars().count()).collect()
        }
        None => Vec::new(),
    }
}
