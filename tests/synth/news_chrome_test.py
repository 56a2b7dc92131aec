#!/usr/bin/env python3
"""A news story in one template with the furniture news sites set around
it: a share row, a captioned photo, a "Read more:" line, an advertisement,
an embedded post, pagination, tags, an author's box, a related list,
readers' comments under a counted title, a sidebar and a footer. The
story, written for this test, is set in English, Polish, Russian and Greek
with the furniture's words in the same language. Every paragraph of the
story must be printed once, and none of the furniture.

Expected failures, listed in EXPECTED: the author's box ("O autorze",
"Об авторе", "Για τον συγγραφέα") where no sourced row names it; in
English the lexicon's "About the author" does. The test fails when one of
them stops failing, too: then remove it.

usage: tests/synth/news_chrome_test.py WINNOW
"""

import html
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe_report import report  # noqa: E402

# Per language: the story (headline, standfirst, four paragraphs) and the
# furniture's words.
LANGS = {
    "en": dict(
        headline="Storm closes schools across the region",
        standfirst="Hundreds of schools shut as heavy snow and winds sweep in from the north.",
        paragraphs=[
            "More than four hundred schools across the region were closed on Thursday as a "
            "storm brought heavy snow and gale-force winds, the education authority said.",
            "Parents were told to keep children at home until at least Friday, when engineers "
            "will check heating systems and roofs damaged by the wind.",
            "The regional director of education said the decision had been taken early in the "
            "morning after the weather service issued a red warning for the area.",
            "Bus companies also cancelled most services, and the main motorway to the coast "
            "was closed for several hours after lorries skidded on an icy stretch.",
        ],
        byline="By Jane Smith | 12 January 2012 10:15", read_more="Read more:",
        read_more_link="Winter storms: how to keep your home warm", ad="Advertisement",
        page="Page", next="Next", tags="Tags:", author_title="About the author",
        author_text="Jane Smith has covered education for the paper since 2005 and lives in "
                    "the north with her family.",
        related="Related stories", related_items=[
            "Heating bills rise as the cold snap continues across the country",
            "Council grit stocks run low after weeks of snow and ice"],
        comments="3 comments", comment_texts=[
            "My kids are thrilled about the day off, I am less so.",
            "The roads were terrible this morning, a good call by the authority.",
            "Same every year, nobody ever plans ahead for the snow."],
        most_read="Most read", rights="All rights reserved."),
    "pl": dict(
        headline="Burza zamyka szkoły w całym regionie",
        standfirst="Setki szkół zamkniętych, gdy z północy nadciąga śnieg i wiatr.",
        paragraphs=[
            "Ponad czterysta szkół w regionie zamknięto w czwartek, gdy burza przyniosła obfite "
            "opady śniegu i wichury, poinformowało kuratorium.",
            "Rodzicom zalecono, by zostawili dzieci w domu co najmniej do piątku, kiedy "
            "inżynierowie sprawdzą ogrzewanie i dachy uszkodzone przez wiatr.",
            "Dyrektor kuratorium powiedziała, że decyzję podjęto wcześnie rano, po tym jak "
            "służby meteorologiczne wydały czerwone ostrzeżenie.",
            "Przewoźnicy odwołali większość kursów autobusów, a główna autostrada nad morze "
            "była zamknięta przez kilka godzin po wypadkach ciężarówek.",
        ],
        byline="Autor: Jan Kowalski | 12 stycznia 2012 10:15", read_more="Czytaj także:",
        read_more_link="Zimowe burze: jak ogrzać dom", ad="Reklama", page="Strona",
        next="Następna", tags="Tagi:", author_title="O autorze",
        author_text="Jan Kowalski pisze o edukacji dla gazety od 2005 roku i mieszka na "
                    "północy z rodziną.",
        related="Zobacz także", related_items=[
            "Rachunki za ogrzewanie rosną, bo mrozy nie ustępują w całym kraju",
            "Miastu kończą się zapasy soli po tygodniach śniegu i lodu"],
        comments="3 komentarze", comment_texts=[
            "Moje dzieci cieszą się z wolnego dnia, ja mniej.",
            "Drogi były dziś rano fatalne, dobra decyzja władz.",
            "Co roku to samo, nikt nie planuje na śnieg."],
        most_read="Najczęściej czytane", rights="Wszelkie prawa zastrzeżone."),
    "ru": dict(
        headline="Буря закрыла школы по всему региону",
        standfirst="Сотни школ закрыты из-за сильного снегопада и ветра с севера.",
        paragraphs=[
            "Более четырёхсот школ региона были закрыты в четверг, когда буря принесла сильный "
            "снегопад и штормовой ветер, сообщило управление образования.",
            "Родителям посоветовали оставить детей дома как минимум до пятницы, когда инженеры "
            "проверят отопление и крыши, повреждённые ветром.",
            "Директор по образованию сказала, что решение было принято рано утром после того, "
            "как метеослужба объявила красный уровень опасности.",
            "Автобусные компании отменили большинство рейсов, а трасса к побережью была закрыта "
            "на несколько часов после аварий грузовиков.",
        ],
        byline="Автор: Иван Иванов | 12 января 2012 10:15", read_more="Читайте также:",
        read_more_link="Зимние бури: как сохранить тепло в доме", ad="Реклама",
        page="Страница", next="Следующая", tags="Теги:", author_title="Об авторе",
        author_text="Иван Иванов пишет об образовании для газеты с 2005 года и живёт на севере "
                    "с семьёй.",
        related="Похожие новости", related_items=[
            "Счета за отопление растут из-за продолжающихся по всей стране холодов",
            "У города заканчиваются запасы соли после недель снега и льда"],
        comments="3 комментария", comment_texts=[
            "Мои дети рады выходному, а я не очень.",
            "Дороги утром были ужасны, правильное решение властей.",
            "Каждый год одно и то же, никто не готовится к снегу."],
        most_read="Самое читаемое", rights="Все права защищены."),
    "el": dict(
        headline="Η καταιγίδα κλείνει τα σχολεία σε όλη την περιφέρεια",
        standfirst="Εκατοντάδες σχολεία κλειστά λόγω χιονιού και ισχυρών ανέμων από τον βορρά.",
        paragraphs=[
            "Περισσότερα από τετρακόσια σχολεία της περιφέρειας έκλεισαν την Πέμπτη, καθώς η "
            "καταιγίδα έφερε πυκνό χιόνι και θυελλώδεις ανέμους.",
            "Οι γονείς κλήθηκαν να κρατήσουν τα παιδιά στο σπίτι τουλάχιστον έως την Παρασκευή, "
            "όταν μηχανικοί θα ελέγξουν τη θέρμανση και τις στέγες.",
            "Η διευθύντρια εκπαίδευσης είπε ότι η απόφαση ελήφθη νωρίς το πρωί, μετά την κόκκινη "
            "προειδοποίηση της μετεωρολογικής υπηρεσίας.",
            "Οι εταιρείες λεωφορείων ακύρωσαν τα περισσότερα δρομολόγια, ενώ ο αυτοκινητόδρομος "
            "προς την ακτή έκλεισε για ώρες μετά από ατυχήματα φορτηγών.",
        ],
        byline="Του Γιώργου Παπαδόπουλου | 12 Ιανουαρίου 2012 10:15",
        read_more="Διαβάστε επίσης:",
        read_more_link="Χειμωνιάτικες καταιγίδες: πώς να κρατήσετε το σπίτι ζεστό",
        ad="Διαφήμιση", page="Σελίδα", next="Επόμενη", tags="Ετικέτες:",
        author_title="Για τον συγγραφέα",
        author_text="Ο Γιώργος Παπαδόπουλος γράφει για την εκπαίδευση από το 2005 και ζει στον "
                    "βορρά με την οικογένειά του.",
        related="Σχετικά άρθρα", related_items=[
            "Αυξάνονται οι λογαριασμοί θέρμανσης λόγω του κρύου σε όλη τη χώρα",
            "Τελειώνουν τα αποθέματα αλατιού μετά από εβδομάδες χιονιού"],
        comments="3 σχόλια", comment_texts=[
            "Τα παιδιά μου χαίρονται για την αργία, εγώ λιγότερο.",
            "Οι δρόμοι ήταν απαίσιοι το πρωί, σωστή απόφαση.",
            "Κάθε χρόνο τα ίδια, κανείς δεν προετοιμάζεται για το χιόνι."],
        most_read="Δημοφιλέστερα", rights="Με επιφύλαξη παντός δικαιώματος."),
}

