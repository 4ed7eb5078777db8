package io.liaison.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.internal.util.ConcurrencyUtil;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Hazelcast's callbacks run on a bounded pool, not on a new thread each (2-core machines). */
class GridCallbacksTest {
  @Test
  void callbacksOfAsynchronousGridCallsReuseAFewThreads() throws InterruptedException {
    GridConfig.callbacksOnAPool();
    Executor callbacks = ConcurrencyUtil.getDefaultAsyncExecutor();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch done = new CountDownLatch(50);
    for (int i = 0; i < 50; i++) {
      callbacks.execute(
          () -> {
            threads.add(Thread.currentThread().getName());
            done.countDown();
          });
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(threads.size())
        .as("threads that ran 50 callbacks: %s", threads)
        .isLessThanOrEqualTo(Math.max(2, ForkJoinPool.getCommonPoolParallelism()));
  }
}
