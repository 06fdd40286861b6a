"""Product names and prices per category, to fill realistic homepage grids."""

from __future__ import annotations

import re
import unicodedata

CATALOG: dict[str, tuple[str, ...]] = {
    "Fietsen": ("Stadsfiets Amsterdam N7 dames", "E-bike Trekking Pro 500Wh", "Kinderfiets 20 inch blauw",
                "Racefiets Carbon Disc 105", "Fietstas dubbel waterdicht", "Fietsslot ART-3 ketting",
                "LED-verlichtingsset USB", "Opvouwbare fiets Compact 7", "Bakfiets Familie 3-wiel",
                "Fietspomp met manometer", "Mountainbike Hardtail 29", "Fietshelm MIPS zwart mat"),
    "Elektronica": ("Draadloze oordopjes ANC", "4K-televisie 55 inch", "Laptop 14 inch 16 GB",
                    "Powerbank 20.000 mAh", "Slimme speaker met spraakbediening", "USB-C laadkabel 2 m",
                    "Gaming-muis RGB", "Mechanisch toetsenbord", "Monitor 27 inch QHD",
                    "Wifi-mesh systeem 3-pack", "Actiecamera 4K", "Elektrische tandenborstel"),
    "Mode": ("Wollen jas camel", "Slim-fit jeans donkerblauw", "Sneaker wit leer", "Katoenen T-shirt 3-pack",
             "Gebreide trui oversized", "Regenjas unisex", "Leren riem bruin", "Zomerjurk bloemenprint",
             "Chino beige", "Sjaal merinowol", "Enkellaars suède", "Linnen overhemd"),
    "Boeken": ("De stille kust (roman)", "Koken met seizoensgroenten", "Atlas van de Lage Landen",
               "Prentenboek: Beer gaat verhuizen", "Thriller: Het laatste spoor", "Tuinieren voor iedereen",
               "Geschiedenis van de Gouden Eeuw", "Puzzelboek 500 sudoku's", "Leesboek groep 5",
               "Biografie van een schilder", "Fotoboek Noordzee", "Filosofie in 50 vragen"),
    "Tuin": ("Tuinset 4-persoons teak", "Hogedrukreiniger 130 bar", "Bloembak zink 80 cm", "Grasmaaier accu 36V",
             "Parasol 300 cm taupe", "Moestuinbak op poten", "Tuinslang 30 m met haspel", "Vogelhuisje eiken",
             "Bemesting gazon 10 kg", "Buitenkussen waterafstotend", "Heggenschaar elektrisch", "Olijfboom 150 cm"),
    "Speelgoed": ("Houten treinset 60-delig", "Bouwset ridderkasteel", "Puzzel 1000 stukjes Delft",
                  "Knuffel olifant 40 cm", "Spel: Vier op een rij XL", "Poppenhuis met meubels",
                  "Loopfiets hout", "Knikkerbaan 150 delen", "Speelkeuken grijs", "Badspeelgoed eendjes",
                  "Kleurpotloden 48 stuks", "Afstandsbestuurbare auto"),
    "Wonen": ("Bank 3-zits velvet groen", "Eettafel eiken 200 cm", "Vloerkleed wol 160x230", "Hanglamp rotan",
              "Dekbedovertrek percal", "Boekenkast metaal zwart", "Spiegel rond 80 cm", "Kussen boucle",
              "Matras pocketvering 90x200", "Plaid katoen", "Dressoir walnoot", "Bureaustoel ergonomisch"),
    "Wohnen": ("Sofa 3-Sitzer Samt grün", "Esstisch Eiche 200 cm", "Teppich Wolle 160x230", "Hängeleuchte Rattan",
               "Bettwäsche Perkal", "Bücherregal Metall schwarz", "Spiegel rund 80 cm", "Kissen Bouclé",
               "Matratze Taschenfederkern", "Wolldecke Baumwolle", "Sideboard Nussbaum", "Bürostuhl ergonomisch"),
    "Sport": ("Hardloopschoen demping", "Yogamat kurk", "Tent 3-persoons", "Slaapzak -5 graden",
              "Wandelstokken carbon", "Kettlebell 12 kg", "Fietsbroek zeem", "Rugzak 40 liter",
              "Sportshirt ademend", "Zwembril anti-fog", "Dumbbellset 20 kg", "Tennisracket junior"),
    "Beauty": ("Dagcrème SPF 30", "Shampoo zonder sulfaat", "Parfum eau de toilette 50 ml", "Lippenbalsem 3-pack",
               "Gezichtsserum vitamine C", "Haarmasker argan", "Nagellak rood", "Body lotion 400 ml",
               "Make-upkwasten set", "Douchegel sandelhout", "Mascara volume", "Handcrème ureum"),
    "Supermarkt": ("Koffiebonen espresso 1 kg", "Pindakaas naturel", "Havermout 1 kg", "Olijfolie extra vierge",
                   "Pasta fusilli bio", "Thee groene sencha", "Chocolade puur 72%", "Hagelslag melk",
                   "Appelsap troebel 1 l", "Muesli noten", "Honing bloemen", "Koffiepads 36 stuks"),
    "Dieren": ("Hondenbrokken graanvrij 12 kg", "Kattenbak met kap", "Krabpaal 120 cm", "Hondenmand ovaal",
               "Kattenvoer zalm 24x85 g", "Uitlaatlijn reflecterend", "Vogelzaad 4 kg", "Kauwbot rund",
               "Aquariumfilter", "Konijnenhok hout", "Hondenspeeltje touw", "Vlooienband kat"),
}  # fmt: skip


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def products_for(category: str, count: int, seed: int) -> list[tuple[str, str, str]]:
    """(name, slug, price text) for `count` products of a category, deterministic per seed."""
    names = CATALOG.get(category) or CATALOG["Wonen"]
    out = []
    for i in range(count):
        name = names[(i + seed) % len(names)]
        if i >= len(names):
            name = f"{name} ({'editie ' + str(i // len(names) + 1)})"
        euros = 4 + ((i * 37 + seed * 11) % 480)
        out.append((name, slugify(name), f"{euros},{(i * 13) % 100:02d}"))
    return out
