package org.settingsreconciler.vars;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream that masks the run's {@link Secrets} before anything reaches the real one. It works line by line: a
 * line is held until its end (or an explicit flush, for prompts), so a secret written in pieces is still masked.
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
          complete.append(secrets.mask(line.toString(StandardCharsets.UTF_8)));
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

    private void emit() {
      if (line.size() > 0) {
        target.print(secrets.mask(line.toString(StandardCharsets.UTF_8)));
        line.reset();
      }
    }
  }
}
