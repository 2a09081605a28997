#!/usr/bin/env bash
# The AWS CLI (v1 or v2), unchanged, against the local stack: bucket, uploads
# (small, binary, an awkward key, SSE-KMS, SSE-C, one large enough for
# multipart), listing (also of the seeded demo bucket), head-object, downloads compared byte for byte, Object
# Lock (a legal hold, only in a bucket created with it), and a KMS round trip.
# Usage: bash emulator/test/cli-smoke.sh   (PORT=N to pick the port; default: any free one)
# Exits non-zero on the first failure.
set -euo pipefail

if ! command -v aws >/dev/null 2>&1; then
  echo "cli-smoke: the AWS CLI ('aws') is not on PATH; install it (pip install awscli, or apt-get install awscli) to run this check." >&2
  exit 1
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
stack_pid=""
cleanup() {
  # npx does not pass signals on, so the stack runs in its own process group and the whole group is stopped.
  if [ -n "$stack_pid" ]; then kill -TERM -- "-$stack_pid" 2>/dev/null || true; wait "$stack_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "cli-smoke: FAILED: $*" >&2
  exit 1
}

(cd "$root" && exec setsid npx tsx emulator/cli.ts --memory --port "${PORT:-0}") >"$work/stack.log" 2>&1 &
stack_pid=$!
endpoint=""
# Up to two minutes: a busy machine starts the stack slowly.
for _ in $(seq 1 240); do
  endpoint="$(sed -n 's/^Local AWS stack listening on \(http:[^ ]*\)$/\1/p' "$work/stack.log")"
  [ -n "$endpoint" ] && break
  kill -0 "$stack_pid" 2>/dev/null || { cat "$work/stack.log" >&2; fail "the stack did not start"; }
  sleep 0.5
done
[ -n "$endpoint" ] || { cat "$work/stack.log" >&2; fail "the stack did not report its endpoint"; }
echo "cli-smoke: stack at $endpoint"

# Only the stack's root key and region: no profile, config file or session token of the machine.
export AWS_ACCESS_KEY_ID="${LOCAL_AWS_ACCESS_KEY_ID:-AKIALOCALSTACKROOT01}"
export AWS_SECRET_ACCESS_KEY="${LOCAL_AWS_SECRET_ACCESS_KEY:-local-stack-root-secret-key-do-not-use-on-aws}"
export AWS_DEFAULT_REGION=us-east-1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER=""
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_S3 AWS_ENDPOINT_URL_KMS
awsl() { aws --endpoint-url "$endpoint" "$@"; }

bucket="cli-smoke"
src="$work/src"
mkdir -p "$src/dir/with space"
printf 'hello from the AWS CLI\n' >"$src/hello.txt"
head -c 200000 /dev/urandom >"$src/dir/random.bin"
printf 'awkward key\n' >"$src/dir/with space/ünïcode+plus.txt"
head -c $((9 * 1024 * 1024)) /dev/urandom >"$src/large.bin" # over the CLI's 8 MiB multipart threshold

awsl s3 mb "s3://$bucket" >/dev/null || fail "s3 mb"
awsl s3 cp "$src/hello.txt" "s3://$bucket/hello.txt" --only-show-errors || fail "s3 cp upload"
awsl s3 cp "$src/dir" "s3://$bucket/dir" --recursive --only-show-errors || fail "s3 cp --recursive upload"
awsl s3 cp "$src/hello.txt" "s3://$bucket/kms.txt" --sse aws:kms --only-show-errors || fail "s3 cp --sse aws:kms"
awsl s3 cp "$src/large.bin" "s3://$bucket/large.bin" --only-show-errors || fail "s3 cp multipart upload"
# New buckets block SSE-C (and CLIs older than 2026 cannot unblock it), so SSE-C goes to a seeded bucket that allows it.
head -c 32 /dev/urandom >"$work/customer.key"
ssec_bucket="mixed-encryption"
awsl s3 cp "$src/dir/random.bin" "s3://$ssec_bucket/cli-smoke/sse-c.bin" --sse-c AES256 --sse-c-key "fileb://$work/customer.key" --only-show-errors ||
  fail "s3 cp --sse-c upload"
