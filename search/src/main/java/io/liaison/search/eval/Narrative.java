package io.liaison.search.eval;

import io.liaison.api.cases.EntityType;
import io.liaison.search.demo.DemoRegion.County;
import io.liaison.search.eval.LabelledCases.Hub;
import io.liaison.search.eval.LabelledCases.Person;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Case summaries written differently from the demo generator's: a checkpoint stop, a shop
 * inspection, a parcel interception, a warehouse raid, street selling; associates named in the
 * officer's words (供述, 通话记录, 送货人, 货款); depots, logistics parks and markets that many unrelated
 * cases pass through.
 */
final class Narrative {
  private static final List<String> VEHICLES =
      List.of("白色五菱面包车", "银色长安面包车", "黑色大众轿车", "蓝色江淮厢式货车", "灰色皮卡车", "红色重汽半挂车");
  private static final List<String> SHOPS = List.of("烟酒超市", "便民商店", "综合商店", "烟酒批发部", "副食门市", "小卖部");
  private static final List<String> PLACES =
      List.of("前进村", "新胜村", "大营子村", "东沟村", "西滩村", "五一村", "红旗村", "永安村", "胜利村", "南梁村");
  private static final List<String> WITH = List.of("", "联合公安交警", "会同市场监管部门", "联合公安派出所");

  private final SplittableRandom r;
  private final People people;

  Narrative(SplittableRandom r, People people) {
    this.r = r;
    this.people = people;
  }

  /** The opening of a case about {@code focal}; returns the address the case happened at. */
  String open(Story s, Person focal, County c, LocalDate day, String items, String value, Hub hub) {
    String date = day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    String town = pick(c.towns());
    String address = c.name() + town + pick(PLACES) + (1 + r.nextInt(120)) + "号";
    switch (focal.role()) {
      case CARRIER -> {
        address = c.name() + pick(c.places());
        s.say(date + "，" + c.shortName() + "局专卖执法人员" + pick(WITH) + "在" + address)
            .say("对过往车辆开展检查，拦停一辆" + pick(VEHICLES) + "，车牌")
            .id(EntityType.PLATE, focal.plate())
            .say("，驾驶人")
            .name(focal.name());
        idClause(s, focal, 70);
        phoneClause(s, focal, 85);
        s.say("。经查，车内载有" + items + "，驾驶人无法出示烟草专卖品准运证，涉嫌无证运输，案值" + value + "元。");
      }
      case RETAILER -> {
        s.say(date + "，执法人员根据举报对" + address + "“" + focal.name().charAt(0) + "氏" + pick(SHOPS))
            .say("”进行突击检查，经营者")
            .name(focal.name());
        if (r.nextInt(100) < 75) {
          s.say("（烟草专卖零售许可证号").id(EntityType.LICENCE, focal.licence()).say("）");
        }
        phoneClause(s, focal, 60);
        s.say("，在其后院库房查获" + items + "，均无合法来源票据，涉嫌非法渠道购进，案值" + value + "元。");
      }
      case SHIPPER -> {
        Hub depot = hub != null && hub.courier() != null ? hub : null;
        String courier =
            depot != null ? depot.courier() : pick(List.of("顺丰", "圆通", "极兔", "中通", "韵达"));
        address = depot != null ? depot.address() : c.name() + town + courier + "代收点";
        s.say(date + "，执法人员在" + address + "开展寄递环节检查，发现寄往" + pick(List.of("外省", "周边旗县", "北京市")))
            .say("的可疑包裹" + (2 + r.nextInt(9)) + "件，" + courier + "运单号")
            .id(EntityType.WAYBILL, people.waybill(courier))
            .say("，寄件人")
            .name(focal.name());
        phoneClause(s, focal, 95);
        s.say("，开箱查验为" + items + "，案值" + value + "元。");
        if (focal.wechat() != null && r.nextInt(100) < 60) {
          s.say("当事人通过微信号").id(EntityType.ACCOUNT, focal.wechat()).say("发布售烟信息。");
        }
      }
      case SOURCE -> {
        s.say(date + "，根据前期摸排，执法人员会同公安机关对" + address + "一处仓库进行检查，现场查获" + items)
            .say("，经鉴别为" + pick(List.of("假冒注册商标卷烟", "走私卷烟", "非法生产的卷烟")) + "，案值" + value + "元。货主")
            .name(focal.name());
        idClause(s, focal, 80);
        phoneClause(s, focal, 70);
        s.say("。");
        if (focal.card() != null && r.nextInt(100) < 60) {
          s.say("其收取货款的银行卡号为").id(EntityType.ACCOUNT, focal.card()).say("。");
        }
      }
      case SELLER -> {
        s.say(date + "，执法人员在" + address + "附近发现").name(focal.name()).say("无证销售卷烟");
        phoneClause(s, focal, 50);
        idClause(s, focal, 40);
        s.say("，现场查获" + items + "，案值" + value + "元。");
      }
    }
    if (hub != null && focal.role() != LabelledCases.Role.SHIPPER) {
      hubSentence(s, hub);
    }
    // the case form (当事人信息) records the party's ID number and phone beside the narrative
    if (r.nextInt(100) < 85 && !s.text().contains(focal.idNumber().substring(10))) {
      s.listOnly(EntityType.ID_NUMBER, focal.idNumber());
    }
    if (r.nextInt(100) < 50) {
      s.listOnly(EntityType.PHONE, focal.phones().get(0));
    }
    return address;
  }

