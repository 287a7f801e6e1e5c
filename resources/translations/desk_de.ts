<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnnulDialog</name>
    <message>
        <source>Wrong person checked in</source>
        <translation>Falsche Person eingecheckt</translation>
    </message>
    <message>
        <source>Checked in twice by mistake</source>
        <translation>Versehentlich doppelt eingecheckt</translation>
    </message>
    <message>
        <source>Has left the event</source>
        <translation>Hat die Veranstaltung verlassen</translation>
    </message>
    <message>
        <source>Annul check-in</source>
        <translation>Check-in annullieren</translation>
    </message>
    <message>
        <source>Annul the check-in of &lt;b&gt;{who}&lt;/b&gt;?</source>
        <translation>Check-in von &lt;b&gt;{who}&lt;/b&gt; annullieren?</translation>
    </message>
    <message>
        <source>The check-in stays in the log, marked as annulled, on every desk.</source>
        <translation>Der Check-in bleibt im Protokoll, an jedem Empfang als annulliert gekennzeichnet.</translation>
    </message>
    <message>
        <source>&amp;Annul</source>
        <translation>&amp;Annullieren</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
</context>
<context>
    <name>CameraWindow</name>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Kamera:</translation>
    </message>
    <message>
        <source>This laptop has no camera that smartdialog can use. Connect a webcam (it is found at once), or check in with the hand scanner or by name.</source>
        <translation>Dieser Laptop hat keine Kamera, die smartdialog nutzen kann. Schließen Sie eine Webcam an (sie wird sofort erkannt), oder checken Sie mit dem Handscanner oder über den Namen ein.</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Keine Kamera</translation>
    </message>
    <message>
        <source>The camera was disconnected. Plug it in again and press Start, or go on with the hand scanner. Nothing scanned so far is lost.</source>
        <translation>Die Kamera wurde getrennt. Stecken Sie sie wieder ein und drücken Sie „Starten“, oder arbeiten Sie mit dem Handscanner weiter. Bisher Gescanntes bleibt erhalten.</translation>
    </message>
    <message>
        <source>Hold the ticket&apos;s code to the camera, about a hand&apos;s width away.</source>
        <translation>Halten Sie den Code des Tickets etwa eine Handbreit vor die Kamera.</translation>
    </message>
    <message>
        <source>The camera cannot be used right now. Perhaps another program (a video call, the camera app) is using it: close that program, then press Start again.</source>
        <translation>Die Kamera lässt sich gerade nicht verwenden. Vielleicht nutzt ein anderes Programm sie (eine Videokonferenz, die Kamera-App): Schließen Sie dieses Programm und drücken Sie dann erneut „Starten“.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
</context>
<context>
    <name>DeskOptions</name>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Badges on A6 sheets</source>
        <translation>Namensschilder auf A6-Blättern</translation>
    </message>
    <message>
        <source>Badges on 62 mm label roll</source>
        <translation>Namensschilder auf 62-mm-Etikettenrolle</translation>
    </message>
    <message>
        <source>Print badges without asking (default printer)</source>
        <translation>Namensschilder ohne Rückfrage drucken (Standarddrucker)</translation>
    </message>
    <message>
        <source>Print a badge at every check-in</source>
        <translation>Bei jedem Check-in ein Namensschild drucken</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Töne</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Play a test sound</source>
        <translation>Testton abspielen</translation>
    </message>
    <message>
        <source>Camera …</source>
        <translation>Kamera …</translation>
    </message>
