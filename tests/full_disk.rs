//! A full disk, for real: a small tmpfs is mounted for each test (this needs root, as CI has),
//! filled to the last byte, and then an article is saved, a PDF exported and a backup taken
//! onto it. Each must say 磁盘已满 in Chinese, keep everything saved before, leave the
//! database whole and leave no half-written file. Where tmpfs cannot be mounted the tests are
//! reported as ignored, with the reason, never as passed.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use jianbao::backup::BackupFolder;
use jianbao::domain::FontRoles;
use jianbao::fonts::{FontSet, find_font_dir};
use jianbao::service::{self, ExportRequest};
use jianbao::store::prelude::*;
use jianbao::store::{Id, SaveGuard, SqliteStore};
use libtest_mimic::{Arguments, Failed, Trial};

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped.
struct SmallDisk {
    mount_point: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Result<SmallDisk, String> {
        let mount_point = tempfile::tempdir().map_err(|e| e.to_string())?;
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "jianbao-full-disk-test"])
            .arg(mount_point.path())
            .output()
            .map_err(|e| format!("mount 无法运行：{e}"))?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
        }
        Ok(SmallDisk { mount_point })
    }

    fn path(&self) -> &Path {
        self.mount_point.path()
    }

    /// Writes a filler file until the disk refuses another byte.
    fn fill(&self) -> PathBuf {
        let filler = self.path().join("填满磁盘.bin");
        let mut file = std::fs::File::create(&filler).expect("the filler file can be created");
        let chunk = vec![0x42u8; 4096];
        loop {
            match file.write(&chunk) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if jianbao::error::is_disk_full(&e) => break,
                Err(e) => panic!("filling the disk failed otherwise: {e}"),
            }
        }
        // A few bytes may still fit in the last page: take them too.
        while file.write(&[0x42]).is_ok_and(|n| n == 1) {}
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.mount_point.path()).status();
    }
}

/// A test given its own freshly mounted small disk.
type DiskTest = fn(SmallDisk) -> Result<(), Failed>;

fn main() {
    let arguments = Arguments::from_args();
    let tests: [(&str, DiskTest); 3] = [
        ("saving_an_article_on_a_full_disk_keeps_what_was_saved", saving_an_article),
        ("exporting_a_pdf_to_a_full_disk_leaves_no_file", exporting_a_pdf),
        ("a_backup_onto_a_full_disk_leaves_no_partial_copy", taking_a_backup),
    ];
    let mountable = SmallDisk::mount("1m").map(drop);
    if let Err(reason) = &mountable {
        eprintln!("跳过磁盘已满测试：无法挂载 tmpfs（需要 root 权限）：{reason}");
    }
    let trials = tests
        .into_iter()
        .map(|(name, test)| {
            Trial::test(name, move || test(SmallDisk::mount("4m").map_err(Failed::from)?))
                .with_ignored_flag(mountable.is_err())
        })
        .collect();
    libtest_mimic::run(&arguments, trials).exit();
}

fn store_with_article(db: &Path) -> (SqliteStore, Id, Id) {
    let mut store = common::open(db);
    let publication =
        store.create_publication(&jianbao::domain::Publication::lianluo_dongtai()).expect("publication");
    let article = common::article("先存下的稿子", "这是在磁盘满之前保存的正文，一个字也不能少。");
    let issue =
        store.create_issue(publication, &common::issue(9, 737, vec![article]), "罗敏").expect("issue");
    let article = store.issue(issue).expect("read").article_ids[0];
    (store, issue, article)
}

fn integrity(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .and_then(|conn| conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)))
        .expect("the database can be checked")
}

fn saving_an_article(disk: SmallDisk) -> Result<(), Failed> {
    let db = disk.path().join("jianbao.sqlite3");
    let (mut store, _, article) = store_with_article(&db);
    let saved = store.article(article)?.article;
    let filler = disk.fill();

    let long = common::article("磁盘满时改的稿子", &"磁盘已满时写入的一大段新正文。".repeat(20_000));
    let error = service::save_article(&mut store, article, &long, "罗敏", &SaveGuard::default())
        .expect_err("nothing can be written to a full disk");
    if !error.message.contains("磁盘已满") {
        return Err(format!("the user must be told the disk is full: {}", error.message).into());
    }
    assert_eq!(store.article(article)?.article, saved, "the text saved before is all there");
    std::fs::remove_file(filler)?;
    assert_eq!(integrity(&db), "ok");
    assert_eq!(common::open(&db).article(article)?.article, saved, "also after reopening");
    Ok(())
}

fn exporting_a_pdf(disk: SmallDisk) -> Result<(), Failed> {
    let elsewhere = common::TempDb::new();
    let (store, issue, _) = store_with_article(&elsewhere.path);
    let fonts = FontSet::load(&FontRoles::default(), &find_font_dir(None).map_err(|e| e.message)?)
        .map_err(|e| e.message)?;
    let filler = disk.fill();
    let target = disk.path().join("第9期.pdf");
    let request = ExportRequest { proof_round: None, timestamp: common::instant() };
    let error = service::export_issue_to_file(&store, issue, &fonts, &request, &target)
        .expect_err("the PDF cannot be written to a full disk");
    if !error.message.contains("磁盘已满") {
        return Err(format!("the user must be told the disk is full: {}", error.message).into());
    }
    let left: Vec<_> =
        std::fs::read_dir(disk.path())?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    assert_eq!(left, [filler], "no half-written PDF or temporary file is left");
    Ok(())
}

fn taking_a_backup(disk: SmallDisk) -> Result<(), Failed> {
    let db = disk.path().join("jianbao.sqlite3");
    let (store, _, article) = store_with_article(&db);
    let saved = store.article(article)?.article;
    let folder = BackupFolder::of_database(&db);
    std::fs::create_dir_all(folder.dir())?;
    let filler = disk.fill();
    let now = chrono::DateTime::parse_from_rfc3339("2025-09-02T14:05:00+08:00")?;
    let error = folder.take(&db, now).expect_err("no copy fits on a full disk");
    if !error.message.contains("磁盘已满") {
        return Err(format!("the user must be told the disk is full: {}", error.message).into());
    }
    assert!(std::fs::read_dir(folder.dir())?.next().is_none(), "no partial copy is left");
    std::fs::remove_file(filler)?;
    assert_eq!(integrity(&db), "ok");
    assert_eq!(store.article(article)?.article, saved);
    Ok(())
}
