package io.liaison.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A shared map that survives its own destruction. {@code IMap.destroy()} — which anyone on the
 * cluster link can call — invalidates every member's proxy of the map: a service holding the proxy
 * it got at start-up fails on every later call. This view asks the instance for the map's current
 * proxy on every call ({@code getMap} is a lookup in a concurrent map; a destroyed map is created
 * again, empty, with its configuration, and anti-entropy refills it).
 */
public final class LiveMap {
  private LiveMap() {}

  @SuppressWarnings("unchecked")
  public static <K, V> IMap<K, V> of(HazelcastInstance hz, String name) {
    return (IMap<K, V>)
        Proxy.newProxyInstance(
            IMap.class.getClassLoader(),
            new Class<?>[] {IMap.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                  case "equals" -> proxy == args[0];
                  case "hashCode" -> System.identityHashCode(proxy);
                  default -> "LiveMap[" + name + "]";
                };
              }
              try {
                return method.invoke(hz.getMap(name), args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
