"""The English check: invented news paragraphs in several languages; English with foreign phrases passes."""

import pytest

from attrib.read.language import foreign_language

from .conftest import DEV, SEED, needs_shared, read_jsonl

FOREIGN = {
    "Spanish": "El alcalde dijo el jueves que el puente del puerto volverá a abrir en mayo, dos meses más tarde de lo "
    "que había prometido el Gobierno de la ciudad. «Estamos casi listos», aseguró ante los periodistas.",
    "German": "Die Bürgermeisterin sagte am Dienstag, dass die Hafenbrücke im Mai wieder für den Verkehr geöffnet "
    "werde. Die Stadt hatte die Eröffnung für März versprochen, doch die Stahlseile seien beschädigt angekommen.",
    "French": "Le maire a déclaré mardi que le pont du port serait rouvert à la circulation en mai, deux mois plus "
    "tard que prévu. « Nous avons presque fini », a-t-il dit aux journalistes devant la mairie.",
    "Italian": "Il sindaco ha detto martedì che il ponte del porto sarà riaperto al traffico a maggio, due mesi dopo "
    "la data promessa dalla città. Secondo gli ingegneri, i cavi di acciaio sono arrivati danneggiati.",
    "Portuguese": "O prefeito disse na terça-feira que a ponte do porto será reaberta ao trânsito em maio, dois meses "
    "depois do que a cidade tinha prometido. Segundo os engenheiros, os cabos chegaram danificados.",
    "Dutch": "De burgemeester zei dinsdag dat de havenbrug in mei weer voor het verkeer open zal gaan, twee maanden "
    "later dan de stad had beloofd. Volgens de ingenieurs zijn de kabels beschadigd aangekomen.",
    "Cyrillic script": "Мэр города заявил во вторник, что портовый мост снова откроется для движения в мае, на два "
    "месяца позже, чем обещали городские власти. По словам инженеров, стальные тросы прибыли повреждёнными.",
}


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_a_clearly_foreign_article_is_named_by_its_language(language):
    assert foreign_language(FOREIGN[language]) == language


def test_english_with_foreign_phrases_is_english():
    text = (
        "The mayor of Valparaíso said on Tuesday that the port bridge would reopen in May. “Estamos casi listos,” "
        "she told reporters in Spanish, which means that the work is nearly done, according to her office."
    )
    assert foreign_language(text) is None


def test_a_few_foreign_words_are_too_few_to_judge():
    assert foreign_language("Der Bürgermeister sagte nein.") is None


def test_the_seed_is_english():
    assert foreign_language(SEED.read_text(encoding="utf-8")) is None


@needs_shared(DEV)
def test_no_dev_article_is_taken_for_another_language():
    assert [r["id"] for r in read_jsonl(DEV) if foreign_language(r["text"])] == []