# An SSE-C multipart upload completed without the key, as S3 allows (older CLIs and boto3 send none on Complete).
ssec_mpu="cli-smoke/sse-c-multipart.bin"
ssec_args=(--sse-customer-algorithm AES256 --sse-customer-key "fileb://$work/customer.key")
upload_id="$(awsl s3api create-multipart-upload --bucket "$ssec_bucket" --key "$ssec_mpu" "${ssec_args[@]}" --query UploadId --output text)" ||
  fail "s3api create-multipart-upload (sse-c)"
part_etag="$(awsl s3api upload-part --bucket "$ssec_bucket" --key "$ssec_mpu" --upload-id "$upload_id" --part-number 1 \
  --body "$src/dir/random.bin" "${ssec_args[@]}" --query ETag --output text)" || fail "s3api upload-part (sse-c)"
awsl s3api complete-multipart-upload --bucket "$ssec_bucket" --key "$ssec_mpu" --upload-id "$upload_id" \
  --multipart-upload "{\"Parts\":[{\"PartNumber\":1,\"ETag\":$(printf '%s' "$part_etag" | node -e 'process.stdout.write(JSON.stringify(require("fs").readFileSync(0,"utf8")))')}]}" >/dev/null ||
  fail "s3api complete-multipart-upload of an SSE-C upload without the key"

listing="$(awsl s3 ls "s3://$bucket" --recursive)" || fail "s3 ls --recursive"
for key in hello.txt kms.txt large.bin dir/random.bin "dir/with space/ünïcode+plus.txt"; do
  grep -qF " $key" <<<"$listing" || fail "s3 ls --recursive does not list '$key':
$listing"
done

head_sse="$(awsl s3api head-object --bucket "$bucket" --key dir/random.bin --query '[ContentLength,ServerSideEncryption]' --output text)" ||
  fail "s3api head-object"
[ "$head_sse" = "$(printf '200000\tAES256')" ] || fail "head-object of dir/random.bin says '$head_sse'"
kms_sse="$(awsl s3api head-object --bucket "$bucket" --key kms.txt --query ServerSideEncryption --output text)" || fail "s3api head-object (kms)"
[ "$kms_sse" = "aws:kms" ] || fail "head-object of kms.txt says '$kms_sse'"
if awsl s3api head-object --bucket "$ssec_bucket" --key cli-smoke/sse-c.bin >/dev/null 2>&1; then fail "head-object of an SSE-C object without its key succeeded"; fi
ssec_md5="$(awsl s3api head-object --bucket "$ssec_bucket" --key cli-smoke/sse-c.bin --sse-customer-algorithm AES256 \
  --sse-customer-key "fileb://$work/customer.key" --query SSECustomerKeyMD5 --output text)" || fail "s3api head-object (sse-c)"
key_md5="$(node -e 'process.stdout.write(require("crypto").createHash("md5").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$work/customer.key")"
[ "$ssec_md5" = "$key_md5" ] || fail "head-object of sse-c.bin reports key MD5 '$ssec_md5'"

mkdir -p "$work/out"
awsl s3 cp "s3://$bucket/hello.txt" "$work/out/hello.txt" --only-show-errors || fail "s3 cp download"
awsl s3 cp "s3://$bucket/kms.txt" "$work/out/kms.txt" --only-show-errors || fail "s3 cp download (kms)"
awsl s3 cp "s3://$bucket/large.bin" "$work/out/large.bin" --only-show-errors || fail "s3 cp download (large)"
awsl s3 cp "s3://$bucket/dir" "$work/out/dir" --recursive --only-show-errors || fail "s3 cp --recursive download"
awsl s3 cp "s3://$ssec_bucket/cli-smoke/sse-c.bin" "$work/out/sse-c.bin" --sse-c AES256 --sse-c-key "fileb://$work/customer.key" --only-show-errors ||
  fail "s3 cp --sse-c download"
