/** A bureau's area (辖区) and the shared records that touch it (涉及对方辖区的及时互通). */
package io.liaison.api.area;
