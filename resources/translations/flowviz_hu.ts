<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hu_HU" sourcelanguage="en_GB">
<context>
    <name>DomainLabels</name>
    <message>
        <source>Created</source>
        <translation>Létrehozva</translation>
    </message>
    <message>
        <source>In quarantine</source>
        <translation>Karanténban</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Felszabadítva</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Visszatartva</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Elutasítva</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>Felhasználva</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Befejezve</translation>
    </message>
    <message>
        <source>Raw material</source>
        <translation>Nyersanyag</translation>
    </message>
    <message>
        <source>Deboned</source>
        <translation>Csontozott</translation>
    </message>
    <message>
        <source>Bulk</source>
        <translation>Ömlesztett</translation>
    </message>
    <message>
        <source>Mix</source>
        <translation>Keverék</translation>
    </message>
    <message>
        <source>Skewer</source>
        <translation>Nyárs</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Fagyasztott</translation>
    </message>
    <message>
        <source>Finished goods</source>
        <translation>Késztermék</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>MEGFELELT</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>ZÁROLÁS</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>ELUTASÍTÁS</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Ellenőrző kapu</translation>
    </message>
    <message>
        <source>Blocking gate</source>
        <translation>Blokkoló kapu</translation>
    </message>
    <message>
        <source>Information only</source>
        <translation>Csak tájékoztató</translation>
    </message>
    <message>
        <source>%1. %2 (CCP)</source>
        <translation>%1. %2 (CCP)</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>Gs1Parser</name>
    <message>
        <source>The GS1 element (%1) has no data.</source>
        <translation>A(z) (%1) GS1-elemben nincs adat.</translation>
    </message>
    <message>
        <source>The GS1 element (%1) needs exactly %2 characters, but has %3.</source>
        <translation>A(z) (%1) GS1-elemnek pontosan %2 karakterből kell állnia, de %3 karakteres.</translation>
    </message>
    <message>
        <source>The GS1 element (%1) has more than %2 characters.</source>
        <translation>A(z) (%1) GS1-elem hosszabb %2 karakternél.</translation>
    </message>
    <message>
        <source>The GS1 element (%1) may contain digits only.</source>
        <translation>A(z) (%1) GS1-elem csak számjegyeket tartalmazhat.</translation>
    </message>
    <message>
        <source>The check digit of the GS1 element (%1) is wrong.</source>
        <translation>A(z) (%1) GS1-elem ellenőrző számjegye hibás.</translation>
    </message>
    <message>
        <source>The GS1 element (%1) does not hold a valid date.</source>
        <translation>A(z) (%1) GS1-elem nem érvényes dátum.</translation>
    </message>
    <message>
        <source>The GS1 element (%1) appears twice with different values.</source>
        <translation>A(z) (%1) GS1-elem kétszer szerepel, eltérő értékkel.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not start with a GS1 application identifier.</source>
        <translation>„%1” nem GS1-alkalmazásazonosítóval kezdődik.</translation>
    </message>
    <message>
        <source>The GS1 data is empty.</source>
        <translation>A GS1-adat üres.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a bracketed GS1 application identifier.</source>
        <translation>„%1” nem zárójeles GS1-alkalmazásazonosító.</translation>
    </message>
    <message>
        <source>The GS1 barcode has no batch/lot number (AI 10).</source>
        <translation>A GS1-vonalkód nem tartalmaz tételszámot (AI 10).</translation>
    </message>
    <message>
        <source>The scan is empty. Scan the label again.</source>
        <translation>A beolvasás üres. Olvassa be újra a címkét.</translation>
    </message>
    <message>
        <source>The scanned code is longer than %1 characters, so it is not a lot code. Scan the lot&apos;s label.</source>
        <translation>A beolvasott kód hosszabb %1 karakternél, ezért nem tételkód. Olvassa be a tétel címkéjét.</translation>
    </message>
    <message>
        <source>The scanned code &quot;%1&quot; is not a lot code: the character &quot;%2&quot; is not allowed. Scan the lot&apos;s label or type its code.</source>
        <translation>A beolvasott „%1” kód nem tételkód: a(z) „%2” karakter nem megengedett. Olvassa be a tétel címkéjét, vagy írja be a kódját.</translation>
    </message>
    <message>
        <source>The scanned code &quot;%1&quot; has no letter or digit, so it is not a lot code. Scan the lot&apos;s label.</source>
        <translation>A beolvasott „%1” kódban nincs betű vagy számjegy, ezért nem tételkód. Olvassa be a tétel címkéjét.</translation>
    </message>
</context>
<context>
    <name>LabelRenderer</name>
    <message>
        <source>Type: %1 – %2</source>
        <translation>Típus: %1 – %2</translation>
    </message>
    <message>
        <source>Weight: %1</source>
        <translation>Tömeg: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Dátum: %1</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Kezelő: %1</translation>
    </message>
    <message>
        <source>The label could not be saved as %1. Check that the folder exists and that you may write to it.</source>
        <translation>A címkét nem sikerült %1 néven menteni. Ellenőrizze, hogy a mappa létezik-e, és van-e írási joga hozzá.</translation>
    </message>
    <message>
        <source>The label has no lot code. Register or scan the lot first.</source>
        <translation>A címkén nincs tételkód. Előbb rögzítse vagy olvassa be a tételt.</translation>
    </message>
    <message>
        <source>A label of %1 × %2 mm is too small. Set a label size of at least 10 × 10 mm in the settings.</source>
        <translation>A %1 × %2 mm-es címke túl kicsi. A beállításokban adjon meg legalább 10 × 10 mm-es címkeméretet.</translation>
    </message>
    <message>
        <source>The lot code %1 is too long for a QR code.</source>
        <translation>A(z) %1 tételkód túl hosszú a QR-kódhoz.</translation>
    </message>
    <message>
        <source>The printer does not accept a label of %1 × %2 mm. Check the label size in the settings and the printer&apos;s media.</source>
        <translation>A nyomtató nem fogad el %1 × %2 mm-es címkét. Ellenőrizze a címkeméretet a beállításokban és a nyomtatóba töltött címkét.</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and connected, then print again.</source>
        <translation>A nyomtatás nem indult el. Ellenőrizze, hogy a nyomtató be van-e kapcsolva és csatlakoztatva van-e, majd nyomtasson újra.</translation>
    </message>
    <message>
        <source>Printing the label failed. Check the printer, then print again.</source>
        <translation>A címke nyomtatása nem sikerült. Ellenőrizze a nyomtatót, majd nyomtasson újra.</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
</context>
<context>
    <name>LotCodeGenerator</name>
    <message>
        <source>The lot code sequence file %1 cannot be opened: %2</source>
        <translation>A tételkód-sorszámfájl (%1) nem nyitható meg: %2</translation>
    </message>
    <message>
        <source>The lot code sequence file %1 cannot be prepared: %2</source>
        <translation>A tételkód-sorszámfájl (%1) nem készíthető elő: %2</translation>
    </message>
    <message>
        <source>The site id must be %1 to %2 characters A-Z or 0-9; &quot;%3&quot; is not.</source>
        <translation>A telephely azonosítója %1–%2 karakter lehet A-Z vagy 0-9 közül; a „%3” nem ilyen.</translation>
    </message>
    <message>
        <source>The workstation id must be exactly %1 characters A-Z or 0-9 (for example &quot;01&quot;); &quot;%2&quot; is not.</source>
        <translation>A munkaállomás azonosítója pontosan %1 karakter A-Z vagy 0-9 közül (például „01”); a „%2” nem ilyen.</translation>
    </message>
    <message>
        <source>The lot code generator is not set up.</source>
        <translation>A tételkód-generátor nincs beállítva.</translation>
    </message>
    <message>
        <source>No lot code could be issued: %1</source>
        <translation>Nem sikerült tételkódot kiadni: %1</translation>
    </message>
