package io.liaison.client;

/**
 * A node's health: {@code live} when it answers at all, {@code ready} when it has joined the
 * cluster and reconciled its store with the grid (only then are its answers complete).
 */
public record Health(boolean live, boolean ready) {}
