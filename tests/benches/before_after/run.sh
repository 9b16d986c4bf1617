#!/bin/sh
# Times the customer and conversation parse of an older commit against the working tree,
# interleaved in one criterion run, so that a change's cost is a ratio measured on one machine
# at one time (BENCHMARKS.md). Usage: tests/benches/before_after/run.sh <commit>
set -eu
base=${1:?usage: run.sh <commit to compare with>}
root=$(git rev-parse --show-toplevel)
here=$root/tests/benches/before_after
work=$root/target/before_after
rm -rf "$work"
mkdir -p "$work/before" "$work/harness"
# The older tree, as a crate of another version so that both can be linked into one binary.
git -C "$root" archive "$base" | tar -x -C "$work/before"
sed -i 's/^version = "0.1.0"$/version = "0.0.0-before"/' "$work/before/Cargo.toml"
sed -i 's/^kustomer = { path = "core", version = "0.1.0" }$/kustomer = { path = "core", version = "0.0.0-before" }/' "$work/before/Cargo.toml"
# The harness sits beside the older tree, not above it: a workspace takes in the path
# dependencies below it.
cat >"$work/harness/Cargo.toml" <<TOML
[package]
name = "parse-before-after"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
before = { package = "kustomer", path = "../before/core" }
kustomer = { path = "$root/core" }
kustomer-fake = { path = "$root/tests", default-features = false }
http = "1"
serde_json = "1"
criterion = { version = "0.8", default-features = false, features = ["cargo_bench_support"] }

[[bench]]
name = "parse_before_after"
path = "$here/parse_before_after.rs"
harness = false

[profile.bench]
debug = 1
TOML
cp "$root/Cargo.lock" "$work/harness/Cargo.lock"
cd "$work/harness"
CARGO_TARGET_DIR="$root/target" cargo bench --bench parse_before_after