cmp "$src/hello.txt" "$work/out/hello.txt" || fail "hello.txt came back different"
cmp "$src/hello.txt" "$work/out/kms.txt" || fail "kms.txt came back different"
cmp "$src/large.bin" "$work/out/large.bin" || fail "large.bin came back different"
diff -r "$src/dir" "$work/out/dir" || fail "the dir/ prefix came back different"
cmp "$src/dir/random.bin" "$work/out/sse-c.bin" || fail "sse-c.bin came back different"
awsl s3 cp "s3://$ssec_bucket/$ssec_mpu" "$work/out/sse-c-multipart.bin" --sse-c AES256 --sse-c-key "fileb://$work/customer.key" --only-show-errors ||
  fail "s3 cp --sse-c download (multipart)"
cmp "$src/dir/random.bin" "$work/out/sse-c-multipart.bin" || fail "sse-c-multipart.bin came back different"

demo_count="$(cd "$root" && npx tsx -e 'import { DEMO_SUMMARY } from "./emulator/seed/demo-constants.ts"; process.stdout.write(String(DEMO_SUMMARY.buckets["legacy-archive"].objects))')" ||
  fail "reading the demo summary"
legacy_count="$(awsl s3 ls s3://legacy-archive --recursive | wc -l)" || fail "s3 ls --recursive of the demo bucket"
[ "$legacy_count" = "$demo_count" ] || fail "s3 ls --recursive lists $legacy_count objects in legacy-archive; the seed made $demo_count"

# Object Lock: only a bucket created with it (and so versioned) takes a legal hold.
awsl s3api create-bucket --bucket cli-smoke-locked --object-lock-enabled-for-bucket >/dev/null || fail "s3api create-bucket --object-lock-enabled-for-bucket"
locked_versioning="$(awsl s3api get-bucket-versioning --bucket cli-smoke-locked --query Status --output text)" || fail "s3api get-bucket-versioning"
[ "$locked_versioning" = "Enabled" ] || fail "a bucket created with Object Lock reports versioning '$locked_versioning'"
awsl s3api put-object --bucket cli-smoke-locked --key held.txt --body "$src/hello.txt" --object-lock-legal-hold-status ON >/dev/null ||
  fail "s3api put-object --object-lock-legal-hold-status"
legal_hold="$(awsl s3api head-object --bucket cli-smoke-locked --key held.txt --query ObjectLockLegalHoldStatus --output text)" || fail "s3api head-object (held)"
[ "$legal_hold" = "ON" ] || fail "head-object of held.txt reports legal hold '$legal_hold'"
if refused="$(awsl s3api put-object --bucket "$bucket" --key held.txt --body "$src/hello.txt" --object-lock-legal-hold-status ON 2>&1)"; then
  fail "a legal hold was accepted in a bucket without Object Lock"
fi
grep -qF 'InvalidRequest' <<<"$refused" || fail "a legal hold in a bucket without Object Lock was refused with: $refused"

key_id="$(awsl kms create-key --description cli-smoke --query KeyMetadata.KeyId --output text)" || fail "kms create-key"
awsl kms encrypt --key-id "$key_id" --plaintext "fileb://$src/hello.txt" --encryption-context purpose=smoke \
  --query CiphertextBlob --output text | base64 -d >"$work/blob" || fail "kms encrypt"
awsl kms decrypt --ciphertext-blob "fileb://$work/blob" --encryption-context purpose=smoke \
  --query Plaintext --output text | base64 -d >"$work/out/decrypted.txt" || fail "kms decrypt"
cmp "$src/hello.txt" "$work/out/decrypted.txt" || fail "kms decrypt returned other bytes"

echo "cli-smoke: 1 passed, 0 failed"
