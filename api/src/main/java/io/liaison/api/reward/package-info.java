/**
 * The reward ledger (奖励兑现): the sharing rule the bureaus sign, the case figures a reward is
 * computed from, the exact-fen calculator and the signed settlement entries (see {@code
 * docs/reports.md}, "奖励兑现 — reward ledger").
 */
package io.liaison.api.reward;
