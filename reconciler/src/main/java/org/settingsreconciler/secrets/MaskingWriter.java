package org.settingsreconciler.secrets;

import java.io.IOException;
import java.io.Writer;
import java.util.function.UnaryOperator;

/**
 * A writer that masks text a line at a time before handing it on, for output too large to mask whole (an export of
 * every user to a file): a line is held until its end, so a value written in pieces is masked as one.
 */
public final class MaskingWriter extends Writer {

  private final Writer target;
  private final UnaryOperator<String> mask;
  private final StringBuilder line = new StringBuilder();

  /** @param mask what the line is written as ({@link Secrets#maskCredentials}, say) */
  public MaskingWriter(Writer target, UnaryOperator<String> mask) {
    this.target = target;
    this.mask = mask;
  }

  @Override
  public void write(char[] chars, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      line.append(chars[i]);
      if (chars[i] == '\n') {
        target.write(mask.apply(line.toString()));
        line.setLength(0);
      }
    }
  }

  /** Hands on a line not yet ended too: flush at the end only. */
  @Override
  public void flush() throws IOException {
    if (line.length() > 0) {
      target.write(mask.apply(line.toString()));
      line.setLength(0);
    }
    target.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
    target.close();
  }
}
