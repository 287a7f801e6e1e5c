<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ExportPanel</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export PDF for the council …</source>
        <translation>PDF für den Rat exportieren …</translation>
    </message>
    <message>
        <source>Export CSV …</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <source>Export JSON …</source>
        <translation>JSON exportieren …</translation>
    </message>
    <message>
        <source>Semicolon (German Excel)</source>
        <translation>Semikolon (deutsches Excel)</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>CSV separator:</source>
        <translation>Trennzeichen für CSV:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Data protection</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Data of one person …</source>
        <translation>Daten einer Person …</translation>
    </message>
    <message>
        <source>Export everything stored about one participant (Art. 15 GDPR)</source>
        <translation>Alles ausgeben, was über eine teilnehmende Person gespeichert ist (Art. 15 DSGVO)</translation>
    </message>
    <message>
        <source>Remove personal data …</source>
        <translation>Personenbezogene Daten löschen …</translation>
    </message>
    <message>
        <source>After the event: delete names, contacts and consents for good; the anonymous results stay</source>
        <translation>Nach der Veranstaltung: Namen, Kontaktdaten und Einwilligungen endgültig löschen; die anonymen Ergebnisse bleiben</translation>
    </message>
    <message>
        <source>Save the minutes as PDF</source>
        <translation>Dokumentation als PDF speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Choose the folder for the export</source>
        <translation>Ordner für den Export wählen</translation>
    </message>
    <message>
        <source>Personal data removed: {count} participants are anonymous now.</source>
        <translation>Personenbezogene Daten gelöscht: {count} Teilnehmende sind jetzt anonym.</translation>
    </message>
    <message>
        <source>Removed personal data is still on the disk ({count} places). Repeat the removal once the event is closed on every other laptop.</source>
        <translation>Entfernte personenbezogene Daten liegen noch auf der Festplatte ({count} Stellen). Wiederholen Sie das Entfernen, sobald die Veranstaltung auf allen anderen Laptops geschlossen ist.</translation>
    </message>
    <message>
        <source>Checked: none of the {values} removed values is left on disk.</source>
        <translation>Geprüft: keiner der {values} entfernten Werte ist noch auf der Festplatte.</translation>
    </message>
    <message>
        <source>{count} backups still hold personal data: {paths}</source>
        <translation>{count} Sicherungskopien enthalten noch personenbezogene Daten: {paths}</translation>
    </message>
    <message>
        <source>Minutes written: {path} ({pages} pages).</source>
        <translation>Dokumentation gespeichert: {path} ({pages} Seiten).</translation>
    </message>
    <message>
        <source>It is marked as a draft until you mark the minutes final.</source>
        <translation>Sie ist als Entwurf gekennzeichnet, bis Sie die Dokumentation als Endfassung festlegen.</translation>
    </message>
    <message>
        <source>1 file written to {folder}.</source>
        <translation>1 Datei in {folder} gespeichert.</translation>
    </message>
    <message>
        <source>{count} files written to {folder}.</source>
        <translation>{count} Dateien in {folder} gespeichert.</translation>
    </message>
    <message>
        <source>Data of one person</source>
        <translation>Daten einer Person</translation>
    </message>
    <message>
        <source>Ticket number of the person:</source>
        <translation>Ticketnummer der Person:</translation>
    </message>
    <message>
        <source>Save the person&apos;s data</source>
        <translation>Daten der Person speichern</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>The data of ticket {number} is in {path}.</source>
        <translation>Die Daten zu Ticket {number} stehen in {path}.</translation>
    </message>
    <message>
        <source>Remove personal data</source>
        <translation>Personenbezogene Daten löschen</translation>
    </message>
    <message>
        <source>All names, e-mail addresses, postcodes, consents and what was typed at the desk are deleted for good. Counts, ideas and voting results stay, and so do the minutes. Do this only after the event, once the minutes are final.