</context>
<context>
    <name>RuleMessages</name>
    <message>
        <source>Enter a lot code, or leave it empty to have one generated.</source>
        <translation>Adja meg a tétel kódját, vagy hagyja üresen, és a rendszer generál egyet.</translation>
    </message>
    <message>
        <source>The lot code is too long: at most %1 characters.</source>
        <translation>A tételkód túl hosszú: legfeljebb %1 karakter lehet.</translation>
    </message>
    <message>
        <source>The lot code may contain only A-Z, 0-9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;/&apos;.</source>
        <translation>A tételkód csak A–Z, 0–9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; és &apos;/&apos; karaktereket tartalmazhat.</translation>
    </message>
    <message>
        <source>The lot code needs at least one letter or digit.</source>
        <translation>A tételkódban legalább egy betűnek vagy számjegynek kell lennie.</translation>
    </message>
    <message>
        <source>Enter the weight with at most 2 decimals (kg).</source>
        <translation>A tömeget legfeljebb 2 tizedesjeggyel adja meg (kg).</translation>
    </message>
    <message>
        <source>The weight must be between 0 and 10000 kg. Check the scale reading.</source>
        <translation>A tömegnek 0 és 10000 kg között kell lennie. Ellenőrizze a mérleg kijelzését.</translation>
    </message>
    <message>
        <source>Enter how many kg are taken from this lot (more than 0).</source>
        <translation>Adja meg, hány kg-ot használt fel ebből a tételből (0-nál többet).</translation>
    </message>
    <message>
        <source>Enter the temperature with at most 1 decimal (°C).</source>
        <translation>A hőmérsékletet legfeljebb 1 tizedesjeggyel adja meg (°C).</translation>
    </message>
    <message>
        <source>The temperature must be between -50 and 100 °C. Measure again.</source>
        <translation>A hőmérsékletnek -50 és 100 °C között kell lennie. Mérjen újra.</translation>
    </message>
    <message>
        <source>The notes are too long: at most %1 characters.</source>
        <translation>A megjegyzés túl hosszú: legfeljebb %1 karakter lehet.</translation>
    </message>
    <message>
        <source>Write at least %1 characters saying why (required for HOLD and FAIL).</source>
        <translation>Írja le az okát legalább %1 karakterben (zárolásnál és elutasításnál kötelező).</translation>
    </message>
    <message>
        <source>This gate is a critical control point: measure and enter the temperature.</source>
        <translation>Ez a kapu kritikus szabályozási pont (CCP): mérje meg és adja meg a hőmérsékletet.</translation>
    </message>
    <message>
        <source>Lot %1 is on HOLD and cannot be used as an input. Ask QC to release it.</source>
        <translation>A(z) %1 tétel zárolva van, nem használható alapanyagként. Kérje a minőségellenőrzést, hogy engedje fel.</translation>
    </message>
    <message>
        <source>Lot %1 is in QUARANTINE and cannot be used as an input. Ask QC to release it.</source>
        <translation>A(z) %1 tétel karanténban van, nem használható alapanyagként. Kérje a minőségellenőrzést, hogy engedje fel.</translation>
    </message>
    <message>
        <source>Lot %1 was REJECTED by QC and must not be used. Put it aside.</source>
        <translation>A(z) %1 tételt a minőségellenőrzés elutasította, nem szabad felhasználni. Tegye félre.</translation>
    </message>
    <message>
        <source>Write down the corrective action taken (at least %1 characters): what was done with the product and the process. It is required for HOLD and FAIL at a critical control point.</source>
        <translation>Írja le a megtett helyesbítő intézkedést (legalább %1 karakter): mi történt a termékkel és a folyamattal. Kritikus szabályozási ponton ZÁROLÁSHOZ és ELUTASÍTÁSHOZ kötelező.</translation>
    </message>
    <message>
        <source>The corrective action is too long: at most %1 characters.</source>
        <translation>A helyesbítő intézkedés túl hosszú: legfeljebb %1 karakter lehet.</translation>
    </message>
    <message>
        <source>This decision must be signed electronically. Discard it and record it again on the QC decision page, where your password is asked for.</source>
        <translation>Ezt a döntést elektronikusan alá kell írni. Vesse el, és rögzítse újra a Minőségellenőrzési döntés oldalon, ahol a rendszer kéri a jelszavát.</translation>
    </message>
    <message>
        <source>The server could not verify the electronic signature of this decision (the record or the key does not match). Discard it and record the decision again on the QC decision page.</source>
        <translation>A szerver nem tudta ellenőrizni a döntés elektronikus aláírását (a rekord vagy a kulcs nem egyezik). Vesse el, és rögzítse újra a döntést a Minőségellenőrzési döntés oldalon.</translation>
    </message>
    <message>
        <source>The signing key used for this decision has been replaced (for example after a password change). Log in again, discard this item and record the decision again.</source>
        <translation>A döntés aláírásához használt kulcsot időközben lecserélték (például jelszóváltoztatás után). Jelentkezzen be újra, vesse el ezt a tételt, és rögzítse újra a döntést.</translation>
    </message>
    <message>
        <source>The account that signed this decision is disabled, so its signature is no longer accepted. Ask a supervisor to record the decision again.</source>
        <translation>A döntést aláíró fiók le van tiltva, ezért az aláírását a rendszer már nem fogadja el. Kérje meg a műszakvezetőt, hogy rögzítse újra a döntést.</translation>
    </message>
    <message>
        <source>This decision was signed by another user than the one logged in when it was sent. Let the signer log in on this workstation and send it again unchanged.</source>
        <translation>Ezt a döntést más felhasználó írta alá, mint aki a küldéskor be volt jelentkezve. Az aláíró jelentkezzen be ezen a munkaállomáson, és küldje el újra változatlanul.</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>%1 és %2 között</translation>
    </message>
    <message>
        <source>%1 or colder</source>
        <translation>%1 vagy hidegebb</translation>
    </message>
    <message>
        <source>%1 or hotter</source>
        <translation>%1 vagy melegebb</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>bármely érték</translation>
    </message>
    <message>
        <source>Enter the supplier&apos;s lot code from the label, or scan the label.</source>
        <translation>Írja be a beszállító tételszámát a címkéről, vagy olvassa be a címkét.</translation>
    </message>
    <message>
        <source>The supplier&apos;s lot code is too long: at most %1 characters.</source>
        <translation>A beszállító tételszáma túl hosszú: legfeljebb %1 karakter lehet.</translation>
    </message>
    <message>
        <source>The supplier&apos;s lot code may contain only the letters, digits and signs of the label (no accented letters). Check what was typed.</source>
        <translation>A beszállító tételszáma csak a címke betűit, számjegyeit és jeleit tartalmazhatja (ékezetes betűt nem). Ellenőrizze, mit írt be.</translation>
    </message>
    <message>
        <source>The supplier&apos;s lot code must not begin or end with a space.</source>
        <translation>A beszállító tételszáma nem kezdődhet és nem végződhet szóközzel.</translation>
    </message>
    <message>
        <source>A GTIN has 14 digits. Scan the label, or type the number under the barcode with leading zeros.</source>
        <translation>A GTIN 14 számjegyből áll. Olvassa be a címkét, vagy írja be a vonalkód alatti számot a vezető nullákkal.</translation>
    </message>
    <message>
        <source>This GTIN has a wrong check digit: it was misread or mistyped. Scan the label again.</source>
        <translation>A GTIN ellenőrző számjegye hibás: rosszul olvasták be vagy elírták. Olvassa be újra a címkét.</translation>
    </message>
    <message>
        <source>The delivery note number is too long: at most %1 characters.</source>
        <translation>A szállítólevél száma túl hosszú: legfeljebb %1 karakter lehet.</translation>
    </message>
    <message>
        <source>This field must not be only spaces.</source>
        <translation>Ez a mező nem állhat csak szóközökből.</translation>
    </message>
    <message>
        <source>This field must be one line without special characters.</source>
        <translation>Ez a mező egyetlen sor lehet, különleges karakterek nélkül.</translation>
    </message>
    <message>
        <source>This field must not begin or end with a space.</source>
        <translation>Ez a mező nem kezdődhet és nem végződhet szóközzel.</translation>
    </message>
    <message>
        <source>The server does not know this supplier. Ask a manager to add it, then register the lot again.</source>
        <translation>A szerver nem ismeri ezt a beszállítót. Kérje meg a vezetőt, hogy vegye fel, majd rögzítse újra a tételt.</translation>
    </message>
    <message>
        <source>This supplier is no longer active, so no material is received from it. Ask a manager.</source>
        <translation>Ez a beszállító már nem aktív, tőle nem vehető át anyag. Kérdezze meg a vezetőt.</translation>
    </message>
    <message>
        <source>The day received cannot be later than today.</source>
        <translation>Az átvétel napja nem lehet későbbi a mai napnál.</translation>
    </message>
    <message>
        <source>The expiry date is before the day received: the material had expired.</source>
        <translation>A lejárati dátum korábbi az átvétel napjánál: az anyag már lejárt.</translation>
    </message>
    <message>
        <source>The number of trade units must be a whole number from 1 to %1.</source>
        <translation>A kereskedelmi egységek száma 1 és %1 közötti egész szám lehet.</translation>
    </message>
    <message>
        <source>Only a RAW lot is received from a supplier.</source>
        <translation>Beszállítótól csak RAW tétel vehető át.</translation>
    </message>
    <message>
        <source>Enter a code for the supplier, for example its short name.</source>
        <translation>Adjon meg kódot a beszállítónak, például a rövid nevét.</translation>
    </message>
    <message>
        <source>The supplier code is too long: at most %1 characters.</source>
        <translation>A beszállító kódja túl hosszú: legfeljebb %1 karakter lehet.</translation>
    </message>
    <message>
        <source>The supplier code may contain only A-Z, 0-9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;/&apos;, with at least one letter or digit.</source>
        <translation>A beszállító kódjában csak A-Z, 0-9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; és &apos;/&apos; állhat, legalább egy betűvel vagy számjeggyel.</translation>
    </message>
    <message>
        <source>Enter the shipment&apos;s reference (the delivery note number).</source>
        <translation>Adja meg a szállítmány azonosítóját (a szállítólevél számát).</translation>
    </message>
    <message>
        <source>The shipment reference is too long: at most 40 characters.</source>
        <translation>A szállítmány azonosítója túl hosszú: legfeljebb 40 karakter lehet.</translation>
    </message>
    <message>
        <source>The shipment reference may contain only A-Z, 0-9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;/&apos;, with at least one letter or digit.</source>
        <translation>A szállítmány azonosítójában csak A-Z, 0-9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; és &apos;/&apos; állhat, legalább egy betűvel vagy számjeggyel.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::ApiClient</name>
    <message>
        <source>The CA file %1 cannot be read.</source>
        <translation>A(z) %1 tanúsítványfájl nem olvasható.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>A(z) %1 tanúsítványfájlban nincs PEM-tanúsítvány.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::CacheRefresher</name>
    <message>
        <source>The server&apos;s answer has no list of items.</source>
        <translation>A szerver válaszában nincs tétellista.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::ConsoleSettings</name>
    <message>
        <source>Enter the start times of one to four shifts, for example 06:00, 14:00, 22:00.</source>
        <translation>Adja meg egy–négy műszak kezdési idejét, például 06:00, 14:00, 22:00.</translation>
    </message>
    <message>
        <source>A shift start time is not a time of day. Write hours and minutes, for example 06:00.</source>
        <translation>Az egyik műszakkezdés nem érvényes időpont. Órát és percet írjon, például 06:00.</translation>
    </message>
    <message>
        <source>Each shift must start later in the day than the one before it, for example 06:00, 14:00, 22:00. The last shift runs on past midnight.</source>
        <translation>Minden műszaknak a napon belül később kell kezdődnie, mint az előzőnek, például 06:00, 14:00, 22:00. Az utolsó műszak éjfél után is tart.</translation>
    </message>
    <message>
        <source>“%1” is not a time of day. Write shift start times as hours and minutes, for example 06:00, 14:00, 22:00.</source>
        <translation>A(z) „%1” nem érvényes időpont. A műszakok kezdési idejét órával és perccel adja meg, például 06:00, 14:00, 22:00.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::DecisionRecorder</name>
    <message>
        <source>Scan the lot&apos;s label first.</source>
        <translation>Először olvassa be a tétel címkéjét.</translation>
    </message>
    <message>
        <source>Lot %1 is not known on this workstation. Scan its label again.</source>
        <translation>A(z) %1 tétel nem ismert ezen a munkaállomáson. Olvassa be újra a címkéjét.</translation>
    </message>
    <message>
        <source>Choose the QC gate.</source>
        <translation>Válassza ki a minőségellenőrzési kaput.</translation>
    </message>
    <message>
        <source>Log in before you sign a decision.</source>
        <translation>Jelentkezzen be, mielőtt aláír egy döntést.</translation>
    </message>
    <message>
        <source>The password is wrong; the decision was not signed or recorded. Enter your own password again.</source>
        <translation>Hibás jelszó; a döntés nincs aláírva és rögzítve. Adja meg újra a saját jelszavát.</translation>
    </message>
    <message>
        <source>The decision could not be saved on this workstation (%1). Nothing was recorded; call IT.</source>
        <translation>A döntést nem sikerült menteni ezen a munkaállomáson (%1). Semmi sem lett rögzítve; hívja az informatikát.</translation>
    </message>
    <message>
        <source>%1 (%2) signed %3: %4</source>
        <translation>%1 (%2) aláírta, %3: %4</translation>
    </message>
    <message>
        <source>%1 is outside the critical limit of %2 (%3): this lot cannot PASS. Record HOLD or FAIL and write down the corrective action taken.</source>
        <translation>%1 kívül esik a(z) %2 kritikus határértékén (%3): ez a tétel nem kaphat MEGFELELT minősítést. Rögzítsen ZÁROLÁST vagy ELUTASÍTÁST, és írja le a megtett helyesbítő intézkedést.</translation>
    </message>
    <message>
        <source>I release lot %1 at critical control point %2 (PASS).</source>
        <translation>Jóváhagyom a(z) %1 tételt a(z) %2. kritikus szabályozási ponton (MEGFELELT).</translation>
    </message>
    <message>
        <source>I put lot %1 on HOLD at critical control point %2 and confirm the corrective action.</source>
        <translation>Zárolom a(z) %1 tételt a(z) %2. kritikus szabályozási ponton, és igazolom a helyesbítő intézkedést.</translation>
    </message>
    <message>
        <source>I reject lot %1 at critical control point %2 (FAIL) and confirm the corrective action.</source>
        <translation>Elutasítom a(z) %1 tételt a(z) %2. kritikus szabályozási ponton (ELUTASÍTÁS), és igazolom a helyesbítő intézkedést.</translation>
    </message>
    <message>
        <source>A %1 at this critical control point must be signed with your password.</source>
        <translation>Ezen a kritikus szabályozási ponton a(z) %1 döntést a jelszavával alá kell írnia.</translation>
    </message>
    <message>
        <source>There is no signing key for %1 on this workstation yet, so nothing was signed or recorded. Log out and log in again once while the server can be reached; after that you can sign here, also offline.</source>
        <translation>%1 aláírókulcsa még nincs meg ezen a munkaállomáson, ezért semmi sem lett aláírva vagy rögzítve. Jelentkezzen ki, majd jelentkezzen be újra egyszer, amíg a szerver elérhető; utána itt is aláírhat, kapcsolat nélkül is.</translation>
    </message>
    <message>
        <source>I release this lot at critical control point %1 (PASS).</source>
        <translation>Jóváhagyom ezt a tételt a(z) %1. kritikus szabályozási ponton (MEGFELELT).</translation>
    </message>
    <message>
        <source>I put this lot on HOLD at critical control point %1 and confirm the corrective action.</source>
        <translation>Zárolom ezt a tételt a(z) %1. kritikus szabályozási ponton, és igazolom a helyesbítő intézkedést.</translation>
    </message>
    <message>
        <source>I reject this lot at critical control point %1 (FAIL) and confirm the corrective action.</source>
        <translation>Elutasítom ezt a tételt a(z) %1. kritikus szabályozási ponton (ELUTASÍTÁS), és igazolom a helyesbítő intézkedést.</translation>
    </message>
    <message>
        <source>Lot %1 on this workstation is no longer the lot that was scanned. Nothing was recorded: scan its label again.</source>
        <translation>A(z) %1 tétel ezen a munkaállomáson már nem az a tétel, amelyet beolvasott. Semmi sem lett rögzítve: olvassa be újra a címkéjét.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a temperature. Enter a number such as %2.</source>
        <translation>A(z) „%1” nem hőmérséklet. Adjon meg egy számot, például: %2.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::GatesModel</name>
    <message>
        <source>Critical control point: record the measured temperature.</source>
        <translation>Kritikus szabályozási pont: rögzítse a mért hőmérsékletet.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::HeldLotsModel</name>
    <message>
        <source>%1 min</source>
        <translation>%1 perc</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 óra %2 perc</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 nap %2 óra</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Tételkód</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Típus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Mióta</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Időtartam</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Gyártási sor</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Tömeg (kg)</translation>
    </message>
