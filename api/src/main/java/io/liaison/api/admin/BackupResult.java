package io.liaison.api.admin;

/**
 * The answer of {@code POST /api/v1/admin/backup}: the backup file on the node's machine, its size
 * and how to restore from it, in one sentence.
 */
public record BackupResult(String file, long bytes, String restore) {}
