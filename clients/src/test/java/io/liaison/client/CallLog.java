package io.liaison.client;

import java.io.Serializable;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Calls a client method given as a method reference ({@code calls.of(client::whoami)}) and notes
 * which method it was, read from the reference itself (its {@link SerializedLambda}), so a test can
 * show which public methods of a class it made and which it did not. A lambda ({@code () ->
 * client.whoami()}) is refused: it would hide the method called.
 */
public final class CallLog {
  public interface C0<R> extends Serializable {
    R call();
  }

  public interface C1<A, R> extends Serializable {
    R call(A a);
  }

  public interface C2<A, B, R> extends Serializable {
    R call(A a, B b);
  }

  public interface C3<A, B, C, R> extends Serializable {
    R call(A a, B b, C c);
  }

  public interface C4<A, B, C, D, R> extends Serializable {
    R call(A a, B b, C c, D d);
  }

  public interface V0 extends Serializable {
    void call();
  }

  private final Set<String> made = ConcurrentHashMap.newKeySet();

  public <R> R of(C0<R> f) {
    note(f);
    return f.call();
  }

  public <A, R> R of(C1<A, R> f, A a) {
    note(f);
    return f.call(a);
  }

  public <A, B, R> R of(C2<A, B, R> f, A a, B b) {
    note(f);
    return f.call(a, b);
  }

  public <A, B, C, R> R of(C3<A, B, C, R> f, A a, B b, C c) {
    note(f);
    return f.call(a, b, c);
  }

  public <A, B, C, D, R> R of(C4<A, B, C, D, R> f, A a, B b, C c, D d) {
    note(f);
    return f.call(a, b, c, d);
  }

  public void run(V0 f) {
    note(f);
    f.call();
  }

  /** The methods called so far, as {@code Class#name(descriptor)}. */
  public Set<String> made() {
    return new TreeSet<>(made);
  }

  /** Every public method declared by {@code type}, named as {@link #made()} names them. */
  public static Set<String> publicMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
        .map(CallLog::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String name(Method m) {
    return m.getDeclaringClass().getName()
        + "#"
        + m.getName()
        + MethodType.methodType(m.getReturnType(), m.getParameterTypes())
            .toMethodDescriptorString();
  }

  private void note(Serializable reference) {
    SerializedLambda l;
    try {
      Method replace = reference.getClass().getDeclaredMethod("writeReplace");
      replace.setAccessible(true);
      l = (SerializedLambda) replace.invoke(reference);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("not a method reference: " + reference, e);
    }
    if (l.getImplMethodName().startsWith("lambda$")) {
      throw new IllegalArgumentException("give a method reference, not a lambda");
    }
    made.add(
        l.getImplClass().replace('/', '.')
            + "#"
            + l.getImplMethodName()
            + l.getImplMethodSignature());
  }
}
