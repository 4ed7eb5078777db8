package io.liaison.node.price;

import io.liaison.api.BureauId;
import io.liaison.api.price.AgreedPrice;
import io.liaison.api.price.AgreementView;
import io.liaison.api.price.CheckPlan;
import io.liaison.api.price.CheckView;
import io.liaison.api.price.Evaluation;
import io.liaison.api.price.GroupView;
import io.liaison.api.price.ObservedItem;
import io.liaison.api.price.PackUnit;
import io.liaison.api.price.PriceAgreement;
import io.liaison.api.price.PriceMeeting;
import io.liaison.api.price.PriceSettings;
import io.liaison.api.price.Product;
import io.liaison.api.price.Retailer;
import io.liaison.api.price.RetailerVisit;
import io.liaison.api.price.SelfDisciplineGroup;
import io.liaison.crypto.SignedEnvelope;
import io.liaison.node.price.internal.ObservationTable;
import io.liaison.node.price.internal.PriceRecord;
import io.liaison.node.price.internal.SignedChain;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * This node's read model of the price records it holds (verified and stored): groups, agreements,
 * settings, meetings, a compact entry per check (its plan and signature, not its envelopes or
 * visits: those stay in the store, see {@link #checkView}), and every recorded observation in an
 * {@link ObservationTable} whose month sums the figures read. It is rebuilt from the store at start
 * and told of every record the store takes ({@link #take}); it never holds a plan this node may not
 * read. Thread-safe (one read-write lock); figures run under the read lock on a worker thread.
 *
 * <p>Why over 400 lines: the read model and its one lock belong together (taking a record in and
 * every figure read under the same read-write lock); the sums themselves are in {@code
 * ObservationTable}.
 */
public final class PriceBook {
  /** Days of observations are calendar days in Asia/Shanghai. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final BureauId self;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, PriceRecord.Group> groups = new TreeMap<>();
  private final Map<String, PriceRecord.Agreement> agreements = new TreeMap<>();
  private final Map<BureauId, PriceRecord.Settings> settings = new TreeMap<>();
  private final Map<String, PriceRecord.Meeting> meetings = new TreeMap<>();
  private final Map<String, CheckEntry> checks = new TreeMap<>();
  private final Map<String, String> groupOfLicence = new HashMap<>();
  private final Map<String, String> nameOfLicence = new HashMap<>();
  private final List<Product> products = new ArrayList<>();
  final ObservationTable table = new ObservationTable();

  public PriceBook(BureauId self) {
    this.self = self;
  }

  public BureauId self() {
    return self;
  }

  /** Takes a record the store now holds (replacing an older copy of the same key). */
  public void take(PriceRecord r) {
    write(
        () -> {
          if (olderThanHeld(r)) {
            return; // a copy read before a newer one was taken in
          }
          if (r instanceof PriceRecord.Group g) {
            groups.put(g.current().id(), g);
            indexMembers();
            table.reevaluate(judge());
          } else if (r instanceof PriceRecord.Agreement a) {
            agreements.put(a.versions().get(0).groupId(), a);
            table.reevaluate(judge());
          } else if (r instanceof PriceRecord.Settings s) {
            settings.put(s.current().bureau(), s);
            table.tolerance(
                table.bureaus.of(s.current().bureau().code()), s.current().toleranceFen());
          } else if (r instanceof PriceRecord.Meeting m) {
            meetings.put(m.meeting().id(), m);
          } else if (r instanceof PriceRecord.Check c) {
            takeCheck(c);
          }
        });
  }

  private boolean olderThanHeld(PriceRecord r) {
    int held =
        r instanceof PriceRecord.Group g
            ? versions(groups.get(g.current().id()))
            : r instanceof PriceRecord.Agreement a
                ? versions(agreements.get(a.versions().get(0).groupId()))
                : r instanceof PriceRecord.Check c && checks.containsKey(c.id())
                    ? checks.get(c.id()).proof().versions()
                    : 0;
    return held > r.chain().envelopes().size();
  }

  private static int versions(PriceRecord r) {
    return r == null ? 0 : r.chain().envelopes().size();
  }

  /**
   * What the book keeps of a check: never its envelopes or visits (the store has them), only what
   * lists, access checks and findings need.
   */
  record CheckEntry(
      String id,
      BureauId checkingBureau,
      Instant plannedAt,
      CheckPlan plan,
      int batches,
      Instant recordedAt,
      CheckView.Proof proof) {}

  private void takeCheck(PriceRecord.Check c) {
    CheckEntry held = checks.get(c.id());
    int loaded = held == null ? 0 : held.batches();
    checks.put(
        c.id(),
        new CheckEntry(
            c.id(),
            c.checkingBureau(),
            c.plannedAt(),
            c.plan(),
            Math.max(loaded, c.batches().size()),
            c.recorded() ? c.batches().get(0).at() : null,
            proof(c.chain())));
    if (c.batches().size() <= loaded || c.plan() == null) {
      return;
    }
    int bureau = table.bureaus.of(c.plan().checkedBureau().code());
    ObservationTable.Judge judge = null;
    for (PriceRecord.Batch b : c.batches().subList(loaded, c.batches().size())) {
      for (RetailerVisit v : b.visits()) {
        int retailer = table.retailers.of(v.licence());
        List<ObservationTable.Item> items = new ArrayList<>(v.items().size());
        for (ObservedItem item : v.items()) {
          items.add(
              new ObservationTable.Item(
                  product(item.product()),
                  item.unit() == PackUnit.CARTON,
                  item.markedFen(),
                  item.saleFen()));
        }
        if (judge == null) {
          judge = judge();
        }
        table.add(
            bureau,
            retailer,
            (int) v.at().atZone(ZONE).toLocalDate().toEpochDay(),
            v.at().toEpochMilli(),
            items,
            judge);
      }
    }
  }

  private int product(Product p) {
    int i = table.products.of(p.label());
    if (i == products.size()) {
      products.add(p);
    }
    return i;
  }

  private void indexMembers() {
    namesStale = true;
    groupOfLicence.clear();
    nameOfLicence.clear();
    for (PriceRecord.Group g : groups.values()) {
      for (Retailer r : g.current().members()) {
        groupOfLicence.putIfAbsent(r.licence(), g.current().id());
        nameOfLicence.putIfAbsent(r.licence(), r.name());
      }
    }
  }

  /** Looks groups and agreements up for the table (under the write lock). */
  private ObservationTable.Judge judge() {
    return new ObservationTable.Judge() {
      @Override
      public int groupOf(int retailerIdx) {
        String g = groupOfLicence.get(table.retailers.get(retailerIdx));
        return g == null ? -1 : table.groups.of(g);
      }

      @Override
      public long agreed(int groupIdx, int productIdx, boolean isCarton, int epochDay) {
        PriceRecord.Agreement a = agreements.get(table.groups.get(groupIdx));
        if (a == null) {
          return -1;
        }
        PriceAgreement in = inForce(a.versions(), LocalDate.ofEpochDay(epochDay));
        AgreedPrice p = in == null ? null : in.price(products.get(productIdx));
        return p == null ? -1 : isCarton ? p.cartonFen() : p.packFen();
      }
    };
  }

  /**
   * The version in force on {@code day}: the latest {@code validFrom} not after it, of two on the
   * same day the higher version; null if none has started.
   */
  public static PriceAgreement inForce(List<PriceAgreement> versions, LocalDate day) {
    PriceAgreement best = null;
    for (PriceAgreement a : versions) {
      if (a.validFrom().isAfter(day)) {
        continue;
      }
      if (best == null
          || a.validFrom().isAfter(best.validFrom())
          || (a.validFrom().equals(best.validFrom()) && a.version() > best.version())) {
        best = a;
      }
    }
    return best;
  }

  // ---- views ----

  public List<GroupView> groups(BureauId bureau) {
    return read(
        () ->
            groups.values().stream()
                .filter(g -> bureau == null || g.current().bureau().equals(bureau))
                .map(g -> new GroupView(g.current(), proof(g.chain())))
                .toList());
  }

  public Optional<GroupView> group(String id) {
    return read(
        () ->
            Optional.ofNullable(groups.get(id))
                .map(g -> new GroupView(g.current(), proof(g.chain()))));
  }

  public Optional<SelfDisciplineGroup> currentGroup(String id) {
    return read(() -> Optional.ofNullable(groups.get(id)).map(PriceRecord.Group::current));
  }

  public Optional<AgreementView> agreement(String groupId, LocalDate day) {
    return read(() -> Optional.ofNullable(agreements.get(groupId)).map(a -> agreementView(a, day)));
  }

  public List<AgreementView> agreements(BureauId bureau, LocalDate day) {
    return read(
        () ->
            agreements.values().stream()
                .filter(a -> bureau == null || a.versions().get(0).bureau().equals(bureau))
                .map(a -> agreementView(a, day))
                .toList());
  }

  private AgreementView agreementView(PriceRecord.Agreement a, LocalDate day) {
    return new AgreementView(
        a.versions().get(0).groupId(), a.versions(), inForce(a.versions(), day), proof(a.chain()));
  }

  /** The settings of {@code bureau} (the defaults if it has set none). */
  public PriceSettings settings(BureauId bureau) {
    return read(
        () ->
            Optional.ofNullable(settings.get(bureau))
                .map(PriceRecord.Settings::current)
                .orElse(PriceSettings.defaults(bureau)));
  }

  /** The border pairs the bureaus' signed settings name (see {@link BorderPairs#of}). */
  public List<BorderPairs.Pair> borderPairs() {
    return read(
        () ->
            BorderPairs.of(settings.values().stream().map(PriceRecord.Settings::current).toList()));
  }

  public List<PriceMeeting> meetings() {
    return read(
        () ->
            meetings.values().stream()
                .map(PriceRecord.Meeting::meeting)
                .sorted(Comparator.comparing(PriceMeeting::on).reversed())
                .toList());
  }

  /**
   * The check as this node may show it, without its visits (see {@link #checkView} for the whole
   * record read back from the store): empty where its plan is sealed from this bureau.
   */
  public Optional<CheckView> check(String id) {
    return read(
        () ->
            Optional.ofNullable(checks.get(id)).filter(c -> c.plan() != null).map(c -> summary(c)));
  }

  /** What the book holds of a check (the service's own checks, to record findings). */
  Optional<CheckEntry> checkEntry(String id) {
    return read(() -> Optional.ofNullable(checks.get(id)));
  }

  /** Checks this node may show, newest first, without their visits. */
  public List<CheckView> checks() {
    return read(
        () ->
            checks.values().stream()
                .filter(c -> c.plan() != null)
                .sorted(Comparator.comparing(CheckEntry::plannedAt).reversed())
                .map(PriceBook::summary)
                .toList());
  }

  private static CheckView summary(CheckEntry c) {
    return new CheckView(
        c.id(),
        c.checkingBureau(),
        c.plan().checkedBureau(),
        c.recordedAt() != null ? CheckView.State.RECORDED : CheckView.State.PLANNED,
        c.plan(),
        List.of(),
        List.of(),
        c.recordedAt(),
        c.proof());
  }

  /**
   * The whole check (its visits judged) from a record read back from the store; empty where the
   * plan is sealed from this bureau.
   */
  public Optional<CheckView> checkView(PriceRecord.Check c) {
    if (c.plan() == null) {
      return Optional.empty();
    }
    List<RetailerVisit> visits = c.visits();
    List<Evaluation> evaluations = new ArrayList<>();
    for (RetailerVisit v : visits) {
      evaluations.addAll(evaluate(v));
    }
    return Optional.of(
        new CheckView(
            c.id(),
            c.checkingBureau(),
            c.plan().checkedBureau(),
            c.recorded() ? CheckView.State.RECORDED : CheckView.State.PLANNED,
            c.plan(),
            visits,
            evaluations,
            c.recorded() ? c.batches().get(0).at() : null,
            proof(c.chain())));
  }

  /** Every item of a visit judged against the agreement in force that day. */
  public List<Evaluation> evaluate(RetailerVisit v) {
    return read(
        () -> {
          String groupId = groupOfLicence.get(v.licence());
          PriceRecord.Agreement a = groupId == null ? null : agreements.get(groupId);
          LocalDate day = v.at().atZone(ZONE).toLocalDate();
          PriceAgreement in = a == null ? null : inForce(a.versions(), day);
          long tol =
              groupId == null
                  ? 0
                  : Optional.ofNullable(settings.get(groups.get(groupId).current().bureau()))
                      .map(s -> s.current().toleranceFen())
                      .orElse(0L);
          List<Evaluation> out = new ArrayList<>();
          for (ObservedItem item : v.items()) {
            AgreedPrice p = in == null ? null : in.price(item.product());
            Long agreed = p == null ? null : p.fen(item.unit());
            out.add(
                new Evaluation(
                    v.licence(),
                    groupId,
                    v.at(),
                    item.brand(),
                    item.spec(),
                    item.unit(),
                    item.markedFen(),
                    item.saleFen(),
                    agreed,
                    p == null ? null : in.validFrom(),
                    agreed == null ? null : Deviation.yuan(item.saleFen(), agreed),
                    agreed == null ? null : Deviation.percent(item.saleFen(), agreed),
                    item.markedFen() == item.saleFen(),
                    agreed == null
                        ? null
                        : Deviation.compliant(item.markedFen(), item.saleFen(), agreed, tol)));
          }
          return out;
        });
  }

  /** The lowest agreed carton price in force on {@code day} among each bureau's groups. */
  Map<BureauId, Map<Product, Long>> agreedCartons(LocalDate day) {
    return read(
        () -> {
          Map<BureauId, Map<Product, Long>> out = new TreeMap<>();
          for (PriceRecord.Agreement a : agreements.values()) {
            PriceAgreement in = inForce(a.versions(), day);
            if (in == null) {
              continue;
            }
            Map<Product, Long> m = out.computeIfAbsent(in.bureau(), b -> new TreeMap<>());
            for (AgreedPrice p : in.prices()) {
              m.merge(p.product(), p.cartonFen(), Math::min);
            }
          }
          return out;
        });
  }

  /** Runs {@code f} over the table (which knows each bureau's tolerance) under the read lock. */
  <T> T withTable(Function<Tables, T> f) {
    return read(() -> f.apply(new Tables(table, products, this::names)));
  }

  /** The table, its products, and the retailers' names by table index. */
  record Tables(ObservationTable table, List<Product> products, Supplier<String[]> nameSource) {
    String[] names() {
      return nameSource.get();
    }
  }

  /** Retailer names by table index; rebuilt when members or retailers changed (read lock held). */
  private volatile String[] names = new String[0];

  private volatile boolean namesStale = true;

  private String[] names() {
    String[] n = names;
    if (namesStale || n.length != table.retailers.size()) {
      n = new String[table.retailers.size()];
      for (int i = 0; i < n.length; i++) {
        n[i] = nameOfLicence.get(table.retailers.get(i));
      }
      names = n; // benign race: readers compute the same array
      namesStale = false;
    }
    return n;
  }

  private static CheckView.Proof proof(SignedChain c) {
    SignedEnvelope last = c.last();
    return new CheckView.Proof(
        last.signer(), last.keyId(), last.signedAt(), last.hash(), c.envelopes().size());
  }

  private <T> T read(Supplier<T> f) {
    lock.readLock().lock();
    try {
      return f.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void write(Runnable r) {
    lock.writeLock().lock();
    try {
      r.run();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
