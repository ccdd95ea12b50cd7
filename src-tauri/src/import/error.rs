use crate::error::AppError;

/// Why a file could not be imported; every message says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("“{name}”是空文件，没有可导入的内容；请确认选对了文件，或重新保存后再导入")]
    Empty { name: String },
    #[error("“{name}”有 {size_mb} MB，超过导入上限 {limit_mb} MB；请确认选对了文件，或把稿件拆成几个文件")]
    TooLarge { name: String, size_mb: u64, limit_mb: u64 },
    #[error(
        "“{name}”不是文本文件（含有二进制内容），可能是改了扩展名的其他文件；请用 Word 或记事本打开后另存为 .docx 或 .txt"
    )]
    Binary { name: String },
    #[error(
        "无法识别“{name}”的文字编码（看起来是 {guess}）；简报台读取 UTF-8 和 GBK/GB18030 编码，请用记事本“另存为”UTF-8 后再导入"
    )]
    UnknownEncoding { name: String, guess: String },
    #[error("“{name}”已损坏，无法作为 Word 文档读取（{detail}）；请用 Word 打开并另存为 .docx 后再导入")]
    CorruptDocx { name: String, detail: String },
    #[error(
        "“{name}”设有打开密码（或是旧版 .doc 格式），无法读取；请在 Word 中取消密码并另存为 .docx 后再导入"
    )]
    ProtectedDocx { name: String },
    #[error("不支持导入“{name}”这种文件；请选择 .docx、.txt 或 .md 文件")]
    UnsupportedType { name: String },
    #[error(
        "不支持把“{name}”作为往期简报导入；请选择 .pdf、.docx 或 .txt 文件（旧版 .doc 请先用 Word 另存为 .docx）"
    )]
    UnsupportedIssueType { name: String },
    #[error("“{name}”已损坏，无法作为 PDF 读取（{detail}）；请用 PDF 阅读器打开确认，或重新导出后再导入")]
    CorruptPdf { name: String, detail: String },
    #[error("“{name}”设有密码，无法读取；请取消 PDF 的密码保护后再导入")]
    ProtectedPdf { name: String },
    #[error(
        "“{name}”中没有可提取的文字（可能是扫描件或图片）；请先做文字识别（OCR），或改用 Word、文本版本导入"
    )]
    PdfWithoutText { name: String },
    #[error("“{name}”中没有找到文章内容")]
    NoArticles { name: String },
    #[error("“{name}”不像一期完整的简报：{missing}。请检查文件是否完整")]
    NotAnIssue { name: String, missing: String },
}

impl From<ImportError> for AppError {
    fn from(error: ImportError) -> Self {
        AppError::invalid(error.to_string())
    }
}
