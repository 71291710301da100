package jp.linkage.hub.registry;

import java.util.List;

/** Small built-in lists for {@link SyntheticPopulation}; common names, combined at random. */
final class SyntheticNames {

  static final List<String> FAMILY =
      List.of(
          "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本",
          "井上", "木村", "林", "斎藤", "清水");

  static final List<String> GIVEN_MALE =
      List.of("太郎", "翔太", "大輔", "健", "蓮", "陽翔", "拓也", "一郎", "ひろし", "ケンタ");

  static final List<String> GIVEN_FEMALE =
      List.of("花子", "陽菜", "美咲", "結衣", "さくら", "葵", "由美", "恵子", "あかり", "ミユキ");

  /** 全国地方公共団体コード with the 町名 used for synthetic addresses there. */
  record Municipality(String code, String prefix, List<String> towns) {}

  /** The two municipalities that are agencies in this hub (muni-131016, muni-271004). */
  static final List<Municipality> MUNICIPALITIES =
      List.of(
          new Municipality("131016", "東京都千代田区", List.of("丸の内", "神田神保町", "麹町", "九段南", "永田町", "有楽町")),
          new Municipality(
              "271004", "大阪府大阪市", List.of("北区梅田", "中央区本町", "西区靱本町", "天王寺区上本町", "浪速区難波中")));

  private SyntheticNames() {}
}
