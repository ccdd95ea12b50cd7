//! The page and its text block in points, from the profile's millimetres.

use crate::domain::LayoutProfile;

pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Page size, text block and body grid, in points from the page's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub page_width: f32,
    pub page_height: f32,
    pub left: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
    /// Horizontal grid pitch: text block width / characters per line (GB/T 9704 §5.2.3:
    /// 28 characters of 三号 in 156 mm).
    pub cell: f32,
    /// Vertical grid pitch: text block height / lines per page (GB/T 9704 §5.2.3: 22 lines
    /// in 225 mm).
    pub line: f32,
    /// Top of the first grid cell. The text block's top, or, when the profile fills the text
    /// block (撑满版心), half a leading above it, so that the first line's em box starts on it.
    pub grid_top: f32,
    pub body_size: f32,
}

impl Geometry {
    pub fn of(profile: &LayoutProfile) -> Self {
        let page_width = profile.page_width_mm * PT_PER_MM;
        let page_height = profile.page_height_mm * PT_PER_MM;
        let left = profile.margin_left_mm * PT_PER_MM;
        let top = profile.margin_top_mm * PT_PER_MM;
        let width = page_width - left - profile.margin_right_mm * PT_PER_MM;
        let height = page_height - top - profile.margin_bottom_mm * PT_PER_MM;
        let lines = profile.lines_per_page.max(2) as f32;
        let (line, grid_top) = if profile.fill_text_block {
            // The leading goes between lines only: N em boxes and N − 1 leadings fill the height.
            let line = (height - profile.body_size_pt) / (lines - 1.0);
            (line, top - (line - profile.body_size_pt) / 2.0)
        } else {
            (height / lines, top)
        };
        Geometry {
            page_width,
            page_height,
            left,
            top,
            width,
            height,
            cell: width / profile.chars_per_line.max(1) as f32,
            line,
            grid_top,
            body_size: profile.body_size_pt,
        }
    }

    pub fn right(&self) -> f32 {
        self.left + self.width
    }

    pub fn bottom(&self) -> f32 {
        self.top + self.height
    }

    /// Foot of the last grid cell: the text block's bottom, or half a leading below it.
    pub fn grid_bottom(&self) -> f32 {
        self.grid_top + self.grid_height()
    }

    /// What the grid's cells span: the lines per page times the pitch.
    pub fn grid_height(&self) -> f32 {
        2.0 * (self.top - self.grid_top) + self.height
    }

    /// The ideographic em of text at `size_pt`: the grid pitch scaled to the size, so that
    /// every size is tracked like the body and 28 body characters fill a line exactly.
    pub fn cell_for(&self, size_pt: f32) -> f32 {
        self.cell * size_pt / self.body_size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centred_cells_divide_the_156_by_225_mm_text_block_into_a_28_by_22_grid() {
        let g = Geometry::of(&LayoutProfile { fill_text_block: false, ..LayoutProfile::default() });
        assert!((g.width / PT_PER_MM - 156.0).abs() < 1e-3);
        assert!((g.height / PT_PER_MM - 225.0).abs() < 1e-3);
        assert!((g.cell * 28.0 - g.width).abs() < 1e-3);
        assert!((g.line * 22.0 - g.height).abs() < 1e-3);
    }

    #[test]
    fn filled_text_block_puts_the_first_and_last_em_boxes_on_its_edges() {
        let profile = LayoutProfile { fill_text_block: true, ..LayoutProfile::default() };
        let g = Geometry::of(&profile);
        let half_leading = (g.line - profile.body_size_pt) / 2.0;
        assert!((g.grid_top + half_leading - g.top).abs() < 1e-3, "first line's top on 37 mm");
        let last_foot = g.grid_top + 21.0 * g.line + half_leading + profile.body_size_pt;
        assert!((last_foot - g.bottom()).abs() < 1e-3, "last line's foot on 262 mm");
        assert!((g.grid_height() - 22.0 * g.line).abs() < 1e-3, "still 22 lines");
    }
}
