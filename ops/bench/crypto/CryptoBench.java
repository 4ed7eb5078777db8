import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.Json;
import io.liaison.crypto.BureauKeys;
import io.liaison.crypto.EnvelopeSigner;
import io.liaison.crypto.EnvelopeVerifier;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SealedContent;
import io.liaison.crypto.Sealer;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.crypto.TrustBootstrap;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Crypto throughput: Ed25519 sign/verify with Bouncy Castle vs the JDK (SunEC) in the same run,
 * envelope sign/verify including RFC 8785 canonicalisation, seal/open of 1 KiB. Each case runs
 * with 1 thread and with N threads (N = available processors); figures are operations per second
 * per thread and in total (median of interleaved rounds, and the best round). Usage: java -cp
 * <classpath> CryptoBench.java [warmupSeconds] [measureSeconds] [rounds]
 */
public final class CryptoBench {
  /** One operation; called repeatedly by one thread. */
  interface Op {
    void run() throws Exception;
  }

  static double warmup = 1;
  static double measure = 5;
  static int rounds = 5;
  static volatile Object sink;

  public static void main(String[] args) throws Exception {
    if (args.length > 0) warmup = Double.parseDouble(args[0]);
    if (args.length > 1) measure = Double.parseDouble(args[1]);
    if (args.length > 2) rounds = Integer.parseInt(args[2]);
    int threads = Runtime.getRuntime().availableProcessors();

    byte[] message = new byte[256];
    new java.util.Random(1).nextBytes(message);

    // Bouncy Castle, a new signer per operation as production code does
    Ed25519PrivateKeyParameters bcPrivate =
        new Ed25519PrivateKeyParameters(new java.security.SecureRandom());
    Ed25519PublicKeyParameters bcPublic = bcPrivate.generatePublicKey();
    byte[] bcSignature = bcSign(bcPrivate, message);

    // JDK SunEC; a Signature object per thread, re-initialised per operation
    KeyPair jdkPair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] jdkSignature = jdkSign(newSig(), jdkPair.getPrivate(), message);
    String jdkProvider = Signature.getInstance("Ed25519").getProvider().getName();

    // cross-check: BC verifies the JDK's signature (raw key = last 32 bytes of the X.509 form)
    byte[] x509 = jdkPair.getPublic().getEncoded();
    Ed25519PublicKeyParameters jdkKeyForBc =
        new Ed25519PublicKeyParameters(x509, x509.length - 32);
    if (!bcVerify(jdkKeyForBc, message, jdkSignature)) {
      throw new IllegalStateException("BC does not verify the JDK signature");
    }

    TrustBootstrap.InMemory trust =
        TrustBootstrap.inMemory(
            List.of(
                new TrustBootstrap.MemberSpec(
                    BureauId.of("150924"), "兴和县烟草专卖局", "内蒙古自治区", List.of()),
                new TrustBootstrap.MemberSpec(
                    BureauId.of("140222"), "天镇县烟草专卖局", "山西省", List.of()),
                new TrustBootstrap.MemberSpec(
                    BureauId.of("140221"), "阳高县烟草专卖局", "山西省", List.of()),
                new TrustBootstrap.MemberSpec(
                    BureauId.of("130728"), "怀安县烟草专卖局", "河北省", List.of())),
            Instant.parse("2025-01-01T00:00:00Z"));
    BureauId xinghe = BureauId.of("150924");
    BureauId tianzhen = BureauId.of("140222");
    EnvelopeSigner signer = trust.signer(xinghe);
    EnvelopeVerifier verifier = trust.verifier();
    ObjectNode payload = leadPayload();
    Instant at = Instant.parse("2025-03-01T08:00:00Z");
    SignedEnvelope envelope = signer.sign(payload, Hashes.GENESIS, at);
    byte[] envelopeJson = envelope.toJson();
    if (!verifier.verify(envelope).isValid()) throw new IllegalStateException("envelope");

    byte[] kib = new byte[1024];
    new java.util.Random(2).nextBytes(kib);
    byte[] metadata = "{\"leadId\":\"L-150924-0042\"}".getBytes(StandardCharsets.UTF_8);
    Map<BureauId, byte[]> one = Map.of(tianzhen, trust.keys(tianzhen).sealing().publicKey());
    Map<BureauId, byte[]> three =
        Map.of(
            tianzhen, trust.keys(tianzhen).sealing().publicKey(),
            BureauId.of("140221"), trust.keys(BureauId.of("140221")).sealing().publicKey(),
            BureauId.of("130728"), trust.keys(BureauId.of("130728")).sealing().publicKey());
    SealedContent sealed = Sealer.seal(kib, one, metadata);
    BureauKeys tianzhenKeys = trust.keys(tianzhen);

