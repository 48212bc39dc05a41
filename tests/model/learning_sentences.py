# Sentence sets for the retraining-loop test in tests/model/test_retrain.py ("30 marked →
# exported → retrained model flags >= 80% of 20 unseen paraphrases"). Written by hand
# for this purpose; nothing copied from ../shared/evalsets or ../shared/datasets.
#
# Kind (label "ads"): a PAID WeChat group / paid online community (入群费, 会员费, 群费, 付费进群)
# promoted in the voice of a community/street service notice ("社区温馨提示", "为方便居民…").
# No test sentence shares a substring of more than 6 characters with a training sentence;
# all 50 are distinct, 15-60 characters, one sentence each.
#
# "Flagged" = argmax label == "ads", scored with review.model.scorer.Scorer on
# review.model.text.prepare(text).
#   Shipped model (models/, Scorer.load()) today: TEST 5/20 = 25% flagged; TRAIN 3/30 = 10%.
#   (Candidate kinds tried, 8 sentences each, shipped model: paid WeChat group 3/8,
#    private clinic free check-up upsell 5/8, private paid tutoring notice 7/8,
#    soft personal-emotion opinion 7/8 — so the paid group kind was chosen.)
#   Model trained on the slice alone (train.train on every 32nd line): TEST 2/20 = 10%.
#   Retrained: TEST 20/20 = 100% flagged (lowest ads probability 0.64).
#
# How it was retrained (OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1, threadpool_limits(1)), as
# tests/model/test_retrain.py does: every 32nd line (lines[::32]) of each
# fixtures/corpus/*.tsv under the same names; "in use" = review.model.train.train(slice, dir);
# then review.model.retrain.run(slice, [feedback.tsv], in_use, out, force=True) with
# feedback.tsv = "ads\t<sentence>" for each of TRAIN (final model fitted on slice + all 30);
# then Scorer.load(out). The gate passed on its own: written=True, forced=False, worse=[].
# (An earlier draft, where six training sentences had "…元，" mid-sentence, failed the gate:
#  neutral recall 0.9456 -> 0.932 on the slice's held-out part, because 2 neutral sentences
#  flipped, one a fee notice "骨灰寄存费每格每年50元，…". So avoid adding "元，" back in.)

LABEL = "ads"

TRAIN = [
    '为方便居民获取理财知识，某财经老师开设付费学习群，入群费用一百九十九元。',
    '社区温馨提示：想学短视频带货的居民可扫码加入创业交流群，会员费三百六十五元一年。',
    '为帮助老年人学用智能手机，某公司开设收费教学群，三十九元一期包教会。',
    '辖区居民如需考公辅导，可付费加入上岸冲刺群，群内每天推送真题解析。',
    '近日，有热心人士组建股票内参群，每日推送牛股信息，每月收费两百元。',
    '街道提醒：本地家政阿姨对接群现已开放，雇主入群需交年费一百二十元。',
    '为丰富退休生活，某旅行社组建夕阳红旅游群，缴纳五十元会费即可入群。',
    '有意学习烘焙的居民可扫描下方二维码，付费九十九元进群跟练三十天。',
    '某健身教练在我区开设线上减脂打卡群，结营可返还押金，每人收费一百六十八元。',
    '社区消息：少儿编程家长交流群招募新成员，入群须缴纳季度服务费三百元。',
    '想第一时间获取学区房源的家长，可添加房产顾问微信，付费入群看内部房源。',
    '为服务辖区创业青年，某机构推出私域运营陪跑群，入群价格两千九百八十元。',
    '本周起，育儿专家的付费答疑群开始招募，每位家长收取八十八元。',
    '居民朋友如需法律咨询，可加入律师在线答疑群，入群费用每月三十元。',
    '辖区新开一个钓鱼爱好者会员群，群员享受合作鱼塘门票优惠，年费两百元。',
    '欢迎广大居民加入本地美食探店群，交纳十九块九即可领取商家优惠券。',
    '某心理咨询工作室开设情绪疗愈社群，扫码即可加入，首月体验价六十六元。',
    '为方便业主团购，小区团长组建生鲜会员群，入群需先充值五百元。',
    '辖区中考家长请注意，名校学长的志愿填报指导群正在收费报名，每人三百八十元。',
    '社区温馨提示：老年大学校友群开设收费直播课，入群缴费一百元可听全年课程。',
    '想要提升孩子阅读能力的家长，可付费加入亲子共读打卡群，一期四十九元。',
    '某自媒体博主发起副业赚钱交流群，入群门槛三百九十九元，群内分享接单渠道。',
    '有驾照考试需求的居民可加入科目一刷题群，缴纳二十元群费即可获取题库。',
    '为方便宠物主人交流，某宠物店组建付费养宠群，入群赠送驱虫药一份。',
    '近期，区内一位中医师开设养生调理微信群，入群收取会员费二百九十九元。',
    '社区通知：英语角线上群即日起改为收费制，每人每学期一百五十元。',
    '摄影爱好者可扫码加入城市风光拍摄群，交费后可参加每月外拍活动。',
    '为助力居民求职，某人力公司建立高薪岗位内推群，入群费八十元。',
    '居民如需了解医保报销技巧，可付费进群，由专人一对一答疑，仅需九块九。',
    '街道辖区内的瑜伽老师组建晨练付费群，月费六十元，欢迎女性居民加入。',
]

TEST = [
    '为便于家长交流升学信息，某教育博主建立收费咨询群，进群需支付二百五十元。',
    '社区友情提醒：炒股新手可以扫码进入财经老师的会员群，每季度收取四百元。',
    '退休居民可报名加入手机摄影教学群，一次性交费六十元，群内老师每周授课。',
    '有需要的居民可以加群咨询装修事宜，入群每人收费三十八元，提供设计建议。',
    '近期，某营养师组织了付费控糖群，每人缴纳一百二十八元，可获得每日食谱。',
    '街道提示：本地招工信息群现在开放加入，求职者进群须交纳五十元信息费。',
    '为满足广大宝妈需求，某早教机构推出辅食交流付费群，入群仅需七十九元。',
    '广大书法爱好者可以添加微信进入毛笔字练习群，每月群费四十五元。',
    '想备考教师资格证的居民，可以缴费进入备考督学群，费用为一百九十元。',
    '辖区内某旅游达人组建自驾游俱乐部群，入会缴纳年费三百元，享受酒店折扣。',
    '需要办理落户的群众可付费入群，由中介人员提供全程代办指导，收费二百元。',
    '居民朋友们，一位知名讲师开设了家庭教育收费社群，年卡价格六百九十九元。',
    '爱好广场舞的阿姨们可扫码进入舞蹈教学群，交二十元即可学习全部新曲目。',
    '某农产品电商建立了社区拼团会员群，入群先缴纳一百元保证金。',
    '社区公告：围棋兴趣群自下月起收取群费，每位孩子每月缴纳八十元。',
    '想学做自媒体的年轻人，可付费进入流量变现训练营群，报名费一千二百元。',
    '为便于车主交流，某汽修店建立了收费保养会员群，进群可享工时费八折。',
    '备战高考的家长可以加入状元经验分享群，收费标准为每人每年五百元。',
    '热爱跑步的居民可付费加入马拉松训练群，缴纳九十元可获专业配速计划。',
    '某本地生活号拉了个吃喝玩乐福利群，入群费九块九，每周发放商家代金券。',
]
