<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>DomainLabels</name>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>In quarantine</source>
        <translation>In quarantine</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>Consumed</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
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
        <source>PASS</source>
        <translation>PASS</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>HOLD</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Blocking gate</source>
        <translation>Blocking gate</translation>
    </message>
    <message>
        <source>Information only</source>
        <translation>Information only</translation>
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
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
</context>
<context>
    <name>LotCodeGenerator</name>
    <message>
        <source>The lot code sequence file %1 cannot be opened: %2</source>
        <translation>The lot code sequence file %1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>The lot code sequence file %1 cannot be prepared: %2</source>
        <translation>The lot code sequence file %1 cannot be prepared: %2</translation>
    </message>
    <message>
        <source>The site id must be %1 to %2 characters A-Z or 0-9; &quot;%3&quot; is not.</source>
        <translation>The site id must be %1 to %2 characters A-Z or 0-9; &quot;%3&quot; is not.</translation>
    </message>
    <message>
        <source>The workstation id must be exactly %1 characters A-Z or 0-9 (for example &quot;01&quot;); &quot;%2&quot; is not.</source>
        <translation>The workstation id must be exactly %1 characters A-Z or 0-9 (for example &quot;01&quot;); &quot;%2&quot; is not.</translation>
    </message>
    <message>
        <source>The lot code generator is not set up.</source>
        <translation>The lot code generator is not set up.</translation>
    </message>
    <message>
        <source>No lot code could be issued: %1</source>
        <translation>No lot code could be issued: %1</translation>
    </message>
</context>
<context>
    <name>RuleMessages</name>
    <message>
        <source>Enter a lot code, or leave it empty to have one generated.</source>
        <translation>Enter a lot code, or leave it empty to have one generated.</translation>
    </message>
    <message>
        <source>The lot code is too long: at most %1 characters.</source>
        <translation>The lot code is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>The lot code may contain only A-Z, 0-9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;/&apos;.</source>
        <translation>The lot code may contain only A-Z, 0-9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;/&apos;.</translation>
    </message>
    <message>
        <source>The lot code needs at least one letter or digit.</source>
        <translation>The lot code needs at least one letter or digit.</translation>
    </message>
    <message>
        <source>Enter the weight with at most 2 decimals (kg).</source>
        <translation>Enter the weight with at most 2 decimals (kg).</translation>
    </message>
    <message>
        <source>The weight must be between 0 and 10000 kg. Check the scale reading.</source>
        <translation>The weight must be between 0 and 10000 kg. Check the scale reading.</translation>
    </message>
    <message>
        <source>Enter how many kg are taken from this lot (more than 0).</source>
        <translation>Enter how many kg are taken from this lot (more than 0).</translation>
    </message>
    <message>
        <source>Enter the temperature with at most 1 decimal (°C).</source>
        <translation>Enter the temperature with at most 1 decimal (°C).</translation>
    </message>
    <message>
        <source>The temperature must be between -50 and 100 °C. Measure again.</source>
        <translation>The temperature must be between -50 and 100 °C. Measure again.</translation>
    </message>
    <message>
        <source>The notes are too long: at most %1 characters.</source>
        <translation>The notes are too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>Write at least %1 characters saying why (required for HOLD and FAIL).</source>
        <translation>Write at least %1 characters saying why (required for HOLD and FAIL).</translation>
    </message>
    <message>
        <source>This gate is a critical control point: measure and enter the temperature.</source>
        <translation>This gate is a critical control point: measure and enter the temperature.</translation>
    </message>
    <message>
        <source>Lot %1 is on HOLD and cannot be used as an input. Ask QC to release it.</source>
        <translation>Lot %1 is on HOLD and cannot be used as an input. Ask QC to release it.</translation>
    </message>
    <message>
        <source>Lot %1 is in QUARANTINE and cannot be used as an input. Ask QC to release it.</source>
        <translation>Lot %1 is in QUARANTINE and cannot be used as an input. Ask QC to release it.</translation>
    </message>
    <message>
        <source>Lot %1 was REJECTED by QC and must not be used. Put it aside.</source>
        <translation>Lot %1 was REJECTED by QC and must not be used. Put it aside.</translation>
    </message>
    <message>
        <source>Write down the corrective action taken (at least %1 characters): what was done with the product and the process. It is required for HOLD and FAIL at a critical control point.</source>
        <translation>Write down the corrective action taken (at least %1 characters): what was done with the product and the process. It is required for HOLD and FAIL at a critical control point.</translation>
    </message>
    <message>
        <source>The corrective action is too long: at most %1 characters.</source>
        <translation>The corrective action is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>This decision must be signed electronically. Discard it and record it again on the QC decision page, where your password is asked for.</source>
        <translation>This decision must be signed electronically. Discard it and record it again on the QC decision page, where your password is asked for.</translation>
    </message>
    <message>
        <source>The server could not verify the electronic signature of this decision (the record or the key does not match). Discard it and record the decision again on the QC decision page.</source>
        <translation>The server could not verify the electronic signature of this decision (the record or the key does not match). Discard it and record the decision again on the QC decision page.</translation>
    </message>
    <message>
        <source>The signing key used for this decision has been replaced (for example after a password change). Log in again, discard this item and record the decision again.</source>
        <translation>The signing key used for this decision has been replaced (for example after a password change). Log in again, discard this item and record the decision again.</translation>
    </message>
    <message>
        <source>The account that signed this decision is disabled, so its signature is no longer accepted. Ask a supervisor to record the decision again.</source>
        <translation>The account that signed this decision is disabled, so its signature is no longer accepted. Ask a supervisor to record the decision again.</translation>
    </message>
    <message>
        <source>This decision was signed by another user than the one logged in when it was sent. Let the signer log in on this workstation and send it again unchanged.</source>
        <translation>This decision was signed by another user than the one logged in when it was sent. Let the signer log in on this workstation and send it again unchanged.</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>between %1 and %2</translation>
    </message>
    <message>
        <source>%1 or colder</source>
        <translation>%1 or colder</translation>
    </message>
    <message>
        <source>%1 or hotter</source>
        <translation>%1 or hotter</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>any value</translation>
    </message>
    <message>
        <source>Enter the supplier&apos;s lot code from the label, or scan the label.</source>
        <translation>Enter the supplier&apos;s lot code from the label, or scan the label.</translation>
    </message>
    <message>
        <source>The supplier&apos;s lot code is too long: at most %1 characters.</source>
        <translation>The supplier&apos;s lot code is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>The supplier&apos;s lot code may contain only the letters, digits and signs of the label (no accented letters). Check what was typed.</source>
        <translation>The supplier&apos;s lot code may contain only the letters, digits and signs of the label (no accented letters). Check what was typed.</translation>
    </message>
    <message>
        <source>The supplier&apos;s lot code must not begin or end with a space.</source>
        <translation>The supplier&apos;s lot code must not begin or end with a space.</translation>
    </message>
    <message>
        <source>A GTIN has 14 digits. Scan the label, or type the number under the barcode with leading zeros.</source>
        <translation>A GTIN has 14 digits. Scan the label, or type the number under the barcode with leading zeros.</translation>
    </message>
    <message>
        <source>This GTIN has a wrong check digit: it was misread or mistyped. Scan the label again.</source>
        <translation>This GTIN has a wrong check digit: it was misread or mistyped. Scan the label again.</translation>
    </message>
    <message>
        <source>The delivery note number is too long: at most %1 characters.</source>
        <translation>The delivery note number is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>This field must not be only spaces.</source>
        <translation>This field must not be only spaces.</translation>
    </message>
    <message>
        <source>This field must be one line without special characters.</source>
        <translation>This field must be one line without special characters.</translation>
    </message>
    <message>
        <source>This field must not begin or end with a space.</source>
        <translation>This field must not begin or end with a space.</translation>
    </message>
    <message>
        <source>The server does not know this supplier. Ask a manager to add it, then register the lot again.</source>
        <translation>The server does not know this supplier. Ask a manager to add it, then register the lot again.</translation>
    </message>
    <message>
        <source>This supplier is no longer active, so no material is received from it. Ask a manager.</source>
        <translation>This supplier is no longer active, so no material is received from it. Ask a manager.</translation>
    </message>
    <message>
        <source>The day received cannot be later than today.</source>
        <translation>The day received cannot be later than today.</translation>
    </message>
    <message>
        <source>The expiry date is before the day received: the material had expired.</source>
        <translation>The expiry date is before the day received: the material had expired.</translation>
    </message>
    <message>
        <source>The number of trade units must be a whole number from 1 to %1.</source>
        <translation>The number of trade units must be a whole number from 1 to %1.</translation>
    </message>
    <message>
        <source>Only a RAW lot is received from a supplier.</source>
        <translation>Only a RAW lot is received from a supplier.</translation>
    </message>
    <message>
        <source>Enter a code for the supplier, for example its short name.</source>
        <translation>Enter a code for the supplier, for example its short name.</translation>
    </message>
    <message>
        <source>The supplier code is too long: at most %1 characters.</source>
        <translation>The supplier code is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>The supplier code may contain only A-Z, 0-9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;/&apos;, with at least one letter or digit.</source>
        <translation>The supplier code may contain only A-Z, 0-9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;/&apos;, with at least one letter or digit.</translation>
    </message>
    <message>
        <source>Enter the shipment&apos;s reference (the delivery note number).</source>
        <translation>Enter the shipment&apos;s reference (the delivery note number).</translation>
    </message>
    <message>
        <source>The shipment reference is too long: at most 40 characters.</source>
        <translation>The shipment reference is too long: at most 40 characters.</translation>
    </message>
    <message>
        <source>The shipment reference may contain only A-Z, 0-9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;/&apos;, with at least one letter or digit.</source>
        <translation>The shipment reference may contain only A-Z, 0-9, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;/&apos;, with at least one letter or digit.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::ApiClient</name>
    <message>
        <source>The CA file %1 cannot be read.</source>
        <translation>The CA file %1 cannot be read.</translation>
    </message>
    <message>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>The CA file %1 holds no PEM certificate.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::CacheRefresher</name>
    <message>
        <source>The server&apos;s answer has no list of items.</source>
        <translation>The server&apos;s answer has no list of items.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::ConsoleSettings</name>
    <message>
        <source>Enter the start times of one to four shifts, for example 06:00, 14:00, 22:00.</source>
        <translation>Enter the start times of one to four shifts, for example 06:00, 14:00, 22:00.</translation>
    </message>
    <message>
        <source>A shift start time is not a time of day. Write hours and minutes, for example 06:00.</source>
        <translation>A shift start time is not a time of day. Write hours and minutes, for example 06:00.</translation>
    </message>
    <message>
        <source>Each shift must start later in the day than the one before it, for example 06:00, 14:00, 22:00. The last shift runs on past midnight.</source>
        <translation>Each shift must start later in the day than the one before it, for example 06:00, 14:00, 22:00. The last shift runs on past midnight.</translation>
    </message>
    <message>
        <source>“%1” is not a time of day. Write shift start times as hours and minutes, for example 06:00, 14:00, 22:00.</source>
        <translation>“%1” is not a time of day. Write shift start times as hours and minutes, for example 06:00, 14:00, 22:00.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::DecisionRecorder</name>
    <message>
        <source>Scan the lot&apos;s label first.</source>
        <translation>Scan the lot&apos;s label first.</translation>
    </message>
    <message>
        <source>Lot %1 is not known on this workstation. Scan its label again.</source>
        <translation>Lot %1 is not known on this workstation. Scan its label again.</translation>
    </message>
    <message>
        <source>Choose the QC gate.</source>
        <translation>Choose the QC gate.</translation>
    </message>
    <message>
        <source>Log in before you sign a decision.</source>
        <translation>Log in before you sign a decision.</translation>
    </message>
    <message>
        <source>The password is wrong; the decision was not signed or recorded. Enter your own password again.</source>
        <translation>The password is wrong; the decision was not signed or recorded. Enter your own password again.</translation>
    </message>
    <message>
        <source>The decision could not be saved on this workstation (%1). Nothing was recorded; call IT.</source>
        <translation>The decision could not be saved on this workstation (%1). Nothing was recorded; call IT.</translation>
    </message>
    <message>
        <source>%1 (%2) signed %3: %4</source>
        <translation>%1 (%2) signed %3: %4</translation>
    </message>
    <message>
        <source>%1 is outside the critical limit of %2 (%3): this lot cannot PASS. Record HOLD or FAIL and write down the corrective action taken.</source>
        <translation>%1 is outside the critical limit of %2 (%3): this lot cannot PASS. Record HOLD or FAIL and write down the corrective action taken.</translation>
    </message>
    <message>
        <source>I release lot %1 at critical control point %2 (PASS).</source>
        <translation>I release lot %1 at critical control point %2 (PASS).</translation>
    </message>
    <message>
        <source>I put lot %1 on HOLD at critical control point %2 and confirm the corrective action.</source>
        <translation>I put lot %1 on HOLD at critical control point %2 and confirm the corrective action.</translation>
    </message>
    <message>
        <source>I reject lot %1 at critical control point %2 (FAIL) and confirm the corrective action.</source>
        <translation>I reject lot %1 at critical control point %2 (FAIL) and confirm the corrective action.</translation>
    </message>
    <message>
        <source>A %1 at this critical control point must be signed with your password.</source>
        <translation>A %1 at this critical control point must be signed with your password.</translation>
    </message>
    <message>
        <source>There is no signing key for %1 on this workstation yet, so nothing was signed or recorded. Log out and log in again once while the server can be reached; after that you can sign here, also offline.</source>
        <translation>There is no signing key for %1 on this workstation yet, so nothing was signed or recorded. Log out and log in again once while the server can be reached; after that you can sign here, also offline.</translation>
    </message>
    <message>
        <source>I release this lot at critical control point %1 (PASS).</source>
        <translation>I release this lot at critical control point %1 (PASS).</translation>
    </message>
    <message>
        <source>I put this lot on HOLD at critical control point %1 and confirm the corrective action.</source>
        <translation>I put this lot on HOLD at critical control point %1 and confirm the corrective action.</translation>
    </message>
    <message>
        <source>I reject this lot at critical control point %1 (FAIL) and confirm the corrective action.</source>
        <translation>I reject this lot at critical control point %1 (FAIL) and confirm the corrective action.</translation>
    </message>
    <message>
        <source>Lot %1 on this workstation is no longer the lot that was scanned. Nothing was recorded: scan its label again.</source>
        <translation>Lot %1 on this workstation is no longer the lot that was scanned. Nothing was recorded: scan its label again.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a temperature. Enter a number such as %2.</source>
        <translation>&quot;%1&quot; is not a temperature. Enter a number such as %2.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::GatesModel</name>
    <message>
        <source>Critical control point: record the measured temperature.</source>
        <translation>Critical control point: record the measured temperature.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::HeldLotsModel</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
