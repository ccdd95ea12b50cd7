//! The desktop app. Without a display it says so plainly instead of letting GTK panic.

fn main() {
    if !jianbao::desktop::has_display() {
        eprintln!("没有图形显示环境，无法打开简报台窗口；请在桌面环境中运行，或使用命令行 jianbao-cli。");
        std::process::exit(1);
    }
    if let Err(error) = jianbao::desktop::run() {
        eprintln!("错误：{}", error.message);
        std::process::exit(2);
    }
}
