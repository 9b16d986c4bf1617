#!/usr/bin/env bash
# Runs `cargo run -p kustomer-ureq --example get_customer` (`get_customer_isahc` for isahc) as the
# README shows, against the fake Kustomer server binary, and checks output, exit codes and that the
# key is never printed.
set -uo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --locked -p kustomer-fake -p kustomer-ureq -p kustomer-isahc --bins --examples || exit 1
work=$(mktemp -d)
# The server runs until its stdin closes; the sleep holds it open, and the trap ends both.
sleep 600 | target/debug/fake_kustomer >"$work/server" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; pkill -P $$ sleep 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q KUSTOMER_API_KEY "$work/server" && break; sleep 0.1; done
# shellcheck disable=SC2046
export $(cat "$work/server")

passed=0 failed=0
check() { # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $what" >&2; fi
}
example() { # package -> its get_customer example (named apart: one target directory holds both)
  if [ "$1" = kustomer-isahc ]; then echo get_customer_isahc; else echo get_customer; fi
}
run() { # package, id -> $work/out, $work/err, $work/rc
  cargo run --quiet --locked -p "$1" --example "$(example "$1")" -- "$2" >"$work/out" 2>"$work/err"
  echo $? >"$work/rc"
}
no_key() { ! grep -q -- "$1" "$work/out" "$work/err"; }
fake_example() { # name, then its arguments: a tests-crate example on its embedded fake server
  local name=$1; shift
  env -u KUSTOMER_API_KEY -u KUSTOMER_BASE_URL cargo run --quiet --locked -p kustomer-fake --example "$name" -- "$@" >"$work/out" 2>"$work/err"
  check "$name: exit 0" test $? -eq 0
}

for pkg in kustomer-ureq kustomer-isahc; do
  run "$pkg" 58210c3db0f09110006b7953
  check "$pkg found: exit 0" grep -qx 0 "$work/rc"
  check "$pkg found: JSON with the name" grep -q '"name": "John Smith Jr."' "$work/out"
  check "$pkg found: camelCase JSON" grep -q '"displayName": "John Smith Jr."' "$work/out"
  check "$pkg found: no key printed" no_key "$KUSTOMER_API_KEY"

  run "$pkg" 000000000000000000000000
  check "$pkg missing: exit 1" grep -qx 1 "$work/rc"
  check "$pkg missing: says not found" grep -q "not found" "$work/err"
  check "$pkg missing: no panic" bash -c "! grep -q panicked '$work/err'"

  KUSTOMER_API_KEY=wrong-secret-4242 run "$pkg" 58210c3db0f09110006b7953
  check "$pkg wrong key: exit 1" grep -qx 1 "$work/rc"
  check "$pkg wrong key: says not authorized" grep -q "not authorized" "$work/err"
  check "$pkg wrong key: key not echoed" no_key wrong-secret-4242

  env -u KUSTOMER_API_KEY cargo run --quiet --locked -p "$pkg" --example "$(example "$pkg")" -- x >"$work/out" 2>"$work/err"
  check "$pkg no key: exit 1" test $? -eq 1
  check "$pkg no key: names the variable" grep -q KUSTOMER_API_KEY "$work/err"
done

