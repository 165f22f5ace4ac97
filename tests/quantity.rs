//! Table-driven tests of the quantity parser, on phrases from the seed articles (normalized:
//! ASCII digits and punctuation, no layout whitespace) and on the forms the parser promises.

use std::str::FromStr;

use claimcheck::quantity::{Bound, Quantity, find_all, parse_at};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// One expected quantity: `(text, printed, value, unit, base value, dimension, low, high,
/// qualifier, comparator)`. `printed` picks the quantity out of `find_all(text)`. Bounds are
/// written `[46.5` / `(10` and `47.5)` / `5]`, `-` for unbounded; `""` for no qualifier.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Money, reported figures: rounding intervals of half the last printed digit.
    ("公共财政预算收入完成3.06亿元", "3.06亿元", "3.06", "亿元", "306000000", "money", "[3.055", "3.065)", "", "="),
    ("2013年,中站区地区生产总值完成47亿元,同比增长12.9%", "47亿元", "47", "亿元", "4700000000", "money", "[46.5", "47.5)", "", "="),
    ("固定资产投资完成40.6亿元", "40.6亿元", "40.6", "亿元", "4060000000", "money", "[40.55", "40.65)", "", "="),
    ("社会消费品零售总额完成6.2亿元", "6.2亿元", "6.2", "亿元", "620000000", "money", "[6.15", "6.25)", "", "="),
    ("城镇居民人均可支配收入达18447元", "18447元", "18447", "元", "18447", "money", "[18446.5", "18447.5)", "", "="),
    ("农民人均纯收入达10450元", "10450元", "10450", "元", "10450", "money", "[10449.5", "10450.5)", "", "="),
    ("规模以上工业增加值完成21.6亿元", "21.6亿元", "21.6", "亿元", "2160000000", "money", "[21.55", "21.65)", "", "="),
    ("全年高新技术企业增加值完成12.2亿元", "12.2亿元", "12.2", "亿元", "1220000000", "money", "[12.15", "12.25)", "", "="),
    ("省重点项目完成投资24.5亿元,占年度计划的196%", "24.5亿元", "24.5", "亿元", "2450000000", "money", "[24.45", "24.55)", "", "="),
    ("区重点项目完成投资83.6亿元", "83.6亿元", "83.6", "亿元", "8360000000", "money", "[83.55", "83.65)", "", "="),
    ("完成主营业务收入140亿元,税收4.96亿元", "4.96亿元", "4.96", "亿元", "496000000", "money", "[4.955", "4.965)", "", "="),
    ("全年投入7000万元", "7000万元", "7000", "万元", "70000000", "money", "[6999.5", "7000.5)", "", "="),
    ("全区财政用于民生支出达4亿元", "4亿元", "4", "亿元", "400000000", "money", "[3.5", "4.5)", "", "="),
    ("争取各类政策资金4.19亿元", "4.19亿元", "4.19", "亿元", "419000000", "money", "[4.185", "4.195)", "", "="),
    ("总投资149.2亿元,金额占全市的63.4%", "149.2亿元", "149.2", "亿元", "14920000000", "money", "[149.15", "149.25)", "", "="),
    ("为企业新增贷款99.52亿元", "99.52亿元", "99.52", "亿元", "9952000000", "money", "[99.515", "99.525)", "", "="),
    ("发放消费券89万元,拉动传统消费6000万元", "89万元", "89", "万元", "890000", "money", "[88.5", "89.5)", "", "="),
    ("发放消费券89万元,拉动传统消费6000万元", "6000万元", "6000", "万元", "60000000", "money", "[5999.5", "6000.5)", "", "="),
    ("争取“科技贷”资金2100万元", "2100万元", "2100", "万元", "21000000", "money", "[2099.5", "2100.5)", "", "="),
    ("技术合同成交额7.12亿元", "7.12亿元", "7.12", "亿元", "712000000", "money", "[7.115", "7.125)", "", "="),
    ("合计获得奖补资金3520万元", "3520万元", "3520", "万元", "35200000", "money", "[3519.5", "3520.5)", "", "="),
    ("累计民生支出5.91亿元", "5.91亿元", "5.91", "亿元", "591000000", "money", "[5.905", "5.915)", "", "="),
    ("1~8月份完成投资62.1亿元,占年度投资计划的70.1%", "62.1亿元", "62.1", "亿元", "6210000000", "money", "[62.05", "62.15)", "", "="),
    ("计划完成年度投资88.5亿元", "88.5亿元", "88.5", "亿元", "8850000000", "money", "[88.45", "88.55)", "", "="),
    ("项目总投资613.3亿元", "613.3亿元", "613.3", "亿元", "61330000000", "money", "[613.25", "613.35)", "", "="),
    ("1~8月份完成投资62亿元", "62亿元", "62", "亿元", "6200000000", "money", "[61.5", "62.5)", "", "="),
    ("2020年全区新增贷款58.04亿元", "58.04亿元", "58.04", "亿元", "5804000000", "money", "[58.035", "58.045)", "", "="),
    ("全区实际利用外资3446万美元", "3446万美元", "3446", "万美元", "34460000", "money", "[3445.5", "3446.5)", "", "="),
    ("实际利用外资500万美元,排名全市第二", "500万美元", "500", "万美元", "5000000", "money", "[499.5", "500.5)", "", "="),
    ("全年一般公共预算收入完成8.9亿元,增长5.6%", "8.9亿元", "8.9", "亿元", "890000000", "money", "[8.85", "8.95)", "", "="),
    ("提供应急转贷资金147笔9.19亿元", "9.19亿元", "9.19", "亿元", "919000000", "money", "[9.185", "9.195)", "", "="),
    ("新引进项目64个,总投资564.5亿元", "564.5亿元", "564.5", "亿元", "56450000000", "money", "[564.45", "564.55)", "", "="),
    ("已下达债券资金6.45亿元", "6.45亿元", "6.45", "亿元", "645000000", "money", "[6.445", "6.455)", "", "="),
    ("意向投资454.16亿元", "454.16亿元", "454.16", "亿元", "45416000000", "money", "[454.155", "454.165)", "", "="),
    ("为科技型小微企业提供科技贷款4600万元", "4600万元", "4600", "万元", "46000000", "money", "[4599.5", "4600.5)", "", "="),
    ("总规模74.36亿元,到位10.84亿元", "74.36亿元", "74.36", "亿元", "7436000000", "money", "[74.355", "74.365)", "", "="),
    ("22个市重点项目总投资170.96亿元", "170.96亿元", "170.96", "亿元", "17096000000", "money", "[170.955", "170.965)", "", "="),
    ("去年完成技术合同登记10.38亿元", "10.38亿元", "10.38", "亿元", "1038000000", "money", "[10.375", "10.385)", "", "="),
    ("1.2万亿元", "1.2万亿元", "1.2", "万亿元", "1200000000000", "money", "[1.15", "1.25)", "", "="),
    ("16.4亿元", "16.4亿元", "16.4", "亿元", "1640000000", "money", "[16.35", "16.45)", "", "="),
    ("人均1,200元", "1,200元", "1200", "元", "1200", "money", "[1199.5", "1200.5)", "", "="),
    ("奖励3千元", "3千元", "3", "千元", "3000", "money", "[2.5", "3.5)", "", "="),
    ("投资5千万元", "5千万元", "5", "千万元", "50000000", "money", "[4.5", "5.5)", "", "="),
    // Chinese numerals: precision of the last non-zero digit.
    ("一百二十亿元", "一百二十亿元", "120", "亿元", "12000000000", "money", "[115", "125)", "", "="),
    ("三亿五千万元", "三亿五千万元", "3.5", "亿元", "350000000", "money", "[3.45", "3.55)", "", "="),
    ("两千万元", "两千万元", "2000", "万元", "20000000", "money", "[1500", "2500)", "", "="),
    ("投资三点五亿元", "三点五亿元", "3.5", "亿元", "350000000", "money", "[3.45", "3.55)", "", "="),
    ("年产值一千二百万元", "一千二百万元", "1200", "万元", "12000000", "money", "[1150", "1250)", "", "="),
    // 余/多: [v, v + step of the last significant place), or one of the scale after it.
    ("全年用于科技创新投入达1200余万元", "1200余万元", "1200", "万元", "12000000", "money", "[1200", "1300)", "余", "="),
    ("全年发放各类补助资金250余万元", "250余万元", "250", "万元", "2500000", "money", "[250", "260)", "余", "="),
    ("落实人才政策资金1300余万元", "1300余万元", "1300", "万元", "13000000", "money", "[1300", "1400)", "余", "="),
    ("拆除违规建筑5万余平方米", "5万余平方米", "5", "万平方米", "50000", "area", "[5", "6)", "余", "="),
    ("还集聚有各类检验检测机构20余家", "20余家", "20", "家", "20", "count", "[20", "30)", "余", "="),
    ("入驻企业400余家", "400余家", "400", "家", "400", "count", "[400", "500)", "余", "="),
    ("安置群众6000余人", "6000余人", "6000", "人", "6000", "count", "[6000", "7000)", "余", "="),
    ("年均培养引进博士200余人", "200余人", "200", "人", "200", "count", "[200", "300)", "余", "="),
    ("本科以上学历1万余人", "1万余人", "1", "万人", "10000", "count", "[1", "2)", "余", "="),
    ("储备项目100余个", "100余个", "100", "个", "100", "count", "[100", "200)", "余", "="),
    ("一千多万元", "一千多万元", "1000", "万元", "10000000", "money", "[1000", "2000)", "多", "="),
    ("引进10多个项目", "10多个", "10", "个", "10", "count", "[10", "20)", "多", "="),
    ("五百余万元", "五百余万元", "500", "万元", "5000000", "money", "[500", "600)", "余", "="),
    // 近 / 约 / 左右.
    ("目前已征集企业重大技术需求近20项", "近20项", "20", "项", "20", "count", "[18", "20)", "近", "="),
    ("在校师生近10万人", "近10万人", "10", "万人", "100000", "count", "[9", "10)", "近", "="),
    ("计划投资约900亿元", "约900亿元", "900", "亿元", "90000000000", "money", "[855", "945]", "约", "="),
    ("投资2亿元左右", "2亿元左右", "2", "亿元", "200000000", "money", "[1.5", "2.5]", "左右", "="),
    ("约20家企业", "约20家", "20", "家", "20", "count", "[19", "21]", "约", "="),
    ("增长约0.5%", "约0.5%", "0.5", "%", "0.5", "percent", "[0.45", "0.55]", "约", "="),
    ("将近3000人", "将近3000人", "3000", "人", "3000", "count", "[2700", "3000)", "将近", "="),
    // Comparators.
    ("年销量超10亿瓶", "超10亿瓶", "10", "亿瓶", "1000000000", "count", "(10", "-", "超", ">"),
    ("7家企业年销售收入突破10亿元", "突破10亿元", "10", "亿元", "1000000000", "money", "(10", "-", "突破", ">"),
    ("投资超过5亿元", "超过5亿元", "5", "亿元", "500000000", "money", "(5", "-", "超过", ">"),
    ("逾百分之三十", "逾百分之三十", "30", "百分之", "30", "percent", "(30", "-", "逾", ">"),
    ("人口自然增长率控制在5.12‰以内", "控制在5.12‰以内", "5.12", "‰", "5.12", "permille", "-", "5.12]", "控制在…以内", "<="),
    ("人口自然增长率控制在6‰以内", "控制在6‰以内", "6", "‰", "6", "permille", "-", "6]", "控制在…以内", "<="),
    ("社会消费品零售总额增长14%以上", "14%以上", "14", "%", "14", "percent", "[14", "-", "以上", ">="),
    ("R&D经费支出占GDP比重达到4.5%以上", "达到4.5%以上", "4.5", "%", "4.5", "percent", "[4.5", "-", "达到…以上", ">="),
    ("高新技术产业增加值占全区工业增加值比重达到90%以上", "达到90%以上", "90", "%", "90", "percent", "[90", "-", "达到…以上", ">="),
    ("经济总量占全市比重10%以上", "10%以上", "10", "%", "10", "percent", "[10", "-", "以上", ">="),
    ("全年力争引进1亿元以上项目25个", "1亿元以上", "1", "亿元", "100000000", "money", "[1", "-", "以上", ">="),
    ("其中10亿元以上项目8个", "10亿元以上", "10", "亿元", "1000000000", "money", "[10", "-", "以上", ">="),
    ("实际利用市外资金80亿元以上", "80亿元以上", "80", "亿元", "8000000000", "money", "[80", "-", "以上", ">="),
    ("研发投入500万元以上项目7项", "500万元以上", "500", "万元", "5000000", "money", "[500", "-", "以上", ">="),
    ("其中总投资1亿元以上3个、1亿元以下3个", "1亿元以下", "1", "亿元", "100000000", "money", "-", "1]", "以下", "<="),
    ("各类政策性资金达7000万元以上", "7000万元以上", "7000", "万元", "70000000", "money", "[7000", "-", "以上", ">="),
    ("不低于60%", "不低于60%", "60", "%", "60", "percent", "[60", "-", "不低于", ">="),
    ("不超过3个", "不超过3个", "3", "个", "3", "count", "-", "3]", "不超过", "<="),
    ("低于5%", "低于5%", "5", "%", "5", "percent", "-", "5)", "低于", "<"),
    ("不足100人", "不足100人", "100", "人", "100", "count", "-", "100)", "不足", "<"),
    ("逾2000家", "逾2000家", "2000", "家", "2000", "count", "(2000", "-", "逾", ">"),
    ("控制在3%", "控制在3%", "3", "%", "3", "percent", "-", "3]", "控制在", "<="),
    ("总数达到37家", "达到37家", "37", "家", "37", "count", "[37", "-", "达到", ">="),
    // Ranges: a stated band, both ends inclusive.
    ("研发投入200万元至500万元项目10项", "200万元至500万元", "200", "万元", "2000000", "money", "[200", "500]", "", "="),
    ("力争每个企业都有1~2个院所合作单位", "1~2个", "1", "个", "1", "count", "[1", "2]", "", "="),
    ("3~5个", "3~5个", "3", "个", "3", "count", "[3", "5]", "", "="),
    ("3至5个", "3至5个", "3", "个", "3", "count", "[3", "5]", "", "="),
    ("3-5个", "3-5个", "3", "个", "3", "count", "[3", "5]", "", "="),
    ("3至5万元", "3至5万元", "3", "万元", "30000", "money", "[3", "5]", "", "="),
    ("200万元至1亿元", "200万元至1亿元", "0.02", "亿元", "2000000", "money", "[0.02", "1]", "", "="),
    ("增长10%-15%", "10%-15%", "10", "%", "10", "percent", "[10", "15]", "", "="),
    // Percentages, per mille, points, multiples.
    ("营商环境指标增长47.58%", "47.58%", "47.58", "%", "47.58", "percent", "[47.575", "47.585)", "", "="),
    ("分别完成年度投资计划的100.8%、103.2%", "103.2%", "103.2", "%", "103.2", "percent", "[103.15", "103.25)", "", "="),
    ("占年度计划的99.15%", "99.15%", "99.15", "%", "99.15", "percent", "[99.145", "99.155)", "", "="),
    ("占年度投资计划的193%", "193%", "193", "%", "193", "percent", "[192.5", "193.5)", "", "="),
    ("辖区159家“四上”企业复工复产率达100%", "100%", "100", "%", "100", "percent", "[99.5", "100.5)", "", "="),
    ("地区生产总值(GDP)增长11%", "11%", "11", "%", "11", "percent", "[10.5", "11.5)", "", "="),
    ("前三季度,地区生产总值增长1.9%", "1.9%", "1.9", "%", "1.9", "percent", "[1.85", "1.95)", "", "="),
    ("税收分别增长598.4%、165.8%、89.5%", "598.4%", "598.4", "%", "598.4", "percent", "[598.35", "598.45)", "", "="),
    ("税收分别增长598.4%、165.8%、89.5%", "89.5%", "89.5", "%", "89.5", "percent", "[89.45", "89.55)", "", "="),
    ("城区绿地率达38.6%", "38.6%", "38.6", "%", "38.6", "percent", "[38.55", "38.65)", "", "="),
    ("占全市33.73%", "33.73%", "33.73", "%", "33.73", "percent", "[33.725", "33.735)", "", "="),
    ("增长-2.3%", "-2.3%", "-2.3", "%", "-2.3", "percent", "[-2.35", "-2.25)", "", "="),
    ("比上年提高1.3个百分点", "1.3个百分点", "1.3", "个百分点", "1.3", "percentage_point", "[1.25", "1.35)", "", "="),
    ("下降0.5百分点", "0.5百分点", "0.5", "百分点", "0.5", "percentage_point", "[0.45", "0.55)", "", "="),
    ("增长1.5倍", "1.5倍", "1.5", "倍", "1.5", "ratio_times", "[1.45", "1.55)", "", "="),
    ("百分之四十", "百分之四十", "40", "百分之", "40", "percent", "[35", "45)", "", "="),
    ("百分之零点五", "百分之零点五", "0.5", "百分之", "0.5", "percent", "[0.45", "0.55)", "", "="),
    ("复工复产率百分之百", "百分之百", "100", "百分之", "100", "percent", "[99.5", "100.5)", "", "="),
    ("装机一百千瓦", "一百千瓦", "100", "千瓦", "100", "power", "[50", "150)", "", "="),
    ("水深超过250m", "超过250m", "250", "m", "250", "length", "(250", "-", "超过", ">"),
    ("数字的范围是一千到一千五百", "一千到一千五百", "1000", "", "1000", "none", "[1000", "1500]", "", "="),
    ("千分之五", "千分之五", "5", "千分之", "5", "permille", "[4.5", "5.5)", "", "="),
    ("三成", "三成", "3", "成", "30", "percent", "[2.5", "3.5)", "", "="),
    ("约三成企业", "约三成", "3", "成", "30", "percent", "[2.5", "3.5]", "约", "="),
    // Counts of discrete things: exact.
    ("全力打造全年新增规模以上企业8家", "8家", "8", "家", "8", "count", "[8", "8]", "", "="),
    ("全年实施主导产业和产业链项目40个", "40个", "40", "个", "40", "count", "[40", "40]", "", "="),
    ("全区知名著名商标达32件", "32件", "32", "件", "32", "count", "[32", "32]", "", "="),
    ("全年实施氟化石墨等产学研合作项目24项", "24项", "24", "项", "24", "count", "[24", "24]", "", "="),
    ("投资5亿元的和美小区(二期)106栋安置楼全部完工", "106栋", "106", "栋", "106", "count", "[106", "106]", "", "="),
    ("全年力争新增就业5000人", "5000人", "5000", "人", "5000", "count", "[5000", "5000]", "", "="),
    ("全部办结企业诉求187件", "187件", "187", "件", "187", "count", "[187", "187]", "", "="),
    ("引进高层次紧缺人才377人", "377人", "377", "人", "377", "count", "[377", "377]", "", "="),
    ("累计办结群众诉求3393件", "3393件", "3393", "件", "3393", "count", "[3393", "3393]", "", "="),
    ("提供应急转贷资金147笔", "147笔", "147", "笔", "147", "count", "[147", "147]", "", "="),
    ("位于中站区38宗、127.73公顷土地", "38宗", "38", "宗", "38", "count", "[38", "38]", "", "="),
    ("城区范围内92条背街小巷", "92条", "92", "条", "92", "count", "[92", "92]", "", "="),
    ("云集了河南理工大学等5所大中专院校", "5所", "5", "所", "5", "count", "[5", "5]", "", "="),
    ("建设的720套人才公寓", "720套", "720", "套", "720", "count", "[720", "720]", "", "="),
    ("还引进了河南中诚信环保产业创投基金等9只私募基金", "9只", "9", "只", "9", "count", "[9", "9]", "", "="),
    ("龙蟒佰利联的齐满富、陈建立等8名人才", "8名", "8", "名", "8", "count", "[8", "8]", "", "="),
    ("连续14年7次荣获全国科技进步先进区", "7次", "7", "次", "7", "count", "[7", "7]", "", "="),
    ("累计接待游客210万人", "210万人", "210", "万人", "2100000", "count", "[209.5", "210.5)", "", "="),
    ("游客1,200人次", "1,200人次", "1200", "人次", "1200", "count", "[1200", "1200]", "", "="),
    ("两千人", "两千人", "2000", "人", "2000", "count", "[2000", "2000]", "", "="),
    ("十三个", "十三个", "13", "个", "13", "count", "[13", "13]", "", "="),
    ("推出的五条精品旅游线路", "五条", "5", "条", "5", "count", "[5", "5]", "", "="),
    ("风神轮胎3万条工程子午胎", "3万条", "3", "万条", "30000", "count", "[2.5", "3.5)", "", "="),
    // Measures.
    ("多氟多4GWH动力锂电池", "4GWH", "4", "GWH", "4000000", "energy", "[3.5", "4.5)", "", "="),
    ("年产8GWh动力电池项目", "8GWh", "8", "GWh", "8000000", "energy", "[7.5", "8.5)", "", "="),
    ("龙蟒佰利联20万吨氯化法钛白粉", "20万吨", "20", "万吨", "200000", "mass", "[19.5", "20.5)", "", "="),
    ("年产2.5万吨锂电池负极材料项目", "2.5万吨", "2.5", "万吨", "25000", "mass", "[2.45", "2.55)", "", "="),
    ("年吞吐量达120万吨", "120万吨", "120", "万吨", "1200000", "mass", "[119.5", "120.5)", "", "="),
    ("127.73公顷土地", "127.73公顷", "127.73", "公顷", "1277300", "area", "[127.725", "127.735)", "", "="),
    ("总面积150万平方米", "150万平方米", "150", "万平方米", "1500000", "area", "[149.5", "150.5)", "", "="),
    ("提前一个月完成1070亩土地征迁任务", "1070亩", "1070", "亩", "1070", "area", "[1069.5", "1070.5)", "", "="),
    ("新建占地70亩的玉珑路小学", "70亩", "70", "亩", "70", "area", "[69.5", "70.5)", "", "="),
    ("全域农村污水管网已敷设460公里", "460公里", "460", "公里", "460000", "length", "[459.5", "460.5)", "", "="),
    ("道路长3千米", "3千米", "3", "千米", "3000", "length", "[2.5", "3.5)", "", "="),
    ("装机50MW", "50MW", "50", "MW", "50000", "power", "[49.5", "50.5)", "", "="),
    ("年销量超10亿瓶", "超10亿瓶", "10", "亿瓶", "1000000000", "count", "(10", "-", "超", ">"),
    ("年产500万瓶", "500万瓶", "500", "万瓶", "5000000", "count", "[499.5", "500.5)", "", "="),
    // Ranks and tiers.
    ("营商环境评价位居全省14名", "14名", "14", "名", "14", "rank", "[14", "14]", "", "="),
    ("综合排名进入国家高新区前100名", "前100名", "100", "名", "100", "rank", "[1", "100]", "前", "rank<="),
    ("全省排名进入“第一方阵”", "第一方阵", "1", "第一方阵", "1", "tier", "[1", "1]", "", "="),
    ("进入全省优秀梯队", "优秀梯队", "1", "优秀梯队", "1", "tier", "[1", "1]", "", "="),
    ("数量均位居全市前列", "前列", "1", "前列", "1", "tier", "[1", "1]", "", "="),
    ("增幅居四城区第一位", "第一位", "1", "位", "1", "rank", "[1", "1]", "", "="),
    ("增幅居四城区第二位", "第二位", "2", "位", "2", "rank", "[2", "2]", "", "="),
    ("技术合同成交额较去年同期增长103.43%,位居全市第一", "第一", "1", "名", "1", "rank", "[1", "1]", "", "="),
    ("实际利用外资500万美元,排名全市第二", "第二", "2", "名", "2", "rank", "[2", "2]", "", "="),
    ("数量位居焦作市首位", "首位", "1", "位", "1", "rank", "[1", "1]", "", "="),
    ("居全市第一位", "第一位", "1", "位", "1", "rank", "[1", "1]", "", "="),
    ("全市重点工作综合成效排名跃升至各城区第一", "第一", "1", "名", "1", "rank", "[1", "1]", "", "="),
    ("一季度全市重点项目观摩评价城区组第一", "第一", "1", "名", "1", "rank", "[1", "1]", "", "="),
    ("在全国排第130位", "第130位", "130", "位", "130", "rank", "[130", "130]", "", "="),
    ("获得第14名", "第14名", "14", "名", "14", "rank", "[14", "14]", "", "="),
    ("在全球市场名列前茅", "前茅", "1", "前茅", "1", "tier", "[1", "1]", "", "="),
    ("进入全国前10强", "前10强", "10", "强", "10", "rank", "[1", "10]", "前", "rank<="),
    // Bare numbers: dimension none.
    ("新闻热线:8797000", "8797000", "8797000", "", "8797000", "none", "[8796999.5", "8797000.5)", "", "="),
    ("建设是12万中站人民的共同期盼", "12万", "12", "万", "120000", "none", "[11.5", "12.5)", "", "="),
    ("4.78万亿", "4.78万亿", "4.78", "万亿", "4780000000000", "none", "[4.775", "4.785)", "", "="),
];

