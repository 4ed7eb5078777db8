package io.liaison.api.price;

/**
 * The data of events {@code price.check.planned} (no visits yet) and {@code price.check.recorded}:
 * a cross-check of {@code checkedBureau}'s retailers by {@code checkingBureau}, how many retailers
 * were visited and how many of them were found not compliant.
 */
public record CheckEvent(
    String checkId, String checkingBureau, String checkedBureau, int visits, int nonCompliant) {}
