//! The office's word list, kept per publication as the list file's text.

use jianbao::domain::Publication;

use super::{TestDatabase, contract_tests};

contract_tests![a_word_list_is_saved_replaced_and_reset_per_publication];

fn a_word_list_is_saved_replaced_and_reset_per_publication(db: &dyn TestDatabase) {
    let mut store = db.open();
    let first = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    let second = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    assert_eq!(store.word_list_text(first).expect("read"), None, "the shipped list until one is saved");
    store.save_word_list_text(first, "# 用词表\n其它 → 其他\n").expect("save");
    store.save_word_list_text(first, "# 用词表\n其它 → 其他\n做为 → 作为\n").expect("replace");
    assert_eq!(
        db.open().word_list_text(first).expect("read").as_deref(),
        Some("# 用词表\n其它 → 其他\n做为 → 作为\n")
    );
    assert_eq!(store.word_list_text(second).expect("read"), None, "kept per publication");
    store.reset_word_list(first).expect("reset");
    assert_eq!(store.word_list_text(first).expect("read"), None);
    store.reset_word_list(first).expect("resetting twice is no error");
}
