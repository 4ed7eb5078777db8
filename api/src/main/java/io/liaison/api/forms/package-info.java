/** The four forms of a case file: registration, investigation, handling, feedback. */
package io.liaison.api.forms;
