package io.liaison.node.http;

import io.liaison.api.Problem;

/**
 * A failure that the API reports as a problem document. Thrown (or failed into a Future) by any
 * handler or service; {@link Problems} turns it into the response.
 */
public class ApiException extends RuntimeException {
  private final transient Problem problem;
  private final Long retryAfterSeconds;

  public ApiException(Problem problem) {
    this(problem, null);
  }

  /** A problem with a {@code Retry-After} (seconds) for the client, e.g. 429 or 503. */
  public ApiException(Problem problem, Long retryAfterSeconds) {
    super(
        problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()),
        null,
        false,
        false);
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public Problem problem() {
    return problem;
  }

  public static ApiException badRequest(String slug, String detail, String field) {
    return new ApiException(Problem.of(slug, "Bad request", 400, detail, field));
  }

  public static ApiException unprocessable(String slug, String detail, String field) {
    return new ApiException(Problem.of(slug, "Invalid content", 422, detail, field));
  }

  public static ApiException notFound(String what) {
    return new ApiException(Problem.of("not-found", "Not found", 404, what, null));
  }

  public static ApiException conflict(String slug, String detail) {
    return new ApiException(Problem.of(slug, "Conflict", 409, detail, null));
  }

  public static ApiException unavailable(String detail) {
    return new ApiException(Problem.of("unavailable", "Service unavailable", 503, detail, null));
  }
}
