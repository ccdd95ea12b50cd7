//! Any bytes as word/document.xml inside a well-formed .docx, so that the fuzzer reaches the
//! WordprocessingML reader instead of stopping at the zip checks.
#![no_main]

use std::io::Write;

use jianbao::import::import_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|xml: &[u8]| {
    let mut buffer = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buffer);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", options).expect("in-memory zip");
    zip.write_all(xml).expect("in-memory zip");
    zip.start_file("word/_rels/document.xml.rels", options).expect("in-memory zip");
    zip.write_all(br#"<Relationships><Relationship Id="rId5" Target="media/image1.png"/></Relationships>"#)
        .expect("in-memory zip");
    zip.start_file("word/media/image1.png", options).expect("in-memory zip");
    zip.write_all(b"\x89PNG").expect("in-memory zip");
    zip.finish().expect("in-memory zip");
    if let Ok(articles) = import_file("fuzz.docx", &buffer.into_inner()) {
        for article in &articles {
            let _ = article.cleaned(|_| true);
        }
    }
});