/// Texts and the complete list of what `find_all` prints for them: what must be found and,
/// just as much, what must not (dates, programme names, ordinals, glued Latin).
#[rustfmt::skip]
const FIND_ALL: &[(&str, &[&str])] = &[
    // Years, ages and days are quantities only after the indicator measured in them.
    ("劳动年龄人口受教育年限提高到11.2年,连续14年保持增长", &["11.2年"]),
    ("全县人均预期寿命达到78.9岁,为65岁以上老人免费体检", &["达到78.9岁"]),
    ("空气质量优良天数达到301天,较上年多12天", &["达到301天"]),
    ("PM2.5平均浓度为29微克/立方米", &["29微克/立方米"]),
    ("2013年,中站区地区生产总值完成47亿元,同比增长12.9%,增幅居四城区第一位", &["47亿元", "12.9%", "第一位"]),
    ("2020年1月至8月份,全区实际利用外资3446万美元,提前4个月完成市定目标(3446万美元)", &["3446万美元", "3446万美元"]),
    ("1~8月份完成投资62.1亿元,占年度投资计划的70.1%", &["62.1亿元", "70.1%"]),
    ("2020年1~11月份,全区累计开工重点项目31个", &["31个"]),
    ("9月28日,高新区举行招商引资项目集中签约仪式,共签约项目41个,总投资129亿元", &["41个", "129亿元"]),
    ("力争到“十四五”末,R&D经费支出占GDP比重达到4.5%以上", &["达到4.5%以上"]),
    ("十四五规划", &[]),
    ("深入实施“126”工业转型升级行动计划和“363”培优育强工程", &[]),
    ("围绕补短板\"982\"工程项目投资计划的实施", &[]),
    ("强力实施“1015”战略", &[]),
    ("以“三十工程”为总抓手", &[]),
    ("PM10、PM2.5、优良天数等主要指标均居各城区第一位", &["第一位"]),
    ("多氟多5G+工业互联网在河南省唯一荣获第二届工业互联网大赛“全国百强”称号", &[]),
    ("一是强化开放招商。二是加快项目建设", &[]),
    ("并顺利通过全省第三方评估验收", &[]),
    ("代表焦作在第七届中国·河南招才引智大会现场签约", &[]),
    ("在河南星渤实业有限公司年产12万吨健康果蔬茶饮项目园区举行第十一期“三个一批”项目建设活动", &["12万吨"]),
    ("部分项目已编制完成采煤沉陷区综合治理工程(2021-2023年)资料", &[]),
    ("仅历时6个月建成投产", &[]),
    ("宁福巨湾动力电池一期提前4个月试生产", &[]),
    ("从1999年建设的高新区,历经25年发展", &[]),
    ("新中国75载历程", &[]),
    ("热烈庆祝中华人民共和国成立75周年", &[]),
    ("2024年10月1日星期二", &[]),
    ("9月7日,龙佰集团与邱冠周院士团队深度合作", &[]),
    ("99999999999999999999999999999亿", &[]),
    ("一百百元", &[]),
    ("一万三千元", &["一万三千元"]),
    ("一万三元", &[]),
    ("汽车零部件两大主导产业集群", &[]),
    ("三分之一的企业", &[]),
    ("版本1.2.3发布", &[]),
    ("投资9亿元的通号铁路通用电缆等10个项目已签约", &["9亿元", "10个"]),
    ("列入省重点项目3个,计划总投资49.5亿元,年度计划投资16.8亿元", &["3个", "49.5亿元", "16.8亿元"]),
    ("其中总投资1亿元以上3个、1亿元以下3个", &["1亿元以上", "3个", "1亿元以下", "3个"]),
    ("豫信2号半导体产业投资基金", &[]),
    ("全区规模以上工业企业“四有”覆盖率达90.3%", &["90.3%"]),
    ("“1015”(10项改革、15项行动)战略", &["10项", "15项"]),
];

