package org.settingsreconciler.cli;

/** How plan and check print their result on stdout. */
enum OutputFormat {
  text,
  json
}
