package io.liaison.search.demo;

import static io.liaison.search.demo.People.pick;

import io.liaison.api.cases.BrandItem;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.Disposition;
import io.liaison.api.cases.EntityType;
import io.liaison.api.cases.Fen;
import io.liaison.api.cases.Sticks;
import io.liaison.search.demo.DemoRegion.County;
import io.liaison.search.demo.Network.Member;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** Case summaries (案情) in the register officers write them in, one shape per category. */
final class Narratives {
  private Narratives() {}

  /** Tells the case into {@code s}; returns the address where it happened. */
  static String tell(
      SplittableRandom r,
      Story s,
      CaseCategory category,
      County c,
      String town,
      LocalDate day,
      Member party,
      Member partner,
      List<BrandItem> items,
      long valueFen) {
    String date = day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    String value = Fen.toYuan(valueFen).stripTrailingZeros().toPlainString();
    String place = c.name() + town;
    String address;
    switch (category) {
      case UNLICENSED_TRANSPORT -> {
        String spot = pick(r, c.places());
        address =
            r.nextBoolean()
                ? (spot.startsWith(c.name()) ? spot : c.name() + spot)
                : place + pick(r, DemoRegion.VILLAGES) + "路口";
        s.say(date + ",执法人员" + (r.nextBoolean() ? "会同公安交警" : "") + "在" + address + "对一辆车牌号为")
            .id(EntityType.PLATE, party.plate())
            .say("的" + pick(r, DemoRegion.VEHICLES) + "进行检查,现场查获" + items(items) + "。驾驶员")
            .person(party.name());
        idAndPhone(r, s, party);
        s.say("无法提供烟草专卖品准运证,涉嫌无证运输烟草专卖品,涉案卷烟案值" + value + "元。");
        source(r, s, c, partner, "购进");
      }
      case OFF_CHANNEL_PURCHASE -> {
        address = place + pick(r, DemoRegion.STREETS) + (1 + r.nextInt(200)) + "号";
        s.say(
                date
                    + ",执法人员对位于"
                    + address
                    + "的"
                    + party.name().charAt(0)
                    + "记"
                    + pick(r, DemoRegion.SHOPS)
                    + "(许可证号")
            .id(EntityType.LICENCE, party.licence())
            .say(",负责人")
            .person(party.name())
            .say(")进行市场检查,发现店内存放的" + items(items) + "无法提供合法来源证明,系非渠道购进卷烟,案值" + value + "元。");
        source(r, s, c, partner, "进货");
      }
      case UNLICENSED_TRADE, UNLICENSED_WHOLESALE -> {
        address = place + pick(r, DemoRegion.VILLAGES) + (1 + r.nextInt(80)) + "号";
        s.say(
                date
                    + ",根据12313举报线索,执法人员对位于"
                    + address
                    + "的一处"
                    + (r.nextBoolean() ? "民房" : "无证门店")
                    + "进行检查,当事人")
            .person(party.name());
        idAndPhone(r, s, party);
        s.say(
            "未取得烟草专卖"
                + (category == CaseCategory.UNLICENSED_WHOLESALE
                    ? "批发企业许可证擅自" + (r.nextBoolean() ? "批发" : "向零售户批发")
                    : "零售许可证擅自" + (r.nextBoolean() ? "经营" : "销售"))
                + "卷烟,现场查获"
                + items(items)
                + ",案值"
                + value
                + "元。");
        source(r, s, c, partner, "批发");
      }
      case COUNTERFEIT -> {
        address = place + pick(r, DemoRegion.VILLAGES);
        s.say(
                date
                    + ",执法人员在"
                    + address
                    + "一处仓库内查获"
                    + items(items)
                    + ",经"
                    + c.city()
                    + "烟草质量监督检测站鉴别,均为假冒注册商标卷烟,案值"
                    + value
                    + "元。当事人")
            .person(party.name());
        idAndPhone(r, s, party);
        parcel(r, s, "假烟通过", "从外地发来");
        source(r, s, c, partner, "提供货源");
      }
      case SMUGGLING -> {
        address = place + pick(r, DemoRegion.STREETS) + "一处仓库";
        s.say(
                date
                    + ",执法人员在"
                    + address
                    + "查获"
                    + items(items)
                    + ",包装无中文警语,系走私卷烟,案值"
                    + value
                    + "元。货主")
            .person(party.name());
        idAndPhone(r, s, party);
        if (party.wechat() != null) {
          s.say("通过微信号").id(EntityType.ACCOUNT, party.wechat()).say("联系上家,");
        }
        if (party.card() != null) {
          s.say("货款转入银行卡号").id(EntityType.ACCOUNT, party.card()).say("。");
        }
        source(r, s, c, partner, "购进");
      }
      case ONLINE_PARCEL -> {
        String courier = pick(r, DemoRegion.COURIERS);
        address = place + courier + "快递网点";
        County to = pick(r, DemoRegion.COUNTIES);
        s.say(
                date
                    + ",执法人员在"
                    + address
                    + "开展寄递渠道检查,发现寄往"
                    + to.name()
                    + "的包裹"
                    + (1 + r.nextInt(6))
                    + "件,运单号")
            .id(EntityType.WAYBILL, Ids.waybill(r, courier))
            .say(",内装" + items(items) + ",案值" + value + "元。寄件人")
            .person(party.name())
            .say("留存电话")
            .id(EntityType.PHONE, party.phone())
            .say(",当事人通过" + (r.nextBoolean() ? "微信朋友圈" : "网络平台") + "发布卷烟销售信息");
        if (party.wechat() != null) {
          s.say(",微信号").id(EntityType.ACCOUNT, party.wechat());
        }
        if (party.card() != null) {
          s.say(",收款银行卡号").id(EntityType.ACCOUNT, party.card());
        }
        s.say("。");
        source(r, s, c, partner, "收货");
      }
      default -> {
        address = place + pick(r, DemoRegion.STREETS);
        s.say(date + ",执法人员在" + address + "检查时发现")
            .person(party.name())
            .say("经营场所存放" + items(items) + ",当事人无法说明来源,依法先行登记保存。");
      }
    }
    return address;
  }

