/** The rules the member bureaus agree and sign together (feedback period, major-case value). */
package io.liaison.api.settings;