</context>
<context>
    <name>flowviz::app::LocalCache</name>
    <message>
        <source>The local cache %1 cannot be opened.</source>
        <translation>The local cache %1 cannot be opened.</translation>
    </message>
    <message>
        <source>The local cache cannot be updated.</source>
        <translation>The local cache cannot be updated.</translation>
    </message>
    <message>
        <source>The server sent a QC gate the console cannot read.</source>
        <translation>The server sent a QC gate the console cannot read.</translation>
    </message>
    <message>
        <source>The server sent a lot profile the console cannot read.</source>
        <translation>The server sent a lot profile the console cannot read.</translation>
    </message>
    <message>
        <source>The server sent a production run the console cannot read.</source>
        <translation>The server sent a production run the console cannot read.</translation>
    </message>
    <message>
        <source>The server sent a lot the console cannot read.</source>
        <translation>The server sent a lot the console cannot read.</translation>
    </message>
    <message>
        <source>The server sent a supplier the console cannot read.</source>
        <translation>The server sent a supplier the console cannot read.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::LotRegistrar</name>
    <message>
        <source>&quot;%1&quot; is not a lot code. Scan the lot&apos;s label again.</source>
        <translation>&quot;%1&quot; is not a lot code. Scan the lot&apos;s label again.</translation>
    </message>
    <message>
        <source>Lot %1 is not known on this workstation. Check the label, or wait until the connection to the server is back.</source>
        <translation>Lot %1 is not known on this workstation. Check the label, or wait until the connection to the server is back.</translation>
    </message>
    <message>
        <source>Lot %1 is not registered. Check the label.</source>
        <translation>Lot %1 is not registered. Check the label.</translation>
    </message>
    <message>
        <source>Lot %1 is not known on this workstation and the server cannot be reached to check it. Try again when the connection is back.</source>
        <translation>Lot %1 is not known on this workstation and the server cannot be reached to check it. Try again when the connection is back.</translation>
    </message>
    <message>
        <source>Lot %1 already exists. Leave the code empty to get a new one.</source>
        <translation>Lot %1 already exists. Leave the code empty to get a new one.</translation>
    </message>
    <message>
        <source>Enter the weight in kg.</source>
        <translation>Enter the weight in kg.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weight. Enter a number such as %2.</source>
        <translation>&quot;%1&quot; is not a weight. Enter a number such as %2.</translation>
    </message>
    <message>
        <source>Measure and enter the temperature in °C.</source>
        <translation>Measure and enter the temperature in °C.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a temperature. Enter a number such as %2.</source>
        <translation>&quot;%1&quot; is not a temperature. Enter a number such as %2.</translation>
    </message>
    <message>
        <source>Production run %1 is not active. Choose another run.</source>
        <translation>Production run %1 is not active. Choose another run.</translation>
    </message>
    <message>
        <source>Lot %1 is listed twice. Remove one line.</source>
        <translation>Lot %1 is listed twice. Remove one line.</translation>
    </message>
    <message>
        <source>Enter how many kg are taken from lot %1.</source>
        <translation>Enter how many kg are taken from lot %1.</translation>
    </message>
    <message>
        <source>Lot %1 weighs only %2 kg; you cannot take %3 kg from it.</source>
        <translation>Lot %1 weighs only %2 kg; you cannot take %3 kg from it.</translation>
    </message>
    <message>
        <source>No lot code could be issued on this workstation. Type a code from the label, or call IT.</source>
        <translation>No lot code could be issued on this workstation. Type a code from the label, or call IT.</translation>
    </message>
    <message>
        <source>The lot could not be saved on this workstation (%1). Nothing was registered; call IT.</source>
        <translation>The lot could not be saved on this workstation (%1). Nothing was registered; call IT.</translation>
    </message>
    <message>
        <source>Only a RAW lot is received from a supplier; a %1 lot is made from its parents.</source>
        <translation>Only a RAW lot is received from a supplier; a %1 lot is made from its parents.</translation>
    </message>
    <message>
        <source>Choose the supplier the material came from.</source>
        <translation>Choose the supplier the material came from.</translation>
    </message>
    <message>
        <source>Supplier %1 is not known on this workstation or no longer active. Choose one from the list.</source>
        <translation>Supplier %1 is not known on this workstation or no longer active. Choose one from the list.</translation>
    </message>
    <message>
        <source>Enter the day the material was received.</source>
        <translation>Enter the day the material was received.</translation>
    </message>
    <message>
        <source>The day received cannot be later than today.</source>
        <translation>The day received cannot be later than today.</translation>
    </message>
    <message>
        <source>The expiry date is not a date. Check the label.</source>
        <translation>The expiry date is not a date. Check the label.</translation>
    </message>
    <message>
        <source>The expiry date is before the day received: the material had expired. Check the label; expired material must not be received.</source>
        <translation>The expiry date is before the day received: the material had expired. Check the label; expired material must not be received.</translation>
    </message>
    <message>
        <source>Enter the number of trade units received as a whole number from 1 to %1, or leave it empty.</source>
        <translation>Enter the number of trade units received as a whole number from 1 to %1, or leave it empty.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::Outbox</name>
    <message>
        <source>The outbox %1 cannot be written (%2): %3. Check that the disk is not full and the file is writable.</source>
        <translation>The outbox %1 cannot be written (%2): %3. Check that the disk is not full and the file is writable.</translation>
    </message>
    <message>
        <source>it was written by a newer version of the console</source>
        <translation>it was written by a newer version of the console</translation>
    </message>
    <message>
        <source>The lot id is not a UUID.</source>
        <translation>The lot id is not a UUID.</translation>
    </message>
    <message>
        <source>The decision id is not a UUID.</source>
        <translation>The decision id is not a UUID.</translation>
    </message>
    <message>
        <source>There is no outbox item %1.</source>
        <translation>There is no outbox item %1.</translation>
    </message>
    <message>
        <source>This item is being sent or is already finished; only items that wait or need attention can be corrected and sent again.</source>
        <translation>This item is being sent or is already finished; only items that wait or need attention can be corrected and sent again.</translation>
    </message>
    <message>
        <source>This item was already sent and may be on the server, so it cannot be discarded. Wait for the server&apos;s answer.</source>
        <translation>This item was already sent and may be on the server, so it cannot be discarded. Wait for the server&apos;s answer.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::OutboxModel</name>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>QC decision</source>
        <translation>QC decision</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Discarded</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