# The customers-API examples, each on its embedded fake server.
fake_example crud
check "crud: conflict seen" grep -q "conflict on a stale rev" "$work/out"
check "crud: deleted" grep -q "^deleted" "$work/out"
fake_example export_search
check "export_search: 1,202 lines" test "$(wc -l <"$work/out")" -eq 1202
check "export_search: each customer once" test "$(grep -o '^{"id":"[^"]*"' "$work/out" | sort -u | wc -l)" -eq 1202

fake_example support_inbox
check "support_inbox: message posted" grep -q "^message in .*order #1059" "$work/out"
check "support_inbox: two tags" grep -q "^tags          2 tag ids" "$work/out"
check "support_inbox: found among the open" grep -q "this one among them" "$work/out"
check "support_inbox: closed" grep -q '^closed        done$' "$work/out"
check "support_inbox: walked" grep -q "^walked        1 done since 20[0-9-]*T.*, newest update 20[0-9-]*T" "$work/out"

fake_example custom_objects
check "custom_objects: klass metadata read" grep -q "^order fields  .*totalNum" "$work/out"
check "custom_objects: created an order" grep -q '^created       .* Some("order")' "$work/out"
check "custom_objects: found by external id" grep -q "^found         .* by shop-order-" "$work/out"
check "custom_objects: updated" grep -q '^updated       Some("paid")' "$work/out"
check "custom_objects: found by amount" grep -q "this one among them" "$work/out"
check "custom_objects: deleted" grep -q "^deleted       gone" "$work/out"

fake_example attach_file
check "attach_file: uploaded" grep -q "^uploaded      .* packing-slip.txt (34 bytes)" "$work/out"
check "attach_file: on the message" grep -q '^on message    Some("packing-slip.txt")' "$work/out"
check "attach_file: the storage host has it" grep -q "^storage host  received the file intact" "$work/out"
printf 'a file from disk\n' >"$work/note.txt"
fake_example attach_file "$work/note.txt"
check "attach_file path: uploaded" grep -q "^uploaded      .* note.txt (17 bytes)" "$work/out"

fake_example access_review
check "access_review: a user with role group and team" grep -q "^Grace Hopper .*grace.hopper@example.com .*Support .*support$" "$work/out"
check "access_review: every user" grep -qx "2 users" "$work/out"
check "access_review: the key's token, by its last characters" grep -q "^5d5dae1e0c0ffee000000001 .*API key .*…6789" "$work/out"
check "access_review: no token value printed" bash -c "! grep -q fake-kustomer-api-key '$work/out' '$work/err'"

# A delivery signed outside the library (openssl, when the fixture was made): verified, read,
# and refused when tampered with or unsigned, never printing the secret.
verify() { # body file, then env assignments
  local body=$1; shift
  env -u KUSTOMER_WEBHOOK_SIGNATURE "$@" cargo run --quiet --locked -p kustomer-fake --example verify_webhook <"$body" >"$work/out" 2>"$work/err"
  echo $? >"$work/rc"
}
secret=KUSTOMER_WEBHOOK_SECRET=example-webhook-token
signature=KUSTOMER_WEBHOOK_SIGNATURE=$(cat tests/fixtures/webhook_delivery.sig)
verify tests/fixtures/webhook_delivery.json "$secret" "$signature"
check "verify_webhook: exit 0" grep -qx 0 "$work/rc"
check "verify_webhook: the event line" grep -qx '{"event":"kustomer.conversation.update","id":"6630f0c2a1b2c3d4e5f6a7b1","dataType":"conversation","dataId":"58228e05d4e96711004eccb7"}' "$work/out"
{ cat tests/fixtures/webhook_delivery.json; printf ' '; } >"$work/tampered.json"
verify "$work/tampered.json" "$secret" "$signature"
check "verify_webhook tampered: exit 1" grep -qx 1 "$work/rc"
check "verify_webhook tampered: one line on stderr" test "$(wc -l <"$work/err")" -eq 1
check "verify_webhook tampered: nothing on stdout" test ! -s "$work/out"
verify tests/fixtures/webhook_delivery.json "$secret"
check "verify_webhook unsigned: exit 1" grep -qx 1 "$work/rc"
check "verify_webhook unsigned: names the header" grep -q "x-kustomer-webhook-signature" "$work/err"
verify tests/fixtures/webhook_delivery.json "$secret" KUSTOMER_WEBHOOK_SIGNATURE=xyz
check "verify_webhook malformed: exit 1" grep -qx 1 "$work/rc"
printf 'not json' >"$work/junk"
# Its signature, made with openssl as the fixture's was.
verify "$work/junk" "$secret" KUSTOMER_WEBHOOK_SIGNATURE=df36bedc9ddd455b60b0d7c01db2ac1d4f55eab8444dd82f8eea47554258df61
check "verify_webhook unreadable: exit 1" grep -qx 1 "$work/rc"
check "verify_webhook unreadable: says so" grep -q "not a readable Kustomer event" "$work/err"
check "verify_webhook: no panic" bash -c "! grep -q panicked '$work/err'"
check "verify_webhook: secret never printed" bash -c "! grep -q example-webhook-token '$work/out' '$work/err'"

echo "examples: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
