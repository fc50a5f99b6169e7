package org.settingsreconciler.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Masking works line by line, however the text arrives: a character at a time, in pieces, or many lines at once. */
class MaskingPrintStreamTest {

  private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
  private final Secrets secrets = new Secrets();
  private final MaskingPrintStream out =
      new MaskingPrintStream(new PrintStream(sink, true, StandardCharsets.UTF_8), secrets);

  private String written() {
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void manyLinesWrittenAtOnceAreEachMasked() {
    secrets.addValue("hunter2hunter2");
    byte[] text = "a: hunter2hunter2\nb: ok\nc: hunter2hunter2 again\n".getBytes(StandardCharsets.UTF_8);
    out.write(text, 0, text.length);
    assertThat(written()).isEqualTo("a: ***\nb: ok\nc: *** again\n");
  }

  @Test
  void aSecretWrittenInPiecesIsMaskedWhenItsLineEnds() {
    secrets.addValue("hunter2hunter2");
    out.print("token hunter2");
    out.print("hunter2 and");
    assertThat(written()).doesNotContain("hunter2");
    out.println(" more");
    assertThat(written()).isEqualTo("token *** and more\n");
  }

  @Test
  void aPartLineIsHeldUntilFlushedThenMasked() {
    secrets.addValue("hunter2hunter2");
    out.print("done\nprompt hunter2hunter2: ");
    assertThat(written()).isEqualTo("done\n");
    out.flush();
    assertThat(written()).isEqualTo("done\nprompt ***: ");
  }

  @Test
  void multiByteCharactersSplitAcrossWritesStayIntact() {
    byte[] text = "café ☕\n".getBytes(StandardCharsets.UTF_8);
    out.write(text, 0, 4); // ends inside the two bytes of é
    out.write(text, 4, text.length - 4);
    assertThat(written()).isEqualTo("café ☕\n");
  }
}