</context>
<context>
    <name>DeskWorkspace</name>
    <message>
        <source>Scan a ticket or type a name …</source>
        <translation>Ticket scannen oder Namen eintippen …</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Anwesend</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>Spontan</translation>
    </message>
    <message>
        <source>Walk-in …</source>
        <translation>Spontan anmelden …</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Namensschild drucken</translation>
    </message>
    <message>
        <source>Annul check-in …</source>
        <translation>Check-in annullieren …</translation>
    </message>
    <message>
        <source>Import registrations …</source>
        <translation>Anmeldungen importieren …</translation>
    </message>
    <message>
        <source>Tickets as PDF …</source>
        <translation>Tickets als PDF …</translation>
    </message>
    <message>
        <source>Latest check-ins (all desks)</source>
        <translation>Letzte Check-ins (alle Empfänge)</translation>
    </message>
    <message>
        <source>Scan or name</source>
        <translation>Scannen oder Name</translation>
    </message>
    <message>
        <source>Ready – {desk}</source>
        <translation>Bereit – {desk}</translation>
    </message>
    <message>
        <source>Scan a ticket or type a name.</source>
        <translation>Ticket scannen oder Namen eintippen.</translation>
    </message>
    <message>
        <source>No event open</source>
        <translation>Keine Veranstaltung geöffnet</translation>
    </message>
    <message>
        <source>Open an event to check people in.</source>
        <translation>Öffnen Sie eine Veranstaltung, um Personen einzuchecken.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Ticket {number}</source>
        <translation>Ticket {number}</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>spontan</translation>
    </message>
    <message>
        <source>Welcome, {name}!</source>
        <translation>Willkommen, {name}!</translation>
    </message>
    <message>
        <source>{name} is already checked in</source>
        <translation>{name} ist bereits eingecheckt</translation>
    </message>
    <message>
        <source>since {time} at {desk}</source>
        <translation>seit {time} Uhr an {desk}</translation>
    </message>
    <message>
        <source>Two codes in view</source>
        <translation>Zwei Codes im Bild</translation>
    </message>
    <message>
        <source>Hold up one ticket at a time; keep the other out of the camera&apos;s view.</source>
        <translation>Bitte immer nur ein Ticket vorhalten; das andere aus dem Bild der Kamera nehmen.</translation>
    </message>
    <message>
        <source>Ticket belongs to another event</source>
        <translation>Ticket gehört zu einer anderen Veranstaltung</translation>
    </message>
    <message>
        <source>Ticket is not genuine</source>
        <translation>Ticket ist nicht echt</translation>
    </message>
    <message>
        <source>Ticket read incompletely</source>
        <translation>Ticket unvollständig gelesen</translation>
    </message>
    <message>
        <source>Not a ticket code</source>
        <translation>Kein Ticket-Code</translation>
    </message>
    <message>
        <source>Typing slip? Please check the code</source>
        <translation>Tippfehler? Bitte Code prüfen</translation>
    </message>
    <message>
        <source>Ticket not registered</source>
        <translation>Ticket nicht vergeben</translation>
    </message>
    <message>
        <source>Empty scan</source>
        <translation>Leerer Scan</translation>
    </message>
    <message>
        <source>Registration deleted</source>
        <translation>Anmeldung gelöscht</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Nicht eingecheckt</translation>
    </message>
    <message>
        <source>{name} is registered</source>
        <translation>{name} ist angemeldet</translation>
    </message>
    <message>
        <source>Ticket {number} – not checked in yet</source>
        <translation>Ticket {number} – noch nicht eingecheckt</translation>
    </message>
    <message>
        <source>Nothing to annul</source>
        <translation>Nichts zu annullieren</translation>
    </message>
    <message>
        <source>Find the person by name first.</source>
        <translation>Suchen Sie die Person zuerst über den Namen.</translation>
    </message>
    <message>
        <source>Not annulled</source>
        <translation>Nicht annulliert</translation>
    </message>
    <message>
        <source>Check-in of {name} annulled</source>
        <translation>Check-in von {name} annulliert</translation>
    </message>
    <message>
        <source>Whose badge?</source>
        <translation>Wessen Namensschild?</translation>
    </message>
    <message>
        <source>Scan or find the person first.</source>
        <translation>Scannen oder suchen Sie die Person zuerst.</translation>
    </message>
    <message>
        <source>Import registrations</source>
        <translation>Anmeldungen importieren</translation>
    </message>
    <message>
        <source>Registrations (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Anmeldungen (*.csv *.xlsx *.txt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>FailedScans</name>
    <message>
        <source>Failed scans</source>
        <translation>Fehlscans</translation>
    </message>
    <message>
        <source>Failed scans (all desks)</source>
        <translation>Fehlscans (alle Empfänge)</translation>
    </message>
</context>
<context>
    <name>FailedScansModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Why refused</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import registrations – {name}</source>
        <translation>Anmeldungen importieren – {name}</translation>
    </message>
    <message>
        <source>Reading {name} …</source>
        <translation>{name} wird gelesen …</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>&lt;b&gt;{new}&lt;/b&gt; new, &lt;b&gt;{updates}&lt;/b&gt; to update, {unchanged} unchanged, &lt;b&gt;{rejected}&lt;/b&gt; rejected, &lt;b&gt;{duplicates}&lt;/b&gt; duplicates in the file, &lt;b&gt;{flagged}&lt;/b&gt; to check.</source>
        <translation>&lt;b&gt;{new}&lt;/b&gt; neu, &lt;b&gt;{updates}&lt;/b&gt; zu aktualisieren, {unchanged} unverändert, &lt;b&gt;{rejected}&lt;/b&gt; abgelehnt, &lt;b&gt;{duplicates}&lt;/b&gt; Dubletten in der Datei, &lt;b&gt;{flagged}&lt;/b&gt; zu prüfen.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Not imported, or to check</source>
        <translation>Nicht importiert oder zu prüfen</translation>
    </message>
    <message>
        <source>&amp;Save report …</source>
        <translation>Bericht &amp;speichern …</translation>
    </message>
    <message>
        <source>Which column holds what (first rows of the file):</source>
        <translation>Welche Spalte enthält was (erste Zeilen der Datei):</translation>
    </message>
    <message>
        <source>{name}: {rows} rows, {kind}. Check the columns, then press Enter to import.</source>
        <translation>{name}: {rows} Zeilen, {kind}. Prüfen Sie die Spalten und drücken Sie dann Enter zum Importieren.</translation>
    </message>
    <message>
        <source>Checking the rows …</source>
        <translation>Zeilen werden geprüft …</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not understood:&lt;/b&gt; for {columns} it is not clear what the consent is for. Choose the purpose above the column, or leave it ignored: no consent is taken from it.</source>
        <translation>&lt;b&gt;Nicht verstanden:&lt;/b&gt; Bei {columns} ist nicht klar, wofür eingewilligt wird. Wählen Sie den Zweck über der Spalte oder lassen Sie sie ignoriert: Daraus wird keine Einwilligung übernommen.</translation>
    </message>
    <message>
        <source>No column holds the consent to data processing: none will be recorded. Ask for it at the desk.</source>
        <translation>Keine Spalte enthält die Einwilligung in die Datenverarbeitung: Es wird keine erfasst. Fragen Sie am Empfang danach.</translation>
    </message>
    <message>
        <source>Rule: a person without consent to data processing in the file is not imported (listed below).</source>
        <translation>Regel: Wer in der Datei nicht in die Datenverarbeitung eingewilligt hat, wird nicht importiert (unten aufgeführt).</translation>
    </message>
    <message>
        <source>Not understood: choose its purpose</source>
        <translation>Nicht verstanden: Zweck wählen</translation>
    </message>
    <message>
        <source>Importing …</source>
        <translation>Import läuft …</translation>
    </message>
    <message>
        <source>Done: &lt;b&gt;{imported}&lt;/b&gt; imported, &lt;b&gt;{updated}&lt;/b&gt; updated, {unchanged} unchanged, &lt;b&gt;{rejected}&lt;/b&gt; not imported (listed below).</source>
        <translation>Fertig: &lt;b&gt;{imported}&lt;/b&gt; importiert, &lt;b&gt;{updated}&lt;/b&gt; aktualisiert, {unchanged} unverändert, &lt;b&gt;{rejected}&lt;/b&gt; nicht importiert (unten aufgeführt).</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The column “{column}” asks for a consent but does not say for what; no consent was taken from it.</source>
        <translation>Die Spalte „{column}“ fragt nach einer Einwilligung, sagt aber nicht, wofür; aus ihr wurde keine Einwilligung übernommen.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Anwesend</translation>
    </message>
    <message>
        <source>since {time} ({desk})</source>
        <translation>seit {time} ({desk})</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>spontan</translation>
    </message>
</context>
<context>
    <name>PeopleSearch</name>
    <message>
        <source>People found</source>
        <translation>Gefundene Personen</translation>
    </message>
    <message>
        <source>A ticket number: Enter checks it in once every digit is typed.</source>
        <translation>Eine Ticketnummer: Nach der letzten Ziffer die Eingabetaste drücken.</translation>
    </message>
    <message>
        <source>{count} found – ↑/↓ to choose, Enter checks in, F4 prints a badge.</source>
        <translation>{count} gefunden – ↑/↓ wählt aus, Enter checkt ein, F4 druckt ein Namensschild.</translation>
    </message>
    <message>
        <source>More than {count} found – type more of the name.</source>
        <translation>Mehr als {count} gefunden – tippen Sie mehr vom Namen.</translation>
    </message>
    <message>
        <source>Nobody found. F2 registers “{text}” as a walk-in.</source>
        <translation>Niemand gefunden. F2 meldet „{text}“ spontan an.</translation>
    </message>
</context>
<context>
    <name>PrintJobs</name>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Ticket no. {number}</source>
        <translation>Ticket-Nr. {number}</translation>
    </message>
    <message>
        <source>Please show this QR code at the registration desk – printed or on your phone.</source>
        <translation>Bitte zeigen Sie diesen QR-Code am Empfang vor – ausgedruckt oder auf dem Handy.</translation>
    </message>
    <message>
        <source>The code holds no personal data.</source>
        <translation>Der Code enthält keine persönlichen Daten.</translation>
    </message>
    <message>
        <source>{weekday}, {month} {day}, {year}, {time}</source>
        <translation>{weekday}, {day}. {month} {year}, {time} Uhr</translation>
    </message>
    <message>
        <source>mailing-list.csv</source>
        <translation>Versandliste.csv</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Ticket no.</source>
        <translation>Ticket-Nr.</translation>
    </message>
    <message>
        <source>Ticket-{number:04d}-{name}.pdf</source>
        <translation>Ticket-{number:04d}-{name}.pdf</translation>
    </message>
    <message>
        <source>Badge not printed</source>
        <translation>Namensschild nicht gedruckt</translation>
    </message>
    <message>
        <source>Badge reprinted for {name}</source>
        <translation>Namensschild für {name} erneut gedruckt</translation>
    </message>
    <message>
        <source>Badge printed for {name}</source>
        <translation>Namensschild für {name} gedruckt</translation>
    </message>
    <message>
        <source>One ticket per A4 page</source>
        <translation>Ein Ticket pro A4-Seite</translation>
    </message>
    <message>
        <source>Four tickets per A4 sheet (to cut)</source>
        <translation>Vier Tickets pro A4-Blatt (zum Schneiden)</translation>
    </message>
    <message>
        <source>One PDF per person, to send by e-mail</source>
        <translation>Ein PDF pro Person, zum Versand per E-Mail</translation>
    </message>
    <message>
        <source>Tickets as PDF</source>
        <translation>Tickets als PDF</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Aufteilung:</translation>
    </message>
    <message>
        <source>Folder for the tickets</source>
        <translation>Ordner für die Tickets</translation>
    </message>
    <message>
        <source>tickets.pdf</source>
        <translation>Tickets.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Writing tickets …</source>
        <translation>Tickets werden geschrieben …</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>{count} tickets written to {path}</source>
        <translation>{count} Tickets in {path} geschrieben</translation>
    </message>
    <message>
        <source>Tickets not written</source>
        <translation>Tickets nicht geschrieben</translation>
    </message>
</context>
<context>
    <name>RecentModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Annulled: {reason}</source>
        <translation>Annulliert: {reason}</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Scan a ticket or type a name.</source>
        <translation>Ticket scannen oder Namen eintippen.</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Register a walk-in</source>
        <translation>Spontan anmelden</translation>
    </message>
    <message>
        <source>&amp;Agrees to the processing of their data (required)</source>
        <translation>Stimmt der &amp;Datenverarbeitung zu (erforderlich)</translation>
    </message>
    <message>
        <source>Photos may show them</source>
        <translation>Darf auf Fotos zu sehen sein</translation>
    </message>
    <message>
        <source>May be contacted about the results</source>
        <translation>Darf zu den Ergebnissen kontaktiert werden</translation>
    </message>
    <message>
        <source>May be named as the author of ideas</source>
        <translation>Darf als Urheber/in von Ideen genannt werden</translation>
    </message>
    <message>
        <source>Check in now</source>
        <translation>Gleich einchecken</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Namensschild drucken</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Vorname</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Nachname</translation>
    </message>
    <message>
        <source>E-&amp;mail (optional)</source>
        <translation>E-&amp;Mail (freiwillig)</translation>
    </message>
    <message>
        <source>&amp;Organisation (optional)</source>
        <translation>&amp;Organisation (freiwillig)</translation>
    </message>
    <message>
        <source>&amp;Postcode (optional)</source>
        <translation>&amp;PLZ (freiwillig)</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Check in the r&amp;egistered person instead</source>
        <translation>Stattdessen die &amp;eingetragene Person einchecken</translation>
    </message>
    <message>
        <source>present</source>
        <translation>anwesend</translation>
    </message>
    <message>
        <source>not checked in yet</source>
        <translation>noch nicht eingecheckt</translation>
    </message>
    <message>
        <source>{name} (ticket {number}{details}) – {state}</source>
        <translation>{name} (Ticket {number}{details}) – {state}</translation>
    </message>
    <message>
        <source>&lt;b&gt;This person may be registered already:&lt;/b&gt;&lt;br&gt;{people}</source>
        <translation>&lt;b&gt;Diese Person ist vielleicht schon angemeldet:&lt;/b&gt;&lt;br&gt;{people}</translation>
    </message>
    <message>
        <source>&amp;Register anyway</source>
        <translation>Trotzdem &amp;anmelden</translation>
    </message>
    <message>
        <source>Registering …</source>
        <translation>Wird angemeldet …</translation>
    </message>
    <message>
        <source>Nothing was registered; your entries are kept. Press Enter to register the person again.</source>
        <translation>Es wurde nichts angemeldet; Ihre Eingaben bleiben erhalten. Mit Enter melden Sie die Person erneut an.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>import registrations from a CSV or Excel file</source>
        <translation>Anmeldungen aus einer CSV- oder Excel-Datei importieren</translation>
    </message>
    <message>
        <source>event file or database URL</source>
        <translation>Veranstaltungsdatei oder Datenbank-URL</translation>
    </message>
    <message>
        <source>the CSV or XLSX export of the registration form</source>
        <translation>der CSV- oder XLSX-Export des Anmeldeformulars</translation>
    </message>
    <message>
        <source>check the file, change nothing</source>
        <translation>die Datei prüfen, nichts ändern</translation>
    </message>
    <message>
        <source>assign a column to a field where the automatic mapping is wrong (repeatable); FIELD is one of {fields} or ignore</source>
        <translation>eine Spalte einem Feld zuordnen, wo die automatische Zuordnung falsch liegt (mehrfach möglich); FELD ist eines von {fields} oder ignore</translation>
    </message>
    <message>
        <source>write every participant&apos;s ticket into one PDF</source>
        <translation>die Tickets aller Teilnehmenden in ein PDF schreiben</translation>
    </message>
    <message>
        <source>all tickets in one PDF</source>
        <translation>alle Tickets in einem PDF</translation>
    </message>
    <message>
        <source>one PDF per person in FOLDER, with a mail-merge list, to send by e-mail</source>
        <translation>ein PDF pro Person im Ordner FOLDER, mit einer Versandliste für den E-Mail-Versand</translation>
    </message>
    <message>
        <source>a4: one ticket per page; a4x4: four per sheet to cut</source>
        <translation>a4: ein Ticket pro Seite; a4x4: vier pro Blatt zum Schneiden</translation>
    </message>
    <message>
        <source>write name badges into one PDF</source>
        <translation>Namensschilder in ein PDF schreiben</translation>
    </message>
    <message>
        <source>a6: one badge per A6 sheet; label62: 62 mm label roll</source>
        <translation>a6: ein Namensschild pro A6-Blatt; label62: 62-mm-Etikettenrolle</translation>
    </message>
    <message>
        <source>only people checked in</source>
        <translation>nur eingecheckte Personen</translation>
    </message>
    <message>
        <source>check in the holder of a ticket (exit 0 welcome, 3 already, 4 rejected)</source>
        <translation>die Person zu einem Ticket einchecken (Exit 0 willkommen, 3 bereits eingecheckt, 4 abgelehnt)</translation>
    </message>
    <message>
        <source>the ticket code as the scanner reads it</source>
        <translation>der Ticket-Code, wie der Scanner ihn liest</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Spalten:</translation>
    </message>
    <message>
        <source>The column “{column}” asks for a consent, but for which purpose is not clear; it was not imported. If it is one, name it: --map &quot;{column}=consent_photos&quot; (or consent_data, consent_contact, consent_attribution).</source>
        <translation>Die Spalte „{column}“ fragt nach einer Einwilligung, aber für welchen Zweck, ist nicht klar; sie wurde nicht importiert. Wenn sie eine ist, benennen Sie sie: --map &quot;{column}=consent_photos&quot; (oder consent_data, consent_contact, consent_attribution).</translation>
    </message>
    <message>
        <source>No column holds the consent to data processing: none was recorded for the people imported. Ask for it at the desk.</source>
        <translation>Keine Spalte enthält die Einwilligung in die Datenverarbeitung: Für die importierten Personen wurde keine erfasst. Fragen Sie am Empfang danach.</translation>
    </message>
    <message>
        <source>Rule: a person without consent to data processing in the file is not imported.</source>
        <translation>Regel: Wer in der Datei nicht in die Datenverarbeitung eingewilligt hat, wird nicht importiert.</translation>
    </message>
    <message>
        <source>Imported: {imported}, updated: {updated}, unchanged: {unchanged}, rejected: {rejected}</source>
        <translation>Importiert: {imported}, aktualisiert: {updated}, unverändert: {unchanged}, abgelehnt: {rejected}</translation>
    </message>
    <message>
        <source>  row {row}: {reason}</source>
        <translation>  Zeile {row}: {reason}</translation>
    </message>
    <message>
        <source>Nothing was changed (--dry-run).</source>
        <translation>Es wurde nichts geändert (--dry-run).</translation>
    </message>
    <message>
        <source>{count} tickets written to {path}</source>
        <translation>{count} Tickets in {path} geschrieben</translation>
    </message>
    <message>
        <source>{count} badges written to {path}</source>
        <translation>{count} Namensschilder in {path} geschrieben</translation>
    </message>
    <message>
        <source>{name} is already checked in (since {time} at {desk}).</source>
        <translation>{name} ist bereits eingecheckt (seit {time} Uhr an {desk}).</translation>
    </message>
    <message>
        <source>Welcome, {name}! Checked in at {time}.</source>
        <translation>Willkommen, {name}! Eingecheckt um {time} Uhr.</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <source>Badge</source>
        <translation>Namensschild</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Namensschild drucken</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>There is nothing to print: nobody is registered yet.</source>
        <translation>Es gibt nichts zu drucken: Noch niemand ist angemeldet.</translation>
    </message>
    <message>
        <source>The PDF {path} could not be written: {reason}</source>
        <translation>Das PDF {path} konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>The folder {path} cannot be created: {reason}</source>
        <translation>Der Ordner {path} kann nicht angelegt werden: {reason}</translation>
    </message>
    <message>
        <source>This registration no longer exists. It may have been removed on another laptop.</source>
        <translation>Diese Anmeldung gibt es nicht mehr. Vielleicht wurde sie an einem anderen Laptop entfernt.</translation>
    </message>
    <message>
        <source>Say why the check-in is annulled.</source>
        <translation>Geben Sie an, warum der Check-in annulliert wird.</translation>
    </message>
    <message>
        <source>This check-in no longer exists.</source>
        <translation>Diesen Check-in gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This check-in was annulled already (perhaps at another desk).</source>
        <translation>Dieser Check-in wurde bereits annulliert (vielleicht an einem anderen Empfang).</translation>
    </message>
    <message>
        <source>The file {name} is {size} MB large; an export of registrations is far smaller (10,000 people are about 2 MB). Check that you chose the right file.</source>
        <translation>Die Datei {name} ist {size} MB groß; ein Export von Anmeldungen ist viel kleiner (10.000 Personen sind etwa 2 MB). Prüfen Sie, ob Sie die richtige Datei gewählt haben.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read: {reason}</source>
        <translation>Die Datei {name} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>The file {name} is empty.</source>
        <translation>Die Datei {name} ist leer.</translation>
    </message>
    <message>
        <source>{name} is in the old Excel format (.xls). Open it in Excel and save it as “Excel workbook (.xlsx)” or “CSV UTF-8”, then import that file.</source>
        <translation>{name} ist im alten Excel-Format (.xls). Öffnen Sie sie in Excel, speichern Sie sie als „Excel-Arbeitsmappe (.xlsx)“ oder „CSV UTF-8“ und importieren Sie diese Datei.</translation>
    </message>
    <message>
        <source>{name} is not a table of registrations. Choose the CSV or Excel file exported from the registration form.</source>
        <translation>{name} ist keine Tabelle mit Anmeldungen. Wählen Sie die CSV- oder Excel-Datei, die das Anmeldeformular exportiert hat.</translation>
    </message>
    <message>
        <source>{name} is cut off in the middle of a character (Unicode text with an odd number of bytes): it was probably not copied completely. Copy or save it again and import that file.</source>
        <translation>{name} bricht mitten in einem Zeichen ab (Unicode-Text mit ungerader Byte-Zahl): Die Datei wurde wohl nicht vollständig kopiert. Kopieren oder speichern Sie sie erneut und importieren Sie diese Datei.</translation>
    </message>
    <message>
        <source>{name} cannot be read as a table near line {line}: {reason}. Save it again from Excel as “CSV (semicolon separated)” and import that file.</source>
        <translation>{name} kann um Zeile {line} nicht als Tabelle gelesen werden: {reason}. Speichern Sie sie in Excel erneut als „CSV (Trennzeichen-getrennt)“ und importieren Sie diese Datei.</translation>
    </message>
    <message>
        <source>{name} separates its columns with “{header}” in the first line but its rows with “{rows}”, so no row can be read column by column. Save it again from Excel as “CSV (semicolon separated)” and import that file.</source>
        <translation>{name} trennt die Spalten in der ersten Zeile mit „{header}“, die übrigen Zeilen aber mit „{rows}“; so lässt sich keine Zeile spaltenweise lesen. Speichern Sie die Datei in Excel erneut als „CSV (Trennzeichen-getrennt)“ und importieren Sie diese.</translation>
    </message>
    <message>
        <source>{name} has more than {limit} rows; that is not an export of registrations.</source>
        <translation>{name} hat mehr als {limit} Zeilen; das ist kein Export von Anmeldungen.</translation>
    </message>
    <message>
        <source>“{override}” is not COLUMN=FIELD, for example “Einwilligung Fotos=consent_photos”.</source>
        <translation>„{override}“ hat nicht die Form SPALTE=FELD, zum Beispiel „Einwilligung Fotos=consent_photos“.</translation>
    </message>
    <message>
        <source>“{field}” is not a field. The fields are: {fields}, ignore.</source>
        <translation>„{field}“ ist kein Feld. Die Felder sind: {fields}, ignore.</translation>
    </message>
    <message>
        <source>The file has no column “{column}”. Its columns are: {columns}.</source>
        <translation>Die Datei hat keine Spalte „{column}“. Ihre Spalten sind: {columns}.</translation>
    </message>
    <message>
        <source>Each field can be assigned to one column only ({fields}).</source>
        <translation>Jedes Feld kann nur einer Spalte zugeordnet werden ({fields}).</translation>
    </message>
    <message>
        <source>No column holds the names. Assign the columns “First name” and “Last name” (or “Full name”) before importing.</source>
        <translation>Keine Spalte enthält die Namen. Ordnen Sie vor dem Import die Spalten „Vorname“ und „Nachname“ (oder „Vollständiger Name“) zu.</translation>
    </message>
    <message>
        <source>Imported, but the column “{column}” held a spreadsheet formula (“{value}”); it is kept as plain text.</source>
        <translation>Importiert, aber die Spalte „{column}“ enthielt eine Tabellenformel („{value}“); sie ist als reiner Text gespeichert.</translation>
    </message>
    <message>
        <source>The column “{column}” holds a spreadsheet formula (“{value}”); it was not imported.</source>
        <translation>Die Spalte „{column}“ enthält eine Tabellenformel („{value}“); die Zeile wurde nicht importiert.</translation>
    </message>
    <message>
        <source>The column “{column}” is longer than {limit} characters.</source>
        <translation>Die Spalte „{column}“ ist länger als {limit} Zeichen.</translation>
    </message>
    <message>
        <source>Imported, but check the name: “{name}” was split into first name “{first}” and last name “{last}”.</source>
        <translation>Importiert, aber bitte den Namen prüfen: „{name}“ wurde in Vorname „{first}“ und Nachname „{last}“ aufgeteilt.</translation>
    </message>
    <message>
        <source>The name is missing.</source>
        <translation>Der Name fehlt.</translation>
    </message>
    <message>
        <source>The name is longer than {limit} characters.</source>
        <translation>Der Name ist länger als {limit} Zeichen.</translation>
    </message>
    <message>
        <source>“{email}” is not an e-mail address.</source>
        <translation>„{email}“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>“{postcode}” is not a German postcode (five digits).</source>
        <translation>„{postcode}“ ist keine deutsche Postleitzahl (fünf Ziffern).</translation>
    </message>
    <message>
        <source>The consent to data processing (“{value}”) is not understood; the person was not imported.</source>
        <translation>Die Einwilligung in die Datenverarbeitung („{value}“) ist nicht verständlich; die Person wurde nicht importiert.</translation>
    </message>
    <message>
        <source>Imported, but “{value}” in the column “{column}” is not understood; that consent is recorded as not given.</source>
        <translation>Importiert, aber „{value}“ in der Spalte „{column}“ ist nicht verständlich; diese Einwilligung gilt als nicht erteilt.</translation>
    </message>
    <message>
        <source>No consent to data processing (“{value}”); the person was not imported.</source>
        <translation>Keine Einwilligung in die Datenverarbeitung („{value}“); die Person wurde nicht importiert.</translation>
    </message>
    <message>
        <source>Same registration number as row {row}.</source>
        <translation>Dieselbe Anmeldenummer wie Zeile {row}.</translation>
    </message>
    <message>
        <source>Same e-mail address as row {row}.</source>
        <translation>Dieselbe E-Mail-Adresse wie Zeile {row}.</translation>
    </message>
    <message>
        <source>Imported, but check: same name and postcode as row {row}.</source>
        <translation>Importiert, aber bitte prüfen: derselbe Name und dieselbe Postleitzahl wie Zeile {row}.</translation>
    </message>
    <message>
        <source>Same name and postcode as row {row}.</source>
        <translation>Derselbe Name und dieselbe Postleitzahl wie Zeile {row}.</translation>
    </message>
    <message>
        <source>Imported, but check: {name} with the same postcode is registered already.</source>
        <translation>Importiert, aber bitte prüfen: {name} mit derselben Postleitzahl ist bereits angemeldet.</translation>
    </message>
    <message>
        <source>Same person as row {row}.</source>
        <translation>Dieselbe Person wie Zeile {row}.</translation>
    </message>
    <message>
        <source>This event has run out of ticket numbers.</source>
        <translation>Für diese Veranstaltung sind keine Ticketnummern mehr frei.</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name.</source>
        <translation>Geben Sie den Namen der Person ein.</translation>
    </message>
    <message>
        <source>Without consent to the processing of their data the person cannot be registered. They can still take part without registration.</source>
        <translation>Ohne Einwilligung in die Datenverarbeitung kann die Person nicht angemeldet werden. Sie kann trotzdem ohne Anmeldung teilnehmen.</translation>
    </message>
    <message>
        <source>The scan was empty. Scan the ticket again.</source>
        <translation>Der Scan war leer. Scannen Sie das Ticket noch einmal.</translation>
    </message>
    <message>
        <source>This is not a ticket code (“{shown}”). Scan the ticket&apos;s QR code again, or type the person&apos;s name.</source>
        <translation>Das ist kein Ticket-Code („{shown}“). Scannen Sie den QR-Code des Tickets noch einmal oder tippen Sie den Namen der Person.</translation>
    </message>
    <message>
        <source>The ticket code is incomplete ({count} of {expected} digits). Scan it again, holding the ticket still.</source>
        <translation>Der Ticket-Code ist unvollständig ({count} von {expected} Ziffern). Scannen Sie ihn noch einmal und halten Sie das Ticket dabei still.</translation>
    </message>
    <message>
        <source>Typing slip? Please check the code: it is the 16 digits under the QR code, in four groups of four.</source>
        <translation>Tippfehler? Bitte Code prüfen: es sind die 16 Ziffern unter dem QR-Code, in vier Vierergruppen.</translation>
    </message>
    <message>
        <source>The code has {count} digits, but the one under the QR code has {expected} (four groups of four). Is a group missing? Please check the code.</source>
        <translation>Der Code hat {count} Ziffern, der unter dem QR-Code aber {expected} (vier Vierergruppen). Fehlt eine Gruppe? Bitte Code prüfen.</translation>
    </message>
    <message>
        <source>This ticket belongs to another event (event code {code}). Please ask the person for the ticket of this event.</source>
        <translation>Dieses Ticket gehört zu einer anderen Veranstaltung (Veranstaltungscode {code}). Bitten Sie die Person um das Ticket für diese Veranstaltung.</translation>
    </message>
    <message>
        <source>This ticket is not genuine: its security code does not match. Check the person&apos;s name and find them by name instead.</source>
        <translation>Dieses Ticket ist nicht echt: Sein Sicherheitscode stimmt nicht. Fragen Sie nach dem Namen und suchen Sie die Person stattdessen über den Namen.</translation>
    </message>
    <message>
        <source>Ticket {number} is genuine but belongs to nobody registered (any more). Find the person by name or register them as a walk-in.</source>
        <translation>Ticket {number} ist echt, gehört aber (nicht mehr) zu einer Anmeldung. Suchen Sie die Person über den Namen oder melden Sie sie spontan an.</translation>
    </message>
    <message>
        <source>The registration of ticket {number} was deleted for data protection.</source>
        <translation>Die Anmeldung zu Ticket {number} wurde aus Datenschutzgründen gelöscht.</translation>
    </message>
    <message>
        <source>The printer cannot be reached. Check that it is switched on and connected.</source>
        <translation>Der Drucker ist nicht erreichbar. Prüfen Sie, ob er eingeschaltet und angeschlossen ist.</translation>
    </message>
    <message>
        <source>No default printer is set up on this laptop. Choose a printer in the print dialog, or switch off “print badges without asking”.</source>
        <translation>Auf diesem Laptop ist kein Standarddrucker eingerichtet. Wählen Sie einen Drucker im Druckdialog oder schalten Sie „Namensschilder ohne Rückfrage drucken“ aus.</translation>
    </message>
    <message>
        <source>{name} is a damaged Excel file and cannot be read. Open it in Excel, save it again (or as “CSV UTF-8”) and import that file.</source>
        <translation>{name} ist eine beschädigte Excel-Datei und kann nicht gelesen werden. Öffnen Sie sie in Excel, speichern Sie sie erneut (oder als „CSV UTF-8“) und importieren Sie diese Datei.</translation>
    </message>
    <message>
        <source>{name} unpacks to far more than an export of registrations ({what}); it was not read. Check that you chose the right file, or save the registrations again from Excel as “CSV UTF-8”.</source>
        <translation>{name} entpackt sich zu weit mehr als einem Export von Anmeldungen ({what}); die Datei wurde nicht gelesen. Prüfen Sie, ob Sie die richtige Datei gewählt haben, oder speichern Sie die Anmeldungen in Excel erneut als „CSV UTF-8“.</translation>
    </message>
    <message>
        <source>{name} is a damaged Excel file: the cell {cell} refers to a text the file does not hold. Open it in Excel, save it again and import that file.</source>
        <translation>{name} ist eine beschädigte Excel-Datei: Die Zelle {cell} verweist auf einen Text, den die Datei nicht enthält. Öffnen Sie sie in Excel, speichern Sie sie erneut und importieren Sie diese Datei.</translation>
    </message>
    <message>
        <source>{name} has more than {limit} columns; that is not an export of registrations.</source>
        <translation>{name} hat mehr als {limit} Spalten; das ist kein Export von Anmeldungen.</translation>
    </message>
</context>
<context>
    <name>importer</name>
    <message>
        <source>(ignore)</source>
        <translation>(ignorieren)</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Anmeldenummer</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Title (Dr., Prof.)</source>
        <translation>Titel (Dr., Prof.)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Stadtteil</translation>
    </message>
    <message>
        <source>Consent: data processing</source>
        <translation>Einwilligung: Datenverarbeitung</translation>
    </message>
    <message>
        <source>Consent: photos</source>
        <translation>Einwilligung: Fotos</translation>
    </message>
    <message>
        <source>Consent: follow-up contact</source>
        <translation>Einwilligung: Kontakt danach</translation>
    </message>
    <message>
        <source>Consent: named as author</source>
        <translation>Einwilligung: Namensnennung</translation>
    </message>
</context>
</TS>
