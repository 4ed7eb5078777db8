package io.liaison.search.eval;

import io.liaison.search.ident.Checksums;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * People and their identifiers for the evaluation data: names drawn with the skew of real Chinese
 * names (王, 李, 张 and 伟, 强, 军 are everywhere, so unrelated people share full names), and identifiers
 * that are unique per person (a registry refuses repeats) unless a near miss is asked for on
 * purpose.
 */
final class People {
  /** Surnames in rough order of frequency in North China; weight ~ 1 / (rank + 2). */
  private static final String SURNAMES =
      "王李张刘赵杨陈郭高马孙徐周吴胡郝贾乔武白霍阎薛段温樊梁宋韩冯曹田董于程苏魏吕丁任沈姚卢崔石范康史侯邢安贺"
          + "常申牛尹秦许邓彭曾肖袁潘蒋蔡余杜叶谢唐罗黄林何郑江汪陆金夏付方邹孟熊邱";

  /** Given names, the most common first; weight ~ 1 / (rank + 3). */
  private static final List<String> GIVEN =
      List.of(
          "伟", "强", "军", "磊", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波",
          "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "红", "梅", "建国", "建军", "志强", "志刚", "海龙",
          "海军", "晓东", "晓明", "红梅", "丽娟", "秀英", "桂兰", "玉兰", "春生", "福生", "二虎", "三宝", "文斌", "永军", "永平",
          "国庆", "卫东", "利军", "建华", "建平", "志明", "海燕", "秀兰", "桂英", "俊杰", "振华", "振国", "德胜", "德明", "保平",
          "保国", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "欢", "佳", "阳", "玉珍", "金花",
          "小军", "小龙", "东升", "占军", "占林", "双喜", "根柱", "满仓", "存良", "润生");

  /** Mongolian names written in Chinese characters, without a surname. */
  private static final List<String> MONGOLIAN =
      List.of("巴特尔", "乌力吉", "苏和", "额尔敦", "宝音图", "其其格", "萨仁", "斯琴", "那仁", "阿拉坦", "朝鲁", "格日勒");

  private static final String[] MOBILE =
      "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 176 177 178 180 181 182 183 185 186 187 188 189 198 199"
          .split(" ");
  private static final String SERIAL = "ABCDEFGHJKLMNPQRSTUVWXYZ";

  /** Division codes of ID numbers: the six bureaus and towns people come from nearby. */
  private static final List<String> HOME_CODES =
      List.of("150102", "150203", "140202", "140212", "130702", "130705", "152601", "130104");

  private final SplittableRandom r;
  private final Set<String> used = new HashSet<>();

  People(SplittableRandom r) {
    this.r = r;
  }

  String name() {
    if (r.nextInt(100) < 3) {
      return MONGOLIAN.get(r.nextInt(MONGOLIAN.size()));
    }
    char surname = SURNAMES.charAt(zipf(SURNAMES.length(), 2));
    String given = GIVEN.get(zipf(GIVEN.size(), 3));
    if (given.length() == 1 && r.nextInt(100) < 45) {
      given += GIVEN.get(zipf(30, 3)).charAt(0);
    }
    return surname + given;
  }

  /** An index in {@code 0..n-1} drawn with weight {@code 1 / (i + offset)}. */
  int zipf(int n, int offset) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += 1.0 / (i + offset);
    }
    double x = r.nextDouble() * total;
    for (int i = 0; i < n; i++) {
      x -= 1.0 / (i + offset);
      if (x <= 0) {
        return i;
      }
    }
    return n - 1;
  }

  String mobile() {
    return unique(() -> MOBILE[r.nextInt(MOBILE.length)] + digits(8));
  }

  String landline(String areaCode) {
    return unique(() -> areaCode + (char) ('2' + r.nextInt(7)) + digits(6));
  }

  String idNumber(String countyCode) {
    return unique(
        () -> {
          String code =
              r.nextInt(100) < 80 ? countyCode : HOME_CODES.get(r.nextInt(HOME_CODES.size()));
          LocalDate born = LocalDate.of(1962, 1, 1).plusDays(r.nextInt(40 * 365));
          String body =
              code
                  + String.format(
                      "%04d%02d%02d%03d",
                      born.getYear(), born.getMonthValue(), born.getDayOfMonth(), r.nextInt(1000));
          return body + Checksums.idNumberCheck(body);
        });
  }

  String plate(String prefix) {
    return unique(
        () -> {
          if (r.nextInt(100) < 8) {
            return prefix + (r.nextBoolean() ? 'D' : 'F') + letterOrDigit() + digits(4);
          }
          StringBuilder b = new StringBuilder(prefix);
          int letters = r.nextInt(3);
          for (int i = 0; i < 5; i++) {
            b.append(
                i < letters && r.nextBoolean()
                    ? SERIAL.charAt(r.nextInt(SERIAL.length()))
                    : digit());
          }
          return b.toString();
        });
  }

  String licence(String countyCode) {
    return unique(() -> countyCode + digits(6));
  }

  String wechat() {
    return unique(
        () -> {
          if (r.nextBoolean()) {
            return "wxid_" + lowerAlnum(10);
          }
          StringBuilder b = new StringBuilder().append((char) ('a' + r.nextInt(26)));
          return b.append(lowerAlnum(5 + r.nextInt(6))).toString();
        });
  }

  String bankCard() {
    return unique(
        () -> {
          String body = "62" + digits(r.nextInt(100) < 70 ? 15 : 16);
          for (char d = '0'; d <= '9'; d++) {
            if (Checksums.luhn(body + d)) {
              return body + d;
            }
          }
          throw new IllegalStateException("no Luhn digit");
        });
  }

  String waybill(String courier) {
    return unique(
        () ->
            switch (courier) {
              case "顺丰" -> "SF" + digits(12);
              case "圆通" -> "YT" + digits(13);
              case "极兔" -> "JT" + digits(13);
              case "中通" -> (r.nextBoolean() ? "75" : "78") + digits(10);
              case "韵达" -> (r.nextBoolean() ? "43" : "46") + digits(11);
              default -> "1" + digits(12);
            });
  }

  /** A mobile number one digit off {@code phone} that no one has yet: a hard negative. */
  String nearMiss(String phone) {
    return unique(
        () -> {
          char[] c = phone.toCharArray();
          int i = 3 + r.nextInt(c.length - 3);
          c[i] = (char) ('0' + (c[i] - '0' + 1 + r.nextInt(9)) % 10);
          return new String(c);
        });
  }

  private String unique(java.util.function.Supplier<String> make) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      String s = make.get();
      if (used.add(s)) {
        return s;
      }
    }
    throw new IllegalStateException("identifier space exhausted");
  }

  private String digits(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(digit());
    }
    return b.toString();
  }

  private char digit() {
    return (char) ('0' + r.nextInt(10));
  }

  private char letterOrDigit() {
    return r.nextBoolean() ? SERIAL.charAt(r.nextInt(SERIAL.length())) : digit();
  }

  private String lowerAlnum(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(36);
      b.append(k < 26 ? (char) ('a' + k) : (char) ('0' + k - 26));
    }
    return b.toString();
  }
}
