//! A query against every record: which records each group of terms holds in and how
//! well (the cheap pass), then the best few scored in full, with highlights, the
//! field matched and a snippet.
//!
//! Scores are unsigned and tiered: a term in a title always outweighs one in the body,
//! the whole query standing in a title as one phrase outweighs its terms apart, and
//! terms close together outweigh the same terms far apart.

use memchr::memmem;

use super::body::{Field, needle};
use super::parts::in_parts;
use super::query::Query;
use super::syntax::{Atom, Parsed};
use super::term::Op;
use super::{Hit, Matched, SearchIndex};

/// A term in a title scores `TITLE` plus its title score, shifted by `TITLE_SHIFT` to
/// be positive and capped below `TITLE_RANGE`.
pub(super) const TITLE: u32 = 10_000;
const TITLE_SHIFT: i64 = 2_000;
const TITLE_RANGE: i64 = 8_000;
/// A term in the body: `BODY` plus the field's weight, and `WORD_START` when it
/// begins a word. All of it stays under `TITLE`.
pub(super) const BODY: u32 = 1_000;
pub(super) const WORD_START: u32 = 200;
/// The query standing in a title as one phrase: this much a term, on top.
pub(super) const PHRASE: u32 = 8_000;
/// Terms in a title next to each other: at most this much, less `GAP` a char between.
pub(super) const PROXIMITY: u32 = 500;
pub(super) const GAP: u32 = 25;

/// Where a term does not stand in an entry's body (see `SearchIndex::mark_text`).
pub(super) const NOWHERE: u32 = u32::MAX;

/// A text atom made ready: its query for titles and finder for the body.
pub(super) struct Term {
    pub(super) q: Option<Query>,
    pub(super) finder: memmem::Finder<'static>,
    pub(super) op: Op,
    pub(super) negated: bool,
}

impl Term {
    /// Whether the term is looked for in a record's text, not only its titles: not for
    /// `^` and `$` (which ask about a title), nor for a term too short to say anything
    /// there (see `syntax::says_enough`).
    pub(super) fn in_body(&self, op: Op) -> bool {
        !op.prefix && !op.suffix && super::syntax::says_enough(self.finder.needle())
    }
}

/// An atom of a group, ready.
pub(super) enum Ready<'p> {
    Text(Box<Term>),
    Filter(&'p Atom),
}

/// The atoms of `parsed`, made ready to look for.
pub(super) fn ready(parsed: &Parsed) -> Vec<Vec<Ready<'_>>> {
    let term = |text: &str, op: Op, negated: bool| Term {
        q: Query::new(text),
        finder: memmem::Finder::new(needle(text).as_bytes()).into_owned(),
        op,
        negated,
    };
    parsed
        .groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|a| match a {
                    Atom::Text { text, op, negated } => Ready::Text(Box::new(term(text, *op, *negated))),
                    Atom::Filter { .. } => Ready::Filter(a),
                })
                .collect()
        })
        .collect()
}

/// A term's score in a title (see `TITLE`).
pub(super) fn title_term(score: i64) -> u32 {
    TITLE + (score + TITLE_SHIFT).clamp(0, TITLE_RANGE - 1) as u32
}

impl SearchIndex {
    /// The candidates `group` holds in, in order.
    pub(super) fn holding(&self, group: &[Ready], mut candidates: Vec<u32>) -> Vec<u32> {
        let mut holds = vec![false; candidates.len()];
        for atom in group {
            self.mark_holds(atom, &candidates, &mut holds);
        }
        let mut kept = 0;
        for i in 0..candidates.len() {
            if holds[i] {
                candidates[kept] = candidates[i];
                kept += 1;
            }
        }
        candidates.truncate(kept);
        candidates
    }

    /// Marks `holds[i]` where the atom holds for `candidates[i]`.
    fn mark_holds(&self, atom: &Ready, candidates: &[u32], holds: &mut [bool]) {
        match atom {
            Ready::Filter(Atom::Filter { filter, negated }) => {
                for (i, &e) in candidates.iter().enumerate() {
                    holds[i] |= self.facets.holds(e as usize, filter) != *negated;
                }
            }
            Ready::Filter(_) => {}
            Ready::Text(t) if t.negated => {
                // A record holds what it has literally, in its titles or its text.
                let mut has = vec![false; candidates.len()];
                self.mark_text(t, Op { exact: true, ..Op::default() }, candidates, &mut has, None);
                holds.iter_mut().zip(has).for_each(|(h, has)| *h |= !has);
            }
            Ready::Text(t) => {
                self.mark_text(t, t.op, candidates, holds, None);
            }
        }
    }

