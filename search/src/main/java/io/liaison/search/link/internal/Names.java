package io.liaison.search.link.internal;

import io.liaison.search.ident.Fold;
import io.liaison.search.link.Frequency;
import io.liaison.search.link.LinkOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinese person names: the normal form used for matching, the variants that count as the same name
 * written differently, and names found in a narrative after the words officers put before them
 * (当事人, 驾驶员, 男子…).
 */
public final class Names {
  /** Common single-character surnames (百家姓, by frequency) and the compound ones. */
  static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱"
          + "江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
          + "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米"
          + "柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝萧阎乌那云奇";

  static final String[] COMPOUND_SURNAMES = {
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木"
  };

  /**
   * Words after which a narrative names a person: the roles officers write before a name (当事人, 驾驶员,
   * 货主…) and the phrases that introduce an associate who is named but not described — 发现X无证销售,
   * 据X供述, 与…人员X联系, 负责送货的是X, 由X代为联系, 来自…县的X. An associate is often written only there, never listed
   * on the form.
   */
  private static final String[] CUES = {
    "犯罪嫌疑人", "嫌疑人", "当事人", "驾驶员", "驾驶人", "司机", "男子", "女子", "货主", "负责人", "经营者", "经营户", "店主", "老板",
    "寄件人", "收件人", "收货人", "发货人", "联系人", "上家", "下家", "同伙", "车主", "户主", "业主", "姓名", "名叫", "绰号",
    "发现", "据", "人员", "的是", "由", "县的", "市的", "旗的", "区的"
  };

  /** Characters that end a name (what usually follows one in a narrative). */
  private static final String AFTER_NAME =
      "处的在于从向称等及和与将把被为是系因经所已未无对持涉通名身电手使开租用家店自驾联交供提发寄收购销运送非代负" + "男女某(（,，。;；:：、 \n";

  private static final int MAX_NAME = 12;

  /**
   * Characters that are in words officers write after a cue (快递, 到…县, 驿站, 物流) and hardly ever in a
   * given name: a cue followed by one of these is no name.
   */
  private static final String NEVER_GIVEN = "快递到县乡镇村市区省路街号站点局司所部店场园货车运物流件";

  /** The twenty most common surnames: about half of all people bear one of them. */
  private static final String TOP_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";

  private Names() {}

