# The pull request comment, for action/run.sh (sourced): one comment per pull request and key, found again by the
# hidden marker its body starts with, and edited in place on every run rather than posted anew.
#
# GitHub's REST API at GITHUB_API_URL, repository GITHUB_REPOSITORY, with the token in $github_token (a shell
# variable, not exported). The token reaches curl on its standard input as a config line, never on a command line
# (which other processes on the runner could read) and never in the log.

# The pull request this run is for, from the event GitHub wrote to GITHUB_EVENT_PATH; empty for any other event
# (push, schedule, workflow_dispatch). Returns 1 when the event cannot be read (no jq, not JSON).
pull_request_number() {
  if [[ -n ${GITHUB_EVENT_PATH:-} && -f $GITHUB_EVENT_PATH ]]; then
    jq -r '.pull_request.number // empty' "$GITHUB_EVENT_PATH" 2>/dev/null
  fi
}

# github_api METHOD URL [JSON_FILE]: the answer's body lands in $api_body (a file), its HTTP status in $api_status
# (000 when there was no answer).
github_api() {
  local method=$1 url=$2 json=${3:-} token_line
  local args=(-sS -X "$method" -o "$api_body" -w '%{http_code}' --config -
    -H 'Accept: application/vnd.github+json' -H 'X-GitHub-Api-Version: 2022-11-28')
  if [[ -n $json ]]; then
    args+=(-H 'Content-Type: application/json' --data-binary "@$json")
  fi
  token_line=${github_token//\\/\\\\}
  token_line=${token_line//\"/\\\"}
  api_status=$(printf 'header = "Authorization: Bearer %s"\n' "$token_line" | curl "${args[@]}" "$url" 2>/dev/null) ||
    api_status=000
}

# Why a call failed, for a warning: the status and GitHub's message (which never holds the token).
api_failure() {
  local message
  message=$(jq -r '.message? // empty' "$api_body" 2>/dev/null || true)
  printf 'HTTP %s%s' "$api_status" "${message:+: $message}"
}

# Sets $marked_id to the id of the oldest comment whose body starts with MARKER, or to nothing; returns 1 when the
# comments could not be listed. Pages of 100, at most 30 pages.
find_marked_comment() { # URL MARKER
  local page n
  marked_id=
  for ((page = 1; page <= 30; page++)); do
    github_api GET "$1?per_page=100&page=$page"
    if [[ $api_status != 200 ]]; then
      annotate warning "could not list the pull request's comments ($(api_failure)); the report is in the job summary"
      return 1
    fi
    if ! marked_id=$(jq -r --arg m "$2" '[.[] | select((.body // "") | startswith($m))][0].id // empty' \
      "$api_body" 2>/dev/null) || ! n=$(jq 'length' "$api_body"); then
      annotate warning "the pull request's comments are not the JSON list GitHub sends; no comment"
      return 1
    fi
    if [[ -n $marked_id ]]; then
      return 0
    fi
    if ((n < 100)); then
      return 0
    fi
  done
}

# Posts BODY_FILE (Markdown starting with MARKER) on pull request PR, or edits the comment posted before. A failure
# (a fork's read-only token, no pull-requests: write) is a warning, not the step's failure: the report is in the job
# summary either way.
upsert_comment() { # PR MARKER BODY_FILE
  local api=${GITHUB_API_URL:-https://api.github.com}/repos/$GITHUB_REPOSITORY
  local json
  api_body=$(mktemp)
  json=$(mktemp)
  jq -Rs '{body: .}' <"$3" >"$json"
  if ! find_marked_comment "$api/issues/$1/comments" "$2"; then
    rm -f "$json" "$api_body"
    return 0
  fi
  if [[ -n $marked_id ]]; then
    github_api PATCH "$api/issues/comments/$marked_id" "$json"
    if [[ $api_status == 200 ]]; then
      echo "Updated comment $marked_id on pull request #$1."
    else
      annotate warning "could not update comment $marked_id on pull request #$1 ($(api_failure)); the report is in the job summary"
    fi
  else
    github_api POST "$api/issues/$1/comments" "$json"
    if [[ $api_status == 201 ]]; then
      echo "Commented on pull request #$1."
    else
      annotate warning "could not comment on pull request #$1 ($(api_failure)); the report is in the job summary"
    fi
  fi
  rm -f "$json" "$api_body"
}
