"""Hanja written as Hangul before any reader sees the question, so that a letter in the old mixed script
("長男에게 五年 前 現金 一億원을 贈與한 바 있고") is read as "장남에게 5년 전 현금 1억원을 증여한 바 있고".
Numerals become digits in the shapes the amount parser reads (三億五千萬 -> 3억 5000만, 二〇一二 -> 2012);
every other character takes its reading from a small table, with the initial-sound rule (두음법칙) at the
start of a word (老父 -> 노부, 長女 -> 장녀). A character the table lacks is kept and reported, never dropped."""

from __future__ import annotations

import re

from taxqa.tax.words import HANJA_AMOUNT, josa

# readings as said inside a word (本音); the initial-sound rule is applied where a word starts
READINGS = """
가:家價加可假街歌暇 각:各角覺閣刻却 간:間簡看干幹刊 갈:渴 감:減感監鑑甘敢 갑:甲 강:江强講降康剛綱 개:改個開介蓋槪皆
객:客 갱:更 거:去居巨擧據距 차:車 건:建件健乾 검:檢儉 게:揭 격:格擊激 견:見堅遣犬 결:決結潔缺 겸:兼謙 경:京經景輕慶敬
競境警鏡耕頃卿驚傾徑 계:計界季系係繼契階啓戒鷄 고:高古告考固苦故孤庫雇顧稿 곡:曲穀谷 곤:困坤 골:骨 공:工公共功空供
孔恭攻貢控 과:過果科課誇寡 곽:郭 관:官觀關管館慣寬貫 광:光廣鑛 괘:掛 괴:怪壞 교:交校敎橋郊較矯 구:口九求救究久句
舊具區球構購拘驅俱 국:國局菊 군:軍郡君群 굴:屈 궁:宮窮弓 권:權勸卷券 궐:闕 궤:軌 귀:貴歸鬼 규:規糾 균:均菌 극:極劇
克 근:近勤根斤謹僅 금:金今禁錦琴 급:急級給及 긍:肯 기:己記起其期基氣技幾旣紀忌旗欺奇騎寄企器機 긴:緊 길:吉
낙:諾 난:暖難 남:南男 납:納 낭:娘 내:內耐乃 녀:女 년:年 념:念 녕:寧 노:怒奴努 농:農濃 뇌:腦 능:能 니:尼泥 닉:匿
다:多茶 단:單短團端斷段旦但壇檀 달:達 담:談擔淡 답:答畓 당:當堂黨唐糖 대:大代對待帶臺貸隊 덕:德 도:道到度都島徒圖
導刀途渡逃盜陶 독:讀獨督毒 돈:敦 돌:突 동:同東冬動洞童銅 두:頭斗豆 둔:鈍 득:得 등:等登燈 라:羅 락:落樂絡 란:亂卵
蘭欄 람:覽濫 랑:浪郞朗 래:來 랭:冷 략:略 량:良兩量糧涼諒 려:旅麗慮勵 력:力歷曆 련:連練聯戀 렬:列烈劣裂 렴:廉 령:令領
嶺靈 례:例禮 로:路老勞露爐 록:綠錄 론:論 뢰:賴雷 료:料了療 룡:龍 루:樓累漏 류:流留類柳 륙:六陸 륜:倫輪 률:律率 륭:隆
릉:陵 리:利理里離李吏裏履 린:隣 림:林臨 립:立 마:馬麻磨 막:莫幕漠 만:萬晩滿慢漫 말:末 망:亡忘望茫 매:每買賣妹梅埋媒
맥:麥脈 맹:孟猛盲盟 면:面免勉眠綿 멸:滅 명:名命明鳴銘 모:母毛暮某謀模貌募 목:木目牧 몰:沒 몽:夢 묘:妙墓 무:無武務
舞茂貿霧 묵:墨默 문:門問聞文 물:物 미:米未味美尾迷微 민:民敏 밀:密 박:朴博薄拍迫 반:反飯半般返班 발:發髮拔 방:方房防
放訪邦妨 배:拜杯倍配背培排輩 백:白百伯佰 번:番煩繁 벌:伐罰 범:凡犯範 법:法 벽:壁 변:變辯邊 별:別 병:丙病兵竝 보:保步
報寶普補譜 복:福伏服復腹複 본:本 봉:奉逢峯封 부:否扶浮父夫部婦富副府負付簿附 북:北 분:分紛粉奔墳憤 불:不佛拂 붕:朋崩
비:比非悲飛鼻備批費卑碑秘 빈:貧賓頻 빙:氷聘 사:四巳士仕寺史使舍射謝師死私絲思事司詞蛇捨邪賜斜詐社沙似査寫辭 삭:削
산:山産散算 살:殺 삼:三 상:上尙常賞商相霜想傷喪嘗裳詳祥床象像桑狀償 새:塞 색:色索 생:生 서:西序書署敍徐庶恕暑緖
석:夕石席惜昔析 선:先仙線鮮善船選宣旋禪 설:雪說設舌 섭:涉 성:成性城誠盛省星聖聲姓 세:世洗稅細勢歲貰 소:小少所消素笑
召昭蘇騷燒訴掃 속:俗速續束屬 손:孫損 송:松送頌訟 쇄:刷鎖 쇠:衰 수:水手受授首守收誰須雖愁樹壽數修秀囚需帥殊隨輸獸睡
遂 숙:叔淑宿孰肅 순:順純旬殉盾循脣瞬巡 술:戌述術 숭:崇 습:習拾濕襲 승:乘承勝昇僧 시:市示是時詩視施試始矢侍 식:食式
植識息飾 신:身申神臣信辛新伸晨愼 실:失室實 심:心甚深尋審 십:十 쌍:雙 씨:氏 아:兒我牙芽雅亞餓 악:惡岳 안:安案顔眼岸
알:謁 암:暗巖 압:壓押 앙:仰央 애:愛哀涯 액:厄額 야:也夜野耶 약:弱若約藥 양:羊洋養揚陽讓壤樣楊 어:魚漁於語御 억:億
憶抑 언:言焉 엄:嚴 업:業 여:余餘如汝與予輿 역:亦易逆譯驛役域疫 연:然煙硏延燃燕沿鉛宴軟演緣 열:熱悅 염:炎染鹽 엽:葉
영:永英迎榮泳詠營影映 예:藝豫譽銳預 오:五吾悟午誤烏汚嗚娛傲 옥:玉屋獄 온:溫 옹:翁擁 와:瓦臥 완:完緩 왈:曰 왕:王往
외:外畏 요:要腰搖遙謠 욕:欲浴慾辱 용:用勇容庸 우:于宇右牛友雨憂又尤遇羽郵愚偶優 운:云雲運韻 웅:雄 원:元原願遠園怨
圓員源援院 월:月越 위:位危爲偉威胃謂圍緯衛違委慰僞 유:由油酉有猶唯遊柔遺幼幽惟維乳儒裕誘愈悠 육:肉育 윤:閏潤 은:恩
銀隱 을:乙 음:音吟飮陰淫 읍:邑泣 응:應 의:衣依義議矣醫意宜儀疑 이:二貳以已耳而異移夷 익:益翼 인:人引仁因忍認寅印
刃姻 일:一日壹逸 임:壬任賃 입:入 자:子字自者姉慈玆雌紫資姿恣刺 작:作昨酌爵 잔:殘 잠:潛暫 잡:雜 장:長章場將壯丈張帳
莊裝奬墻葬粧掌藏臟障腸 재:才材財在栽再哉災裁載宰 쟁:爭 저:著貯低底抵 적:的赤適敵笛滴摘寂籍賊跡積績 전:田全典前展戰
電錢傳專轉殿 절:節絶切折竊 점:店占點漸 접:接蝶 정:丁頂停井正政定貞精情靜淨庭亭訂廷程征整 제:弟第祭帝題除諸製提堤制
際齊濟 조:兆早造鳥調朝助祖弔燥操照條潮租組 족:足族 존:存尊 졸:卒拙 종:宗種鍾終從縱 좌:左坐佐座 죄:罪 주:主注住朱
宙走酒晝舟周株州洲柱奏珠鑄 죽:竹 준:準俊遵 중:中重衆仲 즉:卽 증:曾增證憎贈症蒸 지:只支枝止之知地指志至紙持池誌智
遲 직:直職織 진:辰眞進盡振鎭陣陳珍 질:質秩疾姪 집:集執 징:徵懲 차:且次此借差 착:着錯捉 찬:贊讚 찰:察 참:參慘慙 창:昌
唱窓倉創蒼暢 채:菜採彩債 책:責冊策 처:妻處 척:尺斥拓戚 천:千天川泉淺賤踐遷薦阡仟 철:鐵哲徹 첨:尖添 첩:妾 청:靑淸晴請
聽廳 체:體替滯逮遞 초:初草招肖超抄礎 촉:促燭觸 촌:寸村 총:銃總聰 최:最催 추:秋追推抽醜 축:丑祝畜蓄築逐縮 춘:春
출:出 충:充忠蟲衝 취:取吹就臭醉趣 측:側測 층:層 치:治致齒値置恥 칙:則 친:親 칠:七漆 침:針侵浸寢沈枕 칭:稱 쾌:快
타:他打妥墮 탁:濁托濯卓 탄:炭歎彈誕 탈:脫奪 탐:探貪 탑:塔 탕:湯 태:太泰怠殆態 택:宅澤擇 토:土吐討 통:通統痛 퇴:退
투:投透鬪 특:特 파:破波派播罷頗把 판:判板販版 팔:八 패:貝敗 편:片便篇編遍偏 평:平評 폐:閉肺廢弊蔽幣 포:布抱包胞飽浦
捕 폭:暴爆幅 표:表票標漂 품:品 풍:風豐 피:皮彼疲被避 필:必匹筆畢 하:下夏賀何河荷 학:學鶴 한:閑寒恨限韓漢旱汗 할:割
함:咸含陷 합:合 항:恒巷港項抗航 해:害海亥解奚該 핵:核 행:行幸 향:向香鄕響享 허:虛許 헌:軒憲獻 험:險驗 혁:革 현:現
賢玄弦絃縣懸顯 혈:血穴 협:協脅 형:兄刑形亨螢衡 혜:惠慧 호:戶乎呼好虎號湖互胡浩毫豪護 혹:或惑 혼:婚混昏魂 홀:忽
홍:紅洪弘鴻 화:火化花貨和話畫華禾禍 확:確穫擴 환:歡患丸換環還 활:活 황:黃皇況荒 회:回會悔懷 획:獲劃 횡:橫 효:孝效曉
후:後厚侯候 훈:訓 훼:毁 휘:揮輝 휴:休携 흉:凶胸 흑:黑 흡:吸 흥:興 희:希喜稀戲 만:万 엔:円 령:零
"""