  /**
   * The form names are compared in: folded, without spaces, middle dots unified; null when the text
   * is no usable name (empty, too long, a placeholder such as {@code 王某} or {@code 不详}).
   */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    String folded = Fold.fold(raw);
    StringBuilder b = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      if (c != '·' && !isHan(c)) {
        return null;
      }
      b.append(c);
    }
    String s = b.toString();
    if (s.length() < 2
        || s.length() > MAX_NAME
        || s.indexOf('某') >= 0
        || s.contains("不详")
        || s.contains("未知")
        || s.contains("无名")) {
      return null;
    }
    return s;
  }

  /**
   * The frequency band of a name: what its document frequency says, but at least {@link
   * Frequency#COMMON} for a name that is common in the population whatever the index holds so far —
   * two characters with one of the twenty most common surnames (王伟, 李强), or a name without a Han
   * surname (巴特尔, 其其格: Mongolian names repeat as much). A young index must not take 王伟 for a rare
   * name.
   */
  public static Frequency band(LinkOptions options, String name, int records) {
    Frequency f = options.names().of(records);
    boolean commonByNature =
        name.length() == 2 && TOP_SURNAMES.indexOf(name.charAt(0)) >= 0
            || surnameLength(name, 0) == 0;
    return commonByNature ? f.worse(Frequency.COMMON) : f;
  }

  /**
   * Whether two different normalised names are variants of one name: the same surname and, in a
   * name of three or more characters, one other character replaced (a homophone or a slip: 王海军 /
   * 王海君) or the two given-name characters swapped. Two-character names have no variants: a single
   * character is too little to tell a slip from another person.
   */
  public static boolean variants(String a, String b) {
    int n = a.length();
    if (n < 3 || n != b.length() || a.charAt(0) != b.charAt(0) || a.equals(b)) {
      return false;
    }
    int diff = 0;
    for (int i = 1; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        diff++;
      }
    }
    boolean swapped =
        n == 3
            && a.charAt(1) == b.charAt(2)
            && a.charAt(2) == b.charAt(1)
            && a.charAt(1) != a.charAt(2);
    return diff == 1 || swapped;
  }

  /** Words before an officer's name (执法人员王平) and after it (王平（执法证号…）). */
  private static final String[] OFFICER_BEFORE = {"执法", "稽查", "办案", "检查"};

  private static final String[] OFFICER_AFTER = {"（执法证", "(执法证", "（证号", "(证号", "（检查证", "(检查证"};

  /**
   * Whether the name ending at {@code end}, found after the cue at {@code cue}, is an enforcement
   * officer's: officers' names are written into every narrative and are never evidence.
   */
  static boolean officer(String text, int cue, int end) {
    for (String w : OFFICER_BEFORE) {
      if (cue >= w.length() && text.startsWith(w, cue - w.length())) {
        return true;
      }
    }
    for (String w : OFFICER_AFTER) {
      if (text.startsWith(w, end)) {
        return true;
      }
    }
    return false;
  }

  /** A name found in a narrative and where it starts. */
  public record Found(String name, int start) {}

  /**
   * Names written after a cue word. {@code known} names (the record's listed persons) are preferred
   * where one starts at that position; otherwise a surname from the list and one or two more
   * characters are taken, stopping before a character that usually follows a name.
   */
  public static List<Found> find(String text, List<String> known) {
    List<Found> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    for (String cue : CUES) {
      for (int at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
        int start = at + cue.length();
        if (cue.equals("由") && text.startsWith("于", start)) {
          continue; // 由于: "because", not 由 + a person surnamed 于
        }
        while (start < text.length() && (text.charAt(start) == ':' || text.charAt(start) == '：')) {
          start++;
        }
        String name = nameAt(text, start, known);
        if (name != null && !officer(text, at, start + name.length())) {
          found.add(new Found(name, start));
        }
      }
    }
    for (String k : known) {
      for (int at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) {
        found.add(new Found(k, at));
      }
    }
    found.sort(
        (x, y) ->
            x.start() != y.start()
                ? Integer.compare(x.start(), y.start())
                : Integer.compare(y.name().length(), x.name().length()));
    List<Found> distinct = new ArrayList<>(found.size());
    for (Found f : found) {
      if (distinct.isEmpty() || distinct.get(distinct.size() - 1).start() != f.start()) {
        distinct.add(f);
      }
    }
    return distinct;
  }

  private static String nameAt(String text, int start, List<String> known) {
    String best = null;
    for (String k : known) {
      if (text.startsWith(k, start) && (best == null || k.length() > best.length())) {
        best = k;
      }
    }
    if (best != null) {
      return best;
    }
    int surname = surnameLength(text, start);
    if (surname == 0) {
      return null;
    }
    int end = start + surname;
    int given = 0;
    while (given < 2 && end < text.length() && isHan(text.charAt(end))) {
      if (given > 0 && AFTER_NAME.indexOf(text.charAt(end)) >= 0) {
        break;
      }
      end++;
      given++;
    }
    if (given == 0) {
      return null;
    }
    for (int i = start + surname; i < end; i++) {
      if (NEVER_GIVEN.indexOf(text.charAt(i)) >= 0) {
        return null; // 申通快(递), 曾到怀(安县): words, not a name
      }
    }
    return normalise(text.substring(start, end));
  }

  private static int surnameLength(String text, int start) {
    for (String c : COMPOUND_SURNAMES) {
      if (text.startsWith(c, start)) {
        return 2;
      }
    }
    return start < text.length() && SURNAMES.indexOf(text.charAt(start)) >= 0 ? 1 : 0;
  }

  static boolean isHan(char c) {
    if (c >= '\u4e00' && c <= '\u9fff') {
      return true; // the unified ideographs: nearly every character of a case file
    }
    return c >= '\u2e80' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
