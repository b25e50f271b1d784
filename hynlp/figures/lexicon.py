"""Word lists the figure rules read: units, counted nouns, cue words, trims.

Kept apart from the rules so that extending the genre's vocabulary is a
one-line change that every rule sees. Longer entries come first wherever
lists are matched by prefix or suffix.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

# (written form, unit code, family, factor applied to the number)
UNITS: tuple[tuple[str, str, str, Decimal], ...] = tuple(
    (written, unit, family, Decimal(factor)) for written, unit, family, factor in (
        ("个百分点", "percentage_points", "points", 1), ("百分点", "percentage_points", "points", 1),
        ("%", "%", "percent", 1), ("％", "%", "percent", 1),
        ("元人民币", "CNY", "money", 1), ("人民币", "CNY", "money", 1), ("元", "CNY", "money", 1),
        ("美元", "USD", "money", 1), ("欧元", "EUR", "money", 1), ("日元", "JPY", "money", 1),
        ("港元", "HKD", "money", 1), ("港币", "HKD", "money", 1), ("英镑", "GBP", "money", 1),
        ("韩元", "KRW", "money", 1),
        ("平方公里", "km2", "area", 1), ("平方千米", "km2", "area", 1), ("km²", "km2", "area", 1),
        ("平方米", "m2", "area", 1), ("平米", "m2", "area", 1), ("㎡", "m2", "area", 1),
        ("m²", "m2", "area", 1),
        # 约2.6万平方: 米 dropped; after the longer forms, so 平方公里 stays km2.
        ("平方", "m2", "area", 1), ("亩", "mu", "area", 1), ("公顷", "ha", "area", 1),
        ("公里", "km", "length", 1), ("千米", "km", "length", 1), ("延米", "m", "length", 1),
        ("米", "m", "length", 1),
        ("千瓦时", "kWh", "energy", 1), ("度电", "kWh", "energy", 1),
        ("千瓦", "kW", "power", 1), ("兆瓦", "MW", "power", 1),
        ("立方米", "m3", "volume", 1), ("吨", "t", "mass", 1),
        ("户", "households", "households", 1),
    )
)
# Latin unit symbols match only when no letter follows (5km, not 5kmh).
LATIN_UNITS = (("GWh", "GWh", "energy"), ("MWh", "MWh", "energy"), ("kWh", "kWh", "energy"),
               ("km2", "km2", "area"), ("m2", "m2", "area"), ("km", "km", "length"),
               ("kW", "kW", "power"), ("kw", "kW", "power"), ("MW", "MW", "power"), ("m", "m", "length"))

# Measure words of counts, with the unit they give when no counted noun is found.
# None: the count is a figure only when a counted noun names what is counted.
MEASURES: Mapping[str, str | None] = MappingProxyType({
    "人次": "person_times", "个": None, "家": "enterprises", "名": "people", "位": "people",
    "人": "people", "栋": "buildings", "幢": "buildings", "座": None, "所": None, "处": None,
    "项": None, "套": "units", "张": None, "台": "units", "辆": "vehicles", "条": None,
    "间": None, "宗": "parcels", "场": None, "件": None, "部": None, "道": None, "批": None,
    "支": None,
})
# Measure words of products: 100万套车灯项目 is what the project makes, not how many projects.
PRODUCT_MEASURES = frozenset("套台辆件")
# What a measure word counts when the noun it measures is not in COUNTED_NOUNS
# (涵洞32道, 组建8个招商专班): any noun counted with it is a count figure.
MEASURE_TOKENS: Mapping[str, str] = MappingProxyType({
    "个": "items", "座": "structures", "所": "institutions", "处": "sites", "项": "items",
    "张": "items", "条": "items", "间": "rooms", "场": "events", "件": "items", "部": "units",
    "道": "items", "批": "batches", "支": "teams",
})
# Nouns that a measure word may be followed by without counting anything a
# district reports (三个方面, 5个领域): never a count figure.
ABSTRACT_NOUNS = ("方面", "领域", "环节", "阶段", "方向", "步骤", "层次", "维度", "板块", "专题",
                  "重点", "目标", "任务", "举措", "措施", "机制", "体系", "原则", "理念", "字",
                  "样板", "标杆", "品牌", "高地", "集群", "示范", "全覆盖", "一", "百分点", "实事",
                  "产业链", "链", "行动", "工作", "活动", "课题", "文章", "轮", "次", "批次", "政策")
# Words that open a predicate: a count followed by one (79个复工) names no noun after it.
PREDICATE_OPENERS = (
    "复工", "开工", "竣工", "投产", "签约", "完成", "实现", "达到", "正在", "已经", "已", "在", "将",
    "为", "是", "被", "由", "获得", "进行", "参加", "参与", "入驻", "落户", "建成", "通过", "集中",
    "同步", "陆续", "全部", "均", "都", "共", "和", "与", "及", "等", "的", "中", "以上", "左右",
    # 由58家增加到72家: a change from one figure to the next names nothing counted
    "增加", "增长", "增至", "提高", "提升", "扩大", "上升", "下降", "减少",
)

# Counted nouns (heads of the phrase a count measures), longest first.
COUNTED_NOUNS: tuple[tuple[str, str], ...] = tuple(sorted((
    ("项目", "projects"), ("工程", "projects"), ("企业", "enterprises"), ("公司", "companies"),
    ("集团", "companies"), ("商户", "businesses"), ("市场主体", "businesses"), ("银行", "banks"),
    ("金融机构", "institutions"), ("机构", "institutions"), ("高校", "universities"),
    ("院校", "universities"), ("学校", "schools"), ("中小学", "schools"), ("小学", "schools"),
    ("中学", "schools"), ("幼儿园", "kindergartens"), ("医院", "hospitals"),
    ("卫生院", "clinics"), ("人员", "people"), ("人才", "people"), ("工人", "people"),
    ("员工", "people"), ("职工", "people"), ("群众", "people"), ("居民", "people"),
    ("村民", "people"), ("干部", "people"), ("党员", "people"), ("志愿者", "people"),
    ("企业法人", "enterprises"),
    ("专家", "people"), ("嘉宾", "people"), ("客商", "people"), ("企业家", "people"),
    ("建设者", "people"), ("就业岗位", "jobs"), ("岗位", "jobs"), ("行政村", "villages"),
    ("村庄", "villages"), ("社区", "communities"), ("小区", "residential_compounds"),
    ("街道", "subdistricts"), ("乡镇", "towns"), ("中心镇", "towns"), ("楼宇", "buildings"), ("大楼", "buildings"),
    ("厂房", "buildings"), ("住宅楼", "buildings"), ("建筑", "buildings"), ("房屋", "housing_units"),
    ("住房", "housing_units"), ("安置房", "housing_units"), ("房源", "housing_units"),
    ("中心", "centers"), ("基地", "bases"), ("产业园", "parks"), ("园区", "parks"), ("公园", "parks"),
    ("平台", "platforms"), ("实验室", "labs"), ("床位", "beds"), ("病床", "beds"),
    ("停车位", "parking_spaces"), ("车位", "parking_spaces"), ("充电桩", "charging_points"),
    ("道路", "roads"), ("主干道", "roads"), ("干道", "roads"), ("线路", "lines"), ("桥梁", "bridges"),
    ("站点", "stations"), ("隧道", "tunnels"), ("地块", "parcels"),
    ("合同", "agreements"), ("协议", "agreements"), ("专利", "patents"), ("活动", "events"),
    ("生产线", "production_lines"), ("门店", "stores"), ("酒店", "hotels"), ("景区", "attractions"),
    ("学位", "school_places"), ("车辆", "vehicles"), ("设备", "units"), ("家庭农场", "farms"),
    ("农场", "farms"), ("合作社", "cooperatives"),
    # 项目部, 工程组: offices and teams that run projects, not the projects (5个项目部)
    ("项目部", "offices"), ("工程部", "offices"), ("项目办", "offices"), ("指挥部", "offices"),
    ("项目组", "teams"), ("工程组", "teams"), ("联络处", "offices"), ("办事处", "offices"),
    ("省辖市", "cities"), ("地级市", "cities"), ("城市", "cities"),
    ("电梯", "elevators"), ("涵洞", "culverts"), ("泊位", "parking_spaces"), ("住宅", "housing_units"),
    ("非住宅", "premises"), ("商铺", "shops"), ("工作组", "teams"), ("专班", "teams"),
    ("小组", "teams"), ("队伍", "teams"), ("问题", "issues"), ("意见建议", "suggestions"),
    ("意见", "suggestions"), ("建议", "suggestions"), ("诉求", "requests"), ("基站", "stations"),
), key=lambda pair: -len(pair[0])))
# One-character nouns count only right after the measure or at the end of a phrase,
# so that 人 in 人工智能 or 村 in 村级 is not taken for the counted thing.
SHORT_COUNTED_NOUNS: Mapping[str, str] = MappingProxyType({
    "人": "people", "村": "villages", "楼": "buildings", "镇": "towns", "路": "roads",
    "桥": "bridges", "站": "stations", "店": "stores", "床": "beds",
})
# Counts whose own noun phrase is the subject (签约落地项目90个).
GROUP_UNITS = frozenset({"projects", "enterprises", "companies", "businesses", "institutions"})
# What follows a measure word when the number counts time, not things.
TIME_NOUNS = ("工作日", "小时", "季度", "星期", "年头", "多月", "半月", "月", "周", "年", "日", "天", "世纪")

# Cue words that give money its kind; the rightmost cue before the number wins.
MONEY_CUES: tuple[tuple[str, str], ...] = tuple(sorted((
    ("协议总投资", "investment"), ("协议投资", "investment"), ("计划投资", "investment"),
    ("完成投资", "investment"), ("总投资", "investment"), ("投资额", "investment"),
    ("固定资产投资", "investment"), ("签约金额", "investment"), ("签约总额", "investment"),
    ("签约额", "investment"), ("合同金额", "investment"), ("合同额", "investment"),
    ("意向投资", "investment"), ("引资", "investment"), ("外资", "investment"),
    ("投资", "investment"), ("招商", "investment"),
    ("营业收入", "revenue"), ("主营业务收入", "revenue"), ("收入", "revenue"), ("营收", "revenue"),
    ("营业额", "revenue"), ("税收", "revenue"), ("税金", "revenue"), ("纳税", "revenue"), ("利税", "revenue"),
    ("利润", "revenue"),
    ("产值", "output"), ("规模", "output"), ("销售额", "output"), ("交易额", "output"),
    ("生产总值", "output"), ("增加值", "output"), ("GDP", "output"), ("零售总额", "output"),
    ("零售额", "output"), ("投资规模", "investment"),
    ("资金", "funding"), ("补助", "funding"), ("补贴", "funding"), ("奖补", "funding"),
    ("奖励", "funding"), ("专项债", "funding"), ("债券", "funding"), ("贷款", "funding"),
    ("融资", "funding"), ("拨付", "funding"), ("授信", "funding"), ("补偿", "funding"),
    ("拨款", "funding"), ("首贷", "funding"), ("续贷", "funding"),
    ("增收", "revenue"), ("内资", "investment"), ("到位资金", "investment"),
    ("签约总金额", "investment"), ("投资总额", "investment"), ("协议总金额", "investment"),
    ("投资金额", "investment"),  # not 资金: 投资金额近200亿元 is investment
    ("协议金额", "investment"), ("总投入", "investment"),
    # 开票销售, 应税销售: sales, read as output like 销售额
    ("销售", "output"),
), key=lambda pair: -len(pair[0])))
# Money nouns that name an amount written before them (5000万元风险补偿资金池).
MONEY_NOUN_HEADS: tuple[tuple[str, str], ...] = (
    ("资金池", "funding"), ("资金", "funding"), ("基金", "funding"), ("专项债", "funding"),
    ("债券", "funding"), ("授信", "funding"), ("贷款", "funding"), ("补助", "funding"),
    ("补贴", "funding"), ("奖补", "funding"),
)
# Cue words that name an economic measure on their own (固定资产投资增长9.3%):
# a phrase of one of them is never bare.
METRIC_CUES = frozenset({"固定资产投资", "外资", "营业收入", "主营业务收入", "生产总值", "增加值",
                         "零售总额", "零售额", "GDP", "税收", "利税"})

# Qualifier words, longest first within each list.
QUALIFIER_PREFIXES: tuple[tuple[str, str], ...] = (
    ("超过了", "at_least"), ("突破了", "at_least"),  # 签约户数已超过了87%: 了 sits inside the bound
    ("不少于", "at_least"), ("不低于", "at_least"), ("不超过", "at_most"), ("不高于", "at_most"),
    ("不到", "at_most"), ("不足", "at_most"), ("超过", "at_least"), ("至少", "at_least"),
    ("突破", "at_least"),
    ("逾", "at_least"), ("超", "at_least"), ("过", "at_least"), ("大约", "approx"),
    ("约合", "approx"),  # 约合5亿美元: 约 said of a converted amount
    ("将近", "approx"), ("接近", "approx"), ("约", "approx"), ("近", "approx"),
)
QUALIFIER_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("及以上", "at_least"), ("以上", "at_least"), ("多", "at_least"), ("余", "at_least"),
    ("以下", "at_most"), ("以内", "at_most"), ("左右", "approx"), ("上下", "approx"),
)
# Characters that make 近/过/超 part of another word (最近, 通过, 高超).
QUALIFIER_BLOCKERS = MappingProxyType({
    "近": "最附接邻靠将贴", "过": "通经超越跨不度错走看做办路", "超": "高赶", "约": "签预节制合履特邀公条契集",
})

# Words trimmed from the start of a subject phrase: time, scope, verbs of doing.
LEADING_TRIMS = (
    "截至目前", "截至", "截止目前", "截止", "其中", "今年", "以来", "全年", "去年", "明年", "年内", "当年", "目前", "确保",
    "据介绍", "据了解", "据悉", "同时", "建成后", "达产后", "投产后", "年均", "每年", "已",
    "力争", "争取", "计划", "预计", "累计", "共计", "共有", "实现", "完成", "引进", "引入",
    "招引", "全区", "全市", "全县", "全镇", "全省", "本次", "此次", "现场", "还有", "以及",
    "专项策划", "精心谋划", "谋划", "策划", "储备", "推动", "推进", "加快", "用好", "包括",
    "分别是", "分别为", "分别", "涉及", "带动", "至少", "并且", "并", "已经", "可以", "可",
    "的",  # 全县的招商引资企业: what is left once 全县 goes
)
# Words trimmed from the end of a phrase before a number: linking verbs and metric words.
TRAILING_TRIMS = (
    "同比增长", "同比下降", "增长", "下降", "提高", "提升", "增加", "减少", "增至", "达到了", "达到",
    "突破", "分别为", "分别", "超过", "不少于", "至少", "共计", "合计", "总计", "总数", "数量", "总量",
    "累计", "新增", "规划用地", "规划", "签约率", "开工率", "完成率", "腾空率", "拆除率", "入驻率", "出租率", "签约",
    "动迁", "腾空", "拆除", "征收", "搬迁", "入户", "签订", "到位", "开复工", "复工", "开工", "竣工",
    "投产", "完成", "实现", "增速", "增幅", "同比", "占比", "比重", "总建筑面积", "建筑面积", "占地面积",
    "用地面积", "面积", "占地", "全长", "总长", "长度", "装机容量", "容量", "年产", "产能",
    "达", "为", "是", "就", "共", "计", "有", "约", "近", "超", "逾", "占", "了", "已", "长", "宽",
)
# Subject phrases that name no particular thing; never a subject on their own.
GENERIC_WORDS = (
    "重点", "重大", "在建", "新建", "续建", "新开工", "开工", "签约", "落地", "优质", "该", "本",
    "此", "各类", "招商", "产业", "工业", "服务业", "基础设施", "民生", "省市区", "一批", "集中",
    "竣工", "投产", "储备", "谋划", "引进", "招商引资", "城市更新", "高质量", "一批批", "一批", "好", "大",
    "省", "市", "区", "县", "新", "抓", "谋", "拼",
)
# Words that end a phrase a figure modifies (总投资5亿元的X项目已开工, …的X项目和总投资…).
DE_PHRASE_STOPS = ("和总投资", "、总投资", "已", "正在", "将", "于", "同步", "是", "为", "在", "开工",
                   "投产", "建成", "落户", "签约", "顺利", "全面", "目前")
# Words between two counted nouns that make them two phrases (企业签署合作协议),
# not one compound (社区服务中心).
COMPOUND_BREAKERS = ("签署", "签订", "签约", "开展", "参加", "参与", "入驻", "落户", "达成", "实施",
                     "建设", "完成", "实现", "开工", "投产", "正在", "与", "和", "及", "在", "等", "的",
                     "已", "将", "为", "是", "共", "对", "向")
# Phrases that point back to a project named earlier.
# 这条 and 这座 (标志着这条全长18.6公里的快速路) point back as well: in this genre the
# road or building so pointed at is the project just named.
PROJECT_ANAPHORS = ("该项目", "本项目", "此项目", "这个项目", "该工程", "本工程", "项目一期", "项目二期",
                    "项目三期", "一期项目", "二期项目", "三期项目", "这条", "这座", "项目")
# Words that point a count back to one said before (这14个项目, 上述5家企业):
# the count restates that one.
RESTATING_WORDS = ("这些", "这", "上述", "前述", "以上", "此")
# Words that point back to a company named earlier (该集团是世界500强企业).
COMPANY_ANAPHORS = ("该集团", "该企业", "该公司", "这家企业", "这家公司")
PROJECT_SUFFIXES = ("项目", "工程")
# After 项目, these make it a class of projects at an event, not a name (…项目签约仪式).
PROJECT_EVENT_WORDS = ("签约仪式", "集中签约", "集中开工", "开工仪式", "推介会", "洽谈会", "观摩",
                       "推进会", "调度会", "签约活动", "建设现场会")
# Words after which a project name begins (walking left from 项目).
PROJECT_NAME_OPENERS = (
    "位于", "走进", "来到", "深入", "观摩", "调研", "视察", "参观", "推进", "抓好", "加快", "实施",
    "包括", "其中", "分别是", "签约", "落地", "开工", "街道", "举行", "举办", "召开", "安排", "储备", "谋划", "引进", "招引",
    "共有", "共", "的", "在", "是", "为", "对", "和", "与", "成立", "宣布", "介绍", "督导", "投资建设",
    "及", "等", "将", "把", "了", "以", "由", "从", "到", "赴", "如", "抓",
    "标志着", "意味着",  # 标志着该项目: the anaphor 该项目 follows, no name
    "随着",  # 随着青禾大道工程的奠基: the name starts after it
)

# --- Subject phrases -------------------------------------------------------
# Words that scope a phrase to the whole area: a phrase with one (全县新增公路
# 通车里程) reports on the district, not on the project the sentence names.
SCOPE_WORDS = ("全区", "全县", "全市", "全镇", "全乡", "全省", "全国", "全旗", "本区", "本县", "本市")
# Openers of a clause that continues the figure before it (完成投资26.4亿元，
# 同比增长12.6%; 新增贷款45.8亿元，同比多增7.2亿元).
CONTINUATION_OPENERS = ("同比", "同口径", "环比", "比上年", "比去年", "较上年", "较去年", "较年初", "较", "占",
                        "高于", "低于", "增速", "增幅", "完成年度", "完成全年",
                        "完成年任务", "完成年计划")
CONTINUATION_BLOCKERS = ("占地", "占用")  # 占地约800亩 measures land, it continues nothing
# Linking words trimmed from the end of a subject phrase (装机容量达到300兆瓦).
# Qualifiers (约, 近, 超) are not among them: they belong to the figure's surface,
# and as last characters they end words (签约, 最近).
LINK_TRIMS = ("缩短到", "缩短至", "提高到", "提高至", "增加到", "增加至", "下降到", "下降至", "降至",
              "扩大到", "扩大至", "增长到", "增长至", "上升到", "上升至", "提升到", "提升至", "减少到", "减少至",
              "现在", "目前",  # 增加至现在的26家: the time of the end point
              "达到了", "达到", "突破", "超过", "不少于", "不低于", "不超过", "至少", "共计", "合计",
              "总计", "分别为", "分别", "增至", "提高", "提升", "下降", "减少", "控制在", "保持在", "完成",
              "实现", "为", "是", "达", "共", "有", "就", "了", "已", "的", "将", "可")
# Words that name a measure, not a thing (建筑面积, 装机容量, 签约率): with the
# verbs below, a phrase of nothing else is bare and needs a topic.
MEASURE_NOUNS = ("总建筑面积", "建筑面积", "占地面积", "用地面积", "规划面积", "总面积", "面积",
                 "规划用地", "占地", "用地", "征地", "全长", "总长", "长度", "里程", "装机容量", "容量",
                 "功率", "规模", "总量", "数量", "总数", "增速", "增幅", "占比", "比重", "总额", "金额",
                 "额", "率")
PHRASE_VERBS = ("复工", "累计", "概算", "共计", "计划", "预计", "年度", "全年", "新增", "新建", "建成后", "达产后",
                "投产后", "建成", "完成", "实现", "签约", "腾空", "拆除", "征收", "搬迁", "入户", "签订",
                "到位", "开工", "竣工", "投产", "达产", "涉及", "带动", "提供", "争取", "发放", "设立",
                "意向", "年均", "每年", "同比", "增长", "多增", "合计", "共", "总", "已", "将", "可", "年")
# Opening words of a list of names (同日开工的还有A、B等31个项目): the list's head ends there.
LIST_OPENERS = ("还有", "包括", "涉及", "走访了", "考察了", "了", "有", "是", "为", "如")
LIST_HEAD_TRIMS = ("还有", "包括", "了", "有", "是", "为", "如")
