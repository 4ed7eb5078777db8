/** Major-case notices (重大案件及时上报) on leads. */
package io.liaison.api.major;
