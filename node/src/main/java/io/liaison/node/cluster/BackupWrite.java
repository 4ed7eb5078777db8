package io.liaison.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.util.Map;

/**
 * Writes on a backup replica the value that its owner's processor wrote. A processor that decides
 * something (a claim) hands this to Hazelcast as its backup processor instead of itself, so the
 * backup neither parses and decides again (the owner's answer waits for the backup's
 * acknowledgement) nor could decide otherwise than the owner did.
 *
 * <p>For single-key calls only ({@code submitToKey}): it carries one value, not one per key. A
 * member of an older build cannot read it (bureaus upgrade their nodes one at a time), so it is
 * used only while every member announces {@link #ATTRIBUTE}; see {@link #understoodBy}. {@code R}
 * is the answer type of the processor it backs up (it answers nothing itself).
 */
public final class BackupWrite<R> extends GridProcessor<R> {
  public static final int CLASS_ID = 3;

  /** The member attribute of builds that read this processor. */
  public static final String ATTRIBUTE = "liaison.backup-write";

  /** Whether every data member of {@code hz}'s cluster (lite members hold no replicas) reads it. */
  public static boolean understoodBy(HazelcastInstance hz) {
    return GridConfig.everyDataMemberAnnounces(hz, ATTRIBUTE);
  }

  public BackupWrite() {}

  public BackupWrite(String value) {
    super(value);
  }

  @Override
  public R process(Map.Entry<String, String> entry) {
    entry.setValue(arg);
    return null;
  }

  /** Never a processor of its own backup: it runs on backups only. */
  @Override
  public BackupWrite<R> getBackupProcessor() {
    return null;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }
}