  /** A sentence naming an associate, with what ties them to the case. */
  void associate(Story s, Person focal, Person p, boolean identifiers) {
    String who = p.county().name();
    switch (r.nextInt(5)) {
      case 0 -> s.say("据" + focal.name() + "供述，其货源来自" + who + "的").name(p.name());
      case 1 -> s.say("经调取通话记录，当事人与" + who + "人员").name(p.name()).say("联系频繁");
      case 2 -> s.say("另查明，负责送货的是").name(p.name());
      case 3 -> s.say("当事人交代，卷烟由").name(p.name()).say("代为联系买家");
      default -> s.say("经查，" + who + "的").name(p.name()).say("为该批卷烟的收货人");
    }
    if (identifiers) {
      phoneClause(s, p, 80);
      if (p.plate() != null && r.nextInt(100) < 50) {
        s.say("，其驾驶车牌号为").id(EntityType.PLATE, p.plate()).say("的车辆");
      }
      if (p.licence() != null && r.nextInt(100) < 35) {
        s.say("，其店铺许可证号").id(EntityType.LICENCE, p.licence());
      }
      idClause(s, p, 15);
      if (p.card() != null && r.nextInt(100) < 25) {
        s.say("，货款转入其银行卡号").id(EntityType.ACCOUNT, p.card());
      }
      if (p.wechat() != null && r.nextInt(100) < 25) {
        s.say("，双方通过微信").id(EntityType.ACCOUNT, p.wechat()).say("联系");
      }
    }
    s.say("。");
  }

  /** The closing sentence. */
  void close(Story s, boolean police) {
    s.say(
        police
            ? "因涉案金额较大，已依法移送公安机关追究刑事责任。"
            : pick(
                List.of("当事人对违法事实供认不讳，已依法作出行政处罚。", "涉案卷烟已依法先行登记保存，案件正在进一步调查中。", "已依法没收涉案卷烟并处罚款。")));
  }

  private void hubSentence(Story s, Hub hub) {
    if (hub.courier() != null) {
      s.say("涉案卷烟此前经" + hub.name() + "（快递员手机").id(EntityType.PHONE, hub.mobile()).say("）揽收转运。");
    } else if (hub.phone() != null) {
      s.say("当事人称货物在" + hub.name() + "（电话").id(EntityType.PHONE, hub.phone()).say("）中转。");
    } else {
      s.say("双方约定在" + hub.address() + "交接货物。");
    }
  }

  private void idClause(Story s, Person p, int percent) {
    if (r.nextInt(100) < percent) {
      boolean bracket = r.nextInt(3) == 0;
      s.say(bracket ? "（身份证号：" : pick(List.of("，身份证号码", "，公民身份号码")))
          .id(EntityType.ID_NUMBER, p.idNumber())
          .say(bracket ? "）" : "");
    }
  }

  private void phoneClause(Story s, Person p, int percent) {
    if (r.nextInt(100) < percent) {
      String phone = p.phones().get(r.nextInt(p.phones().size()));
      s.say(pick(List.of("，手机", "，联系电话", "，电话号码"))).id(EntityType.PHONE, phone);
    }
  }

  private <T> T pick(List<T> list) {
    return list.get(r.nextInt(list.size()));
  }
}
