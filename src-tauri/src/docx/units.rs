//! Word's units: twentieths of a point (twips) for lengths, half-points for font sizes,
//! eighths of a point for borders, EMU for pictures; and the grid of the layout profile in them.

use crate::domain::LayoutProfile;

const TWIPS_PER_PT: f32 = 20.0;
const PT_PER_MM: f32 = 72.0 / 25.4;

pub fn twips_of_mm(mm: f32) -> i32 {
    (mm * PT_PER_MM * TWIPS_PER_PT).round() as i32
}

pub fn twips_of_pt(pt: f32) -> i32 {
    (pt * TWIPS_PER_PT).round() as i32
}

/// `w:sz`: font sizes are given in half-points.
pub fn half_points(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}

/// `w:bdr w:sz`: border widths are given in eighths of a point.
pub fn border_eighths_of_mm(mm: f32) -> usize {
    (mm * PT_PER_MM * 8.0).round() as usize
}

pub fn emu_of_pt(pt: f32) -> u32 {
    (pt * 12_700.0).round() as u32
}

/// The body grid of GB/T 9704-2012 §5.2.2 (28 characters × 22 lines) in Word's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grid {
    pub text_width: i32,
    /// `w:docGrid w:linePitch` and the exact line height of every paragraph, in twips.
    /// Rounded down: 22 lines of a rounded-up pitch would overrun the text block and Word
    /// would set 21.
    pub line_pitch: i32,
    /// `w:docGrid w:charSpace`: how much wider (here: narrower) than the body size one grid
    /// cell is, in 1/4096 pt. Rounded down for the same reason.
    pub char_space: i32,
    /// One grid cell, in twips.
    pub cell: i32,
}

impl Grid {
    pub fn of(profile: &LayoutProfile) -> Grid {
        let text_width =
            twips_of_mm(profile.page_width_mm - profile.margin_left_mm - profile.margin_right_mm);
        let text_height =
            twips_of_mm(profile.page_height_mm - profile.margin_top_mm - profile.margin_bottom_mm);
        let lines = profile.lines_per_page.max(1) as i32;
        let chars = profile.chars_per_line.max(1) as f32;
        let cell_pt = text_width as f32 / TWIPS_PER_PT / chars;
        let char_space = ((cell_pt - profile.body_size_pt) * 4096.0).floor() as i32;
        Grid {
            text_width,
            line_pitch: text_height / lines,
            char_space,
            cell: (text_width as f32 / chars) as i32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_profile_gives_the_28_by_22_grid_of_official_documents() {
        let grid = Grid::of(&LayoutProfile::default());
        // 156 mm × 225 mm: the text block of GB/T 9704-2012 §5.2.1.
        assert_eq!(grid.text_width, 8844);
        assert_eq!(grid.line_pitch, 579, "225 mm / 22 lines, rounded down so 22 lines fit");
        let cell_pt = 16.0 + grid.char_space as f32 / 4096.0;
        assert!(cell_pt * 28.0 <= 8844.0 / 20.0, "28 cells fit the text width: {cell_pt}");
        assert!(cell_pt * 28.0 > 8844.0 / 20.0 - 0.1, "and fill it: {cell_pt}");
    }

    #[test]
    fn sizes_convert_to_words_units() {
        assert_eq!(half_points(16.0), 32);
        assert_eq!(half_points(10.5), 21);
        assert_eq!(border_eighths_of_mm(0.35), 8);
        assert_eq!(twips_of_mm(25.4), 1440);
    }
}