</context>
<context>
    <name>flowviz::app::QcDecisionsModel</name>
    <message>
        <source>The server cannot be reached, so the lots behind this bar cannot be listed now. Try again when the console is online.</source>
        <translation>The server cannot be reached, so the lots behind this bar cannot be listed now. Try again when the console is online.</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
</context>
<context>
    <name>flowviz::app::RecallDesk</name>
    <message>
        <source>This is too long: at most %1 characters.</source>
        <translation>This is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>Say how the recall was closed: at least %1 characters.</source>
        <translation>Say how the recall was closed: at least %1 characters.</translation>
    </message>
    <message>
        <source>Say why the lot is recalled: at least %1 characters.</source>
        <translation>Say why the lot is recalled: at least %1 characters.</translation>
    </message>
    <message>
        <source>Scan the label of the lot to recall, or type its code.</source>
        <translation>Scan the label of the lot to recall, or type its code.</translation>
    </message>
    <message>
        <source>Choose the recall to close from the list.</source>
        <translation>Choose the recall to close from the list.</translation>
    </message>
    <message>
        <source>Choose a recall from the list first.</source>
        <translation>Choose a recall from the list first.</translation>
    </message>
    <message>
        <source>The workbook could not be written to %1: %2</source>
        <translation>The workbook could not be written to %1: %2</translation>
    </message>
    <message>
        <source>The server cannot be reached. Recalls work only with a connection: try again when it is back.</source>
        <translation>The server cannot be reached. Recalls work only with a connection: try again when it is back.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>Your session has ended. Log in again.</translation>
    </message>
    <message>
        <source>Your role cannot open or close recalls. Ask a manager.</source>
        <translation>Your role cannot open or close recalls. Ask a manager.</translation>
    </message>
    <message>
        <source>No lot %1 is registered. Check the label.</source>
        <translation>No lot %1 is registered. Check the label.</translation>
    </message>
    <message>
        <source>This recall is not on the server. The list is reloaded.</source>
        <translation>This recall is not on the server. The list is reloaded.</translation>
    </message>
    <message>
        <source>Lot %1 is already in an open recall: %2</source>
        <translation>Lot %1 is already in an open recall: %2</translation>
    </message>
    <message>
        <source>This recall is closed already.</source>
        <translation>This recall is closed already.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>The server refused the change: %1</translation>
    </message>
    <message>
        <source>The server refused it; the reasons are under the fields.</source>
        <translation>The server refused it; the reasons are under the fields.</translation>
    </message>
    <message>
        <source>The server could not do it. Try again; if it keeps failing, tell IT.</source>
        <translation>The server could not do it. Try again; if it keeps failing, tell IT.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::RecallModel</name>
    <message>
        <source>No decision</source>
        <translation>No decision</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Latest QC</source>
        <translation>Latest QC</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
</context>
<context>
    <name>flowviz::app::RecallReport</name>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>The file %1 could not be written: %2</translation>
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
        <translation>Pending</translation>
    </message>
    <message>
        <source>Registered here; not yet on the server.</source>
        <translation>Registered here; not yet on the server.</translation>
    </message>
    <message>
        <source>A QC decision made here has not reached the server yet.</source>
        <translation>A QC decision made here has not reached the server yet.</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>flowviz::app::ServerLotsModel</name>
    <message>
        <source>Lot code</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Production run</source>
        <translation>Production run</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network and try again.</source>
        <translation>The server cannot be reached. Check the network and try again.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Ask IT to check the CA file in the settings.</source>
        <translation>The server&apos;s certificate is not trusted. Ask IT to check the CA file in the settings.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>Your session has ended. Log in again.</translation>
    </message>
    <message>
        <source>You are not allowed to see this. Ask a supervisor.</source>
        <translation>You are not allowed to see this. Ask a supervisor.</translation>
    </message>
    <message>
        <source>No such lot is registered. Check the code and scan again.</source>
        <translation>No such lot is registered. Check the code and scan again.</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Too many requests. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>The search was refused: %1</source>
        <translation>The search was refused: %1</translation>
    </message>
    <message>
        <source>The server could not answer. Try again; if it keeps failing, tell IT.</source>
        <translation>The server could not answer. Try again; if it keeps failing, tell IT.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::Session</name>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>This account is disabled. Ask an administrator.</translation>
    </message>
    <message>
        <source>The user name or password is wrong. Check them and try again.</source>
        <translation>The user name or password is wrong. Check them and try again.</translation>
    </message>
    <message>
        <source>Too many login attempts. Wait a minute and try again.</source>
        <translation>Too many login attempts. Wait a minute and try again.</translation>
    </message>
    <message>
        <source>Enter a user name and a password.</source>
        <translation>Enter a user name and a password.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network and try again.</source>
        <translation>The server cannot be reached. Check the network and try again.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Ask IT to check the console&apos;s certificate settings.</source>
        <translation>The server&apos;s certificate is not trusted. Ask IT to check the console&apos;s certificate settings.</translation>
    </message>
    <message>
        <source>Login failed (%1). Try again; if it keeps failing, call IT.</source>
        <translation>Login failed (%1). Try again; if it keeps failing, call IT.</translation>
    </message>
    <message>
        <source>The server cannot be reached, and %1 has never logged in at this workstation, so the password cannot be checked here. Log in at a workstation you have used before, or wait until the server can be reached.</source>
        <translation>The server cannot be reached, and %1 has never logged in at this workstation, so the password cannot be checked here. Log in at a workstation you have used before, or wait until the server can be reached.</translation>
    </message>
    <message>
        <source>The server cannot be reached, and %1 last logged in at this workstation more than %2 days ago, too long ago to log in without the server. Wait until the server can be reached, or call IT.</source>
        <translation>The server cannot be reached, and %1 last logged in at this workstation more than %2 days ago, too long ago to log in without the server. Wait until the server can be reached, or call IT.</translation>
    </message>
    <message>
        <source>The password is wrong. The server cannot be reached, so it was checked against the password of %1&apos;s last login at this workstation. Check it and try again.</source>
        <translation>The password is wrong. The server cannot be reached, so it was checked against the password of %1&apos;s last login at this workstation. Check it and try again.</translation>
    </message>
    <message>
        <source>The server cannot be reached, and this workstation&apos;s record of %1&apos;s last login cannot be read, so nobody can check the password here. Wait until the server can be reached, or call IT.</source>
        <translation>The server cannot be reached, and this workstation&apos;s record of %1&apos;s last login cannot be read, so nobody can check the password here. Wait until the server can be reached, or call IT.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::SettingsController</name>
    <message>
        <source>The server address is not a valid URL. Enter it like https://flowviz.example:8443.</source>
        <translation>The server address is not a valid URL. Enter it like https://flowviz.example:8443.</translation>
    </message>
    <message>
        <source>The CA file cannot be used: %1</source>
        <translation>The CA file cannot be used: %1</translation>
    </message>
