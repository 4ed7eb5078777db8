package io.liaison.node.cluster;

import java.util.Map;

/**
 * Writes on a backup replica the value that its owner's processor wrote. A processor that decides
 * something (a claim) hands this to Hazelcast as its backup processor instead of itself, so the
 * backup neither parses and decides again (the owner's answer waits for the backup's
 * acknowledgement) nor could decide otherwise than the owner did.
 */
public final class BackupWrite extends GridProcessor {
  public static final int CLASS_ID = 3;

  public BackupWrite() {}

  public BackupWrite(String value) {
    super(value);
  }

  @Override
  public String process(Map.Entry<String, String> entry) {
    entry.setValue(arg);
    return null;
  }

  /** Never a processor of its own backup: it runs on backups only. */
  @Override
  public BackupWrite getBackupProcessor() {
    return null;
  }

  @Override
  public int getClassId() {
    return CLASS_ID;
  }
}