    /// Marks `holds[i]` where term `t` stands in `candidates[i]` as `op` asks: in its
    /// body, a text it shares (a cited source, its theme), or (looked at only when
    /// neither) its titles. Returns where the term first stands in each candidate's
    /// body (`NOWHERE` where it does not; none when it is not sought there); `from`,
    /// when given, is where a term it begins with first stood in each: it cannot stand
    /// before that, nor in a text that did not hold the shorter term.
    pub(super) fn mark_text(
        &self,
        t: &Term,
        op: Op,
        candidates: &[u32],
        holds: &mut [bool],
        from: Option<&[u32]>,
    ) -> Option<Vec<u32>> {
        let mut at = None;
        if t.in_body(op) {
            let found = at.insert(vec![NOWHERE; candidates.len()]);
            match from {
                Some(from) => {
                    let parts = in_parts(candidates.len(), |part| {
                        let after = |i: usize| {
                            let from = (from[i] != NOWHERE).then_some(from[i] as usize);
                            from.and_then(|from| self.body.find_from(candidates[i] as usize, from, &t.finder))
                        };
                        part.map(|i| after(i).map_or(NOWHERE, |p| p as u32)).collect::<Vec<u32>>()
                    });
                    *found = parts.concat();
                }
                None => {
                    let mut i = 0;
                    for (e, p) in self.text_among(candidates, &t.finder) {
                        while candidates[i] != e {
                            i += 1;
                        }
                        found[i] = p;
                    }
                }
            }
            found.iter().zip(holds.iter_mut()).for_each(|(&p, h)| *h |= p != NOWHERE);
            if let Some(held) = self.shared_holding(&t.finder) {
                for (i, &e) in candidates.iter().enumerate() {
                    holds[i] |= self.refers_to(e, &held);
                }
            }
        }
        if let Some(q) = &t.q {
            let parts = in_parts(candidates.len(), |part| {
                let fits = |i: usize| holds[i] || self.titles.term_fits(candidates[i] as usize, q, op);
                part.map(fits).collect::<Vec<bool>>()
            });
            holds.iter_mut().zip(parts.into_iter().flatten()).for_each(|(h, fits)| *h = fits);
        }
        at
    }

    /// Every entry among `candidates` (ascending) whose text holds the term, with where
    /// it first stands (see `BodyIndex::find_among`).
    pub(super) fn text_among(&self, candidates: &[u32], finder: &memmem::Finder) -> Vec<(u32, u32)> {
        in_parts(candidates.len(), |part| self.body.find_among(&candidates[part], finder)).concat()
    }

    /// The shared texts (a source's names, a theme's label) that hold the term, marked
    /// by their place in `shared`; none when none does.
    pub(super) fn shared_holding(&self, finder: &memmem::Finder) -> Option<Vec<bool>> {
        let held: Vec<bool> = (0..self.shared.len()).map(|s| self.shared.find_in(s, finder).is_some()).collect();
        held.contains(&true).then_some(held)
    }

    /// Whether entry `e` refers to a shared text `held` marks (see `shared_holding`).
    pub(super) fn refers_to(&self, e: u32, held: &[bool]) -> bool {
        self.facets.shared(e as usize).iter().any(|&s| held.get(usize::from(s)) == Some(&true))
    }

    /// A body match's score: its field's weight, and more when it begins a word.
    /// Its field's weight is left to the full score: finding the field costs a walk
    /// back through the text.
    pub(super) fn body_score(&self, entry: usize, at: usize, finder: &memmem::Finder, field: Option<Field>) -> u32 {
        let starts_word =
            self.body.begins_word(entry, at) || !finder.needle().first().is_some_and(u8::is_ascii_alphanumeric);
        BODY + field.map_or(0, Field::weight) + if starts_word { WORD_START } else { 0 }
    }

    /// The hits for `limit`: the best by cheap score (`top`, best first) scored in
    /// full; or, when the query has no term to rank by, the first `entries` unscored.
    pub(super) fn hits(&self, parsed: &Parsed, entries: &[u32], top: &[(u32, u32)], limit: usize) -> Vec<Hit> {
        if !parsed.groups.iter().flatten().any(Atom::is_positive_text) {
            let hit = |&e: &u32| Hit {
                entry: e as usize,
                score: 0,
                zh: Vec::new(),
                en: Vec::new(),
                matched: Matched::Qualifiers,
                snippet: None,
            };
            return entries.iter().take(limit).map(hit).collect();
        }
        let groups = ready(parsed);
        let mut hits: Vec<Hit> = top.iter().map(|&(e, _)| self.hit(e as usize, &groups)).collect();
        hits.sort_by(|a, b| {
            let len = |h: &Hit| self.title_len(h.entry as u32);
            b.score.cmp(&a.score).then_with(|| len(a).cmp(&len(b))).then(a.entry.cmp(&b.entry))
        });
        hits.truncate(limit);
        hits
    }

    fn title_len(&self, entry: u32) -> u16 {
        self.titles.lengths[entry as usize]
    }
}
