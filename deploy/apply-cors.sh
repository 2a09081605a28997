#!/usr/bin/env bash
# Puts the console's CORS rule (deploy/bucket-cors.json, for the console's origin) on existing buckets.
# CloudFormation cannot do this: it sets CORS only on buckets it creates itself (AWS::S3::Bucket).
#
# Usage: deploy/apply-cors.sh [--replace] [--expose x-amz-meta-NAME]... ORIGIN BUCKET...
#   ORIGIN     where the console is served: https://HOST[:PORT] (http://localhost[:PORT] for a try-out)
#   --replace  also on buckets whose CORS configuration has rules of their own (PutBucketCors replaces
#              the whole configuration, so those rules would be lost: merge them by hand instead, the
#              console's rule first, as S3 answers with the first rule that matches)
#   --expose   a user metadata header the console should show; CORS has no wildcard for them, so each
#              one a browser may read is named
# Uses the AWS CLI with its usual credentials, region and endpoint settings (AWS_PROFILE, AWS_REGION,
# AWS_ENDPOINT_URL, ...). Exits non-zero if any bucket was left unchanged.
set -euo pipefail

usage() {
  sed -n '5,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

replace=false
metadata_headers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --replace) replace=true && shift ;;
    --expose)
      [[ "${2:-}" =~ ^x-amz-meta-[A-Za-z0-9_-]+$ ]] || {
        echo "apply-cors: --expose takes a user metadata header, x-amz-meta-NAME" >&2
        exit 2
      }
      metadata_headers+=("$2") && shift 2
      ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || usage
origin="$1"
shift
# The same constraint as the template's ConsoleOrigin parameter.
[[ "$origin" =~ ^(https://[a-z0-9.-]+|http://localhost)(:[0-9]{1,5})?$ ]] || {
  echo "apply-cors: '$origin' is not an origin such as https://console.example.com (no path, no trailing slash)" >&2
  exit 2
}
command -v aws >/dev/null 2>&1 || {
  echo "apply-cors: the AWS CLI ('aws') is not on PATH" >&2
  exit 1
}

rules="$(dirname "${BASH_SOURCE[0]}")/bucket-cors.json"
configuration="$(sed "s|\${ConsoleOrigin}|$origin|g" "$rules")"
for header in ${metadata_headers[@]+"${metadata_headers[@]}"}; do
  configuration="$(sed "s|\"ExposeHeaders\": \[|& \"$header\",|" <<<"$configuration")"
done
rule_id="$(sed -n 's/^ *"ID": "\(.*\)",$/\1/p' "$rules")"

failed=0
for bucket in "$@"; do
  if ! $replace; then
    # Rules other than the console's own: an earlier run of this script may be redone safely.
    if others="$(aws s3api get-bucket-cors --bucket "$bucket" --query "length(CORSRules[?ID!='$rule_id'])" --output text 2>&1)"; then
      if [ "$others" != "0" ]; then
        echo "apply-cors: $bucket: left unchanged, its CORS configuration has $others rule(s) of its own (see --replace)" >&2
        failed=1
        continue
      fi
    elif ! grep -q NoSuchCORSConfiguration <<<"$others"; then
      echo "apply-cors: $bucket: cannot read its CORS configuration: $others" >&2
      failed=1
      continue
    fi
  fi
  if aws s3api put-bucket-cors --bucket "$bucket" --cors-configuration "$configuration"; then
    echo "apply-cors: $bucket: the console at $origin may call it"
  else
    failed=1
  fi
done
exit "$failed"