fn parse_bound(s: &str, low: bool) -> Result<Option<Bound>, String> {
    if s == "-" {
        return Ok(None);
    }
    let (number, inclusive) = if low {
        let inclusive = s.starts_with('[');
        (s.get(1..).unwrap_or_default(), inclusive)
    } else {
        let inclusive = s.ends_with(']');
        (
            s.get(..s.len().saturating_sub(1)).unwrap_or_default(),
            inclusive,
        )
    };
    let value =
        Decimal::from_str(number).map_err(|e| format!("bad bound `{s}` in the table: {e}"))?;
    Ok(Some(Bound { value, inclusive }))
}

fn check(case: &Case) -> Result<(), String> {
    let &(text, printed, value, unit, base, dimension, low, high, qualifier, comparator) = case;
    let found = find_all(text);
    let Some(q) = found.iter().find(|q| q.printed == printed) else {
        let all: Vec<&str> = found.iter().map(|q| q.printed.as_str()).collect();
        return Err(format!("no quantity `{printed}`; found {all:?}"));
    };
    let mut wrong = Vec::new();
    let dec =
        |s: &str| Decimal::from_str(s).map_err(|e| format!("bad number `{s}` in the table: {e}"));
    if q.value != dec(value)? {
        wrong.push(format!("value {} ≠ {value}", q.value));
    }
    if q.unit.printed != unit {
        wrong.push(format!("unit `{}` ≠ `{unit}`", q.unit.printed));
    }
    if q.base_value != dec(base)? {
        wrong.push(format!("base value {} ≠ {base}", q.base_value));
    }
    let dim = serde_json::to_value(q.unit.dimension).map_err(|e| e.to_string())?;
    if dim != dimension {
        wrong.push(format!("dimension {dim} ≠ {dimension}"));
    }
    if q.low != parse_bound(low, true)? {
        wrong.push(format!("low {:?} ≠ {low}", q.low));
    }
    if q.high != parse_bound(high, false)? {
        wrong.push(format!("high {:?} ≠ {high}", q.high));
    }
    if q.qualifier.as_deref().unwrap_or("") != qualifier {
        wrong.push(format!("qualifier {:?} ≠ `{qualifier}`", q.qualifier));
    }
    let cmp = serde_json::to_value(q.comparator).map_err(|e| e.to_string())?;
    if cmp != comparator {
        wrong.push(format!("comparator {cmp} ≠ {comparator}"));
    }
    if text[q.range.clone()] != q.printed {
        wrong.push(format!(
            "range {:?} does not cover `{}`",
            q.range, q.printed
        ));
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(wrong.join("; "))
    }
}

