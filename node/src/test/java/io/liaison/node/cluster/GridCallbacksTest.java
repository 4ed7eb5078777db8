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
  /**
   * GridConfig sets Hazelcast's callback executor through an internal class, for want of a public
   * setting (checked on 5.6). A Hazelcast upgrade fails here: check again whether a public setting
   * exists, then move the pin.
   */
  @Test
  void theInternalExecutorSettingIsPinnedToTheHazelcastVersionItWasCheckedOn() throws Exception {
    assertThat(com.hazelcast.instance.BuildInfoProvider.getBuildInfo().getVersion())
        .startsWith("5.6.");
    assertThat(
            ConcurrencyUtil.class
                .getMethod("setDefaultAsyncExecutor", Executor.class)
                .getReturnType())
        .isEqualTo(void.class);
  }

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
