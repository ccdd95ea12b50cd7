//! `jianbao-server`: the office server. See `jianbao::server`.

fn main() {
    std::process::exit(jianbao::server::main_with(std::env::args_os()));
}
