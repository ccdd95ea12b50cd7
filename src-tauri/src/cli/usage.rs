//! Command-line parsing in Chinese, for `jianbao-cli` and `jianbao-server`. clap has no
//! translations: its errors are English sentences ending in "For more information, try
//! '--help'", and its help pages carry English headings. Errors are rebuilt here from the
//! parts clap reports (which argument, which value, what it suggests); help pages keep clap's
//! layout with the headings and notes put into Chinese.

use std::io::Write;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

/// Parses `args` as `P`; help and version are printed here. `Err` carries the exit code:
/// 0 after help or version, 1 after a Chinese message on stderr saying what to change.
pub fn parse<P: CommandFactory + FromArgMatches>(
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> Result<P, i32> {
    let args: Vec<std::ffi::OsString> = args.into_iter().collect();
    let command = P::command();
    let typed = typed_command(&command, &args);
    let parsed = command.try_get_matches_from(args).and_then(|matches| P::from_arg_matches(&matches));
    parsed.map_err(|error| match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // A closed pipe (`--help | head`) is the reader's choice, not an error.
            let _ = std::io::stdout().write_all(chinese_help(&error.to_string()).as_bytes());
            0
        }
        _ => {
            eprintln!("{}", chinese_error(&error, &typed));
            1
        }
    })
}

/// The parse error as a sentence saying what is wrong, then which help page to read
/// (`command`: the program and the subcommands typed, `jianbao-cli issue new`).
pub fn chinese_error(error: &clap::Error, command: &str) -> String {
    let arg = context(error, ContextKind::InvalidArg);
    let value = context(error, ContextKind::InvalidValue);
    let problem = match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("参数 {arg} 缺少取值"),
        ErrorKind::InvalidValue => {
            format!("参数 {arg} 不接受“{value}”{}", listed("可选", error, ContextKind::ValidValue))
        }
        // Our own parsers explain in Chinese; the standard ones (numbers, addresses) do not.
        ErrorKind::ValueValidation => match std::error::Error::source(error).map(|reason| reason.to_string())
        {
            Some(reason) if reason.chars().any(is_han) => format!("参数 {arg} 的值有误：{reason}"),
            _ => format!("参数 {arg} 不接受“{value}”，请按说明中的格式填写"),
        },
        ErrorKind::UnknownArgument => format!("不认识参数“{arg}”{}", suggestion(error)),
        ErrorKind::InvalidSubcommand => {
            format!("没有“{}”这个命令{}", context(error, ContextKind::InvalidSubcommand), suggestion(error))
        }
        ErrorKind::MissingRequiredArgument => format!("缺少参数 {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少要执行的命令".to_owned()
        }
        ErrorKind::ArgumentConflict => {
            format!("参数 {arg} 不能与 {} 同时使用", context(error, ContextKind::PriorArg))
        }
        ErrorKind::TooManyValues => format!("参数 {arg} 多给了值“{value}”"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!("参数 {arg} 的取值个数不对"),
        ErrorKind::NoEquals => format!("参数 {arg} 的值须用等号连写（{arg}=值）"),
        ErrorKind::InvalidUtf8 => "参数中有无法识别的字符（不是 UTF-8 编码）".to_owned(),
        _ => "命令参数有误".to_owned(),
    };
    let usage = context(error, ContextKind::Usage);
    let mut message = format!("错误：{problem}。\n请查看 {command} --help 了解用法。");
    if !usage.is_empty() {
        message.push_str(&format!("\n{}", chinese_help(&usage)));
    }
    message
}

/// clap's help page with its headings and notes in Chinese; the texts of the commands and
/// arguments are Chinese already (doc comments).
pub fn chinese_help(text: &str) -> String {
    const WORDS: [(&str, &str); 16] = [
        ("Usage: ", "用法："),
        ("\nCommands:\n", "\n命令：\n"),
        ("\nArguments:\n", "\n参数：\n"),
        ("\nOptions:\n", "\n选项：\n"),
        ("Print this message or the help of the given subcommand(s)", "显示本说明或某个命令的说明"),
        ("Print help (see more with '--help')", "显示说明（--help 更详细）"),
        ("Print help (see a summary with '-h')", "显示说明（-h 为摘要）"),
        ("Print help", "显示说明"),
        ("Print version", "显示版本"),
        ("[OPTIONS]", "[选项]"),
        ("<COMMAND>", "<命令>"),
        ("[COMMAND]", "[命令]"),
        ("[default: ", "[默认："),
        ("[env: ", "[环境变量："),
        ("[possible values: ", "[可选："),
        ("[aliases: ", "[别名："),
    ];
    WORDS.iter().fold(text.to_owned(), |text, (english, chinese)| text.replace(english, chinese))
}

