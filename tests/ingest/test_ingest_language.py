"""The English check: refuses other scripts and other Latin-script languages, keeps short news."""

from __future__ import annotations

import pytest

from warledger.ingest.language import detect_language

# Written for these tests: short texts in each language about an invented incident.
NOT_ENGLISH = {
    "arabic": (
        "قال مسؤولون محليون إن مسلحين مجهولين هاجموا قرية في ريف المدينة يوم الاثنين وقتلوا ثلاثة "
        "مدنيين، وإن قوات الأمن انتشرت في المنطقة بعد الهجوم.",
        "Arabic",
    ),
    "russian": (
        "Местные власти сообщили, что в понедельник неизвестные вооружённые люди напали на деревню и "
        "убили трёх мирных жителей, после чего в район были направлены силы безопасности.",
        "Cyrillic",
    ),
    "chinese": (
        "地方官员说，星期一不明身份的武装分子袭击了一个村庄，打死三名平民，安全部队随后进入该地区。",
        "Chinese",
    ),
}
NOT_ENGLISH_LATIN = {
    "french": (
        "Des hommes armés non identifiés ont attaqué un village lundi et ont tué trois civils, selon "
        "les autorités locales. Les forces de sécurité ont été déployées dans la zone après l'attaque.",
        "fr",
    ),
    "spanish": (
        "Hombres armados no identificados atacaron una aldea el lunes y mataron a tres civiles, según "
        "las autoridades locales. Las fuerzas de seguridad fueron desplegadas en la zona.",
        "es",
    ),
    "german": (
        "Unbekannte Bewaffnete haben am Montag ein Dorf angegriffen und drei Zivilisten getötet, wie "
        "die örtlichen Behörden mitteilten. Die Sicherheitskräfte wurden in das Gebiet entsandt.",
        "de",
    ),
    "italian": (
        "Uomini armati non identificati hanno attaccato un villaggio lunedì e hanno ucciso tre civili, "
        "secondo le autorità locali. Le forze di sicurezza sono state inviate nella zona.",
        "it",
    ),
    "portuguese": (
        "Homens armados não identificados atacaram uma aldeia na segunda-feira e mataram três civis, "
        "segundo as autoridades locais. As forças de segurança foram enviadas para a zona.",
        "pt",
    ),
}
ENGLISH = {
    "news": (
        "Unidentified gunmen attacked a village on Monday and killed three civilians, local officials "
        "said. Security forces were deployed to the area after the attack."
    ),
    "headline_without_function_words": "Haftar forces shell Tripoli airport",
    "headline": "Drone strike kills five in Marib",
    "acled_style_note": (
        "On 3 March 2021, unidentified armed men abducted 2 traders near Tillaberi (Tillaberi). "
        "Fatalities unknown."
    ),
    "names_heavy": "Tal Abyad, Ras al-Ain: SNA, SDF, YPG. Abu Dhabi, Doha.",
    "arabic_names_transliterated": (
        "On 2 May 2020, unidentified gunmen shot dead a man in al-Bab (Ras al-Ain) near el-Fasher."
    ),
    "non_state_prefix": "Non-state armed group clashes with police in Ras al Ain.",
    "quote_with_spanish_place": "Protesters marched through Los Angeles and San Diego on Saturday.",
}


@pytest.mark.parametrize("name", sorted(NOT_ENGLISH))
def test_detect_language_refuses_other_scripts_and_names_the_script(name):
    text, script = NOT_ENGLISH[name]
    guess = detect_language(text)
    assert not guess.is_english
    assert guess.script == script
    assert script in guess.reason


@pytest.mark.parametrize("name", sorted(NOT_ENGLISH_LATIN))
def test_detect_language_refuses_latin_script_european_languages(name):
    text, code = NOT_ENGLISH_LATIN[name]
    guess = detect_language(text)
    assert not guess.is_english
    assert guess.language == code


@pytest.mark.parametrize("name", sorted(ENGLISH))
def test_detect_language_accepts_english_news_headlines_and_notes(name):
    guess = detect_language(ENGLISH[name])
    assert guess.is_english, guess.reason


def test_detect_language_refuses_long_text_with_no_english_words():
    text = " ".join(["Lorem ipsum dolor sit amet consectetur adipiscing elit"] * 8)
    guess = detect_language(text)
    assert not guess.is_english
    assert "common English words" in guess.reason


def test_detect_language_refuses_text_without_letters():
    assert not detect_language("12 345 -- 67.8 %").is_english


def test_detect_language_accepts_english_article_quoting_arabic_name():
    text = ENGLISH["news"] + " The group calls itself جبهة in its statements."
    assert detect_language(text).is_english
