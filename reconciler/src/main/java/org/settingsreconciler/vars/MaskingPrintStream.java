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
    super(new LineMasker(target, secrets), true, StandardCharsets.UTF_8);
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

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        write(b[off + i]);
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