def reading_table(table: str) -> dict[str, str]:
    """The table above as a dict; a line that starts without 'reading:' goes on with the reading before it."""
    out, syl = {}, ""
    for token in table.split():
        syl, chars = token.split(":") if ":" in token else (syl, token)
        out.update(dict.fromkeys(chars, syl))
    return out


READING = reading_table(READINGS)
# words whose reading is not the sum of their characters' (a second sound, a compound read as a whole)
WORDS = {"萬一": "만일", "利率": "이율", "年利率": "연이율", "不動産": "부동산", "不足": "부족", "不正": "부정",
         "住宅": "주택", "自動車": "자동차", "便紙": "편지", "金氏": "김씨", "唯一": "유일", "同一": "동일",
         "統一": "통일", "第一": "제일", "單一": "단일", "一旦": "일단", "一部": "일부", "一切": "일절", "一般": "일반",
         "簡易": "간이", "容易": "용이"}  # fmt: skip

# kin words of letters the family readers do not know, as the plain kin word (a death is said by its verb):
# "亡夫가 別世", "先親께서", a lone "父로부터"
PLAIN_KIN = {"亡夫": "남편", "亡妻": "아내", "先親": "아버지", "父": "아버지", "母": "어머니"}
PARTICLE_PAIRS = {
    "이": "이가",
    "가": "이가",
    "은": "은는",
    "는": "은는",
    "을": "을를",
    "를": "을를",
    "과": "과와",
    "와": "과와",
}

