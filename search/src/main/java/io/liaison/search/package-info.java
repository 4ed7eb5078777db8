/** Chinese-aware analysis, identifier normalisation, the case index and the link engine. */
package io.liaison.search;
