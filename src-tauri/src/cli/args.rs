use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use super::check::CheckArgs;
use super::export::{FontDirArg, PdfArgs};
use crate::domain::{EditingUnit, IssueKind, Publication, RecipientsLabel};
use crate::error::AppError;
use crate::store::Id;

#[derive(Debug, Parser)]
#[command(name = "jianbao-cli", version, about = "简报台命令行：建刊、导入、校对流转、签发、导出、查询")]
pub struct Cli {
    /// 数据库文件（默认读取环境变量 JIANBAO_DB，否则使用用户数据目录）
    #[arg(long, global = true, env = "JIANBAO_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// 办公室服务器的地址（如 http://192.168.1.10:8470）：命令在服务器的数据库上运行，不用本机的数据库
    #[arg(long, global = true, value_name = "URL")]
    pub server: Option<String>,
    /// 登录办公室服务器的账号名；密码读取环境变量 JIANBAO_PASSWORD，未设置时在终端中询问
    #[arg(long, global = true, value_name = "NAME", requires = "server")]
    pub user: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 初始化数据库（建立《联络动态》刊物设置）
    Init,
    /// 打开示例数据库（如为空则填入 2025 年第 13 期）并列出期刊
    Demo,
    /// 查看或修改刊物设置
    Publication {
        #[command(subcommand)]
        command: PublicationCommand,
    },
    /// 期刊：新建、列表、查看、载入、导出
    Issue {
        #[command(subcommand)]
        command: IssueCommand,
    },
    /// 导入稿件（.docx、.txt、.md；“-”表示从标准输入读取粘贴的文字），自动应用不改动文字的整理，列出其余修改建议
    Import {
        /// 稿件文件（可多个）
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// 导入到哪一期（期刊编号）
        #[arg(long)]
        issue: Id,
    },
    /// 导入一期完整的旧简报（文字稿或 .docx），新建一期；第一行输出新期刊的编号
    ImportIssue {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// 批量导入往期简报：分析文件夹中的 .pdf、.docx、.txt，列出审阅清单（期号、日期、文章、问题、重复），再逐期导入
    ImportArchive(super::archive::ArchiveArgs),
    /// 把数据库中的一期导出为可付印的 A4 PDF，或 Word/WPS 文档（-o 期刊.docx）
    Export {
        id: Id,
        #[command(flatten)]
        pdf: PdfArgs,
    },
    /// 把交换格式的期刊文件（JSON）排版为 PDF 或 Word 文档，不需要数据库
    Render {
        file: PathBuf,
        #[command(flatten)]
        pdf: PdfArgs,
    },
    /// 校对检查一期（数据库中的期刊编号或期刊文件），列出标点、数字、用词、前后一致等问题
    Check(CheckArgs),
    /// 在标注好的句子集上衡量错别字检查（每行“原句、正确句”的 .tsv 文件或其所在文件夹）：查准率、查全率、误报率和速度
    CheckBench {
        #[arg(required = true, value_name = "DIR|FILE")]
        paths: Vec<PathBuf>,
        /// 逐句列出误报和漏报
        #[arg(long)]
        list: bool,
    },
    /// 校对用的用词表：列出、导出、导入或恢复默认
    Words(super::words::WordsArgs),
    /// 打印一期（签发前为校样，签发后为正式版）到本机的打印机，或用 --list-printers 列出打印机
    Print(super::printing::PrintArgs),
    /// 在所有期刊中查找文字（不必分词，“人大”这样的两个字也能查），列出期号、文章和含有该文字的片段
    Search(super::search::SearchArgs),
    /// 在一期的全部文章中查找并替换（标题、副标题、署名、编者按、正文、图片说明、供稿单位），逐处列出改动和总数
    Replace(super::replace::ReplaceArgs),
    /// 供稿统计：各供稿单位每年（或某一年每季度）的稿件数，以及每年的期数、页数和字数
    Stats(super::stats::StatsArgs),
    /// 供稿单位别名表（统计时算作同一单位的名称）：列出、导出或导入
    Aliases(super::aliases::AliasArgs),
    /// 本机数据库的备份：列出、立即备份、恢复、导出整个数据库
    Backup(super::backup::BackupArgs),
    #[command(flatten)]
    Rounds(super::rounds::RoundCommand),
    #[command(flatten)]
    Review(super::review::ReviewCommand),
    /// 列出各字体角色所用的字体及其 GBK 覆盖率
    Fonts {
        /// 按该期刊文件的刊物设置选字体（默认使用内置字体）
        file: Option<PathBuf>,
        #[command(flatten)]
        font_dir: FontDirArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum PublicationCommand {
    /// 显示刊物设置
    Show {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 修改刊物设置（只改给出的项）
    Set(PublicationChanges),
}

#[derive(Debug, Subcommand)]
pub enum IssueCommand {
    /// 新建一期（期号、总期号未给出时自动推算）
    New {
        #[arg(long, value_enum, default_value = "regular")]
        kind: KindArg,
        /// 出刊日期，如 2025-09-02 或 2025年9月2日（默认今天）
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// 期号（第N期）
        #[arg(long)]
        number: Option<u32>,
        /// 总期号（总第X期）
        #[arg(long)]
        total: Option<u32>,
    },
    /// 列出所有期刊
    List,
    /// 显示一期的报头和文章
    Show {
        id: Id,
        #[arg(long)]
        json: bool,
    },
    /// 从交换格式 JSON 文件新建一期
    Load { file: PathBuf },
    /// 以交换格式输出一期
    Dump { id: Id },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Regular,
    Supplement,
}

impl From<KindArg> for IssueKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Regular => IssueKind::Regular,
            KindArg::Supplement => IssueKind::Supplement,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LabelArg {
    Song,
    Bao,
    Fa,
}

#[derive(Debug, Args)]
pub struct PublicationChanges {
    /// 报名
    #[arg(long)]
    name: Option<String>,
    /// 新的编印单位（与 --effective-from 一起给出）
    #[arg(long, requires = "effective_from")]
    editing_unit: Option<String>,
    /// 新编印单位的启用日期，如 2025-09-02 或 2025年9月2日
    #[arg(long, value_parser = parse_date, requires = "editing_unit")]
    effective_from: Option<NaiveDate>,
    /// 报送标签：送、报、发
    #[arg(long, value_enum)]
    recipients_label: Option<LabelArg>,
    /// 报送单位（可重复，按顺序替换整个名单）
    #[arg(long = "recipient")]
    recipients: Vec<String>,
    /// 责任编辑
    #[arg(long)]
    editor: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    email: Option<String>,
    /// 批准文号
    #[arg(long)]
    approval_number: Option<String>,
    /// 印数（0 表示不印）
    #[arg(long)]
    print_run: Option<u32>,
}

impl PublicationChanges {
    pub fn apply(self, publication: &mut Publication) -> Result<(), AppError> {
        if let Some(name) = self.name {
            publication.name = name;
        }
        if let (Some(name), Some(effective_from)) = (self.editing_unit, self.effective_from) {
            publication.editing_units.retain(|unit| unit.effective_from != effective_from);
            publication.editing_units.push(EditingUnit { name, effective_from });
            publication.editing_units.sort_by_key(|unit| unit.effective_from);
        }
        let footer = &mut publication.footer;
        if let Some(label) = self.recipients_label {
            footer.recipients_label = match label {
                LabelArg::Song => RecipientsLabel::Song,
                LabelArg::Bao => RecipientsLabel::Bao,
                LabelArg::Fa => RecipientsLabel::Fa,
            };
        }
        if !self.recipients.is_empty() {
            footer.recipients = self.recipients;
        }
        set(&mut footer.responsible_editor, self.editor);
        set(&mut footer.phone, self.phone);
        set(&mut footer.email, self.email);
        set(&mut footer.approval_number, self.approval_number);
        if let Some(run) = self.print_run {
            footer.print_run = (run > 0).then_some(run);
        }
        Ok(())
    }
}

fn set(field: &mut String, value: Option<String>) {
    if let Some(value) = value {
        *field = value;
    }
}

/// `--date`: 2025-09-02 or 2025年9月2日, a day that exists.
pub(super) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::numbering::parse_typed_date(text).ok_or_else(|| {
        format!("“{text}”不是有效日期，请写成 2025-09-02 或 2025年9月2日，且须是真实存在的日期")
    })
}
