package org.settingsreconciler.cli;

import picocli.CommandLine.Command;

@Command(
    name = "reconciler",
    mixinStandardHelpOptions = true,
    version = "settings-reconciler 0.1.0",
    description = "Manage Microsoft 365 Copilot and People settings as code.",
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      CheckCommand.class,
      ExportCommand.class,
      SandboxCommand.class,
      PermissionsCommand.class,
      LoginCommand.class,
      LogoutCommand.class
    },
    footer = {"", "Exit codes: 0 success / in sync, 1 error, 2 changes (plan --detailed-exitcode) or drift (check)."})
final class ReconcilerCommand {}
