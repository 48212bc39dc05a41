"""Aho-Corasick automata built for scanning Chinese.

pyahocorasick finds a character among a trie node's children by comparing them one by one,
in the order they were added, so a scan of prose spends most of its time at nodes with
thousands of children. Keys added commonest characters first are found in the first few
comparisons: lexicons of 10,000–200,000 terms scan 1.3–1.8 times as fast, with the same
matches.

Built automata are cached with `pickle` (five to eight times quicker to read than
pyahocorasick's own `load`) behind a checksum, and read back by an unpickler that admits
nothing but an Automaton and plain values, so a cache file can carry no code. An automaton of
values other than integers is kept as one of integers — each key's place — with the values
apart, each marshalled and read when a match needs it (`Indexed`): unpickling an automaton
unpickles every value, and the stages' 20,000 tuples were most of the automata's load.
"""

from __future__ import annotations

import io
import marshal
import os
import pickle
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import ahocorasick

from review import cache, compiled

# The 3,000 commonest characters of Chinese, commonest first: each character weighted by the
# frequencies of the words of jieba's dictionary that hold it. Regenerate with
# `python -m review.automaton`.
COMMON = (
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于"
    "后就发自之对得主长可过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进"
    "区事代那去心小同北定开产前其军还然起种所如现理机体表力好外与文当两实重新三么只山"
    "水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城十相但已些正口通想度"
    "加第她合院物性战由位常点海意场武使次二向治因立数样身情入原问把路被并利石老教万知"
    "级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首"
    "共马形己儿司太目基领队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决"
    "张导术府才保交放管结师便走达族反再题色五京河接条规式县白它改风光运信受什组听布百"
    "济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边据集联古广完质阳难增"
    "历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑"
    "革该持始英克士尔让拉思根格造较际亲单朝红型价校约器字段周亚深候则功属积快图火千准"
    "究往极育装许参半令吃观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源"
    "息语股铁断派速怎需片爱律纪支早况病境证编越局推满且列觉服双未居除乐企引标确织初青"
    "志率项飞球节察龙响药站施均消客失轻存低甚般击曾防请离落显罗营足素视护副食创余照兴"
    "占巴虽洲村费易试星木黑左宝置跟央识维采六底宫房音环案批切斗富乡另倒若按查故突责严"
    "桥模仅胜杀围席态破承招杨负层须父供续状域似依银范修找九致密终血旅钱赛独细效玉冲获"
    "习医演毛尽脸弹楼艺航陆右协七攻镇检写苏宗章注阿抗弟坐验封紧劳户优财养适陈喜卫排射"
    "哥油刻留急降念云微伤例景拿绝阶座刘刚害印亿沙母酒助闻超审待压升送监策略限竟香配藏"
    "敌呢差仍兰温园树征善波哪词岛止预怕继皮执味份角草男普答益谁船惊核街夏宣掌田久著画"
    "辑奇尼剑吧谈背免孩礼材愿洋春架筑括晚乱乎讲尚良友临激刀夜室既敢邦挥昌板胡欧福港叶"
    "简苦担句岁荆贵娘守辖威宜衣帮块堂额错剧充欢够孙班呼阵销坚练脚退读测吴希宁换版异某"
    "顾曲楚典朱毒菜判救宋茶洪含顺啊鲜败货矿端兄归冷忙买险康评肉吗厂永哈沉散遗停笔假输"
    "牛洞松渐顶训录否述毕督控丰献姑忽爷互亮纳襄登咱钟伯臣雄季脑介鄂召饭暗扩祖齐短烈赶"
    "牌恩诉移诗础露届蒙静喝盘卖植授伊湾博痛减穿逐秘庭陵固禁票灵杂姓泽吸侧庆妈遇追甲馆"
    "补唐炮沿殿刺怪彩俄旧警索岸轮妇载靠附毫怀软骨探雷旁罪枪牙迎序慢盛雨墙恶谷顿危稳熟"
    "概酸操诸绿佛荣针托宽折野付午肯库厚缺罢耳屋嘴末谢巨培页瓦款犯困店智拥雪翻圣戏旗吉"
    "婚奖岩疑币圆歌廷健卡烧析讨跑烟误仙疗舞亡闭汽伸脱秋姐繁侵川莫麻秀借寻私岗卷跳丽横"
    "驻套兼您君丁束纸夺袁灯坏坦丝径购阴床瞧择墓宪峰遍鲁庙掉丹桃御舰避售怒课播拔奥延虚"
    "隐粮络遭摇潜庄混厅婆奴鼓赵访睡震予童徐韦殖抓拜吨扬址洛休纵逃染纷贸透汇灭蛋森仪塔"
    "距狐融郡缓聚盖拍迹忠释润粉涓孔岭搜紫虑促抵钢塞寺津液码虎坛珍硬梁奔累役偏迫锛凡损"
    "壁哭替税综伦冰盟挂韩竞乌尤弱铺妹秦尊竹珠迅脉泥鬼纯睛刑途隆潮幅杯握谋剂幸奉乘抱朋"
    "谓频崇壮骑紝恐享鸡虫绍铜呈泛械摆欲奶敬措爆暴签猛郭嘉障缩亦废搞胞埃曰撤暖寒订俗绩"
    "阻盐萨勒忘奏孝贴灰梅触玩默醒胸莲篇柱裁啦淡抢捕闹纺截讯朗誉雅忍梦伙勇峡徒丈尾迷唱"
    "泉泰佳残闪伍呀疾署剩贼冠倾豆申贫诺麦泪羊尖辈镜涉贡爹缘摩妻殊贝零映甘骂糖岳饮奋棉"
    "雕跃汗冒渡努赞启阁斤裂患伏池鹿洗劲晋倍圈媒箭沟锋胆凭挑抬闯隔弄曹汤苗迁叹唯振储贯"
    "彻桌祭符僧衡炸旋喊凤黎郎援肥磁忌赏辽祥董仁辛瑞询敏浪貌毁昨巧腿抽荷陷焦净腹弃乃湘"
    "亩滑狗冬宏皆番尸伟桂览恢龄绕趣晶坡魏摸伴墨浓绪舍蓝荡阅井鸿旦惯症鸟窗扎辞聘穷堰宇"
    "键荒递恨隶厉杜闲腰袭侍灾涨叔湿寨幕豪郑磨浮薄券赤腐译租氧戴邓煤肠牧孤诏妙旨堡册锅"
    "胖柳阔吹丘趋锦颜悬陶拳诚尺晓插蒋艇勤穴摄燕垂罚辆戒稀腾粗袋绘炎氏肩枝狂泊估杭扑臂"
    "哲寡偷懂琴悲盾炒稍矛愈籍颁吐呆违亭眉撞贷刊巡屈堆曼饰碎滚悉寄浜迟描污辅魔烦鼻盗餐"
    "幼凉仗冈澳驾銆菌肚肃爸仰抚慈扶盆仿炼纲倘碗杰忧惜扫暂祝跨渔宾漫寿猪涌凝邻赴恰劝仇"
    "践顷赋悄莱拟贤愤姆乏轰粒逼傅陕昆溶葬燃魂挺腊耐犹辉乳陪颇斜棋殑熊浅沈姊返翼丧拖惨"
    "俊驱袖惠涂添牵咸详碰割侯纤柔档糊岂跪拒覆绣吓宿偶揭赖烤卢娃颗邮扇伐循衰弦凯羽枚帅"
    "锁疏搭俱帐胶赫鐨埋蒸壳剉彼脏箱浙弯瓜挡拱筹疆肿膜刷杆凶债甜泡玄贾谱夹乾遣薪灌咬尘"
    "填廊钻丛狼牢脊熙卒碑漠躲削徽踏贺朵遵狠菲撒扰蛇锡炉纹匹亏鉴慕跌慌穆邀芳爬豫吾奸棒"
    "淮捷耕艘齿醉脂兽滴盈卵滋柴溪妃浠碍瓶辩遂怨拨肌俘挖恒励鸣肝腔偿秒拦允塑拆靖耗凌披"
    "胁吏纽烂尝垸辟耶艰佩敦疼荐厘匠柏悠壤拾乔轴妖喷掩璃孟轨歇猜晨坊桑堤畅瞎氨辨鞋昏恭"
    "畜浩迪雾丢咨擦窝洁飘捉搬奈肤愁砖辣幽嘛赢藕挤舒狮耀诊扣篮尿唤梯勾霍舌侠筋枢屏衙殷"
    "栏纠链恋惧笼寸冶弥晃叙吊哩稿娜剥拼欺榜囊汪逆骗堪猎棺胎俩郊掘匆缝乙藻携慧函辱扯嫩"
    "癌悟滩祸秉慰驰狱砍糕漏吞纬茅渠催踪叛浑牲杖鞭腺邪欣汝碳彭咐椒绳颈漆遥夷郁斑忆阀卑"
    "宴抑逻嫁扭胃仔恼贪兆庸屽僭疯侦鹰驶斩鹤猴蜂瘦赐闷柄椅轿拓扮砂傻粘辐啥鏄伪抛玻昂圳"
    "侨吟刃饱吕玛碱冯仓钦哼庞儒叉泄臭艾蓉鼠祯捧舱坝芙瘤勃敲帽吻契舟夸葡剪抖霸艳宸聪仆"
    "躺瑶谦炭卧袍猫珊溜漂衔苍坑串浆碧巷咽铸押惩迈锐颤疲滨履盒宅喀饿缠翁幻逢扁旱罕怜姻"
    "蓄磷惟槸帕掠稻劫撑姿肾胀慎哨摔谨鹅丑塘肺镑趁蜀兑哦贞禧葛仲惑蔡踢妥筒诞禀朴祀饼萄"
    "狭澶杩赔绵诱卜陀呵抹疫辰顽蓬摊倡浦账矩翠煌茂畏劣氛廉鸭瓷戈秩弗悔尉挣拐鼎芦睁脾聊"
    "株枯纱幺冻唇茫哀芬轩蛮醇棍晕嫂宙酷郧欠稷鹏孕槽栖吩姚昭罐叠墩盼舆芒酬斥捐斋簡眠脆"
    "萧璋皱卿蚀淋卓翰钉棣丫宰阐翅沃挨霖哄爵涔衫逊铭戚旺硕擅嫌赌隋肖饶沪雇罩煎丐掷誓摘"
    "竴冤坤屁竭屾宛菱厌矮潭渊俺崖氢棚喇涵裕溃堵媳抄鍙怔蒂肢瑜泌甫檐鏈寂颠撰逝霜羞铅佐"
    "帖硫蹈鍦瞬痕爽挽禅娶柯屯韵婴悦肴螺凑兹烛歼毅杉慨钧渗蜜遮窑谐厦柜匈喉愧栽扔苯谊肆"
    "霞吵屼笉夕壶赚尹窄弓谭盲勋饲窟俞嗣煮巾裤膨奠瞪珞愚膏喘姜膀蔬糟僚匾妄畴喂沔耻牺旭"
    "妨硅崩雌陛卸砸贩竖佸攀晒伞惹裹屠汁擒鳞佣渴浣叩龟雀掀唉泼亥僵屡瞒哊璇厮刮钩桐谅隙"
    "丞盯霉侄逸浸爪阙坟咳宠脖彪朕虹衍甸鳍讼虾芝涛巩熔峻怖嘿磕洒掏枣滞鈥舅昔哑焕娱芯衷"
    "捞卦旬矣茨蜡喻挪婶琉枕娇豹厨傲腕巢氯燥焚乖嘱禄赠晌鍚琦铃雁姨蹄焰虏鍒粑饥潘兀捏缔"
    "歪蕴鸦嘻俯锻骤庵吁剿禽勉膝捣茎晴厢匀灏涯梨蒲驼匪撕嗯樊搏缚垄寓愣斌麋劈旷舵薛沸丸"
    "泳绸炬缴寰贱躯褐酶嚷拌颂帜陡鍏募佑皖鎴绑啡仑麓鏉帘镖钠刹妆禾藤弊痴哇凰歧驴铝闸喃"
    "滥耍桶酱惶躬熬娥剅啸淘裙骚亨勘窃挫凿塌咖垫芽凸钙框哟翔逮舶锥怡魄灶浴蔽橡懒硝晰盏"
    "赦庐谕鄙拂菩栗琳沼圭屿砌倚棵瑰羲酿诈锌杏婉沦卤躁斧淳兔凛哎阮淫剖蕲烹姥咕蚕兜璧搅"
    "帆暇趟裸購粹吼哗冀呜瞻搁乞骇炕垮拘岃嵌笛鹃菊淀肪鞍愉犬弧蹲椎阎浏诵烘榴腥裘萝颊蟹"
    "灿摧棱琼骄凄怯淑梢丙暮媚钊沫糯驳崔谏炳畔缅襟锤觅鍑拢胪诀奢苹叮榨瀹沾傚渝枉辜髓坠"
    "瑟棕萍贿泣嫣峨憾胺甩陂寇烯钓瞅沧坪暑耸垒傍睹垜薯溢鏃谜咋缁嗓贬窜戟葱屑湁胚犁莎囚"
    "颖诡腻藩彦勫巍痒蹇芷赣湪沐膊婢粤喧逛贮恍菇諲邢绮厥澄邵耽讽衬恕烫毯仕昼闽拚勿繖桓"
    "钾膛歉膳詹坎敛碌狄沽侮垱寝妾嗽埔眷揪牡毙荫涡鍐桩锣釜瀛缮梳揽咀雍铲倦岱厄弘淤尴玲"
    "鎵祠恳粥衢戳秃瀑搂迭垃缸郝挠莽瑙瞄粟跋呐歹豚驿圾胳魁诧绒鞑谎尬陌粬讳蝶咒裔凳梭涅"
    "杈泻苇焉娟迦巫扒翊敷谣隅撇凹蚁氮苑妓綘潇禹朽寮郢伽粪诛醋栋谴隧簇踩礁庶衮笅堕噪嘲"
    "濂鲟彝柬斐沛卞篷祁耿嚼宦溯黔浇敞绞瓣傛窦蕃嶅汰鲍遏魅槐鞘钞徙讶碟琐琢滤嗤鐪蠢锰嵋"
)
# Each common character stands for its rank, so that keys sort (in C) by the ranks of their
# characters; every other Chinese character sorts after them.
_BY_RANK = str.maketrans({ch: chr(rank + 1) for rank, ch in enumerate(COMMON)})


