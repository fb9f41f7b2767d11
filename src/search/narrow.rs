//! Typing, one keystroke at a time: a query that goes on from the last one is decided
//! among the last one's matches, and only for what changed.
//!
//! Every entry the last query matched holds each of its groups, so a group the new
//! query shares with it needs no test there. A query that narrows the last one (see
//! `Parsed::narrows`) tests only its new or grown group among the last one's matches.
//! One whose last term has just grown long enough to be sought in the body (see
//! `Parsed::newly_in_body`) tests that term among the last one's matches, and its other
//! groups only among the entries whose text newly holds it; a group that was a query
//! of its own before (typing its first term, then the next) is not tested at all, as
//! what it matched then is kept.

use memchr::memmem;

use super::SearchIndex;
use super::engine::{Ready, ready};
use super::syntax::Parsed;

impl SearchIndex {
    /// Every entry `parsed` matches, in order, and when `keep` is given the best `keep`
    /// by cheap score (see `best`); among the last query's entries when this one
    /// narrows it.
    pub(super) fn matching(&mut self, parsed: &Parsed, keep: Option<usize>) -> (Vec<u32>, Vec<(u32, u32)>) {
        if parsed.groups.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let groups = ready(parsed);
        let entries = match self.last.take() {
            Some((prev, entries)) if parsed.narrows(&prev) => {
                self.holding_all(parsed, &groups, entries, |g| prev.groups.contains(&parsed.groups[g]))
            }
            Some((prev, entries)) if parsed.newly_in_body(&prev).is_some() => {
                self.grown_into_body(parsed, &groups, entries, |g| prev.groups.contains(&parsed.groups[g]))
            }
            _ => self.holding_all(parsed, &groups, self.all(), |_| false),
        };
        if let [group] = &parsed.groups[..] {
            self.alone = Some((group.clone(), entries.clone()));
        }
        let top = keep.map_or_else(Vec::new, |keep| self.best(&groups, &entries, keep));
        (entries, top)
    }

    /// The candidates every group holds in but those `known` to hold in all of them,
    /// qualifier groups first: they are cheap, and narrow what the terms are sought in.
    fn holding_all(
        &self,
        parsed: &Parsed,
        groups: &[Vec<Ready>],
        mut candidates: Vec<u32>,
        known: impl Fn(usize) -> bool,
    ) -> Vec<u32> {
        let mut order: Vec<usize> = (0..groups.len()).filter(|&g| !known(g)).collect();
        order.sort_by_key(|&g| groups[g].iter().any(|a| matches!(a, Ready::Text(_))));
        for g in order {
            candidates = match &self.alone {
                Some((group, held)) if *group == parsed.groups[g] => common(&candidates, held),
                _ => self.holding(&groups[g], candidates),
            };
        }
        candidates
    }

    /// Every entry the query matches when its last group, one term, has just grown long
    /// enough to be sought in the body (see the module's doc): `entries` are the last
    /// query's matches, which hold the groups `known` to hold.
    fn grown_into_body(
        &self,
        parsed: &Parsed,
        groups: &[Vec<Ready>],
        entries: Vec<u32>,
        known: impl Fn(usize) -> bool,
    ) -> Vec<u32> {
        let last = groups.len() - 1;
        let t = match &groups[last][..] {
            [Ready::Text(t)] if t.in_body(t.op) => t,
            // Not sought in the body after all: a term grown in the titles only narrows.
            _ => return self.holding_all(parsed, groups, entries, |g| g != last && known(g)),
        };
        let found = self.text_holding(&t.finder);
        // The last query's matches hold the term where their text does, else perhaps in
        // a title; the entries found anew hold it, and are tested for the other groups.
        let mut fresh = Vec::new();
        let mut in_text = vec![false; entries.len()];
        let mut j = 0;
        for &e in &found {
            while j < entries.len() && entries[j] < e {
                j += 1;
            }
            match entries.get(j) {
                Some(&p) if p == e => in_text[j] = true,
                _ => fresh.push(e),
            }
        }
        let fits = |e: u32| t.q.as_ref().is_some_and(|q| self.titles.term_fits(e as usize, q, t.op));
        let kept: Vec<u32> =
            entries.iter().zip(in_text).filter(|&(&e, found)| found || fits(e)).map(|(&e, _)| e).collect();
        let fresh = self.holding_all(parsed, groups, fresh, |g| g == last);
        merge(&kept, &fresh)
    }

    /// Every entry whose text, or a text it shares, holds the term, in order.
    fn text_holding(&self, finder: &memmem::Finder) -> Vec<u32> {
        let all = self.all();
        let found = self.body.find_among(&all, finder).into_iter().map(|(e, _)| e);
        let shared = self.shared_holding(finder);
        if shared.is_empty() {
            return found.collect();
        }
        let mut holds = vec![false; all.len()];
        found.for_each(|e| holds[e as usize] = true);
        all.into_iter()
            .filter(|&e| holds[e as usize] || self.facets.shared(e as usize).iter().any(|s| shared.contains(s)))
            .collect()
    }

    /// Every entry, in order.
    fn all(&self) -> Vec<u32> {
        (0..self.len() as u32).collect()
    }
}

/// What two ascending lists have in common.
fn common(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let mut j = 0;
    for &e in a {
        while j < b.len() && b[j] < e {
            j += 1;
        }
        if b.get(j) == Some(&e) {
            out.push(e);
        }
    }
    out
}

/// Two ascending lists with nothing in common, as one.
fn merge(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] < b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}