</context>
<context>
    <name>flowviz::app::ShipmentDesk</name>
    <message>
        <source>Enter the shipment&apos;s reference (the delivery note number).</source>
        <translation>Enter the shipment&apos;s reference (the delivery note number).</translation>
    </message>
    <message>
        <source>Choose the customer.</source>
        <translation>Choose the customer.</translation>
    </message>
    <message>
        <source>Enter the ship date.</source>
        <translation>Enter the ship date.</translation>
    </message>
    <message>
        <source>The carrier is too long: at most %1 characters.</source>
        <translation>The carrier is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>Choose an open shipment, or open a new one, before you scan labels.</source>
        <translation>Choose an open shipment, or open a new one, before you scan labels.</translation>
    </message>
    <message>
        <source>No lot %1 is registered. Check the label.</source>
        <translation>No lot %1 is registered. Check the label.</translation>
    </message>
    <message>
        <source>Lot %1 is %2, not finished goods: only FG lots ship.</source>
        <translation>Lot %1 is %2, not finished goods: only FG lots ship.</translation>
    </message>
    <message>
        <source>Lot %1 is %2: only a released lot ships. Ask QC.</source>
        <translation>Lot %1 is %2: only a released lot ships. Ask QC.</translation>
    </message>
    <message>
        <source>Scan the label of the lot to put on the shipment first.</source>
        <translation>Scan the label of the lot to put on the shipment first.</translation>
    </message>
    <message>
        <source>Enter the kilograms as a number, e.g. %1.</source>
        <translation>Enter the kilograms as a number, e.g. %1.</translation>
    </message>
    <message>
        <source>Enter how many kg of the lot go on the shipment (more than 0).</source>
        <translation>Enter how many kg of the lot go on the shipment (more than 0).</translation>
    </message>
    <message>
        <source>The server cannot be reached. Dispatch works only with a connection: try again when it is back.</source>
        <translation>The server cannot be reached. Dispatch works only with a connection: try again when it is back.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>Your session has ended. Log in again.</translation>
    </message>
    <message>
        <source>Your role cannot dispatch goods. Ask your supervisor.</source>
        <translation>Your role cannot dispatch goods. Ask your supervisor.</translation>
    </message>
    <message>
        <source>This shipment is not on the server any more. The list is reloaded.</source>
        <translation>This shipment is not on the server any more. The list is reloaded.</translation>
    </message>
    <message>
        <source>Lot %1 is not released: it cannot ship. Ask QC.</source>
        <translation>Lot %1 is not released: it cannot ship. Ask QC.</translation>
    </message>
    <message>
        <source>The CCP records of lot %1 have not been reviewed since its last CCP check. A supervisor must review and sign them before it ships.</source>
        <translation>The CCP records of lot %1 have not been reviewed since its last CCP check. A supervisor must review and sign them before it ships.</translation>
    </message>
    <message>
        <source>Not that much of lot %1 is left: these kilograms and what is already on shipments would exceed its weight. Check the kilograms.</source>
        <translation>Not that much of lot %1 is left: these kilograms and what is already on shipments would exceed its weight. Check the kilograms.</translation>
    </message>
    <message>
        <source>Lot %1 is already on this shipment. To change its kilograms, remove the line and scan the label again.</source>
        <translation>Lot %1 is already on this shipment. To change its kilograms, remove the line and scan the label again.</translation>
    </message>
    <message>
        <source>Lot %1 has no weight recorded, so its kilograms cannot be checked. Ask your supervisor.</source>
        <translation>Lot %1 has no weight recorded, so its kilograms cannot be checked. Ask your supervisor.</translation>
    </message>
    <message>
        <source>This shipment is no longer open. The list is reloaded.</source>
        <translation>This shipment is no longer open. The list is reloaded.</translation>
    </message>
    <message>
        <source>The shipment has no lines: scan the labels of what goes on it first.</source>
        <translation>The shipment has no lines: scan the labels of what goes on it first.</translation>
    </message>
    <message>
        <source>A shipment with this reference already exists. Choose it from the list.</source>
        <translation>A shipment with this reference already exists. Choose it from the list.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>The server refused the change: %1</translation>
    </message>
    <message>
        <source>Lot %1 is not finished goods: only FG lots ship.</source>
        <translation>Lot %1 is not finished goods: only FG lots ship.</translation>
    </message>
    <message>
        <source>This customer no longer takes shipments.</source>
        <translation>This customer no longer takes shipments.</translation>
    </message>
    <message>
        <source>The server refused it; the reasons are under the fields.</source>
        <translation>The server refused it; the reasons are under the fields.</translation>
    </message>
    <message>
        <source>The server could not save it. Try again; if it keeps failing, tell IT.</source>
        <translation>The server could not save it. Try again; if it keeps failing, tell IT.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::StatsClient</name>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>Your role cannot see the supervisor figures. Ask an administrator for a manager, auditor or viewer account.</source>
        <translation>Your role cannot see the supervisor figures. Ask an administrator for a manager, auditor or viewer account.</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 days ago</translation>
    </message>
</context>
<context>
    <name>flowviz::app::SupplierDirectory</name>
    <message>
        <source>Enter the supplier&apos;s name.</source>
        <translation>Enter the supplier&apos;s name.</translation>
    </message>
    <message>
        <source>The name is too long: at most %1 characters.</source>
        <translation>The name is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>The address is too long: at most %1 characters.</source>
        <translation>The address is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>The contact is too long: at most %1 characters.</source>
        <translation>The contact is too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>The server cannot be reached, and suppliers are kept only there. Try again when the connection is back.</source>
        <translation>The server cannot be reached, and suppliers are kept only there. Try again when the connection is back.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>Your session has ended. Log in again.</translation>
    </message>
    <message>
        <source>Only a manager or an administrator can change suppliers.</source>
        <translation>Only a manager or an administrator can change suppliers.</translation>
    </message>
    <message>
        <source>A supplier with this code already exists. Choose it from the list, or use another code.</source>
        <translation>A supplier with this code already exists. Choose it from the list, or use another code.</translation>
    </message>
    <message>
        <source>This supplier is not on the server any more. The list is reloaded.</source>
        <translation>This supplier is not on the server any more. The list is reloaded.</translation>
    </message>
    <message>
        <source>The server refused the supplier; the reasons are under the fields.</source>
        <translation>The server refused the supplier; the reasons are under the fields.</translation>
    </message>
    <message>
        <source>The server could not save the supplier. Try again; if it keeps failing, tell IT.</source>
        <translation>The server could not save the supplier. Try again; if it keeps failing, tell IT.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::SyncEngine</name>
    <message>
        <source>The server refused this item (HTTP %1).</source>
        <translation>The server refused this item (HTTP %1).</translation>
    </message>
    <message>
        <source>Waiting for a new login; the session has ended.</source>
        <translation>Waiting for a new login; the session has ended.</translation>
    </message>
    <message>
        <source>The server answered %1 results for %2 items; they will be sent again.</source>
        <translation>The server answered %1 results for %2 items; they will be sent again.</translation>
    </message>
    <message>
        <source>The server&apos;s answer did not match this item; it will be sent again.</source>
        <translation>The server&apos;s answer did not match this item; it will be sent again.</translation>
    </message>
    <message>
        <source>Waits for lot %1, which has not reached the server yet.</source>
        <translation>Waits for lot %1, which has not reached the server yet.</translation>
    </message>