  /** The closing sentence: penalty or transfer to the police. */
  static void close(SplittableRandom r, Story s, Disposition d, County c, long fineFen) {
    switch (d) {
      case TRANSFERRED_TO_POLICE -> s.say("因涉案金额达到刑事立案追诉标准,已依法移送" + c.name() + "公安局处理。");
      case ADMINISTRATIVE_PENALTY ->
          s.say(
              "依据《中华人民共和国烟草专卖法实施条例》第"
                  + pick(r, List.of("五十六", "五十七", "六十"))
                  + "条之规定,对当事人处以没收涉案卷烟并罚款"
                  + Fen.toYuan(fineFen).stripTrailingZeros().toPlainString()
                  + "元的行政处罚。");
      default -> s.say("案件正在进一步调查中。");
    }
  }

  private static void idAndPhone(SplittableRandom r, Story s, Member p) {
    s.say("(");
    if (r.nextInt(10) < 6) {
      s.say("身份证号").id(EntityType.ID_NUMBER, p.idNumber()).say(",");
    }
    s.say("联系电话").id(EntityType.PHONE, p.phone()).say(")");
  }

  private static void parcel(SplittableRandom r, Story s, String before, String after) {
    String courier = pick(r, DemoRegion.COURIERS);
    s.say(before + courier + "快递" + after + ",运单号")
        .id(EntityType.WAYBILL, Ids.waybill(r, courier))
        .say("。");
  }

  /** Who the goods came from: a partner across the border, named with a phone or plate. */
  private static void source(
      SplittableRandom r, Story s, County here, Member partner, String verb) {
    if (partner == null) {
      return;
    }
    String where = partner.county().equals(here) ? "本地" : partner.county().name();
    s.say("据当事人交代,卷烟系从" + where + "男子").person(partner.name()).say("处" + verb);
    if (r.nextInt(10) < 7) {
      s.say(",双方通过电话").id(EntityType.PHONE, partner.phone()).say("联系");
    }
    if (partner.plate() != null && r.nextInt(10) < 5) {
      s.say(",对方驾驶车牌为").id(EntityType.PLATE, partner.plate()).say("的车辆送货");
    }
    if (partner.licence() != null && r.nextInt(10) < 3) {
      s.say(",其店铺许可证号为").id(EntityType.LICENCE, partner.licence());
    }
    s.say("。");
  }

  private static String items(List<BrandItem> items) {
    StringBuilder b = new StringBuilder();
    for (BrandItem i : items) {
      if (b.length() > 0) {
        b.append("、");
      }
      long cartons = Sticks.toCartons(i.sticks());
      b.append(i.label()).append(cartons % 50 == 0 ? cartons / 50 + "件" : cartons + "条");
    }
    return b.toString();
  }
}
