//! Shell completion through clap_complete's dynamic engine: the registration script
//! `completions SHELL` prints, the answer to the shell when it asks
//! (`COMPLETE=SHELL liuzhou-tui -- WORDS…`), and the completer of record ids.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};

use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{EnvCompleter, Shells};

use crate::data::{Dataset, Record};

/// The environment variable through which the registered script asks for candidates.
const VAR: &str = "COMPLETE";
const NAME: &str = "liuzhou-tui";

/// The script that registers completion in `shell`. Each time the user presses Tab,
/// it runs this binary again to ask for the candidates, so ids come from the data.
pub fn registration(shell: clap_complete::Shell) -> io::Result<Vec<u8>> {
    register(completer(&shell.to_string())?)
}

/// What to print when the shell asked for completions rather than for a command:
/// `None` on an ordinary run. `COMPLETE=SHELL` alone gives the registration script.
pub fn requested(command: impl FnOnce() -> clap::Command) -> Option<io::Result<Vec<u8>>> {
    let shell = std::env::var_os(VAR).filter(|s| !s.is_empty() && s != "0")?;
    Some(answer(&shell.to_string_lossy(), shell_words(std::env::args_os()), command))
}

fn answer(shell: &str, words: Vec<OsString>, command: impl FnOnce() -> clap::Command) -> io::Result<Vec<u8>> {
    let shell = completer(shell)?;
    if words.is_empty() {
        return register(shell);
    }
    let mut candidates = Vec::new();
    let cwd = std::env::current_dir().ok();
    if !is_bash() {
        shell.write_complete(&mut command(), words, cwd.as_deref(), &mut candidates)?;
        return Ok(candidates);
    }
    // As clap_complete answers bash, but with the words bash broke at colons whole
    // again: `--query tab:e` reaches clap as one value, not `tab`, `:` and `e`.
    let index = std::env::var("_CLAP_COMPLETE_INDEX").ok().and_then(|i| i.parse().ok()).unwrap_or_default();
    let (words, index) = join_colons(words, index);
    let found = clap_complete::engine::complete(&mut command(), words, index, cwd.as_deref())?;
    let ifs = std::env::var("_CLAP_IFS").unwrap_or_else(|_| "\n".to_owned());
    let values: Vec<String> = found.iter().map(|c| c.get_value().to_string_lossy().into_owned()).collect();
    candidates.extend_from_slice(values.join(&ifs).as_bytes());
    Ok(candidates)
}

fn is_bash() -> bool {
    std::env::var("COMPLETE").as_deref() == Ok("bash")
}

/// Bash's words with each `:` joined to the words beside it (bash breaks words at
/// `:`, COMP_WORDBREAKS), and the index of the word being completed among them.
fn join_colons(words: Vec<OsString>, index: usize) -> (Vec<OsString>, usize) {
    let mut out: Vec<OsString> = Vec::with_capacity(words.len());
    let mut at = index;
    let mut glue = false;
    for (i, word) in words.into_iter().enumerate() {
        let colon = word == ":";
        match out.last_mut() {
            Some(last) if (colon || glue) && i > 1 => {
                last.push(&word);
                at -= usize::from(i <= index);
            }
            _ => out.push(word),
        }
        glue = colon;
    }
    (out, at)
}

fn register(shell: &dyn EnvCompleter) -> io::Result<Vec<u8>> {
    let mut script = Vec::new();
    shell.write_registration(VAR, NAME, NAME, &this_binary(), &mut script)?;
    if shell.name() == "bash" {
        // Right after a colon bash's word under the cursor is `:` and the part before
        // the cursor empty; clap's script sends the empty part, as for a space. Sent
        // the colon, the binary tells `tab:` (its values) from `tab ` (a new word).
        let script_text = String::from_utf8_lossy(&script).replace(
            r#"words[COMP_CWORD]="$2""#,
            r#"[[ "${COMP_WORDS[COMP_CWORD]}" == : ]] || words[COMP_CWORD]="$2""#,
        );
        return Ok(script_text.into_bytes());
    }
    Ok(script)
}

/// Record ids starting with what is typed, each described by its tab and names (zsh
/// and fish show the description). Attach it to an argument with
/// `#[arg(add = ArgValueCompleter::new(complete::record_ids))]`.
pub fn record_ids(typed: &OsStr) -> Vec<CompletionCandidate> {
    ids_where(typed, |_| true)
}

/// The ids of indicators, for `compare`.
pub fn indicator_ids(typed: &OsStr) -> Vec<CompletionCandidate> {
    // Only those with a figure for a year: `compare` refuses the others.
    ids_where(typed, |r| matches!(r, Record::Indicator(ind, _) if !crate::compare::series(ind).is_empty()))
}

