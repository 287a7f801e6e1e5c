<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit idea</source>
        <translation>Idee bearbeiten</translation>
    </message>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>Guiding question</source>
        <translation>Leitfrage</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>(no guiding question)</source>
        <translation>(keine Leitfrage)</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of the idea</source>
        <translation>Verlauf der Idee</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>erfasst</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>ausgeblendet</translation>
    </message>
    <message>
        <source>shown again</source>
        <translation>wieder eingeblendet</translation>
    </message>
    <message>
        <source>tagged</source>
        <translation>verschlagwortet</translation>
    </message>
    <message>
        <source>clustered</source>
        <translation>gruppiert</translation>
    </message>
    <message>
        <source>a duplicate was merged in</source>
        <translation>ein Duplikat wurde zusammengeführt</translation>
    </message>
    <message>
        <source>merged into another idea</source>
        <translation>mit einer anderen Idee zusammengeführt</translation>
    </message>
    <message>
        <source>merge undone</source>
        <translation>Zusammenführung aufgehoben</translation>
    </message>
    <message>
        <source>wording chosen at a merge</source>
        <translation>Wortlaut beim Zusammenführen gewählt</translation>
    </message>
</context>
<context>
    <name>IdeaCommand</name>
    <message>
        <source>Capture “%1”</source>
        <translation>„%1“ erfassen</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Hide “%1”</source>
        <translation>„%1“ ausblenden</translation>
    </message>
    <message>
        <source>Show “%1” again</source>
        <translation>„%1“ wieder einblenden</translation>
    </message>
    <message>
        <source>Tag “%1”</source>
        <translation>Schlagworte für „%1“</translation>
    </message>
    <message>
        <source>Cluster “%1”</source>
        <translation>„%1“ gruppieren</translation>
    </message>
    <message>
        <source>Merge “%1”</source>
        <translation>„%1“ zusammenführen</translation>
    </message>
</context>
<context>
    <name>IdeaContext</name>
    <message>
        <source>only with their consent to be named</source>
        <translation>nur mit Einwilligung zur Namensnennung</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tisch</translation>
    </message>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>Guiding question</source>
        <translation>Leitfrage</translation>
    </message>
    <message>
        <source>Said by</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>(no table)</source>
        <translation>(kein Tisch)</translation>
    </message>
    <message>
        <source>(no guiding question)</source>
        <translation>(keine Leitfrage)</translation>
    </message>
</context>
<context>
    <name>IdeasModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Field of action</source>
        <translation>Handlungsfeld</translation>
    </message>
    <message>
        <source>Guiding question</source>
        <translation>Leitfrage</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagworte</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>hidden: %1</source>
        <translation>ausgeblendet: %1</translation>
    </message>
    <message>
        <source>merged into: %1</source>
        <translation>zusammengeführt mit: %1</translation>
    </message>
