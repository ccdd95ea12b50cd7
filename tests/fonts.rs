//! The bundled font set: every role loads, the chain falls back for characters the 仿宋 lacks,
//! and together the fonts cover GBK. Needs assets/fonts/fetch-fonts.sh to have run.

mod golden_support;

use golden_support::fonts;
use jianbao::domain::FontRole;
use jianbao::fonts::{gbk_chars, role_coverage};
use jianbao::layout::FontMetrics;

#[test]
fn each_role_draws_han_from_its_own_font() {
    let fonts = fonts();
    for role in FontRole::ALL {
        assert_eq!(fonts.resolve(role, '报'), Some(fonts.role_font(role)), "{role:?} draws 报 itself");
    }
    let keys: std::collections::BTreeSet<_> = FontRole::ALL.iter().map(|&r| fonts.role_font(r)).collect();
    assert_eq!(keys.len(), 5, "the five roles use five different bundled fonts");
}

#[test]
fn a_name_character_missing_from_the_fangsong_falls_back() {
    let fonts = fonts();
    let body = fonts.role_font(FontRole::Body);
    let fallback = fonts.role_font(FontRole::Fallback);
    assert!(!fonts.font(body).has_glyph('镕'), "FandolFang covers GB2312 only");
    assert_eq!(fonts.resolve(FontRole::Body, '镕'), Some(fallback), "镕 comes from the fallback font");
    assert_eq!(fonts.resolve(FontRole::Body, '\u{10FFFD}'), None, "a private-use char is in no font");
}

#[test]
fn advances_are_read_from_the_fonts() {
    let fonts = fonts();
    let body = fonts.role_font(FontRole::Body);
    assert!((fonts.advance_em(body, '国') - 1.0).abs() < 0.01, "a Han character is one em wide");
    let digit = fonts.advance_em(body, '1');
    assert!(digit > 0.3 && digit < 0.7, "digits are narrower than Han ({digit} em)");
    let ascent = fonts.ascent_em(body);
    assert!(ascent > 0.7 && ascent < 1.2, "ascent {ascent} em");
    assert!(fonts.needs_synthetic_bold(FontRole::Body) && fonts.needs_synthetic_bold(FontRole::Kai));
    assert!(!fonts.needs_synthetic_bold(FontRole::Hei));
}

#[test]
fn together_the_fonts_cover_gbk() {
    let chars = gbk_chars();
    for coverage in role_coverage(fonts(), &chars) {
        let missing: Vec<char> =
            chars.iter().copied().filter(|&c| fonts().resolve(coverage.role, c).is_none()).take(20).collect();
        // A handful of GBK code points (a few radicals and symbols, and those the WHATWG
        // table maps differently from the subsetting script) have no glyph; all else must.
        assert!(
            coverage.total - coverage.with_fallback <= 20,
            "{:?}: {} of {} GBK characters have no glyph, e.g. {missing:?}",
            coverage.role,
            coverage.total - coverage.with_fallback,
            coverage.total
        );
    }
}

#[test]
fn an_installed_font_is_found_by_family_name_in_any_case() {
    let dir = jianbao::fonts::find_font_dir(None).unwrap_or_else(|e| panic!("{}", e.message));
    let fonts = jianbao::fonts::InstalledFonts::scan_dir(&dir);
    let face = fonts.find("fandolkai").expect("FandolKai is in the folder");
    assert!(face.path.ends_with("FandolKai-Regular.otf"), "{}", face.path.display());
    assert_eq!(face.family, "FandolKai");
    let error = fonts.find("仿宋_GB2312").expect_err("not in the bundled folder");
    assert!(error.message.contains("仿宋_GB2312") && error.message.contains("安装"), "{}", error.message);
}
