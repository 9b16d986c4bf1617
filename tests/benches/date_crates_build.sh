#!/bin/sh
# The release build time of each date-time crate the client could use, alone, with the features
# a client needs, in turns and twice (the README's "Why jiff"). Needs the crates.io index.
# Usage: tests/benches/date_crates_build.sh
set -eu
root=$(git rev-parse --show-toplevel)
work=$root/target/date_crates
mkdir -p "$work"
probe() { # name, dependency line
    mkdir -p "$work/$1/src"
    printf 'fn main() {}\n' >"$work/$1/src/main.rs"
    printf '[package]\nname = "probe-%s"\nversion = "0.0.0"\nedition = "2024"\n\n[workspace]\n\n[dependencies]\n%s\n' \
        "$1" "$2" >"$work/$1/Cargo.toml"
    (cd "$work/$1" && cargo fetch -q)
}
probe jiff 'jiff = { version = "1.0.3", default-features = false, features = ["std"] }'
probe time 'time = { version = "0.3", default-features = false, features = ["std", "parsing", "formatting"] }'
probe chrono 'chrono = { version = "0.4", default-features = false, features = ["std"] }'
for round in 1 2; do
    for crate in jiff time chrono; do
        cd "$work/$crate"
        cargo clean -q
        start=$(date +%s%N)
        cargo build -q --release
        end=$(date +%s%N)
        # The crates it builds, the probe itself left out.
        crates=$(cargo tree -q -e normal --prefix none | sort -u | grep -vc '^probe-')
        echo "round $round: $crate $(((end - start) / 1000000)) ms, $crates crates"
    done
done