def _order(item: tuple[str, object]) -> str:
    return _order_of_key(item[0])


def _order_of_key(key: str) -> str:
    return key.translate(_BY_RANK)


def build_automaton(items: Iterable[tuple[str, object]],
                    kind: int = ahocorasick.STORE_ANY) -> ahocorasick.Automaton:
    """An automaton of (key, value) pairs, keys added commonest characters first."""
    automaton = ahocorasick.Automaton(kind)
    for key, value in sorted(items, key=_order):
        automaton.add_word(key, value)
    if len(automaton):
        automaton.make_automaton()
    return automaton


class Indexed:
    """An automaton of (key, value) pairs kept as an automaton of (key, the value's place)
    and the values apart, each marshalled in one string of bytes: loading it makes no value,
    and a value is read (once) when a match holds it. `iter`, `get`, `keys` and `len` as
    pyahocorasick's."""

    __slots__ = ("automaton", "_values", "_ends", "_read")

    def __init__(self, automaton: ahocorasick.Automaton, values: bytes, ends: bytes) -> None:
        self.automaton = automaton  # of integers
        self._values = values
        self._ends = memoryview(ends).cast("I")
        self._read: dict[int, object] = {}

    @classmethod
    def of(cls, built: ahocorasick.Automaton) -> Indexed:
        """The same automaton, its values apart (keys added in the same order)."""
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        values, ends = bytearray(), array("I")
        for at, key in enumerate(sorted(built.keys(), key=_order_of_key)):
            value = built.get(key)
            automaton.add_word(key, at)
            values += marshal.dumps(value)
            ends.append(len(values))
        if len(automaton):
            automaton.make_automaton()
        return cls(automaton, bytes(values), ends.tobytes())

    def value(self, at: int) -> object:
        try:
            return self._read[at]
        except KeyError:
            value = self._read[at] = marshal.loads(
                self._values[self._ends[at - 1] if at else 0:self._ends[at]])
            return value

    def iter(self, text: str) -> list[tuple[int, object]]:
        value = self.value
        return [(end, value(at)) for end, at in self.automaton.iter(text)]

    def get(self, key: str, default: object = None) -> object:
        at = self.automaton.get(key, None)
        return default if at is None else self.value(at)

    def keys(self) -> Iterable[str]:
        return self.automaton.keys()

    def __len__(self) -> int:
        return len(self.automaton)

    def stored(self) -> bytes:
        """What the cache keeps: the automaton pickled, the values, where each ends."""
        return marshal.dumps([pickle.dumps(self.automaton, protocol=pickle.HIGHEST_PROTOCOL),
                              self._values, self._ends.tobytes()])


