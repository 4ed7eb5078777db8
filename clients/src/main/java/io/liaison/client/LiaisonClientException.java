package io.liaison.client;

import io.liaison.api.Problem;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The node answered a request with an error. {@link #problem()} is the node's RFC 9457 problem
 * document; when the answer was not {@code application/problem+json} (a proxy's error page, say),
 * an {@code about:blank} problem with the HTTP status is made up so that callers handle one shape.
 * A 429 (too many requests, or an officer locked out after failed sign-ins) or a 503 says when to
 * try again: {@link #retryAfter()}.
 */
public final class LiaisonClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final Duration retryAfter;

  public LiaisonClientException(Problem problem) {
    this(problem, null);
  }

  /** An error answer with the wait its {@code Retry-After} header asked for (null: none). */
  public LiaisonClientException(Problem problem, Duration retryAfter) {
    super(describe(problem));
    this.problem = Objects.requireNonNull(problem, "problem");
    this.retryAfter = retryAfter;
  }

  /** The problem document as the node sent it. */
  public Problem problem() {
    return problem;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return problem.status();
  }

  /** The stable part of the problem type after the project's base, e.g. {@code invalid-field}. */
  public String slug() {
    String type = problem.type().toString();
    return type.startsWith(Problem.TYPE_BASE) ? type.substring(Problem.TYPE_BASE.length()) : type;
  }

  /** Whether the problem is of type {@code slug}, e.g. {@code invalid-token}. */
  public boolean is(String slug) {
    return slug().equals(slug);
  }

  /** How long the node asked the caller to wait before trying again, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static String describe(Problem p) {
    StringBuilder sb =
        new StringBuilder(p.title()).append(" (HTTP ").append(p.status()).append(')');
    if (p.detail() != null) {
      sb.append(": ").append(p.detail());
    }
    if (p.field() != null) {
      sb.append(" [field ").append(p.field()).append(']');
    }
    return sb.toString();
  }
}
