//! Which characters a font set covers, measured against GBK (GB 18030's two-byte part, the
//! character set government offices type in).

use encoding_rs::GBK;

use super::FontSet;
use crate::domain::FontRole;
use crate::layout::FontMetrics;

/// Every character GBK encodes in two bytes (as GB 18030 maps them), plus printable ASCII;
/// without the user-defined areas, which map to private-use code points no font shares.
/// assets/fonts/fetch-fonts.sh subsets the bundled fonts to the same set.
pub fn gbk_chars() -> Vec<char> {
    let mut chars: Vec<char> = (0x20u8..0x7F).map(char::from).collect();
    for lead in 0x81u8..=0xFE {
        for trail in (0x40u8..=0xFE).filter(|&b| b != 0x7F) {
            let pair = [lead, trail];
            let (text, had_errors) = GBK.decode_without_bom_handling(&pair);
            if !had_errors {
                chars.extend(text.chars().filter(|&c| c != '\u{FFFD}' && !is_private_use(c)));
            }
        }
    }
    chars.sort_unstable();
    chars.dedup();
    chars
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}')
}

/// How well one role is served: by its own font, and by the chain with fallbacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleCoverage {
    pub role: FontRole,
    pub family: String,
    pub total: usize,
    /// Characters the role's own font has.
    pub own: usize,
    /// Characters some font of the chain has.
    pub with_fallback: usize,
}

pub fn role_coverage(fonts: &FontSet, chars: &[char]) -> Vec<RoleCoverage> {
    FontRole::ALL
        .iter()
        .map(|&role| {
            let own_font = fonts.font(fonts.role_font(role));
            RoleCoverage {
                role,
                family: own_font.family.clone(),
                total: chars.len(),
                own: chars.iter().filter(|&&c| own_font.has_glyph(c)).count(),
                with_fallback: chars.iter().filter(|&&c| fonts.resolve(role, c).is_some()).count(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_has_its_known_size_and_the_name_characters_gb2312_lacks() {
        let chars = gbk_chars();
        // 21,891 two-byte code points outside the private-use areas, plus 95 ASCII. (The
        // WHATWG table encoding_rs follows gives 19 code points standard characters that
        // Python's gb18030 codec, used by fetch-fonts.sh, still maps to private use.)
        assert_eq!(chars.len(), 21_891 + 95, "GBK as GB 18030 maps it");
        for name_char in ['镕', '堃', '喆', '珺', '玥', '昇'] {
            assert!(chars.contains(&name_char), "{name_char} is in GBK");
        }
    }
}