#[test]
fn table_of_quantities() {
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|case| {
            check(case)
                .err()
                .map(|e| format!("{} [{}]: {e}", case.0, case.1))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn find_all_finds_exactly_these() {
    let failures: Vec<String> = FIND_ALL
        .iter()
        .filter_map(|(text, expected)| {
            let found: Vec<String> = find_all(text).into_iter().map(|q| q.printed).collect();
            (found != *expected).then(|| format!("{text}: found {found:?}, expected {expected:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        FIND_ALL.len(),
        failures.join("\n")
    );
}

#[test]
fn the_tables_are_large_enough() {
    assert!(
        CASES.len() + FIND_ALL.len() >= 170,
        "{}",
        CASES.len() + FIND_ALL.len()
    );
}

#[test]
fn parse_at_reads_from_the_given_byte_only() {
    let text = "总投资超10亿元";
    let at = text.find('超').unwrap_or_default();
    assert_eq!(
        parse_at(text, at).map(|q| q.printed),
        Some("超10亿元".to_owned())
    );
    let digits = text.find('1').unwrap_or_default();
    assert_eq!(
        parse_at(text, digits).map(|q| q.printed),
        Some("10亿元".to_owned())
    );
    // Inside the number, inside a character, past the end: nothing.
    assert_eq!(parse_at(text, digits + 1), None);
    assert_eq!(parse_at(text, 1), None);
    assert_eq!(parse_at(text, text.len() + 3), None);
    // A bare Chinese numeral is a number to parse_at, left out by find_all.
    assert_eq!(
        parse_at("十二会村", 0).map(|q| q.value),
        Some(Decimal::from(12))
    );
    assert!(find_all("十二会村").is_empty());
}

#[test]
fn ranks_keep_their_scope() {
    let q = find_all("营商环境评价位居全省14名").pop();
    let rank = q.and_then(|q| q.rank);
    assert_eq!(rank.as_ref().and_then(|r| r.position), Some(14));
    assert_eq!(rank.and_then(|r| r.scope).as_deref(), Some("全省"));
    let tier = find_all("全省排名进入“第一方阵”")
        .pop()
        .and_then(|q| q.rank);
    assert_eq!(
        tier.as_ref().and_then(|r| r.tier.as_deref()),
        Some("第一方阵")
    );
    assert_eq!(tier.and_then(|r| r.position), None);
}

#[test]
fn serializes_with_documented_names() {
    let q = find_all("人口自然增长率控制在5.12‰以内").pop();
    let json = serde_json::to_value(&q).unwrap_or_default();
    assert_eq!(json["span"]["start"], 21);
    assert_eq!(json["value"], "5.12");
    assert_eq!(json["high"]["value"], "5.12");
    assert_eq!(json["high"]["inclusive"], true);
    assert_eq!(json["low"], serde_json::Value::Null);
    assert_eq!(json["comparator"], "<=");
    assert_eq!(json["unit"]["dimension"], "permille");
    let back: Option<Quantity> = serde_json::from_value(json).ok();
    assert_eq!(back, q);
}

/// Interval property: the printed value lies in the closed hull of the interval; it may sit
/// on an exclusive bound only when a qualifier made that bound strict (`超10亿`: low 10
/// exclusive; `近20项`: high 20 exclusive).
fn interval_holds(q: &Quantity) -> bool {
    let v = q.value;
    let lo_ok = q
        .low
        .is_none_or(|b| b.value < v || (b.value == v && (b.inclusive || q.qualifier.is_some())));
    let hi_ok = q
        .high
        .is_none_or(|b| v < b.value || (b.value == v && (b.inclusive || q.qualifier.is_some())));
    let ordered = match (q.low, q.high) {
        (Some(l), Some(h)) => l.value <= h.value,
        _ => true,
    };
    lo_ok && hi_ok && ordered
}

fn checks_out(text: &str, quantities: &[Quantity]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for q in quantities {
        prop_assert!(q.range.start >= last_end, "overlap at {:?}", q.range);
        prop_assert!(text.is_char_boundary(q.range.start) && text.is_char_boundary(q.range.end));
        prop_assert_eq!(text.get(q.range.clone()), Some(q.printed.as_str()));
        prop_assert!(interval_holds(q), "interval of {:?}", q);
        last_end = q.range.end;
    }
    Ok(())
}

/// Strings built from the characters quantities are made of, so that the parser's paths are
/// actually exercised (a uniformly random string almost never contains a number).
fn quantity_soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "1",
        "0",
        "9",
        "47",
        "3.06",
        ",",
        ".",
        "-",
        "~",
        "至",
        "一",
        "二",
        "两",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "零",
        "点",
        "〇",
        "余",
        "多",
        "近",
        "约",
        "超",
        "以上",
        "以内",
        "控制在",
        "达到",
        "左右",
        "元",
        "亿元",
        "%",
        "‰",
        "个",
        "个百分点",
        "人次",
        "平方米",
        "GWh",
        "年",
        "月",
        "第",
        "前",
        "名",
        "位",
        "首位",
        "居",
        "全市",
        "第一方阵",
        "前列",
        "“",
        "\"",
        "分之",
        "百分之",
        "成",
        "倍",
        "PM",
        "G",
        "+",
        "/",
        "的",
        " ",
        "\n",
        "é",
        "𝟙",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_text(text in any::<String>(), pos in any::<usize>()) {
        let quantities = find_all(&text);
        checks_out(&text, &quantities)?;
        let _ = parse_at(&text, pos % (text.len() + 2));
    }

    #[test]
    fn soup_quantities_are_well_formed(text in quantity_soup()) {
        let quantities = find_all(&text);
        checks_out(&text, &quantities)?;
        for pos in 0..=text.len() + 1 {
            if let Some(q) = parse_at(&text, pos) {
                prop_assert!(text.is_char_boundary(pos));
                prop_assert_eq!(q.range.start, pos);
                prop_assert!(interval_holds(&q), "interval of {:?}", q);
            }
        }
    }

    #[test]
    fn printed_numbers_round_trip(int in 0u64..10_000_000, frac in 0u32..1000, decimals in 0usize..4) {
        let number = if decimals == 0 {
            int.to_string()
        } else {
            format!("{int}.{:0>width$}", frac % 10u32.pow(decimals as u32), width = decimals)
        };
        let text = format!("完成{number}亿元");
        let q = find_all(&text).pop();
        prop_assert!(q.is_some());
        if let Some(q) = q {
            let expected = Decimal::from_str(&number).unwrap_or_default();
            prop_assert_eq!(q.value, expected);
            prop_assert_eq!(q.base_value, expected * Decimal::from(100_000_000));
            let half = Decimal::new(5, decimals as u32 + 1);
            prop_assert_eq!(q.low.map(|b| b.value), Some(expected - half));
            prop_assert_eq!(q.high.map(|b| b.value), Some(expected + half));
        }
    }
}

/// Numbers exact decimals cannot hold are reported with a reason, never read as an empty or
/// wrong interval, and nothing is read from inside them.
#[test]
fn out_of_range_numbers_are_unparsed_markers() {
    use claimcheck::quantity::find_all_with_unparsed;
    for (text, printed, reason) in [
        (
            "收入0.0000000000000000000000000001亿元",
            "0.0000000000000000000000000001",
            "more than 27 decimal places",
        ),
        (
            "完成1,000,000,000,000,000,000,000,000,000,000,000,000亿元",
            "1,000,000,000,000,000,000,000,000,000,000,000,000",
            "beyond the range of exact decimals",
        ),
        (
            "投资99999999999999999999999亿元",
            "99999999999999999999999",
            "too large to convert to its base unit exactly",
        ),
    ] {
        let (quantities, unparsed) = find_all_with_unparsed(text);
        assert!(quantities.is_empty(), "{text}: {quantities:#?}");
        let [marker] = unparsed.as_slice() else {
            panic!("{text}: {unparsed:#?}")
        };
        assert_eq!(&text[marker.range.clone()], printed);
        assert!(
            marker.reason.starts_with(reason),
            "{text}: {}",
            marker.reason
        );
    }
    // 27 decimals still fit, with a non-empty rounding interval.
    let q = &find_all("收入0.000000000000000000000000001亿元")[0];
    let (low, high) = (q.low.as_ref().unwrap(), q.high.as_ref().unwrap());
    assert!(low.value < high.value, "{q:#?}");
}

/// Found by the fuzz driver: `近0` gave the empty interval [0, 0).
#[test]
fn nearly_zero_is_no_quantity() {
    for text in ["全年新增城镇就业1,25近0人", "投资约90近0亿元"] {
        for q in find_all(text) {
            let (low, high) = (q.low.as_ref(), q.high.as_ref());
            if let (Some(low), Some(high)) = (low, high) {
                assert!(
                    low.value < high.value
                        || (low.value == high.value && low.inclusive && high.inclusive),
                    "{text}: {q:#?}"
                );
            }
        }
    }
}