</context>
<context>
    <name>flowviz::app::LocalCache</name>
    <message>
        <source>The local cache %1 cannot be opened.</source>
        <translation>A helyi gyorsítótár (%1) nem nyitható meg.</translation>
    </message>
    <message>
        <source>The local cache cannot be updated.</source>
        <translation>A helyi gyorsítótár nem frissíthető.</translation>
    </message>
    <message>
        <source>The server sent a QC gate the console cannot read.</source>
        <translation>A szerver olyan minőségellenőrzési pontot küldött, amelyet a konzol nem tud értelmezni.</translation>
    </message>
    <message>
        <source>The server sent a lot profile the console cannot read.</source>
        <translation>A szerver olyan tételprofilt küldött, amelyet a konzol nem tud értelmezni.</translation>
    </message>
    <message>
        <source>The server sent a production run the console cannot read.</source>
        <translation>A szerver olyan gyártási sorozatot küldött, amelyet a konzol nem tud értelmezni.</translation>
    </message>
    <message>
        <source>The server sent a lot the console cannot read.</source>
        <translation>A szerver olyan tételt küldött, amelyet a konzol nem tud értelmezni.</translation>
    </message>
    <message>
        <source>The server sent a supplier the console cannot read.</source>
        <translation>A szerver olyan beszállítót küldött, amelyet a konzol nem tud beolvasni.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::LotRegistrar</name>
    <message>
        <source>&quot;%1&quot; is not a lot code. Scan the lot&apos;s label again.</source>
        <translation>A(z) „%1” nem tételkód. Olvassa be újra a tétel címkéjét.</translation>
    </message>
    <message>
        <source>Lot %1 is not known on this workstation. Check the label, or wait until the connection to the server is back.</source>
        <translation>A(z) %1 tétel nem ismert ezen a munkaállomáson. Ellenőrizze a címkét, vagy várja meg, amíg helyreáll a kapcsolat a szerverrel.</translation>
    </message>
    <message>
        <source>Lot %1 is not registered. Check the label.</source>
        <translation>A(z) %1 tétel nincs regisztrálva. Ellenőrizze a címkét.</translation>
    </message>
    <message>
        <source>Lot %1 is not known on this workstation and the server cannot be reached to check it. Try again when the connection is back.</source>
        <translation>A(z) %1 tétel nem ismert ezen a munkaállomáson, és a szerver nem érhető el az ellenőrzéséhez. Próbálja újra, amikor helyreáll a kapcsolat.</translation>
    </message>
    <message>
        <source>Lot %1 already exists. Leave the code empty to get a new one.</source>
        <translation>A(z) %1 tétel már létezik. Hagyja üresen a kódot, és újat kap.</translation>
    </message>
    <message>
        <source>Enter the weight in kg.</source>
        <translation>Adja meg a tömeget kg-ban.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weight. Enter a number such as %2.</source>
        <translation>A(z) „%1” nem tömeg. Adjon meg egy számot, például %2.</translation>
    </message>
    <message>
        <source>Measure and enter the temperature in °C.</source>
        <translation>Mérje meg és adja meg a hőmérsékletet °C-ban.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a temperature. Enter a number such as %2.</source>
        <translation>A(z) „%1” nem hőmérséklet. Adjon meg egy számot, például %2.</translation>
    </message>
    <message>
        <source>Production run %1 is not active. Choose another run.</source>
        <translation>A(z) %1 gyártási sorozat nem aktív. Válasszon másikat.</translation>
    </message>
    <message>
        <source>Lot %1 is listed twice. Remove one line.</source>
        <translation>A(z) %1 tétel kétszer szerepel. Töröljön egy sort.</translation>
    </message>
    <message>
        <source>Enter how many kg are taken from lot %1.</source>
        <translation>Adja meg, hány kg-ot használt fel a(z) %1 tételből.</translation>
    </message>
    <message>
        <source>Lot %1 weighs only %2 kg; you cannot take %3 kg from it.</source>
        <translation>A(z) %1 tétel csak %2 kg; nem használhat fel belőle %3 kg-ot.</translation>
    </message>
    <message>
        <source>No lot code could be issued on this workstation. Type a code from the label, or call IT.</source>
        <translation>Ezen a munkaállomáson nem sikerült tételkódot kiadni. Írja be a kódot a címkéről, vagy hívja az informatikát.</translation>
    </message>
    <message>
        <source>The lot could not be saved on this workstation (%1). Nothing was registered; call IT.</source>
        <translation>A tételt nem sikerült menteni ezen a munkaállomáson (%1). Semmi sem lett regisztrálva; hívja az informatikát.</translation>
    </message>
    <message>
        <source>Only a RAW lot is received from a supplier; a %1 lot is made from its parents.</source>
        <translation>Beszállítótól csak RAW tétel vehető át; a %1 tétel a szülőtételeiből készül.</translation>
    </message>
    <message>
        <source>Choose the supplier the material came from.</source>
        <translation>Válassza ki a beszállítót, akitől az anyag érkezett.</translation>
    </message>
    <message>
        <source>Supplier %1 is not known on this workstation or no longer active. Choose one from the list.</source>
        <translation>A(z) %1 beszállító ezen a munkaállomáson nem ismert, vagy már nem aktív. Válasszon a listából.</translation>
    </message>
    <message>
        <source>Enter the day the material was received.</source>
        <translation>Adja meg az anyag átvételének napját.</translation>
    </message>
    <message>
        <source>The day received cannot be later than today.</source>
        <translation>Az átvétel napja nem lehet későbbi a mai napnál.</translation>
    </message>
    <message>
        <source>The expiry date is not a date. Check the label.</source>
        <translation>A lejárati dátum nem érvényes dátum. Ellenőrizze a címkét.</translation>
    </message>
    <message>
        <source>The expiry date is before the day received: the material had expired. Check the label; expired material must not be received.</source>
        <translation>A lejárati dátum korábbi az átvétel napjánál: az anyag már lejárt. Ellenőrizze a címkét; lejárt anyagot nem szabad átvenni.</translation>
    </message>
    <message>
        <source>Enter the number of trade units received as a whole number from 1 to %1, or leave it empty.</source>
        <translation>Adja meg az átvett kereskedelmi egységek számát 1 és %1 közötti egész számként, vagy hagyja üresen.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::Outbox</name>
    <message>
        <source>The outbox %1 cannot be written (%2): %3. Check that the disk is not full and the file is writable.</source>
        <translation>A kimenő sor (%1) nem írható (%2): %3. Ellenőrizze, hogy a lemez nem telt-e meg, és a fájl írható-e.</translation>
    </message>
    <message>
        <source>it was written by a newer version of the console</source>
        <translation>a konzol egy újabb változata írta</translation>
    </message>
    <message>
        <source>The lot id is not a UUID.</source>
        <translation>A tétel azonosítója nem UUID.</translation>
    </message>
    <message>
        <source>The decision id is not a UUID.</source>
        <translation>A döntés azonosítója nem UUID.</translation>
    </message>
    <message>
        <source>There is no outbox item %1.</source>
        <translation>Nincs %1 azonosítójú elem a kimenő sorban.</translation>
    </message>
    <message>
        <source>This item is being sent or is already finished; only items that wait or need attention can be corrected and sent again.</source>
        <translation>Ez az elem küldés alatt áll vagy már kész; csak a várakozó vagy beavatkozást igénylő elemek javíthatók és küldhetők újra.</translation>
    </message>
    <message>
        <source>This item was already sent and may be on the server, so it cannot be discarded. Wait for the server&apos;s answer.</source>
        <translation>Ezt az elemet már elküldtük, és lehet, hogy már a szerveren van, ezért nem vethető el. Várja meg a szerver válaszát.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::OutboxModel</name>
    <message>
        <source>Lot</source>
        <translation>Tétel</translation>
    </message>
    <message>
        <source>QC decision</source>
        <translation>Minőségellenőrzési döntés</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Küldésre vár</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Küldés folyamatban</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Elküldve</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Beavatkozást igényel</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Elvetve</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Fajta</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Tételkód</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Rögzítve</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Próbálkozások</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Utolsó hiba</translation>
    </message>
</context>
<context>
    <name>flowviz::app::QcDecisionsModel</name>
    <message>
        <source>The server cannot be reached, so the lots behind this bar cannot be listed now. Try again when the console is online.</source>
        <translation>A szerver nem érhető el, ezért az oszlop mögötti tételek most nem listázhatók. Próbálja újra, amikor a konzol ismét online.</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Tételkód</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Típus</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Kapu</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Döntés</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>Döntés ideje</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Kezelő</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Munkaállomás</translation>
    </message>
</context>
<context>
    <name>flowviz::app::RecallDesk</name>
    <message>
        <source>This is too long: at most %1 characters.</source>
        <translation>Ez túl hosszú: legfeljebb %1 karakter.</translation>
    </message>
    <message>
        <source>Say how the recall was closed: at least %1 characters.</source>
        <translation>Írja le, hogyan zárult a visszahívás: legalább %1 karakter.</translation>
    </message>
    <message>
        <source>Say why the lot is recalled: at least %1 characters.</source>
        <translation>Írja le, miért hívja vissza a tételt: legalább %1 karakter.</translation>
    </message>
    <message>
        <source>Scan the label of the lot to recall, or type its code.</source>
        <translation>Olvassa be a visszahívandó tétel címkéjét, vagy írja be a kódját.</translation>
    </message>
    <message>
        <source>Choose the recall to close from the list.</source>
        <translation>Válassza ki a listából a lezárandó visszahívást.</translation>
    </message>
    <message>
        <source>Choose a recall from the list first.</source>
        <translation>Előbb válasszon visszahívást a listából.</translation>
    </message>
    <message>
        <source>The workbook could not be written to %1: %2</source>
        <translation>A munkafüzetet nem sikerült ide írni: %1: %2</translation>
    </message>
    <message>
        <source>The server cannot be reached. Recalls work only with a connection: try again when it is back.</source>
        <translation>A szerver nem érhető el. A visszahívás csak kapcsolattal működik: próbálja újra, ha visszajött.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>A munkamenete lejárt. Jelentkezzen be újra.</translation>
    </message>
    <message>
        <source>Your role cannot open or close recalls. Ask a manager.</source>
        <translation>A szerepköre nem nyithat és nem zárhat le visszahívást. Kérjen meg egy vezetőt.</translation>
    </message>
    <message>
        <source>No lot %1 is registered. Check the label.</source>
        <translation>Nincs %1 kódú tétel. Ellenőrizze a címkét.</translation>
    </message>
    <message>
        <source>This recall is not on the server. The list is reloaded.</source>
        <translation>Ez a visszahívás nincs a szerveren. A lista újratöltődik.</translation>
    </message>
    <message>
        <source>Lot %1 is already in an open recall: %2</source>
        <translation>A(z) %1 tétel már nyitott visszahívásban van: %2</translation>
    </message>
    <message>
        <source>This recall is closed already.</source>
        <translation>Ez a visszahívás már le van zárva.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>A szerver elutasította a változtatást: %1</translation>
    </message>
    <message>
        <source>The server refused it; the reasons are under the fields.</source>
        <translation>A szerver elutasította; az okok a mezők alatt olvashatók.</translation>
    </message>
    <message>
        <source>The server could not do it. Try again; if it keeps failing, tell IT.</source>
        <translation>A szerver nem tudta elvégezni. Próbálja újra; ha továbbra sem megy, szóljon az informatikának.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::RecallModel</name>
    <message>
        <source>No decision</source>
        <translation>Nincs döntés</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Szint</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Tételkód</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Típus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Tömeg (kg)</translation>
    </message>
    <message>
        <source>Latest QC</source>
        <translation>Utolsó minőségügyi döntés</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Kapu</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>Döntés ideje</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Döntést hozta</translation>
    </message>
</context>
<context>
    <name>flowviz::app::RecallReport</name>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>A(z) %1 fájl nem írható: %2</translation>
    </message>
</context>
<context>
    <name>flowviz::app::RecentLotsModel</name>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Szinkronizálásra vár</translation>
    </message>
    <message>
        <source>Registered here; not yet on the server.</source>
        <translation>Itt rögzítve; még nincs a szerveren.</translation>
    </message>
    <message>
        <source>A QC decision made here has not reached the server yet.</source>
        <translation>Az itt hozott minőségellenőrzési döntés még nem jutott el a szerverre.</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Tételkód</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Típus</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Tömeg</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Hőmérséklet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Szinkron</translation>
    </message>
