//! Completion in real shells: the script `completions SHELL` prints, sourced in bash
//! (its function called as bash calls it on Tab) and typed at in zsh (in a
//! pseudo-terminal), completes subcommands, their values and record ids.

mod common;

use std::process::Command;

use common::{Session, skip};
use portable_pty::CommandBuilder;

const BIN: &str = env!("CARGO_BIN_EXE_liuzhou-tui");

fn installed(shell: &str) -> bool {
    Command::new(shell).arg("--version").output().is_ok_and(|o| o.status.success())
}

fn script(shell: &str) -> String {
    let out = Command::new(BIN).args(["completions", shell]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_shell_gets_a_script_that_asks_this_binary() {
    // Where each registers the command it completes.
    let registers = [
        ("bash", "_clap_complete_liuzhou_tui liuzhou-tui\n"),
        ("elvish", "arg-completer[liuzhou-tui]"),
        ("fish", "--command liuzhou-tui "),
        ("powershell", "-CommandName liuzhou-tui "),
        ("zsh", "compdef _clap_dynamic_completer_liuzhou_tui liuzhou-tui"),
    ];
    for (shell, registration) in registers {
        let script = script(shell);
        assert!(script.contains(registration) && script.contains(BIN), "{shell}:\n{script}");
    }
    let out = Command::new(BIN).env("COMPLETE", "tcsh").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("known: bash"));
}

/// The candidates bash gets for the last word of `line` (a trailing space starts a new
/// word): the registered function, found through `complete -p`, called as bash calls it.
/// As bash does (COMP_WORDBREAKS), a colon is a word of its own, and right after one
/// the word being completed is empty.
fn bash_candidates(line: &str) -> Vec<String> {
    let probe = format!(
        r#"{}
read -ra COMP_WORDS <<< "${{1//:/ : }}"; [[ $1 == *' ' ]] && COMP_WORDS+=('')
COMP_LINE=$1; COMP_POINT=${{#1}}; COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
current=${{COMP_WORDS[COMP_CWORD]}}; [[ $1 == *: ]] && current=''
registered=$(complete -p liuzhou-tui) || exit 9
function=${{registered#*-F }}; function=${{function%% *}}
"$function" liuzhou-tui "$current" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        script("bash")
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &probe, "bash", line])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{line:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

#[test]
fn bash_completes_values_and_record_ids() {
    if !installed("bash") {
        return skip("bash is not installed");
    }
    let has = |got: &[String], want: &[&str]| want.iter().all(|w| got.iter().any(|g| g == w));
    let subcommands = bash_candidates("liuzhou-tui ");
    assert!(has(&subcommands, &["show", "list", "export", "completions"]), "{subcommands:?}");
    let list = bash_candidates("liuzhou-tui list ");
    assert!(has(&list, &["indicators", "events", "lists", "sources"]), "{list:?}");
    assert_eq!(bash_candidates("liuzhou-tui export --format "), ["json", "csv", "md", "ron"]);

    let ids = bash_candidates("liuzhou-tui show nev-");
    assert!(has(&ids, &["nev-output", "nev-growth"]), "{ids:?}");
    assert!(ids.iter().all(|id| id.starts_with("nev-")), "{ids:?}");
    assert_eq!(bash_candidates("liuzhou-tui show nev-out"), ["nev-output"]);
    assert!(bash_candidates("liuzhou-tui show zzz").is_empty());

    // The ids of the dataset named on the line, not the embedded one.
    let minimal = bash_candidates("liuzhou-tui --data tests/fixtures/minimal show ");
    assert!(has(&minimal, &["doc", "nev-output", "water-rank"]), "{minimal:?}");
    assert!(!minimal.iter().any(|id| id == "nev-growth"), "{minimal:?}");
    let broken = bash_candidates("liuzhou-tui show --data /nonexistent ");
    assert!(!broken.iter().any(|c| !c.starts_with('-')), "{broken:?}");

    // compare takes indicators; a query's qualifiers and their values.
    let compared = bash_candidates("liuzhou-tui compare nev-o");
    assert_eq!(compared, ["nev-output"]);
    assert!(bash_candidates("liuzhou-tui compare ev-").is_empty(), "events are not compared");
    let sgmw = bash_candidates("liuzhou-tui compare sgmw-");
    assert!(sgmw.contains(&"sgmw-nev-sales".to_owned()), "{sgmw:?}");
    assert!(!sgmw.contains(&"sgmw-cumulative-output".to_owned()), "no figure for a year, so not compared: {sgmw:?}");
    // Bash replaces only what follows the colon.
    assert_eq!(bash_candidates("liuzhou-tui search ye"), ["year:"]);
    assert_eq!(bash_candidates("liuzhou-tui search tab:e"), ["ecology"]);
    assert_eq!(bash_candidates("liuzhou-tui export --query sc"), ["scope:"]);
    // A value bash broke at its colon is still one value: `--query tab:e` completes,
    // and so does what follows a qualifier.
    assert_eq!(bash_candidates("liuzhou-tui export --query tab:e"), ["ecology"]);
    assert_eq!(bash_candidates("liuzhou-tui export --query year:2020 --format c"), ["csv"]);
    assert_eq!(bash_candidates("liuzhou-tui search tab:ecology is:d"), ["disputed"]);
    let sources = bash_candidates("liuzhou-tui search water src:d00");
    assert!(has(&sources, &["d000", "d003"]), "{sources:?}");
    let flags = bash_candidates("liuzhou-tui search is:");
    assert!(has(&flags, &["computed", "disputed"]), "{flags:?}");
    // Right after the colon of an option's value too; after a space, a new word.
    let tabs = bash_candidates("liuzhou-tui export --query tab:");
    assert!(has(&tabs, &["ecology", "生态", "industry"]), "{tabs:?}");
    let spaced = bash_candidates("liuzhou-tui search tab ");
    assert!(has(&spaced, &["tab:", "year:"]) && !has(&spaced, &["ecology"]), "{spaced:?}");
    assert!(bash_candidates("liuzhou-tui search luosifen").is_empty(), "free text is left alone");
}

/// Erases the line and the screen, then waits until `gone` has left it.
fn clear(zsh: &mut Session, gone: &str) {
    zsh.send(b"\x15\x0c");
    zsh.wait_gone(gone);
}

#[test]
fn zsh_completes_values_and_record_ids() {
    if !installed("zsh") {
        return skip("zsh is not installed (apt-get install zsh)");
    }
    let mut cmd = CommandBuilder::new("zsh");
    cmd.args(["-f", "-i"]);
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    let bin_dir = std::path::Path::new(BIN).parent().unwrap().display().to_string();
    cmd.env("PATH", format!("{bin_dir}:{}", std::env::var("PATH").unwrap_or_default()));
    let mut zsh = Session::spawn(cmd, 120, 40);
    // The markers are split by quotes so that the typed line does not show them.
    zsh.send(b"bindkey -e; autoload -Uz compinit; compinit -u -D; echo READY''1\r");
    zsh.wait_for("READY1");
    zsh.send(b"source <(liuzhou-tui completions zsh); echo SOURCED''1\r");
    zsh.wait_for("SOURCED1");
    clear(&mut zsh, "SOURCED1");

    zsh.send(b"liuzhou-tui list \t");
    let screen = zsh.wait_for("indicators");
    assert!(["events", "lists", "sources"].iter().all(|w| screen.contains(w)), "{screen}");
    clear(&mut zsh, "indicators");

    // Two ids share `nev-`: zsh lists them with their descriptions.
    zsh.send(b"liuzhou-tui show nev-\t");
    let screen = zsh.wait_for("nev-output");
    assert!(screen.contains("nev-growth"), "{screen}");
    assert!(screen.contains("New-energy vehicle output"), "{screen}");
    clear(&mut zsh, "nev-growth");

    // One id starts with `nev-o`: zsh writes it out; `echo` then shows the line.
    zsh.send(b"liuzhou-tui show nev-o\t");
    zsh.wait_for("show nev-output");
    zsh.send(b"\x01echo GOT''IT \r");
    zsh.wait_for("GOTIT liuzhou-tui show nev-output");
    zsh.send(b"exit\r");
    assert!(zsh.wait_exit().success());
}
