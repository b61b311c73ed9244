<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>Gs1Parser</name>
    <message>
        <source>The GS1 element (%1) has no data.</source>
        <translation>The GS1 element (%1) has no data.</translation>
    </message>
    <message>
        <source>The GS1 element (%1) needs exactly %2 characters, but has %3.</source>
        <translation>The GS1 element (%1) needs exactly %2 characters, but has %3.</translation>
    </message>
    <message>
        <source>The GS1 element (%1) has more than %2 characters.</source>
        <translation>The GS1 element (%1) has more than %2 characters.</translation>
    </message>
    <message>
        <source>The GS1 element (%1) may contain digits only.</source>
        <translation>The GS1 element (%1) may contain digits only.</translation>
    </message>
    <message>
        <source>The check digit of the GS1 element (%1) is wrong.</source>
        <translation>The check digit of the GS1 element (%1) is wrong.</translation>
    </message>
    <message>
        <source>The GS1 element (%1) does not hold a valid date.</source>
        <translation>The GS1 element (%1) does not hold a valid date.</translation>
    </message>
    <message>
        <source>The GS1 element (%1) appears twice with different values.</source>
        <translation>The GS1 element (%1) appears twice with different values.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not start with a GS1 application identifier.</source>
        <translation>&quot;%1&quot; does not start with a GS1 application identifier.</translation>
    </message>
    <message>
        <source>The GS1 data is empty.</source>
        <translation>The GS1 data is empty.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a bracketed GS1 application identifier.</source>
        <translation>&quot;%1&quot; is not a bracketed GS1 application identifier.</translation>
    </message>
    <message>
        <source>The GS1 barcode has no batch/lot number (AI 10).</source>
        <translation>The GS1 barcode has no batch/lot number (AI 10).</translation>
    </message>
    <message>
        <source>The scan is empty. Scan the label again.</source>
        <translation>The scan is empty. Scan the label again.</translation>
    </message>
    <message>
        <source>The scanned code is longer than %1 characters, so it is not a lot code. Scan the lot&apos;s label.</source>
        <translation>The scanned code is longer than %1 characters, so it is not a lot code. Scan the lot&apos;s label.</translation>
    </message>
    <message>
        <source>The scanned code &quot;%1&quot; is not a lot code: the character &quot;%2&quot; is not allowed. Scan the lot&apos;s label or type its code.</source>
        <translation>The scanned code &quot;%1&quot; is not a lot code: the character &quot;%2&quot; is not allowed. Scan the lot&apos;s label or type its code.</translation>
    </message>
    <message>
        <source>The scanned code &quot;%1&quot; has no letter or digit, so it is not a lot code. Scan the lot&apos;s label.</source>
        <translation>The scanned code &quot;%1&quot; has no letter or digit, so it is not a lot code. Scan the lot&apos;s label.</translation>
    </message>
</context>
<context>
    <name>LabelRenderer</name>
    <message>
        <source>Type: %1 – %2</source>
        <translation>Type: %1 – %2</translation>
    </message>
    <message>
        <source>Weight: %1</source>
        <translation>Weight: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Operator: %1</translation>
    </message>
    <message>
        <source>The label could not be saved as %1. Check that the folder exists and that you may write to it.</source>
        <translation>The label could not be saved as %1. Check that the folder exists and that you may write to it.</translation>
    </message>
    <message>
        <source>The label has no lot code. Register or scan the lot first.</source>
        <translation>The label has no lot code. Register or scan the lot first.</translation>
    </message>
    <message>
        <source>A label of %1 × %2 mm is too small. Set a label size of at least 10 × 10 mm in the settings.</source>
        <translation>A label of %1 × %2 mm is too small. Set a label size of at least 10 × 10 mm in the settings.</translation>
    </message>
    <message>
        <source>The lot code %1 is too long for a QR code.</source>
        <translation>The lot code %1 is too long for a QR code.</translation>
    </message>
    <message>
        <source>The printer does not accept a label of %1 × %2 mm. Check the label size in the settings and the printer&apos;s media.</source>
        <translation>The printer does not accept a label of %1 × %2 mm. Check the label size in the settings and the printer&apos;s media.</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and connected, then print again.</source>
        <translation>The printer could not be started. Check that it is switched on and connected, then print again.</translation>
    </message>
    <message>
        <source>Printing the label failed. Check the printer, then print again.</source>
        <translation>Printing the label failed. Check the printer, then print again.</translation>
    </message>
    <message>
        <source>Raw material</source>
        <translation>Raw material</translation>
    </message>
    <message>
        <source>Deboned</source>
        <translation>Deboned</translation>
    </message>
    <message>
        <source>Bulk</source>
        <translation>Bulk</translation>
    </message>
    <message>
        <source>Mix</source>
        <translation>Mix</translation>
    </message>
    <message>
        <source>Skewer</source>
        <translation>Skewer</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Frozen</translation>
    </message>
    <message>
        <source>Finished goods</source>
        <translation>Finished goods</translation>
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
        <translation>Save label as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Label preview (%1 × %2 mm)</source>
        <translation>Label preview (%1 × %2 mm)</translation>
    </message>
    <message>
        <source>Print label…</source>
        <translation>Print label…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Label preview: no lot selected</source>
        <translation>Label preview: no lot selected</translation>
    </message>
    <message>
        <source>Label preview for lot %1</source>
        <translation>Label preview for lot %1</translation>
    </message>
    <message>
        <source>Label not printed</source>
        <translation>Label not printed</translation>
    </message>
</context>
</TS>
