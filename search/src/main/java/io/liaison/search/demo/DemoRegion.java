package io.liaison.search.demo;

import io.liaison.api.BureauId;
import java.util.List;

/**
 * The demo region: five counties and one county-level city on the Inner Mongolia–Shanxi–Hebei
 * border (乌兰察布 / 大同 / 张家口), with their real towns (乡镇), roads and plate prefixes, and the brands
 * that circulate there.
 */
public final class DemoRegion {
  private DemoRegion() {}

  /** One county of the region and what a plausible case there mentions. */
  public record County(
      BureauId bureau,
      String name,
      String shortName,
      String city,
      String platePrefix,
      String areaCode,
      double lat,
      double lon,
      List<String> towns,
      List<String> places) {}

  /** A cigarette brand and specification with its retail price per carton (条) in 元. */
  public record Brand(String name, String spec, int yuanPerCarton, boolean foreign) {}

  public static final List<County> COUNTIES =
      List.of(
          new County(
              BureauId.of("150924"),
              "兴和县",
              "兴",
              "乌兰察布市",
              "蒙J",
              "0474",
              40.87,
              113.83,
              List.of("城关镇", "张皋镇", "赛乌素镇", "鄂尔栋镇", "店子镇", "大库联乡", "民族团结乡", "五股泉乡", "大同夭乡"),
              List.of("110国道检查站", "京新高速兴和收费站", "张皋镇货运站", "兴和县汽车站", "城关镇农贸市场")),
          new County(
              BureauId.of("150981"),
              "丰镇市",
              "丰",
              "乌兰察布市",
              "蒙J",
              "0474",
              40.44,
              113.11,
              List.of(
                  "隆盛庄镇", "黑土台镇", "红砂坝镇", "三义泉镇", "巨宝庄镇", "浑源窑乡", "元山子乡", "官屯堡乡", "新城区街道", "旧城区街道"),
              List.of("208国道检查站", "二广高速丰镇收费站", "丰镇火车站货场", "隆盛庄镇集贸市场", "丰镇物流园")),
          new County(
              BureauId.of("140222"),
              "天镇县",
              "天",
              "大同市",
              "晋B",
              "0352",
              40.42,
              114.09,
              List.of(
                  "玉泉镇", "谷前堡镇", "米薪关镇", "新平堡镇", "逯家湾镇", "南河堡乡", "卅里铺乡", "赵家沟乡", "张西河乡", "马家皂乡",
                  "贾家屯乡"),
              List.of("110国道天镇段", "京藏高速天镇收费站", "新平堡镇三省交界处", "天镇县客运站", "玉泉镇东街市场")),
          new County(
              BureauId.of("140221"),
              "阳高县",
              "阳",
              "大同市",
              "晋B",
              "0352",
              40.36,
              113.75,
              List.of(
                  "龙泉镇", "罗文皂镇", "大白登镇", "古城镇", "东小村镇", "王官屯镇", "友宰镇", "狮子屯乡", "长城乡", "鳌石乡", "下深井乡",
                  "北徐屯乡"),
              List.of("京藏高速阳高收费站", "110国道阳高段", "龙泉镇商贸城", "阳高县物流中心", "罗文皂镇汽车站")),
          new County(
              BureauId.of("130728"),
              "怀安县",
              "怀",
              "张家口市",
              "冀G",
              "0313",
              40.67,
              114.38,
              List.of(
                  "柴沟堡镇", "左卫镇", "头百户镇", "怀安城镇", "渡口堡乡", "第六屯乡", "西湾堡乡", "西沙城乡", "太平庄乡", "王虎屯乡",
                  "第三堡乡"),
              List.of("京藏高速怀安收费站", "110国道怀安段", "柴沟堡镇农贸市场", "左卫镇物流点", "怀安县汽车站")),
          new County(
              BureauId.of("130725"),
              "尚义县",
              "尚",
              "张家口市",
              "冀G",
              "0313",
              41.08,
              113.97,
              List.of(
                  "南壕堑镇", "大青沟镇", "八道沟镇", "红土梁镇", "小蒜沟镇", "三工地镇", "满井镇", "大营盘乡", "大苏计乡", "石井乡",
                  "七甲乡", "甲石河乡", "下马圈乡", "套里庄乡"),
              List.of("张石高速尚义收费站", "241省道检查站", "南壕堑镇汽车站", "尚义县物流园", "大青沟镇集市")));

  public static final List<Brand> BRANDS =
      List.of(
          new Brand("中华", "硬", 450, false),
          new Brand("中华", "软", 650, false),
          new Brand("玉溪", "软", 230, false),
          new Brand("玉溪", "硬", 200, false),
          new Brand("云烟", "紫", 110, false),
          new Brand("云烟", "软珍品", 220, false),
          new Brand("黄鹤楼", "硬金砂", 200, false),
          new Brand("黄鹤楼", "软蓝", 190, false),
          new Brand("芙蓉王", "硬", 260, false),
          new Brand("利群", "新版", 140, false),
          new Brand("利群", "阳光", 200, false),
          new Brand("南京", "炫赫门", 180, false),
          new Brand("南京", "雨花石", 750, false),
          new Brand("苏烟", "五星红杉树", 250, false),
          new Brand("红塔山", "经典1956", 100, false),
          new Brand("泰山", "红将军", 120, false),
          new Brand("钻石", "荷花", 300, false),
          new Brand("贵烟", "跨越", 230, false),
          new Brand("娇子", "宽窄好运", 160, false),
          new Brand("黄金叶", "天叶", 1000, false),
          new Brand("白沙", "和天下", 1000, false),
          new Brand("冬虫夏草", "和润", 1000, false),
          new Brand("双喜", "硬经典", 100, false),
          new Brand("七匹狼", "通仙", 150, false),
          new Brand("万宝路", "硬红", 230, true),
          new Brand("爱喜", "薄荷", 180, true),
          new Brand("七星", "蓝", 200, true),
          new Brand("登喜路", "硬", 300, true));

  static final List<String> SURNAMES =
      List.of(
          "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
          "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅",
          "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "乔", "白", "武", "康",
          "郝", "申", "乌", "那", "云", "奇");

  static final List<String> GIVEN =
      List.of(
          "伟", "强", "军", "磊", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波",
          "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "欢", "佳", "阳", "建国", "建军", "志强",
          "志刚", "海龙", "海军", "晓东", "晓明", "红梅", "丽娟", "秀英", "桂兰", "玉兰", "春生", "福生", "二虎", "三宝", "宝音",
          "巴图", "其其格", "金花", "文斌", "文涛", "永军", "永平", "国庆", "卫东", "利军");

  static final List<String> VEHICLES =
      List.of("面包车", "小型轿车", "轻型厢式货车", "越野车", "小型普通客车", "重型半挂牵引车", "中型厢式货车", "皮卡车");

  static final List<String> SHOPS = List.of("烟酒商行", "便利店", "超市", "小卖部", "百货店", "烟酒店", "副食店", "商店");

  static final List<String> STREETS =
      List.of("团结路", "建设街", "人民路", "新华街", "解放路", "迎宾大道", "胜利街", "文化路", "东街", "西街", "南街", "北街");

  static final List<String> VILLAGES =
      List.of("前村", "后村", "东村", "西村", "南沟村", "北沟村", "营子村", "窑子村", "堡子村", "湾村", "梁村", "庄村");

  static final List<String> COURIERS = List.of("顺丰", "圆通", "极兔", "中通", "韵达", "申通");
}
