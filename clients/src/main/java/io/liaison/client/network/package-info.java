/**
 * Networked cases (网络案件) as the Java client reads them: networks with their graph and evidence,
 * merge proposals (并案建议) with their decisions and status, hits on restricted records.
 */
package io.liaison.client.network;
