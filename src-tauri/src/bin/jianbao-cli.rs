//! The headless command line; see `jianbao::cli`.

fn main() {
    let code = jianbao::cli::main_with(std::env::args_os(), Box::new(jianbao::store::SystemClock));
    std::process::exit(code);
}
