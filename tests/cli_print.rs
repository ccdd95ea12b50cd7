//! `jianbao-cli print` against stand-ins for the CUPS client tools put first on PATH: CUPS is a
//! boundary we do not own. The stand-in `lp` keeps its arguments and the file it was given, so
//! the test checks that the PDF printed is the issue's proof and that the options are right.

use std::path::Path;
use std::process::{Command, Output};

const LPSTAT: &str = "#!/bin/sh\ncase \"$1\" in\n-e) printf '试印机\\n停用机\\n';;\n\
-d) echo 'system default destination: 试印机';;\n\
-p) echo 'printer 试印机 is idle.  enabled since today'; echo 'printer 停用机 disabled since today -';;\nesac\n";
const LPOPTIONS: &str =
    "#!/bin/sh\n[ \"$2\" = 试印机 ] && echo 'Duplex/2-Sided Printing: *None DuplexNoTumble'\nexit 0\n";
const LP: &str = "#!/bin/sh\nfor a; do last=\"$a\"; done\nprintf '%s\\n' \"$@\" > \"$(dirname \"$0\")/lp-args\"\n\
cp \"$last\" \"$(dirname \"$0\")/printed.pdf\"\necho 'request id is 试印机-42 (1 file(s))'\n";

fn tools(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for (name, text) in [("lpstat", LPSTAT), ("lpoptions", LPOPTIONS), ("lp", LP)] {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("the temp dir is writable");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("can mark executable");
    }
}

fn cli(db: &Path, path: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianbao-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("PATH", path)
        .output()
        .expect("the CLI runs")
}

#[test]
fn an_issue_is_printed_as_its_proof_with_copies_and_sides() {
    let dir = tempfile::tempdir().expect("temp dir");
    tools(dir.path());
    let path = format!("{}:{}", dir.path().display(), std::env::var("PATH").unwrap_or_default());
    let db = dir.path().join("print.sqlite3");
    assert!(cli(&db, &path, &["demo"]).status.success(), "the demo issue is created");
    let output = cli(&db, &path, &["print", "1", "--copies", "3", "--duplex"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "printing succeeds: {}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("任务 试印机-42") && stdout.contains("3 份"), "the job id is reported: {stdout}");
    let args = std::fs::read_to_string(dir.path().join("lp-args")).expect("lp was run");
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(&args[..4], ["-d", "试印机", "-n", "3"], "the default printer and the copies are passed");
    assert!(args.contains(&"sides=two-sided-long-edge"), "duplex was asked for: {args:?}");
    let printed = dir.path().join("printed.pdf");
    let info = Command::new("pdfinfo").arg(&printed).output().expect("pdfinfo (poppler-utils) is installed");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("校样（第1轮）"), "a draft prints as the round-1 proof: {info}");
}

#[test]
fn a_paused_printer_and_a_missing_print_service_are_explained() {
    let dir = tempfile::tempdir().expect("temp dir");
    tools(dir.path());
    let path = format!("{}:{}", dir.path().display(), std::env::var("PATH").unwrap_or_default());
    let db = dir.path().join("print.sqlite3");
    assert!(cli(&db, &path, &["demo"]).status.success(), "the demo issue is created");
    let paused = cli(&db, &path, &["print", "1", "--printer", "停用机"]);
    assert!(String::from_utf8_lossy(&paused.stderr).contains("已暂停"), "a paused printer is named");
    assert!(!dir.path().join("lp-args").exists(), "nothing is sent to a paused printer");
    let none = cli(&db, "/nonexistent", &["print", "--list-printers"]);
    assert!(
        String::from_utf8_lossy(&none.stderr).contains("没有打印服务"),
        "no CUPS tools means no print service"
    );
}
