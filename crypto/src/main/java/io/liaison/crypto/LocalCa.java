package io.liaison.crypto;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small local certificate authority for the nodes' HTTPS (demo clusters, tests, a bureau without
 * a PKI of its own): an ECDSA P-256 CA certificate and server certificates with the node's host
 * names and addresses as subject alternative names, written as PEM files.
 */
public final class LocalCa {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair key;
  private final X509Certificate cert;

  private LocalCa(KeyPair key, X509Certificate cert) {
    this.key = key;
    this.cert = cert;
  }

  /** A new CA valid for {@code validity}. */
  public static LocalCa create(String name, Duration validity) {
    try {
      KeyPair kp = ecKey();
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=" + name + ",O=Liaison");
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              subject,
              serial(),
              Date.from(now.minusSeconds(300)),
              Date.from(now.plus(validity)),
              subject,
              kp.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(
          Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
      return new LocalCa(kp, sign(b, kp));
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot create CA", e);
    }
  }

  /** Writes {@code ca.pem} (certificate only: what clients trust). */
  public Path writeCa(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path p = dir.resolve("ca.pem");
    Files.writeString(p, pem(cert), StandardCharsets.UTF_8);
    return p;
  }

  /**
   * Issues a server certificate for {@code hosts} (DNS names or IP addresses) and writes {@code
   * <name>.crt.pem} and {@code <name>.key.pem} (PKCS#8, mode 600) into {@code dir}.
   */
  public Path[] issue(Path dir, String name, List<String> hosts, Duration validity)
      throws IOException {
    try {
      KeyPair kp = ecKey();
      Instant now = Instant.now();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              cert,
              serial(),
              Date.from(now.minusSeconds(300)),
              Date.from(now.plus(validity)),
              new X500Name("CN=" + name + ",O=Liaison"),
              kp.getPublic());
      List<GeneralName> sans = new ArrayList<>();
      for (String h : hosts) {
        boolean ip = h.matches("[0-9.]+") || h.contains(":");
        sans.add(
            ip
                ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(h).getHostAddress())
                : new GeneralName(GeneralName.dNSName, h));
      }
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(sans.toArray(GeneralName[]::new)));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      b.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      b.addExtension(
          Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(cert));
      X509Certificate issued = sign(b, key);
      Files.createDirectories(dir);
      Path crt = dir.resolve(name + ".crt.pem");
      Path keyFile = dir.resolve(name + ".key.pem");
      Files.writeString(crt, pem(issued) + pem(cert), StandardCharsets.UTF_8);
      // owner-only from the first byte: written to a new mode-600 file, then moved into place
      io.liaison.crypto.internal.SecureFiles.writeOwnerOnly(
          keyFile, pem(kp.getPrivate()).getBytes(StandardCharsets.UTF_8));
      return new Path[] {crt, keyFile};
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot issue certificate", e);
    }
  }

  private static KeyPair ecKey() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return g.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner cs = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(b.build(cs));
  }

  private static String pem(Object o) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(
          o instanceof java.security.PrivateKey k
              ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(k, null)
              : o);
    }
    return w.toString();
  }
}
