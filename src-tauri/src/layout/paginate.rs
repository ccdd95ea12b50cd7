//! Slots → pages: fill each page's text block top to bottom; keep headings and titles with
//! what follows; set the 报尾 on the bottom edge of the last page.

use super::geometry::Geometry;
use super::linebreak::EPSILON_PT;
use super::page::{Item, OutlineEntry};
use super::typeset::Slot;

/// A page being filled: its items and the baselines of its numbered (proof) lines.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FilledPage {
    pub items: Vec<Item>,
    pub numbered_baselines: Vec<f32>,
}

#[derive(Debug)]
pub struct Paginated {
    pub pages: Vec<FilledPage>,
    pub outline: Vec<OutlineEntry>,
}

struct Cursor<'a> {
    geometry: &'a Geometry,
    pages: Vec<FilledPage>,
    outline: Vec<OutlineEntry>,
    y: f32,
}

impl Cursor<'_> {
    fn page_is_empty(&self) -> bool {
        self.y <= self.geometry.grid_top + EPSILON_PT
    }

    fn room(&self) -> f32 {
        self.geometry.grid_bottom() - self.y
    }

    fn new_page(&mut self) {
        self.pages.push(FilledPage::default());
        self.y = self.geometry.grid_top;
    }

    fn place(&mut self, slot: Slot) {
        let top = self.y;
        let page_index = self.pages.len() - 1;
        if let Some(title) = slot.outline {
            self.outline.push(OutlineEntry { title, page_index, y_pt: top });
        }
        let page = self.pages.last_mut().expect("a page is open while placing");
        if let Some(baseline) = slot.numbered_baseline {
            page.numbered_baselines.push(top + baseline);
        }
        page.items.extend(slot.items.into_iter().map(|item| moved_down(item, top)));
        self.y += slot.height;
    }
}

/// Lays `slots` onto pages, then `footer` at the bottom of the last page (or of a new page
/// when it does not fit: the 报尾 is never split). GB/T 9704-2012 §7.4.1: "末条分隔线与公文
/// 最后一面的版心下边缘重合".
///
/// A slot marked `keep_with_next` (a heading or title line) moves to the next page together
/// with the slots it is glued to when they would not all fit, so that no page ends with a
/// heading (widow/orphan control for headings, W3C clreq §3.9 and common Chinese
/// typesetting practice "标题不落底").
pub fn paginate(slots: Vec<Slot>, footer: Vec<Slot>, geometry: &Geometry) -> Paginated {
    let mut cursor = Cursor { geometry, pages: Vec::new(), outline: Vec::new(), y: 0.0 };
    cursor.new_page();
    let chain_heights = kept_chain_heights(&slots);
    for (slot, chain) in slots.into_iter().zip(chain_heights) {
        if slot.page_break {
            if !cursor.page_is_empty() {
                cursor.new_page();
            }
            continue;
        }
        if slot.blank && cursor.page_is_empty() {
            continue;
        }
        let needed = if slot.keep_with_next { chain } else { slot.height };
        let fits = needed <= cursor.room() + EPSILON_PT;
        let fits_alone = slot.height <= cursor.room() + EPSILON_PT;
        let chain_fits_a_page = needed <= geometry.grid_height() + EPSILON_PT;
        if !cursor.page_is_empty() && (!fits_alone || (!fits && chain_fits_a_page)) {
            cursor.new_page();
            if slot.blank {
                continue;
            }
        }
        cursor.place(slot);
    }
    place_footer(&mut cursor, footer);
    Paginated { pages: cursor.pages, outline: cursor.outline }
}

/// For each slot, the height of it and every slot glued after it: a run of `keep_with_next`
/// slots plus the first slot that is not kept. Computed backwards in one pass.
fn kept_chain_heights(slots: &[Slot]) -> Vec<f32> {
    let mut heights = vec![0.0; slots.len()];
    let mut following: f32 = 0.0;
    for (i, slot) in slots.iter().enumerate().rev() {
        heights[i] = slot.height + if slot.keep_with_next { following } else { 0.0 };
        following = heights[i];
    }
    heights
}

