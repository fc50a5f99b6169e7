package org.settingsreconciler.cli;

/** How plan and check print their result on stdout. */
enum OutputFormat {
  text,
  json,
  /** For pull-request comments and CI job summaries; see PlanMarkdownRenderer. */
  markdown
}