</context>
<context>
    <name>flowviz::app::ServerLotsModel</name>
    <message>
        <source>Lot code</source>
        <translation>Tételkód</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Típus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Tömeg (kg)</translation>
    </message>
    <message>
        <source>Production run</source>
        <translation>Gyártási sorozat</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Létrehozva</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network and try again.</source>
        <translation>A szerver nem érhető el. Ellenőrizze a hálózatot, és próbálja újra.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Ask IT to check the CA file in the settings.</source>
        <translation>A szerver tanúsítványa nem megbízható. Kérje meg az informatikát, hogy ellenőrizze a CA-fájlt a beállításokban.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>A munkamenet lejárt. Jelentkezzen be újra.</translation>
    </message>
    <message>
        <source>You are not allowed to see this. Ask a supervisor.</source>
        <translation>Ehhez nincs jogosultsága. Forduljon a műszakvezetőhöz.</translation>
    </message>
    <message>
        <source>No such lot is registered. Check the code and scan again.</source>
        <translation>Nincs ilyen tétel nyilvántartva. Ellenőrizze a kódot, és olvassa be újra.</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Túl sok kérés. Várjon egy kicsit, és próbálja újra.</translation>
    </message>
    <message>
        <source>The search was refused: %1</source>
        <translation>A keresést a szerver elutasította: %1</translation>
    </message>
    <message>
        <source>The server could not answer. Try again; if it keeps failing, tell IT.</source>
        <translation>A szerver nem tudott válaszolni. Próbálja újra; ha továbbra sem sikerül, szóljon az informatikának.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::Session</name>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>Ez a fiók le van tiltva. Forduljon egy rendszergazdához.</translation>
    </message>
    <message>
        <source>The user name or password is wrong. Check them and try again.</source>
        <translation>A felhasználónév vagy a jelszó hibás. Ellenőrizze, és próbálja újra.</translation>
    </message>
    <message>
        <source>Too many login attempts. Wait a minute and try again.</source>
        <translation>Túl sok bejelentkezési kísérlet. Várjon egy percet, és próbálja újra.</translation>
    </message>
    <message>
        <source>Enter a user name and a password.</source>
        <translation>Adja meg a felhasználónevet és a jelszót.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network and try again.</source>
        <translation>A szerver nem érhető el. Ellenőrizze a hálózatot, és próbálja újra.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Ask IT to check the console&apos;s certificate settings.</source>
        <translation>A szerver tanúsítványa nem megbízható. Kérje meg az informatikát, hogy ellenőrizze a konzol tanúsítványbeállításait.</translation>
    </message>
    <message>
        <source>Login failed (%1). Try again; if it keeps failing, call IT.</source>
        <translation>A bejelentkezés nem sikerült (%1). Próbálja újra; ha továbbra sem sikerül, hívja az informatikát.</translation>
    </message>
    <message>
        <source>The server cannot be reached, and %1 has never logged in at this workstation, so the password cannot be checked here. Log in at a workstation you have used before, or wait until the server can be reached.</source>
        <translation>A szerver nem érhető el, és %1 még soha nem jelentkezett be ezen a munkaállomáson, ezért a jelszó itt nem ellenőrizhető. Jelentkezzen be egy olyan munkaállomáson, amelyet már használt, vagy várjon, amíg a szerver elérhető lesz.</translation>
    </message>
    <message>
        <source>The server cannot be reached, and %1 last logged in at this workstation more than %2 days ago, too long ago to log in without the server. Wait until the server can be reached, or call IT.</source>
        <translation>A szerver nem érhető el, és %1 több mint %2 napja jelentkezett be utoljára ezen a munkaállomáson; ez túl régen volt ahhoz, hogy a szerver nélkül bejelentkezhessen. Várjon, amíg a szerver elérhető lesz, vagy hívja az informatikát.</translation>
    </message>
    <message>
        <source>The password is wrong. The server cannot be reached, so it was checked against the password of %1&apos;s last login at this workstation. Check it and try again.</source>
        <translation>A jelszó hibás. A szerver nem érhető el, ezért a jelszót %1 legutóbbi, ezen a munkaállomáson történt bejelentkezésének jelszavával vetettük össze. Ellenőrizze, és próbálja újra.</translation>
    </message>
    <message>
        <source>The server cannot be reached, and this workstation&apos;s record of %1&apos;s last login cannot be read, so nobody can check the password here. Wait until the server can be reached, or call IT.</source>
        <translation>A szerver nem érhető el, és ez a munkaállomás nem tudja beolvasni %1 legutóbbi bejelentkezésének adatait, ezért a jelszó itt nem ellenőrizhető. Várjon, amíg a szerver elérhető lesz, vagy hívja az informatikát.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::SettingsController</name>
    <message>
        <source>The server address is not a valid URL. Enter it like https://flowviz.example:8443.</source>
        <translation>A szervercím nem érvényes URL. Így adja meg: https://flowviz.example:8443.</translation>
    </message>
    <message>
        <source>The CA file cannot be used: %1</source>
        <translation>A CA-fájl nem használható: %1</translation>
    </message>
</context>
<context>
    <name>flowviz::app::ShipmentDesk</name>
    <message>
        <source>Enter the shipment&apos;s reference (the delivery note number).</source>
        <translation>Adja meg a szállítmány azonosítóját (a szállítólevél számát).</translation>
    </message>
    <message>
        <source>Choose the customer.</source>
        <translation>Válassza ki a vevőt.</translation>
    </message>
    <message>
        <source>Enter the ship date.</source>
        <translation>Adja meg a szállítás napját.</translation>
    </message>
    <message>
        <source>The carrier is too long: at most %1 characters.</source>
        <translation>A fuvarozó neve túl hosszú: legfeljebb %1 karakter lehet.</translation>
    </message>
    <message>
        <source>Choose an open shipment, or open a new one, before you scan labels.</source>
        <translation>A címkék beolvasása előtt válasszon egy nyitott szállítmányt, vagy nyisson újat.</translation>
    </message>
    <message>
        <source>No lot %1 is registered. Check the label.</source>
        <translation>Nincs %1 kódú tétel rögzítve. Ellenőrizze a címkét.</translation>
    </message>
    <message>
        <source>Lot %1 is %2, not finished goods: only FG lots ship.</source>
        <translation>A(z) %1 tétel %2, nem késztermék: csak késztermék (FG) tétel szállítható ki.</translation>
    </message>
    <message>
        <source>Lot %1 is %2: only a released lot ships. Ask QC.</source>
        <translation>A(z) %1 tétel állapota: %2. Csak felszabadított tétel szállítható ki. Kérdezze a minőségellenőrzést.</translation>
    </message>
    <message>
        <source>Scan the label of the lot to put on the shipment first.</source>
        <translation>Előbb olvassa be a szállítmányra kerülő tétel címkéjét.</translation>
    </message>
    <message>
        <source>Enter the kilograms as a number, e.g. %1.</source>
        <translation>A kilogrammot számmal adja meg, például: %1.</translation>
    </message>
    <message>
        <source>Enter how many kg of the lot go on the shipment (more than 0).</source>
        <translation>Adja meg, hány kg kerül a tételből a szállítmányra (0-nál többet).</translation>
    </message>
    <message>
        <source>The server cannot be reached. Dispatch works only with a connection: try again when it is back.</source>
        <translation>A szerver nem érhető el. A kiszállítás csak kapcsolattal működik: próbálja újra, ha visszatért.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>A munkamenet lejárt. Jelentkezzen be újra.</translation>
    </message>
    <message>
        <source>Your role cannot dispatch goods. Ask your supervisor.</source>
        <translation>Az Ön szerepkörével nem lehet árut kiszállítani. Kérje meg a felettesét.</translation>
    </message>
    <message>
        <source>This shipment is not on the server any more. The list is reloaded.</source>
        <translation>Ez a szállítmány már nincs a szerveren. A lista újratöltődik.</translation>
    </message>
    <message>
        <source>Lot %1 is not released: it cannot ship. Ask QC.</source>
        <translation>A(z) %1 tétel nincs felszabadítva, nem szállítható ki. Kérdezze a minőségellenőrzést.</translation>
    </message>
    <message>
        <source>The CCP records of lot %1 have not been reviewed since its last CCP check. A supervisor must review and sign them before it ships.</source>
        <translation>A(z) %1 tétel CCP-feljegyzéseit a legutóbbi CCP-ellenőrzés óta senki sem vizsgálta felül. Kiszállítás előtt egy vezetőnek át kell néznie és alá kell írnia őket.</translation>
    </message>
    <message>
        <source>Not that much of lot %1 is left: these kilograms and what is already on shipments would exceed its weight. Check the kilograms.</source>
        <translation>Ennyi már nem maradt a(z) %1 tételből: ez a mennyiség a már szállítmányokon lévővel együtt meghaladná a tömegét. Ellenőrizze a kilogrammot.</translation>
    </message>
    <message>
        <source>Lot %1 is already on this shipment. To change its kilograms, remove the line and scan the label again.</source>
        <translation>A(z) %1 tétel már szerepel ezen a szállítmányon. A mennyiség módosításához vegye le a sort, és olvassa be újra a címkét.</translation>
    </message>
    <message>
        <source>Lot %1 has no weight recorded, so its kilograms cannot be checked. Ask your supervisor.</source>
        <translation>A(z) %1 tételnek nincs rögzített tömege, így a mennyiség nem ellenőrizhető. Kérdezze a felettesét.</translation>
    </message>
    <message>
        <source>This shipment is no longer open. The list is reloaded.</source>
        <translation>Ez a szállítmány már nincs nyitva. A lista újratöltődik.</translation>
    </message>
    <message>
        <source>The shipment has no lines: scan the labels of what goes on it first.</source>
        <translation>A szállítmánynak nincs sora: előbb olvassa be a rákerülő tételek címkéit.</translation>
    </message>
    <message>
        <source>A shipment with this reference already exists. Choose it from the list.</source>
        <translation>Ilyen azonosítójú szállítmány már létezik. Válassza ki a listából.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>A szerver elutasította a módosítást: %1</translation>
    </message>
    <message>
        <source>Lot %1 is not finished goods: only FG lots ship.</source>
        <translation>A(z) %1 tétel nem késztermék: csak késztermék (FG) tétel szállítható ki.</translation>
    </message>
    <message>
        <source>This customer no longer takes shipments.</source>
        <translation>Ez a vevő már nem fogad szállítmányt.</translation>
    </message>
    <message>
        <source>The server refused it; the reasons are under the fields.</source>
        <translation>A szerver elutasította; az okok a mezők alatt olvashatók.</translation>
    </message>
    <message>
        <source>The server could not save it. Try again; if it keeps failing, tell IT.</source>
        <translation>A szerver nem tudta menteni. Próbálja újra; ha továbbra sem sikerül, szóljon az informatikának.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::StatsClient</name>
    <message>
        <source>just now</source>
        <translation>az imént</translation>
    </message>
    <message>
        <source>Your role cannot see the supervisor figures. Ask an administrator for a manager, auditor or viewer account.</source>
        <translation>Az Ön szerepköre nem láthatja a vezetői adatokat. Kérjen az adminisztrátortól vezetői, auditori vagy megtekintői fiókot.</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 perce</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 órája</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 napja</translation>
    </message>