ANSWERS = ("無", "有")  # a no and a yes on a form, when they stand alone
DIGIT = {"〇": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "貳": 2, "三": 3, "參": 3, "四": 4, "五": 5, "六": 6,
         "七": 7, "八": 8, "九": 9, "肆": 4, "伍": 5, "陸": 6, "柒": 7, "捌": 8, "玖": 9, "弐": 2, "参": 3}  # fmt: skip
SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "阡": 1000, "仟": 1000}
BIG_UNIT = {"萬": 10**4, "万": 10**4, "億": 10**8, "兆": 10**12}
NUMERAL = "".join(DIGIT) + "".join(SMALL_UNIT) + "".join(BIG_UNIT)
HANJA = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff〇]"
NUMERAL_RUN = re.compile(rf"[{NUMERAL}]+")


def numeral_value(run: str) -> int | None:
    """The value of a run of Hanja numerals; None when it is not well formed."""
    if all(ch in DIGIT for ch in run):  # "二〇一二": digit by digit, the way years are written
        return int("".join(str(DIGIT[ch]) for ch in run))
    total, section, digit = 0, 0, None
    for ch in run:
        if ch in DIGIT:
            if digit is not None:
                return None  # "二三千": two digits in a row inside a sum
            digit = DIGIT[ch]
        elif ch in SMALL_UNIT:
            section += (1 if digit is None else digit) * SMALL_UNIT[ch]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * BIG_UNIT[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def numeral_text(value: int) -> str:
    """A value the way the amount parser reads it: 350000000 -> '3억 5000만', 45 -> '45'."""
    parts = []
    for unit, name in ((10**12, "조"), (10**8, "억"), (10**4, "만")):
        if value >= unit:
            parts.append(f"{value // unit}{name}")
            value %= unit
    if value or not parts:
        parts.append(str(value))
    return " ".join(parts)


def initial_sound(syl: str) -> str:
    """The initial-sound rule at the start of a word: 녀 -> 여, 로 -> 노, 리 -> 이."""
    code = ord(syl) - 0xAC00
    lead, vowel, tail = code // 588, (code % 588) // 28, code % 28
    if lead == 5:  # ㄹ: ㅇ before ㅑㅕㅖㅛㅠㅣ, else ㄴ
        lead = 11 if vowel in (2, 6, 7, 12, 17, 20) else 2
    elif lead == 2 and vowel in (2, 6, 12, 17, 20):  # ㄴ before ㅑㅕㅛㅠㅣ
        lead = 11
    return chr(0xAC00 + lead * 588 + vowel * 28 + tail)


def after_vowel(prev: str, syl: str) -> str:
    """렬/률 after a vowel or ㄴ is 열/율 (稅率 -> 세율, 比率 -> 비율)."""
    if syl in ("렬", "률") and prev and "가" <= prev <= "힣" and (ord(prev) - 0xAC00) % 28 in (0, 4):
        return initial_sound(syl)
    return syl


def word_reading(word: str, starts: bool) -> str:
    """A run of Hanja (no numerals) read syllable by syllable; unknown characters are kept."""
    out, i = "", 0
    while i < len(word):
        ch = word[i]
        syl = READING.get(ch, ch)
        if (
            ch == "不"
            and i + 1 < len(word)
            and READING.get(word[i + 1], "가")[0] in "다댜더뎌도됴두듀드디자쟈저져조죠주쥬즈지"
        ):
            syl = "부"  # 不 before ㄷ or ㅈ
        if syl != ch and "가" <= syl <= "힣":
            syl = initial_sound(syl) if (starts and not out) else after_vowel(out[-1:], syl)
        out, i = out + syl, i + 1
    return out


def chunk_reading(chunk: str, starts: bool) -> str:
    """A run of Hanja read: its numerals as digits, its words syllable by syllable."""
    out = ""
    for piece in re.split(rf"({NUMERAL_RUN.pattern})", chunk):
        if not piece:
            continue
        if NUMERAL_RUN.fullmatch(piece) and piece not in ("萬", "万"):
            value = numeral_value(piece)
            if value is not None:
                out += numeral_text(value)
                continue
        out += word_reading(piece, starts and not out)
    return out


def hangul_reading(text: str) -> tuple[str, list[str]]:
    """The text with Hanja written as Hangul, and the Hanja it could not read (kept in the text)."""
    if not re.search(HANJA, text):
        return text, []
    # glosses the readers already drop: "일억(壹億)원", "상(喪)", a one-letter name "처 乙 및 자녀 丙"
    text = re.sub(HANJA_AMOUNT, "", text)
    text = re.sub(r"(?<=[가-힣])\s?\([\u4e00-\u9fff]{1,4}\)", "", text)
    text = re.sub(r"(?<=[가-힣\s·])[甲乙丙丁戊己庚辛](?=[\s·,)의은는이가와과에]|$)", "", text)

    for word, kin in PLAIN_KIN.items():  # "亡夫가 別世": "남편이 별세"
        text = re.sub(
            rf"(?<!{HANJA}){word}(?!{HANJA})([이가은는을를과와](?![가-힣]))?",
            lambda m, k=kin: josa(k, PARTICLE_PAIRS[m[1]]) if m[1] else k,
            text,
        )
    for word in sorted(WORDS, key=len, reverse=True):  # before the numerals: the 一 of 萬一 or 唯一 is no count
        text = text.replace(word, WORDS[word])

    # a sum written the formal way, "金 參阡萬원整": the 金 before it and the 整 after it are no words (the 金 of
    # 預金 or 現金 is part of its word)
    text = re.sub(rf"(?<!{HANJA})金\s*(?=[{NUMERAL}]{{2}})", "", text)
    text = re.sub(rf"(?<=[{NUMERAL}원])\s*整", "", text)

    def run(m: re.Match) -> str:
        chunk = m[0]
        if chunk in ANSWERS and not re.match(r"[가-힣]", text[m.end() : m.end() + 1]):
            return chunk  # "1세대1주택 해당 無": a form's answer word, read as one by the form readers
        if re.match(r"\d", text[m.start() - 1 : m.start()]):  # "5千萬원": the units of a figure in digits
            units = re.match(rf"[{''.join(SMALL_UNIT)}{''.join(BIG_UNIT)}]*", chunk)[0]
            return "".join(READING[ch] for ch in units) + chunk_reading(chunk[len(units) :], False)
        return chunk_reading(chunk, m.start() == 0 or not re.match(r"[가-힣\d]", text[m.start() - 1]))

    text = re.sub(rf"{HANJA}+", run, text)
    unread = sorted(set(re.findall(HANJA, text)) - set(ANSWERS))
    return text, unread
