#!/usr/bin/env bash
# The logic of the GitHub Action settings-reconciler (action.yml at the repository root calls this script, and
# GitHubActionTest runs it the same way): runs `plan` or `check` from a release bundle, publishes the Markdown report
# to the job summary and, on a pull request, as one comment kept up to date, sets the step's outputs, and decides
# whether the step fails.
#
# Inputs arrive as environment variables (action.yml maps each input to one; never spliced into the script's text,
# so no input can inject shell): INPUT_COMMAND, INPUT_PATHS, INPUT_BUNDLE, INPUT_BUNDLE_SHA256,
# INPUT_RELEASE_REPOSITORY, INPUT_ARGS, INPUT_FAIL_ON_CHANGES, INPUT_COMMENT, INPUT_COMMENT_KEY, INPUT_GITHUB_TOKEN.
# GitHub's own: GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL,
# GITHUB_SERVER_URL, GITHUB_RUN_ID, RUNNER_TEMP. Needs bash, curl, jq and tar (GitHub's runners have them).
#
# Exit code: the tool's when the step fails (1 error; 2 changes or drift with fail-on-changes), else 0.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ACTION_ROOT=$(cd "$here/.." && pwd)
. "$here/workflow.sh"
. "$here/bundle.sh"
. "$here/comment.sh"

# The token stays in this shell: not exported, so neither the tool nor any other child sees it.
github_token=${INPUT_GITHUB_TOKEN:-}
unset INPUT_GITHUB_TOKEN

# An error of the action itself (its inputs, the bundle): no report, the step fails with 1.
action_error() {
  annotate error "$1"
  set_output exit-code 1
  exit 1
}

boolean_input() { # NAME VALUE DEFAULT
  local value
  value=$(printf '%s' "${2:-$3}" | tr '[:upper:]' '[:lower:]')
  case $value in
    true | false) printf '%s' "$value" ;;
    *) return 1 ;;
  esac
}

command=${INPUT_COMMAND:-plan}
case $command in
  plan | check) ;;
  *) action_error "the input command must be plan or check, not '$command'" ;;
esac
fail_on_changes=$(boolean_input fail-on-changes "${INPUT_FAIL_ON_CHANGES:-}" false) ||
  action_error "the input fail-on-changes must be true or false"
comment=$(boolean_input comment "${INPUT_COMMENT:-}" true) || action_error "the input comment must be true or false"

split_words words "${INPUT_PATHS:-}" || action_error "the input paths has an unbalanced quote"
if [[ ${#words[@]} -eq 0 ]]; then
  action_error "the input paths is required: the YAML files or directories to $command"
fi
# A word with a wildcard is expanded as the shell would (settings/tenants/*); one that matches nothing stays as
# written, and the tool then says it is not there.
paths=()
for word in "${words[@]}"; do
  if [[ $word == *[*?[]* ]]; then
    IFS= # a match with a blank in its name stays one word
    matches=($word)
    unset IFS
    paths+=("${matches[@]}")
  else
    paths+=("$word")
  fi
done

split_words extra "${INPUT_ARGS:-}" || action_error "the input args has an unbalanced quote"
tool_args=(--format markdown)
if [[ $command == plan ]]; then
  tool_args+=(--detailed-exitcode) # the action reports changes (2) apart from no changes (0)
fi
for arg in ${extra[@]+"${extra[@]}"}; do
  case $arg in
    --format | --format=*) action_error "args: the action sets --format (markdown); leave it out" ;;
    --detailed-exitcode) continue ;; # given already
  esac
  tool_args+=("$arg")
done

temp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
resolve_bundle "${INPUT_BUNDLE:-}" "$temp/settings-reconciler-bundles" || action_error "no bundle to run"

# Outputs of this step, in a directory of their own: two uses of the action in one job never share a file.
work=$(mktemp -d "$temp/settings-reconciler.XXXXXX")
markdown=$work/$command.md
messages=$work/$command.err
report=$work/report.md

echo "Running: reconciler $command$(printf ' %q' "${tool_args[@]}" -- "${paths[@]}")"
set +e
"$launcher" "$command" "${tool_args[@]}" -- "${paths[@]}" >"$markdown" 2>"$messages" </dev/null
code=$?
set -e
print_verbatim "$messages"

case $code in
  0) changes=false ;;
  2) changes=true ;;
  *) changes= ;; # the run failed: whether anything differs is not known
esac

# The report: the tool's Markdown and, when the run failed, why (the end of what it printed on stderr, fenced so
# that nothing in it renders: a fence longer than any run of backticks in it).
{
  if [[ -s $markdown ]]; then
    cat "$markdown"
  else
    printf '## settings-reconciler %s\n' "$command"
  fi
  if [[ -z $changes ]]; then
    excerpt=$(tail -n 60 "$messages" | tail -c 4000)
    longest=$(printf '%s\n' "$excerpt" |
      awk '{ while (match($0, /`+/)) { if (RLENGTH > m) m = RLENGTH; $0 = substr($0, RSTART + RLENGTH) } } END { print m + 0 }')
    fence='```'
    while ((${#fence} <= longest)); do fence="$fence\`"; done
    printf '\n❌ **%s failed (exit code %s).** It said:\n\n%stext\n%s\n%s\n' "$command" "$code" "$fence" "$excerpt" "$fence"
  fi
} >"$report"

echo "::group::settings-reconciler $command (Markdown: the job summary and the pull request comment)"
print_verbatim "$report"
echo "::endgroup::"

if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
  cat "$report" >>"$GITHUB_STEP_SUMMARY"
fi

set_output exit-code "$code"
set_output changes "$changes"
set_output markdown-file "$report"

if [[ $comment == true ]]; then
  if ! pr=$(pull_request_number); then
    annotate warning "could not read the event (GITHUB_EVENT_PATH) with jq: no pull request comment"
    pr=
  fi
  if [[ -n $pr ]]; then
    if ! command -v curl >/dev/null 2>&1; then
      annotate warning "curl not found: the report is in the job summary, not on the pull request"
    elif [[ -z $github_token ]]; then
      annotate warning "no github-token: the report is in the job summary, not on the pull request"
    else
      # The key tells this action's comment apart from another use of it on the same pull request (check beside
      # plan, one per tenant); it is reduced to characters that cannot end the HTML comment.
      key=${INPUT_COMMENT_KEY:-$command ${INPUT_PATHS:-}}
      key=$(printf '%s' "$key" | tr -s '[:space:]' ' ' | sed 's/^ //; s/ $//; s|[^A-Za-z0-9 ._/*:@=-]|_|g; s/--*/-/g')
      marker="<!-- settings-reconciler: $key -->"
      body=$work/comment.md
      {
        printf '%s\n\n' "$marker"
        cat "$report"
        if [[ -n ${GITHUB_RUN_ID:-} ]]; then
          printf '\n<sub>Updated by [run %s](%s/%s/actions/runs/%s).</sub>\n' "$GITHUB_RUN_ID" \
            "${GITHUB_SERVER_URL:-https://github.com}" "$GITHUB_REPOSITORY" "$GITHUB_RUN_ID"
        fi
      } >"$body"
      upsert_comment "$pr" "$marker" "$body"
    fi
  fi
fi

case $code in
  0) exit 0 ;;
  2)
    if [[ $fail_on_changes == true ]]; then
      [[ $command == plan ]] && what="changes pending" || what="drift found"
      annotate error "$what (exit code 2), and fail-on-changes is true"
      exit 2
    fi
    exit 0
    ;;
  *)
    annotate error "$command failed (exit code $code): see the job summary"
    exit "$code"
    ;;
esac
