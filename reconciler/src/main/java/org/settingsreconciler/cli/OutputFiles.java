package org.settingsreconciler.cli;

import org.settingsreconciler.run.UserError;
import java.io.IOException;
import java.io.OutputStreamWriter;
import org.settingsreconciler.export.ExportedYaml;
import org.settingsreconciler.secrets.MaskingWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.settingsreconciler.files.AtomicFiles;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every file the CLI writes goes through here: first through the run's one redaction point ({@link CliContext#secrets}),
 * then through the one writer ({@link AtomicFiles}: owner-only, atomic, never over a device, pipe or link).
 */
final class OutputFiles {

  private OutputFiles() {}

  /**
   * A report ({@code check --report}, {@code apply --report}): masked like everything printed, since pipelines publish
   * reports (a job summary, a pull-request comment) and nothing reads their values back.
   *
   * @param what what is written, for the error message
   */
  static void writeReport(CliContext ctx, Path file, String content, String what) {
    write(file, ctx.secrets().mask(content), what);
  }

  /**
   * A file that must hold the settings' real values ({@code plan --out}, which apply sends as it is; exported YAML):
   * the run's credentials are masked, secret-looking values of variables are kept.
   */
  static void writeWithValues(CliContext ctx, Path file, String content, String what) {
    write(file, ctx.secrets().maskCredentials(content), what);
  }

  /**
   * As {@link #writeWithValues}, for YAML too large to hold whole (an export of every user): copied into the
   * atomic writer's temporary file a line at a time, each line masked on its way.
   */
  static void writeWithValues(CliContext ctx, Path file, ExportedYaml yaml, String what) {
    try {
      AtomicFiles.writeOwnerOnly(file, out -> yaml.writeTo(new MaskingWriter(
          new OutputStreamWriter(out, StandardCharsets.UTF_8), ctx.secrets()::maskCredentials)));
    } catch (IOException e) {
      throw new UserError("cannot write " + what + " to " + file + ": " + reason(e));
    }
  }

  private static void write(Path file, String content, String what) {
    try {
      AtomicFiles.writeOwnerOnly(file, content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UserError("cannot write " + what + " to " + file + ": " + reason(e));
    }
  }

  /** An output path, refused when the command line is read if it names a device, pipe, directory or link. */
  static Path checked(String value) {
    Path path;
    try {
      path = Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw new TypeConversionException("not a file name: " + value);
    }
    try {
      AtomicFiles.checkReplaceable(path);
    } catch (IOException e) {
      throw new TypeConversionException(value + ": " + reason(e));
    }
    return path;
  }

  /**
   * Refuses an output that is a file the run reads ({@code plan settings/ --out settings/people.yaml}, a report over a
   * var file or the sandbox state): the run would replace its own input. Checked before anything is read or sent;
   * the same file named another way (a link, {@code ..}) is the same file.
   */
  static void refuseInputs(String option, Path out, List<Path> inputs) {
    if (out == null) {
      return;
    }
    for (Path input : inputs) {
      if (input != null && same(out, input)) {
        String named = input.equals(out) ? "" : " (" + input + ")";
        throw new UserError(option + " " + out + " is a file this run reads" + named + "; name another file, so it "
            + "is not overwritten");
      }
    }
  }

  private static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // compared by name below
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /**
   * What went wrong, without the path: a file system's message is the path (perhaps of the temporary file written
   * first) and the reason, or the path alone.
   */
  static String reason(IOException e) {
    if (e instanceof FileSystemException f) {
      if (f.getReason() != null) {
        return f.getReason();
      }
      if (e instanceof NoSuchFileException) {
        return "no such file or directory";
      }
      if (e instanceof AccessDeniedException) {
        return "permission denied";
      }
      return e.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ")
          .toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage();
  }

  /** For options naming a file the command writes ({@code plan --out}, {@code export --out}). */
  static final class PathConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      return checked(value);
    }
  }
}
