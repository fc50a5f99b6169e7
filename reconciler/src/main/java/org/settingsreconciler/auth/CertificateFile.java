package org.settingsreconciler.auth;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.settingsreconciler.files.UnusableFileException;
import org.settingsreconciler.files.UserFile;
import org.settingsreconciler.graph.CredentialException;

/**
 * Reads the certificate file AZURE_CLIENT_CERTIFICATE_PATH names: PKCS#12 (.pfx/.p12, with its password), or PEM
 * holding the certificate and an unencrypted private key (PKCS#8 {@code PRIVATE KEY} or PKCS#1
 * {@code RSA PRIVATE KEY}), as Azure Identity accepts. Errors name the file, never the password.
 */
final class CertificateFile {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private CertificateFile() {}

  static IClientCertificate load(Path path, String password) throws CredentialException {
    byte[] bytes;
    try {
      bytes = UserFile.read(path, UserFile.Kind.CERTIFICATE);
    } catch (UnusableFileException e) {
      throw new CredentialException("cannot read the certificate file " + path + " (AZURE_CLIENT_CERTIFICATE_PATH): "
          + e.getMessage());
    } catch (IOException e) {
      throw new CredentialException("cannot read the certificate file " + path + " (AZURE_CLIENT_CERTIFICATE_PATH): "
          + e.getClass().getSimpleName());
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (text.contains("-----BEGIN ")) {
      return fromPem(path, text);
    }
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      return ClientCredentialFactory.createFromCertificate(in, password == null ? "" : password);
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new CredentialException(
          "cannot load the PKCS#12 certificate " + path + ": wrong AZURE_CLIENT_CERTIFICATE_PASSWORD, or not a "
              + "certificate with its private key (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static IClientCertificate fromPem(Path path, String text) throws CredentialException {
    List<X509Certificate> chain = new ArrayList<>();
    PrivateKey key = null;
    Matcher m = PEM.matcher(text);
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      while (m.find()) {
        String type = m.group(1);
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        switch (type) {
          case "CERTIFICATE" -> chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
          case "PRIVATE KEY" -> key = pkcs8(der);
          case "RSA PRIVATE KEY" -> key = KeyFactory.getInstance("RSA").generatePrivate(
              new PKCS8EncodedKeySpec(wrapPkcs1(der)));
          case "ENCRYPTED PRIVATE KEY" -> throw new CredentialException(
              "the private key in " + path + " is encrypted: use a PKCS#12 (.pfx) file with "
                  + "AZURE_CLIENT_CERTIFICATE_PASSWORD, or a PEM file with an unencrypted key");
          default -> { /* parameters and other blocks are not needed */ }
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CredentialException("cannot read the PEM certificate " + path + ": " + e.getClass().getSimpleName());
    }
    if (chain.isEmpty() || key == null) {
      throw new CredentialException(
          "the PEM file " + path + " must hold both the certificate and its private key (found "
              + (chain.isEmpty() ? "no certificate" : "no private key") + ")");
    }
    return chain.size() == 1
        ? ClientCredentialFactory.createFromCertificate(key, chain.get(0))
        : ClientCredentialFactory.createFromCertificateChain(key, chain);
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(spec);
    } catch (GeneralSecurityException notRsa) {
      return KeyFactory.getInstance("EC").generatePrivate(spec);
    }
  }

  /** PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: version 0, the rsaEncryption algorithm, the key. */
  static byte[] wrapPkcs1(byte[] pkcs1) {
    byte[] algorithm = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octets = der(0x04, pkcs1);
    byte[] body = new byte[version.length + algorithm.length + octets.length];
    System.arraycopy(version, 0, body, 0, version.length);
    System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
    System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
    return der(0x30, body);
  }

  private static byte[] der(int tag, byte[] content) {
    byte[] length;
    if (content.length < 0x80) {
      length = new byte[] {(byte) content.length};
    } else {
      byte[] n = BigInteger.valueOf(content.length).toByteArray();
      int start = n[0] == 0 ? 1 : 0;
      length = new byte[n.length - start + 1];
      length[0] = (byte) (0x80 | (n.length - start));
      System.arraycopy(n, start, length, 1, n.length - start);
    }
    byte[] out = new byte[1 + length.length + content.length];
    out[0] = (byte) tag;
    System.arraycopy(length, 0, out, 1, length.length);
    System.arraycopy(content, 0, out, 1 + length.length, content.length);
    return out;
  }
}
