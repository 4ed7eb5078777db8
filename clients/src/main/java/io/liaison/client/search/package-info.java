/**
 * Answers of the node's search of the shared history, as the Java client reads them: {@link
 * io.liaison.client.search.SearchPage} and {@link io.liaison.client.search.IdentifierPage}.
 */
package io.liaison.client.search;
