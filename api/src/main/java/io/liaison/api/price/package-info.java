/**
 * Wire types of price agreements and mutual price checks (价格互查): self-discipline groups (自律互助小组),
 * their agreed prices, unannounced checks and their findings, and the figures computed from them.
 * Money is fen ({@code long}); deviations are exact decimals of 元.
 */
package io.liaison.api.price;
