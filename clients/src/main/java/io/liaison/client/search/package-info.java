/**
 * The query of the node's search of the shared history ({@link
 * io.liaison.client.search.SearchQuery}); its answers are the wire types of {@code
 * io.liaison.api.search} ({@code SearchPage}, {@code IdentifierPage}).
 */
package io.liaison.client.search;
