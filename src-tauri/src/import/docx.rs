//! Placeholder replaced below.
use super::ImportError;
use super::lines::SourceLine;

pub struct DocxDocument {
    pub lines: Vec<SourceLine>,
    pub warnings: Vec<String>,
}

pub fn read_docx(name: &str, _bytes: &[u8]) -> Result<DocxDocument, ImportError> {
    Err(ImportError::UnsupportedType { name: name.into() })
}