/// The program and the subcommands among `args`, as far as they name real ones: the help
/// page that explains the mistake.
fn typed_command(command: &clap::Command, args: &[std::ffi::OsString]) -> String {
    let mut words = vec![command.get_name().to_owned()];
    let mut current = command;
    for arg in args.iter().skip(1).filter_map(|arg| arg.to_str()) {
        if let Some(sub) = current.find_subcommand(arg) {
            words.push(sub.get_name().to_owned());
            current = sub;
        }
    }
    words.join(" ")
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}')
}

fn context(error: &clap::Error, kind: ContextKind) -> String {
    match error.get(kind) {
        Some(ContextValue::String(text)) => text.clone(),
        Some(ContextValue::Strings(texts)) => texts.join("、"),
        Some(ContextValue::StyledStr(text)) => text.to_string(),
        Some(ContextValue::StyledStrs(texts)) => {
            texts.iter().map(ToString::to_string).collect::<Vec<_>>().join("、")
        }
        Some(ContextValue::Number(number)) => number.to_string(),
        _ => String::new(),
    }
}

fn listed(label: &str, error: &clap::Error, kind: ContextKind) -> String {
    let values = context(error, kind);
    if values.is_empty() { String::new() } else { format!("（{label}：{values}）") }
}

fn suggestion(error: &clap::Error) -> String {
    [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
        .into_iter()
        .map(|kind| context(error, kind))
        .find(|text| !text.is_empty())
        .map(|text| format!("，是不是要写“{text}”"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;

    fn error_of(args: &[&str]) -> String {
        let error = Cli::command().try_get_matches_from(args).expect_err("the arguments are wrong");
        let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
        chinese_error(&error, &typed_command(&Cli::command(), &args))
    }

    /// English words clap writes that must not reach a user.
    fn assert_no_english(text: &str) {
        for word in
            ["error:", "Usage", "Options", "Commands", "Print", "For more information", "try '--help'"]
        {
            assert!(!text.contains(word), "“{word}” left in:\n{text}");
        }
    }

    #[test]
    fn an_impossible_date_says_why_and_names_the_commands_help() {
        let message = error_of(&["jianbao-cli", "issue", "new", "--date", "2025-02-30"]);
        assert!(message.contains("参数 --date"), "{message}");
        assert!(message.contains("2025-02-30"), "{message}");
        assert!(message.contains("请查看 jianbao-cli issue new --help"), "{message}");
        assert_no_english(&message);
    }

    #[test]
    fn a_mistyped_command_or_flag_gets_a_suggestion() {
        let message = error_of(&["jianbao-cli", "isue", "list"]);
        assert!(message.contains("没有“isue”这个命令，是不是要写“issue”"), "{message}");
        let message = error_of(&["jianbao-cli", "issue", "new", "--dat", "2025-09-02"]);
        assert!(message.contains("不认识参数“--dat”"), "{message}");
        assert_no_english(&message);
    }

    #[test]
    fn a_missing_argument_and_a_wrong_choice_are_named() {
        let message = error_of(&["jianbao-cli", "reply", "5"]);
        assert!(message.contains("缺少参数"), "{message}");
        assert!(message.contains("--text"), "{message}");
        let message = error_of(&["jianbao-cli", "issue", "new", "--kind", "weekly"]);
        assert!(message.contains("不接受“weekly”"), "{message}");
        let message = error_of(&["jianbao-cli", "issue", "show", "third"]);
        assert!(message.contains("不接受“third”"), "{message}");
        assert!(!message.contains("invalid digit"), "{message}");
        assert_no_english(&message);
    }

    #[test]
    fn every_help_page_has_chinese_headings() {
        fn visit(command: &mut clap::Command, path: &mut Vec<String>) {
            let help = chinese_help(&command.render_help().to_string());
            assert_no_english(&help);
            let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
            for name in names {
                path.push(name.clone());
                if let Some(sub) = command.find_subcommand_mut(&name) {
                    visit(sub, path);
                }
                path.pop();
            }
        }
        let mut command = Cli::command();
        command.build();
        visit(&mut command, &mut vec![]);
    }
}