Remove the personal data now?</source>
        <translation>Alle Namen, E-Mail-Adressen, Postleitzahlen, Einwilligungen und alles am Empfang Eingetippte werden endgültig gelöscht. Anzahlen, Ideen und Abstimmungsergebnisse bleiben erhalten, ebenso die Dokumentation. Tun Sie das erst nach der Veranstaltung, wenn die Dokumentation als Endfassung festgelegt ist.

Personenbezogene Daten jetzt löschen?</translation>
    </message>
</context>
<context>
    <name>MinutesWorkspace</name>
    <message>
        <source>Texts you write</source>
        <translation>Texte, die Sie schreiben</translation>
    </message>
    <message>
        <source>Parts of the minutes</source>
        <translation>Teile der Dokumentation</translation>
    </message>
    <message>
        <source>Text of the chosen part</source>
        <translation>Text des gewählten Teils</translation>
    </message>
    <message>
        <source>Saved as you type. An empty line starts a new paragraph, a line starting with “- ” becomes a bullet point; in the programme, separate time and item with a tab.</source>
        <translation>Wird beim Schreiben gespeichert. Eine Leerzeile beginnt einen neuen Absatz, eine Zeile mit „- “ am Anfang wird ein Aufzählungspunkt; im Ablauf trennen Sie Uhrzeit und Programmpunkt mit einem Tabulator.</translation>
    </message>
    <message>
        <source>Use the suggested text</source>
        <translation>Textvorschlag verwenden</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Chapters of the document</source>
        <translation>Kapitel des Dokuments</translation>
    </message>
    <message>
        <source>No event is open.</source>
        <translation>Keine Veranstaltung geöffnet.</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Occasion and aim</source>
        <translation>Anlass und Ziel</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Nächste Schritte</translation>
    </message>
    <message>
        <source>Data protection note</source>
        <translation>Datenschutzhinweis</translation>
    </message>
    <message>
        <source>Summary: {field}</source>
        <translation>Zusammenfassung: {field}</translation>
    </message>
    <message>
        <source>{title} (suggested text)</source>
        <translation>{title} (Textvorschlag)</translation>
    </message>
    <message>
        <source>Suggested text – edit it as you like.</source>
        <translation>Textvorschlag – passen Sie ihn nach Belieben an.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Not saved yet …</source>
        <translation>Noch nicht gespeichert …</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Final since {when}. The texts are locked.</source>
        <translation>Endfassung seit {when}. Die Texte sind gesperrt.</translation>
    </message>
    <message>
        <source>Reopen as draft</source>
        <translation>Wieder als Entwurf öffnen</translation>
    </message>
    <message>
        <source>Draft: every page of the PDF is marked “ENTWURF”.</source>
        <translation>Entwurf: Jede Seite des PDF ist mit „ENTWURF“ gekennzeichnet.</translation>
    </message>
    <message>
        <source>Mark as final</source>
        <translation>Als Endfassung festlegen</translation>
    </message>
    <message>
        <source>1 idea</source>
        <translation>1 Idee</translation>
    </message>
    <message>
        <source>{count} ideas</source>
        <translation>{count} Ideen</translation>
    </message>
    <message>
        <source>1 voting round</source>
        <translation>1 Abstimmungsrunde</translation>
    </message>
    <message>
        <source>{count} voting rounds</source>
        <translation>{count} Abstimmungsrunden</translation>
    </message>
    <message>
        <source>no vote yet: the voting chapters will say that no vote took place</source>
        <translation>noch keine Abstimmung: Die Kapitel zur Abstimmung sagen, dass keine stattfand</translation>
    </message>
    <message>
        <source>{ideas}, {vote}.</source>
        <translation>{ideas}, {vote}.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>write the minutes for the council as PDF</source>
        <translation>die Dokumentation für den Rat als PDF schreiben</translation>
    </message>
    <message>
        <source>event file or database URL</source>
        <translation>Veranstaltungsdatei oder Datenbank-URL</translation>
    </message>
    <message>
        <source>the PDF to write</source>
        <translation>die zu schreibende PDF-Datei</translation>
    </message>
    <message>
        <source>mark the minutes final first (no draft marking any more)</source>
        <translation>die Dokumentation zuerst als Endfassung festlegen (ohne Entwurfskennzeichnung)</translation>
    </message>
    <message>
        <source>export the results as CSV or JSON</source>
        <translation>die Ergebnisse als CSV oder JSON exportieren</translation>
    </message>
    <message>
        <source>the folder to write into</source>
        <translation>der Ordner, in den geschrieben wird</translation>
    </message>
    <message>
        <source>separate CSV cells by commas instead of semicolons (German Excel wants semicolons)</source>
        <translation>CSV-Zellen mit Kommas statt Semikolons trennen (deutsches Excel erwartet Semikolons)</translation>
    </message>
    <message>
        <source>data protection: remove all personal data, or export one person&apos;s data</source>
        <translation>Datenschutz: alle personenbezogenen Daten löschen oder die Daten einer Person ausgeben</translation>
    </message>
    <message>
        <source>remove all personal data for good, keeping the anonymous results</source>
        <translation>alle personenbezogenen Daten endgültig löschen, die anonymen Ergebnisse bleiben</translation>
    </message>
    <message>
        <source>export everything stored about this ticket&apos;s holder</source>
        <translation>alles ausgeben, was über die Inhaberin oder den Inhaber dieses Tickets gespeichert ist</translation>
    </message>
    <message>
        <source>where to write the person&apos;s data</source>
        <translation>wohin die Daten der Person geschrieben werden</translation>
    </message>
    <message>
        <source>do not ask before removing the personal data</source>
        <translation>vor dem Löschen der personenbezogenen Daten nicht nachfragen</translation>
    </message>
    <message>
        <source>a folder with automatic backups of the event, searched for personal data too (repeatable; the event&apos;s own folder is always searched)</source>
        <translation>ein Ordner mit automatischen Sicherungskopien der Veranstaltung, der ebenfalls nach personenbezogenen Daten durchsucht wird (mehrfach möglich; der Ordner der Veranstaltung selbst wird immer durchsucht)</translation>
    </message>
    <message>
        <source>overwrite and delete the backups that still hold personal data</source>
        <translation>Sicherungskopien, die noch personenbezogene Daten enthalten, überschreiben und löschen</translation>
    </message>
    <message>
        <source>Minutes written to {path}: {pages} pages.</source>
        <translation>Dokumentation gespeichert unter {path}: {pages} Seiten.</translation>
    </message>
    <message>
        <source>Say with --out where to write the person&apos;s data.</source>
        <translation>Geben Sie mit --out an, wohin die Daten der Person geschrieben werden sollen.</translation>
    </message>
    <message>
        <source>Remove all personal data of this event for good? Type yes: </source>
        <translation>Alle personenbezogenen Daten dieser Veranstaltung endgültig löschen? Tippen Sie ja: </translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Removed personal data is still in {place} ({count} values).</source>
        <translation>Entfernte personenbezogene Daten stehen noch in {place} ({count} Werte).</translation>
    </message>
    <message>
        <source>Personal data removed: {count} participants are anonymous now.</source>
        <translation>Personenbezogene Daten gelöscht: {count} Teilnehmende sind jetzt anonym.</translation>
    </message>
    <message>
        <source>The server&apos;s files could not be searched for the removed values: {reason}.</source>
        <translation>Die Dateien des Servers konnten nicht nach den entfernten Werten durchsucht werden: {reason}.</translation>
    </message>
    <message>
        <source>Checked: none of the {values} removed values is left in {places} files on disk.</source>
        <translation>Geprüft: keiner der {values} entfernten Werte steht noch in den {places} Dateien auf der Festplatte.</translation>
    </message>
    <message>
        <source>Backup with personal data deleted: {path}</source>
        <translation>Sicherungskopie mit personenbezogenen Daten gelöscht: {path}</translation>
    </message>
    <message>
        <source>This backup still holds personal data: {path}</source>
        <translation>Diese Sicherungskopie enthält noch personenbezogene Daten: {path}</translation>
    </message>
    <message>
        <source>Delete these backups with --delete-backups, or keep them somewhere safe until their retention period ends.</source>
        <translation>Löschen Sie diese Sicherungskopien mit --delete-backups oder verwahren Sie sie sicher, bis ihre Aufbewahrungsfrist endet.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{path} is a folder. Choose a file name for the export.</source>
        <translation>{path} ist ein Ordner. Wählen Sie einen Dateinamen für den Export.</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}). If the file is open in another program, close it; otherwise choose another folder, for example Documents.</source>
        <translation>{path} konnte nicht geschrieben werden ({reason}). Ist die Datei in einem anderen Programm geöffnet, schließen Sie sie; sonst wählen Sie einen anderen Ordner, zum Beispiel Dokumente.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist or cannot be written to. Choose another folder, for example Documents.</source>
        <translation>Der Ordner {folder} existiert nicht oder kann nicht beschrieben werden. Wählen Sie einen anderen Ordner, zum Beispiel Dokumente.</translation>
    </message>
    <message>
        <source>This part of the minutes no longer exists. Its field of action may have been removed.</source>
        <translation>Diesen Teil der Dokumentation gibt es nicht mehr. Vielleicht wurde sein Handlungsfeld entfernt.</translation>
    </message>
    <message>
        <source>The minutes are marked final and cannot be changed. Reopen them as a draft first.</source>
        <translation>Die Dokumentation ist als Endfassung festgelegt und kann nicht geändert werden. Öffnen Sie sie zuerst wieder als Entwurf.</translation>
    </message>
    <message>
        <source>Another program or laptop still has the event {path} open, so the removed personal data is still on the disk. Close the event there (quit smartdialog on the other laptops) and repeat the removal.</source>
        <translation>Ein anderes Programm oder Laptop hat die Datei {path} noch geöffnet, deshalb liegen die entfernten personenbezogenen Daten noch auf der Festplatte. Schließen Sie die Veranstaltung dort (beenden Sie smartdialog auf den anderen Laptops) und wiederholen Sie das Entfernen.</translation>
    </message>
    <message>
        <source>Another program or laptop still has the event {path} open and is reading it, so the personal data cannot be removed from the disk for good. Nothing was changed. Close the event there (quit smartdialog on the other laptops) and repeat the removal.</source>
        <translation>Ein anderes Programm oder Laptop hat die Datei {path} noch geöffnet und liest darin, deshalb können die personenbezogenen Daten nicht endgültig von der Festplatte entfernt werden. Es wurde nichts geändert. Schließen Sie die Veranstaltung dort (beenden Sie smartdialog auf den anderen Laptops) und wiederholen Sie das Entfernen.</translation>
    </message>
    <message>
        <source>Mark the minutes final first: once the personal data is removed, small groups of districts and organisations can no longer be told apart.</source>
        <translation>Legen Sie zuerst die Endfassung der Dokumentation fest: Nach dem Löschen der personenbezogenen Daten lassen sich kleine Gruppen von Stadtteilen und Organisationen nicht mehr unterscheiden.</translation>
    </message>
    <message>
        <source>There is no participant with ticket number {number}.</source>
        <translation>Es gibt keine teilnehmende Person mit der Ticketnummer {number}.</translation>
    </message>
    <message>
        <source>This participant no longer exists.</source>
        <translation>Diese teilnehmende Person gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Only a closed round has a protocol to sign; close the round first.</source>
        <translation>Nur eine abgeschlossene Runde hat ein Protokoll zum Unterschreiben; schließen Sie zuerst die Runde.</translation>
    </message>
</context>
</TS>