/// The query's last word completed as a qualifier (`tab:` then `tab:ecology`); a word
/// of free text is left alone.
pub fn query_words(typed: &OsStr) -> Vec<CompletionCandidate> {
    let Some(typed) = typed.to_str() else { return Vec::new() };
    let Ok(data) = dataset() else { return Vec::new() };
    let words = crate::search::qualifier_words(&data);
    let mut keys: Vec<&str> = words.iter().filter_map(|w| w.split_once(':')).map(|(k, _)| k).collect();
    keys.dedup();
    let split = bash_colon_split(typed);
    let (before, last) = typed.rsplit_once(' ').map_or(("", typed), |(b, l)| (b, l));
    // What bash already holds of the word before the part it replaces.
    let lead = |w: &str| match before {
        "" => w.strip_prefix(split).unwrap_or(w).to_owned(),
        _ => format!("{before} {w}"),
    };
    match last.split_once(':') {
        // The qualifier's name first, so that a list of every value waits for `:`.
        None => keys
            .into_iter()
            .filter(|k| k.starts_with(last))
            .map(|k| CompletionCandidate::new(lead(&format!("{k}:"))))
            .collect(),
        Some(_) => words.iter().filter(|w| w.starts_with(last)).map(|w| CompletionCandidate::new(lead(w))).collect(),
    }
}

/// The part of the word being completed before what bash replaces. Bash breaks words
/// at `:` (COMP_WORDBREAKS): `tab:e` reaches clap whole (see `join_colons`), but a
/// candidate replaces only `e`, and right after the colon (`tab:`) nothing. Other
/// shells replace the whole word.
fn bash_colon_split(typed: &str) -> &str {
    match typed.rfind(':') {
        Some(i) if is_bash() => &typed[..=i],
        _ => "",
    }
}

/// The dataset the completed command would read.
fn dataset() -> Result<Dataset, crate::data::error::LoadError> {
    match data_dir(&shell_words(std::env::args_os())) {
        Some(dir) => Dataset::from_dir(&dir),
        None => crate::embedded(),
    }
}

/// Ids of the records `keep` picks that start with what is typed.
fn ids_where(typed: &OsStr, keep: fn(Record) -> bool) -> Vec<CompletionCandidate> {
    let Some(typed) = typed.to_str() else { return Vec::new() };
    // A dataset that does not load offers nothing.
    let Ok(data) = dataset() else { return Vec::new() };
    let mut ids: Vec<CompletionCandidate> = data
        .records()
        .filter(|&r| keep(r) && r.id().starts_with(typed))
        .map(|r| {
            let name = r.name();
            let help = format!("{} · {} · {}", r.tab(), name.zh(), name.en());
            CompletionCandidate::new(r.id()).help(Some(help.into()))
        })
        .collect();
    ids.sort_by(|a, b| a.get_value().cmp(b.get_value()));
    ids
}

fn completer(shell: &str) -> io::Result<&'static dyn EnvCompleter> {
    const SHELLS: Shells<'static> = Shells::builtins();
    SHELLS.completer(shell).ok_or_else(|| {
        let known: Vec<&str> = SHELLS.names().collect();
        io::Error::other(format!("cannot complete for the shell {shell:?}; known: {}", known.join(", ")))
    })
}

/// How the script should call this binary: as it was called, made absolute if it was
/// a relative path, since the shell may be elsewhere when it asks.
fn this_binary() -> String {
    let called = PathBuf::from(std::env::args_os().next().unwrap_or_else(|| NAME.into()));
    let called = match std::env::current_dir() {
        Ok(cwd) if called.components().count() > 1 => cwd.join(called),
        _ => called,
    };
    called.to_string_lossy().into_owned()
}

/// The command line being completed: what follows `--` in this process's arguments.
fn shell_words(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    args.into_iter().skip(1).skip_while(|a| a != "--").skip(1).collect()
}

/// `--data DIR` on the line being completed (bash splits `--data=DIR` at the `=`).
fn data_dir(words: &[OsString]) -> Option<PathBuf> {
    let mut dir = None;
    let mut words = words.iter().map(OsString::as_os_str).peekable();
    while let Some(word) = words.next() {
        if let Some(value) = word.to_str().and_then(|w| w.strip_prefix("--data=")) {
            dir = Some(expand_home(Path::new(value)));
        } else if word == "--data" {
            words.next_if_eq(&OsStr::new("="));
            dir = words.next().map(Path::new).map(expand_home);
        }
    }
    dir.filter(|d: &PathBuf| !d.as_os_str().is_empty())
}

/// The shell has not expanded `~` in a word still being typed.
fn expand_home(dir: &Path) -> PathBuf {
    match (dir.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => Path::new(&home).join(rest),
        _ => dir.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<OsString> {
        line.split(' ').map(OsString::from).collect()
    }

    #[test]
    fn the_words_are_those_after_the_escape() {
        let args = words("/bin/liuzhou-tui -- liuzhou-tui show nev-");
        assert_eq!(shell_words(args), words("liuzhou-tui show nev-"));
        assert!(shell_words(words("liuzhou-tui show nev-output")).is_empty());
    }

    #[test]
    fn the_data_dir_is_read_from_the_line_in_every_spelling() {
        let dir = |line| data_dir(&words(line));
        assert_eq!(dir("liuzhou-tui show nev-"), None);
        assert_eq!(dir("liuzhou-tui --data a show nev-"), Some("a".into()));
        assert_eq!(dir("liuzhou-tui show --data = a/b nev-"), Some("a/b".into()));
        assert_eq!(dir("liuzhou-tui --data=a show --data=b x"), Some("b".into()));
        assert_eq!(dir("liuzhou-tui show --data"), None);
        if let Some(home) = std::env::var_os("HOME") {
            assert_eq!(dir("liuzhou-tui --data ~/d show"), Some(Path::new(&home).join("d")));
        }
    }
}