</context>
<context>
    <name>flowviz::app::SupplierDirectory</name>
    <message>
        <source>Enter the supplier&apos;s name.</source>
        <translation>Adja meg a beszállító nevét.</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>A név túl hosszú: legfeljebb %1 karakter lehet.</translation>
    </message>
    <message>
        <source>The address is too long: at most %1 characters.</source>
        <translation>A cím túl hosszú: legfeljebb %1 karakter lehet.</translation>
    </message>
    <message>
        <source>The contact is too long: at most %1 characters.</source>
        <translation>A kapcsolattartó túl hosszú: legfeljebb %1 karakter lehet.</translation>
    </message>
    <message>
        <source>The server cannot be reached, and suppliers are kept only there. Try again when the connection is back.</source>
        <translation>A szerver nem érhető el, a beszállítókat pedig csak ott tartjuk nyilván. Próbálja újra, ha helyreállt a kapcsolat.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>A munkamenet lejárt. Jelentkezzen be újra.</translation>
    </message>
    <message>
        <source>Only a manager or an administrator can change suppliers.</source>
        <translation>Beszállítót csak vezető vagy rendszergazda módosíthat.</translation>
    </message>
    <message>
        <source>A supplier with this code already exists. Choose it from the list, or use another code.</source>
        <translation>Ilyen kódú beszállító már van. Válassza ki a listából, vagy adjon meg másik kódot.</translation>
    </message>
    <message>
        <source>This supplier is not on the server any more. The list is reloaded.</source>
        <translation>Ez a beszállító már nincs a szerveren. A lista újratöltődik.</translation>
    </message>
    <message>
        <source>The server refused the supplier; the reasons are under the fields.</source>
        <translation>A szerver nem fogadta el a beszállítót; az okok a mezők alatt olvashatók.</translation>
    </message>
    <message>
        <source>The server could not save the supplier. Try again; if it keeps failing, tell IT.</source>
        <translation>A szerver nem tudta menteni a beszállítót. Próbálja újra; ha továbbra sem sikerül, szóljon az informatikának.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::SyncEngine</name>
    <message>
        <source>The server refused this item (HTTP %1).</source>
        <translation>A szerver elutasította ezt az elemet (HTTP %1).</translation>
    </message>
    <message>
        <source>Waiting for a new login; the session has ended.</source>
        <translation>Új bejelentkezésre vár; a munkamenet lejárt.</translation>
    </message>
    <message>
        <source>The server answered %1 results for %2 items; they will be sent again.</source>
        <translation>A szerver %1 eredményt adott %2 elemre; újra elküldjük őket.</translation>
    </message>
    <message>
        <source>The server&apos;s answer did not match this item; it will be sent again.</source>
        <translation>A szerver válasza nem ehhez az elemhez tartozott; újra elküldjük.</translation>
    </message>
    <message>
        <source>Waits for lot %1, which has not reached the server yet.</source>
        <translation>A(z) %1 tételre vár, amely még nem jutott el a szerverre.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::TraceTreeModel</name>
    <message>
        <source>Lot code</source>
        <translation>Tételkód</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Típus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Tömeg (kg)</translation>
    </message>
    <message>
        <source>Used (kg)</source>
        <translation>Felhasznált (kg)</translation>
    </message>
    <message>
        <source>Drawn (kg)</source>
        <translation>Elvett (kg)</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Szint</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::ChartPanel</name>
    <message>
        <source>The picture could not be saved to %1. Choose a folder you can write to.</source>
        <translation>A kép nem menthető ide: %1. Válasszon olyan mappát, amelybe írhat.</translation>
    </message>
    <message>
        <source>Save chart as picture</source>
        <translation>Diagram mentése képként</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG képek (*.png)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Diagram mentése</translation>
    </message>
    <message>
        <source>Save chart figures as CSV</source>
        <translation>Diagram adatainak mentése CSV-be</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-fájlok (*.csv)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save this chart as a picture</source>
        <translation>A diagram mentése képként</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save this chart&apos;s figures as a CSV file for a spreadsheet</source>
        <translation>A diagram adatainak mentése CSV-fájlba táblázatkezelőhöz</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::CorrectionDialog</name>
    <message>
        <source>Correct and send again</source>
        <translation>Javítás és újraküldés</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>A szerver válasza: %1</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a number. Type it like %3, without thousands separators.</source>
        <translation>%1 „%2” nem szám. Így írja be: %3, ezres tagolás nélkül.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Újraküldés</translation>
    </message>
    <message>
        <source>Lot code:</source>
        <translation>Tételkód:</translation>
    </message>
    <message>
        <source>Lot type:</source>
        <translation>Tételtípus:</translation>
    </message>
    <message>
        <source>Weight (kg):</source>
        <translation>Tömeg (kg):</translation>
    </message>
    <message>
        <source>Temperature (°C):</source>
        <translation>Hőmérséklet (°C):</translation>
    </message>
    <message>
        <source>Production run:</source>
        <translation>Gyártási sorozat:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Döntés:</translation>
    </message>
    <message>
        <source>QC gate:</source>
        <translation>QC-kapu:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Megjegyzés:</translation>
    </message>
    <message>
        <source>Workstation:</source>
        <translation>Munkaállomás:</translation>
    </message>
    <message>
        <source>Corrective action:</source>
        <translation>Helyesbítő intézkedés:</translation>
    </message>
    <message>
        <source>This decision is signed electronically, so it cannot be changed here: the signature covers every field. If the server&apos;s message names a mistake, discard it and record the decision again on the QC decision page; it is signed again there.</source>
        <translation>Ez a döntés elektronikusan alá van írva, ezért itt nem módosítható: az aláírás minden mezőre kiterjed. Ha a szerver üzenete hibát jelez, vesse el, és rögzítse újra a döntést a Minőségellenőrzési döntés oldalon; ott újra aláírja.</translation>
    </message>
    <message>
        <source>Made from (parent lots)</source>
        <translation>Alapanyagai (szülőtételek)</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Tételkód</translation>
    </message>
    <message>
        <source>kg taken</source>
        <translation>Felhasznált kg</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eltávolítás</translation>
    </message>
    <message>
        <source>Removed: keep it</source>
        <translation>Eltávolítva: mégis marad</translation>
    </message>
    <message>
        <source>&quot;%1&quot; kg taken from lot %2 is not a number. Type it like %3, without thousands separators.</source>
        <translation>A(z) %2 tételből felhasznált „%1” kg nem szám. Így írja be: %3, ezres elválasztó nélkül.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::DiscardDialog</name>
    <message>
        <source>Discard for good?</source>
        <translation>Végleg elveti?</translation>
    </message>
    <message>
        <source>%1 will never reach the server and cannot be sent again. A lot discarded here is not registered: do not use its label. This cannot be undone.</source>
        <translation>%1 soha nem jut el a szerverre, és nem küldhető el újra. Az itt elvetett tétel nincs regisztrálva: ne használja a címkéjét. Ez nem vonható vissza.</translation>
    </message>
    <message>
        <source>&amp;Why is it discarded? (kept with the item)</source>
        <translation>&amp;Miért veti el? (a tétellel együtt megőrizzük)</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Megtartás</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Elvetés</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::DispatchPage</name>
    <message>
        <source>Lot %1 is on shipment %2.</source>
        <translation>A(z) %1 tétel rákerült a(z) %2 szállítmányra.</translation>
    </message>
    <message>
        <source>Lot %1 was taken off shipment %2.</source>
        <translation>A(z) %1 tétel lekerült a(z) %2 szállítmányról.</translation>
    </message>
    <message>
        <source>Shipment %1 was dispatched.</source>
        <translation>A(z) %1 szállítmány kiszállítva.</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Kiszállítás</translation>
    </message>
    <message>
        <source>Open shipments</source>
        <translation>Nyitott szállítmányok</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Azonosító</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Vevő</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>Szállítás napja</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Sorok</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>Open a new shipment</source>
        <translation>Új szállítmány nyitása</translation>
    </message>
    <message>
        <source>Ship-to</source>
        <translation>Szállítási cím</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Fuvarozó</translation>
    </message>
    <message>
        <source>Lot: scan the FG label or type its code</source>
        <translation>Tétel: olvassa be az FG-címkét, vagy írja be a kódját</translation>
    </message>
    <message>
        <source>delivery note number</source>
        <translation>szállítólevél száma</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>nem kötelező</translation>
    </message>
    <message>
        <source>Open shipment</source>
        <translation>Szállítmány nyitása</translation>
    </message>
    <message>
        <source>Put on shipment</source>
        <translation>Szállítmányra</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Tétel</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hozzáadva</translation>
    </message>
    <message>
        <source>Take the selected line off</source>
        <translation>A kijelölt sor levétele</translation>
    </message>
    <message>
        <source>Choose the customer</source>
        <translation>Válassza ki a vevőt</translation>
    </message>
    <message>
        <source>The customer&apos;s address</source>
        <translation>A vevő címe</translation>
    </message>
    <message>
        <source>No shipment chosen: choose one from the list, or open a new one.</source>
        <translation>Nincs kiválasztott szállítmány: válasszon a listából, vagy nyisson újat.</translation>
    </message>
    <message>
        <source>Shipment %1 for %2, %3 — lines: %4, total: %5 kg</source>
        <translation>%1 szállítmány, vevő: %2, %3 — sorok: %4, összesen: %5 kg</translation>
    </message>
    <message>
        <source>Kilograms</source>
        <translation>Kilogramm</translation>
    </message>
    <message>
        <source>Touch again to dispatch %1 — lines: %2, total: %3 kg</source>
        <translation>Érintse meg újra a kiszállításhoz: %1 — sorok: %2, összesen: %3 kg</translation>
    </message>
    <message>
        <source>Shipment %1 is open: scan the labels of what goes on it.</source>
        <translation>A(z) %1 szállítmány nyitva: olvassa be a rákerülő tételek címkéit.</translation>
    </message>
    <message>
        <source>Looking up lot %1…</source>
        <translation>A(z) %1 tétel keresése…</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::LabelPreview</name>
    <message>
        <source>Save label as PDF</source>
        <translation>Címke mentése PDF-be</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-fájlok (*.pdf)</translation>
    </message>
    <message>
        <source>Label preview (%1 × %2 mm)</source>
        <translation>Címke előnézete (%1 × %2 mm)</translation>
    </message>
    <message>
        <source>Print label…</source>
        <translation>Címke nyomtatása…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Mentés PDF-be…</translation>
    </message>
    <message>
        <source>Label preview: no lot selected</source>
        <translation>Címke előnézete: nincs kiválasztott tétel</translation>
    </message>
    <message>
        <source>Label preview for lot %1</source>
        <translation>A(z) %1 tétel címkéjének előnézete</translation>
    </message>
    <message>
        <source>Label not printed</source>
        <translation>A címke nyomtatása sikertelen</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::LoginPage</name>
    <message>
        <source>Enter your user name or scan your badge.</source>
        <translation>Adja meg a felhasználónevét, vagy olvassa be a kártyáját.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Adja meg a jelszavát.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Bejelentkezés…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Bejelentkezés</translation>
    </message>
    <message>
        <source>Log in to FlowViz</source>
        <translation>Bejelentkezés a FlowViz-be</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Felhasználónév:</translation>
    </message>
    <message>
        <source>Type it or scan your badge</source>
        <translation>Írja be, vagy olvassa be a kártyáját</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Jelszó:</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::LotDetailPage</name>
    <message>
        <source>← Back to the list</source>
        <translation>← Vissza a listához</translation>
    </message>
    <message>
        <source>Lot code:</source>
        <translation>Tételkód:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Típus:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Állapot:</translation>
    </message>
    <message>
        <source>Weight (kg):</source>
        <translation>Tömeg (kg):</translation>
    </message>
    <message>
        <source>Temperature (°C):</source>
        <translation>Hőmérséklet (°C):</translation>
    </message>
    <message>
        <source>Production run:</source>
        <translation>Gyártási sorozat:</translation>
    </message>
    <message>
        <source>Registered by:</source>
        <translation>Rögzítette:</translation>
    </message>
    <message>
        <source>Workstation:</source>
        <translation>Munkaállomás:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Létrehozva:</translation>
    </message>
    <message>
        <source>QC history</source>
        <translation>Minőségügyi előzmények</translation>
    </message>
    <message>
        <source>Made from (parents)</source>
        <translation>Felhasznált tételek (szülők)</translation>
    </message>
    <message>
        <source>Used in (children)</source>
        <translation>Felhasználva ezekben (utódok)</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>Döntés ideje</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Kapu</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Döntés</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Megjegyzés</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Hőmérséklet (°C)</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Döntést hozta</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Tételkód</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Típus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Quantity (kg)</source>
        <translation>Mennyiség (kg)</translation>
    </message>
    <message>
        <source>Loading lot %1…</source>
        <translation>A(z) %1 tétel betöltése…</translation>
    </message>
    <message>
        <source>Lot %1 could not be shown. %2</source>
        <translation>A(z) %1 tétel nem jeleníthető meg. %2</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>lot %1</source>
        <translation>tétel: %1</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>átvéve: %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>lejárat: %1</translation>
    </message>
    <message>
        <source>%1 trade units</source>
        <translation>%1 kereskedelmi egység</translation>
    </message>
    <message>
        <source>delivery note %1</source>
        <translation>szállítólevél: %1</translation>
    </message>
    <message>
        <source>GTIN %1</source>
        <translation>GTIN: %1</translation>
    </message>
    <message>
        <source>Received from:</source>
        <translation>Beszállító:</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::LotsPage</name>
    <message>
        <source>Loading lots…</source>
        <translation>Tételek betöltése…</translation>
    </message>
    <message>
        <source>Offline: showing the lots stored on this workstation. The list is complete again when the server is reachable.</source>
        <translation>Offline: a munkaállomáson tárolt tételek láthatók. A lista újra teljes lesz, amint a szerver elérhető.</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Minden típus</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Minden állapot</translation>
    </message>
    <message>
        <source>Search by lot code (start of the code) or scan a label</source>
        <translation>Keresés tételkód (a kód eleje) alapján, vagy olvasson be egy címkét</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Sorozat:</translation>
    </message>
    <message>
        <source>Run code</source>
        <translation>Sorozatkód</translation>
    </message>
    <message>
        <source>Created between</source>
        <translation>Létrehozás ideje szerint</translation>
    </message>
    <message>
        <source>from</source>
        <translation>ettől:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>eddig:</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>Tételek</translation>
    </message>
    <message>
        <source>Lots shown: %1. Scroll down for more.</source>
        <translation>Látható tételek: %1. Görgessen lefelé a többiért.</translation>
    </message>
    <message>
        <source>Lots shown: %1 (all).</source>
        <translation>Látható tételek: %1 (az összes).</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::MainWindow</name>
    <message>
        <source>Register lot</source>
        <translation>Tétel rögzítése</translation>
    </message>
    <message>
        <source>QC decision</source>
        <translation>QC-döntés</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>Tételek</translation>
    </message>
    <message>
        <source>Traceability</source>
        <translation>Nyomonkövetés</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Szinkronizálás</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Beállítások</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again to continue; nothing you saved is lost.</source>
        <translation>A munkamenete lejárt. A folytatáshoz jelentkezzen be újra; semmi sem veszett el abból, amit mentett.</translation>
    </message>
    <message>
        <source>Scanned %1. Open Register lot or QC decision to use a scanned label.</source>
        <translation>Beolvasva: %1. A beolvasott címke használatához nyissa meg a Tétel rögzítése vagy a QC-döntés oldalt.</translation>
    </message>
    <message>
        <source>FlowViz console</source>
        <translation>FlowViz konzol</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Lock / switch operator</source>
        <translation>Zárolás / kezelőváltás</translation>
    </message>
    <message>
        <source>Lock the console so that you or another operator can log in (Ctrl+L)</source>
        <translation>A konzol zárolása, hogy Ön vagy egy másik kezelő bejelentkezhessen (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Nyelv:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Nyelv</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>The server can be reached; your work is sent at once.</source>
        <translation>A szerver elérhető; a munkája azonnal elküldésre kerül.</translation>
    </message>
    <message>
        <source>⟳ Syncing</source>
        <translation>⟳ Szinkronizálás</translation>
    </message>
    <message>
        <source>Your saved work is being sent to the server.</source>
        <translation>A mentett munkája most kerül a szerverre.</translation>
    </message>
    <message>
        <source>✕ Offline</source>
        <translation>✕ Offline</translation>
    </message>
    <message>
        <source>The server cannot be reached. Keep working: everything is saved here and sent when the connection returns.</source>
        <translation>A szerver nem érhető el. Dolgozzon tovább: minden itt mentődik, és a kapcsolat visszatértekor elküldésre kerül.</translation>
    </message>
    <message>
        <source>Pending: %1</source>
        <translation>Függőben: %1</translation>
    </message>
    <message>
        <source>Saved here, not yet on the server</source>
        <translation>Itt mentve, még nincs a szerveren</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Figyelmet igényel: %1</translation>
    </message>
    <message>
        <source>Items the server refused; open the Sync page to correct them</source>
        <translation>A szerver által elutasított tételek; javításukhoz nyissa meg a Szinkronizálás oldalt</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Kezelő: %1</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>Senki sincs bejelentkezve</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Vezetői áttekintés</translation>
    </message>
    <message>
        <source>The server can be reached again. Enter your password so that the work saved here can be sent; nothing you saved is lost.</source>
        <translation>A szerver ismét elérhető. Adja meg a jelszavát, hogy az itt mentett munkát el lehessen küldeni; semmi sem vész el abból, amit mentett.</translation>
    </message>
    <message>
        <source>Only a manager or an administrator can change the settings of this workstation. Ask your supervisor.</source>
        <translation>Ennek a munkaállomásnak a beállításait csak vezető vagy rendszergazda módosíthatja. Kérje meg a felettesét.</translation>
    </message>
    <message>
        <source>This page is not available with your role. Ask your supervisor.</source>
        <translation>Ez az oldal az Ön szerepkörével nem érhető el. Kérje meg a felettesét.</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>Beszállítók</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Kiszállítás</translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Visszahívások</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::QcDecisionPage</name>
    <message>
        <source>QC decision</source>
        <translation>Minőségellenőrzési döntés</translation>
    </message>
    <message>
        <source>Scan the label of the lot you are checking.</source>
        <translation>Olvassa be az ellenőrzött tétel címkéjét.</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Tétel</translation>
    </message>
    <message>
        <source>QC gate</source>
        <translation>Minőségellenőrzési kapu</translation>
    </message>
    <message>
        <source>Measured temperature (°C) — required at critical control points</source>
        <translation>Mért hőmérséklet (°C) — kritikus szabályozási pontokon kötelező</translation>
    </message>
    <message>
        <source>Notes — required for HOLD and FAIL (at least %1 characters)</source>
        <translation>Megjegyzés — zárolásnál és elutasításnál kötelező (legalább %1 karakter)</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nincs ellenőrizve</translation>
    </message>
    <message>
        <source>Signed: %1</source>
        <translation>Aláírva: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · run %3</source>
        <translation>%1 · %2 · sorozat: %3</translation>
    </message>
    <message>
        <source>weight unknown</source>
        <translation>tömeg ismeretlen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nincs</translation>
    </message>
    <message>
        <source>Made from: not known here (the server cannot be reached).</source>
        <translation>Alapanyagai: itt nem ismertek (a szerver nem érhető el).</translation>
    </message>
    <message>
        <source>Made from: no parent lots (raw material).</source>
        <translation>Alapanyagai: nincs szülőtétel (nyersanyag).</translation>
    </message>
    <message>
        <source>Made from: %1</source>
        <translation>Alapanyagai: %1</translation>
    </message>
    <message>
        <source>%1 recorded for lot %2 at gate %3. It will be sent to the server automatically.</source>
        <translation>%1 rögzítve a(z) %2 tételre a(z) %3. kapun. Automatikusan elküldjük a szervernek.</translation>
    </message>
    <message>
        <source>Corrective action — required for HOLD and FAIL at this critical control point: what was done with the product and the process (at least %1 characters)</source>
        <translation>Helyesbítő intézkedés — ezen a kritikus szabályozási ponton ZÁROLÁSHOZ és ELUTASÍTÁSHOZ kötelező: mi történt a termékkel és a folyamattal (legalább %1 karakter)</translation>
    </message>
    <message>
        <source>Sign and record %1</source>
        <translation>Aláírás és %1 rögzítése</translation>
    </message>
    <message>
        <source>Critical limit for this lot at this gate: %1</source>
        <translation>A tétel kritikus határértéke ezen a kapun: %1</translation>
    </message>
    <message>
        <source>✖ Lot %1 changed on this workstation. Scan its label again.</source>
        <translation>✖ A(z) %1 tétel megváltozott ezen a munkaállomáson. Olvassa be újra a címkéjét.</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>pl. %1</translation>
    </message>
    <message>
        <source>Looking up lot %1…</source>
        <translation>A(z) %1 tétel keresése…</translation>
    </message>
    <message>
        <source>✖ &quot;%1&quot; is not a lot code. Scan the label of the lot.</source>
        <translation>✖ A(z) „%1” nem tételkód. Olvassa be a tétel címkéjét.</translation>
    </message>
    <message>
        <source>✖ Lot %1 is not registered. Check the label.</source>
        <translation>✖ A(z) %1 tétel nincs regisztrálva. Ellenőrizze a címkét.</translation>
    </message>
    <message>
        <source>✖ Lot %1 is not known on this workstation and the server cannot be reached to check it. Try again when the connection is back.</source>
        <translation>✖ A(z) %1 tételt ez a munkaállomás nem ismeri, és a szerver nem érhető el az ellenőrzéshez. Próbálja újra, ha helyreállt a kapcsolat.</translation>
    </message>
    <message>
        <source>Status as last known on this workstation: the server could not be asked.</source>
        <translation>Az állapot ezen a munkaállomáson utoljára ismert: a szervert nem lehetett megkérdezni.</translation>
    </message>
    <message>
        <source>%1 recorded for lot %2 at gate %3 and on the server.</source>
        <translation>%1 rögzítve a(z) %2 tételre a(z) %3. kapun, és a szerveren is megvan.</translation>
    </message>
    <message>
        <source>✖ The server refused the %1 for lot %2 at gate %3: %4 It is not recorded. See the Sync page.</source>
        <translation>✖ A szerver elutasította a(z) %2 tétel %3. kapus %1 döntését: %4 Nincs rögzítve. Lásd a Szinkron oldalt.</translation>
    </message>
    <message>
        <source>✖ The %1 for lot %2 at gate %3 was discarded: it is not recorded.</source>
        <translation>✖ A(z) %2 tétel %3. kapus %1 döntését elvetették: nincs rögzítve.</translation>
    </message>
    <message>
        <source>✔ %1 (F2)</source>
        <translation>✔ %1 (F2)</translation>
    </message>
    <message>
        <source>❚❚ %1 (F3)</source>
        <translation>❚❚ %1 (F3)</translation>
    </message>
    <message>
        <source>✖ %1 (F4)</source>
        <translation>✖ %1 (F4)</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::QtChartView</name>
    <message>
        <source>Show or hide this line</source>
        <translation>Vonal megjelenítése vagy elrejtése</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::RecallPdfWriter</name>
    <message>
        <source>Recall report</source>
        <translation>Visszahívási jelentés</translation>
    </message>
    <message>
        <source>Suspect lot:</source>
        <translation>Gyanús tétel:</translation>
    </message>
    <message>
        <source>Generated:</source>
        <translation>Készült:</translation>
    </message>
    <message>
        <source>Generated by:</source>
        <translation>Készítette:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ismeretlen</translation>
    </message>
    <message>
        <source>Downstream lots:</source>
        <translation>Továbbfeldolgozott tételek:</translation>
    </message>
    <message>
        <source>Warning: the genealogy is larger than the server returns at once; this list is incomplete. Ask IT to raise the trace limit.</source>
        <translation>Figyelem: a származási fa nagyobb, mint amennyit a szerver egyszerre visszaad, ezért ez a lista hiányos. Kérje meg az informatikát, hogy emelje meg a nyomonkövetési korlátot.</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Szint</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Tételkód</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Típus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Tömeg (kg)</translation>
    </message>
    <message>
        <source>Latest QC</source>
        <translation>Utolsó minőségügyi döntés</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Kapu</translation>
    </message>
    <message>
        <source>Decided at (UTC)</source>
        <translation>Döntés ideje (UTC)</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Döntést hozta</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>Nincs döntés</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>A(z) %1 fájl nem írható: %2</translation>
    </message>
    <message>
        <source>Recall report %1</source>
        <translation>Visszahívási jelentés – %1</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::RecallRecordPdf</name>
    <message>
        <source>yes</source>
        <translation>igen</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nem</translation>
    </message>
    <message>
        <source>Trace test (drill) %1</source>
        <translation>%1 nyomonkövetési próba (gyakorlat)</translation>
    </message>
    <message>
        <source>Recall %1</source>
        <translation>%1 visszahívás</translation>
    </message>
    <message>
        <source>open</source>
        <translation>nyitott</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>lezárva</translation>
    </message>
    <message>
        <source>Recalled lot</source>
        <translation>Visszahívott tétel</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Indok</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Megnyitva</translation>
    </message>
    <message>
        <source>Time to trace</source>
        <translation>Nyomon követés ideje</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Lots in the set</source>
        <translation>Érintett tételek</translation>
    </message>
    <message>
        <source>Put on HOLD by this recall</source>
        <translation>E visszahívás által zárolva</translation>
    </message>
    <message>
        <source>Customers to contact</source>
        <translation>Értesítendő vevők</translation>
    </message>
    <message>
        <source>Dispatched to customers</source>
        <translation>Vevőknek kiszállítva</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lezárva</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>még nem</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>Lezáró megjegyzés</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Nyomtatva</translation>
    </message>
    <message>
        <source>A drill puts nothing on HOLD: it shows what a recall of this lot would reach.</source>
        <translation>A gyakorlat semmit sem zárol: megmutatja, mit érne el ennek a tételnek a visszahívása.</translation>
    </message>
    <message>
        <source>None: nothing of the set was shipped.</source>
        <translation>Nincs: az érintett körből semmi sem lett kiszállítva.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Vevő</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Név</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kapcsolat</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cím</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Szállítmányok</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>Tételek</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>Left the plant</source>
        <translation>Elhagyta az üzemet</translation>
    </message>
    <message>
        <source>Shipment lines</source>
        <translation>Szállítmánysorok</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>kiszállítva</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>törölve</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Szállítmány</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>Szállítás napja</translation>
    </message>
    <message>
        <source>Status then</source>
        <translation>Állapot akkor</translation>
    </message>
    <message>
        <source>Ship-to</source>
        <translation>Szállítási cím</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Fuvarozó</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Tétel</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Szint</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Típus</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>Állapot most</translation>
    </message>
    <message>
        <source>Put on HOLD</source>
        <translation>Zárolva</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Tömeg (kg)</translation>
    </message>
    <message>
        <source>Dispatched (kg)</source>
        <translation>Kiszállítva (kg)</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::RecallsPage</name>
    <message>
        <source>Recall %1 is closed.</source>
        <translation>A(z) %1 visszahívás lezárva.</translation>
    </message>
    <message>
        <source>The workbook was saved to %1.</source>
        <translation>A munkafüzet mentve: %1.</translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Visszahívások</translation>
    </message>
    <message>
        <source>Recalls and drills, newest first</source>
        <translation>Visszahívások és gyakorlatok, a legújabb elöl</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Azonosító</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Tétel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Recall a lot</source>
        <translation>Tétel visszahívása</translation>
    </message>
    <message>
        <source>Lot: scan its label or type its code</source>
        <translation>Tétel: olvassa be a címkéjét, vagy írja be a kódját</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Indok</translation>
    </message>
    <message>
        <source>Closing note: what was done, and why the recall can close</source>
        <translation>Lezáró megjegyzés: mi történt, és miért zárható le a visszahívás</translation>
    </message>
    <message>
        <source>e.g. supplier reported Listeria in its lot</source>
        <translation>pl. a beszállító Listeriát jelzett a tételében</translation>
    </message>
    <message>
        <source>Drill (trace test): nothing is put on HOLD</source>
        <translation>Gyakorlat: semmit sem zárol</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Vevő</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Név</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kapcsolat</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>Left the plant</source>
        <translation>Elhagyta az üzemet</translation>
    </message>
    <message>
        <source>Save PDF report…</source>
        <translation>PDF-jelentés mentése…</translation>
    </message>
    <message>
        <source>Save workbook (XLSX)…</source>
        <translation>Munkafüzet mentése (XLSX)…</translation>
    </message>
    <message>
        <source>drill</source>
        <translation>gyakorlat</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>visszahívás</translation>
    </message>
    <message>
        <source>open</source>
        <translation>nyitott</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>lezárva</translation>
    </message>
    <message>
        <source>No recall chosen: choose one from the list, or recall a lot.</source>
        <translation>Nincs kiválasztott visszahívás: válasszon a listából, vagy hívjon vissza egy tételt.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Indok: %1</translation>
    </message>
    <message>
        <source>Closed by %1: %2</source>
        <translation>%1 zárta le: %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>igen</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nem</translation>
    </message>
    <message>
        <source>Touch again to close %1</source>
        <translation>Érintse meg újra a(z) %1 lezárásához</translation>
    </message>
    <message>
        <source>Run drill</source>
        <translation>Gyakorlat indítása</translation>
    </message>
    <message>
        <source>Recall lot</source>
        <translation>Visszahívás</translation>
    </message>
    <message>
        <source>Close recall</source>
        <translation>Visszahívás lezárása</translation>
    </message>
    <message>
        <source>Save the recall&apos;s PDF report</source>
        <translation>A visszahívás PDF-jelentésének mentése</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-fájlok (*.pdf)</translation>
    </message>
    <message>
        <source>Save the recall&apos;s workbook</source>
        <translation>A visszahívás munkafüzetének mentése</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-munkafüzetek (*.xlsx)</translation>
    </message>
    <message>
        <source>The PDF report was saved to %1.</source>
        <translation>A PDF-jelentés mentve: %1.</translation>
    </message>
    <message>
        <source>Drill %1 is recorded. Customers it reached: %2. Nothing was put on HOLD.</source>
        <translation>A(z) %1 gyakorlat rögzítve. Elért vevők: %2. Semmi sem lett zárolva.</translation>
    </message>
    <message>
        <source>Recall %1 is open. Lots put on HOLD: %2. Customers to contact: %3.</source>
        <translation>A(z) %1 visszahívás megnyitva. Zárolt tételek: %2. Értesítendő vevők: %3.</translation>
    </message>
    <message>
        <source>Drill %1 of lot %2 (%3), opened %4 by %5</source>
        <translation>%1 gyakorlat, tétel: %2 (%3), megnyitotta %5, %4</translation>
    </message>
    <message>
        <source>Recall %1 of lot %2 (%3), opened %4 by %5</source>
        <translation>%1 visszahívás, tétel: %2 (%3), megnyitotta %5, %4</translation>
    </message>
    <message>
        <source>Lots in the set: %1, put on HOLD: %2. Customers: %3, dispatched to them: %4 kg. Traced in %5 ms.</source>
        <translation>Érintett tételek: %1, ebből zárolva: %2. Vevők: %3, nekik kiszállítva: %4 kg. Nyomon követés: %5 ms.</translation>
    </message>
    <message>
        <source>Touch again to confirm</source>
        <translation>Érintse meg újra a megerősítéshez</translation>
    </message>
    <message>
        <source>Touch again within 10 seconds to run the drill for lot %1. Nothing is put on HOLD.</source>
        <translation>Érintse meg újra 10 másodpercen belül a(z) %1 tétel gyakorlatának indításához. Semmi sem lesz zárolva.</translation>
    </message>
    <message>
        <source>Touch again within 10 seconds to recall lot %1: every affected lot still in the plant goes on HOLD.</source>
        <translation>Érintse meg újra 10 másodpercen belül a(z) %1 tétel visszahívásához: minden érintett, még üzemben lévő tétel zárolva lesz.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::RegisterLotPage</name>
    <message>
        <source>Register lot</source>
        <translation>Tétel regisztrálása</translation>
    </message>
    <message>
        <source>Lot type</source>
        <translation>Tétel típusa</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Tételkód</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Tömeg (kg)</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Hőmérséklet (°C)</translation>
    </message>
    <message>
        <source>Production run</source>
        <translation>Gyártási sorozat</translation>
    </message>
    <message>
        <source>Generated when you save; type it only to use a pre-printed label</source>
        <translation>Mentéskor generálódik; csak előre nyomtatott címkéhez írja be</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>pl. %1</translation>
    </message>
    <message>
        <source>No production run</source>
        <translation>Nincs gyártási sorozat</translation>
    </message>
    <message>
        <source>Parent lots</source>
        <translation>Szülőtételek</translation>
    </message>
    <message>
        <source>Scan the label of each lot you take material from, then enter how many kg you used.</source>
        <translation>Olvassa be minden felhasznált tétel címkéjét, majd adja meg, hány kg-ot használt fel belőle.</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Tétel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Állapot</translation>
    </message>
    <message>
        <source>Quantity used (kg)</source>
        <translation>Felhasznált kg</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eltávolítás</translation>
    </message>
    <message>
        <source>Save lot (Ctrl+S)</source>
        <translation>Tétel mentése (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print label…</source>
        <translation>Címke nyomtatása…</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>max. %1</translation>
    </message>
    <message>
        <source>Lot %1 is saved and on the server.</source>
        <translation>A(z) %1 tétel mentve és a szerveren van.</translation>
    </message>
    <message>
        <source>Lot %1 is saved on this workstation and will be sent to the server automatically.</source>
        <translation>A(z) %1 tétel mentve ezen a munkaállomáson; automatikusan elküldjük a szervernek.</translation>
    </message>
    <message>
        <source>Label of lot %1</source>
        <translation>A(z) %1 tétel címkéje</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bezárás</translation>
    </message>
    <message>
        <source>✖ Lot %1 was discarded: it is not registered. Do not use its label.</source>
        <translation>✖ A(z) %1 tételt elvetették: nincs regisztrálva. Ne használja a címkéjét.</translation>
    </message>
    <message>
        <source>✖ The server refused lot %1: %2 It is not registered. Correct it on the Sync page.</source>
        <translation>✖ A szerver elutasította a(z) %1 tételt: %2 Nincs regisztrálva. Javítsa a Szinkron oldalon.</translation>
    </message>
    <message>
        <source>Received from a supplier</source>
        <translation>Átvétel beszállítótól</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Beszállító</translation>
    </message>
    <message>
        <source>Supplier&apos;s lot</source>
        <translation>Beszállítói tétel</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Delivery note</source>
        <translation>Szállítólevél</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Átvétel napja</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Lejárat</translation>
    </message>
    <message>
        <source>Trade units</source>
        <translation>Kereskedelmi egység</translation>
    </message>
    <message>
        <source>Choose the supplier</source>
        <translation>Válasszon beszállítót</translation>
    </message>
    <message>
        <source>Scan the supplier&apos;s label</source>
        <translation>Olvassa be a beszállító címkéjét</translation>
    </message>
    <message>
        <source>14 digits, from the label</source>
        <translation>14 számjegy, a címkéről</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nincs</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>nem kötelező</translation>
    </message>
    <message>
        <source>The label&apos;s expiry date (%1) is not a real day, so nothing was taken from it. Type the receipt from the label and tell the supplier.</source>
        <translation>A címke lejárati dátuma (%1) nem létező nap, ezért semmit nem vettünk át róla. Írja be az átvétel adatait a címkéről, és szóljon a beszállítónak.</translation>
    </message>
    <message>
        <source>✔ Filled in from the label at %1: check it against the delivery.</source>
        <translation>✔ A címkéről kitöltve (%1): vesse össze a szállítmánnyal.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::SettingsPage</name>
    <message>
        <source>Saved. The new settings are in use.</source>
        <translation>Mentve. Az új beállítások érvényesek.</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA-tanúsítványok</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>PEM-fájlok (*.pem *.crt);;Minden fájl (*)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Beállítások</translation>
    </message>
    <message>
        <source>Workstation settings</source>
        <translation>Munkaállomás beállításai</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Szervercím:</translation>
    </message>
    <message>
        <source>CA file (https):</source>
        <translation>CA-fájl (https):</translation>
    </message>
    <message>
        <source>Site id:</source>
        <translation>Telephely-azonosító:</translation>
    </message>
    <message>
        <source>Workstation id:</source>
        <translation>Munkaállomás-azonosító:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Nyelv:</translation>
    </message>
    <message>
        <source>Label printer:</source>
        <translation>Címkenyomtató:</translation>
    </message>
    <message>
        <source>Label size:</source>
        <translation>Címkeméret:</translation>
    </message>
    <message>
        <source>Scanner prefix:</source>
        <translation>Vonalkódolvasó előtag:</translation>
    </message>
    <message>
        <source>Scanner suffix:</source>
        <translation>Vonalkódolvasó utótag:</translation>
    </message>
    <message>
        <source>Lock after idle minutes:</source>
        <translation>Zárolás ennyi perc tétlenség után:</translation>
    </message>
    <message>
        <source>e.g. https://flowviz.plant.local:8443</source>
        <translation>pl. https://flowviz.plant.local:8443</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s certificates</source>
        <translation>Üres: a rendszer tanúsítványai</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Tallózás…</translation>
    </message>
    <message>
        <source>2 to 8 letters or digits, e.g. DUNA</source>
        <translation>2–8 betű vagy számjegy, pl. DUNA</translation>
    </message>
    <message>
        <source>2 letters or digits, e.g. 01</source>
        <translation>2 betű vagy számjegy, pl. 01</translation>
    </message>
    <message>
        <source>Ask each time (or PDF)</source>
        <translation>Rákérdez minden alkalommal (vagy PDF)</translation>
    </message>
    <message>
        <source>Characters the scanner sends first (usually none)</source>
        <translation>Az olvasó által elsőként küldött karakterek (általában nincs)</translation>
    </message>
    <message>
        <source>Characters the scanner sends last (usually none)</source>
        <translation>Az olvasó által utolsóként küldött karakterek (általában nincs)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Soha</translation>
    </message>
    <message>
        <source>Save and apply</source>
        <translation>Mentés és alkalmazás</translation>
    </message>
    <message>
        <source>Saved. The new site and workstation id are used for lot codes after the console is restarted; everything else is in use now.</source>
        <translation>Mentve. Az új telephely- és munkaállomás-azonosító a konzol újraindítása után kerül a tételkódokba; minden más már érvényes.</translation>
    </message>
    <message>
        <source>Shift start times:</source>
        <translation>Műszakok kezdete:</translation>
    </message>
    <message>
        <source>e.g. 06:00, 14:00, 22:00</source>
        <translation>pl. 06:00, 14:00, 22:00</translation>
    </message>
    <message>
        <source>One to four shifts, in order through the day; the last shift runs on past midnight. The Supervisor page&apos;s “This shift” uses them.</source>
        <translation>Egy–négy műszak, a nap folyamán sorrendben; az utolsó műszak éjfél után is tart. A Vezetői áttekintés „Ez a műszak” nézete ezeket használja.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::SignatureDialog</name>
    <message>
        <source>Electronic signature</source>
        <translation>Elektronikus aláírás</translation>
    </message>
    <message>
        <source>You are signing as %1. Your signature means:</source>
        <translation>Ön %1 néven ír alá. Az aláírás jelentése:</translation>
    </message>
    <message>
        <source>Enter your password to sign:</source>
        <translation>Az aláíráshoz adja meg a jelszavát:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Mégse</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Adja meg a jelszavát.</translation>
    </message>
    <message>
        <source>Signing… this takes a moment.</source>
        <translation>Aláírás… ez egy pillanatig tart.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::StatusBadge</name>
    <message>
        <source>%1 — waiting to sync</source>
        <translation>%1 — szinkronizálásra vár</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::SupervisorCharts</name>
    <message>
        <source>Lots per day by type</source>
        <translation>Tételek naponta, típusonként</translation>
    </message>
    <message>
        <source>Lots per hour by type</source>
        <translation>Tételek óránként, típusonként</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Nap</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Óra</translation>
    </message>
    <message>
        <source>Kilograms per day</source>
        <translation>Kilogramm naponta</translation>
    </message>
    <message>
        <source>Kilograms</source>
        <translation>Kilogramm</translation>
    </message>
    <message>
        <source>QC outcomes per gate</source>
        <translation>QC-eredmények kapunként</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Kapu</translation>
    </message>
    <message>
        <source>First-pass yield</source>
        <translation>Első átfutásos kihozatal</translation>
    </message>
    <message>
        <source>All gates</source>
        <translation>Minden kapu</translation>
    </message>
    <message>
        <source>Open holds by age</source>
        <translation>Nyitott visszatartások kor szerint</translation>
    </message>
    <message>
        <source>Time on hold</source>
        <translation>Visszatartás ideje</translation>
    </message>
    <message>
        <source>Lots on HOLD or in QUARANTINE</source>
        <translation>VISSZATARTOTT vagy KARANTÉNBAN lévő tételek</translation>
    </message>
    <message>
        <source>Pending sync per workstation</source>
        <translation>Szinkronizálásra váró tételek munkaállomásonként</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Munkaállomás</translation>
    </message>
    <message>
        <source>Items waiting to sync</source>
        <translation>Szinkronizálásra vár</translation>
    </message>
    <message>
        <source>● %1</source>
        <translation>● %1</translation>
    </message>
    <message>
        <source>✕ %1 (offline)</source>
        <translation>✕ %1 (offline)</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::SupervisorPage</name>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Megjelenítés:</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>Ez a műszak</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Ma</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Utolsó 7 nap</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Utolsó 30 nap</translation>
    </message>
    <message>
        <source>Custom days…</source>
        <translation>Egyéni napok…</translation>
    </message>
    <message>
        <source>from</source>
        <translation>ettől:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>eddig:</translation>
    </message>
    <message>
        <source>⟳ Refresh now</source>
        <translation>⟳ Frissítés most</translation>
    </message>
    <message>
        <source>The figures refresh by themselves every 30 seconds</source>
        <translation>Az adatok 30 másodpercenként maguktól frissülnek</translation>
    </message>
    <message>
        <source>Lots today</source>
        <translation>Mai tételek</translation>
    </message>
    <message>
        <source>Kilograms today</source>
        <translation>Mai kilogramm</translation>
    </message>
    <message>
        <source>First-pass yield today</source>
        <translation>Mai első átfutásos kihozatal</translation>
    </message>
    <message>
        <source>Open holds</source>
        <translation>Nyitott visszatartások</translation>
    </message>
    <message>
        <source>Workstations offline</source>
        <translation>Offline munkaállomások</translation>
    </message>
    <message>
        <source>No lots were registered in this range.</source>
        <translation>Ebben az időszakban nem rögzítettek tételt.</translation>
    </message>
    <message>
        <source>No QC decisions were recorded in this range.</source>
        <translation>Ebben az időszakban nem született QC-döntés.</translation>
    </message>
    <message>
        <source>No lot was decided at a gate in this range.</source>
        <translation>Ebben az időszakban egy kapun sem döntöttek tételről.</translation>
    </message>
    <message>
        <source>✓ No lot is on HOLD or in QUARANTINE.</source>
        <translation>✓ Nincs VISSZATARTOTT vagy KARANTÉNBAN lévő tétel.</translation>
    </message>
    <message>
        <source>No workstation has reported to the server yet.</source>
        <translation>Még egy munkaállomás sem jelentkezett a szervernél.</translation>
    </message>
    <message>
        <source>registered since midnight</source>
        <translation>éjfél óta rögzítve</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>%1 of %2 lots passed their first decision</source>
        <translation>%2 tételből %1 az első döntésre megfelelt</translation>
    </message>
    <message>
        <source>no lot decided today</source>
        <translation>ma még nem döntöttek tételről</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>✓ 0</source>
        <translation>✓ 0</translation>
    </message>
    <message>
        <source>oldest for %1</source>
        <translation>a legrégebbi %1 óta</translation>
    </message>
    <message>
        <source>no lot waiting for QC</source>
        <translation>nincs QC-re váró tétel</translation>
    </message>
    <message>
        <source>✕ %1 of %2</source>
        <translation>✕ %1 / %2</translation>
    </message>
    <message>
        <source>✓ 0 of %1</source>
        <translation>✓ 0 / %1</translation>
    </message>
    <message>
        <source>all reporting</source>
        <translation>mind jelentkezik</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>✕ Offline: the server cannot be reached and no figures are stored here yet. They appear when the connection returns.</source>
        <translation>✕ Offline: a szerver nem érhető el, és itt még nincsenek tárolt adatok. A kapcsolat helyreálltakor megjelennek.</translation>
    </message>
    <message>
        <source>✕ Offline: data from %1 (%2), not live. The figures update when the server can be reached again.</source>
        <translation>✕ Offline: %1 adatok (%2), nem élő. Az adatok frissülnek, amint a szerver ismét elérhető.</translation>
    </message>
    <message>
        <source>Shown: data from %1.</source>
        <translation>Megjelenítve: %1 adatok.</translation>
    </message>
    <message>
        <source>⟳ Loading the figures…</source>
        <translation>⟳ Adatok betöltése…</translation>
    </message>
    <message>
        <source>No figures yet. Choose Refresh now.</source>
        <translation>Még nincsenek adatok. Válassza a Frissítés most gombot.</translation>
    </message>
    <message>
        <source>● Live: updated %1 (%2); refreshes every 30 s.</source>
        <translation>● Élő: frissítve %1 (%2); 30 másodpercenként frissül.</translation>
    </message>
    <message>
        <source>Range: %1.</source>
        <translation>Időszak: %1.</translation>
    </message>
    <message>
        <source>The range you chose is shown once the server answers.</source>
        <translation>A választott időszak akkor jelenik meg, amikor a szerver válaszol.</translation>
    </message>
    <message>
        <source>Lots: %1</source>
        <translation>Tételek: %1</translation>
    </message>
    <message>
        <source>Decisions: %1 (the first %2 are listed)</source>
        <translation>Döntések: %1 (az első %2 látható)</translation>
    </message>
    <message>
        <source>Decisions: %1</source>
        <translation>Döntések: %1</translation>
    </message>
    <message>
        <source>Lots registered in %1</source>
        <translation>%1 időszakban rögzített tételek</translation>
    </message>
    <message>
        <source>%1 lots registered in %2</source>
        <translation>%2 időszakban rögzített %1 tételek</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Betöltés…</translation>
    </message>
    <message>
        <source>%1 decisions at gate %2</source>
        <translation>%1 döntések ezen a kapun: %2</translation>
    </message>
    <message>
        <source>Lots on hold for %1</source>
        <translation>%1 ideje visszatartott tételek</translation>
    </message>
    <message>
        <source>no heartbeat for %1 min</source>
        <translation>%1 perce nem jelentkezett</translation>
    </message>
    <message>
        <source>Shifts run %1 plant time (set on the Settings page). Up to two days are shown by the hour, longer ranges by the day; kilograms always by the day.</source>
        <translation>A műszakok üzemi idő szerint: %1 (a Beállítások oldalon módosítható). Legfeljebb két nap óránként, hosszabb időszak naponként jelenik meg; a kilogramm mindig naponként.</translation>
    </message>
    <message>
        <source>No lots were registered on these days.</source>
        <translation>Ezeken a napokon nem rögzítettek tételt.</translation>
    </message>
    <message>
        <source>The kilograms per day are shown once the server answers.</source>
        <translation>A napi kilogrammok akkor jelennek meg, amikor a szerver válaszol.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::SuppliersPage</name>
    <message>
        <source>Suppliers</source>
        <translation>Beszállítók</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kód</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Név</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kapcsolattartó</translation>
    </message>
    <message>
        <source>Receipts allowed</source>
        <translation>Átvehető tőle</translation>
    </message>
    <message>
        <source>Add a supplier</source>
        <translation>Új beszállító</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cím</translation>
    </message>
    <message>
        <source>A-Z, 0-9, - _ . /</source>
        <translation>A-Z, 0-9, - _ . /</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>nem kötelező</translation>
    </message>
    <message>
        <source>Add supplier</source>
        <translation>Beszállító felvétele</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>igen</translation>
    </message>
    <message>
        <source>no — stopped</source>
        <translation>nem — leállítva</translation>
    </message>
    <message>
        <source>Stop receipts from the selected supplier</source>
        <translation>Átvétel leállítása a kijelölt beszállítótól</translation>
    </message>
    <message>
        <source>Stop receipts from %1</source>
        <translation>Átvétel leállítása: %1</translation>
    </message>
    <message>
        <source>Allow receipts from %1 again</source>
        <translation>Átvétel újra engedélyezése: %1</translation>
    </message>
    <message>
        <source>The supplier was not added; the reasons are under the fields.</source>
        <translation>A beszállító nem került felvételre; az okok a mezők alatt olvashatók.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::SyncPage</name>
    <message>
        <source>The item could not be queued again: %1</source>
        <translation>A tételt nem sikerült újra sorba állítani: %1</translation>
    </message>
    <message>
        <source>Select the item to discard in the list first.</source>
        <translation>Előbb válassza ki a listában az elvetendő tételt.</translation>
    </message>
    <message>
        <source>The item could not be discarded: %1</source>
        <translation>A tételt nem sikerült elvetni: %1</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1    Need your attention: %2</source>
        <translation>Küldésre vár: %1    Figyelmet igényel: %2</translation>
    </message>
    <message>
        <source>Select an item to see what the server said about it.</source>
        <translation>Válasszon ki egy tételt, hogy lássa, mit válaszolt rá a szerver.</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>(nincs üzenet)</translation>
    </message>
    <message>
        <source>Not sent yet. Last attempt: %1</source>
        <translation>Még nincs elküldve. Utolsó kísérlet: %1</translation>
    </message>
    <message>
        <source>Waiting to be sent. Nothing to do.</source>
        <translation>Küldésre vár. Nincs teendő.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Szinkronizálás</translation>
    </message>
    <message>
        <source>Sync with the server</source>
        <translation>Szinkronizálás a szerverrel</translation>
    </message>
    <message>
        <source>Only items that need attention</source>
        <translation>Csak a figyelmet igénylő tételek</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Küldés most</translation>
    </message>
    <message>
        <source>Server&apos;s message:</source>
        <translation>A szerver üzenete:</translation>
    </message>
    <message>
        <source>Correct and send again…</source>
        <translation>Javítás és újraküldés…</translation>
    </message>
    <message>
        <source>Send again unchanged</source>
        <translation>Újraküldés változatlanul</translation>
    </message>
    <message>
        <source>Lot %1 (registered on this workstation)</source>
        <translation>A(z) %1 tétel (ezen a munkaállomáson regisztrálva)</translation>
    </message>
    <message>
        <source>The %1 decision for lot %2 at gate %3</source>
        <translation>A(z) %2 tétel %3. kapus %1 döntése</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Elvetés…</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::TemperatureBadge</name>
    <message>
        <source>OK</source>
        <translation>RENDBEN</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>FIGYELMEZTETÉS</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>KRITIKUS</translation>
    </message>
    <message>
        <source>No temperature profile for this lot type</source>
        <translation>Ehhez a tételtípushoz nincs hőmérsékleti profil</translation>
    </message>
    <message>
        <source>No temperature yet</source>
        <translation>Még nincs hőmérséklet</translation>
    </message>
    <message>
        <source>expected %1 to %2 °C</source>
        <translation>elvárt: %1 – %2 °C</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::TracePage</name>
    <message>
        <source>Lot %1 traced. The genealogy is too large to show whole; the nearest lots are shown.</source>
        <translation>A(z) %1 tétel nyomonkövetése kész. A származási fa túl nagy ahhoz, hogy egészében megjelenjen; a legközelebbi tételek láthatók.</translation>
    </message>
    <message>
        <source>Lot %1 traced across every level.</source>
        <translation>A(z) %1 tétel nyomonkövetése minden szinten kész.</translation>
    </message>
    <message>
        <source>Lot %1 could not be traced. %2</source>
        <translation>A(z) %1 tétel nem követhető nyomon. %2</translation>
    </message>
    <message>
        <source>The recall for %1 could not be built. %2</source>
        <translation>A(z) %1 tétel visszahívási listája nem készíthető el. %2</translation>
    </message>
    <message>
        <source>Scan or type a lot code</source>
        <translation>Olvasson be vagy írjon be egy tételkódot</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Nyomonkövetés</translation>
    </message>
    <message>
        <source>Recall…</source>
        <translation>Visszahívás…</translation>
    </message>
    <message>
        <source>List every lot made from this lot, with its status and QC</source>
        <translation>Az ebből a tételből készült összes tétel listája, állapottal és minőségügyi döntéssel</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportálás CSV-be…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportálás PDF-be…</translation>
    </message>
    <message>
        <source>Where it came from (backward)</source>
        <translation>Honnan származik (visszafelé)</translation>
    </message>
    <message>
        <source>Where it went (forward)</source>
        <translation>Hová került (előre)</translation>
    </message>
    <message>
        <source>Recall: every downstream lot</source>
        <translation>Visszahívás: minden továbbfeldolgozott tétel</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Lekérdezés a szervertől…</translation>
    </message>
    <message>
        <source>Export recall as CSV</source>
        <translation>Visszahívás exportálása CSV-be</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV-táblázat (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Mentve: %1.</translation>
    </message>
    <message>
        <source>Export recall as PDF</source>
        <translation>Visszahívás exportálása PDF-be</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-dokumentum (*.pdf)</translation>
    </message>
    <message>
        <source>Recall for %1: downstream lots: %2.</source>
        <translation>%1 visszahívása: %2 továbbfeldolgozott tétel.</translation>
    </message>
</context>
</TS>