</context>
<context>
    <name>IdeasWorkspace</name>
    <message>
        <source>Type the idea and press Enter</source>
        <translation>Idee eintippen und Enter drücken</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Put the unsaved text back</source>
        <translation>Nicht gespeicherten Text zurückholen</translation>
    </message>
    <message>
        <source>Search the ideas (Ctrl+F)</source>
        <translation>Ideen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search the ideas</source>
        <translation>Ideen durchsuchen</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Alle Tische</translation>
    </message>
    <message>
        <source>Show hidden and merged</source>
        <translation>Ausgeblendete und zusammengeführte zeigen</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ideen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Hide…</source>
        <translation>Ausblenden …</translation>
    </message>
    <message>
        <source>Show again</source>
        <translation>Wieder einblenden</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>Schlagworte …</translation>
    </message>
    <message>
        <source>Cluster…</source>
        <translation>Cluster …</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Zusammenführen …</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>Idea saved</source>
        <translation>Idee gespeichert</translation>
    </message>
    <message>
        <source>The text was not lost.</source>
        <translation>Der Text ist nicht verloren.</translation>
    </message>
    <message>
        <source>1 idea listed</source>
        <translation>1 Idee in der Liste</translation>
    </message>
    <message>
        <source>%1 ideas listed</source>
        <translation>%1 Ideen in der Liste</translation>
    </message>
    <message>
        <source>Your text is still here: press Save again to replace the other change with it.</source>
        <translation>Ihr Text steht noch hier: Klicken Sie erneut auf Speichern, um die andere Änderung damit zu ersetzen.</translation>
    </message>
    <message>
        <source>Another change is still being saved. Try again.</source>
        <translation>Eine andere Änderung wird noch gespeichert. Bitte versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>off topic</source>
        <translation>nicht zum Thema</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>doppelt</translation>
    </message>
    <message>
        <source>contains personal data</source>
        <translation>enthält persönliche Daten</translation>
    </message>
    <message>
        <source>offensive</source>
        <translation>beleidigend</translation>
    </message>
    <message>
        <source>typed by mistake</source>
        <translation>versehentlich erfasst</translation>
    </message>
    <message>
        <source>Hide idea</source>
        <translation>Idee ausblenden</translation>
    </message>
    <message>
        <source>Why is it hidden? (It stays in the record.)</source>
        <translation>Warum wird sie ausgeblendet? (Sie bleibt dokumentiert.)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagworte</translation>
    </message>
    <message>
        <source>Tags, separated by commas:</source>
        <translation>Schlagworte, durch Kommas getrennt:</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Cluster (empty for none):</source>
        <translation>Cluster (leer für keinen):</translation>
    </message>
    <message>
        <source>Merged into: %1</source>
        <translation>Zusammengeführt mit: %1</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicate</source>
        <translation>Duplikat zusammenführen</translation>
    </message>
    <message>
        <source>Merge these two ideas. Both texts stay in the history.</source>
        <translation>Diese beiden Ideen zusammenführen. Beide Texte bleiben im Verlauf erhalten.</translation>
    </message>
    <message>
        <source>Merge “%1” into the idea chosen below. Both texts stay in its history.</source>
        <translation>„%1“ mit der unten gewählten Idee zusammenführen. Beide Texte bleiben in deren Verlauf erhalten.</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Suchen …</translation>
    </message>
    <message>
        <source>Search the ideas to merge into</source>
        <translation>Ideen zum Zusammenführen durchsuchen</translation>
    </message>
    <message>
        <source>Idea to merge into</source>
        <translation>Idee, in die zusammengeführt wird</translation>
    </message>
    <message>
        <source>Use this wording</source>
        <translation>Diesen Wortlaut übernehmen</translation>
    </message>
    <message>
        <source>Use the duplicate&apos;s wording</source>
        <translation>Wortlaut des Duplikats übernehmen</translation>
    </message>
    <message>
        <source>Use the kept idea&apos;s wording</source>
        <translation>Wortlaut der bleibenden Idee übernehmen</translation>
    </message>
    <message>
        <source>Wording after the merge</source>
        <translation>Wortlaut nach dem Zusammenführen</translation>
    </message>
    <message>
        <source>&amp;Wording after the merge (editable):</source>
        <translation>&amp;Wortlaut nach dem Zusammenführen (änderbar):</translation>
    </message>
    <message>
        <source>Duplicate:</source>
        <translation>Duplikat:</translation>
    </message>
    <message>
        <source>Kept idea:</source>
        <translation>Bleibende Idee:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Live wall</source>
        <translation>Live-Wand</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <source>No event open</source>
        <translation>Keine Veranstaltung geöffnet</translation>
    </message>
    <message>
        <source>No fields of action yet</source>
        <translation>Noch keine Handlungsfelder</translation>
    </message>
    <message>
        <source>Add them in the Setup page.</source>
        <translation>Legen Sie sie in der Einrichtung an.</translation>
    </message>
    <message>
        <source>1 idea</source>
        <translation>1 Idee</translation>
    </message>
    <message>
        <source>%1 ideas</source>
        <translation>%1 Ideen</translation>
    </message>
    <message>
        <source>+ %1 more</source>
        <translation>+ %1 weitere</translation>
    </message>
    <message>
        <source>The first ideas will appear here.</source>
        <translation>Hier erscheinen gleich die ersten Ideen.</translation>
    </message>
    <message>
        <source>No vote yet</source>
        <translation>Noch keine Abstimmung</translation>
    </message>
    <message>
        <source>The results appear here once the participants have voted.</source>
        <translation>Die Ergebnisse erscheinen hier, sobald abgestimmt wurde.</translation>
    </message>
    <message>
        <source>Turnout: %1 of %2 participants · %3 of %4 dots</source>
        <translation>Beteiligung: %1 von %2 Teilnehmenden · %3 von %4 Punkten</translation>
    </message>
    <message>
        <source>Check value of the result (SHA-256): {digest}</source>
        <translation>Prüfwert des Ergebnisses (SHA-256): {digest}</translation>
    </message>
    <message>
        <source>The ranking is shown when the round is closed.</source>
        <translation>Die Rangfolge wird gezeigt, sobald die Runde abgeschlossen ist.</translation>
    </message>
    <message>
        <source>No dots yet.</source>
        <translation>Noch keine Punkte vergeben.</translation>
    </message>
    <message>
        <source>tied</source>
        <translation>gleichauf</translation>
    </message>
