package org.settingsreconciler.secrets;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream that masks the run's {@link Secrets} before anything reaches the real one. It works line by line: a
 * line is held until its end (or an explicit flush, for prompts), so a secret written in pieces is still masked.
 * Control characters other than tab and line ends are shown as {@code ?}: text from Graph (an error message, a
 * tenant's name) could otherwise drive the terminal (ESC and C1 sequences set its title or clipboard, erase or
 * rewrite what was printed). The tool itself prints none.
 */
public final class MaskingPrintStream extends PrintStream {

  private final Secrets secrets;

  public MaskingPrintStream(PrintStream target, Secrets secrets) {
    // No autoflush: PrintStream would flush after every print, handing on half lines (and half secrets) unmasked.
    // Whole lines go on as they end, and the target flushes those itself.
    super(new LineMasker(target, secrets), false, StandardCharsets.UTF_8);
    this.secrets = secrets;
  }

  public Secrets secrets() {
    return secrets;
  }

  private static final class LineMasker extends OutputStream {
    private final PrintStream target;
    private final Secrets secrets;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineMasker(PrintStream target, Secrets secrets) {
      this.target = target;
      this.secrets = secrets;
    }

    @Override
    public synchronized void write(int b) {
      line.write(b);
      if (b == '\n') {
        emit();
      }
    }

    /**
     * Masks each line the bytes complete on its own, as {@link #write(int)} would, but hands them on in one print:
     * a plan thousands of lines long reaches the terminal in a few writes rather than one per line.
     */
    @Override
    public synchronized void write(byte[] b, int off, int len) {
      StringBuilder complete = null;
      int start = off;
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          line.write(b, start, i + 1 - start);
          complete = complete == null ? new StringBuilder() : complete;
          complete.append(shown(line.toString(StandardCharsets.UTF_8)));
          line.reset();
          start = i + 1;
        }
      }
      line.write(b, start, off + len - start);
      if (complete != null) {
        target.print(complete);
      }
    }

    @Override
    public synchronized void flush() {
      emit();
      target.flush();
    }

    private String shown(String line) {
      return withoutControls(secrets.mask(line));
    }

    private void emit() {
      if (line.size() > 0) {
        target.print(shown(line.toString(StandardCharsets.UTF_8)));
        line.reset();
      }
    }
  }

  /** The text with every control character but tab, line feed and a carriage return ending a line made {@code ?}. */
  static String withoutControls(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineEnd = c == '\n' || c == '\t' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
      if ((c < 0x20 || (c >= 0x7f && c <= 0x9f)) && !lineEnd) {
        if (b == null) {
          b = new StringBuilder(text.length()).append(text, 0, i);
        }
        b.append('?');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? text : b.toString();
  }
}