</context>
<context>
    <name>flowviz::app::TraceTreeModel</name>
    <message>
        <source>Lot code</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Used (kg)</source>
        <translation>Used (kg)</translation>
    </message>
    <message>
        <source>Drawn (kg)</source>
        <translation>Drawn (kg)</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::ChartPanel</name>
    <message>
        <source>The picture could not be saved to %1. Choose a folder you can write to.</source>
        <translation>The picture could not be saved to %1. Choose a folder you can write to.</translation>
    </message>
    <message>
        <source>Save chart as picture</source>
        <translation>Save chart as picture</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG pictures (*.png)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <source>Save chart figures as CSV</source>
        <translation>Save chart figures as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save this chart as a picture</source>
        <translation>Save this chart as a picture</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save this chart&apos;s figures as a CSV file for a spreadsheet</source>
        <translation>Save this chart&apos;s figures as a CSV file for a spreadsheet</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::CorrectionDialog</name>
    <message>
        <source>Correct and send again</source>
        <translation>Correct and send again</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>The server said: %1</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a number. Type it like %3, without thousands separators.</source>
        <translation>%1 &quot;%2&quot; is not a number. Type it like %3, without thousands separators.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Lot code:</source>
        <translation>Lot code:</translation>
    </message>
    <message>
        <source>Lot type:</source>
        <translation>Lot type:</translation>
    </message>
    <message>
        <source>Weight (kg):</source>
        <translation>Weight (kg):</translation>
    </message>
    <message>
        <source>Temperature (°C):</source>
        <translation>Temperature (°C):</translation>
    </message>
    <message>
        <source>Production run:</source>
        <translation>Production run:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <source>QC gate:</source>
        <translation>QC gate:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Workstation:</source>
        <translation>Workstation:</translation>
    </message>
    <message>
        <source>Corrective action:</source>
        <translation>Corrective action:</translation>
    </message>
    <message>
        <source>This decision is signed electronically, so it cannot be changed here: the signature covers every field. If the server&apos;s message names a mistake, discard it and record the decision again on the QC decision page; it is signed again there.</source>
        <translation>This decision is signed electronically, so it cannot be changed here: the signature covers every field. If the server&apos;s message names a mistake, discard it and record the decision again on the QC decision page; it is signed again there.</translation>
    </message>
    <message>
        <source>Made from (parent lots)</source>
        <translation>Made from (parent lots)</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>kg taken</source>
        <translation>kg taken</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Removed: keep it</source>
        <translation>Removed: keep it</translation>
    </message>
    <message>
        <source>&quot;%1&quot; kg taken from lot %2 is not a number. Type it like %3, without thousands separators.</source>
        <translation>&quot;%1&quot; kg taken from lot %2 is not a number. Type it like %3, without thousands separators.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::DiscardDialog</name>
    <message>
        <source>Discard for good?</source>
        <translation>Discard for good?</translation>
    </message>
    <message>
        <source>%1 will never reach the server and cannot be sent again. A lot discarded here is not registered: do not use its label. This cannot be undone.</source>
        <translation>%1 will never reach the server and cannot be sent again. A lot discarded here is not registered: do not use its label. This cannot be undone.</translation>
    </message>
    <message>
        <source>&amp;Why is it discarded? (kept with the item)</source>
        <translation>&amp;Why is it discarded? (kept with the item)</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::DispatchPage</name>
    <message>
        <source>Lot %1 is on shipment %2.</source>
        <translation>Lot %1 is on shipment %2.</translation>
    </message>
    <message>
        <source>Lot %1 was taken off shipment %2.</source>
        <translation>Lot %1 was taken off shipment %2.</translation>
    </message>
    <message>
        <source>Shipment %1 was dispatched.</source>
        <translation>Shipment %1 was dispatched.</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>Open shipments</source>
        <translation>Open shipments</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>Ship date</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>Open a new shipment</source>
        <translation>Open a new shipment</translation>
    </message>
    <message>
        <source>Ship-to</source>
        <translation>Ship-to</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>Lot: scan the FG label or type its code</source>
        <translation>Lot: scan the FG label or type its code</translation>
    </message>
    <message>
        <source>delivery note number</source>
        <translation>delivery note number</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Open shipment</source>
        <translation>Open shipment</translation>
    </message>
    <message>
        <source>Put on shipment</source>
        <translation>Put on shipment</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Take the selected line off</source>
        <translation>Take the selected line off</translation>
    </message>
    <message>
        <source>Choose the customer</source>
        <translation>Choose the customer</translation>
    </message>
    <message>
        <source>The customer&apos;s address</source>
        <translation>The customer&apos;s address</translation>
    </message>
    <message>
        <source>No shipment chosen: choose one from the list, or open a new one.</source>
        <translation>No shipment chosen: choose one from the list, or open a new one.</translation>
    </message>
    <message>
        <source>Shipment %1 for %2, %3 — lines: %4, total: %5 kg</source>
        <translation>Shipment %1 for %2, %3 — lines: %4, total: %5 kg</translation>
    </message>
    <message>
        <source>Kilograms</source>
        <translation>Kilograms</translation>
    </message>
    <message>
        <source>Touch again to dispatch %1 — lines: %2, total: %3 kg</source>
        <translation>Touch again to dispatch %1 — lines: %2, total: %3 kg</translation>
    </message>
    <message>
        <source>Shipment %1 is open: scan the labels of what goes on it.</source>
        <translation>Shipment %1 is open: scan the labels of what goes on it.</translation>
    </message>
    <message>
        <source>Looking up lot %1…</source>
        <translation>Looking up lot %1…</translation>
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
<context>
    <name>flowviz::ui::LoginPage</name>
    <message>
        <source>Enter your user name or scan your badge.</source>
        <translation>Enter your user name or scan your badge.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Log in to FlowViz</source>
        <translation>Log in to FlowViz</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>Type it or scan your badge</source>
        <translation>Type it or scan your badge</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::LotDetailPage</name>
    <message>
        <source>← Back to the list</source>
        <translation>← Back to the list</translation>
    </message>
    <message>
        <source>Lot code:</source>
        <translation>Lot code:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Weight (kg):</source>
        <translation>Weight (kg):</translation>
    </message>
    <message>
        <source>Temperature (°C):</source>
        <translation>Temperature (°C):</translation>
    </message>
    <message>
        <source>Production run:</source>
        <translation>Production run:</translation>
    </message>
    <message>
        <source>Registered by:</source>
        <translation>Registered by:</translation>
    </message>
    <message>
        <source>Workstation:</source>
        <translation>Workstation:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Created:</translation>
    </message>
    <message>
        <source>QC history</source>
        <translation>QC history</translation>
    </message>
    <message>
        <source>Made from (parents)</source>
        <translation>Made from (parents)</translation>
    </message>
    <message>
        <source>Used in (children)</source>
        <translation>Used in (children)</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Temperature (°C)</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Quantity (kg)</source>
        <translation>Quantity (kg)</translation>
    </message>
    <message>
        <source>Loading lot %1…</source>
        <translation>Loading lot %1…</translation>
    </message>
    <message>
        <source>Lot %1 could not be shown. %2</source>
        <translation>Lot %1 could not be shown. %2</translation>
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
        <translation>lot %1</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>received %1</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>expires %1</translation>
    </message>
    <message>
        <source>%1 trade units</source>
        <translation>%1 trade units</translation>
    </message>
    <message>
        <source>delivery note %1</source>
        <translation>delivery note %1</translation>
    </message>
    <message>
        <source>GTIN %1</source>
        <translation>GTIN %1</translation>
    </message>
    <message>
        <source>Received from:</source>
        <translation>Received from:</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::LotsPage</name>
    <message>
        <source>Loading lots…</source>
        <translation>Loading lots…</translation>
    </message>
    <message>
        <source>Offline: showing the lots stored on this workstation. The list is complete again when the server is reachable.</source>
        <translation>Offline: showing the lots stored on this workstation. The list is complete again when the server is reachable.</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Search by lot code (start of the code) or scan a label</source>
        <translation>Search by lot code (start of the code) or scan a label</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Run:</translation>
    </message>
    <message>
        <source>Run code</source>
        <translation>Run code</translation>
    </message>
    <message>
        <source>Created between</source>
        <translation>Created between</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>Lots shown: %1. Scroll down for more.</source>
        <translation>Lots shown: %1. Scroll down for more.</translation>
    </message>
    <message>
        <source>Lots shown: %1 (all).</source>
        <translation>Lots shown: %1 (all).</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::MainWindow</name>
    <message>
        <source>Register lot</source>
        <translation>Register lot</translation>
    </message>
    <message>
        <source>QC decision</source>
        <translation>QC decision</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>Traceability</source>
        <translation>Traceability</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again to continue; nothing you saved is lost.</source>
        <translation>Your session has ended. Log in again to continue; nothing you saved is lost.</translation>
    </message>
    <message>
        <source>Scanned %1. Open Register lot or QC decision to use a scanned label.</source>
        <translation>Scanned %1. Open Register lot or QC decision to use a scanned label.</translation>
    </message>
    <message>
        <source>FlowViz console</source>
        <translation>FlowViz console</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Lock / switch operator</source>
        <translation>Lock / switch operator</translation>
    </message>
    <message>
        <source>Lock the console so that you or another operator can log in (Ctrl+L)</source>
        <translation>Lock the console so that you or another operator can log in (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>The server can be reached; your work is sent at once.</source>
        <translation>The server can be reached; your work is sent at once.</translation>
    </message>
    <message>
        <source>⟳ Syncing</source>
        <translation>⟳ Syncing</translation>
    </message>
    <message>
        <source>Your saved work is being sent to the server.</source>
        <translation>Your saved work is being sent to the server.</translation>
    </message>
    <message>
        <source>✕ Offline</source>
        <translation>✕ Offline</translation>
    </message>
    <message>
        <source>The server cannot be reached. Keep working: everything is saved here and sent when the connection returns.</source>
        <translation>The server cannot be reached. Keep working: everything is saved here and sent when the connection returns.</translation>
    </message>
    <message>
        <source>Pending: %1</source>
        <translation>Pending: %1</translation>
    </message>
    <message>
        <source>Saved here, not yet on the server</source>
        <translation>Saved here, not yet on the server</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Needs attention: %1</translation>
    </message>
    <message>
        <source>Items the server refused; open the Sync page to correct them</source>
        <translation>Items the server refused; open the Sync page to correct them</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Operator: %1</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>Nobody logged in</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>The server can be reached again. Enter your password so that the work saved here can be sent; nothing you saved is lost.</source>
        <translation>The server can be reached again. Enter your password so that the work saved here can be sent; nothing you saved is lost.</translation>
    </message>
    <message>
        <source>Only a manager or an administrator can change the settings of this workstation. Ask your supervisor.</source>
        <translation>Only a manager or an administrator can change the settings of this workstation. Ask your supervisor.</translation>
    </message>
    <message>
        <source>This page is not available with your role. Ask your supervisor.</source>
        <translation>This page is not available with your role. Ask your supervisor.</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>Suppliers</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Recalls</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::QcDecisionPage</name>
    <message>
        <source>QC decision</source>
        <translation>QC decision</translation>
    </message>
    <message>
        <source>Scan the label of the lot you are checking.</source>
        <translation>Scan the label of the lot you are checking.</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>QC gate</source>
        <translation>QC gate</translation>
    </message>
    <message>
        <source>Measured temperature (°C) — required at critical control points</source>
        <translation>Measured temperature (°C) — required at critical control points</translation>
    </message>
    <message>
        <source>Notes — required for HOLD and FAIL (at least %1 characters)</source>
        <translation>Notes — required for HOLD and FAIL (at least %1 characters)</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>not checked</translation>
    </message>
    <message>
        <source>Signed: %1</source>
        <translation>Signed: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · run %3</source>
        <translation>%1 · %2 · run %3</translation>
    </message>
    <message>
        <source>weight unknown</source>
        <translation>weight unknown</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Made from: not known here (the server cannot be reached).</source>
        <translation>Made from: not known here (the server cannot be reached).</translation>
    </message>
    <message>
        <source>Made from: no parent lots (raw material).</source>
        <translation>Made from: no parent lots (raw material).</translation>
    </message>
    <message>
        <source>Made from: %1</source>
        <translation>Made from: %1</translation>
    </message>
    <message>
        <source>%1 recorded for lot %2 at gate %3. It will be sent to the server automatically.</source>
        <translation>%1 recorded for lot %2 at gate %3. It will be sent to the server automatically.</translation>
    </message>
    <message>
        <source>Corrective action — required for HOLD and FAIL at this critical control point: what was done with the product and the process (at least %1 characters)</source>
        <translation>Corrective action — required for HOLD and FAIL at this critical control point: what was done with the product and the process (at least %1 characters)</translation>
    </message>
    <message>
        <source>Sign and record %1</source>
        <translation>Sign and record %1</translation>
    </message>
    <message>
        <source>Critical limit for this lot at this gate: %1</source>
        <translation>Critical limit for this lot at this gate: %1</translation>
    </message>
    <message>
        <source>✖ Lot %1 changed on this workstation. Scan its label again.</source>
        <translation>✖ Lot %1 changed on this workstation. Scan its label again.</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <source>Looking up lot %1…</source>
        <translation>Looking up lot %1…</translation>
    </message>
    <message>
        <source>✖ &quot;%1&quot; is not a lot code. Scan the label of the lot.</source>
        <translation>✖ &quot;%1&quot; is not a lot code. Scan the label of the lot.</translation>
    </message>
    <message>
        <source>✖ Lot %1 is not registered. Check the label.</source>
        <translation>✖ Lot %1 is not registered. Check the label.</translation>
    </message>
    <message>
        <source>✖ Lot %1 is not known on this workstation and the server cannot be reached to check it. Try again when the connection is back.</source>
        <translation>✖ Lot %1 is not known on this workstation and the server cannot be reached to check it. Try again when the connection is back.</translation>
    </message>
    <message>
        <source>Status as last known on this workstation: the server could not be asked.</source>
        <translation>Status as last known on this workstation: the server could not be asked.</translation>
    </message>
    <message>
        <source>%1 recorded for lot %2 at gate %3 and on the server.</source>
        <translation>%1 recorded for lot %2 at gate %3 and on the server.</translation>
    </message>
    <message>
        <source>✖ The server refused the %1 for lot %2 at gate %3: %4 It is not recorded. See the Sync page.</source>
        <translation>✖ The server refused the %1 for lot %2 at gate %3: %4 It is not recorded. See the Sync page.</translation>
    </message>
    <message>
        <source>✖ The %1 for lot %2 at gate %3 was discarded: it is not recorded.</source>
        <translation>✖ The %1 for lot %2 at gate %3 was discarded: it is not recorded.</translation>
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
        <translation>Show or hide this line</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::RecallPdfWriter</name>
    <message>
        <source>Recall report</source>
        <translation>Recall report</translation>
    </message>
    <message>
        <source>Suspect lot:</source>
        <translation>Suspect lot:</translation>
    </message>
    <message>
        <source>Generated:</source>
        <translation>Generated:</translation>
    </message>
    <message>
        <source>Generated by:</source>
        <translation>Generated by:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Downstream lots:</source>
        <translation>Downstream lots:</translation>
    </message>
    <message>
        <source>Warning: the genealogy is larger than the server returns at once; this list is incomplete. Ask IT to raise the trace limit.</source>
        <translation>Warning: the genealogy is larger than the server returns at once; this list is incomplete. Ask IT to raise the trace limit.</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Latest QC</source>
        <translation>Latest QC</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Decided at (UTC)</source>
        <translation>Decided at (UTC)</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>No decision</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2</source>
        <translation>The file %1 could not be written: %2</translation>
    </message>
    <message>
        <source>Recall report %1</source>
        <translation>Recall report %1</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::RecallRecordPdf</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Trace test (drill) %1</source>
        <translation>Trace test (drill) %1</translation>
    </message>
    <message>
        <source>Recall %1</source>
        <translation>Recall %1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>Recalled lot</source>
        <translation>Recalled lot</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Time to trace</source>
        <translation>Time to trace</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Lots in the set</source>
        <translation>Lots in the set</translation>
    </message>
    <message>
        <source>Put on HOLD by this recall</source>
        <translation>Put on HOLD by this recall</translation>
    </message>
    <message>
        <source>Customers to contact</source>
        <translation>Customers to contact</translation>
    </message>
    <message>
        <source>Dispatched to customers</source>
        <translation>Dispatched to customers</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation>Closing note</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>A drill puts nothing on HOLD: it shows what a recall of this lot would reach.</source>
        <translation>A drill puts nothing on HOLD: it shows what a recall of this lot would reach.</translation>
    </message>
    <message>
        <source>None: nothing of the set was shipped.</source>
        <translation>None: nothing of the set was shipped.</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Shipments</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>Left the plant</source>
        <translation>Left the plant</translation>
    </message>
    <message>
        <source>Shipment lines</source>
        <translation>Shipment lines</translation>
    </message>
    <message>
        <source>dispatched</source>
        <translation>dispatched</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Shipment</source>
        <translation>Shipment</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>Ship date</translation>
    </message>
    <message>
        <source>Status then</source>
        <translation>Status then</translation>
    </message>
    <message>
        <source>Ship-to</source>
        <translation>Ship-to</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>Status now</translation>
    </message>
    <message>
        <source>Put on HOLD</source>
        <translation>Put on HOLD</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Dispatched (kg)</source>
        <translation>Dispatched (kg)</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::RecallsPage</name>
    <message>
        <source>Recall %1 is closed.</source>
        <translation>Recall %1 is closed.</translation>
    </message>
    <message>
        <source>The workbook was saved to %1.</source>
        <translation>The workbook was saved to %1.</translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Recalls</translation>
    </message>
    <message>
        <source>Recalls and drills, newest first</source>
        <translation>Recalls and drills, newest first</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Recall a lot</source>
        <translation>Recall a lot</translation>
    </message>
    <message>
        <source>Lot: scan its label or type its code</source>
        <translation>Lot: scan its label or type its code</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Closing note: what was done, and why the recall can close</source>
        <translation>Closing note: what was done, and why the recall can close</translation>
    </message>
    <message>
        <source>e.g. supplier reported Listeria in its lot</source>
        <translation>e.g. supplier reported Listeria in its lot</translation>
    </message>
    <message>
        <source>Drill (trace test): nothing is put on HOLD</source>
        <translation>Drill (trace test): nothing is put on HOLD</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <source>Left the plant</source>
        <translation>Left the plant</translation>
    </message>
    <message>
        <source>Save PDF report…</source>
        <translation>Save PDF report…</translation>
    </message>
    <message>
        <source>Save workbook (XLSX)…</source>
        <translation>Save workbook (XLSX)…</translation>
    </message>
    <message>
        <source>drill</source>
        <translation>drill</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>recall</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>No recall chosen: choose one from the list, or recall a lot.</source>
        <translation>No recall chosen: choose one from the list, or recall a lot.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Closed by %1: %2</source>
        <translation>Closed by %1: %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Touch again to close %1</source>
        <translation>Touch again to close %1</translation>
    </message>
    <message>
        <source>Run drill</source>
        <translation>Run drill</translation>
    </message>
    <message>
        <source>Recall lot</source>
        <translation>Recall lot</translation>
    </message>
    <message>
        <source>Close recall</source>
        <translation>Close recall</translation>
    </message>
    <message>
        <source>Save the recall&apos;s PDF report</source>
        <translation>Save the recall&apos;s PDF report</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Save the recall&apos;s workbook</source>
        <translation>Save the recall&apos;s workbook</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>The PDF report was saved to %1.</source>
        <translation>The PDF report was saved to %1.</translation>
    </message>
    <message>
        <source>Drill %1 is recorded. Customers it reached: %2. Nothing was put on HOLD.</source>
        <translation>Drill %1 is recorded. Customers it reached: %2. Nothing was put on HOLD.</translation>
    </message>
    <message>
        <source>Recall %1 is open. Lots put on HOLD: %2. Customers to contact: %3.</source>
        <translation>Recall %1 is open. Lots put on HOLD: %2. Customers to contact: %3.</translation>
    </message>
    <message>
        <source>Drill %1 of lot %2 (%3), opened %4 by %5</source>
        <translation>Drill %1 of lot %2 (%3), opened %4 by %5</translation>
    </message>
    <message>
        <source>Recall %1 of lot %2 (%3), opened %4 by %5</source>
        <translation>Recall %1 of lot %2 (%3), opened %4 by %5</translation>
    </message>
    <message>
        <source>Lots in the set: %1, put on HOLD: %2. Customers: %3, dispatched to them: %4 kg. Traced in %5 ms.</source>
        <translation>Lots in the set: %1, put on HOLD: %2. Customers: %3, dispatched to them: %4 kg. Traced in %5 ms.</translation>
    </message>
    <message>
        <source>Touch again to confirm</source>
        <translation>Touch again to confirm</translation>
    </message>
    <message>
        <source>Touch again within 10 seconds to run the drill for lot %1. Nothing is put on HOLD.</source>
        <translation>Touch again within 10 seconds to run the drill for lot %1. Nothing is put on HOLD.</translation>
    </message>
    <message>
        <source>Touch again within 10 seconds to recall lot %1: every affected lot still in the plant goes on HOLD.</source>
        <translation>Touch again within 10 seconds to recall lot %1: every affected lot still in the plant goes on HOLD.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::RegisterLotPage</name>
    <message>
        <source>Register lot</source>
        <translation>Register lot</translation>
    </message>
    <message>
        <source>Lot type</source>
        <translation>Lot type</translation>
    </message>
    <message>
        <source>Lot code</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Temperature (°C)</translation>
    </message>
    <message>
        <source>Production run</source>
        <translation>Production run</translation>
    </message>
    <message>
        <source>Generated when you save; type it only to use a pre-printed label</source>
        <translation>Generated when you save; type it only to use a pre-printed label</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <source>No production run</source>
        <translation>No production run</translation>
    </message>
    <message>
        <source>Parent lots</source>
        <translation>Parent lots</translation>
    </message>
    <message>
        <source>Scan the label of each lot you take material from, then enter how many kg you used.</source>
        <translation>Scan the label of each lot you take material from, then enter how many kg you used.</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Quantity used (kg)</source>
        <translation>Quantity used (kg)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Save lot (Ctrl+S)</source>
        <translation>Save lot (Ctrl+S)</translation>
    </message>
    <message>
        <source>Print label…</source>
        <translation>Print label…</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>max %1</translation>
    </message>
    <message>
        <source>Lot %1 is saved and on the server.</source>
        <translation>Lot %1 is saved and on the server.</translation>
    </message>
    <message>
        <source>Lot %1 is saved on this workstation and will be sent to the server automatically.</source>
        <translation>Lot %1 is saved on this workstation and will be sent to the server automatically.</translation>
    </message>
    <message>
        <source>Label of lot %1</source>
        <translation>Label of lot %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>✖ Lot %1 was discarded: it is not registered. Do not use its label.</source>
        <translation>✖ Lot %1 was discarded: it is not registered. Do not use its label.</translation>
    </message>
    <message>
        <source>✖ The server refused lot %1: %2 It is not registered. Correct it on the Sync page.</source>
        <translation>✖ The server refused lot %1: %2 It is not registered. Correct it on the Sync page.</translation>
    </message>
    <message>
        <source>Received from a supplier</source>
        <translation>Received from a supplier</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Supplier&apos;s lot</source>
        <translation>Supplier&apos;s lot</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Delivery note</source>
        <translation>Delivery note</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <source>Trade units</source>
        <translation>Trade units</translation>
    </message>
    <message>
        <source>Choose the supplier</source>
        <translation>Choose the supplier</translation>
    </message>
    <message>
        <source>Scan the supplier&apos;s label</source>
        <translation>Scan the supplier&apos;s label</translation>
    </message>
    <message>
        <source>14 digits, from the label</source>
        <translation>14 digits, from the label</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>The label&apos;s expiry date (%1) is not a real day, so nothing was taken from it. Type the receipt from the label and tell the supplier.</source>
        <translation>The label&apos;s expiry date (%1) is not a real day, so nothing was taken from it. Type the receipt from the label and tell the supplier.</translation>
    </message>
    <message>
        <source>✔ Filled in from the label at %1: check it against the delivery.</source>
        <translation>✔ Filled in from the label at %1: check it against the delivery.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::SettingsPage</name>
    <message>
        <source>Saved. The new settings are in use.</source>
        <translation>Saved. The new settings are in use.</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA certificates</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>PEM files (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Workstation settings</source>
        <translation>Workstation settings</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>CA file (https):</source>
        <translation>CA file (https):</translation>
    </message>
    <message>
        <source>Site id:</source>
        <translation>Site id:</translation>
    </message>
    <message>
        <source>Workstation id:</source>
        <translation>Workstation id:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Label printer:</source>
        <translation>Label printer:</translation>
    </message>
    <message>
        <source>Label size:</source>
        <translation>Label size:</translation>
    </message>
    <message>
        <source>Scanner prefix:</source>
        <translation>Scanner prefix:</translation>
    </message>
    <message>
        <source>Scanner suffix:</source>
        <translation>Scanner suffix:</translation>
    </message>
    <message>
        <source>Lock after idle minutes:</source>
        <translation>Lock after idle minutes:</translation>
    </message>
    <message>
        <source>e.g. https://flowviz.plant.local:8443</source>
        <translation>e.g. https://flowviz.plant.local:8443</translation>
    </message>
    <message>
        <source>Empty: the system&apos;s certificates</source>
        <translation>Empty: the system&apos;s certificates</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>2 to 8 letters or digits, e.g. DUNA</source>
        <translation>2 to 8 letters or digits, e.g. DUNA</translation>
    </message>
    <message>
        <source>2 letters or digits, e.g. 01</source>
        <translation>2 letters or digits, e.g. 01</translation>
    </message>
    <message>
        <source>Ask each time (or PDF)</source>
        <translation>Ask each time (or PDF)</translation>
    </message>
    <message>
        <source>Characters the scanner sends first (usually none)</source>
        <translation>Characters the scanner sends first (usually none)</translation>
    </message>
    <message>
        <source>Characters the scanner sends last (usually none)</source>
        <translation>Characters the scanner sends last (usually none)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Save and apply</source>
        <translation>Save and apply</translation>
    </message>
    <message>
        <source>Saved. The new site and workstation id are used for lot codes after the console is restarted; everything else is in use now.</source>
        <translation>Saved. The new site and workstation id are used for lot codes after the console is restarted; everything else is in use now.</translation>
    </message>
    <message>
        <source>Shift start times:</source>
        <translation>Shift start times:</translation>
    </message>
    <message>
        <source>e.g. 06:00, 14:00, 22:00</source>
        <translation>e.g. 06:00, 14:00, 22:00</translation>
    </message>
    <message>
        <source>One to four shifts, in order through the day; the last shift runs on past midnight. The Supervisor page&apos;s “This shift” uses them.</source>
        <translation>One to four shifts, in order through the day; the last shift runs on past midnight. The Supervisor page&apos;s “This shift” uses them.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::SignatureDialog</name>
    <message>
        <source>Electronic signature</source>
        <translation>Electronic signature</translation>
    </message>
    <message>
        <source>You are signing as %1. Your signature means:</source>
        <translation>You are signing as %1. Your signature means:</translation>
    </message>
    <message>
        <source>Enter your password to sign:</source>
        <translation>Enter your password to sign:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Signing… this takes a moment.</source>
        <translation>Signing… this takes a moment.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::StatusBadge</name>
    <message>
        <source>%1 — waiting to sync</source>
        <translation>%1 — waiting to sync</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::SupervisorCharts</name>
    <message>
        <source>Lots per day by type</source>
        <translation>Lots per day by type</translation>
    </message>
    <message>
        <source>Lots per hour by type</source>
        <translation>Lots per hour by type</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>Kilograms per day</source>
        <translation>Kilograms per day</translation>
    </message>
    <message>
        <source>Kilograms</source>
        <translation>Kilograms</translation>
    </message>
    <message>
        <source>QC outcomes per gate</source>
        <translation>QC outcomes per gate</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>First-pass yield</source>
        <translation>First-pass yield</translation>
    </message>
    <message>
        <source>All gates</source>
        <translation>All gates</translation>
    </message>
    <message>
        <source>Open holds by age</source>
        <translation>Open holds by age</translation>
    </message>
    <message>
        <source>Time on hold</source>
        <translation>Time on hold</translation>
    </message>
    <message>
        <source>Lots on HOLD or in QUARANTINE</source>
        <translation>Lots on HOLD or in QUARANTINE</translation>
    </message>
    <message>
        <source>Pending sync per workstation</source>
        <translation>Pending sync per workstation</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <source>Items waiting to sync</source>
        <translation>Items waiting to sync</translation>
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
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>This shift</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Custom days…</source>
        <translation>Custom days…</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>⟳ Refresh now</source>
        <translation>⟳ Refresh now</translation>
    </message>
    <message>
        <source>The figures refresh by themselves every 30 seconds</source>
        <translation>The figures refresh by themselves every 30 seconds</translation>
    </message>
    <message>
        <source>Lots today</source>
        <translation>Lots today</translation>
    </message>
    <message>
        <source>Kilograms today</source>
        <translation>Kilograms today</translation>
    </message>
    <message>
        <source>First-pass yield today</source>
        <translation>First-pass yield today</translation>
    </message>
    <message>
        <source>Open holds</source>
        <translation>Open holds</translation>
    </message>
    <message>
        <source>Workstations offline</source>
        <translation>Workstations offline</translation>
    </message>
    <message>
        <source>No lots were registered in this range.</source>
        <translation>No lots were registered in this range.</translation>
    </message>
    <message>
        <source>No QC decisions were recorded in this range.</source>
        <translation>No QC decisions were recorded in this range.</translation>
    </message>
    <message>
        <source>No lot was decided at a gate in this range.</source>
        <translation>No lot was decided at a gate in this range.</translation>
    </message>
    <message>
        <source>✓ No lot is on HOLD or in QUARANTINE.</source>
        <translation>✓ No lot is on HOLD or in QUARANTINE.</translation>
    </message>
    <message>
        <source>No workstation has reported to the server yet.</source>
        <translation>No workstation has reported to the server yet.</translation>
    </message>
    <message>
        <source>registered since midnight</source>
        <translation>registered since midnight</translation>
    </message>
    <message>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>%1 of %2 lots passed their first decision</source>
        <translation>%1 of %2 lots passed their first decision</translation>
    </message>
    <message>
        <source>no lot decided today</source>
        <translation>no lot decided today</translation>
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
        <translation>oldest for %1</translation>
    </message>
    <message>
        <source>no lot waiting for QC</source>
        <translation>no lot waiting for QC</translation>
    </message>
    <message>
        <source>✕ %1 of %2</source>
        <translation>✕ %1 of %2</translation>
    </message>
    <message>
        <source>✓ 0 of %1</source>
        <translation>✓ 0 of %1</translation>
    </message>
    <message>
        <source>all reporting</source>
        <translation>all reporting</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>✕ Offline: the server cannot be reached and no figures are stored here yet. They appear when the connection returns.</source>
        <translation>✕ Offline: the server cannot be reached and no figures are stored here yet. They appear when the connection returns.</translation>
    </message>
    <message>
        <source>✕ Offline: data from %1 (%2), not live. The figures update when the server can be reached again.</source>
        <translation>✕ Offline: data from %1 (%2), not live. The figures update when the server can be reached again.</translation>
    </message>
    <message>
        <source>Shown: data from %1.</source>
        <translation>Shown: data from %1.</translation>
    </message>
    <message>
        <source>⟳ Loading the figures…</source>
        <translation>⟳ Loading the figures…</translation>
    </message>
    <message>
        <source>No figures yet. Choose Refresh now.</source>
        <translation>No figures yet. Choose Refresh now.</translation>
    </message>
    <message>
        <source>● Live: updated %1 (%2); refreshes every 30 s.</source>
        <translation>● Live: updated %1 (%2); refreshes every 30 s.</translation>
    </message>
    <message>
        <source>Range: %1.</source>
        <translation>Range: %1.</translation>
    </message>
    <message>
        <source>The range you chose is shown once the server answers.</source>
        <translation>The range you chose is shown once the server answers.</translation>
    </message>
    <message>
        <source>Lots: %1</source>
        <translation>Lots: %1</translation>
    </message>
    <message>
        <source>Decisions: %1 (the first %2 are listed)</source>
        <translation>Decisions: %1 (the first %2 are listed)</translation>
    </message>
    <message>
        <source>Decisions: %1</source>
        <translation>Decisions: %1</translation>
    </message>
    <message>
        <source>Lots registered in %1</source>
        <translation>Lots registered in %1</translation>
    </message>
    <message>
        <source>%1 lots registered in %2</source>
        <translation>%1 lots registered in %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>%1 decisions at gate %2</source>
        <translation>%1 decisions at gate %2</translation>
    </message>
    <message>
        <source>Lots on hold for %1</source>
        <translation>Lots on hold for %1</translation>
    </message>
    <message>
        <source>no heartbeat for %1 min</source>
        <translation>no heartbeat for %1 min</translation>
    </message>
    <message>
        <source>Shifts run %1 plant time (set on the Settings page). Up to two days are shown by the hour, longer ranges by the day; kilograms always by the day.</source>
        <translation>Shifts run %1 plant time (set on the Settings page). Up to two days are shown by the hour, longer ranges by the day; kilograms always by the day.</translation>
    </message>
    <message>
        <source>No lots were registered on these days.</source>
        <translation>No lots were registered on these days.</translation>
    </message>
    <message>
        <source>The kilograms per day are shown once the server answers.</source>
        <translation>The kilograms per day are shown once the server answers.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::SuppliersPage</name>
    <message>
        <source>Suppliers</source>
        <translation>Suppliers</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Receipts allowed</source>
        <translation>Receipts allowed</translation>
    </message>
    <message>
        <source>Add a supplier</source>
        <translation>Add a supplier</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>A-Z, 0-9, - _ . /</source>
        <translation>A-Z, 0-9, - _ . /</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Add supplier</source>
        <translation>Add supplier</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no — stopped</source>
        <translation>no — stopped</translation>
    </message>
    <message>
        <source>Stop receipts from the selected supplier</source>
        <translation>Stop receipts from the selected supplier</translation>
    </message>
    <message>
        <source>Stop receipts from %1</source>
        <translation>Stop receipts from %1</translation>
    </message>
    <message>
        <source>Allow receipts from %1 again</source>
        <translation>Allow receipts from %1 again</translation>
    </message>
    <message>
        <source>The supplier was not added; the reasons are under the fields.</source>
        <translation>The supplier was not added; the reasons are under the fields.</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::SyncPage</name>
    <message>
        <source>The item could not be queued again: %1</source>
        <translation>The item could not be queued again: %1</translation>
    </message>
    <message>
        <source>Select the item to discard in the list first.</source>
        <translation>Select the item to discard in the list first.</translation>
    </message>
    <message>
        <source>The item could not be discarded: %1</source>
        <translation>The item could not be discarded: %1</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1    Need your attention: %2</source>
        <translation>Waiting to be sent: %1    Need your attention: %2</translation>
    </message>
    <message>
        <source>Select an item to see what the server said about it.</source>
        <translation>Select an item to see what the server said about it.</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>(no message)</translation>
    </message>
    <message>
        <source>Not sent yet. Last attempt: %1</source>
        <translation>Not sent yet. Last attempt: %1</translation>
    </message>
    <message>
        <source>Waiting to be sent. Nothing to do.</source>
        <translation>Waiting to be sent. Nothing to do.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Sync with the server</source>
        <translation>Sync with the server</translation>
    </message>
    <message>
        <source>Only items that need attention</source>
        <translation>Only items that need attention</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Server&apos;s message:</source>
        <translation>Server&apos;s message:</translation>
    </message>
    <message>
        <source>Correct and send again…</source>
        <translation>Correct and send again…</translation>
    </message>
    <message>
        <source>Send again unchanged</source>
        <translation>Send again unchanged</translation>
    </message>
    <message>
        <source>Lot %1 (registered on this workstation)</source>
        <translation>Lot %1 (registered on this workstation)</translation>
    </message>
    <message>
        <source>The %1 decision for lot %2 at gate %3</source>
        <translation>The %1 decision for lot %2 at gate %3</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Discard…</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::TemperatureBadge</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRITICAL</translation>
    </message>
    <message>
        <source>No temperature profile for this lot type</source>
        <translation>No temperature profile for this lot type</translation>
    </message>
    <message>
        <source>No temperature yet</source>
        <translation>No temperature yet</translation>
    </message>
    <message>
        <source>expected %1 to %2 °C</source>
        <translation>expected %1 to %2 °C</translation>
    </message>
</context>
<context>
    <name>flowviz::ui::TracePage</name>
    <message>
        <source>Lot %1 traced. The genealogy is too large to show whole; the nearest lots are shown.</source>
        <translation>Lot %1 traced. The genealogy is too large to show whole; the nearest lots are shown.</translation>
    </message>
    <message>
        <source>Lot %1 traced across every level.</source>
        <translation>Lot %1 traced across every level.</translation>
    </message>
    <message>
        <source>Lot %1 could not be traced. %2</source>
        <translation>Lot %1 could not be traced. %2</translation>
    </message>
    <message>
        <source>The recall for %1 could not be built. %2</source>
        <translation>The recall for %1 could not be built. %2</translation>
    </message>
    <message>
        <source>Scan or type a lot code</source>
        <translation>Scan or type a lot code</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Recall…</source>
        <translation>Recall…</translation>
    </message>
    <message>
        <source>List every lot made from this lot, with its status and QC</source>
        <translation>List every lot made from this lot, with its status and QC</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Where it came from (backward)</source>
        <translation>Where it came from (backward)</translation>
    </message>
    <message>
        <source>Where it went (forward)</source>
        <translation>Where it went (forward)</translation>
    </message>
    <message>
        <source>Recall: every downstream lot</source>
        <translation>Recall: every downstream lot</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Asking the server…</translation>
    </message>
    <message>
        <source>Export recall as CSV</source>
        <translation>Export recall as CSV</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV spreadsheet (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>Export recall as PDF</source>
        <translation>Export recall as PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Recall for %1: downstream lots: %2.</source>
        <translation>Recall for %1: downstream lots: %2.</translation>
    </message>
</context>
</TS>
