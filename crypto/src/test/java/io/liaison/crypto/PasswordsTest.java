package io.liaison.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void aPasswordVerifiesAgainstItsOwnHashOnly() {
    String h = Passwords.hash("正确的密码-2026".toCharArray());
    assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(Passwords.verify("正确的密码-2026".toCharArray(), h)).isTrue();
    assertThat(Passwords.verify("正确的密码-2025".toCharArray(), h)).isFalse();
    assertThat(Passwords.hash("x".toCharArray())).isNotEqualTo(Passwords.hash("x".toCharArray()));
  }

  @Test
  void malformedOrWeakenedEncodingsNeverVerify() {
    String h = Passwords.hash("pw".toCharArray());
    assertThat(Passwords.verify("pw".toCharArray(), null)).isFalse();
    assertThat(Passwords.verify("pw".toCharArray(), "plain")).isFalse();
    assertThat(Passwords.verify("pw".toCharArray(), h.replace("argon2id", "argon2i"))).isFalse();
    assertThat(Passwords.verify("pw".toCharArray(), h.replace("t=2", "t=0"))).isFalse();
    assertThat(Passwords.verify("pw".toCharArray(), h.substring(0, h.length() - 4) + "AAAA"))
        .isFalse();
  }
}
