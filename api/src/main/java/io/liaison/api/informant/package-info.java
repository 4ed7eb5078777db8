/**
 * Lead sources and informants (线源, 举报人): where a lead came from, the informant's identity sealed to
 * officers the poster chose, officers' sealing keys, and the register of reports (举报信息台帐).
 */
package io.liaison.api.informant;
