//! Sending a PDF to a printer with `lp`: the bytes go to a temporary file that `lp` hands to
//! the print service before it returns, and the request id it answers is the job id.

use std::ffi::OsString;
use std::io::Write;

use super::{
    MAX_COPIES, PrintJob, PrintOptions, PrintService, Printer, list_printers, says_scheduler_down,
    scheduler_not_running, stderr_text,
};
use crate::error::{AppError, ErrorCode};

/// Prints `pdf` as `options` say and answers the job the print service accepted.
pub fn print_pdf(service: &PrintService, pdf: &[u8], options: &PrintOptions) -> Result<PrintJob, AppError> {
    if options.copies == 0 || options.copies > MAX_COPIES {
        return Err(AppError::invalid(format!(
            "份数应为 1 到 {MAX_COPIES} 之间的整数（现为 {}），请改后重试。",
            options.copies
        )));
    }
    let printer = chosen_printer(service, options.printer.as_deref())?;
    if options.duplex && !printer.duplex {
        return Err(AppError::invalid(format!(
            "打印机“{}”不能双面打印。请取消“双面打印”，或选择能双面打印的打印机。",
            printer.name
        )));
    }
    let file = pdf_file(pdf)?;
    let args = lp_args(&printer, options, file.path().as_os_str().to_owned());
    let output = service.run("lp", &args)?;
    if !output.status.success() {
        return Err(job_refused(&printer.name, &stderr_text(&output)));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let job_id = parse_request_id(&stdout).ok_or_else(|| {
        AppError::new(
            ErrorCode::Internal,
            format!(
                "打印服务没有给出任务编号（它的回答是“{}”）。请在打印机队列中查看是否已在打印。",
                stdout.trim()
            ),
        )
    })?;
    Ok(PrintJob { job_id, printer: printer.name, copies: options.copies })
}

/// The printer named, or the default one; it must exist and not be stopped.
fn chosen_printer(service: &PrintService, name: Option<&str>) -> Result<Printer, AppError> {
    let printers = list_printers(service)?;
    if printers.printers.is_empty() {
        return Err(AppError::new(
            ErrorCode::NotFound,
            "本机还没有添加打印机。请在“系统设置 → 打印机”中添加打印机后重试，或导出 PDF 后在其他电脑上打印。",
        ));
    }
    let name = match name.or(printers.default.as_deref()) {
        Some(name) => name.to_owned(),
        None => {
            return Err(AppError::invalid(
                "没有设置默认打印机，请选择一台打印机（命令行用 --printer 指定，可用 --list-printers 查看）。",
            ));
        }
    };
    let printer = printers.printers.into_iter().find(|p| p.name == name).ok_or_else(|| {
        AppError::new(
            ErrorCode::NotFound,
            format!("找不到打印机“{name}”。请从列表中重新选择打印机（命令行可用 --list-printers 查看）。"),
        )
    })?;
    if printer.stopped {
        return Err(AppError::new(
            ErrorCode::Unavailable,
            format!(
                "打印机“{name}”已暂停，任务不会打印。请在“系统设置 → 打印机”中恢复它（或运行 cupsenable {name}），或选择其他打印机。"
            ),
        ));
    }
    Ok(printer)
}

/// The PDF in a temporary file named `.pdf`, removed when dropped (after `lp` has read it).
fn pdf_file(pdf: &[u8]) -> Result<tempfile::NamedTempFile, AppError> {
    let io_error = |e: std::io::Error| {
        AppError::new(ErrorCode::Unavailable, format!("无法为打印写入临时文件：{e}。请检查磁盘空间后重试。"))
    };
    let mut file =
        tempfile::Builder::new().prefix("jianbao-print-").suffix(".pdf").tempfile().map_err(io_error)?;
    file.write_all(pdf).and_then(|()| file.flush()).map_err(io_error)?;
    Ok(file)
}

/// `lp -d PRINTER -n COPIES -t TITLE -o sides=… -- FILE`. Sides are given whenever the
/// printer can print both, so that a printer set to two-sided by default prints one side
/// when one side was asked for.
fn lp_args(printer: &Printer, options: &PrintOptions, file: OsString) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec![
        "-d".into(),
        printer.name.clone().into(),
        "-n".into(),
        options.copies.to_string().into(),
        "-t".into(),
        options.title.clone().into(),
    ];
    if printer.duplex {
        let sides = if options.duplex { "sides=two-sided-long-edge" } else { "sides=one-sided" };
        args.extend(["-o".into(), sides.into()]);
    }
    args.extend(["--".into(), file]);
    args
}

/// `request id is 办公室-17 (1 file(s))`.
fn parse_request_id(text: &str) -> Option<String> {
    let rest = text.lines().find_map(|line| line.trim().strip_prefix("request id is "))?;
    rest.split_whitespace().next().map(str::to_owned)
}

fn job_refused(printer: &str, stderr: &str) -> AppError {
    if says_scheduler_down(stderr) || stderr.contains("scheduler not responding") {
        return scheduler_not_running();
    }
    let reason = if stderr.contains("not accepting jobs") {
        format!(
            "打印机“{printer}”不接受新任务（已被设为拒绝任务）。请在“系统设置 → 打印机”中让它接受任务（或运行 cupsaccept {printer}），或选择其他打印机。"
        )
    } else {
        format!(
            "打印服务拒绝了这个任务（{stderr}）。请检查打印机“{printer}”的状态后重试，或导出 PDF 后用其他程序打印。"
        )
    };
    AppError::new(ErrorCode::Unavailable, reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printer(duplex: bool) -> Printer {
        Printer { name: "办公室".into(), duplex, stopped: false }
    }

    fn options(duplex: bool) -> PrintOptions {
        PrintOptions { printer: None, copies: 3, duplex, title: "联络动态 第13期".into() }
    }

    #[test]
    fn the_request_id_is_the_job_id() {
        assert_eq!(parse_request_id("request id is 办公室-17 (1 file(s))\n").as_deref(), Some("办公室-17"));
        assert_eq!(parse_request_id("something else\n"), None);
    }

    #[test]
    fn lp_gets_printer_copies_title_and_the_file_last() {
        let args = lp_args(&printer(false), &options(false), "/tmp/x.pdf".into());
        let args: Vec<_> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
        assert_eq!(args, ["-d", "办公室", "-n", "3", "-t", "联络动态 第13期", "--", "/tmp/x.pdf"]);
    }

    #[test]
    fn a_duplex_printer_is_told_the_sides_either_way() {
        let two = lp_args(&printer(true), &options(true), "f.pdf".into());
        assert!(two.iter().any(|a| a == "sides=two-sided-long-edge"));
        let one = lp_args(&printer(true), &options(false), "f.pdf".into());
        assert!(
            one.iter().any(|a| a == "sides=one-sided"),
            "a two-sided default must not win over one side asked for"
        );
    }

    #[test]
    fn a_printer_not_accepting_jobs_is_named_with_what_to_do() {
        let error = job_refused("办公室", "lp: Destination \"办公室\" is not accepting jobs.");
        assert!(error.message.contains("不接受新任务") && error.message.contains("cupsaccept"));
    }
}