    System.out.printf(
        Locale.ROOT,
        "# CryptoBench: %d processors, %s %s, JDK Ed25519 provider %s, warmup %.1fs, measure %.1fs"
            + " in %d interleaved rounds%n",
        threads,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        jdkProvider,
        warmup,
        measure,
        rounds);
    System.out.printf(
        Locale.ROOT, "# envelope: %d bytes of JSON, payload %d bytes canonical%n",
        envelopeJson.length, io.liaison.crypto.CanonicalJson.canonicalize(payload).length);
    System.out.printf(
        Locale.ROOT,
        "%-44s %8s %14s %14s %14s%n",
        "case",
        "threads",
        "median/thread",
        "median total",
        "best/thread");

    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {"ed25519 sign   (Bouncy Castle)", (Supplier<Op>) () -> () ->
        sink = bcSign(bcPrivate, message)});
    cases.add(new Object[] {"ed25519 sign   (JDK " + jdkProvider + ")", (Supplier<Op>) () -> {
      Signature s = newSig();
      PrivateKey k = jdkPair.getPrivate();
      return () -> sink = jdkSign(s, k, message);
    }});
    cases.add(new Object[] {"ed25519 verify (Bouncy Castle)", (Supplier<Op>) () -> () -> {
      if (!bcVerify(bcPublic, message, bcSignature)) throw new IllegalStateException();
    }});
    cases.add(new Object[] {"ed25519 verify (JDK " + jdkProvider + ")", (Supplier<Op>) () -> {
      Signature s = newSig();
      PublicKey k = jdkPair.getPublic();
      return () -> {
        s.initVerify(k);
        s.update(message);
        if (!s.verify(jdkSignature)) throw new IllegalStateException();
      };
    }});
    cases.add(new Object[] {"envelope sign (canonicalise + sign)", (Supplier<Op>) () -> () ->
        sink = signer.sign(payload, Hashes.GENESIS, at)});
    cases.add(new Object[] {"envelope verify (roster + canon + verify)", (Supplier<Op>) () -> () -> {
      if (!verifier.verify(envelope).isValid()) throw new IllegalStateException();
    }});
    cases.add(new Object[] {"envelope parse+verify from JSON bytes", (Supplier<Op>) () -> () -> {
      if (!verifier.verify(envelopeJson).isValid()) throw new IllegalStateException();
    }});
    cases.add(new Object[] {"envelope hash (chain link)", (Supplier<Op>) () -> () ->
        sink = envelope.hash()});
    cases.add(new Object[] {"seal 1 KiB, 1 recipient", (Supplier<Op>) () -> () ->
        sink = Sealer.seal(kib, one, metadata)});
    cases.add(new Object[] {"seal 1 KiB, 3 recipients", (Supplier<Op>) () -> () ->
        sink = Sealer.seal(kib, three, metadata)});
    cases.add(new Object[] {"open 1 KiB", (Supplier<Op>) () -> () ->
        sink = Sealer.open(sealed, tianzhenKeys, metadata)});

    // Rounds interleave all cases, so load from other processes on a shared machine hits every
    // case alike; we report the median and the best round (least disturbed) per case.
    int[] threadCounts = threads > 1 ? new int[] {1, threads} : new int[] {1};
    for (int t : threadCounts) {
      double[][] perRound = new double[cases.size()][rounds];
      for (Object[] c : cases) {
        run(factory(c), t, warmup, 0); // warm up
      }
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < cases.size(); k++) {
          perRound[k][r] = run(factory(cases.get(k)), t, 0, measure / rounds);
        }
      }
      for (int k = 0; k < cases.size(); k++) {
        double[] sorted = perRound[k].clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[rounds / 2];
        double best = sorted[rounds - 1];
        System.out.printf(
            Locale.ROOT,
            "%-44s %8d %,14.0f %,14.0f %,14.0f%n",
            cases.get(k)[0],
            t,
            median / t,
            median,
            best / t);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Supplier<Op> factory(Object[] c) {
    return (Supplier<Op>) c[1];
  }

  static double run(Supplier<Op> factory, int threads, double warmupSeconds, double seconds)
      throws Exception {
    AtomicLong ops = new AtomicLong();
    CountDownLatch done = new CountDownLatch(threads);
    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    long measureEnd = warmupEnd + (long) (seconds * 1e9);
    Exception[] failure = new Exception[1];
    for (int i = 0; i < threads; i++) {
      Op op = factory.get();
      Thread worker = new Thread(() -> {
        try {
          while (System.nanoTime() < warmupEnd) op.run();
          long n = 0;
          while (System.nanoTime() < measureEnd) {
            op.run();
            n++;
          }
          ops.addAndGet(n);
        } catch (Exception e) {
          failure[0] = e;
        } finally {
          done.countDown();
        }
      });
      worker.start();
    }
    done.await();
    if (failure[0] != null) throw failure[0];
    return seconds == 0 ? 0 : ops.get() / seconds;
  }
  static byte[] bcSign(Ed25519PrivateKeyParameters key, byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  static boolean bcVerify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  static Signature newSig() {
    try {
      return Signature.getInstance("Ed25519");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] jdkSign(Signature s, PrivateKey key, byte[] message) throws Exception {
    s.initSign(key);
    s.update(message);
    return s.sign();
  }

  /** A lead of about 1 KiB of canonical JSON, mostly Chinese text. */
  static ObjectNode leadPayload() {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("seq", 1042);
    p.put("type", "lead.posted");
    p.put("leadId", "L-150924-2025-0042");
    p.put("officer", "王建国");
    p.put("category", "无证运输");
    p.put("title", "蒙J·A1234 货车夜间经兴和至天镇运输卷烟");
    p.put(
        "narrative",
        "群众通过12313举报：一辆蒙J牌照白色厢式货车每周三夜间由兴和县城关镇出发，经新平堡方向驶入天镇县，"
            + "车内疑似装载无合法来源卷烟约20件。司机姓张，手机138 4721 0093，货物在阳高县罗文皂镇分装后"
            + "通过快递寄递，运单号以SF开头。请天镇县、阳高县局协查车辆去向与收货人。");
    ObjectNode entity = p.putArray("entities").addObject();
    entity.put("kind", "plate");
    entity.put("value", "蒙JA1234");
    p.putArray("targets").add("140222").add("140221");
    p.put("urgency", "high");
    p.put("sticks", 200000);
    return p;
  }
}
