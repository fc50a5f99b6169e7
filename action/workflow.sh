# Workflow commands for action/run.sh (sourced): annotations, outputs, and printing text that is not ours.
# Bash, as every script of the action (a composite action's `shell: bash`; macOS runners have bash 3.2, so no
# bash 4 features).

# Annotation messages are data: %, CR and LF are escaped as the runner expects, so a message cannot end the command.
workflow_escape() {
  local s=$1
  s=${s//'%'/%25}
  s=${s//$'\r'/%0D}
  s=${s//$'\n'/%0A}
  printf '%s' "$s"
}

annotate() { # LEVEL MESSAGE: error, warning or notice
  printf '::%s title=settings-reconciler::%s\n' "$1" "$(workflow_escape "$2")"
}

# Sets a step output (GITHUB_OUTPUT; nowhere when run outside Actions). Values here are single lines.
set_output() {
  if [[ -n ${GITHUB_OUTPUT:-} ]]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

# Prints a file to the log with workflow commands off: the tool's output holds tenant data, and a line of it that
# starts with :: must not be taken for a command (::add-mask::, ::stop-commands:: ...). The resume token is random,
# so the text cannot guess it.
print_verbatim() {
  local resume
  [[ -s $1 ]] || return 0
  resume=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '::stop-commands::%s\n' "$resume"
  cat "$1"
  [[ -z $(tail -c 1 "$1") ]] || echo # end an unfinished last line, or the command after it is not read
  printf '::%s::\n' "$resume"
}

# Splits an input into words as a shell would (blanks and newlines separate, '...' and "..." quote, \ escapes),
# without running anything in it: xargs parses, printf prints each word NUL-terminated. The words land in the array
# named by $1. An unbalanced quote is an error (returns 1).
split_words() {
  local __name=$1 __text=$2 __word __list
  eval "$__name=()"
  if [[ $__text =~ ^[[:space:]]*$ ]]; then
    return 0
  fi
  __list=$(mktemp)
  if ! printf '%s\n' "$__text" | xargs printf '%s\0' >"$__list" 2>/dev/null; then
    rm -f "$__list"
    return 1
  fi
  while IFS= read -r -d '' __word; do
    eval "$__name+=(\"\$__word\")"
  done <"$__list"
  rm -f "$__list"
}
