//! Photo captions (图片说明). Text extraction drops a picture but keeps its caption, often in
//! the middle of the paragraph the picture interrupted; the caption is recognised by how
//! captions are written, so that it can be moved out instead of glued into a sentence.

use super::chars::is_space;

/// Marks a caption starts with: `▲` and `△` point at the picture, `图为`/`图：` name it.
const CAPTION_STARTS: [&str; 12] =
    ["▲", "△", "▼", "▽", "↑", "图为", "图：", "图:", "上图：", "下图：", "左图：", "右图："];
/// Longest caption taken: a sentence or two under a picture.
const MAX_CAPTION_CHARS: usize = 90;

/// Whether a line is a photo caption: led by a caption mark, or closed by the photographer's
/// credit `（张伟 摄）` / `（摄影：张伟）` / `（…供图）`.
pub fn is_caption(text: &str) -> bool {
    let text = text.trim();
    if text.chars().count() > MAX_CAPTION_CHARS {
        return false;
    }
    CAPTION_STARTS.iter().any(|start| text.starts_with(start)) || ends_with_credit(text)
}

/// Whether a line starts a caption but leaves its credit for the next printed line.
pub fn opens_caption(text: &str) -> bool {
    let text = text.trim();
    CAPTION_STARTS.iter().any(|start| text.starts_with(start)) && !ends_with_credit(text)
}

/// `（张伟 摄）`, `(张伟摄)`, `（摄影：张伟）`, `（省人大常委会办公厅供图）` at the end.
pub fn ends_with_credit(text: &str) -> bool {
    let Some(inner) = text.trim_end().strip_suffix(['）', ')']) else { return false };
    let Some(open) = inner.rfind(['（', '(']) else { return false };
    let credit: String = inner[open..].chars().skip(1).filter(|&c| !is_space(c)).collect();
    let short = (2..=24).contains(&credit.chars().count());
    short && (credit.ends_with('摄') || credit.starts_with("摄影") || credit.ends_with("供图"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_are_recognised_by_their_marks_and_credits() {
        for caption in [
            "▲代表们在社区养老服务中心察看助餐设施。",
            "图为调研组在蔬菜基地听取种植户意见。",
            "3月12日，代表们视察城区污水处理厂。（李晓 摄）",
            "执法检查组召开座谈会(摄影：王平)",
            "联络站接待选民现场（县人大常委会办公室供图）",
        ] {
            assert!(is_caption(caption), "{caption}");
        }
    }

    #[test]
    fn body_text_is_not_a_caption() {
        for text in [
            "县人大常委会组织拍摄了代表履职专题片，在电视台播出。",
            "会议听取了县政府关于城区污水处理厂建设情况的报告（书面）。",
            "（县人大常委会办公室 供稿）",
            "图书馆建设纳入了民生实事项目。",
        ] {
            assert!(!is_caption(text), "{text}");
        }
    }

    #[test]
    fn a_caption_may_leave_its_credit_for_the_next_line() {
        assert!(opens_caption("▲代表们在社区养老服务中心察看"));
        assert!(!opens_caption("▲代表们在察看。（李晓 摄）"));
        assert!(!opens_caption("代表们在社区养老服务中心察看"));
    }
}