def cached_automaton(path: Path | None, build: Callable[[], ahocorasick.Automaton]
                     ) -> Automaton:
    """The automaton cached at `path`, or `build()` stored there for next time."""
    automaton = load_cached(path)
    if automaton is None:
        automaton = build()
        store_cached(automaton, path)
    return automaton


class Matches:
    """An automaton's matches found by the compiled matcher (review/_kernels.c) or, where it is
    not built, ahocorasick_rs: the same (end, value) pairs in the same order as pyahocorasick's
    `iter` (tests/test_automaton.py), several times quicker on prose. Both are built from the
    cached automaton when the bulk path is taken (ahocorasick_rs cannot be pickled and takes
    milliseconds a thousand keys to build); one draft keeps the automaton."""

    def __init__(self, automaton: ahocorasick.Automaton | Indexed) -> None:
        self._keys = list(automaton.keys())
        self._values = [automaton.get(key) for key in self._keys]
        self._table = kernels.matcher(self._keys) if (kernels := compiled.kernels) else None
        self._search: Callable | None = None

    def iter(self, text: str) -> list[tuple[int, object]]:
        if self._table is not None and (kernels := compiled.kernels) is not None:
            return kernels.matches(self._table, text, self._values)
        if not self._keys:
            return []
        if self._search is None:
            import ahocorasick_rs

            self._search = ahocorasick_rs.AhoCorasick(self._keys).find_matches_as_indexes
        values = self._values
        return [(end - 1, values[i]) for i, _, end in self._search(text, overlapping=True)]


