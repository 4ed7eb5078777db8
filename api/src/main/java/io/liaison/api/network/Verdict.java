package io.liaison.api.network;

/** What a bureau decides on a merge proposal: {@code ACCEPT} 同意并案, {@code DECLINE} 不同意. */
public enum Verdict {
  ACCEPT,
  DECLINE
}