EXPECTED = {"pl author box", "ru author box", "el author box"}


def page(lang, t):
    e = {k: (html.escape(v) if isinstance(v, str) else [html.escape(x) for x in v])
         for k, v in t.items()}
    p = e["paragraphs"]
    comments = "".join('<div><p><b>%s</b> 12.01.2012 11:0%d</p><p>%s</p></div>' % (who, k, text)
                       for k, (who, text) in enumerate(zip(("Tom", "Ann", "Bill"),
                                                           e["comment_texts"])))
    return (
        '<html lang="%s"><head><meta charset="utf-8"><title>%s - Gazette</title>'
        '<meta property="og:type" content="article"></head><body>'
        '<header><a href="/">Gazette</a><nav><a href="/a">A</a> <a href="/b">B</a></nav></header>'
        '<div class="wrap"><div class="main"><h1>%s</h1><p class="standfirst">%s</p>'
        '<div class="byline">%s</div>'
        '<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a></div>'
        '<figure><img src="snow.jpg" alt=""><figcaption>Photo: Agency</figcaption></figure>'
        '<p>%s</p><p>%s</p><p><strong>%s</strong> <a href="/a/1">%s</a></p><p>%s</p>'
        '<div class="ad"><span>%s</span><a href="/ad"><img src="ad.gif"></a></div><p>%s</p>'
        '<div class="pages">%s 1 <a href="?p=2">2</a> <a href="?p=2">%s</a></div>'
        '<div class="tags">%s <a href="/t/1">snow</a>, <a href="/t/2">school</a></div>'
        '<div class="author"><h4>%s</h4><p>%s</p></div>'
        '<h3>%s</h3><ul><li><a href="/r/1">%s</a></li><li><a href="/r/2">%s</a></li></ul>'
        '<h3>%s</h3>%s</div>'
        '<aside><h3>%s</h3><ol><li><a href="/m/1">%s</a></li></ol></aside></div>'
        '<footer><p>&copy; 2012 Gazette. %s</p></footer></body></html>'
        % (lang, e["headline"], e["headline"], e["standfirst"], e["byline"], p[0], p[1],
           e["read_more"], e["read_more_link"], p[2], e["ad"], p[3], e["page"], e["next"],
           e["tags"], e["author_title"], e["author_text"], e["related"], e["related_items"][0],
           e["related_items"][1], e["comments"], comments, e["most_read"],
           e["related_items"][0], e["rights"]))


def main(winnow):
    failures = []
    for lang, t in LANGS.items():
        out = subprocess.run([winnow], input=page(lang, t).encode(), capture_output=True,
                             check=True).stdout.decode()
        lost = [p for p in [t["standfirst"]] + t["paragraphs"] if out.count(p) != 1]
        if lost:
            failures.append(("%s story" % lang, "not printed once: %s" % lost[0][:50]))
        if t["author_title"] in out or t["author_text"] in out:
            failures.append(("%s author box" % lang, "printed"))
        furniture = [t["byline"], t["read_more_link"], t["ad"], t["tags"], t["related"],
                     t["comments"], t["most_read"], t["rights"], "Facebook", "Photo: Agency"]
        furniture += t["related_items"] + t["comment_texts"]
        leaked = [f for f in furniture if f in out]
        if leaked:
            failures.append(("%s furniture" % lang, "printed: %s" % leaked[0][:50]))
    return report("news_chrome", len(LANGS), failures, EXPECTED)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