class _Words:
    """Every word `occurrences` has been asked for, in one compiled matcher: a text is read
    once for all of them (the detectors' anchors, the stages' cue words), whichever asks
    first, and each asker is handed the places of its own. The last two texts read are
    remembered (a draft's visible and compact views)."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.known: set[tuple[str, ...]] = set()
        self.table = b""
        self.read: dict[int, tuple[str, dict[str, list[int]]]] = {}

    def places(self, kernels, text: str, words: tuple[str, ...]) -> dict[str, list[int]]:
        if words not in self.known:
            have = set(self.keys)
            if new := [w for w in dict.fromkeys(words) if w not in have]:
                self.keys += new
                self.table = kernels.matcher(self.keys)
                self.read.clear()
            self.known.add(words)
        seen = self.read.get(id(text))
        if seen is not None and seen[0] is text:
            return seen[1]
        found = kernels.matches(self.table, text, self.keys, True)  # word → its starts
        if len(self.read) >= 2:
            self.read.clear()
        self.read[id(text)] = (text, found)
        return found


_WORDS = _Words()


def occurrences(text: str, words: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    """Where each of `words` occurs in `text`, overlapping ones included, word by word: in
    one compiled pass for every word asked for where it is built (str.find reads the text
    once a word, at some 2 ns a character — ten words, ten passes)."""
    if (kernels := compiled.kernels) is not None:
        found = _WORDS.places(kernels, text, words)
        for word in dict.fromkeys(words):
            for at in found.get(word, ()):
                yield at, word
        return
    for word in words:
        at = text.find(word)
        while at >= 0:
            yield at, word
            at = text.find(word, at + 1)


def present(text: str, words: tuple[str, ...]) -> set[str]:
    """Those of `words` that occur in `text` (one pass, as `occurrences`)."""
    if (kernels := compiled.kernels) is None:
        return {word for word in words if word in text}
    found = _WORDS.places(kernels, text, words)
    return {word for word in words if word in found}


# what a stage's automaton is: pyahocorasick's, one kept apart from its values, or the
# bulk path's Matches of either (its values all read once)
Automaton = ahocorasick.Automaton | Indexed | Matches

# Past this many keys the automaton is kept: 200,000 dictionary words take 0.6 s to build
# into ahocorasick_rs and save 0.11 s a 600,000 characters, repaid only past some 10 MB.
MATCHES_KEYS = 50_000


def matches(automaton: Automaton) -> Automaton:
    """The bulk path's search for `automaton` (made once): Matches, or the automaton itself
    when it holds more than MATCHES_KEYS keys."""
    if isinstance(automaton, Matches) or len(automaton) > MATCHES_KEYS:
        return automaton
    return Matches(automaton)


_MAGIC = b"review-automaton-1\0"
_INDEXED = b"review-automaton-2\0"  # an Indexed one (Indexed.stored)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if (module, name) == ("ahocorasick", "Automaton"):
            return ahocorasick.Automaton
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in an automaton cache")


def cache_path(kind: str, inputs: list[Path], extra: str = "") -> Path | None:
    """Where the automaton built from these input files is cached, or None (caching off, or an
    input unreadable: building will say so). The key holds Python's and pyahocorasick's builds,
    since a pickled automaton is only good for the build that wrote it."""
    try:
        build = os.stat(ahocorasick.__file__)
        tag = f"{sys.version}\0{build.st_size}\0{build.st_mtime_ns}\0{extra}\0{_INDEXED!r}"
        return cache.path_for(kind, inputs, tag, ".bin")
    except OSError:
        return None


def load_cached(path: Path | None) -> Automaton | None:
    """The automaton cached at `path`, or None when there is none or it is damaged. The
    checksum comes first: pyahocorasick trusts the data it unpickles, and a damaged file
    could crash the process."""
    if path is None:
        return None
    try:
        data = path.read_bytes()
        magic = data[:len(_MAGIC)]
        head, body = data[len(_MAGIC):len(_MAGIC) + 4], memoryview(data)[len(_MAGIC) + 4:]
        if magic not in (_MAGIC, _INDEXED) or head != zlib.crc32(body).to_bytes(4, "little"):
            return None
        if magic == _MAGIC:
            automaton = _unpickled(body)
        else:
            pickled, values, ends = marshal.loads(body)
            automaton = Indexed(_unpickled(pickled), values, ends)
    except Exception:  # noqa: BLE001 — whatever is wrong with a cache file, build afresh
        return None
    cache.used(path)
    return automaton


def _unpickled(data: bytes | memoryview) -> ahocorasick.Automaton:
    automaton = _Unpickler(io.BytesIO(data)).load()
    if not isinstance(automaton, ahocorasick.Automaton):
        raise TypeError("not an automaton")
    return automaton


def store_cached(automaton: ahocorasick.Automaton, path: Path | None) -> None:
    if path is None:
        return
    if automaton.kind == ahocorasick.STORE_ANY:  # values apart: quicker to load
        magic, body = _INDEXED, Indexed.of(automaton).stored()
    else:
        magic, body = _MAGIC, pickle.dumps(automaton, protocol=pickle.HIGHEST_PROTOCOL)
    head = magic + zlib.crc32(body).to_bytes(4, "little")
    cache.store_file(path, lambda tmp: tmp.write_bytes(head + body))


def common_characters(count: int = 3000) -> str:
    """The `count` commonest characters by jieba's dictionary (what COMMON holds)."""
    import jieba

    weight: Counter[str] = Counter()
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, frequency, _ = line.split(" ", 2)
            for ch in word:
                weight[ch] += int(frequency)
    return "".join(ch for ch, _ in weight.most_common(count))


if __name__ == "__main__":
    chars = common_characters()
    sys.stdout.write("".join(f'    "{chars[i:i + 40]}"\n' for i in range(0, len(chars), 40)))
