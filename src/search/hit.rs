//! The full score of one record the cheap pass kept: each term's best place (a title,
//! with the matcher's highlights, or the body, with its field), the phrase and
//! proximity bonuses, and the snippet.

use memchr::memmem;

use super::body::Field;
use super::engine::{PHRASE, Ready, Term, title_term};
use super::fields;
use super::query::Query;
use super::respell::RespellBuffers;
use super::term::Op;
use super::{Hit, Matched, SearchIndex};

/// Where one group's best term stood.
enum Place<'t> {
    /// In a title, lighting up these chars of the Chinese and English.
    Title(Vec<usize>, Vec<usize>),
    /// In the record's own text, at this byte.
    Body(usize, &'t memmem::Finder<'static>),
    /// In a text it shares (its place in `SearchIndex::shared`), at this byte.
    Shared(usize, usize),
}

impl SearchIndex {
    pub(super) fn hit(&self, entry: usize, groups: &[Vec<Ready>]) -> Hit {
        let mut buffers = RespellBuffers::default();
        let mut score = 0;
        let mut places = Vec::new();
        for group in groups {
            let mut best: Option<(u32, Place)> = None;
            for atom in group {
                let Ready::Text(t) = atom else { continue };
                if t.negated {
                    continue;
                }
                for place in self.places(entry, t, &mut buffers) {
                    if best.as_ref().is_none_or(|(s, _)| place.0 > *s) {
                        best = Some(place);
                    }
                }
            }
            if let Some((s, place)) = best {
                score += s;
                places.push(place);
            }
        }
        let (mut zh, mut en) = (Vec::new(), Vec::new());
        for place in &places {
            if let Place::Title(z, e) = place {
                zh.extend(z);
                en.extend(e);
            }
        }
        score += proximity(&places);
        if let Some((bonus, z, e)) = self.phrase(entry, groups, &places, &mut buffers) {
            score += bonus;
            (zh, en) = (z, e);
        }
        zh.sort_unstable();
        zh.dedup();
        en.sort_unstable();
        en.dedup();
        let body_terms: Vec<&memmem::Finder> =
            places.iter().filter_map(|p| if let Place::Body(_, f) = p { Some(*f) } else { None }).collect();
        let (matched, snippet) = match places.iter().find(|p| !matches!(p, Place::Title(..))) {
            Some(Place::Body(at, _)) => {
                let mut written = Vec::new();
                if let Some(r) = self.data.record(entry) {
                    fields::record_fields(r, &mut written);
                }
                let snippet = self.body.snippet(entry, *at, &body_terms, &written);
                (Matched::Body(snippet.as_ref().map_or(Field::Summary, |s| s.field)), snippet)
            }
            Some(Place::Shared(text, at)) => {
                let terms: Vec<&memmem::Finder> = groups
                    .iter()
                    .flatten()
                    .filter_map(|a| if let Ready::Text(t) = a { Some(&t.finder) } else { None })
                    .collect();
                let written = fields::shared_fields(&self.data).into_iter().nth(*text).unwrap_or_default();
                let snippet = self.shared.snippet(*text, *at, &terms, &written);
                (Matched::Body(snippet.as_ref().map_or(Field::Source, |s| s.field)), snippet)
            }
            _ => (Matched::Title, None),
        };
        Hit { entry, score, zh, en, matched, snippet }
    }

    /// Every place term `t` stands in the entry, with its score there.
    fn places<'t>(&self, entry: usize, t: &'t Term, buffers: &mut RespellBuffers) -> Vec<(u32, Place<'t>)> {
        let mut out = Vec::new();
        if let Some(q) = &t.q
            && let Some(cheap) = self.titles.term_score(entry, q, t.op, buffers)
        {
            let (score, zh, en) = match self.titles.score(entry, q) {
                Some(h) => (h.score, h.zh, h.en),
                None => (cheap, Vec::new(), Vec::new()),
            };
            out.push((title_term(score), Place::Title(zh, en)));
        }
        if !t.in_body(t.op) {
            return out;
        }
        if let Some(at) = self.body.find_in(entry, &t.finder) {
            let field = self.body.field_of(entry, at);
            out.push((self.body_score(entry, at, &t.finder, field), Place::Body(at, &t.finder)));
        } else if let Some((s, at)) = self
            .facets
            .shared(entry)
            .iter()
            .find_map(|&s| self.shared.find_in(usize::from(s), &t.finder).map(|at| (usize::from(s), at)))
        {
            let field = self.shared.field_of(s, at).unwrap_or(Field::Source);
            out.push((super::engine::BODY + field.weight(), Place::Shared(s, at)));
        }
        out
    }

    /// When every group is one plain term and all stand in a title, the bonus for the
    /// whole query standing there as one phrase (as typed, in order), and its highlights.
    fn phrase(
        &self,
        entry: usize,
        groups: &[Vec<Ready>],
        places: &[Place],
        buffers: &mut RespellBuffers,
    ) -> Option<(u32, Vec<usize>, Vec<usize>)> {
        let mut words = Vec::new();
        for g in groups {
            match &g[..] {
                [Ready::Text(t)] if t.op == Op::default() && !t.negated && t.q.is_some() => {
                    words.extend(t.q.as_ref().map(|q| q.compact.as_str()))
                }
                _ => return None,
            }
        }
        if words.len() < 2 || places.len() != words.len() || !places.iter().all(|p| matches!(p, Place::Title(..))) {
            return None;
        }
        let q = Query::new(&words.join(" "))?;
        self.titles.term_score(entry, &q, Op::default(), buffers)?;
        let h = self.titles.score(entry, &q)?;
        Some((PHRASE * words.len() as u32 + title_term(h.score) - super::engine::TITLE, h.zh, h.en))
    }
}

/// Terms in a title close together: `PROXIMITY` less `GAP` for each char between them,
/// on the side (Chinese or English) where every one of them stands.
fn proximity(places: &[Place]) -> u32 {
    let titles: Vec<(&Vec<usize>, &Vec<usize>)> =
        places.iter().filter_map(|p| if let Place::Title(z, e) = p { Some((z, e)) } else { None }).collect();
    if titles.len() < 2 {
        return 0;
    }
    let side = |zh: bool| {
        let pick = |t: &(&'_ Vec<usize>, &'_ Vec<usize>)| if zh { t.0.clone() } else { t.1.clone() };
        if titles.iter().any(|t| pick(t).is_empty()) {
            return 0;
        }
        let mut all: Vec<usize> = titles.iter().flat_map(pick).collect();
        all.sort_unstable();
        all.dedup();
        let spread = all[all.len() - 1] - all[0] + 1;
        super::engine::PROXIMITY.saturating_sub((spread - all.len()) as u32 * super::engine::GAP)
    };
    side(true).max(side(false))
}
