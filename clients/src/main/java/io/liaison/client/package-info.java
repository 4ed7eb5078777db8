/** The command-line client and Java client library; they speak HTTP to a node only. */
package io.liaison.client;