/// The 报尾 keeps at least one empty grid line between the last text line and its top rule,
/// so that the rule never crowds the text (a print shop's first remark on a footer set
/// directly under an attribution); when that clearance does not fit, the whole 报尾 moves to
/// the bottom edge of a new page (GB/T 9704-2012 §7.4.1 still holds there).
fn place_footer(cursor: &mut Cursor<'_>, footer: Vec<Slot>) {
    if footer.is_empty() {
        return;
    }
    let height: f32 = footer.iter().map(|s| s.height).sum();
    let clearance = cursor.geometry.line;
    let footer_top = cursor.geometry.bottom() - height;
    if cursor.y + clearance > footer_top + EPSILON_PT && !cursor.page_is_empty() {
        cursor.new_page();
    }
    cursor.y = footer_top;
    for slot in footer {
        cursor.place(slot);
    }
}

fn moved_down(item: Item, dy: f32) -> Item {
    match item {
        Item::Text(mut run) => {
            run.baseline_y_pt += dy;
            Item::Text(run)
        }
        Item::Rule { x1_pt, y1_pt, x2_pt, y2_pt, width_pt, ink } => {
            Item::Rule { x1_pt, y1_pt: y1_pt + dy, x2_pt, y2_pt: y2_pt + dy, width_pt, ink }
        }
        Item::Image { src, x_pt, y_pt, width_pt, height_pt } => {
            Item::Image { src, x_pt, y_pt: y_pt + dy, width_pt, height_pt }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::LayoutProfile;

    fn line(keep: bool) -> Slot {
        Slot { height: 10.0, keep_with_next: keep, ..Slot::default() }
    }

    fn geometry(lines: f32) -> Geometry {
        Geometry {
            top: 0.0,
            grid_top: 0.0,
            height: lines * 10.0,
            line: 10.0,
            ..Geometry::of(&LayoutProfile::default())
        }
    }

    #[test]
    fn heading_never_ends_a_page() {
        // Four lines per page: three body lines, then a heading that would be the last line.
        let slots = vec![line(false), line(false), line(false), line(true), line(false)];
        let marked: Vec<Slot> = slots
            .into_iter()
            .enumerate()
            .map(|(i, mut s)| {
                s.numbered_baseline = Some(i as f32);
                s
            })
            .collect();
        let result = paginate(marked, vec![], &geometry(4.0));
        assert_eq!(result.pages.len(), 2);
        assert_eq!(result.pages[0].numbered_baselines, vec![0.0, 11.0, 22.0], "heading moved down");
        assert_eq!(result.pages[1].numbered_baselines.len(), 2, "heading with its first line");
    }

    #[test]
    fn blank_line_never_opens_a_page() {
        let mut blank = line(false);
        blank.blank = true;
        let mut after_blank = line(false);
        after_blank.numbered_baseline = Some(0.0);
        let slots = vec![line(false), line(false), blank, after_blank];
        let result = paginate(slots, vec![], &geometry(2.0));
        assert_eq!(result.pages.len(), 2);
        assert_eq!(result.pages[1].numbered_baselines, vec![0.0], "the line after the blank opens page 2");
    }

    #[test]
    fn footer_sits_on_the_last_page_bottom_edge() {
        let rule = |y: f32| Slot {
            height: 0.0,
            items: vec![Item::Rule {
                x1_pt: 0.0,
                y1_pt: y,
                x2_pt: 1.0,
                y2_pt: y,
                width_pt: 1.0,
                ink: super::super::page::Ink::Black,
            }],
            ..Slot::default()
        };
        let footer = vec![rule(0.0), line(false), rule(0.0)];
        let result = paginate(vec![line(false)], footer, &geometry(4.0));
        assert_eq!(result.pages.len(), 1);
        let Some(Item::Rule { y1_pt, .. }) = result.pages[0].items.last() else {
            panic!("last item is the rule")
        };
        assert_eq!(*y1_pt, 40.0, "last rule on the text block's bottom edge");
    }

    #[test]
    fn footer_that_does_not_fit_moves_whole_to_a_new_page() {
        let footer = vec![line(false), line(false)];
        let result = paginate(vec![line(false), line(false), line(false)], footer, &geometry(4.0));
        assert_eq!(result.pages.len(), 2, "the 报尾 is never split");
    }

    #[test]
    fn footer_keeps_one_empty_grid_line_above_its_top_rule() {
        let footer = vec![line(false), line(false)];
        let with_room = paginate(vec![line(false)], footer.clone(), &geometry(4.0));
        assert_eq!(with_room.pages.len(), 1, "one text line, one empty line, two footer lines");
        let crowded = paginate(vec![line(false), line(false)], footer, &geometry(4.0));
        assert_eq!(crowded.pages.len(), 2, "no empty line left above the 报尾: it moves on");
    }
}
