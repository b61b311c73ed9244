<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hu_HU" sourcelanguage="en_GB">
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
        <source>%1 kg</source>
        <translation>%1 kg</translation>
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
</TS>
