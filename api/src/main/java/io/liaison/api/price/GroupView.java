package io.liaison.api.price;

/** A group with the proof of its newest version. */
public record GroupView(SelfDisciplineGroup group, CheckView.Proof proof) {}
