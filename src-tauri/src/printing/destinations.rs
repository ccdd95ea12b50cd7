//! Which printers there are: `lpstat -e` names them, `lpstat -d` the default, `lpstat -p`
//! which are stopped, `lpoptions -p NAME -l` whether one prints both sides.

use std::ffi::OsString;

use super::{PrintService, Printer, Printers, says_scheduler_down, scheduler_not_running, stderr_text};
use crate::error::{AppError, ErrorCode};

/// The printers the print service offers, with the default; an empty list is not an error
/// here (the dialog says so), but a print service that is missing or down is.
pub fn list_printers(service: &PrintService) -> Result<Printers, AppError> {
    let names = destination_names(service)?;
    let stopped = stopped_names(service)?;
    let default = default_name(service)?.filter(|name| names.contains(name));
    let mut printers = Vec::with_capacity(names.len());
    for name in names {
        let duplex = offers_duplex(service, &name)?;
        let stopped = stopped.contains(&name);
        printers.push(Printer { name, duplex, stopped });
    }
    Ok(Printers { printers, default })
}

fn destination_names(service: &PrintService) -> Result<Vec<String>, AppError> {
    let output = service.run("lpstat", &[OsString::from("-e")])?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(lpstat_failed(&stderr_text(&output)));
    }
    Ok(text.lines().map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect())
}

fn default_name(service: &PrintService) -> Result<Option<String>, AppError> {
    let output = service.run("lpstat", &[OsString::from("-d")])?;
    // "no system default destination" exits non-zero on some CUPS versions: not an error.
    Ok(parse_default(&String::from_utf8_lossy(&output.stdout)))
}

fn stopped_names(service: &PrintService) -> Result<Vec<String>, AppError> {
    let output = service.run("lpstat", &[OsString::from("-p")])?;
    let stderr = stderr_text(&output);
    if says_scheduler_down(&stderr) {
        return Err(scheduler_not_running());
    }
    // With no printers at all `lpstat -p` fails with "No destinations added.": nothing stopped.
    Ok(parse_stopped(&String::from_utf8_lossy(&output.stdout)))
}

fn offers_duplex(service: &PrintService, name: &str) -> Result<bool, AppError> {
    let args = [OsString::from("-p"), OsString::from(name), OsString::from("-l")];
    let output = service.run("lpoptions", &args)?;
    // A printer whose options cannot be read is treated as one-sided: printing still works.
    Ok(output.status.success() && parse_duplex(&String::from_utf8_lossy(&output.stdout)))
}

fn lpstat_failed(stderr: &str) -> AppError {
    if says_scheduler_down(stderr) {
        return scheduler_not_running();
    }
    AppError::new(
        ErrorCode::Unavailable,
        format!("无法读取打印机列表（{stderr}）。请在“系统设置 → 打印机”中检查打印服务后重试。"),
    )
}

/// `system default destination: NAME`, or `no system default destination`.
fn parse_default(text: &str) -> Option<String> {
    text.lines()
        .find_map(|line| line.trim().strip_prefix("system default destination:"))
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
}

/// Lines `printer NAME disabled since …` (a paused queue); `printer NAME is idle.` and
/// `… now printing …` are enabled. Indented lines are the reasons given and are skipped.
fn parse_stopped(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.strip_prefix("printer "))
        .filter_map(|rest| {
            let (name, state) = rest.split_once(' ')?;
            state.starts_with("disabled").then(|| name.to_owned())
        })
        .collect()
}

/// A PPD option `Duplex/2-Sided Printing: *None DuplexNoTumble DuplexTumble` (or the IPP
/// `sides` option) with a choice other than one-sided.
fn parse_duplex(text: &str) -> bool {
    text.lines().any(|line| {
        let Some((key, choices)) = line.split_once(':') else { return false };
        let key = key.split('/').next().unwrap_or_default();
        let one_sided = |choice: &str| matches!(choice, "None" | "one-sided" | "Simplex");
        (key == "Duplex" || key == "sides")
            && choices.split_whitespace().map(|c| c.trim_start_matches('*')).any(|c| !one_sided(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_read_from_lpstat_d_and_none_when_there_is_none() {
        assert_eq!(parse_default("system default destination: 办公室激光\n").as_deref(), Some("办公室激光"));
        assert_eq!(parse_default("no system default destination\n"), None);
    }

    #[test]
    fn a_disabled_printer_is_stopped_and_an_idle_or_busy_one_is_not() {
        let text = "printer Brother is idle.  enabled since Thu 03 Dec 2026\n\
                    printer HP disabled since Thu 03 Dec 2026 -\n\
                    \tPaused by the administrator\n\
                    printer Canon now printing Canon-3.  enabled since Thu 03 Dec 2026\n";
        assert_eq!(parse_stopped(text), vec!["HP".to_owned()]);
    }

    #[test]
    fn duplex_is_offered_when_a_two_sided_choice_exists() {
        assert!(parse_duplex(
            "PageSize/Media Size: *A4 Letter\nDuplex/2-Sided Printing: *None DuplexNoTumble\n"
        ));
        assert!(parse_duplex("sides/Sides: *one-sided two-sided-long-edge\n"));
        assert!(!parse_duplex("Duplex/2-Sided Printing: *None\n"), "only one-sided is no duplex");
        assert!(!parse_duplex("PageSize/Media Size: *A4 Letter\n"));
    }
}
