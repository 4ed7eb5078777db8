package io.liaison.search.link.internal;

import io.liaison.api.network.MergeProposal;
import io.liaison.api.network.Network;
import io.liaison.search.link.Frequency;
import io.liaison.search.link.Link;
import io.liaison.search.link.LinkUpdate;
import io.liaison.search.link.SealedHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The write path of the engine and the state it keeps: links in the {@link Graph} and the {@link
 * LinkIndex}, networks by id, current merge proposals. Every write leaves the links equal to what a
 * full relink of the same records would give:
 *
 * <ul>
 *   <li>the record's own links are recomputed from scratch;
 *   <li>a key whose frequency band got worse (a phone that has now become a hub) can only weaken
 *       links, so the links of the records holding it are re-scored and dropped if they fall below
 *       the threshold;
 *   <li>a key whose band got better (after an update or a withdrawal) can create links, so the
 *       records holding it are linked again from scratch.
 * </ul>
 *
 * Not thread-safe; {@link io.liaison.search.link.LinkEngine} calls it under its lock.
 *
 * <p>Why over 400 lines: the write of one record, of a batch ({@link #writeAll}) and the working
 * out of networks and proposals ({@link #finish}) read and change the same graph, index and
 * proposal state; split, each would reach into the others' fields.
 */
public final class Core {
  private final LinkIndex index;
  private final Linker linker;
  private Graph graph = new Graph();
  private final Map<String, Graph.Component> networks = new HashMap<>();
  private final Map<String, MergeProposal> proposals = new TreeMap<>();
  private final Map<String, Set<String>> proposalsOfNetwork = new HashMap<>();
  private final List<SealedHit> hits = new ArrayList<>();
  private boolean proposed = true; // false: the proposals of the networks are still to work out

  public Core(LinkIndex index, Linker linker) {
    this.index = index;
    this.linker = linker;
  }

  public LinkIndex index() {
    return index;
  }

  public Linker linker() {
    return linker;
  }

  public Graph graph() {
    return graph;
  }

  /** Adds or replaces a record ({@code next}) or withdraws it ({@code next == null}). */
  public LinkUpdate write(String id, Profile next, long version) throws IOException {
    propose();
    return finish(id, apply(id, next, version));
  }

  /**
   * {@link #write} of records that arrived together, in order, with one {@link #finish} at the end:
   * the networks, proposals and hits are worked out once for the batch from the graph it left (the
   * graph collects what every write touched until then), not after every record. The links are
   * those of the records one by one; a proposal both raised and withdrawn within the batch is not
   * told. The update's id is the last record's, its links empty.
   */
  public LinkUpdate writeAll(List<Profile> batch, List<Long> versions) throws IOException {
    propose();
    String last = null;
    for (int i = 0; i < batch.size(); i++) {
      Profile p = batch.get(i);
      apply(p.id(), p, versions.get(i));
      last = p.id();
    }
    return finish(last, List.of());
  }

  /** The write of one record up to its links; the networks are worked out by {@link #finish}. */
  private List<Link> apply(String id, Profile next, long version) throws IOException {
    Optional<Profile> old = index.profile(id);
    Set<String> changed = new LinkedHashSet<>(old.map(Profile::keys).orElse(Set.of()));
    Set<String> newKeys = next == null ? Set.of() : next.keys();
    Set<String> common = new HashSet<>(changed);
    common.retainAll(newKeys);
    changed.addAll(newKeys);
    changed.removeAll(common);
    // an identifier kept whose holder or role changed changes how its value is counted
    // (Linker.parties, the context keys of officers' and outlets' values)
    if (old.isPresent() && next != null) {
      Map<String, Ident> was = new HashMap<>();
      for (Ident i : old.get().idents()) {
        was.put(i.key(), i);
      }
      for (Ident i : next.idents()) {
        Ident w = was.get(i.key());
        if (w != null && (!Objects.equals(w.holder(), i.holder()) || w.role() != i.role())) {
          changed.add(i.key());
        }
      }
    }
    Linker.Lookup was = linker.lookup();
    // a changed long identifier also changes how common the values one character off it are
    for (String key : new ArrayList<>(changed)) {
      changed.addAll(linker.neighbourKeys(was, key));
    }
    Map<String, Frequency> before = new HashMap<>();
    for (String key : changed) {
      before.put(key, linker.band(key, linker.records(was, key)));
    }
    int poolBefore = linker.pool();
    int poolAfter = poolBefore + (next == null ? 0 : 1) - (old.isPresent() ? 1 : 0);
    if (next == null) {
      index.withdraw(id, version);
    } else {
      index.put(next);
    }
    linker.pool(poolAfter);
    Set<String> worse = new LinkedHashSet<>();
    Set<String> better = new LinkedHashSet<>();
    Linker.Lookup now = linker.lookup();
    for (String key : changed) {
      int cmp = linker.band(key, linker.records(now, key)).compareTo(before.get(key));
      if (cmp > 0) {
        worse.add(key);
      } else if (cmp < 0) {
        better.add(key);
      }
    }
    List<Link> links = List.of();
    if (next == null) {
      dropAll(id);
    } else {
      links = relink(next, now);
    }
    if (!worse.isEmpty()) {
      for (Profile h : holders(worse, id)) {
        rescore(h);
      }
    }
    if (!better.isEmpty()) {
      for (Profile h : holders(better, id)) {
        relink(h);
      }
    }
    int boundBefore = linker.specificMax(poolBefore);
    int boundAfter = linker.specificMax(poolAfter);
    if (boundBefore != boundAfter) {
      for (Profile h : holders(YoungPool.moved(index, boundBefore, boundAfter), id)) {
        relink(h);
      }
    }
    return links;
  }

  /** How many records the pool holds (on open). */
  public void countPool() throws IOException {
    linker.pool(index.recordCount());
  }

  /** Recomputes every link of {@code p}; returns them. */
  public List<Link> relink(Profile p) throws IOException {
    return relink(p, linker.lookup());
  }

  private List<Link> relink(Profile p, Linker.Lookup lookup) throws IOException {
    Graph.Node node = graph.node(p.id());
    if (node != null && node.restricted() != p.restricted()) {
      dropAll(p.id());
      node = null;
    }
    Map<String, Linker.Scored> linked = new LinkedHashMap<>();
    Map<String, Profile> others = new HashMap<>();
    for (Profile q : linker.candidates(p, lookup)) {
      Linker.Scored s = linker.score(p, q, lookup);
      if (linker.linked(s)) {
        linked.put(q.id(), s);
        others.put(q.id(), q);
      }
    }
    if (node != null) {
      for (Graph.Edge e : new ArrayList<>(node.edges())) {
        String other = e.other(p.id());
        if (!linked.containsKey(other)) {
          drop(p.id(), other);
        }
      }
    }
    for (Map.Entry<String, Linker.Scored> en : linked.entrySet()) {
      set(en.getValue().link(), p, others.get(en.getKey()));
    }
    Graph.Node now = graph.node(p.id());
    if (now != null) {
      graph.ensure(p.id(), member(p), p.restricted());
    }
    List<Link> out = new ArrayList<>();
    linked.values().forEach(s -> out.add(s.link()));
    out.sort(Comparator.comparingDouble(Link::score).reversed().thenComparing(Link::a));
    return out;
  }

  /** Re-scores the existing links of {@code p}, dropping those no longer strong enough. */
  private void rescore(Profile p) throws IOException {
    Graph.Node node = graph.node(p.id());
    if (node == null) {
      return;
    }
    Linker.Lookup lookup = linker.lookup();
    for (Graph.Edge e : new ArrayList<>(node.edges())) {
      String other = e.other(p.id());
      Optional<Profile> q = index.profile(other);
      Linker.Scored s = q.isPresent() ? linker.score(p, q.get(), lookup) : null;
      if (s != null && linker.linked(s)) {
        set(s.link(), p, q.get());
      } else {
        drop(p.id(), other);
      }
    }
  }

  private List<Profile> holders(Collection<String> keys, String except) throws IOException {
    Set<Integer> docs = new HashSet<>();
    Map<String, Profile> recent = new LinkedHashMap<>();
    for (String key : keys) {
      index.view().holders(key, docs, recent);
    }
    Map<String, Profile> out = new LinkedHashMap<>();
    for (Profile q : index.view().load(docs)) {
      out.put(q.id(), q);
    }
    out.putAll(recent);
    out.remove(except);
    List<Profile> list = new ArrayList<>(out.values());
    list.sort(Comparator.comparing(Profile::id));
    return list;
  }

  /** Adds or updates a link in the graph and the index; a new link to restricted material hits. */
  public void set(Link link, Profile p, Profile q) throws IOException {
    Profile a = link.a().equals(p.id()) ? p : q;
    Profile b = a == p ? q : p;
    graph.ensure(a.id(), member(a), a.restricted());
    graph.ensure(b.id(), member(b), b.restricted());
    Graph.Edge old = graph.node(a.id()).edges.get(b.id());
    Graph.Edge e = new Graph.Edge(a.id(), b.id(), link.score(), Linker.keysOf(link));
    if (e.equals(old)) {
      return;
    }
    graph.put(e);
    index.putEdge(e.a(), e.b(), e.score(), e.keys());
    if (old == null) {
      collectHit(a, b);
      collectHit(b, a);
    }
  }

  private void collectHit(Profile reader, Profile sealed) {
    hitOf(reader, sealed).ifPresent(hits::add);
  }

  /** The hit of {@code reader}'s owner on {@code sealed}, if that bureau may not read it. */
  static Optional<SealedHit> hitOf(Profile reader, Profile sealed) {
    return sealed.restricted() && !sealed.audience().canRead(sealed.bureau(), reader.bureau())
        ? Optional.of(
            new SealedHit(
                reader.id(),
                reader.bureau(),
                sealed.id(),
                sealed.bureau(),
                sealed.audience().contact()))
        : Optional.empty();
  }

  private void drop(String x, String y) throws IOException {
    graph.remove(x, y);
    index.deleteEdge(x.compareTo(y) < 0 ? x : y, x.compareTo(y) < 0 ? y : x);
  }

  private void dropAll(String id) throws IOException {
    Graph.Node node = graph.node(id);
    if (node != null) {
      for (Graph.Edge e : new ArrayList<>(node.edges())) {
        drop(id, e.other(id));
      }
    }
  }

  /** Collects what changed into the update: networks, proposals, hits. */
  public LinkUpdate finish(String id, List<Link> links) {
    Graph.Changes changes = graph.drainChanges();
    Set<String> affected = new LinkedHashSet<>(changes.dissolved());
    for (String gone : changes.dissolved()) {
      networks.remove(gone);
    }
    List<String> changedNetworks = new ArrayList<>();
    for (Graph.Component c : changes.changed()) {
      networks.put(c.id(), c);
      affected.add(c.id());
      changedNetworks.add(c.id());
    }
    changedNetworks.sort(null);
    Set<String> before = new HashSet<>();
    for (String nid : affected) {
      Set<String> ids = proposalsOfNetwork.remove(nid);
      if (ids != null) {
        before.addAll(ids);
      }
    }
    Map<String, MergeProposal> after = new TreeMap<>();
    for (Graph.Component c : changes.changed()) {
      proposeFor(c, after);
    }
    List<MergeProposal> raised = new ArrayList<>();
    for (MergeProposal m : after.values()) {
      if (!before.contains(m.id())) {
        raised.add(m);
      }
      proposals.put(m.id(), m);
    }
    List<String> withdrawn = new ArrayList<>();
    for (String old : new java.util.TreeSet<>(before)) {
      if (!after.containsKey(old)) {
        withdrawn.add(old);
        proposals.remove(old);
      }
    }
    List<SealedHit> newHits = List.copyOf(hits);
    hits.clear();
    return new LinkUpdate(
        id,
        true,
        links,
        changedNetworks,
        List.copyOf(changes.dissolved()),
        raised,
        withdrawn,
        newHits);
  }

  /**
   * Reads the stored links back into the graph (on open): the links, then what the graph keeps of
   * their ends ({@link ProfileCodec.Head}) in one pass over the records; a link whose end is no
   * current record is left out. The networks' proposals are left to {@link #propose()}.
   */
  public void loadFromIndex() throws IOException {
    List<Graph.Edge> edges = new ArrayList<>();
    Set<String> ends = new HashSet<>();
    index.forEachEdge(
        e -> {
          edges.add(new Graph.Edge(e.a(), e.b(), e.score(), e.keys()));
          ends.add(e.a());
          ends.add(e.b());
        });
    loadWithoutProposals(Graph.of(edges, index.heads(ends)));
  }

  /**
   * Works out the proposals of every network if {@link #loadFromIndex} left them for later: a write
   * calls it before it changes the graph (it compares the proposals before and after), and so does
   * every read of the proposals; the engine also calls it after open, off the open path.
   */
  public void propose() {
    if (!proposed) {
      for (Graph.Component c : networks.values()) {
        proposeFor(c, proposals); // idempotent: a call after a failure starts again
      }
      proposed = true;
    }
  }

  /** Replaces the whole state by {@code fresh} (after a relink or on open). */
  public void load(Graph fresh) {
    loadWithoutProposals(fresh);
    propose();
  }

  /** {@link #load}, the proposals left to {@link #propose()}. */
  private void loadWithoutProposals(Graph fresh) {
    graph = fresh;
    fresh.drainChanges();
    networks.clear();
    proposals.clear();
    proposalsOfNetwork.clear();
    hits.clear();
    for (Graph.Component c : fresh.components()) {
      networks.put(c.id(), c);
    }
    proposed = false;
  }

  /** Computes the proposals of a network into {@code out} and remembers them for it. */
  private void proposeFor(Graph.Component c, Map<String, MergeProposal> out) {
    Set<String> ids = new LinkedHashSet<>();
    for (MergeProposal m : Networks.proposals(c, linker.options().proposalScore())) {
      out.put(m.id(), m);
      ids.add(m.id());
    }
    if (!ids.isEmpty()) {
      proposalsOfNetwork.put(c.id(), ids);
    }
  }

  public Graph.Component network(String networkId) {
    return networks.get(networkId);
  }

  public Collection<Graph.Component> networks() {
    return networks.values();
  }

  public Collection<MergeProposal> proposals() {
    propose();
    return proposals.values();
  }

  /** The member view of a profile. */
  public static Network.Member member(Profile p) {
    return new Network.Member(
        p.id(),
        p.kind().name(),
        p.bureau(),
        p.date(),
        p.category(),
        p.title(),
        p.sticks(),
        p.valueFen());
  }
}