</context>
<context>
    <name>WallWorkspace</name>
    <message>
        <source>Show on projector</source>
        <translation>Auf dem Beamer zeigen</translation>
    </message>
    <message>
        <source>All fields of action</source>
        <translation>Alle Handlungsfelder</translation>
    </message>
    <message>
        <source>One field of action</source>
        <translation>Ein Handlungsfeld</translation>
    </message>
    <message>
        <source>One idea in the spotlight</source>
        <translation>Eine Idee im Fokus</translation>
    </message>
    <message>
        <source>Idle screen with the event&apos;s title</source>
        <translation>Ruhebild mit dem Titel der Veranstaltung</translation>
    </message>
    <message>
        <source>Turnout and results</source>
        <translation>Beteiligung und Ergebnisse</translation>
    </message>
    <message>
        <source>The wall shows</source>
        <translation>Die Wand zeigt</translation>
    </message>
    <message>
        <source>Field of action on the wall</source>
        <translation>Handlungsfeld auf der Wand</translation>
    </message>
    <message>
        <source>Search an idea for the spotlight</source>
        <translation>Idee für das Rampenlicht suchen</translation>
    </message>
    <message>
        <source>Search an idea…</source>
        <translation>Idee suchen …</translation>
    </message>
    <message>
        <source>Idea in the spotlight</source>
        <translation>Idee im Rampenlicht</translation>
    </message>
    <message>
        <source>Font size for the room</source>
        <translation>Schriftgröße für den Saal</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>Beamer</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Full screen on the second display (%1).</source>
        <translation>Vollbild auf dem zweiten Bildschirm (%1).</translation>
    </message>
    <message>
        <source>Only one display is connected: the wall opens as a window. Connect the projector to show it full screen.</source>
        <translation>Nur ein Bildschirm ist angeschlossen: Die Wand öffnet sich als Fenster. Schließen Sie den Beamer an, um sie im Vollbild zu zeigen.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>list the ideas of an event</source>
        <translation>die Ideen einer Veranstaltung auflisten</translation>
    </message>
    <message>
        <source>event file or database URL</source>
        <translation>Veranstaltungsdatei oder Datenbank-URL</translation>
    </message>
    <message>
        <source>only this field of action (its name or the start of it)</source>
        <translation>nur dieses Handlungsfeld (sein Name oder dessen Anfang)</translation>
    </message>
    <message>
        <source>output format (default: text)</source>
        <translation>Ausgabeformat (Standard: text)</translation>
    </message>
    <message>
        <source>include hidden and merged ideas</source>
        <translation>auch ausgeblendete und zusammengeführte Ideen</translation>
    </message>
    <message>
        <source>only ideas containing these words</source>
        <translation>nur Ideen, die diese Wörter enthalten</translation>
    </message>
    <message>
        <source>Ideas: {count}</source>
        <translation>Ideen: {count}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>No single field of action is called “{name}”. The fields are: {names}.</source>
        <translation>Kein einzelnes Handlungsfeld heißt „{name}“. Die Handlungsfelder sind: {names}.</translation>
    </message>
    <message>
        <source>The idea is empty. Type what was said, then press Enter.</source>
        <translation>Die Idee ist leer. Tippen Sie ein, was gesagt wurde, und drücken Sie Enter.</translation>
    </message>
    <message>
        <source>The idea has {length} characters; at most {limit} fit on a card. Shorten it or split it into several ideas. Your text is still there.</source>
        <translation>Die Idee hat {length} Zeichen; auf eine Karte passen höchstens {limit}. Kürzen Sie sie oder teilen Sie sie in mehrere Ideen auf. Ihr Text ist noch da.</translation>
    </message>
    <message>
        <source>This idea no longer exists. It may have been withdrawn on another laptop.</source>
        <translation>Diese Idee gibt es nicht mehr. Vielleicht wurde sie auf einem anderen Laptop zurückgenommen.</translation>
    </message>
    <message>
        <source>This field of action no longer exists. It may have been removed on another laptop.</source>
        <translation>Dieses Handlungsfeld gibt es nicht mehr. Vielleicht wurde es auf einem anderen Laptop entfernt.</translation>
    </message>
    <message>
        <source>This guiding question no longer exists.</source>
        <translation>Diese Leitfrage gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>The guiding question belongs to another field of action. Pick one of this field.</source>
        <translation>Die Leitfrage gehört zu einem anderen Handlungsfeld. Wählen Sie eine Leitfrage dieses Handlungsfelds.</translation>
    </message>
    <message>
        <source>This table no longer exists.</source>
        <translation>Diesen Tisch gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This participant no longer exists.</source>
        <translation>Diese Person gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>{name} has not agreed to be named as the author of ideas. Save the idea without a name.</source>
        <translation>{name} hat nicht eingewilligt, als Urheber:in von Ideen genannt zu werden. Speichern Sie die Idee ohne Namen.</translation>
    </message>
    <message>
        <source>Somebody changed this idea in the meantime; it now reads: “{text}”. Nothing was saved. Look at the idea again and repeat your change.</source>
        <translation>Jemand hat diese Idee inzwischen geändert; sie lautet jetzt: „{text}“. Es wurde nichts gespeichert. Sehen Sie sich die Idee noch einmal an und wiederholen Sie Ihre Änderung.</translation>
    </message>
    <message>
        <source>This idea is being voted on right now (round “{round}”). Hide or merge it after the round is closed.</source>
        <translation>Über diese Idee wird gerade abgestimmt (Runde „{round}“). Blenden Sie sie aus oder führen Sie sie zusammen, wenn die Runde abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Somebody changed this idea at the same moment. Nothing was saved. Look at the idea again and repeat your change.</source>
        <translation>Jemand hat diese Idee im selben Moment geändert. Es wurde nichts gespeichert. Sehen Sie sich die Idee noch einmal an und wiederholen Sie Ihre Änderung.</translation>
    </message>
    <message>
        <source>This idea has been merged or voted on and can no longer be taken back. Hide it instead.</source>
        <translation>Diese Idee wurde bereits zusammengeführt oder bewertet und kann nicht mehr zurückgenommen werden. Blenden Sie sie stattdessen aus.</translation>
    </message>
    <message>
        <source>This idea was merged into another one. Edit that one, or undo the merge first.</source>
        <translation>Diese Idee wurde mit einer anderen zusammengeführt. Bearbeiten Sie jene oder heben Sie zuerst die Zusammenführung auf.</translation>
    </message>
    <message>
        <source>Give a reason for hiding the idea, for example “off topic” or “duplicate”.</source>
        <translation>Geben Sie einen Grund für das Ausblenden an, zum Beispiel „nicht zum Thema“ oder „doppelt“.</translation>
    </message>
    <message>
        <source>This idea was merged into another one and is not shown anyway.</source>
        <translation>Diese Idee wurde mit einer anderen zusammengeführt und wird ohnehin nicht gezeigt.</translation>
    </message>
    <message>
        <source>This idea is hidden already.</source>
        <translation>Diese Idee ist bereits ausgeblendet.</translation>
    </message>
    <message>
        <source>This idea is not hidden.</source>
        <translation>Diese Idee ist nicht ausgeblendet.</translation>
    </message>
    <message>
        <source>An idea cannot be merged into itself. Pick another idea.</source>
        <translation>Eine Idee kann nicht mit sich selbst zusammengeführt werden. Wählen Sie eine andere Idee.</translation>
    </message>
    <message>
        <source>This idea has been merged into another one already.</source>
        <translation>Diese Idee wurde bereits mit einer anderen zusammengeführt.</translation>
    </message>
    <message>
        <source>This idea is hidden. Show it again before merging it.</source>
        <translation>Diese Idee ist ausgeblendet. Blenden Sie sie wieder ein, bevor Sie sie zusammenführen.</translation>
    </message>
    <message>
        <source>The idea to merge into is hidden. Show it again first, or pick another one.</source>
        <translation>Die Idee, mit der zusammengeführt werden soll, ist ausgeblendet. Blenden Sie sie zuerst wieder ein oder wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>The idea to merge into was itself merged into another one. Merge into that one instead.</source>
        <translation>Die gewählte Idee wurde selbst schon mit einer anderen zusammengeführt. Führen Sie stattdessen mit jener zusammen.</translation>
    </message>
    <message>
        <source>This idea is not merged into another one.</source>
        <translation>Diese Idee ist mit keiner anderen zusammengeführt.</translation>
    </message>
    <message>
        <source>Choose the field of action first.</source>
        <translation>Wählen Sie zuerst das Handlungsfeld.</translation>
    </message>
    <message>
        <source>“{name}” is not among the participants who agreed to be named. Pick a name from the list, or leave the field empty.</source>
        <translation>„{name}“ ist nicht unter den Teilnehmenden, die einer Namensnennung zugestimmt haben. Wählen Sie einen Namen aus der Liste oder lassen Sie das Feld leer.</translation>
    </message>
</context>
</TS>
