//! The proof (校样) variant: a diagonal watermark naming the round, under the text. The line
//! numbers in the margin come with the pages (the layout sets them, `LayoutOptions`).
//!
//! The watermark is drawn as the glyphs' outlines, not as text: it is a mark on the paper,
//! and as text it would mix `校样` into every copy-and-paste and text extraction of the proof.

use printpdf::{LinePoint, Op, PaintMode, Point, Polygon, PolygonRing, Pt, WindingOrder};

use super::resources::cmyk;
use crate::domain::FontRole;
use crate::fonts::FontSet;
use crate::layout::{FontMetrics, LaidOutIssue};

const WATERMARK_ROLE: FontRole = FontRole::Hei;
const WATERMARK_SIZE_PT: f32 = 110.0;
const ROUND_SIZE_PT: f32 = 36.0;

/// `校样` across the page centre at 45°, `第N轮` under it, in a light grey that does not hide
/// the text drawn over it.
pub fn watermark(ops: &mut Vec<Op>, issue: &LaidOutIssue, fonts: &FontSet, round: u8) {
    let centre = Point { x: Pt(issue.page_width_pt / 2.0), y: Pt(issue.page_height_pt / 2.0) };
    let angle = std::f32::consts::FRAC_PI_4;
    let mut rings = Vec::new();
    // Offsets perpendicular to the baseline, so the round sits under the big word.
    let big = Baseline { centre, angle, shift: 0.0, size: WATERMARK_SIZE_PT };
    outline_line(&mut rings, fonts, "校样", &big);
    let small = Baseline { shift: -WATERMARK_SIZE_PT * 0.8, size: ROUND_SIZE_PT, ..big };
    outline_line(&mut rings, fonts, &format!("第{round}轮"), &small);
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::SetFillColor { col: cmyk(0.0, 0.0, 0.0, 0.12) });
    let polygon = Polygon { rings, mode: PaintMode::Fill, winding_order: WindingOrder::NonZero };
    ops.push(Op::DrawPolygon { polygon });
    ops.push(Op::RestoreGraphicsState);
}

/// A line of text centred on `centre`, its baseline turned by `angle` and moved `shift` points
/// along the baseline's normal.
#[derive(Debug, Clone, Copy)]
struct Baseline {
    centre: Point,
    angle: f32,
    shift: f32,
    size: f32,
}

fn outline_line(rings: &mut Vec<PolygonRing>, fonts: &FontSet, text: &str, line: &Baseline) {
    let key = fonts.role_font(WATERMARK_ROLE);
    let font = fonts.font(key);
    let width: f32 = text.chars().map(|ch| fonts.advance_em(key, ch) * line.size).sum();
    let (sin, cos) = line.angle.sin_cos();
    let mut along = -width / 2.0;
    for ch in text.chars() {
        let origin = (
            line.centre.x.0 + along * cos - line.shift * sin,
            line.centre.y.0 + along * sin + line.shift * cos,
        );
        along += fonts.advance_em(key, ch) * line.size;
        if let Some(gid) = font.glyph_id(ch) {
            let scale = line.size / f32::from(font.face.units_per_em().max(1));
            let mut pen = Pen { rings, origin, scale, sin, cos, current: (0.0, 0.0) };
            font.face.outline(gid, &mut pen);
        }
    }
}

/// Turns a glyph outline in font units into rings on the page: scaled, rotated, placed.
struct Pen<'a> {
    rings: &'a mut Vec<PolygonRing>,
    origin: (f32, f32),
    scale: f32,
    sin: f32,
    cos: f32,
    /// The last point, in font units (quadratic curves are raised to cubic from it).
    current: (f32, f32),
}

impl Pen<'_> {
    fn page_point(&self, x: f32, y: f32, bezier: bool) -> LinePoint {
        let (x, y) = (x * self.scale, y * self.scale);
        let p = Point {
            x: Pt(self.origin.0 + x * self.cos - y * self.sin),
            y: Pt(self.origin.1 + x * self.sin + y * self.cos),
        };
        LinePoint { p, bezier }
    }

    fn push(&mut self, point: LinePoint) {
        if let Some(ring) = self.rings.last_mut() {
            ring.points.push(point);
        }
    }
}

impl ttf_parser::OutlineBuilder for Pen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let start = self.page_point(x, y, false);
        self.rings.push(PolygonRing { points: vec![start] });
        self.current = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let point = self.page_point(x, y, false);
        self.push(point);
        self.current = (x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        // The cubic through the same points: controls ⅔ of the way to the quadratic's control.
        let (x0, y0) = self.current;
        let c1 = (x0 + 2.0 / 3.0 * (x1 - x0), y0 + 2.0 / 3.0 * (y1 - y0));
        let c2 = (x + 2.0 / 3.0 * (x1 - x), y + 2.0 / 3.0 * (y1 - y));
        self.curve_to(c1.0, c1.1, c2.0, c2.1, x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let points =
            [self.page_point(x1, y1, true), self.page_point(x2, y2, true), self.page_point(x, y, false)];
        points.into_iter().for_each(|point| self.push(point));
        self.current = (x, y);
    }

    fn close(&mut self) {}
}
